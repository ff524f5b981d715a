package jp.foodtrace.sync.feed.service;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.context.Scope;
import jp.foodtrace.messaging.AfterCommit;
import jp.foodtrace.messaging.PermanentFailure;
import jp.foodtrace.messaging.Tracing;
import jp.foodtrace.messaging.events.OrderAccepted;
import jp.foodtrace.rest.ProblemException;
import jp.foodtrace.sync.config.SyncConfig;
import jp.foodtrace.sync.feed.AcceptedOrder;
import jp.foodtrace.sync.feed.FeedOrder;
import jp.foodtrace.sync.feed.repository.FeedRepository;

/** The order feed: appending accepted orders, reading pages after a cursor, acknowledging. */
@ApplicationScoped
public class FeedService {

    private static final Logger LOG = Logger.getLogger(FeedService.class);

    /** A page of the feed: the orders and the cursor to read after next. */
    public record Page(List<FeedOrder> orders, long next, boolean more) {
    }

    private final FeedRepository feed;
    private final SyncConfig config;
    private final MeterRegistry meters;
    private final AfterCommit afterCommit;

    public FeedService(FeedRepository feed, SyncConfig config, MeterRegistry meters, AfterCommit afterCommit) {
        this.feed = feed;
        this.config = config;
        this.meters = meters;
        this.afterCommit = afterCommit;
    }

    /** An accepted order that lacks what the feed needs can never be appended: a {@link PermanentFailure}. */
    public static OrderAccepted checked(OrderAccepted order) {
        if (order == null || order.orderId() == null || order.storeCode() == null || order.lines() == null
                || order.deliveryDate() == null || order.acceptedAt() == null) {
            throw new PermanentFailure("OrderAccepted lacks orderId, storeCode, deliveryDate, acceptedAt or lines");
        }
        return order;
    }

    /**
     * Called by the consumer inside its transaction, with the orders of that transaction in
     * arrival order; an order already in the feed is left alone. Counted once the transaction commits.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(List<AcceptedOrder> orders) {
        orders.forEach(a -> checked(a.order()));
        List<AcceptedOrder> added = feed.append(orders);
        int appended = added.size();
        int present = orders.size() - appended;
        afterCommit.run(() -> {
            for (AcceptedOrder a : added) {
                try (Scope trace = Tracing.resume(a.traceparent())) {
                    LOG.infof("order %s (%s/%d of store %s) appended to the feed", a.order().orderId(),
                            a.order().terminalId(), a.order().sequence(), a.order().storeCode());
                }
            }
            meters.counter("suite.sync_service.feed.orders", "outcome", "appended").increment(appended);
            if (present > 0) {
                meters.counter("suite.sync_service.feed.orders", "outcome", "already-present").increment(present);
            }
        });
    }

    /** Orders after {@code after}; with no cursor, after the client's acknowledged position. */
    public Page read(String clientId, String after, Integer limit) {
        long from = after == null || after.isBlank() ? feed.ackedPosition(clientId).orElse(0L) : cursor(after);
        int size = limit == null ? config.feed().defaultLimit() : limit;
        if (size < 1 || size > config.feed().maxLimit()) {
            throw ProblemException.badRequest("invalid-limit", "limit must be 1.." + config.feed().maxLimit());
        }
        List<FeedOrder> orders = feed.page(from, size + 1);
        boolean more = orders.size() > size;
        List<FeedOrder> page = more ? orders.subList(0, size) : orders;
        long next = page.isEmpty() ? from : page.get(page.size() - 1).position();
        meters.counter("suite.sync-service.feed.delivered").increment(page.size());
        return new Page(List.copyOf(page), next, more);
    }

    @Transactional
    public long ack(String clientId, String position) {
        long p = cursor(position);
        if (p > feed.lastPosition()) {
            throw ProblemException.badRequest("invalid-cursor", "position " + p + " is beyond the end of the feed");
        }
        long before = feed.ackedPosition(clientId).orElse(0L);
        long acked = feed.ack(clientId, p, Instant.now());
        if (acked > before) {
            long orders = feed.countBetween(before, acked);
            afterCommit.run(() -> meters.counter("suite.sync-service.feed.acknowledged").increment(orders));
        }
        return acked;
    }

    public long acked(String clientId) {
        return feed.ackedPosition(clientId).orElse(0L);
    }

    static long cursor(String value) {
        try {
            long p = Long.parseLong(value.strip());
            if (p < 0) {
                throw new NumberFormatException();
            }
            return p;
        } catch (NumberFormatException | NullPointerException e) {
            throw ProblemException.badRequest("invalid-cursor", "a cursor is a non-negative position: " + value);
        }
    }
}
