-- The receipt row is also the order's outbox entry: the event as it is written to Kafka, and when
-- Kafka confirmed it. A receipt without published_at (the gateway stopped between its commit and
-- Kafka's confirmation, or Kafka refused) is published again by a resend or by the relay.
ALTER TABLE submission ADD COLUMN payload text;
ALTER TABLE submission ADD COLUMN published_at timestamptz;

-- Receipts taken before this migration were committed only after Kafka had confirmed them.
UPDATE submission SET published_at = received_at;

CREATE INDEX submission_unpublished ON submission (received_at) WHERE published_at IS NULL;
