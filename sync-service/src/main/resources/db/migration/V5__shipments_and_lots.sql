-- Shipments (EPCIS shipping events: HQ -> store) and production lots (EPCIS transformation
-- events: input lots -> output lot). content is the canonical JSON of the record, for change
-- detection; the child tables are what trace queries join.
CREATE TABLE shipment (
    shipment_id text PRIMARY KEY,
    store_code  text        NOT NULL REFERENCES store (store_code),
    shipped_at  timestamptz NOT NULL,
    content     text        NOT NULL,
    updated_at  timestamptz NOT NULL
);
CREATE INDEX shipment_store_date ON shipment (store_code, shipped_at);

CREATE TABLE shipment_order (
    shipment_id text NOT NULL REFERENCES shipment (shipment_id) ON DELETE CASCADE,
    order_id    text NOT NULL,
    PRIMARY KEY (shipment_id, order_id)
);
CREATE INDEX shipment_order_order ON shipment_order (order_id);

CREATE TABLE shipment_line (
    shipment_id text    NOT NULL REFERENCES shipment (shipment_id) ON DELETE CASCADE,
    line_no     integer NOT NULL,
    item_code   text    NOT NULL REFERENCES product (item_code),
    lot_number  text    NOT NULL,
    quantity    bigint  NOT NULL,
    PRIMARY KEY (shipment_id, line_no)
);
CREATE INDEX shipment_line_lot ON shipment_line (lot_number);

CREATE TABLE lot (
    lot_number  text PRIMARY KEY,
    item_code   text        NOT NULL REFERENCES product (item_code),
    plant       text        NOT NULL,
    produced_at timestamptz NOT NULL,
    best_before date,
    quantity    bigint      NOT NULL,
    content     text        NOT NULL,
    updated_at  timestamptz NOT NULL
);

-- Input lots need not be known lots: supplier lots arrive only as inputs.
CREATE TABLE lot_input (
    lot_number       text   NOT NULL REFERENCES lot (lot_number) ON DELETE CASCADE,
    input_lot_number text   NOT NULL,
    quantity         bigint NOT NULL,
    PRIMARY KEY (lot_number, input_lot_number)
);
CREATE INDEX lot_input_input ON lot_input (input_lot_number);
