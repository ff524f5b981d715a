package jp.foodtrace.sync.feed.rest;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.util.List;

import org.jboss.logging.Logger;

import jp.foodtrace.sync.feed.FeedOrder;
import jp.foodtrace.text.Csv;
import jp.foodtrace.text.JapaneseText;
import jp.foodtrace.text.MalformedTextException;

/**
 * A page of the feed as CSV for HQ's batch jobs: one row per order line, encoded strictly in the
 * charset asked for (Shift_JIS being Windows-31J, so ①, ㈱ and 髙 go out as they came in).
 *
 * <p>A character that has no code in the charset (an emoji or a rare ideograph outside
 * Windows-31J, in a unit) is written as 〓 (U+3013, the geta mark that Japanese systems print for
 * a character they cannot show) and counted, never as {@code ?} and never by leaving the row out
 * or refusing the page. Leaving an order out would lose it for good once HQ acknowledges the page,
 * and refusing the page would hold every order behind it until someone intervened; a marked
 * character in one unit costs HQ a look at one line. The answer says how many were written so
 * (header {@code Feed-Substituted}), and each is logged with its order and character. Codes and
 * quantities are ASCII, so only text can be affected; UTF-8 has a code for every character.
 */
final class FeedCsv {

    /** What a CSV client sees for a character its charset cannot hold. */
    static final String SUBSTITUTE = "\u3013";

    static final List<String> COLUMNS = List.of("cursor", "order_id", "receipt_id", "terminal_id", "store_code",
            "sequence", "delivery_date", "accepted_at", "line_no", "item_code", "quantity", "unit");

    private static final Logger LOG = Logger.getLogger(FeedCsv.class);

    /** The encoded page and how many characters were written as {@link #SUBSTITUTE}. */
    record Encoded(byte[] bytes, int substituted) {
    }

    private FeedCsv() {
    }

    static Encoded write(List<FeedOrder> orders, Charset charset) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int substituted = 0;
        out.writeBytes(JapaneseText.encode(Csv.line(COLUMNS), charset));
        for (FeedOrder order : orders) {
            for (FeedOrder.Line line : order.lines()) {
                String row = Csv.line(order.position(), order.orderId(), order.receiptId(), order.terminalId(),
                        order.storeCode(), order.sequence(), order.deliveryDate(), order.acceptedAt(), line.lineNo(),
                        line.itemCode(), line.quantity(), line.unit());
                byte[] bytes;
                try {
                    bytes = JapaneseText.encode(row, charset);
                } catch (MalformedTextException e) {
                    LOG.warnf("feed order %s line %d: %s; written as %s", order.orderId(), line.lineNo(), e.reason(),
                            SUBSTITUTE);
                    Substituted s = substitute(row, charset);
                    substituted += s.count();
                    bytes = JapaneseText.encode(s.text(), charset);
                }
                out.writeBytes(bytes);
            }
        }
        return new Encoded(out.toByteArray(), substituted);
    }

    private record Substituted(String text, int count) {
    }

    private static Substituted substitute(String text, Charset charset) {
        CharsetEncoder encoder = charset.newEncoder();
        StringBuilder out = new StringBuilder(text.length());
        int count = 0;
        for (int i = 0; i < text.length(); ) {
            int n = Character.charCount(text.codePointAt(i));
            String character = text.substring(i, i + n);
            if (encoder.canEncode(character)) {
                out.append(character);
            } else {
                out.append(SUBSTITUTE);
                count++;
            }
            i += n;
        }
        return new Substituted(out.toString(), count);
    }
}
