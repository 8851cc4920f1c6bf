-- Tamper evidence and body evidence for the message log (docs/audit-record.md).
-- seq orders the hash chain; record_hash = SHA-256 over the previous hash and the record's canonical form.
ALTER TABLE message_log ADD COLUMN seq BIGINT;
ALTER TABLE message_log ADD COLUMN prev_hash VARCHAR(64);
ALTER TABLE message_log ADD COLUMN record_hash VARCHAR(64);
ALTER TABLE message_log ADD COLUMN request_sha256 VARCHAR(64);
ALTER TABLE message_log ADD COLUMN response_sha256 VARCHAR(64);
ALTER TABLE message_log ADD COLUMN request_body_enc TEXT;
ALTER TABLE message_log ADD COLUMN response_body_enc TEXT;

CREATE UNIQUE INDEX message_log_seq ON message_log (seq);
CREATE INDEX message_log_user ON message_log (user_id, time_in);
CREATE INDEX message_log_service ON message_log (service, time_in);

-- The head of the chain: one row, locked by the writer of each batch, so several hub instances share one order.
CREATE TABLE audit_chain_head (
    id          INTEGER      NOT NULL PRIMARY KEY,
    last_seq    BIGINT       NOT NULL,
    last_hash   VARCHAR(64)  NOT NULL
);
INSERT INTO audit_chain_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Signed checkpoints: the hub's signature over (seq, record_hash) at intervals.
CREATE TABLE audit_checkpoint (
    seq          BIGINT        NOT NULL PRIMARY KEY,
    record_hash  VARCHAR(64)   NOT NULL,
    signed_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    key_id       VARCHAR(64)   NOT NULL,
    algorithm    VARCHAR(32)   NOT NULL,
    signature    VARCHAR(1024) NOT NULL
);

-- Ranges moved out of the database to archive files; the chain continues from last_hash.
CREATE TABLE audit_archive (
    first_seq        BIGINT        NOT NULL PRIMARY KEY,
    last_seq         BIGINT        NOT NULL,
    first_prev_hash  VARCHAR(64)   NOT NULL,
    last_hash        VARCHAR(64)   NOT NULL,
    record_count     BIGINT        NOT NULL,
    file_name        VARCHAR(512)  NOT NULL,
    file_sha256      VARCHAR(64)   NOT NULL,
    archived_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
