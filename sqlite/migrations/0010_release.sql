-- 0010: release of information: requests and the disclosures made, which
-- are corrected by new records and never changed or deleted.
CREATE TABLE release_requests (
	id          INTEGER PRIMARY KEY,
	patient_id  INTEGER NOT NULL REFERENCES patients (id),
	status      TEXT NOT NULL,
	basis       TEXT NOT NULL,
	received_at TEXT NOT NULL,
	due_at      TEXT NOT NULL,
	data        BLOB NOT NULL, -- encrypted JSON: requester, purpose, authorization
	updated_at  TEXT NOT NULL
);
CREATE INDEX release_requests_open ON release_requests (status, due_at);
CREATE INDEX release_requests_patient ON release_requests (patient_id);

CREATE TABLE disclosures (
	id          INTEGER PRIMARY KEY,
	patient_id  INTEGER NOT NULL REFERENCES patients (id),
	request_id  INTEGER REFERENCES release_requests (id),
	at          TEXT NOT NULL,
	basis       TEXT NOT NULL,
	corrects    INTEGER,
	data        BLOB NOT NULL, -- encrypted JSON: recipient, purpose, what was disclosed
	recorded_by INTEGER,
	recorded_at TEXT NOT NULL
);
CREATE INDEX disclosures_patient ON disclosures (patient_id, at);
CREATE TRIGGER disclosures_no_update BEFORE UPDATE ON disclosures BEGIN SELECT RAISE(ABORT, 'disclosure records are corrected, never changed'); END;
CREATE TRIGGER disclosures_no_delete BEFORE DELETE ON disclosures BEGIN SELECT RAISE(ABORT, 'disclosure records are never deleted'); END;
