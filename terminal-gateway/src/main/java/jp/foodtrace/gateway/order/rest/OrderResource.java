package jp.foodtrace.gateway.order.rest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.http.HttpServerRequest;
import jp.foodtrace.gateway.access.AuthenticatedTerminal;
import jp.foodtrace.gateway.access.service.TerminalAccess;
import jp.foodtrace.gateway.config.GatewayConfig;
import jp.foodtrace.gateway.order.StatusDetail;
import jp.foodtrace.gateway.order.Submission;
import jp.foodtrace.gateway.order.repository.SubmissionRepository;
import jp.foodtrace.gateway.order.service.OrderValidator;
import jp.foodtrace.gateway.order.service.SubmissionService;
import jp.foodtrace.rest.CsvBodies;
import jp.foodtrace.rest.Problem;
import jp.foodtrace.rest.ProblemException;

/** Orders from terminals: JSON or CSV batches in, receipts and status out. */
@Path("/v1/orders")
@Tag(name = "orders", description = "Order submission and status for terminals")
@Produces(MediaType.APPLICATION_JSON)
public class OrderResource {

    private final TerminalAccess access;
    private final OrderValidator validator;
    private final SubmissionService submissions;
    private final SubmissionRepository receipts;
    private final ObjectMapper json;
    private final int maxBodyBytes;
    private final SubmissionMeter counted;

    public OrderResource(TerminalAccess access, OrderValidator validator, SubmissionService submissions,
            SubmissionRepository receipts, ObjectMapper json, GatewayConfig config, SubmissionMeter counted) {
        this.access = access;
        this.validator = validator;
        this.submissions = submissions;
        this.receipts = receipts;
        this.json = json;
        this.maxBodyBytes = config.maxBodyBytes();
        this.counted = counted;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit one order; 202 with a receipt once stored, 200 with the original receipt for a resend")
    public Uni<Response> submit(@Context HttpServerRequest request, byte[] body) {
        return receive(request, body).onItemOrFailure().invoke((response, failure) ->
                counted.json(response == null ? 0 : response.getStatus(), failure));
    }

    private Uni<Response> receive(HttpServerRequest request, byte[] body) {
        // A non-blocking method: invoked on the event loop once the whole body has arrived, so no
        // worker thread waits for a slow terminal's bytes. When the terminal's registry entry is
        // cached (nearly always), the checks are CPU work of some microseconds and stay on the event
        // loop: no hand-over to a worker and back per order. Only an authentication that must read
        // the registry runs on a worker. The receipt's commit and Kafka's confirmation hold neither.
        if (access.knownWithoutReading(request.getHeader(TerminalAccess.TERMINAL_HEADER))) {
            Prepared prepared;
            try {
                prepared = prepare(access.authenticateCached(request), body);
            } catch (RuntimeException refused) {
                return Uni.createFrom().failure(refused);
            }
            return submit(prepared);
        }
        return Uni.createFrom().item(() -> prepare(access.authenticate(request), body))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(this::submit);
    }

    private Uni<Response> submit(Prepared prepared) {
        return submissions.submit(prepared.terminal(), prepared.order()).map(outcome ->
                switch (outcome.kind()) {
                    case ACCEPTED -> Response.accepted(OrderViews.Receipt.of(outcome.submission())).build();
                    case RESENT -> Response.ok(OrderViews.Receipt.of(outcome.submission())).build();
                    case CONFLICT -> throw ProblemException.conflict("sequence-conflict", "sequence "
                            + prepared.order().sequence() + " was already used for a different order (receipt "
                            + outcome.submission().receiptId() + ")");
                });
    }

    private record Prepared(AuthenticatedTerminal terminal, OrderRequest order) {
    }

    private Prepared prepare(AuthenticatedTerminal terminal, byte[] body) {
        checkSize(body);
        OrderRequest order;
        try {
            order = json.readValue(body, OrderRequest.class);
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest("malformed-json",
                    "the body is not a valid order JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ProblemException.badRequest("malformed-json", "the body could not be read");
        }
        if (order == null) {
            throw ProblemException.badRequest("malformed-json", "the body is empty");
        }
        order = order.normalized();
        validator.validate(terminal, order);
        return new Prepared(terminal, order);
    }

    @POST
    @Path("/csv")
    @Consumes({ "text/csv", MediaType.TEXT_PLAIN })
    @Operation(summary = "Submit a CSV batch (UTF-8 or Shift_JIS); one result per order, errors per line")
    public OrderViews.CsvBatchResult submitCsv(@Context HttpServerRequest request,
            @HeaderParam("Content-Type") MediaType contentType, byte[] body) {
        AuthenticatedTerminal terminal = access.authenticate(request);
        checkSize(body);
        CsvOrderReader.Batch batch = CsvOrderReader.read(CsvBodies.read(contentType, body));
        List<OrderViews.CsvOrderResult> results = new ArrayList<>();
        int accepted = 0;
        int resent = 0;
        int rejected = 0;
        for (CsvOrderReader.CsvOrder order : batch.orders()) {
            List<Problem.Detail> errors = new ArrayList<>(order.errors());
            if (errors.isEmpty()) {
                errors.addAll(validator.check(terminal, order.request(), order.lines()));
            }
            int firstLine = order.lines().get(0);
            if (!errors.isEmpty()) {
                rejected++;
                counted.count("csv", SubmissionMeter.REJECTED);
                results.add(new OrderViews.CsvOrderResult(order.sequence(), firstLine, "REJECTED", null, errors));
                continue;
            }
            try {
                SubmissionService.Outcome outcome = submissions.submitAndWait(terminal, order.request());
                switch (outcome.kind()) {
                    case ACCEPTED -> accepted++;
                    case RESENT -> resent++;
                    case CONFLICT -> rejected++;
                }
                counted.count("csv", switch (outcome.kind()) {
                    case ACCEPTED -> SubmissionMeter.ACCEPTED;
                    case RESENT -> SubmissionMeter.DUPLICATE;
                    case CONFLICT -> SubmissionMeter.REJECTED;
                });
                results.add(new OrderViews.CsvOrderResult(order.sequence(), firstLine,
                        outcome.kind() == SubmissionService.Kind.CONFLICT ? "CONFLICT" : outcome.kind().name(),
                        outcome.submission().receiptId(), outcome.kind() == SubmissionService.Kind.CONFLICT
                                ? List.of(Problem.Detail.ofField(firstLine, "sequence", "sequence-conflict",
                                        "sequence already used for a different order"))
                                : List.of()));
            } catch (ProblemException e) {
                rejected++;
                String outcome = SubmissionMeter.outcomeOf(e);
                counted.count("csv", outcome == null ? SubmissionMeter.REJECTED : outcome);
                results.add(new OrderViews.CsvOrderResult(order.sequence(), firstLine, "FAILED", null,
                        List.of(Problem.Detail.ofField(firstLine, null, e.problem().code(), e.problem().detail()))));
            }
        }
        return new OrderViews.CsvBatchResult(accepted, resent, rejected, results, batch.unattributed());
    }

    @GET
    @Path("/{receiptId}")
    @Operation(summary = "Status of one of the calling terminal's orders")
    public OrderViews.OrderStatus status(@Context HttpServerRequest request, @PathParam("receiptId") String receiptId) {
        AuthenticatedTerminal terminal = access.authenticate(request);
        UUID id;
        try {
            id = UUID.fromString(receiptId);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("no order with receipt " + receiptId);
        }
        Submission s = receipts.find(id)
                .filter(found -> found.terminalId().equals(terminal.terminalId()))
                .orElseThrow(() -> ProblemException.notFound("no order with receipt " + receiptId + " for this terminal"));
        StatusDetail detail = readDetail(s.statusDetail());
        return new OrderViews.OrderStatus(s.receiptId(), s.sequence(), s.status(), detail.orderId(),
                detail.rejections(), detail.shipmentId(), s.receivedAt(), s.updatedAt());
    }

    private StatusDetail readDetail(String stored) {
        if (stored == null) {
            return new StatusDetail(null, List.of(), null);
        }
        try {
            return json.readValue(stored, StatusDetail.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored status detail unreadable", e);
        }
    }

    private void checkSize(byte[] body) {
        if (body.length > maxBodyBytes) {
            throw ProblemException.tooLarge("at most " + maxBodyBytes + " bytes per request");
        }
    }
}
