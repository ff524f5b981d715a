package jp.foodtrace.rest;

import java.nio.charset.Charset;
import java.util.List;

import jakarta.ws.rs.core.MediaType;

import jp.foodtrace.text.Csv;
import jp.foodtrace.text.JapaneseText;
import jp.foodtrace.text.MalformedTextException;

/**
 * CSV bodies in and out of the API, in UTF-8 or Shift_JIS, where Shift_JIS always means
 * Windows-31J (what HQ's batch jobs, Excel and handhelds write: ①, ㈱, 髙 and the other NEC and IBM
 * extensions). An upload is decoded strictly and parsed as strict RFC 4180, and refused whole with
 * the line where it went wrong rather than read with replacement characters or with fields run
 * together: an unsupported charset is 415 {@code unsupported-charset}; bytes not valid in the
 * charset or a broken CSV structure (a quote never closed) are 400 {@code malformed-csv}, the line
 * in {@code errors}. A download in a charset other than these is 406 {@code unsupported-charset}.
 */
public final class CsvBodies {

    private CsvBodies() {
    }

    /** The rows of an upload with this Content-Type (its {@code charset} parameter; UTF-8 when none). */
    public static List<Csv.Row> read(MediaType contentType, byte[] body) {
        return read(body, contentType == null ? null : contentType.getParameters().get("charset"));
    }

    /** The rows of an upload whose Content-Type names {@code charsetName} (UTF-8 when null). */
    public static List<Csv.Row> read(byte[] body, String charsetName) {
        Charset charset = JapaneseText.charset(charsetName).orElseThrow(() -> new ProblemException(Problem.of(415,
                "unsupported-charset", "Unsupported media type",
                "unsupported charset " + charsetName + "; CSV is read in UTF-8 or Shift_JIS")));
        String text;
        try {
            text = JapaneseText.decode(body, charset);
        } catch (MalformedTextException e) {
            throw malformed(e, "invalid-encoding");
        }
        try {
            return Csv.parse(text);
        } catch (MalformedTextException e) {
            throw malformed(e, "malformed-csv");
        }
    }

    /** 400 {@code malformed-csv} with one detail on the given line. */
    public static ProblemException malformed(int line, String code, String message) {
        return ProblemException.invalid(400, "malformed-csv", "Malformed CSV", "line " + line + ": " + message,
                List.of(Problem.Detail.ofField(line, null, code, message)));
    }

    /** The charset a client asked a CSV answer in (UTF-8 when none); 406 for any other than UTF-8 or Shift_JIS. */
    public static Charset responseCharset(String charsetName) {
        return JapaneseText.charset(charsetName).orElseThrow(() -> new ProblemException(Problem.of(406,
                "unsupported-charset", "Not acceptable",
                "unsupported charset " + charsetName + "; CSV is served in UTF-8 or Shift_JIS")));
    }

    /** The Content-Type of a CSV answer: {@code charset=Shift_JIS} for Windows-31J, as clients expect. */
    public static String mediaType(Charset charset) {
        return "text/csv; charset=" + JapaneseText.mimeName(charset);
    }

    private static ProblemException malformed(MalformedTextException e, String code) {
        return malformed(e.line(), code, e.reason());
    }
}
