package jp.foodtrace.gateway.access.service;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.http.HttpServerRequest;
import jp.foodtrace.gateway.access.AuthenticatedTerminal;
import jp.foodtrace.gateway.config.GatewayConfig;
import jp.foodtrace.gateway.terminal.Terminal;
import jp.foodtrace.gateway.terminal.repository.TerminalRepository;
import jp.foodtrace.gateway.terminal.service.CredentialHasher;
import jp.foodtrace.rest.ProblemException;

/**
 * Who is calling: a request is accepted only when the terminal's key matches AND its source
 * address lies in the terminal's registered network. Registry entries are cached for a short
 * time so that the hot path costs one SHA-256 and no database round trip; the cache is filled
 * from the whole registry in one query (see {@link #loadRegistry}). Refusals are counted
 * by reason ({@code suite.terminal_gateway.refusals}).
 */
@ApplicationScoped
public class TerminalAccess {

    public static final String TERMINAL_HEADER = "X-Terminal-Id";
    /** The WWW-Authenticate challenge of every 401, terminal or admin. */
    public static final String CHALLENGE = "Bearer realm=\"terminals\"";

    private final TerminalRepository terminals;
    private final SourceAddressResolver sources;
    private final RateLimiter rateLimiter;
    private final MeterRegistry meters;
    private final long ttlNanos;
    private final ConcurrentMap<String, Cached> cache = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Instant> lastTouched = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Instant> unwrittenSeen = new ConcurrentHashMap<>();
    private final Object registryLock = new Object();
    private volatile long registryLoadedAt;

    public TerminalAccess(TerminalRepository terminals, SourceAddressResolver sources, RateLimiter rateLimiter,
            MeterRegistry meters, GatewayConfig config) {
        this.terminals = terminals;
        this.sources = sources;
        this.rateLimiter = rateLimiter;
        this.meters = meters;
        this.ttlNanos = config.registryCacheTtl().toNanos();
        this.registryLoadedAt = System.nanoTime() - ttlNanos;
    }

    public AuthenticatedTerminal authenticate(HttpServerRequest request) {
        return authenticate(request, true);
    }

    /**
     * {@link #authenticate} from the cache alone, for a caller on an event loop that checked
     * {@link #knownWithoutReading} just before: an entry that expired in between is still used
     * (it was fresh microseconds ago), so this does not wait for the database (unless an admin
     * change dropped the entry in those microseconds).
     */
    public AuthenticatedTerminal authenticateCached(HttpServerRequest request) {
        return authenticate(request, false);
    }

    private AuthenticatedTerminal authenticate(HttpServerRequest request, boolean mayRead) {
        try {
            String terminalId = request.getHeader(TERMINAL_HEADER);
            String authorization = request.getHeader("Authorization");
            if (terminalId == null || terminalId.isBlank() || authorization == null
                    || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                throw ProblemException.unauthorized("missing-credential",
                        "send X-Terminal-Id and Authorization: Bearer <terminal key>", CHALLENGE);
            }
            String key = authorization.substring(7).trim();
            Terminal terminal = (mayRead ? lookup(terminalId) : cachedOnly(terminalId)).orElseThrow(
                    () -> ProblemException.unauthorized("unknown-terminal", "terminal " + terminalId + " is not registered",
                            CHALLENGE));
            if (!CredentialHasher.matches(terminal.keySalt(), terminal.keyHash(), key)) {
                throw ProblemException.unauthorized("bad-credential", "the key does not match terminal " + terminalId,
                        CHALLENGE);
            }
            String source = sources.resolve(request);
            if (!terminal.source().contains(source)) {
                throw ProblemException.forbidden("source-address-mismatch", "terminal " + terminalId
                        + " is registered for another address than " + source);
            }
            rateLimiter.acquire(terminalId);
            return new AuthenticatedTerminal(terminalId, terminal.storeCode(), source);
        } catch (ProblemException refused) {
            meters.counter("suite.terminal-gateway.auth.refused", "reason", refused.problem().code()).increment();
            throw refused;
        }
    }

    /** Records that a terminal was heard from (heartbeats always write). */
    public void seen(AuthenticatedTerminal terminal) {
        Instant now = Instant.now();
        terminals.touch(terminal.terminalId(), now);
        lastTouched.put(terminal.terminalId(), now);
    }

    /**
     * Records that a terminal was heard from while it orders, at most once a minute per terminal
     * and instance: the silent list needs the day, not the second, and a write per order would
     * double the database work of the morning rush. Does not write itself: the receipt writer
     * stores the noted times in one statement ({@link #flushSeenOrdering}).
     */
    public void seenOrdering(String terminalId, Instant at) {
        Instant last = lastTouched.get(terminalId);
        if (last == null || last.isBefore(at.minusSeconds(60))) {
            lastTouched.put(terminalId, at);
            unwrittenSeen.merge(terminalId, at, (a, b) -> a.isAfter(b) ? a : b);
        }
    }

    /** Writes the last-seen times noted by {@link #seenOrdering} since the last call. */
    public void flushSeenOrdering() {
        if (unwrittenSeen.isEmpty()) {
            return;
        }
        Map<String, Instant> batch = new HashMap<>();
        for (String id : List.copyOf(unwrittenSeen.keySet())) {
            Instant at = unwrittenSeen.remove(id);
            if (at != null) {
                batch.put(id, at);
            }
        }
        terminals.touchAll(batch);
    }

    /**
     * Whether {@link #authenticate} of this terminal can answer from the cache, without reading
     * the registry (so that it may run on an event loop). Unknown ids and expired entries: no.
     */
    public boolean knownWithoutReading(String terminalId) {
        if (terminalId == null) {
            return false;
        }
        Cached cached = cache.get(terminalId);
        return cached != null && System.nanoTime() - cached.loadedAt < ttlNanos;
    }

    /** Drops cached entries after an admin change, so a new key or address applies at once here. */
    public void forget(String terminalId) {
        cache.remove(terminalId);
    }

    /** The cached entry whatever its age; read only if an admin change dropped it in between. */
    private Optional<Terminal> cachedOnly(String terminalId) {
        Cached cached = cache.get(terminalId);
        return cached == null ? lookup(terminalId) : cached.terminal;
    }

    private Optional<Terminal> lookup(String terminalId) {
        long now = System.nanoTime();
        Cached cached = cache.get(terminalId);
        if (cached != null && now - cached.loadedAt < ttlNanos) {
            return cached.terminal;
        }
        if (now - registryLoadedAt >= ttlNanos) {
            loadRegistry();
            cached = cache.get(terminalId);
            if (cached != null && System.nanoTime() - cached.loadedAt < ttlNanos) {
                return cached.terminal;
            }
        }
        Optional<Terminal> loaded = terminals.find(terminalId);
        // Unknown ids are not cached: a flood of random ids must not fill the cache.
        if (loaded.isPresent()) {
            cache.put(terminalId, new Cached(loaded, now));
        }
        return loaded;
    }

    /**
     * Reads the whole registry in one query when the last such read is older than the cache's
     * lifetime. At the morning rush every terminal's first request would otherwise miss the cache
     * and cost a query of its own (2,000 queries on the workers in the first seconds); one read
     * of the ~2,000 rows fills the cache for all of them. Callers arriving meanwhile wait for that
     * one read instead of starting their own.
     */
    private void loadRegistry() {
        synchronized (registryLock) {
            long now = System.nanoTime();
            if (now - registryLoadedAt < ttlNanos) {
                return;
            }
            for (Terminal terminal : terminals.all()) {
                cache.put(terminal.terminalId(), new Cached(Optional.of(terminal), now));
            }
            registryLoadedAt = now;
        }
    }

    private record Cached(Optional<Terminal> terminal, long loadedAt) {
    }
}
