package jp.foodtrace.bounce.analysis.format;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.foodtrace.bounce.analysis.Deadline;
import jp.foodtrace.bounce.analysis.Delivery;
import jp.foodtrace.bounce.analysis.mime.MailMessage;

/**
 * Yandex.Mail: From {@code mailer-daemon@yandex.ru} with an {@code X-Yandex-Uniq} header;
 * Postfix's "This is the mail system at host yandex.ru." notice, whose "(in reply to RCPT TO
 * command)" lines name the SMTP stage of each recipient in turn, and an RFC 3464 report. As in
 * Sisimai's Lhost::Yandex.
 */
public final class Yandex implements BounceFormat {
    private static final String START = "This is the mail system at host yandex.ru.";
    private static final Pattern IN_REPLY_TO = Pattern.compile("[ \\t]\\(in reply to [^A-Z]*+([A-Z]{4})");
    private static final Pattern COMMAND_WORD = Pattern.compile("[A-Z]{4}");

    @Override
    public String name() {
        return "Yandex";
    }

    @Override
    public List<Delivery> parse(MailMessage mail) {
        if (!mail.headers().has("x-yandex-uniq") || !mail.headers().get("from").strip().equals("mailer-daemon@yandex.ru")) {
            return null;
        }
        String section = Sections.after(mail.report(), START);
        if (section == null) {
            return null;
        }
        List<String> commands = new ArrayList<>();
        for (String line : section.split("\n")) {
            if (line.indexOf("command") < 0 && line.indexOf("in reply to") < 0) {
                continue;
            }
            Matcher m = IN_REPLY_TO.matcher(Deadline.guard(line));
            if (m.find()) {
                commands.add(m.group(1));
            } else if (line.endsWith("command)")) {
                // "... RCPT TO command)" continuing the line above: the first command word on it
                Matcher e = COMMAND_WORD.matcher(Deadline.guard(line));
                if (e.find()) {
                    commands.add(e.group());
                }
            }
        }
        List<Delivery> found = Rfc3464.fields(section);
        for (int i = 0; i < found.size(); i++) {
            found.get(i).command = i < commands.size() ? commands.get(i) : "";
        }
        return found.isEmpty() ? null : found;
    }
}
