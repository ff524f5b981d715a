package jp.foodtrace.e2e;

import java.net.URI;

import jp.foodtrace.platform.PlatformConfig;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** A client of the platform's S3 server, as SES inbound would write to the bucket. */
final class LocalS3 {

    private LocalS3() {
    }

    static S3Client client(PlatformConfig config) {
        return S3Client.builder()
                .endpointOverride(URI.create(config.s3Endpoint()))
                .region(Region.US_WEST_2)
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        PlatformConfig.S3_ACCESS_KEY, PlatformConfig.S3_SECRET_KEY)))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }
}
