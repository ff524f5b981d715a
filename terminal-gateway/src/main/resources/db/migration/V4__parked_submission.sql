-- Order events the relay can never publish (too large for the broker, invalid topic or record):
-- moved here out of submission_outbox with the reason, so that they no longer hold up the relay
-- and are not lost either. Each one is a receipt a terminal holds whose order will not reach HQ
-- until ops fix the cause and requeue it (POST /v1/ops/outbox/parked/{receiptId}/requeue moves
-- the row back into submission_outbox). The Kafka key (store code) and headers (event id derived
-- from the receipt) are rebuilt from the receipt, so receipt, topic and payload are enough to
-- replay.
CREATE TABLE parked_submission (
    receipt_id  uuid        PRIMARY KEY,
    topic       text        NOT NULL,
    event_key   text        NOT NULL,
    received_at timestamptz NOT NULL,
    payload     text        NOT NULL,
    reason      text        NOT NULL,
    detail      text        NOT NULL,
    parked_at   timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX parked_submission_parked ON parked_submission (parked_at);
