package jp.foodtrace.sync.lot.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One production lot of an upload. CSV columns lot_number,item_code,plant,produced_at,best_before,
 * quantity,inputs where inputs is {@code LOT:QTY;LOT:QTY}.
 */
public record LotInput(String lotNumber, String itemCode, String plant, Instant producedAt, LocalDate bestBefore,
        Long quantity, List<Input> inputs) {

    public record Input(String lotNumber, Long quantity) {
    }
}
