package jp.foodtrace.bounce.config;

import java.time.Duration;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the bounce service ({@code suite.bounce.*}). */
@ConfigMapping(prefix = "suite.bounce")
public interface BounceConfig {

    /** Bucket into which SES inbound writes returned mail as raw MIME objects. */
    String bucket();

    /** Prefix under which new objects arrive; only keys under it are read. */
    @WithDefault("inbound/")
    String prefix();

    /** Where an analysed object is copied to: {@code <processed-prefix><key>}. */
    @WithDefault("processed/")
    String processedPrefix();

    /**
     * Where an object that cannot be analysed is copied to: {@code <quarantine-prefix><key>}, with
     * the reason in the object metadata {@code quarantine-reason}.
     */
    @WithDefault("quarantine/")
    String quarantinePrefix();

    /** How often the bucket is polled for new objects (also read by the scheduler as {@code suite.bounce.poll-interval}). */
    @WithDefault("30s")
    String pollInterval();

    /** Objects listed per list-objects-v2 page; one poll reads pages until the listing ends. */
    @WithDefault("100")
    int pageSize();

    /** Objects larger than this are quarantined unread (returned mail is small; SES inbound caps at 40 MB). */
    @WithDefault("10M")
    MemorySize maxObjectSize();

    /**
     * A claim on an object that was not finished within this time is taken over by the next poll
     * (of any instance): the instance that claimed it is assumed dead.
     */
    @WithDefault("PT5M")
    Duration claimLease();

    /** How long to wait for the broker to confirm a {@code mail.bounces.v1} record. */
    @WithDefault("PT30S")
    Duration publishTimeout();

    /**
     * How long the analysis of one object may take. A message whose analysis runs longer (crafted
     * to make the patterns backtrack) is stopped and quarantined with the reason
     * {@code analysis-timeout}.
     */
    @WithDefault("PT2S")
    Duration analysisDeadline();

    /** How many objects of a listed page are taken in at once (each mostly waits on S3, the database and the broker). */
    @WithDefault("16")
    int parallelism();

    Rates rates();

    Sns sns();

    interface Rates {
        /** The rolling window over which sends, hard bounces and complaints are counted (SES: 24 h). */
        @WithDefault("PT24H")
        Duration window();

        /**
         * The recent-sends window: the last this many sends, however long ago; hard bounces and
         * complaints recorded since the oldest of them are set against them.
         */
        @WithDefault("1000")
        int recentSends();

        /** How often the gauges are recomputed and the levels checked (also {@code suite.bounce.rates.refresh}). */
        @WithDefault("30s")
        String refresh();

        /** Bounce rate at which a WARN is logged (SES reviews the account at 5 %). */
        @WithDefault("0.05")
        double bounceWarning();

        /** Bounce rate at which an ERROR is logged (SES may pause sending at 10 %). */
        @WithDefault("0.10")
        double bounceCritical();

        /** Complaint rate at which a WARN is logged (SES reviews at 0.1 %). */
        @WithDefault("0.001")
        double complaintWarning();

        /** Complaint rate at which an ERROR is logged (SES may pause at 0.5 %). */
        @WithDefault("0.005")
        double complaintCritical();
    }

    interface Sns {
        /**
         * Whether SNS message signatures are checked (signing certificate fetched from the
         * {@code SigningCertURL}, which must be an {@code https://sns.<region>.amazonaws.com/} URL).
         * May be false only in the dev, test and local profiles (the local platform has no SNS); the
         * service does not start with it false in any other profile.
         */
        @WithDefault("true")
        boolean verifySignatures();

        /**
         * The ARN of the SNS topic SES publishes to (required: {@code SUITE_BOUNCE_SNS_TOPIC_ARN});
         * notifications from any other topic are refused with 403.
         */
        String topicArn();

        /** Whether SignatureVersion 1 (SHA1withRSA) is taken; by default only 2 (SHA256withRSA). */
        @WithDefault("false")
        boolean allowSignatureV1();
    }
}
