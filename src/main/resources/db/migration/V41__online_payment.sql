-- Online fee payment through the national payment platform (docs/payment.md).
-- payment_order: one row per payment request of a dossier's fees; status PENDING (link given), UNCERTAIN (the platform
-- did not answer: the same order is sent again on the next request), PAID, FAILED, EXPIRED; CREATING while the
-- platform is being asked. order_json is the order as sent (fees, payer), so a resend is byte for byte the same.
CREATE TABLE payment_order (
    order_id          VARCHAR(40)   PRIMARY KEY,
    dossier_code      VARCHAR(40)   NOT NULL,
    amount            BIGINT        NOT NULL,
    order_json        TEXT          NOT NULL,
    status            VARCHAR(16)   NOT NULL,
    platform_tx       VARCHAR(64),
    payment_url       VARCHAR(1000),
    qr_data           VARCHAR(1000),
    expires_at        VARCHAR(14),
    created_stamp     VARCHAR(14)   NOT NULL,
    result_code       VARCHAR(32),
    result_text       VARCHAR(500),
    bank_tx           VARCHAR(64),
    paid_stamp        VARCHAR(14),
    dossier_event_id  VARCHAR(64),
    client_id         VARCHAR(128),
    transaction_id    VARCHAR(64),
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX payment_order_dossier ON payment_order (dossier_code, created_at);

-- dossier_snapshot: the latest dossier (DongBoHoSoMC) event the hub accepted for each dossier, so a change the hub
-- makes itself (paid online) is delivered as a complete update through the same guaranteed path.
CREATE TABLE dossier_snapshot (
    dossier_code  VARCHAR(40)  PRIMARY KEY,
    event_id      VARCHAR(64)  NOT NULL,
    client_id     VARCHAR(128),
    data          TEXT         NOT NULL,
    accepted_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
