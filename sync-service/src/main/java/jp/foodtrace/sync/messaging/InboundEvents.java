package jp.foodtrace.sync.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jp.foodtrace.messaging.BatchIntake;
import jp.foodtrace.messaging.events.OrderAccepted;
import jp.foodtrace.sync.feed.service.FeedService;

/**
 * Every topic this service consumes, taken a poll at a time through the {@link BatchIntake}:
 * envelope checked, payload read as the event record its {@code event-type} names, redeliveries
 * dropped, malformed records dead-lettered, consumption counted.
 */
@ApplicationScoped
public class InboundEvents {

    private final BatchIntake intake;
    private final ObjectMapper json;
    private final FeedService feed;

    public InboundEvents(BatchIntake intake, ObjectMapper json, FeedService feed) {
        this.intake = intake;
        this.json = json;
        this.feed = feed;
    }

    /**
     * Accepted orders go into the customer feed at the next positions, a poll per transaction.
     * No {@code @Transactional}: the intake runs a transaction per try.
     */
    @Incoming(Channels.ORDERS_ACCEPTED)
    @Blocking
    public void onOrdersAccepted(ConsumerRecords<String, String> records) {
        intake.consume(records, event -> FeedService.checked(event.payloadAs(OrderAccepted.class, json)), feed::append);
    }
}
