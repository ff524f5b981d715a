package jp.foodtrace.sync.rest;

import java.util.Locale;

import jp.foodtrace.sync.batch.Rejected;
import jp.foodtrace.text.Codes;

/**
 * Small parsing helpers for uploads: the charset of a Content-Type, and CSV cell values. Cells
 * are read as people type them on Japanese keyboards: full-width digits and letters are their
 * ASCII forms ({@link Codes}).
 */
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
        return switch (Codes.normalize(cell).toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            case "" -> null;
            default -> throw new Rejected("not a boolean: " + cell);
        };
    }

    /** A whole number in any width, or null for an empty cell. */
    public static Integer integer(String cell, String column) {
        return Codes.normalize(cell).isEmpty() ? null : (int) number(cell, column);
    }

    /**
     * A whole number in any width ({@code １２} is 12), within int like every quantity here;
     * anything else rejects the record.
     */
    public static long number(String cell, String column) {
        try {
            return Codes.parseInt(cell);
        } catch (NumberFormatException e) {
            throw new Rejected(column + " is not a number: " + cell);
        }
    }
}
