-- 0007: patient merges. Each merge records exactly what it moved, so an
-- unmerge can put back those items and no others.
CREATE TABLE merges (
	id          INTEGER PRIMARY KEY,
	survivor_id INTEGER NOT NULL REFERENCES patients (id),
	retired_id  INTEGER NOT NULL REFERENCES patients (id),
	reason      TEXT NOT NULL DEFAULT '',
	moved       TEXT NOT NULL, -- JSON: ids of the encounters, documents and identifiers moved
	merged_by   INTEGER,
	merged_at   TEXT NOT NULL,
	undone_by   INTEGER,
	undone_at   TEXT
);
CREATE INDEX merges_survivor ON merges (survivor_id);
CREATE INDEX merges_retired ON merges (retired_id);
