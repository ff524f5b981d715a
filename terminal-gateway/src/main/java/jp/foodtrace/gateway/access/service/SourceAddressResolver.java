package jp.foodtrace.gateway.access.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.core.http.HttpServerRequest;
import jp.foodtrace.gateway.access.Cidr;
import jp.foodtrace.gateway.config.GatewayConfig;
import jp.foodtrace.rest.ProblemException;

/**
 * Decides the terminal's source address: the TCP peer; or the address of a PROXY protocol header
 * (the NLB target group sends one), accepted only from a trusted proxy; or the nearest untrusted
 * address of X-Forwarded-For, read only when the peer is a trusted proxy.
 */
@ApplicationScoped
public class SourceAddressResolver {

    private final List<Cidr> trusted;

    public SourceAddressResolver(GatewayConfig config) {
        this.trusted = config.trustedProxies().orElse(List.of()).stream()
                .filter(s -> !s.isBlank()).map(Cidr::parse).toList();
    }

    public String resolve(HttpServerRequest request) {
        String peer = request.connection().remoteAddress(true).hostAddress();
        String stated = request.connection().remoteAddress(false).hostAddress();
        return resolve(peer, stated, request.getHeader("X-Forwarded-For"));
    }

    /**
     * @param peer   the TCP peer
     * @param stated the address a PROXY protocol header stated (equal to the peer without one)
     * @param xff    the X-Forwarded-For header, or null
     */
    String resolve(String peer, String stated, String xff) {
        if (!stated.equals(peer)) {
            if (!isTrusted(peer)) {
                throw ProblemException.forbidden("untrusted-proxy",
                        "a PROXY protocol header is accepted only from a trusted proxy");
            }
            return stated;
        }
        if (xff != null && !xff.isBlank() && isTrusted(peer)) {
            String[] hops = xff.split(",");
            for (int i = hops.length - 1; i >= 0; i--) {
                String hop = hops[i].trim();
                if (!hop.isEmpty() && !isTrusted(hop)) {
                    return hop;
                }
            }
        }
        return peer;
    }

    private boolean isTrusted(String address) {
        for (Cidr cidr : trusted) {
            if (cidr.contains(address)) {
                return true;
            }
        }
        return false;
    }
}
