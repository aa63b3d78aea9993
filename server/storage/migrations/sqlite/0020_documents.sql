-- QuantEnergx schema 20: documents, the broker confirmations and invoices uploaded to be read.
-- The original is kept under the data directory by its SHA-256 (documents/objects/), the
-- page images beside it; here what was read of it: its status, type, fields (JSON: name ->
-- {value, confidence, page, box}) and match (JSON), and each page's words with their boxes.
-- A document belongs to its uploader's firm (owner "firm:NAME", or "user:ID" for a user
-- trading alone): the same bytes uploaded again by the same owner are the same document.
CREATE TABLE documents (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    owner           TEXT    NOT NULL,
    sha256          TEXT    NOT NULL,
    uploaded_by     INTEGER NOT NULL,
    filename        TEXT    NOT NULL DEFAULT '',
    content_type    TEXT    NOT NULL,
    size_bytes      INTEGER NOT NULL,
    status          TEXT    NOT NULL DEFAULT 'queued'
                    CHECK (status IN ('queued', 'processing', 'processed', 'failed')),
    reason          TEXT    NOT NULL DEFAULT '',
    type            TEXT    NOT NULL DEFAULT 'unknown',
    pages           INTEGER NOT NULL DEFAULT 0,
    fields          TEXT    NOT NULL DEFAULT '{}',
    match_state     TEXT    NOT NULL DEFAULT '',
    match           TEXT    NOT NULL DEFAULT '{}',
    review          TEXT    NOT NULL DEFAULT '',  -- accepted, rejected or booked
    uploaded_at_ms  INTEGER NOT NULL,
    processed_at_ms INTEGER,
    UNIQUE (owner, sha256)
);
CREATE INDEX documents_by_owner ON documents (owner, id);
CREATE INDEX documents_pending ON documents (status, id);
CREATE TABLE document_pages (
    document_id INTEGER NOT NULL,
    page        INTEGER NOT NULL,
    text_layer  INTEGER NOT NULL,  -- 1: read from the PDF's text layer, 0: by OCR
    skew        TEXT    NOT NULL DEFAULT '0',
    words       TEXT    NOT NULL,  -- JSON: [[text, x, y, w, h, confidence], ...]
    PRIMARY KEY (document_id, page)
);
