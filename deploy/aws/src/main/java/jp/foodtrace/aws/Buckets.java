package jp.foodtrace.aws;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.constructs.Construct;

import java.util.List;

/**
 * The one way the suite makes a bucket: encrypted, public access blocked, TLS only, owner-enforced
 * objects. Versioning is on for data that must not be lost (returned mail); logs and query
 * results are recreated or expire, so they are not versioned.
 */
final class Buckets {

    private Buckets() {
    }

    static Bucket create(Construct scope, String id, String name, boolean mustNotBeLost, Integer expireAfterDays) {
        Bucket.Builder builder = Bucket.Builder.create(scope, id)
                .encryption(BucketEncryption.S3_MANAGED)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .enforceSsl(true)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .versioned(mustNotBeLost)
                .removalPolicy(mustNotBeLost ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY)
                .autoDeleteObjects(false);
        if (name != null) {
            builder.bucketName(name);
        }
        if (expireAfterDays != null) {
            builder.lifecycleRules(List.of(LifecycleRule.builder()
                    .expiration(Duration.days(expireAfterDays))
                    .build()));
        }
        return builder.build();
    }
}
