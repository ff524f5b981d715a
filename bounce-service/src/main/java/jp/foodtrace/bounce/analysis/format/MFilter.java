package jp.foodtrace.bounce.analysis.format;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.foodtrace.bounce.analysis.Deadline;
import jp.foodtrace.bounce.analysis.Delivery;
import jp.foodtrace.bounce.analysis.mime.MailMessage;

/**
 * m-FILTER (Digital Arts): "failure notice" with the address alone on a line, then
 * "-------server message" and "-------SMTP command" blocks. As in Sisimai's Lhost::mFILTER;
 * the same notice is also recognised without m-FILTER's X-Mailer by its server-message block.
 */
public final class MFilter implements BounceFormat {
    private static final Pattern ORIGINAL = Pattern.compile("(?m)^-------original (?:message|mail info)");
    private static final Pattern ADDRESS = Pattern.compile("^[^ ]+@[^ ]+\\.[a-zA-Z]+$");
    private static final Pattern COMMAND = Pattern.compile("^[A-Z]{4}");

    @Override
    public String name() {
        return "mFILTER";
    }

    @Override
    public List<Delivery> parse(MailMessage mail) {
        if (!mail.headers().get("subject").equals("failure notice")) {
            return null;
        }
        String body = mail.body();
        if (!mail.headers().get("x-mailer").equals("m-FILTER") && !body.contains("\n-------server message\n")) {
            // relays that reuse m-FILTER's notice keep its "server message" block
            return null;
        }
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
        boolean reading = false;
        boolean commandBlock = false;
        Delivery v = null;
        for (String line : report.split("\n")) {
            if (!reading) {
                reading = ADDRESS.matcher(Deadline.guard(line)).matches();
                if (!reading) {
                    continue;
                }
            }
            if (line.indexOf(' ') < 0 && line.indexOf('@') > 0 && !line.startsWith("-")) {
                v = new Delivery(Text.normalize(line));
                out.add(v);
            } else if (v == null) {
                continue;
            } else if (COMMAND.matcher(Deadline.guard(line)).find()) {
                if (v.command.isEmpty() && commandBlock) {
                    v.command = line.substring(0, 4);
                }
            } else if (line.equals("-------SMTP command")) {
                commandBlock = true;
            } else if (!line.startsWith("-") && v.diagnosis.isEmpty() && !line.equals("-------server message")) {
                v.diagnosis = line;
            }
        }
        if (out.isEmpty()) {
            return null;
        }
        for (Delivery d : out) {
            d.diagnosis = Text.squeeze(d.diagnosis);
        }
        return out;
    }
}
