-- 0015: coding abstracts, one per encounter, and every change to them.
-- Codes are health information, so the abstract and each change are
-- sealed; status, assignment and hold are plain for the worklists.
CREATE TABLE abstracts (
	encounter_id INTEGER PRIMARY KEY REFERENCES encounters (id),
	status       TEXT NOT NULL,
	assigned_to  INTEGER REFERENCES users (id),
	hold         TEXT NOT NULL DEFAULT '',
	data         BLOB NOT NULL,
	version      INTEGER NOT NULL,
	updated_by   INTEGER REFERENCES users (id),
	updated_at   TEXT NOT NULL,
	finalised_at TEXT
);
CREATE INDEX abstracts_status ON abstracts (status, assigned_to);
CREATE TABLE abstract_changes (
	id           INTEGER PRIMARY KEY,
	encounter_id INTEGER NOT NULL REFERENCES encounters (id),
	at           TEXT NOT NULL,
	user_id      INTEGER REFERENCES users (id),
	data         BLOB NOT NULL -- sealed JSON: the changes
);
CREATE INDEX abstract_changes_encounter ON abstract_changes (encounter_id, id);
CREATE INDEX encounters_discharged ON encounters (discharge_at) WHERE discharge_at IS NOT NULL;
