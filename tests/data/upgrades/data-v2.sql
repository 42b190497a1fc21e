-- Rows of the schema version 2 tables (fetch ledger and HTTP validators).
INSERT INTO fetch_ledger (date, category, source, state, papers, reason, recorded_at,
                          last_error, last_error_at) VALUES
 ('2024-11-28', 'cs.CV', 'arxiv-rss', 'complete', 2, NULL, '2024-11-28T06:00:00.000Z', NULL, NULL),
 ('2024-11-29', 'cs.CV', 'arxiv-rss', 'failed', 0, 'HTTP 503', '2024-11-29T06:00:00.000Z',
  'HTTP 503', '2024-11-29T06:00:00.000Z');
INSERT INTO http_validators (url, etag, last_modified, listing_date, papers, stored_at) VALUES
 ('https://rss.arxiv.org/rss/cs.CV', '"abc123"', 'Thu, 28 Nov 2024 05:00:00 GMT',
  '2024-11-28', 2, '2024-11-28T06:00:00.000Z');
