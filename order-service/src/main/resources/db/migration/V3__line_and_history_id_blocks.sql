-- Hibernate takes ids for order lines and status history from these sequences in blocks of 50
-- (StoreOrder.ID_BLOCK, the pooled optimizer), so that inserts can be batched; the sequences'
-- INCREMENT must equal the block size. A row inserted with the column default still gets an
-- unused id: every value nextval returns is the top of a block nobody else hands out.
ALTER SEQUENCE order_line_id_seq INCREMENT BY 50;
ALTER SEQUENCE order_status_history_id_seq INCREMENT BY 50;
