-- Transactional outbox: events written in the same transaction as the change they announce,
-- published to Kafka by the relay (first by the request itself, which waits for the ack).
CREATE TABLE outbox_event (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id     uuid        NOT NULL UNIQUE,
    topic        text        NOT NULL,
    event_key    text        NOT NULL,
    event_type   text        NOT NULL,
    occurred_at  timestamptz NOT NULL,
    payload      text        NOT NULL,
    published_at timestamptz
);
CREATE INDEX outbox_event_pending ON outbox_event (id) WHERE published_at IS NULL;

-- Master data as sent by HQ. content is the canonical JSON of the record (without version), so
-- that a resent record is recognised as unchanged by one comparison.
CREATE SEQUENCE master_version;

CREATE TABLE product (
    item_code    text PRIMARY KEY,
    name         text        NOT NULL,
    unit         text        NOT NULL,
    orderable    boolean     NOT NULL,
    min_quantity integer     NOT NULL,
    max_quantity integer     NOT NULL,
    version      bigint      NOT NULL,
    content      text        NOT NULL,
    updated_at   timestamptz NOT NULL
);

CREATE TABLE store (
    store_code    text PRIMARY KEY,
    name          text        NOT NULL,
    cut_off_time  time        NOT NULL,
    contact_email text,
    version       bigint      NOT NULL,
    content       text        NOT NULL,
    updated_at    timestamptz NOT NULL
);
