package sqlite

import "github.com/chartroom/chartroom/sqlstore"

var auditCols = sqlstore.AuditColumns()

var auditQueries = sqlstore.AuditQueries{
	LockHead: `SELECT seq, hash FROM audit_head WHERE id = 1`, // the write transaction holds the database lock
	InsertEntry: `INSERT INTO audit_log (` + auditCols + `)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
	UpdateHead:        `UPDATE audit_head SET seq = ?, hash = ?, key_id = ?, signature = ? WHERE id = 1`,
	SelectHead:        `SELECT seq, hash, key_id, coalesce(signature, X'') FROM audit_head WHERE id = 1`,
	ScanEntries:       `SELECT ` + auditCols + ` FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?`,
	InsertCheckpoint:  `INSERT INTO audit_checkpoints (seq, hash, at, key_id, signature) VALUES (?, ?, ?, ?, ?) ON CONFLICT (seq) DO NOTHING`,
	SelectCheckpoints: `SELECT seq, hash, key_id, signature FROM audit_checkpoints ORDER BY seq`,
	SeqByHash:         `SELECT seq FROM audit_log WHERE hash = ? LIMIT 1`,
	ByPatient:         `SELECT ` + auditCols + ` FROM audit_log WHERE patient_id = ? ORDER BY seq DESC LIMIT ?`,
	ByUser:            `SELECT ` + auditCols + ` FROM audit_log WHERE user_id = ? AND at >= ? AND at < ? ORDER BY seq DESC LIMIT ?`,
	Since:             `SELECT ` + auditCols + ` FROM audit_log WHERE at >= ? ORDER BY seq LIMIT ?`,
}
