package jp.foodtrace.bounce.analysis.format;

import java.util.ArrayList;
import java.util.List;

import jp.foodtrace.bounce.analysis.Delivery;
import jp.foodtrace.bounce.analysis.mime.MailMessage;

/**
 * BIGLOBE and the cable providers on its mail system (inacatv, tmtv, ttv): From
 * {@code postmaster@<provider>.ne.jp}, Subject "Returned mail: ...", the failed addresses on
 * lines of their own after "----- The following addresses had delivery problems -----" and the
 * error text after them. As in Sisimai's Lhost::Biglobe.
 */
public final class Biglobe implements BounceFormat {
    private static final List<String> SENDERS = List.of(
            "postmaster@biglobe.ne.jp", "postmaster@inacatv.ne.jp", "postmaster@tmtv.ne.jp", "postmaster@ttv.ne.jp");
    private static final String START = "   ----- The following addresses had delivery problems -----";
    private static final String[][] MESSAGES = {
            {"filtered", "Mail Delivery Failed... User unknown"},
            {"mailboxfull", "The number of messages in recipient's mailbox exceeded the local limit."}};

    @Override
    public String name() {
        return "Biglobe";
    }

    @Override
    public List<Delivery> parse(MailMessage mail) {
        String from = mail.headers().get("from").toLowerCase(java.util.Locale.ROOT);
        if (SENDERS.stream().noneMatch(from::contains) || !mail.headers().get("subject").startsWith("Returned mail:")) {
            return null;
        }
        String section = Sections.after(mail.report(), START);
        if (section == null) {
            return null;
        }
        List<Delivery> out = new ArrayList<>();
        Delivery v = null;
        for (String line : section.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            if (line.indexOf(' ') < 0 && line.indexOf('@') > 0) {
                String address = Text.address(line);
                if (address.isEmpty()) {
                    continue;
                }
                v = new Delivery(address);
                out.add(v);
            } else if (v != null && isWordChar(line.charAt(0))) {
                v.diagnosis = v.diagnosis + " " + line;
            }
        }
        for (Delivery d : out) {
            d.diagnosis = Text.squeeze(d.diagnosis);
            d.reason = Text.reasonFor(d.diagnosis, MESSAGES);
        }
        return out.isEmpty() ? null : out;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
