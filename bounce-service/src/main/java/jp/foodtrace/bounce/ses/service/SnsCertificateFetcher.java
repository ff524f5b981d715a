package jp.foodtrace.bounce.ses.service;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Fetches an SNS signing certificate over HTTPS. Called only with a URL {@link SnsSignatures} has
 * checked (https, an {@code sns.<region>.amazonaws.com} host); redirects are not followed, so the
 * request cannot be sent elsewhere, and the answer is read up to {@link #MAX_BYTES}.
 */
@ApplicationScoped
public class SnsCertificateFetcher implements SnsSignatures.CertificateFetcher {

    static final int MAX_BYTES = 64 * 1024;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Override
    public byte[] fetch(URI url) throws Exception {
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                .GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + response.statusCode() + " from " + url.getHost());
            }
            byte[] bytes = body.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new IllegalStateException("certificate larger than " + MAX_BYTES + " bytes");
            }
            return bytes;
        }
    }
}
