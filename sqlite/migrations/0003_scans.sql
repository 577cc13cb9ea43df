-- 0003: the document-imaging inbox.
CREATE TABLE scans (
	id           INTEGER PRIMARY KEY,
	filename     TEXT NOT NULL,
	content_type TEXT NOT NULL,
	blob_sha256  TEXT NOT NULL REFERENCES blobs (sha256),
	size         INTEGER NOT NULL,
	uploaded_by  INTEGER,
	uploaded_at  TEXT NOT NULL,
	document_id  INTEGER REFERENCES documents (id)
);
CREATE INDEX scans_pending ON scans (document_id, id);
