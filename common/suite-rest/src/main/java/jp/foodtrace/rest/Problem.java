package jp.foodtrace.rest;

import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem detail, the body of every error the suite answers. {@code type} is a stable
 * URI per error, {@code code} its last segment for clients that switch on it, {@code errors} the
 * field-, line- or pointer-level details where there are some (left out when empty).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(URI type, String title, int status, String detail, String code, List<Detail> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://foodtrace.jp/problems/";

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static Problem of(int status, String code, String title, String detail) {
        return new Problem(URI.create(TYPE_BASE + code), title, status, detail, code, List.of());
    }

    public Problem withErrors(List<Detail> details) {
        return new Problem(type, title, status, detail, code, details);
    }

    /**
     * One detail: where (the 1-based line of a CSV body or the index of an entry, a field name, or
     * a JSON pointer), a stable code and a text. Absent parts are left out.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Detail(Integer line, String field, String pointer, String code, String message) {

        public static Detail ofField(Integer line, String field, String code, String message) {
            return new Detail(line, field, null, code, message);
        }

        public static Detail ofPointer(String pointer, String code, String message) {
            return new Detail(null, null, pointer, code, message);
        }
    }
}
