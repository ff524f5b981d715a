-- What became of each recall notice's mail, from mail-service's outcomes on mail.events.v1:
-- SENT, BOUNCED (a hard bounce of the sent mail), SUPPRESSED, FAILED or UNKNOWN (mail-service
-- cannot tell whether it left); NULL while no outcome has arrived (the API shows UNKNOWN).
ALTER TABLE recall_notice ADD COLUMN delivery text
    CHECK (delivery IN ('SENT', 'BOUNCED', 'SUPPRESSED', 'FAILED', 'UNKNOWN'));
ALTER TABLE recall_notice ADD COLUMN delivery_reason text;
ALTER TABLE recall_notice ADD COLUMN delivery_at timestamptz;
