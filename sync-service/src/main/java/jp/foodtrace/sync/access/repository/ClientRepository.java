package jp.foodtrace.sync.access.repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import jp.foodtrace.data.Jdbc;
import jp.foodtrace.sync.access.ClientSystem;
import jp.foodtrace.sync.access.Scope;

/** Client systems in {@code client_system}. */
@ApplicationScoped
public class ClientRepository {

    private final Jdbc jdbc;

    public ClientRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(ClientSystem client) {
        jdbc.update("INSERT INTO client_system (client_id, name, token_hash, scopes, created_at) VALUES (?, ?, ?, ?, ?)",
                client.clientId(), client.name(), client.tokenHash(),
                client.scopes().stream().map(Scope::value).sorted().toArray(String[]::new), client.createdAt());
    }

    public Optional<ClientSystem> byTokenHash(String tokenHash) {
        return jdbc.one("SELECT * FROM client_system WHERE token_hash = ?", ClientRepository::map, tokenHash);
    }

    /** Replaces the client's token hash; false when no such client exists. */
    public boolean replaceTokenHash(String clientId, String tokenHash) {
        return jdbc.update("UPDATE client_system SET token_hash = ? WHERE client_id = ?", tokenHash, clientId) == 1;
    }

    /** Removes the client; false when no such client exists. */
    public boolean delete(String clientId) {
        return jdbc.update("DELETE FROM client_system WHERE client_id = ?", clientId) == 1;
    }

    public List<ClientSystem> all() {
        return jdbc.list("SELECT * FROM client_system ORDER BY created_at, client_id", ClientRepository::map);
    }

    private static ClientSystem map(ResultSet rs) throws SQLException {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        Arrays.stream((String[]) rs.getArray("scopes").getArray()).map(Scope::parse)
                .forEach(s -> s.ifPresent(scopes::add));
        return new ClientSystem(rs.getString("client_id"), rs.getString("name"), rs.getString("token_hash"),
                scopes, Jdbc.instant(rs, "created_at"));
    }
}
