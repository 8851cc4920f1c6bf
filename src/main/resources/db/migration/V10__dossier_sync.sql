-- Dossier synchronisation to the national public service portal.
-- dossier_sync_event: one row per accepted event; also the idempotent consumer's memory (an event SYNCED is never sent again).
CREATE TABLE dossier_sync_event (
    event_id        VARCHAR(64)   PRIMARY KEY,
    dossier_code    VARCHAR(40)   NOT NULL,
    kind            VARCHAR(16)   NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    attempts        INTEGER       NOT NULL,
    last_error      VARCHAR(1000),
    transaction_id  VARCHAR(64),
    client_id       VARCHAR(128),
    channel         VARCHAR(16),
    accepted_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    delivered_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX dossier_sync_event_dossier ON dossier_sync_event (dossier_code, accepted_at);
CREATE INDEX dossier_sync_event_status ON dossier_sync_event (status);

-- dossier_record: the facts the national service index is computed from (agency, appointment and result dates).
CREATE TABLE dossier_record (
    dossier_code     VARCHAR(40)  PRIMARY KEY,
    agency_id        VARCHAR(32)  NOT NULL,
    procedure_code   VARCHAR(64)  NOT NULL,
    national_status  VARCHAR(4)   NOT NULL,
    online           BOOLEAN      NOT NULL,
    received_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    due_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    returned_at      TIMESTAMP WITH TIME ZONE,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX dossier_record_agency ON dossier_record (agency_id, received_at);
