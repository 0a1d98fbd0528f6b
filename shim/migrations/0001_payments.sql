-- Written in the SQL that SQLite and PostgreSQL share: TEXT timestamps
-- in UTC ISO 8601 (they sort as text), BIGINT money in pence, no
-- autoincrement (event numbers are assigned by the shim).

CREATE TABLE payments (
    payment_id TEXT PRIMARY KEY,
    council TEXT NOT NULL,
    live BOOLEAN NOT NULL,
    amount BIGINT NOT NULL,
    reference TEXT NOT NULL,
    description TEXT NOT NULL,
    return_url TEXT NOT NULL,
    language TEXT NOT NULL,
    email TEXT,
    prefilled_json TEXT,
    metadata_json TEXT,
    state TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    last_decline TEXT,
    provider_id TEXT,
    card_brand TEXT,
    card_type TEXT,
    card_last4 TEXT,
    card_expiry TEXT,
    cardholder_name TEXT,
    billing_json TEXT,
    refunded BIGINT NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);

CREATE INDEX payments_by_council ON payments (council, created_at);
CREATE INDEX payments_by_reference ON payments (council, reference);
CREATE INDEX payments_unfinished ON payments (state, expires_at);

-- The audit trail: every state change of every payment.
CREATE TABLE payment_events (
    payment_id TEXT NOT NULL REFERENCES payments (payment_id),
    seq INTEGER NOT NULL,
    state TEXT NOT NULL,
    at TEXT NOT NULL,
    PRIMARY KEY (payment_id, seq)
);

CREATE TABLE refunds (
    refund_id TEXT PRIMARY KEY,
    payment_id TEXT NOT NULL REFERENCES payments (payment_id),
    council TEXT NOT NULL,
    amount BIGINT NOT NULL,
    status TEXT NOT NULL,
    provider_id TEXT,
    created_at TEXT NOT NULL
);

CREATE INDEX refunds_by_council ON refunds (council, created_at);

-- Idempotency-Key on create: same key and body within 24 hours returns
-- the same payment.
CREATE TABLE create_keys (
    council TEXT NOT NULL,
    idempotency_key TEXT NOT NULL,
    body_hash TEXT NOT NULL,
    payment_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (council, idempotency_key)
);

-- One-time tokens in next_url, and the page sessions they become.
-- Only SHA-256 hashes are stored, so a copy of the database cannot be
-- used to open anyone's payment.
CREATE TABLE page_tokens (
    token_hash TEXT PRIMARY KEY,
    payment_id TEXT NOT NULL REFERENCES payments (payment_id),
    used BOOLEAN NOT NULL DEFAULT FALSE
);

CREATE TABLE page_sessions (
    session_hash TEXT PRIMARY KEY,
    payment_id TEXT NOT NULL REFERENCES payments (payment_id),
    created_at TEXT NOT NULL
);

-- Secrets the shim keeps across restarts (the key that derives next_url
-- tokens), shared by every shim that uses this database.
CREATE TABLE shim_secrets (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
