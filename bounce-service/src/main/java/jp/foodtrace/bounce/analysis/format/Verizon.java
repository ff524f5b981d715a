package jp.foodtrace.bounce.analysis.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jp.foodtrace.bounce.analysis.Delivery;
import jp.foodtrace.bounce.analysis.mime.MailMessage;
import jp.foodtrace.bounce.analysis.reason.RemoteHosts;

/**
 * Verizon Wireless' messaging gateways, as in Sisimai's Lhost::Verizon. Two layouts: the MMS
 * gateway ({@code vzwpix.com}) answers "Message could not be delivered to mobile." and the SMS
 * gateway ({@code vtext.com}) a bare notice; both say what went wrong on an "Error:" line and
 * quote the original's headers ("To:" names the phone's address) after "Original Message:".
 */
public final class Verizon implements BounceFormat {
    private static final String[][] MESSAGES = {
            {"userunknown", "no valid recipients for this mm"},
            {"userunknown", "requested action not taken: no such user here"},
    };

    @Override
    public String name() {
        return "Verizon";
    }

    @Override
    public List<Delivery> parse(MailMessage mail) {
        String from = mail.headers().get("from").toLowerCase(Locale.ROOT);
        List<String> received = mail.headers().all("received");
        boolean relayed = !received.isEmpty()
                && RemoteHosts.receivedBy(received.get(0)).toLowerCase(Locale.ROOT).endsWith(".vtext.com");
        if (!from.contains("vzwpix.com") && !from.contains("@vtext.com") && !relayed) {
            return null;
        }
        String report = mail.report();
        String diagnosis = "";
        String recipient = "";
        boolean original = false;
        for (String raw : report.split("\n")) {
            String line = raw.strip();
            if (diagnosis.isEmpty() && line.regionMatches(true, 0, "Error:", 0, 6)) {
                diagnosis = line.substring(6).strip();
            } else if (line.regionMatches(true, 0, "Original Message:", 0, 17)) {
                original = true;
            } else if (original && recipient.isEmpty() && line.regionMatches(true, 0, "To:", 0, 3)) {
                recipient = Text.address(line.substring(3));
            }
        }
        if (recipient.isEmpty()) {
            recipient = Text.address(mail.original().get("to"));
        }
        if (recipient.isEmpty() || diagnosis.isEmpty()) {
            return null;
        }
        Delivery d = new Delivery(recipient);
        d.diagnosis = Text.squeeze(diagnosis);
        d.reason = Text.reasonFor(d.lowerDiagnosis(), MESSAGES);
        List<Delivery> out = new ArrayList<>(1);
        out.add(d);
        return out;
    }
}
