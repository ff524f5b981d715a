package jp.foodtrace.bounce.analysis.reason;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.foodtrace.bounce.analysis.Deadline;
import jp.foodtrace.bounce.analysis.Delivery;

/**
 * Reasons for large mailbox providers whose own error codes and wording say more than the
 * status code: Google, Microsoft (Exchange Online), Orange/La Poste, Cox, GoDaddy, Spectrum,
 * Tencent QQ, Mimecast, NTT docomo and au (KDDI). A provider is recognised by the remote host
 * or, failing that, by the recipient's domain. Hosts, codes and wording follow Sisimai 4.25.15
 * (Sisimai::Rhost::*, BSD 2-Clause, https://libsisimai.org); the longer tables live in
 * {@code remote-hosts.txt}.
 */
public final class RemoteHosts {
    private enum Host {
        COX("cox\\.net"),
        EXCHANGE_ONLINE("\\.(?:prod|protection)\\.outlook\\.com$"),
        FRANCE_PTT("\\b(?:laposte\\.net|(?:orange|wanadoo)\\.fr)$"),
        GODADDY("^(?:smtp|mailstore1)\\.secureserver\\.net$"),
        GOOGLE_APPS("(?:aspmx|gmail-smtp-in)\\.l\\.google\\.com$"),
        KDDI("\\.(?:ezweb\\.ne\\.jp|au\\.com)$"),
        MIMECAST("\\.mimecast\\.com$"),
        NTT_DOCOMO("mfsmax\\.docomo\\.ne\\.jp$"),
        SPECTRUM("charter\\.net"),
        TENCENT_QQ("mx[0-9]+\\.qq\\.com$");

        private final Pattern host;

        Host(String host) {
            this.host = Pattern.compile(host);
        }
    }

    /** One row of remote-hosts.txt: provider, reason, then the provider's own columns. */
    private record Row(String host, String reason, String[] fields) {
    }

    private static final List<Row> ROWS = load();
    private static final Pattern BRACKETS = Pattern.compile("[\\[\\]()]");
    /** What String.split("[ \t\r\n]+") compiled again for every header. */
    private static final Pattern BLANKS = Pattern.compile("[ \t\r\n]+");
    private static final Pattern REPLY_CODE = Pattern.compile("[245]\\d\\d");
    private static final Pattern FRANCE_PTT_CODE = Pattern.compile(
            "\\b(LPN|LPNAAA|OFR|OUK)(_[0-9]{3}|[0-9]{3}[-_][0-9]{3})\\b", Pattern.CASE_INSENSITIVE);
    private static final Map<String, String> FRANCE_PTT = Map.ofEntries(
            Map.entry("101", "blocked"), Map.entry("102", "blocked"), Map.entry("103", "blocked"),
            Map.entry("104", "toomanyconn"), Map.entry("305", "securityerror"), Map.entry("401", "blocked"),
            Map.entry("402", "securityerror"), Map.entry("403", "rejected"), Map.entry("405", "rejected"),
            Map.entry("415", "rejected"), Map.entry("416", "userunknown"), Map.entry("417", "mailboxfull"),
            Map.entry("418", "userunknown"), Map.entry("420", "suspend"), Map.entry("421", "rejected"),
            Map.entry("426", "suspend"), Map.entry("505", "systemerror"), Map.entry("506", "spamdetected"),
            Map.entry("510", "blocked"), Map.entry("514", "mesgtoobig"), Map.entry("517", "policyviolation"),
            Map.entry("630", "policyviolation"), Map.entry("999", "blocked"));
    private static final Pattern COX_CODE = Pattern.compile("AUP#([0-9A-Z]+)");
    private static final Map<String, String> COX_CODES = Map.ofEntries(
            Map.entry("CXBL", "blocked"), Map.entry("CXTHRT", "securityerror"), Map.entry("CXMJ", "securityerror"),
            Map.entry("CXDNS", "blocked"), Map.entry("CXSNDR", "rejected"), Map.entry("CXSMTP", "rejected"),
            Map.entry("CXCNCT", "toomanyconn"), Map.entry("CXMXRT", "toomanyconn"), Map.entry("CDRBL", "blocked"),
            Map.entry("IPBL0001", "blocked"), Map.entry("IPBL0010", "blocked"), Map.entry("IPBL0100", "blocked"),
            Map.entry("IPBL0011", "blocked"), Map.entry("IPBL0101", "blocked"), Map.entry("IPBL0110", "blocked"),
            Map.entry("IPBL0111", "blocked"), Map.entry("IPBL1000", "blocked"), Map.entry("IPBL1001", "blocked"),
            Map.entry("IPBL1010", "blocked"), Map.entry("IPBL1011", "blocked"), Map.entry("IPBL1100", "blocked"),
            Map.entry("IPBL1101", "blocked"), Map.entry("IPBL1110", "blocked"), Map.entry("IPBL1111", "blocked"),
            Map.entry("IPBL00001", "blocked"), Map.entry("URLBL011", "spamdetected"),
            Map.entry("URLBL101", "spamdetected"), Map.entry("URLBL110", "spamdetected"),
            Map.entry("URLBL1001", "spamdetected"));
    private static final String[][] COX_MESSAGES = {
            {"blocked", "rejected - no rDNS"}, {"blocked", "cox too many bad commands from"},
            {"blocked", "DNS check failure - try again later"}, {"blocked", "Too many invalid recipients"},
            {"notaccept", "ESMTP server temporarily not available"},
            {"policyviolation", "ESMTP no data before greeting"},
            {"policyviolation", "attachment extension is forbidden"}, {"rejected", "sender rejected"},
            {"toomanyconn", "too many sessions from"}, {"toomanyconn", "requested action aborted: try again later"},
            {"toomanyconn", "Message threshold exceeded"}, {"userunknown", "recipient rejected"}};
    private static final Pattern GODADDY_CODE = Pattern.compile("\\s(IB\\d{3})\\b");
    private static final Map<String, String> GODADDY_CODES = Map.ofEntries(
            Map.entry("IB103", "blocked"), Map.entry("IB104", "blocked"), Map.entry("IB105", "blocked"),
            Map.entry("IB106", "blocked"), Map.entry("IB007", "toomanyconn"), Map.entry("IB101", "expired"),
            Map.entry("IB108", "blocked"), Map.entry("IB110", "blocked"), Map.entry("IB111", "blocked"),
            Map.entry("IB112", "blocked"), Map.entry("IB113", "blocked"), Map.entry("IB212", "spamdetected"),
            Map.entry("IB401", "securityerror"), Map.entry("IB501", "rejected"), Map.entry("IB502", "rejected"),
            Map.entry("IB504", "toomanyconn"), Map.entry("IB506", "rejected"), Map.entry("IB508", "rejected"),
            Map.entry("IB510", "toomanyconn"), Map.entry("IB607", "toomanyconn"), Map.entry("IB705", "virusdetected"));
    private static final String[][] GODADDY_MESSAGES = {
            {"blocked", "www.spamhaus.org/query/bl?ip="}, {"blocked", "554 RBL Reject."},
            {"expired", "Delivery timeout"}, {"expired", "451 Sorry, I wasn't able to establish an SMTP connection."},
            {"suspend", "Account disabled"}, {"mailboxfull", "Account storage limit"},
            {"userunknown", "Account does not exist"}, {"userunknown", "550 Recipient not found."}};
    private static final Pattern SPECTRUM_CODE = Pattern.compile("AUP#[-A-Za-z]*(\\d{4})");
    private static final Map<Integer, String> SPECTRUM_CODES = Map.of(
            1000, "blocked", 1010, "rejected", 1090, "systemerror", 1260, "networkerror", 1500, "rejected",
            1520, "rejected", 1530, "mesgtoobig", 1540, "toomanyconn", 1550, "toomanyconn", 1560, "policyviolation");
    private static final int[][] SPECTRUM_RANGES = {
            {1020, 1080}, {1100, 1150}, {1160, 1190}, {1200, 1210}, {1220, 1250}, {1300, 1340}, {1350, 1490}};
    private static final String[] SPECTRUM_RANGE_REASONS = {
            "rejected", "blocked", "policyviolation", "blocked", "blocked", "toomanyconn", "toomanyconn"};
    private static final String[][] TENCENT_MESSAGES = {
            {"dmarc check failed", "blocked"}, {"spf check failed", "blocked"}, {"suspected spam ip", "blocked"},
            {"mail is rejected by recipients", "filtered"}, {"message too large", "mesgtoobig"},
            {"mail content denied", "spamdetected"}, {"spam is embedded in the email", "spamdetected"},
            {"suspected spam", "spamdetected"}, {"bad address syntax", "syntaxerror"},
            {"connection denied", "toomanyconn"}, {"connection frequency limited", "toomanyconn"},
            {"domain frequency limited", "toomanyconn"}, {"ip frequency limited", "toomanyconn"},
            {"sender frequency limited", "toomanyconn"}, {"mailbox unavailable or access denied", "toomanyconn"},
            {"mailbox not found", "userunknown"}};

    private RemoteHosts() {
    }

    /** The provider-specific reason, or "" when the provider is unknown or its rules say nothing. */
    public static String reason(Delivery d) {
        return reason(d, "");
    }

    /**
     * The provider's reason. The remote host is the report's Remote-MTA, else its Reporting-MTA,
     * else {@code receivedBy} (the receiving host of the bounce's first hop); when that host is
     * no known provider or its rules say nothing, the recipient's domain is tried.
     */
    public static String reason(Delivery d, String receivedBy) {
        String remote = !d.remoteMta.isBlank() ? d.remoteMta : !d.reportingMta.isBlank() ? d.reportingMta : receivedBy;
        Host host = provider(remote);
        String found = host == null ? "" : reason(host, d);
        if (found.isEmpty()) {
            int at = d.recipient.lastIndexOf('@');
            Host byDomain = provider(at < 0 ? "" : d.recipient.substring(at + 1));
            found = byDomain == null ? "" : reason(byDomain, d);
        }
        return found;
    }

    /**
     * The receiving host ("by ...") of a Received header: after the last " by " of a
     * "from ... by host" header, else after the first "by"; "" for qmail's "invoked" lines.
     */
    public static String receivedBy(String received) {
        if (received == null || received.isEmpty() || received.contains(" invoked ")) {
            return "";
        }
        String[] tokens = BLANKS.split(received.strip());
        String by = "";
        if (tokens.length > 3 && tokens[0].equals("from")) {
            for (int i = tokens.length - 2; i >= 2; i--) {
                if (tokens[i].equals("by")) {
                    by = tokens[i + 1];
                    break;
                }
            }
        }
        if (by.isEmpty()) {
            for (int i = 0; i + 1 < tokens.length; i++) {
                if (tokens[i].endsWith("by") && (tokens[i].length() == 2
                        || !Character.isLetterOrDigit(tokens[i].charAt(tokens[i].length() - 3)))) {
                    by = tokens[i + 1];
                    break;
                }
            }
        }
        StringBuilder out = new StringBuilder(by.length());
        for (int i = 0; i < by.length(); i++) {
            char c = by.charAt(i);
            if ("()[];?".indexOf(c) < 0) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static Host provider(String name) {
        if (name == null || name.isEmpty()) {
            return null;
        }
        // "dns; mx.example.jp. (192.0.2.1, ...)" -> "mx.example.jp"
        String lower = BRACKETS.matcher(Deadline.guard(name.toLowerCase(Locale.ROOT))).replaceAll(" ").strip();
        int eq = lower.lastIndexOf('=');
        if (eq >= 0) {
            lower = lower.substring(eq + 1).strip();
        }
        int sp = lower.indexOf(' ');
        if (sp > 0) {
            lower = lower.substring(0, sp);
        }
        while (lower.endsWith(".")) {
            lower = lower.substring(0, lower.length() - 1);
        }
        for (Host h : Host.values()) {
            if (h.host.matcher(Deadline.guard(lower)).find()) {
                return h;
            }
        }
        return null;
    }

    private static String reason(Host host, Delivery d) {
        if (!d.reason.isEmpty() && (host == Host.FRANCE_PTT || host == Host.GODADDY
                || host == Host.GOOGLE_APPS || host == Host.EXCHANGE_ONLINE)) {
            // these providers' rules only fill in a reason nobody has given yet
            return d.reason;
        }
        String text = d.diagnosis;
        String lower = text.toLowerCase(Locale.ROOT);
        switch (host) {
            case FRANCE_PTT -> {
                Matcher m = FRANCE_PTT_CODE.matcher(Deadline.guard(text));
                if (!m.find()) {
                    return "";
                }
                String code = (m.group(1) + m.group(2));
                return FRANCE_PTT.getOrDefault(code.substring(code.length() - 3), "undefined");
            }
            case COX -> {
                Matcher m = COX_CODE.matcher(Deadline.guard(text));
                String r = m.find() ? COX_CODES.getOrDefault(m.group(1), "") : "";
                return r.isEmpty() ? firstContained(COX_MESSAGES, text) : r;
            }
            case GODADDY -> {
                Matcher m = GODADDY_CODE.matcher(Deadline.guard(text));
                return m.find() ? GODADDY_CODES.getOrDefault(m.group(1), "") : firstContained(GODADDY_MESSAGES, text);
            }
            case SPECTRUM -> {
                Matcher m = SPECTRUM_CODE.matcher(Deadline.guard(text));
                int code = m.find() ? Integer.parseInt(m.group(1)) : 0;
                String r = SPECTRUM_CODES.getOrDefault(code, "");
                for (int i = 0; r.isEmpty() && i < SPECTRUM_RANGES.length; i++) {
                    if (code >= SPECTRUM_RANGES[i][0] && code <= SPECTRUM_RANGES[i][1]) {
                        r = SPECTRUM_RANGE_REASONS[i];
                    }
                }
                return r;
            }
            case TENCENT_QQ -> {
                for (String[] m : TENCENT_MESSAGES) {
                    if (lower.contains(m[0])) {
                        return m[1];
                    }
                }
                return "";
            }
            case KDDI -> {
                if (text.contains("550 : User unknown")) {
                    return "filtered";
                }
                return text.contains(">: User unknown") ? "userunknown" : "";
            }
            case NTT_DOCOMO -> {
                return docomo(d, lower);
            }
            case GOOGLE_APPS -> {
                return googleApps(d, lower);
            }
            case EXCHANGE_ONLINE -> {
                return exchangeOnline(d, lower);
            }
            case MIMECAST -> {
                return mimecast(d, lower);
            }
            default -> {
                return "";
            }
        }
    }

    private static String docomo(Delivery d, String lower) {
        if (d.status.equals("5.1.1") || d.status.equals("5.0.911")) {
            return "userunknown";
        }
        if (d.status.equals("5.2.0")) {
            return "filtered";
        }
        if (lower.contains("552 too much mail data")) {
            return "mailboxfull";
        }
        if (lower.contains("552 too many recipients")) {
            return "toomanyconn";
        }
        if (lower.contains("503 bad sequence of commands") || lower.contains("504 command parameter not implemented")) {
            return "syntaxerror";
        }
        if (d.status.equals("5.0.0")) {
            return switch (d.command) {
                case "RCPT" -> "userunknown";
                case "DATA" -> "rejected";
                default -> "";
            };
        }
        return "";
    }

    private static String googleApps(Delivery d, String lower) {
        if (d.replyCode.length() != 3 || lower.isEmpty() || !StatusCodes.isWellFormed(d.status)) {
            return "";
        }
        String status = d.status.substring(2);
        String reply = d.replyCode.substring(1);
        for (Row r : ROWS) {
            if (r.host.equals("GoogleApps") && lower.contains(r.fields[2].toLowerCase(Locale.ROOT))
                    && r.fields[0].indexOf(reply) > 0 && r.fields[1].indexOf(status) > 1) {
                return r.reason;
            }
        }
        return "";
    }

    private static String exchangeOnline(Delivery d, String lower) {
        if (lower.isEmpty() || !StatusCodes.isWellFormed(d.status)) {
            return "";
        }
        int third = Integer.parseInt(d.status.substring(d.status.lastIndexOf('.') + 1));
        for (Row r : ROWS) {
            if (!r.host.equals("ExchangeOnline")) {
                continue;
            }
            int from = Integer.parseInt(r.fields[1]);
            int to = Integer.parseInt(r.fields[2]);
            if (from == to ? !d.status.equals(r.fields[0])
                    : !d.status.contains(r.fields[0]) || third < from || third > to) {
                continue;
            }
            if (lower.contains(r.fields[3].toLowerCase(Locale.ROOT))) {
                return r.reason;
            }
        }
        return "";
    }

    private static String mimecast(Delivery d, String lower) {
        if (lower.isEmpty() || !REPLY_CODE.matcher(Deadline.guard(d.replyCode)).matches()) {
            return "";
        }
        for (Row r : ROWS) {
            if (r.host.equals("Mimecast") && r.fields[0].equals(d.replyCode) && lower.contains(r.fields[1])) {
                return r.reason;
            }
        }
        return "";
    }

    private static String firstContained(String[][] table, String text) {
        for (String[] m : table) {
            if (text.contains(m[1])) {
                return m[0];
            }
        }
        return "";
    }

    private static List<Row> load() {
        List<Row> rows = new ArrayList<>();
        try (var in = RemoteHosts.class.getResourceAsStream("remote-hosts.txt");
             var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                rows.add(new Row(f[0], f[1], java.util.Arrays.copyOfRange(f, 2, f.length)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(rows);
    }
}
