-- 0012: the duplicate worklist of the master patient index. Explanations
-- hold agreement levels and weights only, no demographics.
CREATE TABLE match_candidates (
	id          INTEGER PRIMARY KEY,
	kind        TEXT NOT NULL,
	left_id     INTEGER NOT NULL REFERENCES patients (id),
	right_id    INTEGER NOT NULL REFERENCES patients (id),
	probability REAL NOT NULL,
	weight      REAL NOT NULL,
	decision    TEXT NOT NULL,
	explanation BLOB,
	status      TEXT NOT NULL,
	assigned_to INTEGER REFERENCES users (id),
	decided_by  INTEGER REFERENCES users (id),
	decided_at  TEXT,
	note        TEXT NOT NULL DEFAULT '',
	found_at    TEXT NOT NULL,
	UNIQUE (kind, left_id, right_id)
);
CREATE INDEX match_candidates_status ON match_candidates (status, probability);
CREATE INDEX match_candidates_right ON match_candidates (right_id);
