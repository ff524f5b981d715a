-- The outbox of terminal orders: the event of each receipt whose Kafka confirmation has not been
-- noted yet. The row is written in the receipt's transaction and deleted once Kafka confirmed the
-- event, so the table holds only what is in flight or stuck (Kafka refused or timed out, or the
-- gateway stopped in between); the relay publishes rows older than relay-after. Kept apart from
-- the receipt so that noting a confirmation deletes a small row instead of rewriting the receipt.
CREATE TABLE submission_outbox (
    receipt_id  uuid        PRIMARY KEY,
    received_at timestamptz NOT NULL,
    payload     text        NOT NULL
);

CREATE INDEX submission_outbox_received ON submission_outbox (received_at);
