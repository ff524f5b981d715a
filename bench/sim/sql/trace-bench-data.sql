-- Trace benchmark data in sync-service's schema, made in the database (a data set of this size
-- through the upload API would mostly measure the upload): 2,000 stores, 500 products,
-- 100,000 production lots each made from a supplier lot and, from the second generation on,
-- an earlier lot (chains up to 100 generations deep, so depth-bounded walks are cut off), and
-- 1,000,000 shipments of one lot each (every lot shipped to 10 stores).
-- Idempotent: rows are only added where missing. Run as: psql -v ON_ERROR_STOP=1 -d suite -f ...
SET search_path = sync_service;

INSERT INTO store (store_code, name, cut_off_time, contact_email, version, content, updated_at)
SELECT 'BS' || lpad((i)::text, 5, '0'), format('ベンチ店舗 %s', i), '10:00', format('bench%s@example.jp', i), 1, '{}', now()
FROM generate_series(1, 2000) AS i
ON CONFLICT DO NOTHING;

INSERT INTO product (item_code, name, unit, orderable, min_quantity, max_quantity, version, content, updated_at)
SELECT 'BP' || lpad(i::text, 11, '0'), format('ベンチ商品 %s', i), 'CS', true, 1, 99, 1, '{}', now()
FROM generate_series(1, 500) AS i
ON CONFLICT DO NOTHING;

INSERT INTO lot (lot_number, item_code, plant, produced_at, best_before, quantity, content, updated_at)
SELECT 'BL' || lpad((i)::text, 6, '0'), 'BP' || lpad((1 + i % 500)::text, 11, '0'), 'PLANT-' || (1 + i % 4),
       timestamptz '2026-01-01' + (i || ' minutes')::interval, date '2026-12-31', 1000, '{}', now()
FROM generate_series(1, 100000) AS i
ON CONFLICT DO NOTHING;

INSERT INTO lot_input (lot_number, input_lot_number, quantity)
SELECT 'BL' || lpad((i)::text, 6, '0'), 'BSUP' || lpad((1 + i % 20000)::text, 5, '0'), 10
FROM generate_series(1, 100000) AS i
ON CONFLICT DO NOTHING;

INSERT INTO lot_input (lot_number, input_lot_number, quantity)
SELECT 'BL' || lpad((i)::text, 6, '0'), 'BL' || lpad((i - 1000)::text, 6, '0'), 5
FROM generate_series(1001, 100000) AS i
ON CONFLICT DO NOTHING;

INSERT INTO shipment (shipment_id, store_code, shipped_at, content, updated_at)
SELECT 'BSH' || lpad(j::text, 7, '0'), 'BS' || lpad((1 + (j * 7) % 2000)::text, 5, '0'),
       timestamptz '2026-01-02' + ((j % 525600) || ' minutes')::interval, '{}', now()
FROM generate_series(1, 1000000) AS j
ON CONFLICT DO NOTHING;

INSERT INTO shipment_line (shipment_id, line_no, item_code, lot_number, quantity)
SELECT 'BSH' || lpad((j)::text, 7, '0'), 1, 'BP' || lpad((1 + (1 + j % 100000) % 500)::text, 11, '0'), 'BL' || lpad((1 + j % 100000)::text, 6, '0'), 10
FROM generate_series(1, 1000000) AS j
ON CONFLICT DO NOTHING;

ANALYZE store; ANALYZE product; ANALYZE lot; ANALYZE lot_input; ANALYZE shipment; ANALYZE shipment_line;
