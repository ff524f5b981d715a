-- mail-service: one row per mail request, keyed by the caller's request id (the idempotency key).
-- status: PENDING -> CLAIMED -> SENDING -> SENT | SUPPRESSED | FAILED | UNKNOWN
--   (CLAIMED -> PENDING again when a transient error or an expired claim gives it back).
CREATE TABLE mail_log (
    request_id        text PRIMARY KEY,
    recipient         text        NOT NULL,
    template_id       text        NOT NULL,
    locale            text        NOT NULL,
    category          text        NOT NULL,
    parameters        jsonb       NOT NULL,
    origin            text        NOT NULL,
    status            text        NOT NULL CHECK (status IN ('PENDING', 'CLAIMED', 'SENDING', 'SENT', 'SUPPRESSED', 'FAILED', 'UNKNOWN')),
    attempts          integer     NOT NULL DEFAULT 0,
    next_attempt_at   timestamptz NOT NULL DEFAULT now(),
    claimed_at        timestamptz,
    message_id        text,
    raw_message       bytea,
    transport         text,
    transport_message_id text,
    reason            text,
    outcome_published boolean     NOT NULL DEFAULT false,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    finished_at       timestamptz
);

CREATE INDEX mail_log_due ON mail_log (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX mail_log_in_flight ON mail_log (claimed_at) WHERE status IN ('CLAIMED', 'SENDING');
CREATE INDEX mail_log_unpublished ON mail_log (finished_at) WHERE NOT outcome_published AND finished_at IS NOT NULL;
