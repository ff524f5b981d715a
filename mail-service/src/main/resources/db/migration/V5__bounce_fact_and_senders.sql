-- mail-service: a bounce or complaint acts only on mail we sent.
-- Every fact from mail.bounces.v1 is kept with how it was tied to the mail log:
--   message-id        its Message-ID or SES message id is a mail of ours to the same recipient;
--   recipient-window  it names no message id, and we sent to the recipient within
--                     suite.mail.suppression.match-window before it;
--   unmatched         neither (a forged complaint, a bounce of mail we never sent): it suppresses nothing.
CREATE TABLE bounce_fact (
    bounce_id           text PRIMARY KEY,
    recipient           text        NOT NULL,
    kind                text        NOT NULL CHECK (kind IN ('hard-bounce', 'complaint', 'soft-bounce')),
    reason              text,
    feedback_type       text,
    original_message_id text,
    match               text        NOT NULL CHECK (match IN ('message-id', 'recipient-window', 'unmatched')),
    matched_request_id  text,
    suppressed          boolean     NOT NULL,
    occurred_at         timestamptz,
    recorded_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX bounce_fact_by_match ON bounce_fact (match, recorded_at, bounce_id);

-- Lookups of a fact's mail: by our Message-ID, by the transport's id, by recipient and send time.
CREATE INDEX mail_log_message_id ON mail_log (message_id) WHERE message_id IS NOT NULL;
CREATE INDEX mail_log_transport_message_id ON mail_log (transport_message_id) WHERE transport_message_id IS NOT NULL;
CREATE INDEX mail_log_recipient_sent ON mail_log (recipient, finished_at) WHERE status IN ('SENT', 'UNKNOWN');

-- A hard bounce of a sent mail, matched by its message id: reported once as a BOUNCED outcome.
ALTER TABLE mail_log ADD COLUMN bounce_id text;
ALTER TABLE mail_log ADD COLUMN bounced_at timestamptz;
ALTER TABLE mail_log ADD COLUMN bounce_published boolean NOT NULL DEFAULT false;
CREATE INDEX mail_log_bounce_unpublished ON mail_log (bounced_at) WHERE bounced_at IS NOT NULL AND NOT bounce_published;

-- The sender (suite.mail.senders.<name>) of a REST request; NULL for requests from mail.requests.v1.
-- A REST request's request_id is '<sender>/<id>', so one sender cannot claim or read another's id.
ALTER TABLE mail_log ADD COLUMN sender text;
CREATE INDEX mail_log_sender_needs_attention ON mail_log (sender, status, finished_at, request_id) WHERE status IN ('UNKNOWN', 'FAILED');
