package jp.foodtrace.bounce.analysis.format;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.foodtrace.bounce.analysis.Deadline;
import jp.foodtrace.bounce.analysis.Delivery;
import jp.foodtrace.bounce.analysis.mime.MailMessage;

/**
 * Facebook's mail servers: a delivery report whose diagnostic carries Facebook's own response
 * code (RCP-P2, POL-P1 ...), which names the reason. Codes as in Sisimai's Lhost::Facebook.
 */
public final class Facebook implements BounceFormat {
    private static final Pattern CODE = Pattern.compile("\\b([A-Z]{3})-([A-Z])(\\d)\\b");
    private static final Pattern TEMPORARY_INTERNAL = Pattern.compile("^INT-T\\d+$");
    private static final Map<String, String> CODES = Map.ofEntries(
            Map.entry("RCP-P1", "userunknown"), Map.entry("INT-P1", "userunknown"), Map.entry("INT-P3", "userunknown"),
            Map.entry("INT-P4", "userunknown"), Map.entry("RCP-P2", "filtered"), Map.entry("RCP-P3", "filtered"),
            Map.entry("POL-P1", "blocked"), Map.entry("POL-P2", "blocked"), Map.entry("MSG-P1", "mesgtoobig"),
            Map.entry("INT-P2", "mesgtoobig"), Map.entry("MSG-P2", "contenterror"), Map.entry("MSG-P3", "contenterror"),
            Map.entry("POL-P6", "contenterror"), Map.entry("POL-P7", "contenterror"), Map.entry("POL-P3", "notaccept"),
            Map.entry("POL-P4", "notaccept"), Map.entry("POL-T1", "notaccept"), Map.entry("POL-T2", "notaccept"),
            Map.entry("POL-T3", "notaccept"), Map.entry("DNS-P1", "rejected"), Map.entry("DNS-P2", "rejected"),
            Map.entry("DNS-T1", "rejected"), Map.entry("DNS-P3", "rejected"), Map.entry("DNS-T2", "rejected"),
            Map.entry("CON-T1", "systemerror"), Map.entry("RCP-T1", "systemerror"), Map.entry("CON-T2", "toomanyconn"),
            Map.entry("CON-T3", "toomanyconn"), Map.entry("POL-P5", "virusdetected"), Map.entry("RCP-T4", "suspend"),
            Map.entry("MSG-T1", "undefined"), Map.entry("CON-T4", "undefined"));

    @Override
    public String name() {
        return "Facebook";
    }

    @Override
    public List<Delivery> parse(MailMessage mail) {
        if (!mail.headers().get("from").equals("Facebook <mailer-daemon@mx.facebook.com>")
                || !mail.headers().get("subject").equals("Sorry, your message could not be delivered")) {
            return null;
        }
        List<Delivery> found = Rfc3464.fields(mail.report());
        if (found.isEmpty()) {
            return null;
        }
        for (Delivery d : found) {
            Matcher m = CODE.matcher(Deadline.guard(d.diagnosis));
            String code = m.find() ? m.group(1) + "-" + m.group(2) + m.group(3) : "";
            d.reason = CODES.getOrDefault(code, TEMPORARY_INTERNAL.matcher(Deadline.guard(code)).matches() ? "systemerror" : "");
        }
        return found;
    }
}
