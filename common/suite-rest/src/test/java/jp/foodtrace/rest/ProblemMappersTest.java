package jp.foodtrace.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.List;

import org.junit.jupiter.api.Test;

import jp.foodtrace.data.DataAccessFailure;

/**
 * The shared mappers on their own; every service's platform test checks them again through HTTP
 * (unknown path → 404 problem, malformed JSON → 400 problem).
 */
class ProblemMappersTest {

    private final ProblemMappers mappers = new ProblemMappers();

    @Test
    void aLostDatabaseConnectionIs503WithRetryAfter() {
        var response = mappers.unexpected(new DataAccessFailure("SQL failed: INSERT", new SQLException("gone", "08006")));
        assertEquals(503, response.getStatus());
        assertEquals("5", response.getHeaderString("Retry-After"));
        assertEquals(Problem.MEDIA_TYPE, response.getMediaType().toString());
        assertTrue(response.getEntity().toString().contains("\"code\":\"unavailable\""));
    }

    @Test
    void anyOtherFailureIs500WithoutItsMessage() {
        var response = mappers.unexpected(new DataAccessFailure("SQL failed: INSERT secret_table",
                new SQLException("duplicate key", "23505")));
        assertEquals(500, response.getStatus());
        String body = response.getEntity().toString();
        assertTrue(body.contains("\"code\":\"internal-error\""), body);
        assertFalse(body.contains("secret_table"), body);
        assertFalse(body.contains("Exception"), body);
    }

    @Test
    void problemWithErrorsListsThemAndLeavesOutWhatIsAbsent() {
        ProblemException e = ProblemException.invalid(422, "invalid-order", "Order not valid", "2 errors",
                List.of(Problem.Detail.ofField(3, "quantity", "not-a-number", "quantity must be a whole number"),
                        Problem.Detail.ofPointer("/eventList/0/eventTime", "required", "eventTime is required")));
        String body = mappers.problem(e).getEntity().toString();
        assertTrue(body.contains("\"type\":\"https://foodtrace.jp/problems/invalid-order\""), body);
        assertTrue(body.contains("{\"line\":3,\"field\":\"quantity\",\"code\":\"not-a-number\""), body);
        assertTrue(body.contains("{\"pointer\":\"/eventList/0/eventTime\""), body);
        String plain = mappers.problem(ProblemException.notFound("no such order")).getEntity().toString();
        assertFalse(plain.contains("errors"), plain);
    }

    @Test
    void headersOfTheProblemGoOnTheResponse() {
        var response = mappers.problem(ProblemException.unauthorized("missing-token", "no token", "Bearer realm=\"ops\""));
        assertEquals(401, response.getStatus());
        assertEquals("Bearer realm=\"ops\"", response.getHeaderString("WWW-Authenticate"));
    }
}
