package jp.foodtrace.bounce.analysis.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.foodtrace.bounce.analysis.Deadline;
import jp.foodtrace.bounce.analysis.Delivery;
import jp.foodtrace.bounce.analysis.mime.MailMessage;

/**
 * SurfControl E-mail Filter: {@code X-SEF-Processed} and X-Mailer "SurfControl E-mail Filter";
 * after "Your message could not be sent.", "Addressed To: address", the date, and
 * "address: [IP], error" with the remote answer; report fields (Status, Action, ...) may follow.
 * As in Sisimai's Lhost::SurfControl.
 */
public final class SurfControl implements BounceFormat {
    private static final Pattern ADDRESSED_TO = Pattern.compile("^Addressed To:[ \\t]*+([^ @]++@[^ ]++)$");
    private static final Pattern ERROR = Pattern.compile("^[^ @]++@[^ :]++:[ \\t]*+\\[(\\d++\\.\\d++\\.\\d++\\.\\d++)\\],[ \\t]*+(.+)$");
    private static final List<String> DAYS = List.of("Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat");

    @Override
    public String name() {
        return "SurfControl";
    }

    @Override
    public List<Delivery> parse(MailMessage mail) {
        if (!mail.headers().has("x-sef-processed")
                || !mail.headers().get("x-mailer").strip().equals("SurfControl E-mail Filter")) {
            return null;
        }
        String section = Sections.after(mail.report(), "Your message could not be sent.");
        if (section == null) {
            return null;
        }
        List<Delivery> out = new ArrayList<>();
        Delivery v = new Delivery();
        String last = "";
        for (String line : section.split("\n")) {
            if (line.isEmpty()) {
                last = "";
                continue;
            }
            Matcher to = ADDRESSED_TO.matcher(Deadline.guard(line));
            Matcher error = ERROR.matcher(Deadline.guard(line));
            if (to.matches()) {
                if (!v.recipient.isEmpty()) {
                    v = new Delivery();
                }
                v.recipient = Text.address(to.group(1));
                out.add(v);
            } else if (line.length() > 3 && DAYS.contains(line.substring(0, 3))
                    && (line.charAt(3) == ',' || line.charAt(3) == ' ' || line.charAt(3) == '\t')) {
                v.date = line;
            } else if (error.matches()) {
                v.remoteMta = error.group(1);
                v.diagnosis = error.group(2);
            } else if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && last.equals("diagnostic-code")) {
                v.diagnosis = v.diagnosis + " " + line.strip();
                continue;
            } else {
                field(v, line);
            }
            int colon = line.indexOf(':');
            last = colon > 0 ? line.substring(0, colon).toLowerCase(Locale.ROOT) : "";
        }
        out.removeIf(d -> d.recipient.isEmpty());
        out.forEach(d -> d.diagnosis = Text.squeeze(d.diagnosis));
        return out.isEmpty() ? null : out;
    }

    /** A report field other than Final-Recipient, which "Addressed To:" already gave. */
    private static void field(Delivery v, String line) {
        int colon = line.indexOf(':');
        if (colon <= 0) {
            return;
        }
        String value = line.substring(colon + 1).strip();
        switch (line.substring(0, colon).toLowerCase(Locale.ROOT)) {
            case "action" -> v.action = Rfc3464.normalizeAction(value);
            case "status" -> {
                String status = jp.foodtrace.bounce.analysis.reason.StatusCodes.find(value);
                if (!status.isEmpty()) {
                    v.status = status;
                }
            }
            case "diagnostic-code" -> {
                v.diagnosticType = Text.typeOf(value);
                v.diagnosis = Text.afterType(value);
            }
            case "remote-mta" -> v.remoteMta = Text.afterType(value);
            default -> {
            }
        }
    }
}
