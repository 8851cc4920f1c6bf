-- Result papers of a dossier event named by their reference in the national store of digitised documents
-- (DanhSachGiayToKetQua[].MaKetQua), verified when the event was accepted (docs/dossier-sync.md#signed-result-papers).
-- item_no: the paper's place among the event's result papers.
-- status: VALID, INDETERMINATE, INVALID (the signatures' outcome) or NOT_VERIFIED (the store could not give the paper).
CREATE TABLE dossier_result_paper (
    event_id       VARCHAR(64)   NOT NULL,
    document_id    VARCHAR(80)   NOT NULL,
    item_no       INT           NOT NULL,
    dossier_code   VARCHAR(40)   NOT NULL,
    status         VARCHAR(16)   NOT NULL,
    validity       VARCHAR(16),
    error_code     VARCHAR(40),
    reason         VARCHAR(1000),
    document_sha256 VARCHAR(64),
    checked_at     TIMESTAMP     NOT NULL,
    PRIMARY KEY (event_id, document_id)
);
CREATE INDEX dossier_result_paper_dossier ON dossier_result_paper (dossier_code);
