package jp.foodtrace.sync.master.rest;

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
import jp.foodtrace.sync.batch.Batches;
import jp.foodtrace.sync.master.service.MasterDataService;
import jp.foodtrace.sync.messaging.OutboxRelay;
import jp.foodtrace.sync.rest.MediaTypes;

/** Batch upserts of product and store master data from HQ, JSON or CSV, with per-record results. */
@Path("/v1")
@RequiresScope(Scope.DATA_WRITE)
@Tag(name = "master data")
@Produces(MediaType.APPLICATION_JSON)
public class MasterDataResource {

    static final List<String> PRODUCT_COLUMNS = List.of("item_code", "name", "unit", "orderable", "min_quantity",
            "max_quantity");
    static final List<String> STORE_COLUMNS = List.of("store_code", "name", "cut_off_time", "contact_email");

    private final MasterDataService master;
    private final BatchReader reader;
    private final OutboxRelay relay;

    public MasterDataResource(MasterDataService master, BatchReader reader, OutboxRelay relay) {
        this.master = master;
        this.reader = reader;
        this.relay = relay;
    }

    @POST
    @Path("/products")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Upsert products (JSON array); publishes master.products.v1 for new and changed ones")
    @APIResponse(responseCode = "200", description = "per-record results")
    @APIResponse(responseCode = "503", description = "stored, but Kafka did not confirm in time; resend is safe")
    public BatchResult products(String body) {
        return published(master.upsertProducts(reader.json(body, ProductInput.class)));
    }

    @POST
    @Path("/products")
    @Consumes("text/csv")
    @Operation(summary = "Upsert products from CSV (UTF-8 or Shift_JIS), header item_code,name,unit,orderable,min_quantity,max_quantity")
    public BatchResult productsCsv(byte[] body, @RestHeader("Content-Type") String contentType) {
        return published(master.upsertProducts(reader.csv(body, MediaTypes.charset(contentType), PRODUCT_COLUMNS,
                row -> new ProductInput(row.field(0), row.field(1), row.field(2), MediaTypes.bool(row.field(3)),
                        MediaTypes.integer(row.field(4), "min_quantity"), MediaTypes.integer(row.field(5), "max_quantity")))));
    }

    @POST
    @Path("/stores")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Upsert stores (JSON array); publishes master.stores.v1 for new and changed ones")
    public BatchResult stores(String body) {
        return published(master.upsertStores(reader.json(body, StoreInput.class)));
    }

    @POST
    @Path("/stores")
    @Consumes("text/csv")
    @Operation(summary = "Upsert stores from CSV, header store_code,name,cut_off_time,contact_email")
    public BatchResult storesCsv(byte[] body, @RestHeader("Content-Type") String contentType) {
        return published(master.upsertStores(reader.csv(body, MediaTypes.charset(contentType), STORE_COLUMNS,
                row -> new StoreInput(row.field(0), row.field(1), row.field(2), row.field(3)))));
    }

    private BatchResult published(Batches.Run run) {
        relay.awaitPublished(run.eventIds());
        return run.result();
    }
}
