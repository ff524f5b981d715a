-- EPCIS benchmark data: :events ObjectEvents (shipping, one LGTIN class each, quantity 10) over
-- the year 2025, written straight into sync-service's EPCIS tables with generate_series (the
-- service's own capture path is measured separately, over HTTP). 10,000 classes, so a
-- MATCH_epcClass query matches :events / 10,000 events. Idempotent: a loaded set is kept.
\set ON_ERROR_STOP on
SET search_path = sync_service;
SELECT count(*) AS loaded FROM epcis_event WHERE capture_id = 'bench-load' \gset
\if :loaded
\echo 'bench data already loaded:' :loaded 'events'
\else
BEGIN;
INSERT INTO epcis_event (event_id, event_type, event_time, record_time, action, biz_step, disposition, read_point,
                         biz_location, event, namespaces, capture_id)
SELECT 'urn:uuid:' || md5('epcis-bench-' || g)::uuid, 'ObjectEvent', t, t, 'OBSERVE', 'shipping', 'in_transit',
       'urn:epc:id:sgln:4512345.00001.0', NULL,
       jsonb_build_object('type', 'ObjectEvent', 'eventID', 'urn:uuid:' || md5('epcis-bench-' || g)::uuid,
           'eventTime', to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'eventTimeZoneOffset', '+09:00',
           'action', 'OBSERVE', 'bizStep', 'shipping', 'disposition', 'in_transit', 'epcList', '[]'::jsonb,
           'quantityList', jsonb_build_array(jsonb_build_object('epcClass', cls, 'quantity', 10)),
           'readPoint', jsonb_build_object('id', 'urn:epc:id:sgln:4512345.00001.0')),
       '{}'::jsonb, 'bench-load'
FROM (SELECT g, timestamptz '2025-01-01 00:00:00+00' + g * (interval '365 days' / :events) AS t,
             'urn:epc:class:lgtin:4512345.067890.B' || (g % 10000) AS cls
      FROM generate_series(1, :events) AS g) s;
INSERT INTO epcis_event_ref (event_pk, role, value)
SELECT event_pk, 'class', event -> 'quantityList' -> 0 ->> 'epcClass' FROM epcis_event WHERE capture_id = 'bench-load';
COMMIT;
ANALYZE epcis_event;
ANALYZE epcis_event_ref;
\endif
