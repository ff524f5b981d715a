package jp.foodtrace.sync.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jp.foodtrace.messaging.BatchIntake;
import jp.foodtrace.messaging.EventIntake;
import jp.foodtrace.messaging.Tracing;
import jp.foodtrace.messaging.events.MailOutcome;
import jp.foodtrace.messaging.events.OrderAccepted;
import jp.foodtrace.sync.feed.AcceptedOrder;
import jp.foodtrace.sync.feed.service.FeedService;
import jp.foodtrace.sync.recall.service.RecallService;

/**
 * Every topic this service consumes: accepted orders a poll at a time through the {@link BatchIntake},
 * mail outcomes a record at a time through the {@link EventIntake}; either way
 * envelope checked, payload read as the event record its {@code event-type} names, redeliveries
 * dropped, malformed records dead-lettered, consumption counted.
 */
@ApplicationScoped
public class InboundEvents {

    private final BatchIntake intake;
    private final EventIntake events;
    private final ObjectMapper json;
    private final FeedService feed;
    private final RecallService recalls;

    public InboundEvents(BatchIntake intake, EventIntake events, ObjectMapper json, FeedService feed,
            RecallService recalls) {
        this.intake = intake;
        this.events = events;
        this.json = json;
        this.feed = feed;
        this.recalls = recalls;
    }

    /**
     * Accepted orders go into the customer feed at the next positions, a poll per transaction.
     * No {@code @Transactional}: the intake runs a transaction per try.
     */
    /**
     * Mail outcomes, a record at a time through the {@link EventIntake}: a recall notice's mail
     * shows SENT, BOUNCED, SUPPRESSED, FAILED or UNKNOWN.
     */
    @Incoming(Channels.MAIL_EVENTS)
    @Blocking
    public void onMailEvents(ConsumerRecord<String, String> record) {
        events.accept(record, event -> recalls.onMailOutcome(event.payloadAs(MailOutcome.class, json)));
    }

    @Incoming(Channels.ORDERS_ACCEPTED)
    @Blocking
    public void onOrdersAccepted(ConsumerRecords<String, String> records) {
        intake.consume(records, event -> new AcceptedOrder(
                FeedService.checked(event.payloadAs(OrderAccepted.class, json)), Tracing.current()), feed::append);
    }
}
