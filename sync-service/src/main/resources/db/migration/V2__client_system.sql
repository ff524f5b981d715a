-- Client systems of the customer-server API; the token is kept only as its SHA-256 (hex).
CREATE TABLE client_system (
    client_id  text PRIMARY KEY,
    name       text        NOT NULL,
    token_hash text        NOT NULL UNIQUE,
    scopes     text[]      NOT NULL,
    created_at timestamptz NOT NULL
);
