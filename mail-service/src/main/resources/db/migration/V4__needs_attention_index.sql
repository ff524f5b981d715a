-- mail-service: ops list the requests that ended UNKNOWN (the transport could not tell whether the
-- message left; not resent) or FAILED, oldest first: GET /v1/mail/requests?status=UNKNOWN.
CREATE INDEX mail_log_needs_attention ON mail_log (status, finished_at, request_id) WHERE status IN ('UNKNOWN', 'FAILED');
