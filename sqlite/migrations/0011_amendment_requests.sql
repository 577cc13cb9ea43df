-- 0011: patients' requests to amend their record (HIPAA 164.526).
CREATE TABLE amendment_requests (
	id          INTEGER PRIMARY KEY,
	patient_id  INTEGER NOT NULL REFERENCES patients (id),
	document_id INTEGER NOT NULL REFERENCES documents (id),
	status      TEXT NOT NULL,
	due_at      TEXT NOT NULL,
	data        BLOB NOT NULL, -- encrypted JSON
	updated_at  TEXT NOT NULL
);
CREATE INDEX amendment_requests_open ON amendment_requests (status, due_at);
