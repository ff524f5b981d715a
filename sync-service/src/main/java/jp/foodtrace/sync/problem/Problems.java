package jp.foodtrace.sync.problem;

import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Builds problem+json responses. The body is written here rather than by the JAX-RS writer so
 * that the media type stays {@code application/problem+json} whatever the request accepted (a CSV
 * client still gets a readable error).
 */
public final class Problems {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private Problems() {
    }

    public static Response response(Problem problem) {
        try {
            return Response.status(problem.status())
                    .type(Problem.MEDIA_TYPE)
                    .entity(JSON.writeValueAsString(problem))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("problem not serializable", e);
        }
    }
}
