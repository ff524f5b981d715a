package jp.foodtrace.sync.rest;

import jp.foodtrace.sync.batch.Rejected;

/** Small parsing helpers for uploads: the charset of a Content-Type, and CSV cell values. */
public final class MediaTypes {

    private MediaTypes() {
    }

    /** The charset parameter of a media type, or null. */
    public static String charset(String mediaType) {
        if (mediaType == null) {
            return null;
        }
        for (String param : mediaType.split(";")) {
            String[] kv = param.strip().split("=", 2);
            if (kv.length == 2 && kv[0].strip().equalsIgnoreCase("charset")) {
                return kv[1].strip();
            }
        }
        return null;
    }

    public static Boolean bool(String cell) {
        return switch (cell.strip().toLowerCase()) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            case "" -> null;
            default -> throw new Rejected("not a boolean: " + cell);
        };
    }

    public static Integer integer(String cell, String column) {
        return cell.isBlank() ? null : (int) number(cell, column);
    }

    public static long number(String cell, String column) {
        try {
            return Long.parseLong(cell.strip());
        } catch (NumberFormatException e) {
            throw new Rejected(column + " is not a number: " + cell);
        }
    }
}
