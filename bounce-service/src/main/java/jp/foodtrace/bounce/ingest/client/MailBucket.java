package jp.foodtrace.bounce.ingest.client;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import jp.foodtrace.bounce.config.BounceConfig;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.MetadataDirective;

/** The inbound-mail bucket: list a page after a key, read, copy and delete objects. */
@ApplicationScoped
public class MailBucket {

    /** One listed object; {@code etag} without the quotes S3 puts around it. */
    public record Listed(String key, String etag, long size) {
    }

    /** One page of a listing; {@code truncated} when more keys follow the last one. */
    public record Page(List<Listed> objects, boolean truncated) {
    }

    private final S3Client s3;
    private final String bucket;

    public MailBucket(S3Client s3, BounceConfig config) {
        this.s3 = s3;
        this.bucket = config.bucket();
    }

    public String name() {
        return bucket;
    }

    /** Keys under {@code prefix} after {@code startAfter} ("" for the start), in key order. */
    public Page list(String prefix, String startAfter, int maxKeys) {
        ListObjectsV2Request.Builder request = ListObjectsV2Request.builder().bucket(bucket).prefix(prefix)
                .maxKeys(maxKeys);
        if (!startAfter.isEmpty()) {
            request.startAfter(startAfter);
        }
        ListObjectsV2Response response = s3.listObjectsV2(request.build());
        List<Listed> objects = response.contents().stream()
                .map(o -> new Listed(o.key(), unquote(o.eTag()), o.size() == null ? 0 : o.size()))
                .toList();
        return new Page(objects, Boolean.TRUE.equals(response.isTruncated()));
    }

    public byte[] read(String key) {
        return s3.getObjectAsBytes(GetObjectRequest.builder().bucket(bucket).key(key).build()).asByteArray();
    }

    /**
     * Server-side copy within the bucket. With metadata, the copy carries exactly that user
     * metadata (S3's REPLACE directive); without, it keeps the original's.
     */
    public void copy(String key, String target, Map<String, String> metadata) {
        CopyObjectRequest.Builder request = CopyObjectRequest.builder()
                .sourceBucket(bucket).sourceKey(key).destinationBucket(bucket).destinationKey(target);
        if (!metadata.isEmpty()) {
            request.metadataDirective(MetadataDirective.REPLACE).metadata(metadata);
        }
        s3.copyObject(request.build());
    }

    public void delete(String key) {
        s3.deleteObject(b -> b.bucket(bucket).key(key));
    }

    static String unquote(String etag) {
        if (etag == null) {
            return "";
        }
        return etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\"")
                ? etag.substring(1, etag.length() - 1)
                : etag;
    }
}
