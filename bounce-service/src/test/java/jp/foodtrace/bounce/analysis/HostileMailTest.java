package jp.foodtrace.bounce.analysis;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import jp.foodtrace.bounce.TestCorpus;

/**
 * Crafted mail must not make the analysis slow: every generated message is analysed within
 * {@value #LIMIT_MS} ms of the analysing thread's CPU time (the best of {@value #ATTEMPTS}
 * attempts), without
 * any deadline, so the analysis itself has to be fast. The messages are the corpus's real bounces
 * (every format's trigger headers, subjects and start lines) with hostile content put into their
 * bodies, plus messages that are hostile in their structure: 10,000 headers, deep MIME nesting,
 * large base64 parts. Everything is generated here; nothing large is kept in the repository.
 */
class HostileMailTest {

    private static final long LIMIT_MS = 100;
    private static final int ATTEMPTS = 3;
    private static final int LINE = 100_000;

    private final BounceAnalyzer analyzer = new BounceAnalyzer();

    /** A 100,000-character payload built from repeated pieces. */
    private static String repeat(String piece) {
        StringBuilder s = new StringBuilder(LINE + piece.length());
        while (s.length() < LINE) {
            s.append(piece);
        }
        return s.toString();
    }

    static List<String> payloads() {
        Random random = new Random(20261202L);
        StringBuilder atsAndSpaces = new StringBuilder(LINE);
        for (int i = 0; i < LINE; i++) {
            atsAndSpaces.append(random.nextBoolean() ? '@' : ' ');
        }
        return List.of(
                atsAndSpaces.toString(),
                repeat("@"),
                repeat(" @"),
                repeat("a"),
                repeat("a@"),
                repeat("a@a"),
                repeat("a-"),
                repeat("a."),
                repeat("a@a-"),
                repeat("unknown recipient or mailbox unavailable ->@ "),
                repeat("unknown recipient or mailbox unavailable -> a@"),
                repeat("SMTP=a@"),
                repeat("smtp=a@b"),
                repeat("\ta@"),
                repeat("MSEXCH:("),
                repeat("<html>"),
                repeat("<html>x"),
                repeat("550 5.1.1 "),
                repeat("550-5.1.1 550 "),
                repeat(">>> RCPT TO after in reply to "),
                repeat("while talking to "),
                repeat("=?utf-8?B?"),
                repeat("<a@b"),
                repeat("<<<<"),
                repeat("(((("),
                repeat("-"),
                repeat("5.1."),
                repeat("host "),
                repeat("Diagnostic-Code: smtp; "),
                repeat("complaint about message from "),
                repeat("\\"),
                repeat("\"a\"@"),
                repeat("a.b@c.d "),
                repeat("0123456789"),
                repeat("["),
                repeat("{\"Message\":[{\"a\":"));
    }

    private static List<Path> corpus() throws IOException {
        try (Stream<Path> files = Files.walk(TestCorpus.root())) {
            return files.filter(p -> p.toString().endsWith(".eml")).sorted().toList();
        }
    }

    /** Header block and body of a message (split at the first empty line). */
    private static String[] split(String mail) {
        String text = mail.replace("\r\n", "\n");
        int blank = text.indexOf("\n\n");
        return blank < 0 ? new String[] {text, ""} : new String[] {text.substring(0, blank + 1), text.substring(blank + 2)};
    }

    /** The generated messages, built one at a time so that only one is held in memory. */
    static List<Supplier<byte[]>> messages() throws IOException {
        List<String> payloads = payloads();
        List<Supplier<byte[]>> out = new ArrayList<>();
        List<Path> files = corpus();
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            String garbage = payloads.get(i % payloads.size());
            String other = payloads.get((i * 7 + 3) % payloads.size());
            String third = payloads.get((i * 13 + 5) % payloads.size());
            // the format's own headers and subject with a garbage body
            out.add(() -> {
                String[] parts = split(read(file));
                return bytes(parts[0] + "\n" + garbage + "\n" + other.substring(0, 2000) + "\n");
            });
            // the real bounce with a garbage line in the middle of its body
            out.add(() -> {
                String[] parts = split(read(file));
                String[] lines = parts[1].split("\n", -1);
                int middle = lines.length / 2;
                StringBuilder body = new StringBuilder();
                for (int l = 0; l < lines.length; l++) {
                    if (l == middle) {
                        body.append(other).append('\n');
                    }
                    body.append(lines[l]).append('\n');
                }
                return bytes(parts[0] + "\n" + body);
            });
            // the real bounce with garbage after each of its first 40 body lines
            out.add(() -> {
                String[] parts = split(read(file));
                String[] lines = parts[1].split("\n", -1);
                StringBuilder body = new StringBuilder();
                String piece = third.substring(0, 5000);
                for (int l = 0; l < lines.length; l++) {
                    body.append(lines[l]);
                    if (l < 40 && !lines[l].isBlank() && !lines[l].startsWith("--")) {
                        body.append(' ').append(piece);
                    }
                    body.append('\n');
                }
                return bytes(parts[0] + "\n" + body);
            });
        }
        String[] triggers = {
                "From: MAILER-DAEMON@example.jp\nSubject: Undelivered Mail Returned to Sender\n",
                "From: postmaster@outlook.com\nSubject: Undeliverable: x\nX-MS-Exchange-Message-Is-Ndr: \nX-Microsoft-Antispam-PRVS: x\n",
                "From: postmaster@example.jp\nX-Mailer: Internet Mail Service (5.5.2653.19)\nX-MS-Embedded-Report: \n",
                "From: Mail Delivery System <Mailer-Daemon@example.jp>\nSubject: Mail delivery failed: returning message to sender\nX-Failed-Recipients: a@example.jp\n",
                "From: abuse@example.jp\nSubject: complaint about message from 192.0.2.1\nContent-Type: multipart/report; report-type=feedback-report; boundary=\"B\"\n",
                "From: a@example.jp\nSubject: Auto: out of office\nAuto-Submitted: auto-replied\n",
        };
        for (String trigger : triggers) {
            out.add(() -> bytes(manyHeaders(trigger)));
            out.add(() -> bytes(deepMime(trigger, 2000)));
            out.add(() -> bytes(largeBase64(trigger, 500_000)));
            out.add(() -> bytes(manyParts(trigger, 1000)));
            out.add(() -> bytes(longHeader(trigger)));
        }
        return out;
    }

    private static String head(String trigger) {
        return "Date: Thu, 9 Apr 2015 10:00:00 +0900\nTo: sender@example.jp\nMessage-ID: <x@example.jp>\n" + trigger;
    }

    private static String manyHeaders(String trigger) {
        StringBuilder s = new StringBuilder(head(trigger));
        for (int i = 0; i < 10_000; i++) {
            s.append(i % 3 == 0 ? "Received: from a@ (" : i % 3 == 1 ? "X-Failed-Recipients: @" : "X-H" + i + ": ")
                    .append("@ @ @ a@b ").append(i).append('\n');
        }
        return s.append("\nYour message\n to a@example.jp on x\n").toString();
    }

    private static String deepMime(String trigger, int depth) {
        StringBuilder s = new StringBuilder(head(trigger));
        s.append("MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"b0\"\n\n");
        for (int i = 0; i < depth; i++) {
            s.append("--b").append(i).append("\nContent-Type: multipart/mixed; boundary=\"b").append(i + 1).append("\"\n\n");
        }
        s.append("--b").append(depth).append("\nContent-Type: message/delivery-status\n\n")
                .append("Final-Recipient: rfc822; a@example.jp\nStatus: 5.1.1\n\n");
        for (int i = depth; i >= 0; i--) {
            s.append("--b").append(i).append("--\n");
        }
        return s.toString();
    }

    private static String largeBase64(String trigger, int size) {
        byte[] content = new byte[size];
        new Random(size).nextBytes(content);
        return head(trigger) + "MIME-Version: 1.0\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\n\n"
                + "--B\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n"
                + Base64.getMimeEncoder().encodeToString(content) + "\n--B\nContent-Type: message/delivery-status\n"
                + "Content-Transfer-Encoding: base64\n\n" + Base64.getMimeEncoder().encodeToString(
                        repeat("Final-Recipient: rfc822; a@").getBytes(StandardCharsets.US_ASCII))
                + "\n--B--\n";
    }

    private static String manyParts(String trigger, int parts) {
        StringBuilder s = new StringBuilder(head(trigger));
        s.append("MIME-Version: 1.0\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\n\n");
        for (int i = 0; i < parts; i++) {
            s.append("--B\nContent-Type: ").append(i % 2 == 0 ? "message/delivery-status" : "text/plain")
                    .append("\n\nFinal-Recipient: rfc822; a").append(i).append("@example.jp\nStatus: 5.1.1\n\n");
        }
        return s.append("--B--\n").toString();
    }

    private static String longHeader(String trigger) {
        return head(trigger) + "Subject: " + repeat("=?utf-8?B?QUFB?= ") + "\nFrom: " + repeat("a@ ") + "\n\n"
                + repeat("@ a") + "\n";
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * The analysing thread's own CPU time: what the analysis costs, not how long other processes
     * on a shared machine kept it waiting for a core.
     */
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    @Test
    void everyHostileMessageIsAnalysedFast() throws IOException {
        assertTrue(CPU.isCurrentThreadCpuTimeSupported(), "this JVM cannot measure a thread's CPU time");
        List<Supplier<byte[]>> messages = messages();
        assertTrue(messages.size() >= 1000, "at least 1,000 messages: " + messages.size());
        // warm up on the real corpus, so the limit measures the analysis and not class loading
        for (Path file : corpus()) {
            analyzer.analyze(Files.readAllBytes(file));
        }
        List<String> slow = new ArrayList<>();
        long worst = 0;
        for (int i = 0; i < messages.size(); i++) {
            byte[] raw = messages.get(i).get();
            long best = Long.MAX_VALUE;
            for (int attempt = 0; attempt < ATTEMPTS && best > LIMIT_MS * 1_000_000; attempt++) {
                long start = CPU.getCurrentThreadCpuTime();
                analyzer.analyze(raw);
                best = Math.min(best, CPU.getCurrentThreadCpuTime() - start);
            }
            worst = Math.max(worst, best);
            if (best > LIMIT_MS * 1_000_000) {
                slow.add("message " + i + ": " + best / 1_000_000 + " ms");
            }
        }
        System.out.printf("hostile mail: %d messages, slowest %d ms CPU%n", messages.size(), worst / 1_000_000);
        assertTrue(slow.isEmpty(), slow.size() + " of " + messages.size() + " messages took longer than " + LIMIT_MS
                + " ms of CPU: " + slow);
    }
}
