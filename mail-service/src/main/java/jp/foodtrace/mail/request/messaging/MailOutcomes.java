package jp.foodtrace.mail.request.messaging;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jp.foodtrace.mail.request.MailLogEntry;
import jp.foodtrace.mail.request.MailStatus;
import jp.foodtrace.messaging.events.MailOutcome;

/** Mapping from a finished mail-log entry to its {@code mail.events.v1} event. */
public final class MailOutcomes {

    public static final String SENT = "SENT";
    public static final String SUPPRESSED = "SUPPRESSED";
    public static final String FAILED = "FAILED";
    public static final String UNKNOWN = "UNKNOWN";
    /** A mail that was SENT came back as a hard bounce (matched by its message id); follows its SENT event. */
    public static final String BOUNCED = "BOUNCED";

    private MailOutcomes() {
    }

    /**
     * The event of a finished request. UNKNOWN (see README, the ambiguous case) leaves as UNKNOWN
     * with its reason; consumers count only SENT as a send.
     */
    public static MailOutcome toEvent(MailLogEntry entry) {
        String outcome = switch (entry.status()) {
            case SENT -> SENT;
            case SUPPRESSED -> SUPPRESSED;
            case FAILED -> FAILED;
            case UNKNOWN -> UNKNOWN;
            default -> throw new IllegalArgumentException("request " + entry.requestId() + " is not finished: " + entry.status());
        };
        return new MailOutcome(entry.requestId(), entry.recipient(), outcome, entry.category().wireName(),
                entry.status() == MailStatus.SENT ? entry.transportMessageId() : null, entry.reason(),
                entry.finishedAt());
    }

    /** The BOUNCED event of a sent request that a hard bounce ({@code bounceId}) came back for. */
    public static MailOutcome bouncedEvent(MailLogEntry entry, String bounceId, java.time.Instant at) {
        return new MailOutcome(entry.requestId(), entry.recipient(), BOUNCED, entry.category().wireName(),
                entry.transportMessageId(), "hard bounce " + bounceId, at);
    }

    /** The event id of a request's BOUNCED event: one per request, like its outcome. */
    public static UUID bouncedEventId(String requestId) {
        return UUID.nameUUIDFromBytes(("mail-bounced/" + requestId).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The event id of a request's outcome, the same on every publication, so that a re-publication
     * after a crash is a duplicate to consumers (their inbox), not a second send to count.
     */
    public static UUID eventId(String requestId) {
        return UUID.nameUUIDFromBytes(("mail-outcome/" + requestId).getBytes(StandardCharsets.UTF_8));
    }
}
