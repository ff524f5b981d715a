package jp.foodtrace.gateway.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.sql.SQLException;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

class ProblemMappersTest {

    private final ProblemMappers mappers = new ProblemMappers();

    @Test
    void databaseFailingOverIsA503WithRetryAfterSoTheTerminalResends() {
        Response response = mappers.unexpected(new IllegalStateException("receipt insert failed",
                new SQLException("FATAL: role \"terminal_gateway\" is not permitted to log in", "28000")));

        assertEquals(503, response.getStatus());
        assertNotNull(response.getHeaderString("Retry-After"));
        assertEquals("unavailable", ((Problem) response.getEntity()).code());
    }

    @Test
    void bugIsA500() {
        Response response = mappers.unexpected(new NullPointerException());

        assertEquals(500, response.getStatus());
        assertEquals("internal-error", ((Problem) response.getEntity()).code());
    }
}
