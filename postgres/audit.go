package postgres

import "github.com/chartroom/chartroom/sqlstore"

var auditCols = sqlstore.AuditColumns()

var auditQueries = sqlstore.AuditQueries{
	LockHead: `SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE`, // serialises appenders across serve nodes
	InsertEntry: `INSERT INTO audit_log (` + auditCols + `)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
	UpdateHead:        `UPDATE audit_head SET seq = $1, hash = $2, key_id = $3, signature = $4 WHERE id = 1`,
	SelectHead:        `SELECT seq, hash, key_id, coalesce(signature, '\x'::bytea) FROM audit_head WHERE id = 1`,
	ScanEntries:       `SELECT ` + auditCols + ` FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2`,
	InsertCheckpoint:  `INSERT INTO audit_checkpoints (seq, hash, at, key_id, signature) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (seq) DO NOTHING`,
	SelectCheckpoints: `SELECT seq, hash, key_id, signature FROM audit_checkpoints ORDER BY seq`,
	SeqByHash:         `SELECT seq FROM audit_log WHERE hash = $1 LIMIT 1`,
	ByPatient:         `SELECT ` + auditCols + ` FROM audit_log WHERE patient_id = $1 ORDER BY seq DESC LIMIT $2`,
	ByUser:            `SELECT ` + auditCols + ` FROM audit_log WHERE user_id = $1 AND at >= $2 AND at < $3 ORDER BY seq DESC LIMIT $4`,
	Since:             `SELECT ` + auditCols + ` FROM audit_log WHERE at >= $1 ORDER BY seq LIMIT $2`,
}
