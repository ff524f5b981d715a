-- The customer feed of accepted orders. position is assigned in the consuming transaction, under
-- a transaction-level advisory lock, so positions become visible in increasing order and a
-- reader paging "after" a position never skips one that commits later.
CREATE TABLE feed_order (
    position      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id      text        NOT NULL UNIQUE,
    receipt_id    text        NOT NULL,
    terminal_id   text        NOT NULL,
    store_code    text        NOT NULL,
    sequence      bigint      NOT NULL,
    delivery_date date        NOT NULL,
    accepted_at   timestamptz NOT NULL,
    recorded_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE feed_order_line (
    order_id  text    NOT NULL REFERENCES feed_order (order_id),
    line_no   integer NOT NULL,
    item_code text    NOT NULL,
    quantity  integer NOT NULL,
    unit      text    NOT NULL,
    PRIMARY KEY (order_id, line_no)
);

-- What each client acknowledged; it only moves forward.
CREATE TABLE feed_cursor (
    client_id        text PRIMARY KEY REFERENCES client_system (client_id),
    acked_position   bigint      NOT NULL,
    acked_at         timestamptz NOT NULL
);
