package jp.foodtrace.order.problem;

import java.net.URI;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** An RFC 9457 problem detail with a stable code; every error of this service's API is one. */
public record Problem(URI type, String title, int status, String detail, String code) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static WebApplicationException of(int status, String code, String detail) {
        Problem problem = new Problem(URI.create("https://foodtrace.jp/problems/" + code),
                Response.Status.fromStatusCode(status).getReasonPhrase(), status, detail, code);
        return new WebApplicationException(Response.status(status).type(MEDIA_TYPE).entity(problem).build());
    }

    /** Turns framework errors (404, 405, unreadable parameters) into problems as well. */
    public static class Mapper {
        @ServerExceptionMapper
        public Response map(WebApplicationException e) {
            if (e.getResponse().hasEntity()) {
                return e.getResponse();
            }
            int status = e.getResponse().getStatus();
            return of(status, status == 404 ? "not-found" : status >= 500 ? "internal-error" : "bad-request",
                    e.getMessage()).getResponse();
        }
    }
}
