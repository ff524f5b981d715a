package jp.foodtrace.bounce.problem;

import java.net.URI;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem detail. {@code code} is the stable machine-readable reason (also the last
 * segment of {@code type}).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(URI type, String title, int status, String detail, String code) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://foodtrace.jp/problems/";

    public static Problem of(int status, String code, String title, String detail) {
        return new Problem(URI.create(TYPE_BASE + code), title, status, detail, code);
    }
}
