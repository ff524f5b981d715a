package jp.foodtrace.mail.request.rest;

import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import jp.foodtrace.mail.request.service.InvalidMailRequest;
import jp.foodtrace.rest.Problem;
import jp.foodtrace.rest.ProblemMappers;

/**
 * The one error type of this service that the shared {@link ProblemMappers} do not know: a mail
 * request that can never be sent answers 400 with the request's own code ({@code unknown-template},
 * {@code missing-parameter}, {@code invalid-field}), the same code the topic consumer puts in the
 * dead-letter reason.
 */
public class MailRequestProblemMappers {

    @ServerExceptionMapper
    public Response invalid(InvalidMailRequest e) {
        return ProblemMappers.response(Problem.of(400, e.code(), "Invalid mail request", e.getMessage()), Map.of());
    }
}
