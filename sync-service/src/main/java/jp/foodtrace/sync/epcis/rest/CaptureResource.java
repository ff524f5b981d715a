package jp.foodtrace.sync.epcis.rest;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jp.foodtrace.rest.ProblemException;
import jp.foodtrace.sync.access.CallingClient;
import jp.foodtrace.sync.access.RequiresScope;
import jp.foodtrace.sync.access.Scope;
import jp.foodtrace.sync.epcis.repository.EpcisRepository;
import jp.foodtrace.sync.epcis.repository.EpcisRepository.CaptureJob;
import jp.foodtrace.sync.epcis.service.CaptureService;

/** EPCIS 2.0 capture interface of the REST binding: {@code /epcis/capture}. */
@Path("/epcis/capture")
@RequiresScope(Scope.EPCIS_CAPTURE)
@Tag(name = "epcis")
public class CaptureResource {

    static final String LD_JSON = "application/ld+json";

    private final CaptureService capture;
    private final EpcisRepository store;
    private final CallingClient calling;
    private final ObjectMapper mapper;

    public CaptureResource(CaptureService capture, EpcisRepository store, CallingClient calling, ObjectMapper mapper) {
        this.capture = capture;
        this.store = store;
        this.calling = calling;
        this.mapper = mapper;
    }

    @POST
    @Consumes({ MediaType.APPLICATION_JSON, LD_JSON })
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Capture an EPCISDocument (any of the five event types); 202 with the capture job's Location")
    @APIResponse(responseCode = "202", description = "captured; Location names the capture job")
    @APIResponse(responseCode = "400", description = "not valid against the EPCIS JSON Schema: one detail per violation with its JSON pointer")
    public Response capture(byte[] body, @HeaderParam("GS1-Capture-Error-Behaviour") String errorBehaviour)
            throws IOException {
        if (body == null || body.length == 0) {
            throw ProblemException.badRequest("invalid-epcis-document", "the body is empty");
        }
        JsonNode document = mapper.readTree(body);
        CaptureService.Captured captured = capture.capture(document, errorBehaviour, calling.get().clientId());
        return EpcisHeaders.standard(Response.accepted(view(captured.job())))
                .location(URI.create("/epcis/capture/" + captured.job().captureId())).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The caller's latest capture jobs")
    public List<ObjectNode> jobs(@QueryParam("perPage") Integer perPage) {
        int limit = perPage == null ? 30 : Math.max(1, Math.min(perPage, 1000));
        return store.jobs(calling.get().clientId(), limit).stream().map(this::view).toList();
    }

    @GET
    @Path("/{captureID}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A capture job: running, success, captureErrorBehaviour, errors")
    public Response job(@PathParam("captureID") String captureId) {
        CaptureJob job = store.job(captureId, calling.get().clientId())
                .orElseThrow(() -> ProblemException.notFound("no capture job " + captureId));
        return EpcisHeaders.standard(Response.ok(view(job))).build();
    }

    private ObjectNode view(CaptureJob job) {
        ObjectNode out = mapper.createObjectNode();
        out.put("captureID", job.captureId());
        out.put("createdAt", job.createdAt().toString());
        out.put("finishedAt", job.finishedAt().toString());
        out.put("running", false);
        out.put("success", job.success());
        out.put("captureErrorBehaviour", job.errorBehaviour());
        out.put("eventCount", job.eventCount());
        out.put("storedCount", job.storedCount());
        try {
            out.set("errors", mapper.readTree(job.errorsJson()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
