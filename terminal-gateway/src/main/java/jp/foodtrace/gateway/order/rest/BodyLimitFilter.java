package jp.foodtrace.gateway.order.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import jp.foodtrace.gateway.config.GatewayConfig;
import jp.foodtrace.rest.ProblemException;
import jp.foodtrace.rest.ProblemMappers;

/** Refuses a declared oversized body with 413 problem+json before it is read. */
public class BodyLimitFilter {

    private final int maxBodyBytes;

    public BodyLimitFilter(GatewayConfig config) {
        this.maxBodyBytes = config.maxBodyBytes();
    }

    @ServerRequestFilter(preMatching = true)
    public Response limit(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > maxBodyBytes) {
                    ProblemException tooLarge = ProblemException.tooLarge(
                            "at most " + maxBodyBytes + " bytes per request");
                    return ProblemMappers.response(tooLarge.problem(), tooLarge.headers());
                }
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
