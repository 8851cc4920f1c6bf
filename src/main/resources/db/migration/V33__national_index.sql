-- National service index (docs/national-index.md): what the on-time rule, the late list and the indicators 4.3 and 4.5
-- need besides the dates of V10. A dossier newly registered (status 1) has no reception or appointment date yet.
ALTER TABLE dossier_record ALTER COLUMN received_at DROP NOT NULL;
ALTER TABLE dossier_record ALTER COLUMN due_at DROP NOT NULL;
-- when the hub first recorded the dossier: its period while it has no reception date
ALTER TABLE dossier_record ADD COLUMN first_seen_at TIMESTAMP WITH TIME ZONE;
-- NgayKetThucXuLy (end of processing) and NgayTuChoi, kept across later updates that omit them (like returned_at = NgayTra)
ALTER TABLE dossier_record ADD COLUMN ended_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE dossier_record ADD COLUMN refused_at TIMESTAMP WITH TIME ZONE;
-- ThoiDiemXuLy of the first progress step reaching 9 or 10, and when the hub first saw status 9 or 10
ALTER TABLE dossier_record ADD COLUMN step_finished_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE dossier_record ADD COLUMN finished_seen_at TIMESTAMP WITH TIME ZONE;
-- the latest progress step: where the dossier is (PhongBanXuLy, NguoiXuLy, NoiDungXuLy, ThoiDiemXuLy, TrangThai)
ALTER TABLE dossier_record ADD COLUMN department VARCHAR(500);
ALTER TABLE dossier_record ADD COLUMN officer VARCHAR(255);
ALTER TABLE dossier_record ADD COLUMN last_step VARCHAR(2000);
ALTER TABLE dossier_record ADD COLUMN last_step_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE dossier_record ADD COLUMN last_step_status VARCHAR(4);
-- indicators 4.3 (HoSoCoThanhPhanSoHoa; results digitised: DanhSachGiayToKetQua) and 4.5 (DSKetNoiCSDL, VNeID)
ALTER TABLE dossier_record ADD COLUMN digitised_reuse BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE dossier_record ADD COLUMN results_digitised BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE dossier_record ADD COLUMN vneid BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE dossier_record ADD COLUMN population_db BOOLEAN DEFAULT FALSE NOT NULL;
-- DSKetNoiCSDL added by the hub from its own message log at delivery (the owner verified through the population connector)
ALTER TABLE dossier_record ADD COLUMN population_db_by_hub BOOLEAN DEFAULT FALSE NOT NULL;
CREATE INDEX dossier_record_status ON dossier_record (national_status);
