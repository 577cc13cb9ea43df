-- 0008: what interface feeds bring besides patients and encounters: the
-- sender's document number (so a replacement finds its original), and
-- charges from DFT messages.
ALTER TABLE documents ADD COLUMN external_id TEXT NOT NULL DEFAULT '';
CREATE INDEX documents_external ON documents (external_id) WHERE external_id <> '';

CREATE TABLE charges (
	id           INTEGER PRIMARY KEY,
	patient_id   INTEGER NOT NULL REFERENCES patients (id),
	encounter_id INTEGER REFERENCES encounters (id),
	source       TEXT NOT NULL, -- the message that brought it
	line         INTEGER NOT NULL, -- FT1 set id
	service_date TEXT NOT NULL,
	code         TEXT NOT NULL, -- CPT or HCPCS (FT1-25)
	code_system  TEXT NOT NULL DEFAULT '',
	modifiers    TEXT NOT NULL DEFAULT '',
	description  TEXT NOT NULL DEFAULT '',
	units        REAL NOT NULL DEFAULT 1,
	amount       REAL NOT NULL DEFAULT 0,
	diagnoses    TEXT NOT NULL DEFAULT '', -- ICD-10-CM codes (FT1-19), space-separated
	created_at   TEXT NOT NULL,
	UNIQUE (source, line)
);
CREATE INDEX charges_encounter ON charges (encounter_id);
