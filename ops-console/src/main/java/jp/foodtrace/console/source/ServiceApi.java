package jp.foodtrace.console.source;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.foodtrace.console.config.ConsoleConfig;
import jp.foodtrace.messaging.Tracing;

/**
 * Reads one service's JSON API with its token. Anything but a 200 with JSON is an
 * {@link Unavailable} whose message is what the panel shows: the console reports, it does not
 * retry; the next page load asks again.
 */
@ApplicationScoped
public class ServiceApi {

    /** Why a panel has nothing to show. */
    public static final class Unavailable extends RuntimeException {
        public Unavailable(String reason) {
            super(reason);
        }
    }

    private final HttpClient http;
    private final ObjectMapper json;
    private final Duration timeout;

    public ServiceApi(ObjectMapper json, ConsoleConfig config) {
        this.json = json;
        this.timeout = config.timeout();
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public JsonNode get(String service, String baseUrl, String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout)
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET();
        // The service's request span joins the trace of the console page that asked.
        Tracing.current().ifPresent(traceparent -> builder.header("traceparent", traceparent));
        HttpRequest request = builder.build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Unavailable(service + " does not answer (" + describe(e) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable(service + ": interrupted");
        }
        if (response.statusCode() != 200) {
            throw new Unavailable(service + " answered " + response.statusCode() + " to GET " + path);
        }
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new Unavailable(service + " answered GET " + path + " with something that is not JSON");
        }
    }

    static String describe(Exception e) {
        String name = e.getClass().getSimpleName();
        return e.getMessage() == null || e.getMessage().isBlank() ? name : name + ": " + e.getMessage();
    }
}
