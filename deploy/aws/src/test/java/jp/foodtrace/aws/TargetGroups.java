package jp.foodtrace.aws;

import java.util.LinkedHashMap;
import java.util.Map;

import static jp.foodtrace.aws.SynthesizedSuite.list;
import static jp.foodtrace.aws.SynthesizedSuite.map;

final class TargetGroups {

    private TargetGroups() {
    }

    /** TargetGroupAttributes as key to value. */
    static Map<String, Object> attributes(Map<String, Object> targetGroupProperties) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        for (Object attribute : list(targetGroupProperties.get("TargetGroupAttributes"))) {
            attributes.put((String) map(attribute).get("Key"), map(attribute).get("Value"));
        }
        return attributes;
    }
}
