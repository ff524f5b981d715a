package jp.foodtrace.gateway.problem;

import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem detail. {@code code} is the stable machine-readable reason (also the last
 * segment of {@code type}); {@code errors} lists field- or line-level details where there are some.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(URI type, String title, int status, String detail, String code, List<Detail> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://foodtrace.jp/problems/";

    public static Problem of(int status, String code, String title, String detail) {
        return new Problem(URI.create(TYPE_BASE + code), title, status, detail, code, List.of());
    }

    public Problem withErrors(List<Detail> details) {
        return new Problem(type, title, status, detail, code, List.copyOf(details));
    }

    /** One detail: the line (CSV) or line number of an order, a field, a stable code and a text. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Detail(Integer line, String field, String code, String message) {
    }
}
