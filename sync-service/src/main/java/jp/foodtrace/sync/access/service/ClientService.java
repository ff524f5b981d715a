package jp.foodtrace.sync.access.service;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import jp.foodtrace.sync.access.ClientSystem;
import jp.foodtrace.sync.access.Scope;
import jp.foodtrace.sync.access.repository.ClientRepository;
import jp.foodtrace.sync.config.SyncConfig;

/** Registers client systems and authenticates their tokens and the bootstrap admin token. */
@ApplicationScoped
public class ClientService {

    /** A newly registered client with its token, which is shown this once and never stored. */
    public record Registered(ClientSystem client, String token) {
    }

    private final ClientRepository clients;
    private final SyncConfig config;

    public ClientService(ClientRepository clients, SyncConfig config) {
        this.clients = clients;
        this.config = config;
    }

    @Transactional
    public Registered register(String name, Set<Scope> scopes) {
        String token = Tokens.newToken();
        ClientSystem client = new ClientSystem(UUID.randomUUID().toString(), name, Tokens.hash(token), Set.copyOf(scopes),
                Instant.now());
        clients.insert(client);
        return new Registered(client, token);
    }

    /**
     * Issues a new token for a client whose token may have leaked; the old token stops working at
     * once (every request looks its token up, nothing is cached). Empty when no such client exists.
     */
    @Transactional
    public Optional<String> rotateToken(String clientId) {
        String token = Tokens.newToken();
        return clients.replaceTokenHash(clientId, Tokens.hash(token)) ? Optional.of(token) : Optional.empty();
    }

    /** Revokes a client: its token stops working at once. False when no such client exists. */
    @Transactional
    public boolean revoke(String clientId) {
        return clients.delete(clientId);
    }

    public List<ClientSystem> list() {
        return clients.all();
    }

    public Optional<ClientSystem> authenticate(String token) {
        return clients.byTokenHash(Tokens.hash(token));
    }

    public boolean isAdmin(String token) {
        return Optional.of(config.adminToken()).filter(admin -> !admin.isBlank()).map(admin -> Tokens.sameSecret(admin, token))
                .orElse(false);
    }
}
