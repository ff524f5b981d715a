-- bounce-service: S3 objects taken in, the bounce facts found in them (or sent by SES over SNS),
-- and the sends the rates are measured against.

-- One row per S3 object version (key + ETag). The row is the claim: whoever inserts it processes
-- the object; a claim left by an instance that died is taken over after its lease ran out.
CREATE TABLE inbound_object (
    object_key   text        NOT NULL,
    etag         text        NOT NULL,
    size_bytes   bigint      NOT NULL,
    state        text        NOT NULL CHECK (state IN ('claimed', 'done')),
    outcome      text        CHECK (outcome IN ('bounce', 'not-bounce', 'quarantined')),
    detail       text,
    facts        integer     NOT NULL DEFAULT 0,
    claimed_by   text        NOT NULL,
    claimed_at   timestamptz NOT NULL DEFAULT now(),
    finished_at  timestamptz,
    moved_to     text,
    CONSTRAINT inbound_object_key_etag UNIQUE (object_key, etag)
);

-- Where the current listing pass over bucket/prefix stands (list-objects-v2 start-after).
CREATE TABLE ingest_position (
    bucket      text        NOT NULL,
    prefix      text        NOT NULL,
    start_after text        NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (bucket, prefix)
);

-- One bounce fact per (source, recipient): source 's3' (ref = object key, version = ETag) or
-- 'ses' (ref = SNS MessageId, version = ''). The id is also the event id of its mail.bounces.v1
-- record.
CREATE TABLE bounce (
    id              uuid        PRIMARY KEY,
    source          text        NOT NULL CHECK (source IN ('s3', 'ses')),
    source_ref      text        NOT NULL,
    source_version  text        NOT NULL,
    recipient       text        NOT NULL,
    reason          text        NOT NULL,
    hard_bounce     boolean,
    complaint       boolean     NOT NULL,
    delivery_status text        NOT NULL,
    action          text        NOT NULL,
    reply_code      text        NOT NULL,
    diagnostic_type text        NOT NULL,
    diagnostic_code text        NOT NULL,
    reporting_agent text        NOT NULL,
    feedback_type   text        NOT NULL,
    message_id      text        NOT NULL,
    occurred_at     timestamptz,
    recorded_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT bounce_source_recipient UNIQUE (source, source_ref, source_version, recipient)
);

CREATE INDEX bounce_recipient ON bounce (lower(recipient));
CREATE INDEX bounce_at ON bounce ((coalesce(occurred_at, recorded_at)));
CREATE INDEX bounce_recorded_at ON bounce (recorded_at);

-- Sends reported on mail.events.v1 (outcome SENT): the denominator of the rates.
CREATE TABLE mail_send (
    event_id   uuid        PRIMARY KEY,
    request_id text,
    sent_at    timestamptz NOT NULL
);

CREATE INDEX mail_send_sent_at ON mail_send (sent_at);
