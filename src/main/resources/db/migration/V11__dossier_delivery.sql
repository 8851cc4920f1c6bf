-- Delivery on Camel's error handling: when a failed event is due again (it waits on the broker as a scheduled message,
-- and the dossier's later events are scheduled behind it), and the idempotent consumer of the accept flow.
ALTER TABLE dossier_sync_event ADD COLUMN next_attempt_at TIMESTAMP WITH TIME ZONE;

-- camel-sql JdbcMessageIdRepository (processor "dossier-accept"): the event ids already accepted.
CREATE TABLE CAMEL_MESSAGEPROCESSED (
    processorName  VARCHAR(255) NOT NULL,
    messageId      VARCHAR(100) NOT NULL,
    createdAt      TIMESTAMP    NOT NULL,
    PRIMARY KEY (processorName, messageId)
);
