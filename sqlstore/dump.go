package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
)

// Tables lists the tables a backup carries, parents before children, so a
// restore can insert them in this order. Sessions are left out: a restored
// system starts with everyone signed out.
var Tables = []string{
	"data_keys", "facilities", "providers", "patients", "patient_identifiers", "encounters", "blobs",
	"documents", "document_versions", "amendments", "users", "scans", "break_glass", "alerts", "api_tokens", "interface_messages", "merges", "charges", "code_releases", "release_requests", "disclosures", "amendment_requests",
	"match_candidates", "release_links", "settings", "abstracts", "abstract_changes", "coding_audits", "cac_feedback",
}

// seededTables hold a row that a migration writes; a restore replaces it.
var seededTables = map[string]bool{"audit_head": true}

// extraTables are appended to Tables by packages with tables of their own
// (the audit trail registers its tables this way).
var extraTables []string

// RegisterTables adds tables, in dependency order, to what backups carry.
func RegisterTables(names ...string) { extraTables = append(extraTables, names...) }

// AllTables returns Tables plus the registered ones that exist.
func (s *Store) AllTables(ctx context.Context) []string {
	out := append([]string{}, Tables...)
	for _, t := range extraTables {
		if s.tableExists(ctx, t) {
			out = append(out, t)
		}
	}
	return out
}

func (s *Store) tableExists(ctx context.Context, t string) bool {
	rows, err := s.rdb.QueryContext(ctx, "SELECT * FROM "+t+" WHERE 1 = 0")
	if err != nil {
		return false
	}
	rows.Close()
	return true
}

// Value is one column value in an engine-neutral form: nil, int64, float64,
// bool, string, []byte or time.Time.
type Value = any

// Dump calls fn for each table with its column names and a function that
// yields its rows, all inside one read-only transaction, so the snapshot is
// consistent while the server keeps writing.
func (s *Store) Dump(ctx context.Context, fn func(table string, cols []string, next func() ([]Value, error)) error) error {
	opts := &sql.TxOptions{ReadOnly: true}
	if s.d.Name == "postgres" {
		opts.Isolation = sql.LevelRepeatableRead
	}
	tx, err := s.rdb.BeginTx(ctx, opts)
	if err != nil {
		return unavailable(err)
	}
	defer tx.Rollback()
	for _, t := range s.AllTables(ctx) {
		rows, err := tx.QueryContext(ctx, "SELECT * FROM "+t)
		if err != nil {
			return fmt.Errorf("dump %s: %w", t, err)
		}
		cols, err := rows.Columns()
		if err != nil {
			rows.Close()
			return err
		}
		next := func() ([]Value, error) {
			if !rows.Next() {
				return nil, rows.Err()
			}
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				return nil, err
			}
			return vals, nil
		}
		err = fn(t, cols, next)
		rows.Close()
		if err != nil {
			return err
		}
	}
	return tx.Commit()
}

// columnKinds reports, for each column of table, how the engine wants a
// value: "bool", "time", "date" or "" (as is).
func (s *Store) columnKinds(ctx context.Context, tx *sql.Tx, table string) (map[string]string, error) {
	kinds := map[string]string{}
	if s.d.Name == "postgres" {
		rows, err := tx.QueryContext(ctx, `SELECT column_name, data_type FROM information_schema.columns WHERE table_name = $1 AND table_schema = current_schema()`, table)
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		for rows.Next() {
			var c, dt string
			if err := rows.Scan(&c, &dt); err != nil {
				return nil, err
			}
			switch {
			case dt == "boolean":
				kinds[c] = "bool"
			case strings.HasPrefix(dt, "timestamp"):
				kinds[c] = "time"
			case dt == "date":
				kinds[c] = "date"
			}
		}
		return kinds, rows.Err()
	}
	rows, err := tx.QueryContext(ctx, "SELECT name, type FROM pragma_table_info(?)", table)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var c, dt string
		if err := rows.Scan(&c, &dt); err != nil {
			return nil, err
		}
		switch {
		case strings.HasSuffix(c, "_at") || c == "locked_until":
			kinds[c] = "time"
		case c == "birth_date":
			kinds[c] = "date"
		case strings.EqualFold(dt, "TEXT"):
			kinds[c] = "text"
		}
	}
	return kinds, rows.Err()
}

// convert turns a dumped value into what this engine's column wants.
func (s *Store) convert(kind string, v Value) Value {
	switch kind {
	case "bool":
		switch x := v.(type) {
		case int64:
			return x != 0
		}
	case "time":
		var t dbTime
		if v != nil && t.Scan(v) == nil && t.Valid {
			return s.d.Time(t.T)
		}
	case "date":
		var t dbTime
		if v != nil && t.Scan(v) == nil && t.Valid {
			return t.T.Format("2006-01-02")
		}
	case "text":
		if b, ok := v.([]byte); ok { // PostgreSQL JSONB arrives as bytes
			return string(b)
		}
	}
	if b, ok := v.(bool); ok && s.d.Name == "sqlite" {
		if b {
			return int64(1)
		}
		return int64(0)
	}
	if t, ok := v.(time.Time); ok {
		return s.d.Time(t)
	}
	return v
}

// Load inserts dumped rows, as next yields them until it returns nil, into
// this (empty) store in one transaction, converting values to the engine's
// column types.
func (s *Store) Load(ctx context.Context, table string, cols []string, next func() ([]Value, error)) (int, error) {
	n := 0
	err := s.Transact(ctx, func(tx *sql.Tx) error {
		if seededTables[table] {
			if _, err := tx.ExecContext(ctx, "DELETE FROM "+table); err != nil {
				return fmt.Errorf("restore %s: %w", table, err)
			}
		}
		kinds, err := s.columnKinds(ctx, tx, table)
		if err != nil {
			return err
		}
		ph := make([]string, len(cols))
		for i := range cols {
			if s.d.Name == "postgres" {
				ph[i] = fmt.Sprintf("$%d", i+1)
			} else {
				ph[i] = "?"
			}
		}
		stmt, err := tx.PrepareContext(ctx, "INSERT INTO "+table+" ("+strings.Join(cols, ", ")+") VALUES ("+strings.Join(ph, ", ")+")")
		if err != nil {
			return fmt.Errorf("restore %s: %w", table, err)
		}
		defer stmt.Close()
		args := make([]any, len(cols))
		for {
			row, err := next()
			if err != nil {
				return err
			}
			if row == nil {
				break
			}
			if len(row) != len(cols) {
				return fmt.Errorf("restore %s: a row has %d values for %d columns", table, len(row), len(cols))
			}
			for i, v := range row {
				args[i] = s.convert(kinds[cols[i]], v)
			}
			if _, err := stmt.ExecContext(ctx, args...); err != nil {
				return fmt.Errorf("restore %s: %w", table, err)
			}
			n++
		}
		if s.d.Name == "postgres" && contains(cols, "id") {
			var seq sql.NullString
			if err := tx.QueryRowContext(ctx, "SELECT pg_get_serial_sequence($1, 'id')", table).Scan(&seq); err != nil {
				return fmt.Errorf("restore %s: %w", table, err)
			}
			if seq.Valid {
				if _, err := tx.ExecContext(ctx, "SELECT setval($1, GREATEST((SELECT max(id) FROM "+table+"), 1))", seq.String); err != nil {
					return fmt.Errorf("restore %s: resetting its id sequence: %w", table, err)
				}
			}
		}
		return nil
	})
	return n, err
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}
