package jp.foodtrace.mail.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the mail service ({@code suite.mail.*}). */
@ConfigMapping(prefix = "suite.mail")
public interface MailConfig {

    /** Which transport sends the mail: {@code ses} (SES API SendRawEmail) or {@code smtp} (a relay). */
    @WithDefault("ses")
    TransportKind transport();

    /** Address in the From header (the member sees it). */
    @WithDefault("no-reply@mail.foodtrace.jp")
    String fromAddress();

    /** Display name in the From header (encoded per RFC 2047 where it is not ASCII). */
    @WithDefault("フードトレース")
    String fromName();

    /**
     * Envelope sender (Return-Path) for the SMTP relay; never empty, because relays such as
     * GreenMail refuse the null sender. SES sets its own envelope sender.
     */
    @WithDefault("bounces@mail.foodtrace.jp")
    String bounceAddress();

    Ses ses();

    Smtp smtp();

    Rate rate();

    Retry retry();

    Dispatch dispatch();

    Unsubscribe unsubscribe();

    Suppression suppression();

    /**
     * Who may use the request API: {@code suite.mail.senders.<name>.token}, {@code .categories},
     * {@code .operator}. Requests from the {@code mail.requests.v1} topic need none (topic ACLs).
     */
    Map<String, Sender> senders();

    enum TransportKind {
        SES,
        SMTP
    }

    interface Ses {
        /** SES configuration set that every message is sent with (event publishing, dedicated IPs). */
        @WithDefault("member-mail")
        String configurationSet();
    }

    interface Smtp {
        /** Host of the SMTP relay (Postfix on the NAT instance in AWS). */
        @WithDefault("127.0.0.1")
        String host();

        /** Port of the SMTP relay. */
        @WithDefault("25")
        int port();

        /** Connect and read timeout of the SMTP session. */
        @WithDefault("PT30S")
        Duration timeout();
    }

    interface Rate {
        /** The account's SES maximum send rate, in messages per second, for the whole service. */
        @WithDefault("14")
        double maxPerSecond();

        /** How many instances of the service share that rate; each instance takes its share. */
        @WithDefault("1")
        int instances();

        /**
         * Tokens the bucket holds at most. 1 paces sends evenly, so no one-second window ever
         * sees more than the configured rate; more allows short bursts above it.
         */
        @WithDefault("1")
        int burst();
    }

    interface Retry {
        /** Attempts per request (first one included) before a transient failure ends as FAILED. */
        @WithDefault("6")
        int maxAttempts();

        /** Wait before the second attempt; doubles per attempt. */
        @WithDefault("PT2S")
        Duration initialBackoff();

        /** Longest wait between attempts. */
        @WithDefault("PT5M")
        Duration maxBackoff();
    }

    interface Dispatch {
        /** Threads that claim and send requests; the rate limit applies across all of them. */
        @WithDefault("2")
        int workers();

        /** How often idle workers look for due requests (new requests also wake them at once). */
        @WithDefault("PT0.5S")
        Duration pollInterval();

        /**
         * A request claimed but not yet handed to the transport for longer than this is given back
         * to PENDING: nothing was sent for it, so it is safe to try again.
         */
        @WithDefault("PT1M")
        Duration claimLease();

        /**
         * A request handed to the transport without an answer recorded for longer than this is the
         * ambiguous case (the instance died during the send): it ends as UNKNOWN and is not resent.
         * Must be longer than the transport's own timeouts and retries.
         */
        @WithDefault("PT5M")
        Duration sendingLease();
    }

    interface Unsubscribe {
        /** Public base URL of this service; the List-Unsubscribe URL is {@code <base>/v1/unsubscribe/<token>}. */
        @WithDefault("https://mail.foodtrace.jp")
        String baseUrl();

        /** Mailbox for mailto unsubscribes (the second List-Unsubscribe entry). */
        @WithDefault("unsubscribe@mail.foodtrace.jp")
        String mailto();

        /** HMAC-SHA256 key for unsubscribe tokens; at least 32 characters. Rotate by redeploying. */
        String key();

        /** How long an unsubscribe link in a mail stays valid. */
        @WithDefault("P60D")
        Duration validity();
    }

    interface Suppression {
        /**
         * A bounce or complaint that names no message id suppresses its recipient only if we sent
         * to that recipient within this window before it.
         */
        @WithDefault("P30D")
        Duration matchWindow();
    }

    interface Sender {
        /** The sender's bearer token (a secret: from the environment in deployments). */
        String token();

        /** Categories the sender may request: transactional, notice, recall. */
        List<String> categories();

        /** Whether the sender may read every sender's requests and the ops lists. */
        @WithDefault("false")
        boolean operator();
    }
}
