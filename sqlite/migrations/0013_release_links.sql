-- 0013: expiring download links for released packets. Only the token's
-- SHA-256 is kept; the packet password is sealed with the vault.
CREATE TABLE release_links (
	id            INTEGER PRIMARY KEY,
	request_id    INTEGER NOT NULL REFERENCES release_requests (id),
	token_hash    BLOB NOT NULL UNIQUE,
	secret        BLOB NOT NULL, -- encrypted packet password
	expires_at    TEXT NOT NULL,
	max_downloads INTEGER NOT NULL,
	downloads     INTEGER NOT NULL DEFAULT 0,
	revoked       BOOLEAN NOT NULL DEFAULT FALSE,
	created_by    INTEGER REFERENCES users (id),
	created_at    TEXT NOT NULL
);
