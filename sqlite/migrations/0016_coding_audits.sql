-- 0016: second-level coding review of a sample of finalised encounters.
CREATE TABLE coding_audits (
	encounter_id INTEGER PRIMARY KEY REFERENCES encounters (id),
	status       TEXT NOT NULL, -- pending, done
	mode         TEXT NOT NULL, -- blind (re-code without seeing the codes) or review
	coder_id     INTEGER REFERENCES users (id),
	auditor_id   INTEGER REFERENCES users (id),
	data         BLOB, -- sealed: the reviewer's abstract and the comparison
	created_at   TEXT NOT NULL,
	done_at      TEXT
);
CREATE INDEX coding_audits_status ON coding_audits (status, created_at);
