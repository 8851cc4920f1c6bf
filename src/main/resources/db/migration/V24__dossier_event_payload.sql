-- The SHA-256 of what an accepted event said (kind, dossier code, fields): a resend under the same X-Event-Id must say
-- the same, or it is refused (409) instead of being answered as a duplicate and dropped. Empty for older events.
ALTER TABLE dossier_sync_event ADD COLUMN payload_sha256 VARCHAR(64);
