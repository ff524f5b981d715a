package jp.foodtrace.bounce.analysis.format;

import jp.foodtrace.bounce.analysis.mime.MailMessage;

/** What the Google formats (Gmail, Google Workspace, Google Groups) have in common. */
final class Google {
    private Google() {
    }

    /** A delivery notice from Google's mailer daemon: the cheap test all three start with. */
    static boolean isDaemonNotice(MailMessage mail) {
        return mail.headers().get("from").contains("<mailer-daemon@googlemail.com>")
                && mail.headers().get("subject").contains("Delivery Status Notification");
    }

    /**
     * The prose paragraph with the remote server's answer: from a "** ... **" headline or
     * "The response from the remote server was:" to at most five blank lines later.
     */
    static String remoteAnswer(String prose) {
        StringBuilder out = new StringBuilder();
        int empty = 0;
        boolean reading = false;
        for (String line : prose.split("\n")) {
            String t = line.strip();
            if (!reading) {
                if ((t.startsWith("** ") && t.endsWith(" **"))
                        || (t.equals("The response was:") || t.equals("The response from the remote server was:"))) {
                    reading = true;
                    out.append(t);
                }
                continue;
            }
            if (t.startsWith("Content-Type:")) {
                continue;
            }
            if (empty > 5) {
                break;
            }
            if (t.isEmpty()) {
                empty++;
                continue;
            }
            out.append(' ').append(t);
        }
        return out.toString();
    }
}
