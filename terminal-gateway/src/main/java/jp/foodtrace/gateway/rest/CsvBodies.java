package jp.foodtrace.gateway.rest;

import java.nio.charset.Charset;
import java.util.List;

import jakarta.ws.rs.core.MediaType;

import jp.foodtrace.rest.Problem;
import jp.foodtrace.rest.ProblemException;
import jp.foodtrace.text.Csv;
import jp.foodtrace.text.JapaneseText;
import jp.foodtrace.text.MalformedTextException;

/**
 * Reads a CSV request body (order batches, the fleet import): the charset of the Content-Type
 * (UTF-8 when none is named, any name of Shift_JIS read as Windows-31J), decoded strictly and parsed
 * as strict RFC 4180. A file is refused whole, with the line where it went wrong, rather than read
 * with replacement characters or with fields run together: an unsupported charset is 415
 * {@code unsupported-charset}; bytes not valid in the charset or a broken CSV structure (a quote
 * never closed, a quote inside an unquoted field) are 400 {@code malformed-csv}.
 */
public final class CsvBodies {

    private CsvBodies() {
    }

    public static List<Csv.Row> read(MediaType contentType, byte[] body) {
        String name = contentType == null ? null : contentType.getParameters().get("charset");
        Charset charset = JapaneseText.charset(name).orElseThrow(() -> new ProblemException(Problem.of(415,
                "unsupported-charset", "Unsupported media type", "unsupported charset " + name
                        + "; use UTF-8 or Shift_JIS")));
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

    private static ProblemException malformed(MalformedTextException e, String code) {
        return ProblemException.invalid(400, "malformed-csv", "Malformed CSV", e.getMessage(),
                List.of(Problem.Detail.ofField(e.line(), null, code, e.reason())));
    }
}
