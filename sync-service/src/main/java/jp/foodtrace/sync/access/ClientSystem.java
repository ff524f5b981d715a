package jp.foodtrace.sync.access;

import java.time.Instant;
import java.util.Set;

/**
 * A client system of the API (HQ's customer server, the member site): its own credential, kept
 * only as a SHA-256 hash of the token, and the scopes it was granted.
 */
public record ClientSystem(String clientId, String name, String tokenHash, Set<Scope> scopes, Instant createdAt) {

    public boolean has(Scope scope) {
        return scopes.contains(scope);
    }
}
