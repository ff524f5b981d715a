package jp.foodtrace.console.source;

import java.util.List;

import io.quarkus.qute.TemplateData;

/** The figures of each panel, as the page shows them (times already in Japan time). */
public final class Views {

    private Views() {
    }

    /** Terminals not heard from since midnight, Japan time; {@code lastSeen} null: never. */
    @TemplateData
    public record Silent(String since, List<SilentTerminal> terminals, long stores) {
    }

    @TemplateData
    public record SilentTerminal(String storeCode, String terminalId, String lastSeen) {
    }

    /** Orders received in the last {@code hours}; accepted includes shipped. */
    @TemplateData
    public record Orders(int hours, long received, long accepted, long rejected, long shipped) {

        public String level() {
            return received > 0 && rejected * 10 > received ? "warning" : "ok";
        }
    }

    /** Consumer lag of one group on one topic: records written but not yet processed. */
    @TemplateData
    public record Lag(String group, String topic, long lag) {

        public String level() {
            return lag >= 10_000 ? "critical" : lag >= 1_000 ? "warning" : "ok";
        }
    }

    /**
     * A service's outbox: events waiting for Kafka's confirmation and for how long the oldest has
     * waited (seconds; -1 when none waits), and events a relay parked (Kafka can never take them).
     * Red when anything is parked; amber when an event has waited longer than a relay normally
     * takes (a minute): the broker does not confirm and the relay keeps trying.
     */
    @TemplateData
    public record Parked(String service, long pending, long oldestPendingSeconds, long parked) {

        public String level() {
            return parked > 0 ? "critical" : oldestPendingSeconds > 60 ? "warning" : "ok";
        }

        public String oldestPending() {
            return oldestPendingSeconds < 0 ? "–" : oldestPendingSeconds + " s";
        }
    }

    /** Every dead-letter topic; red when any holds a letter. */
    @TemplateData
    public record DeadLetters(List<DeadLetterTopic> topics) {

        public String level() {
            return topics.stream().anyMatch(t -> !t.letters().isEmpty()) ? "critical" : "ok";
        }
    }

    /** Parked outbox rows of the services with an outbox; red when any. */
    @TemplateData
    public record Outbox(List<Parked> services) {

        public String level() {
            List<String> levels = services.stream().map(Parked::level).toList();
            return levels.contains("critical") ? "critical" : levels.contains("warning") ? "warning" : "ok";
        }
    }

    /** The latest recalls; as red as the worst notice. */
    @TemplateData
    public record Recalls(List<Recall> recalls) {

        public String level() {
            List<String> levels = recalls.stream().map(Recall::level).toList();
            return levels.contains("critical") ? "critical" : levels.contains("warning") ? "warning" : "ok";
        }
    }

    /** One dead-letter topic with its letters, newest first. */
    @TemplateData
    public record DeadLetterTopic(String topic, String sourceTopic, List<Letter> letters) {

        public String level() {
            return letters.isEmpty() ? "ok" : "critical";
        }

        public String replayAllCommand() {
            return "./suite dlq replay " + sourceTopic + " --all";
        }
    }

    @TemplateData
    public record Letter(String eventId, String key, String at, String reason, String position) {
    }

    /** Bounce and complaint rates over the rolling window and the last sends, with their levels. */
    @TemplateData
    public record Rates(Window rolling, Window recent, String bounceWarning, String bounceCritical,
            String complaintWarning, String complaintCritical) {
    }

    @TemplateData
    public record Window(String since, long sends, long hardBounces, long complaints, String bounceRate,
            String complaintRate, String bounceLevel, String complaintLevel) {
    }

    /** A recall and what became of each store's notice. */
    @TemplateData
    public record Recall(String recallId, String lotNumber, String reason, String createdAt, List<Notice> notices) {

        public String level() {
            return notices.stream().anyMatch(n -> n.level().equals("critical")) ? "critical"
                    : notices.stream().anyMatch(n -> n.level().equals("warning")) ? "warning" : "ok";
        }
    }

    @TemplateData
    public record Notice(String storeCode, String status, String delivery, String deliveryReason) {

        /** SENT is done; a store we could not reach (bounced, suppressed, failed, no contact) needs a call. */
        public String level() {
            if ("SENT".equals(delivery)) {
                return "ok";
            }
            return "UNKNOWN".equals(delivery) ? "warning" : "critical";
        }
    }
}
