package jp.foodtrace.bounce.analysis.format;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.foodtrace.bounce.analysis.Deadline;
import jp.foodtrace.bounce.analysis.Delivery;
import jp.foodtrace.bounce.analysis.mime.MailMessage;

/**
 * Sendmail version 5 and its relatives: "Returned mail: ..." with a session transcript
 * ("----- Transcript of session follows -----") whose lines "550 <addr>... error" name the
 * recipients, and ">>> CMD" / "<<< reply" the conversation; no delivery report. Layout as in
 * Sisimai's Lhost::V5sendmail.
 */
public final class V5sendmail implements BounceFormat {
    private static final Pattern SUBJECT = Pattern.compile("^Returned mail: [A-Z]");
    private static final Pattern ORIGINAL = Pattern.compile(
            "(?m)^ +----- (?:Unsent message follows|No message was collected) -----");
    private static final String START = "----- Transcript of session follows -----";
    private static final Pattern RECIPIENT = Pattern.compile("^\\d{3}[ \\t]+<([^ ]+@[^ ]+)>\\.{3}[ \\t]*(.+)$");
    private static final Pattern SENT = Pattern.compile("^>{3}[ \\t]*([A-Z]{4})");
    private static final Pattern ANSWER = Pattern.compile("^<{3} +(.+)$");
    private static final Pattern TALKING = Pattern.compile("^\\.+ while talking to .+:$");
    private static final Pattern OTHER_ERROR = Pattern.compile("^\\d{3}[ \\t]+.+\\.{3}[ \\t]*(.+)$");
    private static final Pattern TO = Pattern.compile("(?m)^To:[ ]*(.+)");

    @Override
    public String name() {
        return "V5sendmail";
    }

    @Override
    public List<Delivery> parse(MailMessage mail) {
        if (!SUBJECT.matcher(Deadline.guard(mail.headers().get("subject"))).find()) {
            return null;
        }
        String body = mail.body();
        Matcher cut = ORIGINAL.matcher(Deadline.guard(body));
        if (!cut.find()) {
            return null;
        }
        String report = body.substring(0, cut.start());
        String original = body.substring(cut.end());
        int nl = original.indexOf('\n');
        original = nl < 0 ? "" : original.substring(nl + 1);
        if (original.isBlank()) {
            return null;
        }
        List<Delivery> out = new ArrayList<>();
        Map<Integer, String> commands = new HashMap<>();
        Map<Integer, String> answers = new HashMap<>();
        String other = "";
        boolean reading = false;
        boolean sessionError = false;
        for (String line : report.split("\n")) {
            if (!reading) {
                reading = line.contains(START);
                continue;
            }
            if (line.isEmpty()) {
                continue;
            }
            Matcher m;
            if ((m = RECIPIENT.matcher(Deadline.guard(line))).matches()) {
                Delivery d = new Delivery(Text.normalize(m.group(1)));
                d.diagnosis = m.group(2);
                String answer = answers.get(out.size());
                if (answer != null) {
                    d.diagnosis += ": " + answer;
                }
                out.add(d);
                sessionError = false;
            } else if ((m = SENT.matcher(Deadline.guard(line))).find()) {
                commands.put(out.size(), m.group(1));
            } else if ((m = ANSWER.matcher(Deadline.guard(line))).matches()) {
                answers.put(out.size(), m.group(1));
            } else if (!sessionError) {
                if (TALKING.matcher(Deadline.guard(line)).matches()) {
                    sessionError = true;
                } else if ((m = OTHER_ERROR.matcher(Deadline.guard(line))).matches()) {
                    other = m.group(1);
                }
            }
        }
        if (mail.original().isEmpty()) {
            mail.originalFrom(original);
        }
        if (out.isEmpty()) {
            Matcher to = TO.matcher(Deadline.guard(original));
            String address = to.find() ? Text.address(to.group(1)) : "";
            if (address.isEmpty()) {
                return null;
            }
            out.add(new Delivery(address));
        }
        for (int i = 0; i < out.size(); i++) {
            Delivery d = out.get(i);
            d.command = commands.getOrDefault(i, "");
            if (!other.isEmpty()) {
                if (d.diagnosis.isEmpty()) {
                    d.diagnosis = other;
                }
            } else if (d.diagnosis.isEmpty()) {
                d.diagnosis = answers.getOrDefault(i, "");
            }
            d.diagnosis = Text.squeeze(d.diagnosis);
        }
        return out;
    }
}
