-- The W3C traceparent of each accepted order's handling here (a child of the terminal's request),
-- shown to HQ with the order so that one trace id follows an order from the terminal to HQ; and of
-- each outbox event, so that the relay publishes it in the trace of the work that made it. Null for
-- rows written before tracing.
ALTER TABLE feed_order ADD COLUMN traceparent text;
ALTER TABLE outbox_event ADD COLUMN traceparent text;
ALTER TABLE parked_outbox_event ADD COLUMN traceparent text;
