package jp.foodtrace.console.source;

import io.quarkus.qute.TemplateData;

/**
 * One panel of the console: its figures, or why there are none ({@code unavailable}), so that a
 * service that does not answer greys out its panel and nothing else.
 */
@TemplateData
public record Panel<T>(T data, String unavailable) {

    public static <T> Panel<T> of(T data) {
        return new Panel<>(data, null);
    }

    public static <T> Panel<T> unavailable(String reason) {
        return new Panel<>(null, reason);
    }

    public boolean ok() {
        return unavailable == null;
    }
}
