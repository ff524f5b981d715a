package jp.foodtrace.bounce.analysis.format;

import java.util.List;
import java.util.Locale;

import jp.foodtrace.bounce.analysis.Delivery;
import jp.foodtrace.bounce.analysis.mime.MailMessage;

/**
 * amavisd-new, the content filter: From "Content-filter at host", a notice opening with "The
 * message ...", an RFC 3464 report and the returned headers as {@code text/rfc822-headers}.
 * The filter's verdict ("... - spam", "- infected", "- bad header:") in the diagnosis names the
 * reason. As in Sisimai's Lhost::Amavis.
 */
public final class Amavis implements BounceFormat {
    private static final String[][] VERDICTS = {
            {"spamdetected", " - spam"}, {"virusdetected", " - infected"}, {"contenterror", " - bad header:"},
            {"exceedlimit", " - message size exceeds recipient"},
            {"systemerror", " - temporary mta failure on relaying"},
            {"systemerror", " - rejected by next-hop mta on relaying"},
            {"systemerror", " - unable to relay message back to mta"}};

    @Override
    public String name() {
        return "Amavis";
    }

    @Override
    public List<Delivery> parse(MailMessage mail) {
        if (!mail.headers().get("from").strip().startsWith("\"Content-filter at ")) {
            return null;
        }
        String section = Sections.after(mail.report(), "The message ");
        if (section == null) {
            return null;
        }
        List<Delivery> found = Rfc3464.fields(section);
        for (Delivery d : found) {
            if (d.diagnosticType.equals("X-POSTFIX")) {
                d.diagnosticType = "SMTP";
            }
            d.reason = Text.reasonFor(d.diagnosis.toLowerCase(Locale.ROOT), VERDICTS);
        }
        return found.isEmpty() ? null : found;
    }
}
