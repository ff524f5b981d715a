package jp.foodtrace.bounce.analysis.format;

import java.util.List;
import java.util.Map;

import jp.foodtrace.bounce.analysis.Delivery;
import jp.foodtrace.bounce.analysis.mime.MailMessage;
import jp.foodtrace.bounce.analysis.reason.ReplyCodes;
import jp.foodtrace.bounce.analysis.reason.StatusCodes;

/**
 * Google Workspace (G Suite) delivery reports: a delivery report from
 * mailer-daemon@googlemail.com with the remote answer in prose ("The response from the remote
 * server was:"); DNS failures are written only there. Layout as in Sisimai's Lhost::GSuite.
 */
public final class GSuite implements BounceFormat {
    private static final Map<String, List<String>> MESSAGES = Map.of(
            "userunknown", List.of("because the address couldn't be found. Check for typos or unnecessary spaces and try again."),
            "notaccept", List.of("Null MX"),
            "networkerror", List.of(" had no relevant answers.", " responded with code NXDOMAIN"));

    @Override
    public String name() {
        return "GSuite";
    }

    @Override
    public List<Delivery> parse(MailMessage mail) {
        if (!Google.isDaemonNotice(mail) || !mail.headers().has("x-gm-message-state")) {
            return null;
        }
        String report = mail.report();
        List<Delivery> found = Rfc3464.fields(report);
        if (found.isEmpty()) {
            return null;
        }
        String prose = Text.squeeze(Google.remoteAnswer(Rfc3464.prose(report)));
        for (Delivery d : found) {
            if (!prose.isEmpty()) {
                if (d.diagnosis.isEmpty() || d.diagnosis.chars().allMatch(Character::isDigit)) {
                    d.diagnosis = prose;
                } else {
                    String as = "";
                    String ar = "";
                    if (d.status.isEmpty() || d.status.equals("5.0.0") || d.status.equals("4.0.0")) {
                        as = StatusCodes.find(prose);
                        if (!as.isEmpty() && !as.endsWith(".0.0")) {
                            d.status = as;
                        }
                    }
                    if (d.replyCode.isEmpty() || d.replyCode.equals("500") || d.replyCode.equals("400")) {
                        ar = ReplyCodes.find(prose);
                        if (!ar.isEmpty() && !ar.endsWith("00")) {
                            d.replyCode = ar;
                        }
                    }
                    if (!as.isEmpty() || (!ar.isEmpty() && prose.length() > d.diagnosis.length())) {
                        d.diagnosis = prose;
                    }
                }
            }
            for (Map.Entry<String, List<String>> e : MESSAGES.entrySet()) {
                if (e.getValue().stream().anyMatch(d.diagnosis::contains)) {
                    d.reason = e.getKey();
                    break;
                }
            }
        }
        return found;
    }
}
