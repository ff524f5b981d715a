package jp.foodtrace.bounce.analysis.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void readsNestedObjectsArraysAndEscapes() {
        Object v = Json.parse("{\"a\": [1, {\"b\": \"x\\\"y\\u00e9\"}], \"c\": true, \"d\": null}");
        List<?> a = Json.array(v, "a");
        assertEquals(2, a.size());
        assertEquals("x\"y\u00e9", Json.string(a.get(1), "b"));
        assertEquals(Boolean.TRUE, ((Map<?, ?>) v).get("c"));
    }

    @Test
    void malformedTextGivesNullInsteadOfThrowing() {
        assertNull(Json.parse("{\"a\": [1, 2"));
        assertNull(Json.parse("{\"a\" 1}"));
        assertNull(Json.parse("{} trailing"));
    }
}
