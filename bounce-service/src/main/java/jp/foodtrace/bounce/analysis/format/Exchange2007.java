package jp.foodtrace.bounce.analysis.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.foodtrace.bounce.analysis.Deadline;
import jp.foodtrace.bounce.analysis.Delivery;
import jp.foodtrace.bounce.analysis.mime.Headers;
import jp.foodtrace.bounce.analysis.mime.MailMessage;

/**
 * Microsoft Exchange Server 2007 to 2019 (on premises): "Undeliverable:" with a
 * Content-Language header, the recipients and the remote answers under "Diagnostic
 * information for administrators" (English, French and Italian wording); the latest answer
 * counts, and the RESOLVER/QUEUE code names the reason. As in Sisimai's Lhost::Exchange2007.
 */
public final class Exchange2007 implements BounceFormat {
    private static final Pattern SUBJECT = Pattern.compile("^(?:Undeliverable|Non_remis_|Non recapitabile):");
    private static final Pattern LANGUAGE = Pattern.compile("^[a-z]{2}(?:-[A-Z]{2})?$");
    private static final Pattern ORIGINAL = Pattern.compile(
            "(?m)^(?:Original message headers:|En-t.tes de message d'origine :|Intestazioni originali del messaggio:)");
    private static final Pattern START = Pattern.compile(
            "^(?:Diagnostic information for administrators:|Informations de diagnostic pour les administrateurs"
                    + "|Informazioni di diagnostica per gli amministratori)");
    private static final Pattern SERVER = Pattern.compile(
            "^(?:Generating server|Serveur de g[^ ]+ration |Server di generazione): ?(.*)");
    private static final Pattern RECIPIENT = Pattern.compile("^([^ @]+@[^ @]+)$");
    private static final Pattern ANSWER = Pattern.compile("([45]\\d{2}) ([45]\\.\\d\\.\\d+) .+$");
    private static final Pattern CODE = Pattern.compile(" ((?:RESOLVER|QUEUE)\\.[A-Za-z]+(?:\\.\\w+)?);");
    private static final Map<String, String> CODES = Map.ofEntries(
            Map.entry("SMTPSEND.DNS.NonExistentDomain", "hostunknown"),
            Map.entry("SMTPSEND.DNS.MxLoopback", "networkerror"),
            Map.entry("RESOLVER.ADR.BadPrimary", "systemerror"), Map.entry("RESOLVER.ADR.RecipNotFound", "userunknown"),
            Map.entry("RESOLVER.ADR.ExRecipNotFound", "userunknown"), Map.entry("RESOLVER.ADR.RecipLimit", "toomanyconn"),
            Map.entry("RESOLVER.ADR.InvalidInSmtp", "systemerror"), Map.entry("RESOLVER.ADR.Ambiguous", "systemerror"),
            Map.entry("RESOLVER.RST.AuthRequired", "securityerror"), Map.entry("RESOLVER.RST.NotAuthorized", "rejected"),
            Map.entry("RESOLVER.RST.RecipSizeLimit", "mesgtoobig"), Map.entry("QUEUE.Expired", "expired"));

    @Override
    public String name() {
        return "Exchange2007";
    }

    @Override
    public List<Delivery> parse(MailMessage mail) {
        Headers h = mail.headers();
        if (!SUBJECT.matcher(Deadline.guard(h.get("subject"))).find() || !LANGUAGE.matcher(Deadline.guard(h.get("content-language"))).matches()
                || !h.get("x-ms-exchange-crosstenant-originalarrivaltime").isEmpty()
                || !h.get("x-ms-exchange-crosstenant-fromentityheader").isEmpty()) {
            return null;
        }
        String report = mail.report();
        Matcher cut = ORIGINAL.matcher(Deadline.guard(report));
        if (cut.find()) {
            report = report.substring(0, cut.start());
        }
        List<Delivery> out = new ArrayList<>();
        boolean reading = false;
        boolean server = false;
        Delivery v = null;
        for (String line : report.split("\n")) {
            if (!reading) {
                reading = START.matcher(Deadline.guard(line)).find();
                continue;
            }
            if (!server) {
                server = SERVER.matcher(Deadline.guard(line)).find();
                continue;
            }
            Matcher m;
            if ((m = RECIPIENT.matcher(Deadline.guard(line))).matches()) {
                v = new Delivery(Text.normalize(m.group(1)));
                out.add(v);
            } else if (v != null && (m = ANSWER.matcher(Deadline.guard(line))).find()) {
                v.replyCode = m.group(1);
                v.status = m.group(2);
                v.diagnosis = line;
            }
        }
        if (out.isEmpty()) {
            return null;
        }
        for (Delivery d : out) {
            Matcher c = CODE.matcher(Deadline.guard(d.diagnosis));
            if (c.find()) {
                d.reason = CODES.getOrDefault(c.group(1), "");
            }
            d.diagnosis = Text.squeeze(d.diagnosis);
        }
        return out;
    }
}
