package jp.foodtrace.console.web;

import java.net.URI;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/** The console is at {@code /ops}; the bare address leads there. */
@Path("/")
public class RootRedirect {

    @GET
    public Response root() {
        return Response.seeOther(URI.create("/ops")).build();
    }
}
