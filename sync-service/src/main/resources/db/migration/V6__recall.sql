-- Recalls of a lot and the notice sent (as a mail request) to each affected store's contact.
CREATE TABLE recall (
    recall_id    text PRIMARY KEY,
    lot_number   text        NOT NULL,
    reason       text        NOT NULL,
    requested_by text        NOT NULL,
    truncated    boolean     NOT NULL,
    created_at   timestamptz NOT NULL
);
CREATE INDEX recall_created ON recall (created_at DESC);

CREATE TABLE recall_notice (
    recall_id  text NOT NULL REFERENCES recall (recall_id),
    store_code text NOT NULL,
    recipient  text,
    -- Deterministic from recall id and store, so that a retried recall never mails twice.
    request_id text NOT NULL UNIQUE,
    status     text NOT NULL,
    PRIMARY KEY (recall_id, store_code)
);
