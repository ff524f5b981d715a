-- The W3C traceparent of the terminal's request, kept with the order event it made until Kafka
-- confirms it, so that the relay (and a requeue from parked_submission) publishes the event in the
-- order's own trace. Null for rows written before tracing, or for a request without one.
ALTER TABLE submission_outbox ADD COLUMN traceparent text;
ALTER TABLE parked_submission ADD COLUMN traceparent text;
