-- mail-service: events already processed, so that a redelivered Kafka record has no second effect.
CREATE TABLE processed_event (
    event_id     uuid PRIMARY KEY,
    topic        text        NOT NULL,
    event_type   text        NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX processed_event_processed_at ON processed_event (processed_at);
