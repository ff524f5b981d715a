package jp.foodtrace.bounce.analysis.format;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.foodtrace.bounce.analysis.Deadline;
import jp.foodtrace.bounce.analysis.Delivery;
import jp.foodtrace.bounce.analysis.mime.Headers;
import jp.foodtrace.bounce.analysis.mime.MailMessage;

/**
 * au by KDDI (EZweb, au.com) notices: recognised by two of its sender, subject, Received and
 * Message-ID; "&lt;address&gt;" lines and fixed English sentences give the reason, and the
 * X-SPASIGN: NG header marks mail refused by the recipient's filter. As in Sisimai's
 * Lhost::EZweb.
 */
public final class EZweb implements BounceFormat {
    private static final Pattern START = Pattern.compile(
            "^(?:The user\\(s\\) |Your message |Each of the following|<[^ ]+@[^ ]+>$)");
    private static final Pattern ORIGINAL = Pattern.compile("(?m)^(?:-{50}|Content-Type:[ ]*message/rfc822)");
    private static final Pattern RECIPIENT = Pattern.compile(
            "^<([^ ]+@[^ ]+)>$|^<([^ ]+@[^ ]+)>:?(.*)$|^[ \\t]+Recipient: <([^ ]+@[^ ]+)>");
    private static final Pattern COMMAND = Pattern.compile("^[ \\t]+>{3}[ \\t]+([A-Z]{4})");
    private static final Pattern FIELD = Pattern.compile("^(?:Status|Action|Final-Recipient|Remote-MTA|Diagnostic-Code):", Pattern.CASE_INSENSITIVE);
    private static final Object[][] FAILURES = {
            {"mailboxfull", Pattern.compile("The user\\(s\\) account is temporarily over quota")},
            {"suspend", Pattern.compile("The user\\(s\\) account is disabled\\.")},
            {"suspend", Pattern.compile("The user\\(s\\) account is temporarily limited\\.")},
            {"expired", Pattern.compile("Your message was not delivered within ")},
            {"onhold", Pattern.compile("Each of the following recipients was rejected by a remote mail server")}};
    private static final Pattern OWN_DOMAIN = Pattern.compile("@(?:ezweb\\.ne\\.jp|au\\.com)$");

    @Override
    public String name() {
        return "EZweb";
    }

    private static int hints(Headers h) {
        int n = 0;
        String from = h.get("from");
        n += from.contains("Postmaster@ezweb.ne.jp") ? 1 : 0;
        n += from.contains("Postmaster@au.com") ? 1 : 0;
        n += h.get("subject").equals("Mail System Error - Returned Mail") ? 1 : 0;
        n += h.all("received").stream().anyMatch(r -> r.contains("ezweb.ne.jp (EZweb Mail) with")) ? 1 : 0;
        n += h.all("received").stream().anyMatch(r -> r.contains(".au.com (")) ? 1 : 0;
        String id = h.get("message-id");
        n += id.endsWith(".ezweb.ne.jp>") ? 1 : 0;
        n += id.endsWith(".au.com>") ? 1 : 0;
        return n;
    }

    @Override
    public List<Delivery> parse(MailMessage mail) {
        Headers h = mail.headers();
        if (hints(h) < 2) {
            return null;
        }
        String body = mail.body();
        Matcher cut = ORIGINAL.matcher(Deadline.guard(body));
        String report = body;
        if (cut.find()) {
            if (mail.original().isEmpty()) {
                int nl = body.indexOf('\n', cut.end());
                mail.originalFrom(nl < 0 ? "" : body.substring(nl + 1));
            }
            report = body.substring(0, cut.start());
        }
        List<Delivery> out = new ArrayList<>();
        List<StringBuilder> other = new ArrayList<>();
        boolean reading = false;
        Delivery v = null;
        for (String line : report.split("\n")) {
            if (!reading) {
                reading = START.matcher(Deadline.guard(line)).find();
            }
            if (!reading) {
                continue;
            }
            Matcher r = RECIPIENT.matcher(Deadline.guard(line));
            if (r.find()) {
                String a = r.group(1) != null ? r.group(1) : r.group(2) != null ? r.group(2) : r.group(4);
                v = new Delivery(Text.normalize(a));
                out.add(v);
                other.add(new StringBuilder());
                continue;
            }
            if (line.isEmpty() || FIELD.matcher(Deadline.guard(line)).find() || line.chars().anyMatch(c -> c > 0x7f)) {
                continue;
            }
            if (v == null) {
                // the sentence before the first address belongs to every recipient
                v = new Delivery("");
                out.add(v);
                other.add(new StringBuilder());
            }
            Matcher c = COMMAND.matcher(Deadline.guard(line));
            if (c.find()) {
                v.command = c.group(1);
                continue;
            }
            boolean known = false;
            for (Object[] f : FAILURES) {
                known |= ((Pattern) f[1]).matcher(Deadline.guard(line)).find();
            }
            if (known) {
                v.diagnosis = v.diagnosis + " " + line;
            } else {
                other.get(out.indexOf(v)).append(' ').append(line);
            }
        }
        // Sisimai fills the first (address-less) record with the first address it meets
        if (out.size() > 1 && out.get(0).recipient.isEmpty()) {
            Delivery lead = out.remove(0);
            StringBuilder leadOther = other.remove(0);
            Delivery first = out.get(0);
            first.diagnosis = (lead.diagnosis + " " + first.diagnosis).trim();
            first.command = first.command.isEmpty() ? lead.command : first.command;
            other.get(0).insert(0, leadOther);
        }
        out.removeIf(d -> d.recipient.isEmpty());
        if (out.isEmpty()) {
            return null;
        }
        boolean filteredByRecipient = h.get("x-spasign").equals("NG");
        for (int i = 0; i < out.size(); i++) {
            Delivery d = out.get(i);
            String alt = other.get(i).toString().strip();
            if (!alt.isEmpty()) {
                String diag = d.diagnosis.strip();
                if (diag.isEmpty() || diag.startsWith("-") || diag.endsWith("__")) {
                    d.diagnosis = alt;
                }
            }
            d.diagnosis = Text.squeeze(d.diagnosis);
            if (filteredByRecipient) {
                d.reason = "filtered";
                continue;
            }
            if (d.command.equals("RCPT")) {
                d.reason = "userunknown";
            } else {
                for (Object[] f : FAILURES) {
                    if (((Pattern) f[1]).matcher(Deadline.guard(d.diagnosis)).find()) {
                        d.reason = (String) f[0];
                        break;
                    }
                }
            }
            if (d.reason.isEmpty() && !OWN_DOMAIN.matcher(Deadline.guard(d.recipient)).find()) {
                d.reason = "userunknown";
            }
        }
        return out;
    }
}
