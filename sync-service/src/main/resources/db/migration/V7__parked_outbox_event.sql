-- Outbox events the relay can never publish (too large for the broker, no outgoing channel for the
-- topic, no valid envelope): moved here out of outbox_event with the reason, so that they no longer
-- hold up the relay and are not lost either. Everything needed to replay is kept (topic, key,
-- envelope fields, payload); POST /v1/ops/outbox/parked/{eventId}/requeue moves a row back into
-- outbox_event under the same event id, behind the events already waiting there.
CREATE TABLE parked_outbox_event (
    event_id    uuid        PRIMARY KEY,
    outbox_id   bigint      NOT NULL,
    topic       text        NOT NULL,
    event_key   text        NOT NULL,
    event_type  text        NOT NULL,
    occurred_at timestamptz NOT NULL,
    payload     text        NOT NULL,
    reason      text        NOT NULL,
    detail      text        NOT NULL,
    parked_at   timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX parked_outbox_event_parked ON parked_outbox_event (parked_at);
