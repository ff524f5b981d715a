-- mail-service: addresses that must not get mail. category 'all' for hard bounces and complaints
-- (from mail.bounces.v1), the mail category for unsubscribes. Recipients are stored lower-case.
CREATE TABLE suppression (
    recipient  text        NOT NULL,
    category   text        NOT NULL,
    reason     text        NOT NULL CHECK (reason IN ('hard-bounce', 'complaint', 'unsubscribe')),
    source_ref text,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (recipient, category)
);
