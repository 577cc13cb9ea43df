package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/chartroom/chartroom/audit"
)

// AuditQueries holds an engine's statements for the audit trail.
type AuditQueries struct {
	LockHead          string // → seq, hash (locks the head row where the engine can)
	InsertEntry       string // seq, at, user_id, username, role, action, object_type, object_id, patient_id, ip, user_agent, purpose, reason, outcome, detail, prev_hash, hash
	UpdateHead        string // seq, hash, key_id, signature
	SelectHead        string // → seq, hash, key_id, signature
	ScanEntries       string // after seq, limit → entry columns in seq order
	InsertCheckpoint  string // seq, hash, at, key_id, signature
	SelectCheckpoints string // → seq, hash, key_id, signature
	SeqByHash         string // hash → seq
	ByPatient         string // patient_id, limit → entry columns, newest first
	ByUser            string // user_id, from, to, limit → entry columns, newest first
	Since             string // from, limit → entry columns, oldest first
}

func init() {
	RegisterTables("audit_log", "audit_head", "audit_checkpoints")
}

const auditCols = "seq, at, user_id, username, role, action, object_type, object_id, patient_id, ip, user_agent, purpose, reason, outcome, detail, prev_hash, hash"

// AuditColumns lists the audit_log columns in the order the queries return.
func AuditColumns() string { return auditCols }

// AppendAudit appends entries to the chain in one transaction: it reads
// and locks the head, seals each entry after the one before, inserts them
// and writes the new head, signed. It returns the new head's seq.
func (s *Store) AppendAudit(ctx context.Context, entries []*audit.Entry, signer *audit.Signer) (int64, error) {
	q := s.d.Audit
	// Prepared once, before the transaction (SQLite's one write connection
	// is the transaction's until it ends).
	var lock, insert, update *sql.Stmt
	for _, p := range []struct {
		st    **sql.Stmt
		query string
	}{{&lock, q.LockHead}, {&insert, q.InsertEntry}, {&update, q.UpdateHead}} {
		st, err := s.prepared(ctx, p.query)
		if err != nil {
			return 0, unavailable(err)
		}
		*p.st = st
	}
	var seq int64
	err := s.Transact(ctx, func(tx *sql.Tx) error {
		var prev []byte
		if err := tx.StmtContext(ctx, lock).QueryRowContext(ctx).Scan(&seq, &prev); err != nil {
			return err
		}
		if prev == nil {
			prev = []byte{}
		}
		ins := tx.StmtContext(ctx, insert)
		for _, e := range entries {
			if e.At.IsZero() {
				e.At = s.clock()
			}
			e.At = e.At.UTC().Truncate(time.Microsecond)
			if e.Outcome == "" {
				e.Outcome = audit.Success
			}
			seq++
			audit.Seal(e, seq, prev)
			if _, err := ins.ExecContext(ctx, e.Seq, s.d.Time(e.At), e.UserID, e.Username, e.Role, string(e.Action), e.ObjectType, e.ObjectID, e.PatientID,
				e.IP, e.UserAgent, e.Purpose, e.Reason, string(e.Outcome), e.Detail, e.PrevHash, e.Hash); err != nil {
				return err
			}
			prev = e.Hash
		}
		var sig []byte
		var keyID string
		if signer != nil {
			sig, keyID = signer.SignHead(seq, prev), signer.ID()
		}
		_, err := tx.StmtContext(ctx, update).ExecContext(ctx, seq, prev, keyID, sig)
		return err
	})
	return seq, err
}

// AddAuditCheckpoint stores a signed checkpoint at the current head.
func (s *Store) AddAuditCheckpoint(ctx context.Context, signer *audit.Signer) (int64, error) {
	h, err := s.AuditHead(ctx)
	if err != nil || h.Seq == 0 {
		return 0, err
	}
	err = s.Transact(ctx, func(tx *sql.Tx) error {
		// A checkpoint already at this seq is left as it is.
		_, err := tx.ExecContext(ctx, s.d.Audit.InsertCheckpoint, h.Seq, h.Hash, s.d.Time(s.clock()), signer.ID(), signer.SignCheckpoint(h.Seq, h.Hash))
		return err
	})
	return h.Seq, err
}

// AuditHead implements audit.Source.
func (s *Store) AuditHead(ctx context.Context) (audit.Checkpoint, error) {
	var c audit.Checkpoint
	err := s.rdb.QueryRowContext(ctx, s.d.Audit.SelectHead).Scan(&c.Seq, &c.Hash, &c.KeyID, &c.Signature)
	return c, err
}

// AuditCheckpoints implements audit.Source.
func (s *Store) AuditCheckpoints(ctx context.Context) ([]audit.Checkpoint, error) {
	rows, err := s.rdb.QueryContext(ctx, s.d.Audit.SelectCheckpoints)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []audit.Checkpoint
	for rows.Next() {
		var c audit.Checkpoint
		if err := rows.Scan(&c.Seq, &c.Hash, &c.KeyID, &c.Signature); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// AuditSeqByHash implements audit.Source.
func (s *Store) AuditSeqByHash(ctx context.Context, hash []byte) (int64, bool, error) {
	var seq int64
	err := s.rdb.QueryRowContext(ctx, s.d.Audit.SeqByHash, hash).Scan(&seq)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, false, nil
	}
	return seq, err == nil, err
}

func scanEntry(row scanner) (*audit.Entry, error) {
	var e audit.Entry
	var at dbTime
	var action, outcome string
	err := row.Scan(&e.Seq, &at, &e.UserID, &e.Username, &e.Role, &action, &e.ObjectType, &e.ObjectID, &e.PatientID, &e.IP, &e.UserAgent,
		&e.Purpose, &e.Reason, &outcome, &e.Detail, &e.PrevHash, &e.Hash)
	if err != nil {
		return nil, err
	}
	e.At, e.Action, e.Outcome = at.T, audit.Action(action), audit.Outcome(outcome)
	if e.PrevHash == nil {
		e.PrevHash = []byte{}
	}
	return &e, nil
}

// ScanAudit implements audit.Source: it streams the trail in seq order,
// a page at a time, so memory stays flat however long the trail is.
func (s *Store) ScanAudit(ctx context.Context, fn func(e *audit.Entry) error) error {
	const page = 5000
	after := int64(-1 << 62)
	for {
		rows, err := s.rdb.QueryContext(ctx, s.d.Audit.ScanEntries, after, page)
		if err != nil {
			return err
		}
		n := 0
		for rows.Next() {
			e, err := scanEntry(rows)
			if err != nil {
				rows.Close()
				return err
			}
			n++
			after = e.Seq
			if err := fn(e); err != nil {
				rows.Close()
				return err
			}
		}
		err = rows.Err()
		rows.Close()
		if err != nil || n < page {
			return err
		}
	}
}

func (s *Store) auditList(ctx context.Context, q string, args ...any) ([]*audit.Entry, error) {
	rows, err := s.rdb.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*audit.Entry
	for rows.Next() {
		e, err := scanEntry(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// AuditByPatient returns the newest entries about a patient: who touched
// the record, when and why.
func (s *Store) AuditByPatient(ctx context.Context, patientID int64, limit int) ([]*audit.Entry, error) {
	return s.auditList(ctx, s.d.Audit.ByPatient, patientID, limit)
}

// AuditByUser returns a user's entries in [from, to), newest first.
func (s *Store) AuditByUser(ctx context.Context, userID int64, from, to time.Time, limit int) ([]*audit.Entry, error) {
	return s.auditList(ctx, s.d.Audit.ByUser, userID, s.d.Time(from.UTC()), s.d.Time(to.UTC()), limit)
}

// AuditSince returns entries from a time on, oldest first.
func (s *Store) AuditSince(ctx context.Context, from time.Time, limit int) ([]*audit.Entry, error) {
	return s.auditList(ctx, s.d.Audit.Since, s.d.Time(from.UTC()), limit)
}

// TimeArg converts a time for a statement argument on this engine, for
// tools and tests that write SQL of their own.
func (s *Store) TimeArg(t time.Time) any { return s.d.Time(t.UTC()) }
