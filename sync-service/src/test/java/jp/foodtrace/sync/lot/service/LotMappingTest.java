package jp.foodtrace.sync.lot.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import jp.foodtrace.messaging.events.LotRecorded;
import jp.foodtrace.sync.batch.Rejected;
import jp.foodtrace.sync.lot.rest.LotInput;

class LotMappingTest {

    private static final Instant AT = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void lotInputMapsToTheTransformationEvent() {
        assertEquals(new LotRecorded("L2", "4901234567894", "船橋", AT, LocalDate.of(2026, 12, 5), 40,
                List.of(new LotRecorded.Input("L1", 3))),
                LotService.toEvent(new LotInput("L2", "4901234567894", "船橋", AT, LocalDate.of(2026, 12, 5), 40L,
                        List.of(new LotInput.Input("L1", 3L)))));
    }

    @Test
    void lotThatIsItsOwnInputOrListsAnInputTwiceIsRejected() {
        assertEquals("lot L2 cannot be its own input", assertThrows(Rejected.class, () -> LotService.toEvent(
                new LotInput("L2", "4901234567894", "P", AT, null, 1L, List.of(new LotInput.Input("L2", 1L)))))
                .getMessage());
        assertEquals("input lot L1 is listed twice", assertThrows(Rejected.class, () -> LotService.toEvent(
                new LotInput("L2", "4901234567894", "P", AT, null, 1L,
                        List.of(new LotInput.Input("L1", 1L), new LotInput.Input("L1", 2L))))).getMessage());
    }

    @Test
    void fullWidthLotAndItemCodesAreReadAsAsciiAndThePlantIsKeptAsWritten() {
        assertEquals(new LotRecorded("L2", "4901234567894", "㈱髙島屋①工場", AT, null, 40,
                List.of(new LotRecorded.Input("L1", 3))),
                LotService.toEvent(new LotInput("Ｌ２", "４９０１２３４５６７８９４", "㈱髙島屋①工場", AT, null, 40L,
                        List.of(new LotInput.Input("Ｌ１", 3L)))));
        assertEquals("lot L2 cannot be its own input", assertThrows(Rejected.class, () -> LotService.toEvent(
                new LotInput("L2", "4901234567894", "P", AT, null, 1L, List.of(new LotInput.Input("Ｌ２", 1L)))))
                .getMessage());
    }
}
