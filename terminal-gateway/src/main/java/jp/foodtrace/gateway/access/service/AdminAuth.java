package jp.foodtrace.gateway.access.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.enterprise.context.ApplicationScoped;

import jp.foodtrace.gateway.config.GatewayConfig;
import jp.foodtrace.rest.ProblemException;

/** The admin API's credential: one bearer token from configuration (a secret in deployments). */
@ApplicationScoped
public class AdminAuth {

    private final byte[] token;

    public AdminAuth(GatewayConfig config) {
        this.token = config.adminToken().getBytes(StandardCharsets.UTF_8);
    }

    public void require(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw ProblemException.unauthorized("missing-credential",
                    "the admin API needs Authorization: Bearer <admin token>", TerminalAccess.CHALLENGE);
        }
        byte[] given = authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(given, token)) {
            throw ProblemException.unauthorized("bad-credential", "wrong admin token", TerminalAccess.CHALLENGE);
        }
    }
}
