package jp.foodtrace.console.web;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.common.annotation.Blocking;
import jp.foodtrace.console.source.Console;
import jp.foodtrace.console.source.KafkaView;
import jp.foodtrace.rest.ProblemException;

/** The console page, its sign-in, its JSON twin (for scripts and tests) and the dead-letter replay. */
@Path("/ops")
@Blocking
public class ConsoleResource {

    private static final Logger LOG = Logger.getLogger(ConsoleResource.class);

    private final Console console;
    private final KafkaView kafka;
    private final ConsoleAccess access;
    private final Template page;
    private final Template login;

    public ConsoleResource(Console console, KafkaView kafka, ConsoleAccess access,
            @Location("console.html") Template page, @Location("login.html") Template login) {
        this.console = console;
        this.kafka = kafka;
        this.access = access;
        this.page = page;
        this.login = login;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The console: every panel on one page")
    public Response page(@QueryParam("replayed") String replayed) {
        return html(200, page.data("s", console.snapshot()).data("replayed", replayed).render());
    }

    @GET
    @Path("/snapshot")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "What the console shows, as JSON")
    public Console.Snapshot snapshot() {
        return console.snapshot();
    }

    @GET
    @Path("/login")
    @Produces(MediaType.TEXT_HTML)
    public Response loginForm() {
        return html(200, login.data("error", false).render());
    }

    @POST
    @Path("/login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response signIn(@FormParam("token") String token) {
        if (!access.isToken(token)) {
            LOG.warn("console sign-in refused: wrong ops token");
            return html(401, login.data("error", true).render());
        }
        NewCookie cookie = new NewCookie.Builder(ConsoleAccess.COOKIE).value(access.sessionValue()).path("/ops")
                .httpOnly(true).sameSite(NewCookie.SameSite.STRICT).build();
        return Response.seeOther(URI.create("/ops")).cookie(cookie).build();
    }

    @POST
    @Path("/dead-letters/replay")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Republish one dead letter (by event id) to its source topic, like ./suite dlq replay")
    public Response replay(@FormParam("topic") String topic, @FormParam("eventId") String eventId) {
        if (topic == null || topic.isBlank() || eventId == null || eventId.isBlank() || "-".equals(eventId)) {
            throw ProblemException.badRequest("invalid-replay", "topic and eventId are required");
        }
        Optional<String> written = kafka.replay(topic.strip(), eventId.strip());
        if (written.isEmpty()) {
            throw ProblemException.notFound("no dead letter with event id " + eventId + " in " + topic + ".dlq");
        }
        LOG.warnf("dead letter %s of %s replayed from the console to %s", eventId, topic, written.get());
        return Response.seeOther(URI.create("/ops?replayed=" + URLEncoder.encode(eventId + " → " + written.get(),
                StandardCharsets.UTF_8))).build();
    }

    private static Response html(int status, String body) {
        Response.ResponseBuilder response = Response.status(status).type("text/html;charset=UTF-8").entity(body);
        ConsoleAccess.PAGE_HEADERS.forEach(response::header);
        return response.build();
    }
}
