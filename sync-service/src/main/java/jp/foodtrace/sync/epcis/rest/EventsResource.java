package jp.foodtrace.sync.epcis.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jp.foodtrace.rest.ProblemException;
import jp.foodtrace.sync.access.RequiresScope;
import jp.foodtrace.sync.access.Scope;
import jp.foodtrace.sync.epcis.service.QueryService;

/**
 * EPCIS 2.0 query interface of the REST binding: {@code GET /epcis/events} with the
 * SimpleEventQuery parameters, single events, and the cheap top-level resources (event types,
 * business steps, events of an EPC). Read with the {@code trace:read} scope: it is the same
 * trace data.
 */
@Path("/epcis")
@RequiresScope(Scope.TRACE_READ)
@Tag(name = "epcis")
@Produces({ MediaType.APPLICATION_JSON, CaptureResource.LD_JSON })
public class EventsResource {

    private static final List<String> EVENT_TYPES = List.of("ObjectEvent", "AggregationEvent", "TransactionEvent",
            "TransformationEvent", "AssociationEvent");

    private final QueryService query;
    private final ObjectMapper mapper;

    public EventsResource(QueryService query, ObjectMapper mapper) {
        this.query = query;
        this.mapper = mapper;
    }

    @GET
    @Path("/events")
    @Operation(summary = "Simple event query: an EPCISQueryDocument, paged with perPage and nextPageToken")
    public Response events(@Context UriInfo uri, @Context HttpHeaders headers) {
        return page(uri, headers, new LinkedHashMap<>(uri.getQueryParameters()));
    }

    @GET
    @Path("/events/{eventID: .+}")
    @Operation(summary = "One event by its eventID (URL-encoded)")
    public Response event(@PathParam("eventID") String eventId, @Context HttpHeaders headers) {
        return EpcisHeaders.standard(Response.ok(json(query.event(eventId)))).type(type(headers)).build();
    }

    @GET
    @Path("/eventTypes")
    @Operation(summary = "The event types this repository serves")
    public Response eventTypes(@Context HttpHeaders headers) {
        return collection(EVENT_TYPES, headers);
    }

    @GET
    @Path("/eventTypes/{eventType}/events")
    @Operation(summary = "Events of one type (same parameters as /events)")
    public Response eventsOfType(@PathParam("eventType") String eventType, @Context UriInfo uri,
            @Context HttpHeaders headers) {
        if (!EVENT_TYPES.contains(eventType)) {
            throw ProblemException.notFound("no event type " + eventType);
        }
        return page(uri, headers, with(uri, "eventType", eventType));
    }

    @GET
    @Path("/bizSteps")
    @Operation(summary = "The business steps that occur in stored events")
    public Response bizSteps(@Context HttpHeaders headers) {
        return collection(query.distinct("biz_step"), headers);
    }

    @GET
    @Path("/bizSteps/{bizStep}/events")
    @Operation(summary = "Events with one business step (same parameters as /events)")
    public Response eventsOfBizStep(@PathParam("bizStep") String bizStep, @Context UriInfo uri,
            @Context HttpHeaders headers) {
        return page(uri, headers, with(uri, "EQ_bizStep", bizStep));
    }

    @GET
    @Path("/epcs/{epc: .+}/events")
    @Operation(summary = "Events that name an EPC anywhere (MATCH_anyEPC), same parameters as /events")
    public Response eventsOfEpc(@PathParam("epc") String epc, @Context UriInfo uri, @Context HttpHeaders headers) {
        return page(uri, headers, with(uri, "MATCH_anyEPC", epc));
    }

    private Response page(UriInfo uri, HttpHeaders headers, Map<String, List<String>> parameters) {
        QueryService.Page page = query.query(parameters);
        Response.ResponseBuilder ok = EpcisHeaders.standard(Response.ok(json(page.document()))).type(type(headers));
        if (page.nextPageToken() != null) {
            String next = uri.getPath() + "?nextPageToken=" + page.nextPageToken();
            List<String> perPage = parameters.get("perPage");
            if (perPage != null && !perPage.isEmpty()) {
                next += "&perPage=" + perPage.get(0);
            }
            ok.header("Link", "<" + next + ">; rel=\"next\"");
        }
        return ok.build();
    }

    private static Map<String, List<String>> with(UriInfo uri, String name, String value) {
        Map<String, List<String>> parameters = new LinkedHashMap<>(uri.getQueryParameters());
        if (!parameters.containsKey("nextPageToken")) {
            parameters.put(name, List.of(value));
        }
        return parameters;
    }

    private Response collection(List<String> members, HttpHeaders headers) {
        ObjectNode out = mapper.createObjectNode();
        out.put("@context", QueryService.EPCIS_CONTEXT);
        out.put("type", "Collection");
        members.forEach(out.putArray("member")::add);
        return EpcisHeaders.standard(Response.ok(json(out))).type(type(headers)).build();
    }

    /** Written here, not by the JAX-RS provider, so that application/ld+json goes out the same as JSON. */
    private String json(ObjectNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String type(HttpHeaders headers) {
        return headers.getAcceptableMediaTypes().stream()
                .anyMatch(m -> m.toString().startsWith(CaptureResource.LD_JSON)) ? CaptureResource.LD_JSON
                        : MediaType.APPLICATION_JSON;
    }
}
