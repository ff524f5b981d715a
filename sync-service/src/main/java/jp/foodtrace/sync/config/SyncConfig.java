package jp.foodtrace.sync.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the sync service, under {@code suite.sync}. */
@ConfigMapping(prefix = "suite.sync")
public interface SyncConfig {

    /**
     * Bootstrap admin token: the one credential that may create client systems through
     * {@code /v1/admin/clients}. Deployments take it from their secret store
     * ({@code SUITE_SYNC_ADMIN_TOKEN}): required, the service does not start without it.
     */
    String adminToken();

    Feed feed();

    Trace trace();

    Publish publish();

    Recall recall();

    Epcis epcis();

    /** EPCIS 2.0 capture and query (jp.foodtrace.sync.epcis). */
    interface Epcis {
        /** Most events one capture request may carry (413 beyond); larger sets are split by the client. */
        @WithDefault("10000")
        int captureMaxEvents();

        /** Events per query page when the client names no perPage. */
        @WithDefault("30")
        int defaultPerPage();

        /** Largest perPage a client may ask for. */
        @WithDefault("1000")
        int maxPerPage();
    }

    /** What recall notices tell the stores (mail-service's recall-notice template). */
    interface Recall {

        /** Who the stores contact about a recall. */
        @WithDefault("本部 品質保証部 recall@foodtrace.jp")
        String contact();

        /** What a store is asked to do with the recalled lot. */
        @WithDefault("該当ロットの商品を直ちに売場から撤去し、保管のうえ本部の指示をお待ちください。")
        String action();
    }

    interface Feed {
        /** Page size of the order feed when the client names none. */
        @WithDefault("100")
        int defaultLimit();

        /** Largest page a client may ask for. */
        @WithDefault("1000")
        int maxLimit();
    }

    interface Trace {
        /** Depth of a trace (lot generations) when the caller names none. */
        @WithDefault("20")
        int defaultDepth();

        /** Largest depth a caller may ask for; deeper genealogies are cut off and flagged truncated. */
        @WithDefault("100")
        int maxDepth();
    }

    interface Publish {
        /** How long a request waits for Kafka to acknowledge the events it produced. */
        @WithDefault("PT30S")
        Duration ackTimeout();

        /** How often the outbox relay publishes events that a request could not publish itself. */
        @WithDefault("PT5S")
        Duration relayInterval();

        /** Most outbox events published in one pass. */
        @WithDefault("100")
        int relayBatch();
    }
}
