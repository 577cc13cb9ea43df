// Package sqlstore implements Chartroom's services over database/sql. It
// holds the Go logic shared by the storage engines: transactions, encryption
// of sensitive columns, scanning and paging. The SQL itself lives in each
// engine's package (sqlite, postgres), which hands it over as a Dialect, so
// every statement an engine runs is visible in that engine's own code.
package sqlstore

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/chartroom/chartroom"
	"github.com/chartroom/chartroom/blob"
	"github.com/chartroom/chartroom/vault"
)

// Dialect is what an engine gives the shared store: its statements, its
// migrations and the few conversions that differ between engines.
type Dialect struct {
	Name       string
	Migrations fs.FS // numbered NNNN_name.sql files
	Q          *Queries
	Audit      *AuditQueries

	// Builders for the list queries whose WHERE clause depends on the filter.
	FindPatients   func(f chartroom.PatientFilter, c chartroom.Cursor, limit int) (string, []any)
	FindEncounters func(f chartroom.EncounterFilter, c chartroom.Cursor, limit int) (string, []any)
	FindDocuments  func(f chartroom.DocumentFilter, c chartroom.Cursor, limit int) (string, []any)
	FindProviders  func(f chartroom.ProviderFilter, c chartroom.Cursor, limit int) (string, []any)
	// InsertInbound stores rows interface messages in one statement (12
	// arguments a row, in the order of the table's columns), skipping those
	// seen before, and returns id, sending_app, sending_facility and
	// control_id of each one stored.
	InsertInbound func(rows int) string

	// Time converts a time for a statement argument.
	Time func(time.Time) any
	// IsUnique reports whether err is a unique-constraint violation.
	IsUnique func(error) bool
	// SplitStatements splits a migration file into statements, or returns
	// it whole when the driver runs several statements at once.
	SplitStatements func(string) []string
}

// Store is the database: it implements the service interfaces of package
// chartroom. Create one with New.
type Store struct {
	d       *Dialect
	q       *Queries
	db      *sql.DB // writes (and reads, unless rdb is set)
	rdb     *sql.DB // reads; SQLite keeps a separate pool so readers never queue behind the writer
	vault   *vault.Vault
	blobs   blob.Store
	log     *slog.Logger
	now     func() time.Time
	master  vault.KeyProvider
	blobDir string
	stmtMu  sync.Mutex
	stmts   map[string]*sql.Stmt // statements on the hot path, prepared once
	relax   *Relax
	onClose func() error
}

// Relax is how an engine commits redoable writes (chartroom.WithRedoable)
// without waiting for the disk: SQLite at synchronous=FULL switches the
// write connection to NORMAL around such a transaction. A later commit at
// FULL syncs the write-ahead log, and with it every commit before it.
type Relax struct {
	// Before runs on the write connection before the transaction; After
	// restores the configured durability.
	Before, After string
}

// Config is what New needs besides the dialect.
type Config struct {
	DB, ReadDB *sql.DB
	Master     vault.KeyProvider
	BlobDir    string // where blobs are kept; the store encrypts them with its vault
	Logger     *slog.Logger
	Now        func() time.Time // the clock; time.Now when nil
	// Restoring opens the store without data keys: a restore brings its
	// own, then calls OpenVault.
	Restoring bool
	// Relax, when set, commits redoable writes without waiting for the disk.
	Relax *Relax
	// OnClose, when set, runs first when the store is closed (SQLite's
	// checkpointer stops).
	OnClose func() error
}

// New opens the store: it applies pending migrations and unwraps the data
// keys, creating them on a new database.
func New(ctx context.Context, d *Dialect, c Config) (*Store, error) {
	s := &Store{d: d, q: d.Q, db: c.DB, rdb: c.ReadDB, log: c.Logger, now: c.Now, master: c.Master, relax: c.Relax, onClose: c.OnClose}
	if s.rdb == nil {
		s.rdb = s.db
	}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	if s.now == nil {
		s.now = time.Now
	}
	if err := s.Migrate(ctx); err != nil {
		return nil, err
	}
	s.blobDir = c.BlobDir
	if c.Restoring {
		return s, nil
	}
	if err := s.OpenVault(ctx); err != nil {
		return nil, err
	}
	return s, nil
}

// OpenVault unwraps the data keys (creating them on a new database) and
// opens the blob store. New calls it; a restore calls it after loading the
// keys it brought.
func (s *Store) OpenVault(ctx context.Context) error {
	if err := s.openVault(ctx); err != nil {
		return err
	}
	if c := s.blobDir; c != "" {
		d, err := blob.NewDir(c, s.vault)
		if err != nil {
			return err
		}
		s.blobs = d
	}
	return nil
}

// Engine names the engine: "sqlite" or "postgres".
func (s *Store) Engine() string { return s.d.Name }

// DB returns the write pool, for engine-specific tools such as backup.
func (s *Store) DB() *sql.DB { return s.db }

// Vault returns the store's vault.
func (s *Store) Vault() *vault.Vault { return s.vault }

// Blobs returns the store's blob store.
func (s *Store) Blobs() blob.Store { return s.blobs }

// prepared returns query prepared on the write pool, preparing it on first
// use; a transaction uses it through Tx.StmtContext, which reuses the
// connection's statement instead of parsing the SQL again.
func (s *Store) prepared(ctx context.Context, query string) (*sql.Stmt, error) {
	s.stmtMu.Lock()
	defer s.stmtMu.Unlock()
	if st, ok := s.stmts[query]; ok {
		return st, nil
	}
	st, err := s.db.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	if s.stmts == nil {
		s.stmts = map[string]*sql.Stmt{}
	}
	s.stmts[query] = st
	return st, nil
}

// Close closes the pools.
func (s *Store) Close() error {
	if s.onClose != nil {
		s.onClose()
	}
	s.stmtMu.Lock()
	for _, st := range s.stmts {
		st.Close()
	}
	s.stmts = nil
	s.stmtMu.Unlock()
	err := s.db.Close()
	if s.rdb != s.db {
		if e := s.rdb.Close(); err == nil {
			err = e
		}
	}
	return err
}

// Ping checks that the database answers.
func (s *Store) Ping(ctx context.Context) error { return s.db.PingContext(ctx) }

// Transact runs fn in a transaction, committing when fn returns nil.
func (s *Store) Transact(ctx context.Context, fn func(tx *sql.Tx) error) error {
	if s.relax != nil && chartroom.Redoable(ctx) {
		return s.transactRelaxed(ctx, fn)
	}
	tx, err := s.db.BeginTx(ctx, nil)
	return inTx(tx, err, fn)
}

// inTx runs fn in a begun transaction and commits it; an error from fn
// rolls it back and is returned as it is.
func inTx(tx *sql.Tx, err error, fn func(tx *sql.Tx) error) error {
	if err != nil {
		return unavailable(err)
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return unavailable(err)
	}
	return nil
}

// transactRelaxed is Transact for redoable writes: on the write connection
// switched to commits that do not wait for the disk, and back after.
func (s *Store) transactRelaxed(ctx context.Context, fn func(tx *sql.Tx) error) error {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return unavailable(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, s.relax.Before); err != nil {
		return unavailable(err)
	}
	defer func() {
		if _, err := conn.ExecContext(context.WithoutCancel(ctx), s.relax.After); err != nil {
			// A connection left relaxed would weaken every later commit:
			// throw it away.
			s.log.Error("restoring the write connection's durability", "err", err.Error())
			conn.Raw(func(any) error { return driver.ErrBadConn })
		}
	}()
	tx, err := conn.BeginTx(ctx, nil)
	return inTx(tx, err, fn)
}

func unavailable(err error) error {
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	return &chartroom.Error{Kind: chartroom.KindUnavailable, Message: "the database is unavailable", Err: err}
}

// Migrate applies the migrations that have not been applied, each in its own
// transaction, in order of their numbers.
func (s *Store) Migrate(ctx context.Context) error {
	if _, err := s.db.ExecContext(ctx, s.q.CreateMigrations); err != nil {
		return fmt.Errorf("cannot reach the database to migrate it: %w", err)
	}
	names, err := fs.Glob(s.d.Migrations, "*.sql")
	if err != nil {
		return err
	}
	sort.Strings(names)
	applied := map[int]bool{}
	rows, err := s.db.QueryContext(ctx, s.q.SelectMigrations)
	if err != nil {
		return fmt.Errorf("reading applied migrations: %w", err)
	}
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			rows.Close()
			return err
		}
		applied[v] = true
	}
	rows.Close()
	for _, name := range names {
		n, err := strconv.Atoi(strings.SplitN(name, "_", 2)[0])
		if err != nil {
			return fmt.Errorf("migration %s: name must start with its number", name)
		}
		if applied[n] {
			continue
		}
		body, err := fs.ReadFile(s.d.Migrations, name)
		if err != nil {
			return err
		}
		err = s.Transact(ctx, func(tx *sql.Tx) error {
			for _, stmt := range s.d.SplitStatements(string(body)) {
				if _, err := tx.ExecContext(ctx, stmt); err != nil {
					return fmt.Errorf("migration %s failed: %w", name, err)
				}
			}
			_, err := tx.ExecContext(ctx, s.q.InsertMigration, n, s.d.Time(s.now().UTC()))
			return err
		})
		if err != nil {
			return err
		}
		s.log.Info("applied migration", "engine", s.d.Name, "migration", name)
	}
	return nil
}

// SplitSQL splits a migration into statements at semicolons that end a line,
// dropping comment-only lines. Engines whose driver runs one statement per
// call use it.
func SplitSQL(body string) []string {
	var out []string
	var cur strings.Builder
	for _, line := range strings.Split(body, "\n") {
		t := strings.TrimSpace(line)
		if t == "" || strings.HasPrefix(t, "--") {
			continue
		}
		cur.WriteString(line)
		cur.WriteByte('\n')
		if strings.HasSuffix(t, ";") {
			out = append(out, cur.String())
			cur.Reset()
		}
	}
	if strings.TrimSpace(cur.String()) != "" {
		out = append(out, cur.String())
	}
	return out
}

func (s *Store) openVault(ctx context.Context) error {
	if s.master == nil {
		return errors.New("no master key: the store needs one to encrypt health information")
	}
	keys, err := s.dataKeys(ctx)
	if err != nil {
		return err
	}
	if len(keys) == 0 {
		keys, err = vault.NewKeys(s.master, 1)
		if err != nil {
			return err
		}
		err = s.Transact(ctx, func(tx *sql.Tx) error {
			for _, k := range keys {
				if _, err := tx.ExecContext(ctx, s.q.InsertDataKey, int64(k.ID), k.Purpose, k.Wrapped, k.MasterID, k.Active, s.d.Time(s.now().UTC())); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("storing new data keys: %w", err)
		}
	}
	v, err := vault.Open(s.master, keys)
	if err != nil {
		return err
	}
	s.vault = v
	return nil
}

func (s *Store) dataKeys(ctx context.Context) ([]vault.DataKey, error) {
	rows, err := s.db.QueryContext(ctx, s.q.SelectDataKeys)
	if err != nil {
		return nil, fmt.Errorf("reading data keys: %w", err)
	}
	defer rows.Close()
	var keys []vault.DataKey
	for rows.Next() {
		var k vault.DataKey
		var id int64
		if err := rows.Scan(&id, &k.Purpose, &k.Wrapped, &k.MasterID, &k.Active); err != nil {
			return nil, err
		}
		k.ID = uint32(id)
		keys = append(keys, k)
	}
	return keys, rows.Err()
}

// RotateMasterKey re-wraps every data key with next in one transaction.
// Encrypted data is untouched, so rotation needs no downtime; nodes still
// holding the old master key keep working with the data keys they have
// unwrapped until they restart with the new one.
func (s *Store) RotateMasterKey(ctx context.Context, next vault.KeyProvider) (int, error) {
	keys, err := s.dataKeys(ctx)
	if err != nil {
		return 0, err
	}
	re, err := vault.Rewrap(keys, s.master, next)
	if err != nil {
		return 0, err
	}
	err = s.Transact(ctx, func(tx *sql.Tx) error {
		for _, k := range re {
			if _, err := tx.ExecContext(ctx, s.q.UpdateDataKey, k.Wrapped, k.MasterID, int64(k.ID)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	s.master = next
	return len(re), nil
}

// now returns the store's clock in UTC, truncated to microseconds, which both
// engines keep exactly.
func (s *Store) clock() time.Time { return s.now().UTC().Truncate(time.Microsecond) }
