-- QuantEnergx schema 11 (SQLite): nothing to change. PostgreSQL's trading tables lose their
-- foreign keys at this version (a query per row there, 40 % of its order rate); SQLite checks
-- them in-process for little, and dropping one would mean rebuilding the tables.
SELECT 1;
