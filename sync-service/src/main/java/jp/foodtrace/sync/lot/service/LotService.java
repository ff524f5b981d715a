package jp.foodtrace.sync.lot.service;

import static jp.foodtrace.sync.batch.Batches.required;
import static jp.foodtrace.sync.batch.Batches.requiredCode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.micrometer.core.instrument.MeterRegistry;
import jp.foodtrace.messaging.Topics;
import jp.foodtrace.messaging.events.LotRecorded;
import jp.foodtrace.sync.batch.Batches;
import jp.foodtrace.sync.batch.Batches.Upserted;
import jp.foodtrace.sync.batch.Entry;
import jp.foodtrace.sync.batch.Outcome;
import jp.foodtrace.sync.batch.Rejected;
import jp.foodtrace.sync.lot.repository.LotRepository;
import jp.foodtrace.sync.lot.rest.LotInput;
import jp.foodtrace.sync.master.repository.MasterRepository;
import jp.foodtrace.sync.messaging.Outbox;
import jp.foodtrace.text.Codes;

/**
 * Batch upserts of production lots, idempotent by lot number; new and changed ones go to
 * {@code lots.v1}. Input lots need not be known (supplier lots), and the genealogy is not checked
 * for cycles here: HQ data may contain them (re-work), and tracing is cycle-safe instead. Lot and
 * item codes are read in any width; the plant is a name and kept as written.
 */
@ApplicationScoped
public class LotService {

    private final LotRepository lots;
    private final MasterRepository master;
    private final Outbox outbox;
    private final MeterRegistry meters;

    public LotService(LotRepository lots, MasterRepository master, Outbox outbox, MeterRegistry meters) {
        this.lots = lots;
        this.master = master;
        this.outbox = outbox;
        this.meters = meters;
    }

    @Transactional
    public Batches.Run upsert(List<Entry<LotInput>> entries) {
        return Batches.run("lot", entries, in -> Codes.normalize(in.lotNumber()), this::upsert, meters);
    }

    Upserted upsert(LotInput in) {
        LotRecorded event = toEvent(in);
        if (!master.productExists(event.itemCode())) {
            throw new Rejected("unknown item " + event.itemCode());
        }
        String content = outbox.toJson(event);
        Optional<String> stored = lots.content(event.lotNumber());
        if (stored.isPresent() && stored.get().equals(content)) {
            return Upserted.unchanged();
        }
        lots.save(event, content);
        return new Upserted(stored.isPresent() ? Outcome.UPDATED : Outcome.CREATED,
                outbox.add(Topics.LOTS, event.lotNumber(), event));
    }

    static LotRecorded toEvent(LotInput in) {
        String lot = requiredCode(in.lotNumber(), "lotNumber");
        long quantity = required(in.quantity(), "quantity");
        if (quantity <= 0) {
            throw new Rejected("quantity must be positive");
        }
        List<LotRecorded.Input> inputs = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (LotInput.Input input : in.inputs() == null ? List.<LotInput.Input>of() : in.inputs()) {
            String number = requiredCode(input == null ? null : input.lotNumber(), "inputs.lotNumber");
            if (number.equals(lot)) {
                throw new Rejected("lot " + lot + " cannot be its own input");
            }
            if (!seen.add(number)) {
                throw new Rejected("input lot " + number + " is listed twice");
            }
            long q = required(input.quantity(), "inputs.quantity");
            if (q <= 0) {
                throw new Rejected("inputs.quantity must be positive");
            }
            inputs.add(new LotRecorded.Input(number, q));
        }
        return new LotRecorded(lot, requiredCode(in.itemCode(), "itemCode"), required(in.plant(), "plant"),
                required(in.producedAt(), "producedAt"), in.bestBefore(), quantity, List.copyOf(inputs));
    }
}
