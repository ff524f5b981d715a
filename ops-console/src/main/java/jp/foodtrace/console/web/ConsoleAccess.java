package jp.foodtrace.console.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import jp.foodtrace.console.config.ConsoleConfig;
import jp.foodtrace.rest.BearerToken;
import jp.foodtrace.rest.ProblemException;
import jp.foodtrace.rest.ProblemMappers;

/**
 * The console opens with the ops token: {@code Authorization: Bearer} for scripts, or, for a
 * browser, once through the sign-in form, after which a cookie carries an HMAC of the token (never
 * the token itself; {@code HttpOnly}, {@code SameSite=Strict}, so another site can neither read it
 * nor make the browser send it with a replay request). Changing the token signs everyone out.
 * Without either, a page request is sent to the form and anything else gets 401 problem+json.
 */
@ApplicationScoped
public class ConsoleAccess {

    static final String COOKIE = "suite-ops-session";
    static final String LOGIN = "/ops/login";

    private final byte[] token;
    private final String session;

    public ConsoleAccess(ConsoleConfig config) {
        this.token = config.opsToken().getBytes(StandardCharsets.UTF_8);
        this.session = hmac(token, "ops-console-session");
    }

    @ServerRequestFilter
    public Optional<Response> authorize(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/ops") || path.equals(LOGIN)) {
            return Optional.empty();
        }
        if (BearerToken.of(request.getHeaderString(HttpHeaders.AUTHORIZATION)).filter(this::isToken).isPresent()) {
            return Optional.empty();
        }
        Cookie cookie = request.getCookies().get(COOKIE);
        if (cookie != null && constantTimeEquals(cookie.getValue(), session)) {
            return Optional.empty();
        }
        if ("GET".equals(request.getMethod())) {
            return Optional.of(Response.seeOther(java.net.URI.create(LOGIN)).build());
        }
        ProblemException refusal = ProblemException.unauthorized("unauthenticated", "the ops token is required",
                "Bearer realm=\"ops-console\"");
        return Optional.of(ProblemMappers.response(refusal.problem(), refusal.headers()));
    }

    public boolean isToken(String candidate) {
        return candidate != null && MessageDigest.isEqual(candidate.getBytes(StandardCharsets.UTF_8), token);
    }

    /** The cookie a correct sign-in sets. */
    public String sessionValue() {
        return session;
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static String hmac(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }

    static final Map<String, String> PAGE_HEADERS = Map.of(
            "Cache-Control", "no-store",
            "Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer");
}
