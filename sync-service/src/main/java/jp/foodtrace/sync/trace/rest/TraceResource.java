package jp.foodtrace.sync.trace.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jp.foodtrace.rest.ProblemException;
import jp.foodtrace.sync.access.RequiresScope;
import jp.foodtrace.sync.access.Scope;
import jp.foodtrace.sync.trace.Trace;
import jp.foodtrace.sync.trace.service.TraceService;

/** Trace forward and back through production lots and shipments. */
@Path("/v1/trace")
@RequiresScope(Scope.TRACE_READ)
@Tag(name = "trace")
@Produces(MediaType.APPLICATION_JSON)
public class TraceResource {

    private final TraceService trace;

    public TraceResource(TraceService trace) {
        this.trace = trace;
    }

    @GET
    @Path("/lots/{lot}/forward")
    @Operation(summary = "Every lot made from this one (recursively), their shipments, and the stores and orders reached")
    @APIResponse(responseCode = "404", description = "the lot is unknown")
    public Trace forward(@PathParam("lot") String lot, @QueryParam("depth") Integer depth) {
        return trace.forwardFromLot(lot, depth);
    }

    @GET
    @Path("/lots/{lot}/back")
    @Operation(summary = "The input lots of this lot, recursively")
    public Trace backFromLot(@PathParam("lot") String lot, @QueryParam("depth") Integer depth) {
        return trace.backFromLot(lot, depth);
    }

    @GET
    @Path("/orders/{orderId}/back")
    @Operation(summary = "The lots shipped for this order and their input lots, recursively")
    public Trace backFromOrder(@PathParam("orderId") String orderId, @QueryParam("depth") Integer depth) {
        return trace.backFromOrder(orderId, depth);
    }

    @GET
    @Path("/stores/{storeCode}/back")
    @Operation(summary = "The lots shipped to this store on a day (Japan time) and their input lots, recursively")
    public Trace backFromStoreDay(@PathParam("storeCode") String storeCode, @QueryParam("date") String date,
            @QueryParam("depth") Integer depth) {
        LocalDate day;
        try {
            day = LocalDate.parse(date == null ? "" : date);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("invalid-date", "date must be YYYY-MM-DD");
        }
        return trace.backFromStoreDay(storeCode, day, depth);
    }
}
