package jp.foodtrace.sync.lot.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;

import jp.foodtrace.sync.access.RequiresScope;
import jp.foodtrace.sync.access.Scope;
import jp.foodtrace.sync.batch.BatchReader;
import jp.foodtrace.sync.batch.BatchResult;
import jp.foodtrace.sync.batch.Rejected;
import jp.foodtrace.sync.lot.service.LotService;
import jp.foodtrace.sync.messaging.OutboxRelay;
import jp.foodtrace.sync.rest.MediaTypes;
import jp.foodtrace.text.Codes;
import jp.foodtrace.text.Csv;

/** Batch upserts of production lots from HQ, JSON or CSV, with per-record results. */
@Path("/v1/lots")
@RequiresScope(Scope.DATA_WRITE)
@Tag(name = "lots")
@Produces(MediaType.APPLICATION_JSON)
public class LotResource {

    static final List<String> COLUMNS = List.of("lot_number", "item_code", "plant", "produced_at", "best_before",
            "quantity", "inputs");

    private final LotService lots;
    private final BatchReader reader;
    private final OutboxRelay relay;

    public LotResource(LotService lots, BatchReader reader, OutboxRelay relay) {
        this.lots = lots;
        this.reader = reader;
        this.relay = relay;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Upsert production lots (JSON array); idempotent by lotNumber; publishes lots.v1")
    @APIResponse(responseCode = "200", description = "per-record results")
    @APIResponse(responseCode = "503", description = "stored, but Kafka did not confirm in time; resend is safe")
    public BatchResult upsert(String body) {
        var run = lots.upsert(reader.json(body, LotInput.class));
        relay.awaitPublished(run.eventIds());
        return run.result();
    }

    @POST
    @Consumes("text/csv")
    @Operation(summary = "Upsert lots from CSV, header lot_number,item_code,plant,produced_at,best_before,quantity,inputs (LOT:QTY;...)")
    public BatchResult upsertCsv(byte[] body, @RestHeader("Content-Type") String contentType) {
        var run = lots.upsert(reader.csv(body, MediaTypes.charset(contentType), COLUMNS, LotResource::fromRow));
        relay.awaitPublished(run.eventIds());
        return run.result();
    }

    /** One lot row; times, dates and the inputs list are codes, typed in any width. */
    static LotInput fromRow(Csv.Row row) {
        String produced = Codes.normalize(row.field(3));
        String best = Codes.normalize(row.field(4));
        Instant producedAt;
        LocalDate bestBefore;
        try {
            producedAt = produced.isEmpty() ? null : Instant.parse(produced);
            bestBefore = best.isEmpty() ? null : LocalDate.parse(best);
        } catch (DateTimeParseException e) {
            throw new Rejected("produced_at must be an ISO-8601 instant and best_before a date: " + e.getParsedString());
        }
        List<LotInput.Input> inputs = new ArrayList<>();
        for (String part : Codes.normalize(row.field(6)).split(";")) {
            if (part.isBlank()) {
                continue;
            }
            int colon = part.lastIndexOf(':');
            if (colon <= 0) {
                throw new Rejected("inputs must be LOT:QTY separated by ';': " + part);
            }
            inputs.add(new LotInput.Input(part.substring(0, colon).strip(),
                    MediaTypes.number(part.substring(colon + 1), "inputs quantity")));
        }
        return new LotInput(row.field(0), row.field(1), row.field(2), producedAt, bestBefore,
                row.field(5).isBlank() ? null : MediaTypes.number(row.field(5), "quantity"), inputs);
    }
}
