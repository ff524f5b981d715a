package jp.foodtrace.sync.trace.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import java.nio.charset.Charset;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jp.foodtrace.rest.CsvBodies;
import jp.foodtrace.rest.ProblemException;
import jp.foodtrace.sync.access.RequiresScope;
import jp.foodtrace.sync.access.Scope;
import jp.foodtrace.sync.trace.ReportRow;
import jp.foodtrace.sync.trace.Trace;
import jp.foodtrace.sync.trace.page.TracePage;
import jp.foodtrace.sync.trace.service.TraceReportService;
import jp.foodtrace.sync.trace.service.TraceService;

/**
 * Trace forward and back through production lots and shipments: the JSON API, and the member
 * page ({@code GET /v1/trace} and {@code /v1/trace/lots/{lot}} as HTML) under the same path,
 * so that the member ALB's {@code /v1/trace*} rule and the {@code trace:read} token cover both.
 */
@Path("/v1/trace")
@RequiresScope(Scope.TRACE_READ)
@Tag(name = "trace")
@Produces(MediaType.APPLICATION_JSON)
public class TraceResource {

    private final TraceService trace;
    private final TraceReportService report;
    private final TracePage page;

    public TraceResource(TraceService trace, TraceReportService report, TracePage page) {
        this.trace = trace;
        this.report = report;
        this.page = page;
    }

    @GET
    @Path("/lots/{lot}/report")
    @Produces({ "text/csv", ReportFiles.XLSX })
    @Operation(summary = "The recall spreadsheet: one row per critical tracking event of the lot's trace, back and forward, "
            + "with the FSMA 204 key data elements; CSV (UTF-8 with BOM, or Shift_JIS) or XLSX")
    @APIResponse(responseCode = "404", description = "the lot is unknown")
    @APIResponse(responseCode = "406", description = "a charset other than UTF-8 or Shift_JIS")
    public Response report(@PathParam("lot") String lot, @QueryParam("format") String format,
            @QueryParam("charset") String charsetParam, @HeaderParam(HttpHeaders.ACCEPT) String accept,
            @HeaderParam("Accept-Charset") String acceptCharset) {
        boolean xlsx = "xlsx".equalsIgnoreCase(format)
                || (format == null && accept != null && accept.contains(ReportFiles.XLSX));
        if (format != null && !xlsx && !"csv".equalsIgnoreCase(format)) {
            throw ProblemException.badRequest("invalid-format", "format must be csv or xlsx");
        }
        List<ReportRow> rows = report.report(lot);
        String name = "trace-" + lot.replaceAll("[^A-Za-z0-9._-]", "_");
        if (xlsx) {
            return Response.ok(ReportFiles.xlsx(lot, rows)).type(ReportFiles.XLSX)
                    .header("Content-Disposition", "attachment; filename=\"" + name + ".xlsx\"").build();
        }
        String asked = charsetParam != null ? charsetParam : firstCharset(acceptCharset);
        Charset charset = CsvBodies.responseCharset(asked);
        return Response.ok(ReportFiles.csv(rows, charset)).type(CsvBodies.mediaType(charset))
                .header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"").build();
    }

    /** The first charset of an Accept-Charset header (without its weight), or null. */
    static String firstCharset(String acceptCharset) {
        if (acceptCharset == null || acceptCharset.isBlank()) {
            return null;
        }
        String first = acceptCharset.split(",")[0].split(";")[0].strip();
        return first.equals("*") ? null : first;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Member trace page: a form for a lot number or GS1 code (q), and the lot's origin and shipments")
    public Response page(@QueryParam("q") String q, @QueryParam("lang") String lang,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        return page.render(q, lang, acceptLanguage);
    }

    @GET
    @Path("/lots/{lot}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Member trace page of one lot")
    public Response lotPage(@PathParam("lot") String lot, @QueryParam("lang") String lang,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        return page.render(lot, lang, acceptLanguage);
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
