package jp.foodtrace.sync.shipment.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import jp.foodtrace.messaging.events.ShipmentRecorded;
import jp.foodtrace.sync.batch.Rejected;
import jp.foodtrace.sync.shipment.rest.ShipmentInput;

class ShipmentMappingTest {

    private static final Instant AT = Instant.parse("2026-12-01T01:00:00Z");

    @Test
    void shipmentInputMapsToTheEventWithOrderIdsDeduplicatedInOrder() {
        ShipmentRecorded event = ShipmentService.toEvent(new ShipmentInput("SH1", "S01", AT,
                Arrays.asList("O2", "O1", "O2", " ", null), List.of(new ShipmentInput.Line("4901234567894", "L1", 3L))));
        assertEquals(new ShipmentRecorded("SH1", "S01", AT, List.of("O2", "O1"),
                List.of(new ShipmentRecorded.Line("4901234567894", "L1", 3))), event);
    }

    @Test
    void shipmentWithoutLinesOrWithANonPositiveQuantityIsRejected() {
        assertEquals("a shipment needs at least one line", assertThrows(Rejected.class,
                () -> ShipmentService.toEvent(new ShipmentInput("SH1", "S01", AT, null, List.of()))).getMessage());
        assertEquals("lines[0].quantity must be positive", assertThrows(Rejected.class,
                () -> ShipmentService.toEvent(new ShipmentInput("SH1", "S01", AT, null,
                        List.of(new ShipmentInput.Line("4901234567894", "L1", 0L))))).getMessage());
        assertEquals("shippedAt is required", assertThrows(Rejected.class,
                () -> ShipmentService.toEvent(new ShipmentInput("SH1", "S01", null, null,
                        List.of(new ShipmentInput.Line("4901234567894", "L1", 1L))))).getMessage());
    }

    @Test
    void fullWidthCodesAreReadAsAscii() {
        ShipmentRecorded event = ShipmentService.toEvent(new ShipmentInput("ＳＨ－１", "Ｓ０１", AT,
                List.of("Ｏ１", "O1"), List.of(new ShipmentInput.Line("４９０１２３４５６７８９４", "Ｌ－１", 3L))));
        assertEquals(new ShipmentRecorded("SH-1", "S01", AT, List.of("O1"),
                List.of(new ShipmentRecorded.Line("4901234567894", "L-1", 3))), event);
    }
}
