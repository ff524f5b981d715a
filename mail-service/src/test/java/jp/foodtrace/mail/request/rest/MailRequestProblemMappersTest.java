package jp.foodtrace.mail.request.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

import jp.foodtrace.mail.request.service.InvalidMailRequest;
import jp.foodtrace.mail.request.service.MailRequestValidator;

class MailRequestProblemMappersTest {

    @Test
    void invalidRequestIsA400ProblemWithTheRequestsOwnCode() throws Exception {
        Response response = new MailRequestProblemMappers().invalid(new InvalidMailRequest(
                MailRequestValidator.MISSING_PARAMETER, "template recall-notice needs parameter 'itemName'"));

        assertEquals(400, response.getStatus());
        assertEquals("application/problem+json", response.getMediaType().toString());
        JsonNode body = JsonMapper.builder().build().readTree((String) response.getEntity());
        assertEquals("missing-parameter", body.get("code").asText());
        assertEquals("https://foodtrace.jp/problems/missing-parameter", body.get("type").asText());
        assertEquals("Invalid mail request", body.get("title").asText());
        assertEquals("template recall-notice needs parameter 'itemName'", body.get("detail").asText());
    }
}
