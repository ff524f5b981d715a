package jp.foodtrace.sync.feed.rest;

import java.nio.charset.Charset;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.micrometer.core.instrument.MeterRegistry;
import jp.foodtrace.rest.ProblemException;
import jp.foodtrace.sync.access.CallingClient;
import jp.foodtrace.sync.access.RequiresScope;
import jp.foodtrace.sync.access.Scope;
import jp.foodtrace.sync.feed.service.FeedService;
import jp.foodtrace.rest.CsvBodies;

/**
 * The customer server's cursor feed of accepted orders: read after a cursor, acknowledge what was
 * processed, replay from any cursor. At least once: an order is read again until acknowledged.
 */
@Path("/v1/feed/orders")
@RequiresScope(Scope.FEED_READ)
@Tag(name = "feed")
public class FeedResource {

    /** Header that carries the next cursor of a CSV page. */
    public static final String NEXT_CURSOR = "Feed-Next-Cursor";
    /** Header that says whether more orders follow a CSV page. */
    public static final String MORE = "Feed-More";
    /** Header that says how many characters of a CSV page had no code in its charset ({@link FeedCsv}). */
    public static final String SUBSTITUTED = "Feed-Substituted";

    /** A page of the feed. */
    public record FeedPageView(List<FeedOrderView> orders, String next, boolean more) {
    }

    /** Acknowledgement of everything up to and including a position. */
    public record Ack(String position) {
    }

    /** The client's acknowledged position. */
    public record AckView(String clientId, String acknowledged) {
    }

    private final FeedService feed;
    private final CallingClient calling;
    private final MeterRegistry meters;

    public FeedResource(FeedService feed, CallingClient calling, MeterRegistry meters) {
        this.feed = feed;
        this.calling = calling;
        this.meters = meters;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Orders after a cursor (default: after the client's acknowledged position)")
    @APIResponse(responseCode = "200", description = "a page; 'next' is the cursor to read after")
    public FeedPageView page(@Parameter(description = "cursor; 0 replays from the start") @QueryParam("after") String after,
            @QueryParam("limit") Integer limit) {
        FeedService.Page page = feed.read(calling.get().clientId(), after, limit);
        return new FeedPageView(page.orders().stream().map(FeedOrderView::of).toList(), Long.toString(page.next()),
                page.more());
    }

    @GET
    @Produces("text/csv")
    @Operation(summary = "The same page as CSV, one row per order line; UTF-8 or Shift_JIS (Windows-31J) by the Accept charset")
    @APIResponse(responseCode = "406", description = "a charset other than UTF-8 or Shift_JIS")
    public Response pageAsCsv(@QueryParam("after") String after, @QueryParam("limit") Integer limit,
            @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        Charset charset = CsvBodies.responseCharset(charsetOf(accept));
        FeedService.Page page = feed.read(calling.get().clientId(), after, limit);
        FeedCsv.Encoded csv = FeedCsv.write(page.orders(), charset);
        if (csv.substituted() > 0) {
            meters.counter("suite.sync_service.feed.substituted").increment(csv.substituted());
        }
        return Response.ok(csv.bytes())
                .type(CsvBodies.mediaType(charset))
                .header(NEXT_CURSOR, Long.toString(page.next()))
                .header(MORE, Boolean.toString(page.more()))
                .header(SUBSTITUTED, Integer.toString(csv.substituted()))
                .build();
    }

    @POST
    @Path("/ack")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Acknowledge every order up to and including a position; the position never moves back")
    @APIResponse(responseCode = "400", description = "not a position, or beyond the end of the feed")
    public AckView ack(Ack ack) {
        if (ack == null || ack.position() == null) {
            throw ProblemException.badRequest("invalid-cursor", "position is required");
        }
        String clientId = calling.get().clientId();
        return new AckView(clientId, Long.toString(feed.ack(clientId, ack.position())));
    }

    @GET
    @Path("/ack")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The client's acknowledged position, to resume after a restart")
    public AckView acked() {
        String clientId = calling.get().clientId();
        return new AckView(clientId, Long.toString(feed.acked(clientId)));
    }

    static String charsetOf(String accept) {
        if (accept == null) {
            return null;
        }
        for (String range : accept.split(",")) {
            if (!range.strip().toLowerCase().startsWith("text/csv")) {
                continue;
            }
            for (String param : range.split(";")) {
                String[] kv = param.strip().split("=", 2);
                if (kv.length == 2 && kv[0].strip().equalsIgnoreCase("charset")) {
                    return kv[1].strip();
                }
            }
        }
        return null;
    }
}
