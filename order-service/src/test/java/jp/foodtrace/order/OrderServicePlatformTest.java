package jp.foodtrace.order;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jp.foodtrace.messaging.Topics;
import jp.foodtrace.order.messaging.Channels;
import jp.foodtrace.testsupport.PlatformContract;
import jp.foodtrace.testsupport.SuitePlatformResource;

/** Order service on the real platform: the suite's platform contract, and the outgoing side it relies on. */
@QuarkusTest
@WithTestResource(value = SuitePlatformResource.class, initArgs = {
        @ResourceArg(name = "service", value = "order-service"),
        @ResourceArg(name = "parts", value = "KAFKA") })
class OrderServicePlatformTest implements PlatformContract {

    /** An order for a store nobody registered: consumed, and rejected. */
    private static final String ORDER = "{\"receiptId\":\"" + UUID.randomUUID() + "\",\"terminalId\":\"T-P\","
            + "\"storeCode\":\"K1\",\"sequence\":1,\"deliveryDate\":\"2030-01-02\",\"receivedAt\":\"2030-01-01T00:00:00Z\","
            + "\"lines\":[{\"lineNo\":1,\"itemCode\":\"4901234567894\",\"quantity\":1,\"unit\":\"CS\"}]}";

    @Override
    public String openApiTitle() {
        return "Order service API";
    }

    @Override
    public Map<String, String> incomingChannels() {
        return Map.of(
                Channels.TERMINAL_ORDERS, Topics.TERMINAL_ORDERS,
                Channels.MASTER_PRODUCTS, Topics.MASTER_PRODUCTS,
                Channels.MASTER_STORES, Topics.MASTER_STORES,
                Channels.SHIPMENTS, Topics.SHIPMENTS);
    }

    @Override
    public SampleEvent sampleEvent() {
        return new SampleEvent(Topics.TERMINAL_ORDERS, "K1", "TerminalOrderSubmitted", ORDER);
    }

    /**
     * The events are awaited inside the transaction that decided the orders: that is only worth
     * something if the broker confirms a record once all replicas have it, and a retried send
     * does not write it twice.
     */
    @Test
    void outgoingChannelsWriteTheArchitectureTopicsWithAcksAllAndIdempotence() {
        Config config = ConfigProvider.getConfig();
        Map.of(Channels.ORDERS_STATUS_OUT, Topics.ORDERS_STATUS, Channels.ORDERS_ACCEPTED_OUT, Topics.ORDERS_ACCEPTED)
                .forEach((channel, topic) -> {
                    String prefix = "mp.messaging.outgoing." + channel + ".";
                    assertEquals(topic, config.getValue(prefix + "topic", String.class), channel);
                    assertEquals("all", config.getValue(prefix + "acks", String.class), channel);
                    assertEquals(Boolean.TRUE, config.getValue(prefix + "enable.idempotence", Boolean.class), channel);
                });
    }
}
