-- Terminal registry: registered source network and salted SHA-256 of the terminal key.
CREATE TABLE terminal (
    terminal_id  text PRIMARY KEY,
    store_code   text        NOT NULL,
    source_cidr  cidr        NOT NULL,
    key_salt     text        NOT NULL,
    key_hash     text        NOT NULL,
    last_seen_at timestamptz,
    updated_at   timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX terminal_last_seen ON terminal (last_seen_at);

-- One receipt per (terminal, sequence): the de-duplication of resends across restarts and instances.
CREATE TABLE submission (
    terminal_id   text        NOT NULL,
    sequence      bigint      NOT NULL,
    receipt_id    uuid        NOT NULL UNIQUE,
    fingerprint   text        NOT NULL,
    store_code    text        NOT NULL,
    received_at   timestamptz NOT NULL,
    status        text        NOT NULL,
    status_detail jsonb,
    updated_at    timestamptz,
    PRIMARY KEY (terminal_id, sequence)
);

-- Read copy of master data for incremental downloads.
CREATE SEQUENCE master_version;

CREATE TABLE product (
    item_code     text PRIMARY KEY,
    hq_version    bigint NOT NULL,
    local_version bigint NOT NULL,
    document      jsonb  NOT NULL
);

CREATE INDEX product_local_version ON product (local_version);

CREATE TABLE store (
    store_code    text PRIMARY KEY,
    hq_version    bigint NOT NULL,
    local_version bigint NOT NULL,
    document      jsonb  NOT NULL
);

CREATE INDEX store_local_version ON store (local_version);
