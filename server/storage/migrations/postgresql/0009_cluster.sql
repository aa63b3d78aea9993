-- QuantEnergx schema 9: what several servers on one database share.
-- Blocks of order and trade ids: each server numbers what it stores from a block it reserved
-- (a durable UPDATE ... RETURNING), so servers never hand out the same id and none asks the
-- database for each one.
CREATE TABLE id_blocks (
    kind TEXT PRIMARY KEY CHECK (kind IN ('order', 'trade')),
    next BIGINT NOT NULL
);
INSERT INTO id_blocks VALUES ('order', (SELECT COALESCE(MAX(id), 0) + 1 FROM orders));
INSERT INTO id_blocks VALUES ('trade', (SELECT COALESCE(MAX(id), 0) + 1 FROM trades));
-- Which server matches each book, and where to send its orders: written by the server that
-- holds the book's lock (a PostgreSQL advisory lock, released when that server dies).
CREATE TABLE book_owners (
    symbol   TEXT PRIMARY KEY,
    instance TEXT NOT NULL,
    url      TEXT NOT NULL,
    since_ms BIGINT NOT NULL
);
