-- Session time limits (issue 5, WCAG 2.2.1 Timing adjustable).
--
-- A page session idles out when the page has made no call for a while:
-- last_seen_at is when it last did. Sessions opened before this
-- migration start from their creation time.
ALTER TABLE page_sessions ADD COLUMN last_seen_at TEXT NOT NULL DEFAULT '';
UPDATE page_sessions SET last_seen_at = created_at;

-- How many times the citizen's "I need more time" moved the payment's
-- expires_at; the shim allows a fixed number, so a payment still ends
-- in bounded time.
ALTER TABLE payments ADD COLUMN extensions INTEGER NOT NULL DEFAULT 0;
