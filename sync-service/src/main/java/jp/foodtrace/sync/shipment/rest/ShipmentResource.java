package jp.foodtrace.sync.shipment.rest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
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
import jp.foodtrace.sync.messaging.OutboxRelay;
import jp.foodtrace.sync.rest.MediaTypes;
import jp.foodtrace.sync.shipment.service.ShipmentService;
import jp.foodtrace.text.Codes;
import jp.foodtrace.text.Csv;

/** Batch upserts of shipments from HQ, JSON or CSV, with per-record results. */
@Path("/v1/shipments")
@RequiresScope(Scope.DATA_WRITE)
@Tag(name = "shipments")
@Produces(MediaType.APPLICATION_JSON)
public class ShipmentResource {

    static final List<String> COLUMNS = List.of("shipment_id", "store_code", "shipped_at", "order_ids", "item_code",
            "lot_number", "quantity");

    private final ShipmentService shipments;
    private final BatchReader reader;
    private final OutboxRelay relay;

    public ShipmentResource(ShipmentService shipments, BatchReader reader, OutboxRelay relay) {
        this.shipments = shipments;
        this.reader = reader;
        this.relay = relay;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Upsert shipments (JSON array); idempotent by shipmentId; publishes shipments.v1")
    @APIResponse(responseCode = "200", description = "per-record results")
    @APIResponse(responseCode = "503", description = "stored, but Kafka did not confirm in time; resend is safe")
    public BatchResult upsert(String body) {
        var run = shipments.upsert(reader.json(body, ShipmentInput.class));
        relay.awaitPublished(run.eventIds());
        return run.result();
    }

    @POST
    @Consumes("text/csv")
    @Operation(summary = "Upsert shipments from CSV: one row per line, header " + "shipment_id,store_code,shipped_at,order_ids,item_code,lot_number,quantity")
    public BatchResult upsertCsv(byte[] body, @RestHeader("Content-Type") String contentType) {
        var run = shipments.upsert(reader.csvGrouped(body, MediaTypes.charset(contentType), COLUMNS, ShipmentResource::fromRows));
        relay.awaitPublished(run.eventIds());
        return run.result();
    }

    /** The rows of one shipment; times and the order list are codes, typed in any width. */
    static ShipmentInput fromRows(List<Csv.Row> rows) {
        Csv.Row first = rows.get(0);
        String time = Codes.normalize(first.field(2));
        Instant shippedAt;
        try {
            shippedAt = time.isEmpty() ? null : Instant.parse(time);
        } catch (DateTimeParseException e) {
            throw new Rejected("shipped_at is not an ISO-8601 instant: " + first.field(2));
        }
        String orderIds = Codes.normalize(first.field(3));
        List<String> orders = orderIds.isEmpty() ? List.of() : Arrays.asList(orderIds.split(";"));
        List<ShipmentInput.Line> lines = rows.stream().map(r -> new ShipmentInput.Line(r.field(4), r.field(5),
                r.field(6).isBlank() ? null : MediaTypes.number(r.field(6), "quantity"))).toList();
        return new ShipmentInput(first.field(0), first.field(1), shippedAt, orders, lines);
    }
}
