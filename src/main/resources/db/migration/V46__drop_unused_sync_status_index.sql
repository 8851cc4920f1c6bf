-- No query reads dossier_sync_event by status alone: every status test goes with the event's id (its primary key) or
-- the dossier's code (index dossier_sync_event_dossier). The index on status only cost writes: each delivery rewrote
-- it twice (the SENDING claim and the SYNCED mark) and each accepted event once, and on PostgreSQL an indexed column
-- that changes rules out heap-only updates. See docs/performance.md, "The delivery's marks".
DROP INDEX IF EXISTS dossier_sync_event_status;
