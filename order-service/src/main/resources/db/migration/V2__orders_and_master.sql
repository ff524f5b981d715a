-- Master data as order-service needs it for validation (from the compacted master topics).
CREATE TABLE product (
    item_code    text PRIMARY KEY,
    name         text    NOT NULL,
    unit         text,
    orderable    boolean NOT NULL,
    min_quantity integer NOT NULL,
    max_quantity integer NOT NULL,
    version      bigint  NOT NULL
);

CREATE TABLE store (
    store_code    text PRIMARY KEY,
    name          text   NOT NULL,
    cut_off_time  time,
    contact_email text,
    version       bigint NOT NULL
);

-- Orders: one per (terminal, sequence), whatever happens upstream.
CREATE TABLE orders (
    order_id      uuid PRIMARY KEY,
    receipt_id    uuid        NOT NULL UNIQUE,
    terminal_id   text        NOT NULL,
    sequence      bigint      NOT NULL,
    store_code    text        NOT NULL,
    delivery_date date,
    status        text        NOT NULL,
    received_at   timestamptz NOT NULL,
    decided_at    timestamptz NOT NULL,
    shipment_id   text,
    UNIQUE (terminal_id, sequence)
);

CREATE INDEX orders_store_date_status ON orders (store_code, delivery_date, status);

CREATE TABLE order_line (
    id               bigserial PRIMARY KEY,
    order_id         uuid    NOT NULL REFERENCES orders (order_id),
    line_no          integer NOT NULL,
    item_code        text    NOT NULL,
    quantity         integer NOT NULL,
    unit             text,
    rejection_code   text,
    rejection_reason text,
    UNIQUE (order_id, line_no)
);

CREATE TABLE order_status_history (
    id       bigserial PRIMARY KEY,
    order_id uuid        NOT NULL REFERENCES orders (order_id),
    status   text        NOT NULL,
    at       timestamptz NOT NULL,
    detail   text
);

CREATE INDEX order_status_history_order ON order_status_history (order_id);
