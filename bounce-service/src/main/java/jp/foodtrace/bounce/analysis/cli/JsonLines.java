package jp.foodtrace.bounce.analysis.cli;

import jp.foodtrace.bounce.analysis.BounceFact;

/** One bounce fact as one line of JSON, with the field names of the reference analyzer. */
public final class JsonLines {
    private JsonLines() {
    }

    public static String of(String file, BounceFact f) {
        StringBuilder sb = new StringBuilder(256).append('{');
        field(sb, "file", file).append(',');
        field(sb, "recipient", f.recipient()).append(',');
        field(sb, "reason", f.reason()).append(',');
        field(sb, "deliverystatus", f.deliveryStatus()).append(',');
        sb.append("\"hardbounce\":").append(f.hardBounce() == null ? "null" : f.hardBounce().toString()).append(',');
        field(sb, "action", f.action()).append(',');
        field(sb, "smtpagent", f.reportingAgent()).append(',');
        field(sb, "replycode", f.replyCode()).append(',');
        field(sb, "diagnostictype", f.diagnosticType()).append(',');
        field(sb, "feedbacktype", f.feedbackType()).append(',');
        field(sb, "diagnosticcode", f.diagnosticCode()).append(',');
        field(sb, "timestamp", f.timestamp() == null ? "" : f.timestamp().toString()).append(',');
        field(sb, "messageid", f.messageId());
        return sb.append('}').toString();
    }

    private static StringBuilder field(StringBuilder sb, String name, String value) {
        sb.append('"').append(name).append("\":\"");
        String v = value == null ? "" : value;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"');
    }
}
