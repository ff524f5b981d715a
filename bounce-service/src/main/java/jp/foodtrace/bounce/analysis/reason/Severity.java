package jp.foodtrace.bounce.analysis.reason;

import java.util.Set;

/** Hard or soft: the one place that decides whether sending to an address again can succeed. */
public final class Severity {
    private static final Set<String> HARD = Set.of("hasmoved", "hostunknown", "userunknown");
    private static final Set<String> NOT_A_BOUNCE = Set.of("delivered", "feedback", "vacation");

    private Severity() {
    }

    /**
     * @param reason   the settled reason
     * @param evidence status code and error text, used only for {@code notaccept}
     * @return TRUE for a hard bounce, FALSE for a soft one, null when it is no bounce at all
     */
    public static Boolean isHard(String reason, String evidence) {
        if (NOT_A_BOUNCE.contains(reason)) {
            return null;
        }
        if (HARD.contains(reason)) {
            return Boolean.TRUE;
        }
        if ("notaccept".equals(reason)) {
            // a host that accepts no mail at all is hard, unless it said so only for now
            String code = codeIn(evidence);
            return !code.startsWith("4");
        }
        return Boolean.FALSE;
    }

    /** TRUE permanent (5xx), FALSE temporary (4xx), null unknown; from a code or the wording. */
    public static Boolean isPermanent(String text) {
        String code = codeIn(text);
        if (code.startsWith("5")) {
            return Boolean.TRUE;
        }
        if (code.startsWith("4")) {
            return Boolean.FALSE;
        }
        if (!code.isEmpty()) {
            return null;
        }
        String lower = text.toLowerCase();
        if (lower.contains("temporar") || lower.contains("persistent")) {
            return Boolean.FALSE;
        }
        return lower.contains("permanent") ? Boolean.TRUE : null;
    }

    private static String codeIn(String text) {
        if (text == null) {
            return "";
        }
        String code = StatusCodes.find(text);
        return code.isEmpty() ? ReplyCodes.find(text) : code;
    }
}
