package jp.foodtrace.bounce.analysis.format;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import jp.foodtrace.bounce.analysis.Deadline;
import jp.foodtrace.bounce.analysis.Delivery;
import jp.foodtrace.bounce.analysis.mime.MailMessage;

/**
 * Google Groups refusing a post: the recipients are in X-Failed-Recipients, the prose explains
 * in a bulleted list. Four bullets are the "you may not post" notice (rejected); anything else
 * stays on hold. Layout as in Sisimai's Lhost::GoogleGroups.
 */
public final class GoogleGroups implements BounceFormat {
    private static final Pattern ORIGINAL = Pattern.compile("(?m)^----- Original message -----$");
    private static final Pattern BULLET = Pattern.compile("(?m)^ ?\\* ?");

    @Override
    public String name() {
        return "GoogleGroups";
    }

    @Override
    public List<Delivery> parse(MailMessage mail) {
        if (!Google.isDaemonNotice(mail) || !mail.headers().has("x-failed-recipients")
                || !mail.headers().has("x-google-smtp-source")) {
            return null;
        }
        String report = mail.report();
        var cut = ORIGINAL.matcher(Deadline.guard(report));
        if (cut.find()) {
            if (mail.original().isEmpty()) {
                mail.originalFrom(report.substring(cut.end()));
            }
            report = report.substring(0, cut.start());
        }
        long bullets = BULLET.matcher(Deadline.guard(report)).results().count();
        String reason = bullets == 4 ? "rejected" : "onhold";
        String[] paragraphs = report.split("\n\n", 5);
        String diagnosis = Text.squeeze(String.join(" ",
                java.util.Arrays.copyOf(paragraphs, Math.max(0, paragraphs.length - 1))));
        List<Delivery> out = new ArrayList<>();
        for (String r : mail.headers().get("x-failed-recipients").split(",")) {
            String address = Text.address(r);
            if (address.isEmpty()) {
                continue;
            }
            Delivery d = new Delivery(address);
            d.reason = reason;
            d.diagnosis = diagnosis;
            out.add(d);
        }
        return out.isEmpty() ? null : out;
    }
}
