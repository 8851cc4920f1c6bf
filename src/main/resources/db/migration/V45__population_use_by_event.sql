-- Indicator 4.5: the hub added DSKetNoiCSDL to the event it delivered. Kept on the event's row, which exists once the
-- delivery has claimed it; the dossier's row (dossier_record) is written by the edge after the broker has the event and
-- may not exist yet when a fast consumer delivers. dossier_record.population_db_by_hub keeps the marks made before.
ALTER TABLE dossier_sync_event ADD COLUMN population_db_by_hub BOOLEAN DEFAULT FALSE NOT NULL;
