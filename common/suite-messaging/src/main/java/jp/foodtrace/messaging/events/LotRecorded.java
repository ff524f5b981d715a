package jp.foodtrace.messaging.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code lots.v1}, key lot number: a production lot (an EPCIS transformation from input lots to
 * this output lot).
 */
public record LotRecorded(String lotNumber, String itemCode, String plant, Instant producedAt, LocalDate bestBefore,
        long quantity, List<Input> inputs) {

    public record Input(String lotNumber, long quantity) {
    }
}
