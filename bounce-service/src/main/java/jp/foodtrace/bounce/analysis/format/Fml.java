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
 * fml mailing-list server refusing a post or reporting a loop: X-MLServer, a "-admin" sender
 * and an FML Message-ID; the address is in "&lt;address&gt;." and the wording (or the
 * subject) says why. As in Sisimai's Lhost::FML.
 */
public final class Fml implements BounceFormat {
    private static final Pattern FROM = Pattern.compile(".+-admin@.+");
    private static final Pattern MESSAGE_ID = Pattern.compile("^<\\d+\\.FML.+@.+>$");
    private static final Pattern ORIGINAL = Pattern.compile("(?m)^Original mail as follows:");
    private static final Pattern RECIPIENT = Pattern.compile("<([^ ]+?@[^ ]+?)>\\.$");
    private static final Object[][] TEXTS = {
            {"rejected", Pattern.compile("(?:Ignored )*NOT MEMBER article from |reject (?:mail from .+@.+"
                    + "|since .+ header may cause mail loop|spammers:)|You are not a member of this mailing list")},
            {"systemerror", Pattern.compile("Duplicated Message-ID|fml .+ has detected a loop condition so that"
                    + "|Loop Back Warning:")},
            {"securityerror", Pattern.compile("Security alert:")}};
    private static final Object[][] SUBJECTS = {
            {"rejected", Pattern.compile("(?:Ignored )*NOT MEMBER article from |reject mail (?:.+:|from) ,"
                    + "|Spam mail from a spammer is rejected|You .+ are not member")},
            {"systemerror", Pattern.compile("fml system error message|Loop Alert: |Loop Back Warning: "
                    + "|WARNING: UNIX FROM Loop")},
            {"securityerror", Pattern.compile("Security Alert")}};

    @Override
    public String name() {
        return "FML";
    }

    @Override
    public List<Delivery> parse(MailMessage mail) {
        Headers h = mail.headers();
        if (!h.has("x-mlserver") || !FROM.matcher(Deadline.guard(h.get("from"))).find()
                || !MESSAGE_ID.matcher(Deadline.guard(h.get("message-id"))).find()) {
            return null;
        }
        String report = mail.report();
        Matcher cut = ORIGINAL.matcher(Deadline.guard(report));
        if (cut.find()) {
            if (mail.original().isEmpty()) {
                mail.originalFrom(report.substring(cut.end()));
            }
            report = report.substring(0, cut.start());
        }
        List<Delivery> out = new ArrayList<>();
        Delivery v = new Delivery("");
        for (String line : report.split("\n")) {
            Matcher r = RECIPIENT.matcher(Deadline.guard(line));
            if (r.find()) {
                if (!v.recipient.isEmpty()) {
                    v = new Delivery("");
                }
                v.recipient = Text.normalize(r.group(1));
                v.diagnosis = line;
                out.add(v);
            } else {
                v.diagnosis += line;
            }
        }
        for (Delivery d : out) {
            d.diagnosis = Text.squeeze(d.diagnosis);
            d.reason = first(TEXTS, d.diagnosis);
            if (d.reason.isEmpty()) {
                d.reason = first(SUBJECTS, h.get("subject"));
            }
        }
        return out.isEmpty() ? null : out;
    }

    private static String first(Object[][] table, String text) {
        for (Object[] row : table) {
            if (((Pattern) row[1]).matcher(Deadline.guard(text)).find()) {
                return (String) row[0];
            }
        }
        return "";
    }
}
