-- 0001: the legal health record, accounts and the audit trail.

CREATE TABLE data_keys (
	id         INTEGER PRIMARY KEY,
	purpose    TEXT NOT NULL,
	wrapped    BLOB NOT NULL,
	master_id  TEXT NOT NULL,
	active     INTEGER NOT NULL DEFAULT 1,
	created_at TEXT NOT NULL
);

CREATE TABLE facilities (
	id   INTEGER PRIMARY KEY,
	code TEXT NOT NULL UNIQUE,
	name TEXT NOT NULL
);

CREATE TABLE providers (
	id          INTEGER PRIMARY KEY,
	npi         TEXT NOT NULL UNIQUE,
	family_norm TEXT NOT NULL,
	name        TEXT NOT NULL, -- JSON PersonName
	specialty   TEXT NOT NULL DEFAULT '',
	active      INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX providers_family ON providers (family_norm, id);

CREATE TABLE patients (
	id          INTEGER PRIMARY KEY,
	family_norm TEXT NOT NULL,
	given_norm  TEXT NOT NULL,
	birth_date  TEXT NOT NULL, -- YYYY-MM-DD
	sex         TEXT NOT NULL,
	names       TEXT NOT NULL, -- JSON {name, aliases}
	flags       INTEGER NOT NULL DEFAULT 0, -- 1 VIP, 2 employee, 4 restricted
	deceased_at TEXT,
	merged_into INTEGER,
	secret      BLOB, -- encrypted JSON: SSN, addresses, telecoms, contacts
	ssn_bidx    BLOB,
	version     INTEGER NOT NULL DEFAULT 1,
	created_at  TEXT NOT NULL,
	updated_at  TEXT NOT NULL
);
CREATE INDEX patients_family_birth ON patients (family_norm, birth_date, id);
CREATE INDEX patients_birth ON patients (birth_date, id);
CREATE INDEX patients_ssn ON patients (ssn_bidx) WHERE ssn_bidx IS NOT NULL;

CREATE TABLE patient_identifiers (
	id         INTEGER PRIMARY KEY,
	patient_id INTEGER NOT NULL REFERENCES patients (id),
	type       TEXT NOT NULL,
	facility   TEXT NOT NULL,
	value      TEXT NOT NULL,
	retired    INTEGER NOT NULL DEFAULT 0,
	UNIQUE (type, facility, value)
);
CREATE INDEX patient_identifiers_value ON patient_identifiers (value);
CREATE INDEX patient_identifiers_patient ON patient_identifiers (patient_id);

CREATE TABLE encounters (
	id           INTEGER PRIMARY KEY,
	patient_id   INTEGER NOT NULL REFERENCES patients (id),
	facility     TEXT NOT NULL,
	account      TEXT NOT NULL DEFAULT '',
	class        TEXT NOT NULL,
	status       TEXT NOT NULL,
	admit_at     TEXT NOT NULL,
	discharge_at TEXT,
	admit_source TEXT NOT NULL DEFAULT '',
	disposition  TEXT NOT NULL DEFAULT '',
	attending_id INTEGER,
	service      TEXT NOT NULL DEFAULT '',
	payer        TEXT NOT NULL DEFAULT '',
	reason       BLOB, -- encrypted
	version      INTEGER NOT NULL DEFAULT 1,
	created_at   TEXT NOT NULL,
	updated_at   TEXT NOT NULL
);
CREATE INDEX encounters_patient ON encounters (patient_id, admit_at, id);
CREATE INDEX encounters_facility ON encounters (facility, status, discharge_at);
CREATE INDEX encounters_account ON encounters (account) WHERE account <> '';

CREATE TABLE blobs (
	sha256       TEXT PRIMARY KEY,
	size         INTEGER NOT NULL,
	created_at   TEXT NOT NULL
);

CREATE TABLE documents (
	id           INTEGER PRIMARY KEY,
	patient_id   INTEGER NOT NULL REFERENCES patients (id),
	encounter_id INTEGER REFERENCES encounters (id),
	type         TEXT NOT NULL,
	title        TEXT NOT NULL,
	author_id    INTEGER,
	service_at   TEXT NOT NULL,
	status       TEXT NOT NULL,
	source       TEXT NOT NULL DEFAULT '',
	version      INTEGER NOT NULL DEFAULT 1,
	sensitivity  TEXT NOT NULL DEFAULT '[]',
	created_at   TEXT NOT NULL,
	updated_at   TEXT NOT NULL
);
CREATE INDEX documents_patient ON documents (patient_id, service_at, id);
CREATE INDEX documents_encounter ON documents (encounter_id);

CREATE TABLE document_versions (
	document_id  INTEGER NOT NULL REFERENCES documents (id),
	version      INTEGER NOT NULL,
	status       TEXT NOT NULL,
	text         BLOB, -- encrypted
	content_type TEXT NOT NULL DEFAULT '',
	blob_sha256  TEXT REFERENCES blobs (sha256),
	size         INTEGER NOT NULL DEFAULT 0,
	reason       TEXT NOT NULL DEFAULT '',
	created_by   INTEGER,
	created_at   TEXT NOT NULL,
	PRIMARY KEY (document_id, version)
);

CREATE TABLE amendments (
	id          INTEGER PRIMARY KEY,
	document_id INTEGER NOT NULL REFERENCES documents (id),
	version     INTEGER NOT NULL,
	text        BLOB NOT NULL, -- encrypted
	reason      TEXT NOT NULL,
	author_id   INTEGER,
	created_by  INTEGER,
	created_at  TEXT NOT NULL
);
CREATE INDEX amendments_document ON amendments (document_id);

CREATE TABLE users (
	id             INTEGER PRIMARY KEY,
	username       TEXT NOT NULL UNIQUE,
	name           TEXT NOT NULL,
	roles          TEXT NOT NULL,  -- space-separated role names
	facilities     TEXT NOT NULL DEFAULT '', -- space-separated facility codes; '*' for all
	password_hash  TEXT NOT NULL,
	must_change    INTEGER NOT NULL DEFAULT 0,
	disabled       INTEGER NOT NULL DEFAULT 0,
	failed_logins  INTEGER NOT NULL DEFAULT 0,
	locked_until   TEXT,
	totp_secret    BLOB, -- encrypted
	created_at     TEXT NOT NULL,
	last_login_at  TEXT
);

CREATE TABLE sessions (
	token_hash   BLOB PRIMARY KEY,
	user_id      INTEGER NOT NULL REFERENCES users (id),
	csrf         TEXT NOT NULL,
	created_at   TEXT NOT NULL,
	last_seen_at TEXT NOT NULL,
	expires_at   TEXT NOT NULL,
	ip           TEXT NOT NULL DEFAULT '',
	user_agent   TEXT NOT NULL DEFAULT '',
	revoked      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX sessions_user ON sessions (user_id);
