-- 0009: imported code sets, kept in the database so every serve node loads
-- the same releases and backups carry them.
CREATE TABLE code_releases (
	id          TEXT PRIMARY KEY,
	meta        TEXT NOT NULL, -- JSON ReleaseMeta
	data        BYTEA NOT NULL,
	imported_at TIMESTAMPTZ NOT NULL
);
