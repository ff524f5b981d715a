package jp.foodtrace.sync.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jp.foodtrace.messaging.EventIntake;
import jp.foodtrace.messaging.PermanentFailure;
import jp.foodtrace.messaging.events.OrderAccepted;
import jp.foodtrace.sync.feed.service.FeedService;

/**
 * Every topic this service consumes, taken through the {@link EventIntake}: envelope checked,
 * redeliveries dropped, malformed records dead-lettered, consumption counted.
 */
@ApplicationScoped
public class InboundEvents {

    private final EventIntake intake;
    private final ObjectMapper json;
    private final FeedService feed;

    public InboundEvents(EventIntake intake, ObjectMapper json, FeedService feed) {
        this.intake = intake;
        this.json = json;
        this.feed = feed;
    }

    /** Accepted orders go into the customer feed at the next position. */
    @Incoming(Channels.ORDERS_ACCEPTED)
    @Blocking
    @Transactional
    public void onOrdersAccepted(ConsumerRecord<String, String> record) {
        intake.accept(record, event -> feed.append(read(event.payload(), OrderAccepted.class)));
    }

    private <T> T read(String payload, Class<T> type) {
        try {
            return json.readValue(payload, type);
        } catch (JsonProcessingException e) {
            throw new PermanentFailure("payload is not a " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }
}
