-- EPCIS 2.0 (jp.foodtrace.sync.epcis). Captured events are kept as their JSON (jsonb) with the
-- columns and identifier rows the simple query filters on; the suite's own shipments and
-- production lots are EPCIS events through views over their tables (no second copy). Queries
-- read the union of both (epcis_all_event / epcis_all_ref).

-- A capture job: one POST /epcis/capture. Capture is synchronous, so a job is finished when it is
-- written; errors holds the problem details of refused events (GS1-Capture-Error-Behaviour proceed).
CREATE TABLE epcis_capture (
    capture_id      text PRIMARY KEY,
    client_id       text        NOT NULL,
    created_at      timestamptz NOT NULL,
    finished_at     timestamptz NOT NULL,
    error_behaviour text        NOT NULL,
    success         boolean     NOT NULL,
    event_count     integer     NOT NULL,
    stored_count    integer     NOT NULL,
    errors          jsonb       NOT NULL DEFAULT '[]'
);

-- event: the event as captured (and as corrected by a later errorDeclaration); namespaces: the
-- prefixes its document's @context defined, so that a query answer can declare them again.
CREATE TABLE epcis_event (
    event_pk     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id     text        NOT NULL UNIQUE,
    event_type   text        NOT NULL,
    event_time   timestamptz NOT NULL,
    record_time  timestamptz NOT NULL,
    action       text,
    biz_step     text,
    disposition  text,
    read_point   text,
    biz_location text,
    event        jsonb       NOT NULL,
    namespaces   jsonb       NOT NULL DEFAULT '{}',
    capture_id   text        NOT NULL
);
CREATE INDEX epcis_event_event_time ON epcis_event (event_time);
CREATE INDEX epcis_event_record_time ON epcis_event (record_time);
CREATE INDEX epcis_event_biz_step ON epcis_event (biz_step);

-- The identifiers of an event by role, for the MATCH_ / EQ_ parameters: epc (epcList, childEPCs),
-- parent, input_epc, output_epc, class (quantityList, childQuantityList), input_class,
-- output_class, bt:<type>, source:<type>, dest:<type> (types as CBV bare words where standard).
-- text_pattern_ops: equality and the prefix LIKE an EPC pattern (...*) becomes.
CREATE TABLE epcis_event_ref (
    event_pk bigint NOT NULL REFERENCES epcis_event (event_pk) ON DELETE CASCADE,
    role     text   NOT NULL,
    value    text   NOT NULL
);
CREATE INDEX epcis_event_ref_value ON epcis_event_ref (role, value text_pattern_ops);
CREATE INDEX epcis_event_ref_event ON epcis_event_ref (event_pk);

-- The lot genealogy captured TransformationEvents state (output lot made from input lot), read
-- by the trace together with lot_input; derived from epcis_event at capture, as an index.
CREATE TABLE epcis_lot_edge (
    event_pk         bigint NOT NULL REFERENCES epcis_event (event_pk) ON DELETE CASCADE,
    lot_number       text   NOT NULL,
    item_code        text,
    input_lot_number text   NOT NULL,
    input_item_code  text,
    quantity         numeric
);
CREATE INDEX epcis_lot_edge_lot ON epcis_lot_edge (lot_number);
CREATE INDEX epcis_lot_edge_input ON epcis_lot_edge (input_lot_number);

-- Captured shipping / receiving ObjectEvents by lot, for the trace and the recall report.
CREATE TABLE epcis_lot_movement (
    event_pk   bigint NOT NULL REFERENCES epcis_event (event_pk) ON DELETE CASCADE,
    lot_number text   NOT NULL,
    item_code  text,
    quantity   numeric,
    uom        text
);
CREATE INDEX epcis_lot_movement_lot ON epcis_lot_movement (lot_number);

-- Percent-encodes everything but URI unreserved characters (lot numbers, store codes and order
-- ids inside the suite's identifiers).
CREATE FUNCTION epcis_pct(s text) RETURNS text LANGUAGE sql IMMUTABLE STRICT AS $$
    SELECT coalesce(string_agg(CASE WHEN c ~ '^[A-Za-z0-9._~-]$' THEN c
                           ELSE regexp_replace(upper(encode(convert_to(c, 'UTF8'), 'hex')), '(..)', '%\1', 'g') END,
                      '' ORDER BY n), '')
    FROM regexp_split_to_table(s, '') WITH ORDINALITY AS t(c, n)
$$;

-- A lot as an EPCIS class: GS1 Digital Link LGTIN (GTIN-14 + lot) when the item is known, the
-- suite's lot URI otherwise (a supplier lot known only as an input).
CREATE FUNCTION epcis_lot_class(item_code text, lot_number text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN item_code IS NULL THEN 'https://id.foodtrace.jp/lot/' || epcis_pct(lot_number)
                ELSE 'https://id.gs1.org/01/' || lpad(item_code, 14, '0') || '/10/' || epcis_pct(lot_number) END
$$;

CREATE FUNCTION epcis_time(t timestamptz) RETURNS text LANGUAGE sql STABLE AS $$
    SELECT to_char(t AT TIME ZONE 'Asia/Tokyo', 'YYYY-MM-DD"T"HH24:MI:SS.MS"+09:00"')
$$;

-- Every shipment as a shipping ObjectEvent, every production lot as a TransformationEvent.
CREATE VIEW epcis_suite_event AS
SELECT 'https://id.foodtrace.jp/event/shipment/' || epcis_pct(s.shipment_id) AS event_id,
       'ObjectEvent' AS event_type, s.shipped_at AS event_time, s.updated_at AS record_time,
       'OBSERVE'::text AS action, 'shipping'::text AS biz_step, 'in_transit'::text AS disposition,
       'https://id.foodtrace.jp/hq'::text AS read_point, NULL::text AS biz_location,
       jsonb_build_object(
           'type', 'ObjectEvent',
           'eventID', 'https://id.foodtrace.jp/event/shipment/' || epcis_pct(s.shipment_id),
           'eventTime', epcis_time(s.shipped_at),
           'eventTimeZoneOffset', '+09:00',
           'recordTime', epcis_time(s.updated_at),
           'action', 'OBSERVE',
           'bizStep', 'shipping',
           'disposition', 'in_transit',
           'epcList', '[]'::jsonb,
           'quantityList', (SELECT jsonb_agg(jsonb_build_object('epcClass', epcis_lot_class(l.item_code, l.lot_number),
                                                                'quantity', l.quantity) ORDER BY l.line_no)
                            FROM shipment_line l WHERE l.shipment_id = s.shipment_id),
           'readPoint', jsonb_build_object('id', 'https://id.foodtrace.jp/hq'),
           'bizTransactionList',
               coalesce((SELECT jsonb_agg(jsonb_build_object('type', 'po', 'bizTransaction',
                                'https://id.foodtrace.jp/order/' || epcis_pct(o.order_id)) ORDER BY o.order_id)
                         FROM shipment_order o WHERE o.shipment_id = s.shipment_id), '[]'::jsonb)
               || jsonb_build_array(jsonb_build_object('type', 'desadv', 'bizTransaction',
                                'https://id.foodtrace.jp/shipment/' || epcis_pct(s.shipment_id))),
           'sourceList', jsonb_build_array(jsonb_build_object('type', 'owning_party', 'source', 'https://id.foodtrace.jp/hq')),
           'destinationList', jsonb_build_array(
               jsonb_build_object('type', 'owning_party', 'destination', 'https://id.foodtrace.jp/store/' || epcis_pct(s.store_code)),
               jsonb_build_object('type', 'location', 'destination', 'https://id.foodtrace.jp/store/' || epcis_pct(s.store_code)))
       ) AS event
FROM shipment s
UNION ALL
SELECT 'https://id.foodtrace.jp/event/lot/' || epcis_pct(l.lot_number),
       'TransformationEvent', l.produced_at, l.updated_at,
       NULL, 'commissioning', 'active', 'https://id.foodtrace.jp/plant/' || epcis_pct(l.plant),
       'https://id.foodtrace.jp/plant/' || epcis_pct(l.plant),
       jsonb_strip_nulls(jsonb_build_object(
           'type', 'TransformationEvent',
           'eventID', 'https://id.foodtrace.jp/event/lot/' || epcis_pct(l.lot_number),
           'eventTime', epcis_time(l.produced_at),
           'eventTimeZoneOffset', '+09:00',
           'recordTime', epcis_time(l.updated_at),
           'inputQuantityList', (SELECT jsonb_agg(jsonb_build_object('epcClass', epcis_lot_class(il.item_code, i.input_lot_number),
                                                                     'quantity', i.quantity) ORDER BY i.input_lot_number)
                                 FROM lot_input i LEFT JOIN lot il ON il.lot_number = i.input_lot_number
                                 WHERE i.lot_number = l.lot_number),
           'outputQuantityList', jsonb_build_array(jsonb_build_object('epcClass', epcis_lot_class(l.item_code, l.lot_number),
                                                                      'quantity', l.quantity)),
           'bizStep', 'commissioning',
           'disposition', 'active',
           'readPoint', jsonb_build_object('id', 'https://id.foodtrace.jp/plant/' || epcis_pct(l.plant)),
           'bizLocation', jsonb_build_object('id', 'https://id.foodtrace.jp/plant/' || epcis_pct(l.plant)),
           'ilmd', CASE WHEN l.best_before IS NULL THEN NULL
                        ELSE jsonb_build_object('cbvmda:bestBeforeDate', l.best_before::text) END
       ))
FROM lot l;

CREATE VIEW epcis_suite_ref AS
SELECT 'https://id.foodtrace.jp/event/shipment/' || epcis_pct(l.shipment_id) AS event_id, 'class'::text AS role,
       epcis_lot_class(l.item_code, l.lot_number) AS value
FROM shipment_line l
UNION ALL
SELECT 'https://id.foodtrace.jp/event/shipment/' || epcis_pct(o.shipment_id), 'bt:po',
       'https://id.foodtrace.jp/order/' || epcis_pct(o.order_id)
FROM shipment_order o
UNION ALL
SELECT 'https://id.foodtrace.jp/event/shipment/' || epcis_pct(s.shipment_id), r.role, r.value
FROM shipment s, LATERAL (VALUES
    ('bt:desadv', 'https://id.foodtrace.jp/shipment/' || epcis_pct(s.shipment_id)),
    ('source:owning_party', 'https://id.foodtrace.jp/hq'),
    ('dest:owning_party', 'https://id.foodtrace.jp/store/' || epcis_pct(s.store_code)),
    ('dest:location', 'https://id.foodtrace.jp/store/' || epcis_pct(s.store_code))) AS r(role, value)
UNION ALL
SELECT 'https://id.foodtrace.jp/event/lot/' || epcis_pct(i.lot_number), 'input_class',
       epcis_lot_class(il.item_code, i.input_lot_number)
FROM lot_input i LEFT JOIN lot il ON il.lot_number = i.input_lot_number
UNION ALL
SELECT 'https://id.foodtrace.jp/event/lot/' || epcis_pct(l.lot_number), 'output_class',
       epcis_lot_class(l.item_code, l.lot_number)
FROM lot l;

CREATE VIEW epcis_all_event AS
SELECT event_id, event_type, event_time, record_time, action, biz_step, disposition, read_point, biz_location,
       event, namespaces, 'captured'::text AS origin
FROM epcis_event
UNION ALL
SELECT event_id, event_type, event_time, record_time, action, biz_step, disposition, read_point, biz_location,
       event, '{}'::jsonb, 'suite'
FROM epcis_suite_event;

CREATE VIEW epcis_all_ref AS
SELECT e.event_id, r.role, r.value FROM epcis_event_ref r JOIN epcis_event e ON e.event_pk = r.event_pk
UNION ALL
SELECT event_id, role, value FROM epcis_suite_ref;
