-- QuantEnergx schema 12: a fencing token per book. Each time a server takes a book over it
-- raises the book's epoch; every batch of trading writes carries the epochs its server took
-- its books at and is refused (book_moved), whole, when one was raised since. So a server
-- that lost a book without knowing it yet (its lock connection dropped, it stalled) can
-- never store, nor acknowledge, an order on a book another server matches now.
ALTER TABLE book_owners ADD COLUMN epoch BIGINT NOT NULL DEFAULT 0;
