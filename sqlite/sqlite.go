// Package sqlite is Chartroom's embedded storage engine: a SQLite database in
// the data folder, through the pure-Go modernc.org/sqlite driver. It owns
// its SQL and migrations and hands them to package sqlstore, which holds the
// logic both engines share.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/chartroom/chartroom/sqlstore"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Options tune the engine.
type Options struct {
	// Synchronous is SQLite's synchronous pragma: "FULL" (the default)
	// makes every commit survive power loss; "NORMAL" survives a crash of
	// the program but may lose the last commits on power loss.
	Synchronous string
}

// Open opens (creating if needed) the database file at path, with WAL,
// foreign keys and a busy timeout. It returns a write pool of one
// connection, whose transactions take the write lock at BEGIN, a read pool
// for everything else, and stop, which ends the checkpointer: a connection
// of its own copies the write-ahead log into the database in the
// background, so that the checkpoint SQLite runs in the commit that brings
// the log to 1,000 pages (which lets the log start again from its
// beginning) finds little left to copy, instead of keeping that commit's
// callers waiting for tens of milliseconds. Call stop before closing the
// pools.
func Open(path string, o Options) (w, r *sql.DB, stop func() error, err error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, nil, nil, fmt.Errorf("cannot create the data folder: %w", err)
	}
	sync := strings.ToUpper(o.Synchronous)
	if sync == "" {
		sync = "FULL"
	}
	if sync != "FULL" && sync != "NORMAL" && sync != "EXTRA" {
		return nil, nil, nil, fmt.Errorf("synchronous must be FULL, NORMAL or EXTRA, not %q", o.Synchronous)
	}
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(15000)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "synchronous("+sync+")")
	q.Add("_pragma", "cache_size(-65536)")
	dsn := "file:" + path + "?" + q.Encode()
	w, err = sql.Open("sqlite", dsn+"&_txlock=immediate")
	if err != nil {
		return nil, nil, nil, err
	}
	w.SetMaxOpenConns(1)
	w.SetConnMaxIdleTime(0)
	if err := w.PingContext(context.Background()); err != nil {
		w.Close()
		return nil, nil, nil, fmt.Errorf("cannot open the database %s: %w", path, err)
	}
	r, err = sql.Open("sqlite", dsn+"&mode=ro")
	if err != nil {
		w.Close()
		return nil, nil, nil, err
	}
	r.SetMaxOpenConns(max(4, 2*runtime.GOMAXPROCS(0)))
	r.SetMaxIdleConns(max(4, 2*runtime.GOMAXPROCS(0)))
	c, err := sql.Open("sqlite", dsn)
	if err != nil {
		w.Close()
		r.Close()
		return nil, nil, nil, err
	}
	c.SetMaxOpenConns(1)
	return w, r, checkpoint(c), nil
}

// checkpointEvery is how often the checkpointer looks for log to copy.
const checkpointEvery = 200 * time.Millisecond

// restartFrames is the log size (in frames of a page) past which the
// checkpointer restarts the log even if it must hold writers back for it:
// copying alongside a steady stream of commits may never catch the log
// whole, and only a log caught whole starts again from its beginning.
const restartFrames = 64 << 10

// checkpoint copies the write-ahead log into the database every
// checkpointEvery on c, alongside the writer (PASSIVE), until stopped.
func checkpoint(c *sql.DB) (stop func() error) {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(checkpointEvery)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			}
			var busy, frames, copied int
			// An error (the database busy) is tried again at the next tick.
			if c.QueryRowContext(ctx, "PRAGMA wal_checkpoint(PASSIVE)").Scan(&busy, &frames, &copied) == nil && frames > restartFrames {
				c.ExecContext(ctx, "PRAGMA wal_checkpoint(RESTART)")
			}
		}
	}()
	return func() error {
		cancel()
		<-done
		return c.Close()
	}
}

// Relax returns how the store commits redoable writes without waiting for
// the disk when o asks for FULL: at NORMAL, which still writes the
// write-ahead log in order, so the next FULL commit's sync covers them. It
// returns nil for NORMAL (nothing to relax) and EXTRA.
func Relax(o Options) *sqlstore.Relax {
	if s := strings.ToUpper(o.Synchronous); s != "" && s != "FULL" {
		return nil
	}
	return &sqlstore.Relax{Before: "PRAGMA synchronous(NORMAL)", After: "PRAGMA synchronous(FULL)"}
}

// Dialect returns the SQLite dialect for package sqlstore.
func Dialect() *sqlstore.Dialect {
	sub, _ := fs.Sub(migrations, "migrations")
	return &sqlstore.Dialect{
		Name:            "sqlite",
		Migrations:      sub,
		Q:               &queries,
		Audit:           &auditQueries,
		FindPatients:    findPatients,
		FindEncounters:  findEncounters,
		FindDocuments:   findDocuments,
		FindProviders:   findProviders,
		InsertInbound:   insertInbound,
		Time:            func(t time.Time) any { return sqlstore.TimeText(t) },
		IsUnique:        isUnique,
		SplitStatements: sqlstore.SplitSQL,
	}
}

func isUnique(err error) bool {
	var se *sqlite.Error
	if errors.As(err, &se) {
		return se.Code() == sqlite3.SQLITE_CONSTRAINT_UNIQUE || se.Code() == sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY
	}
	return false
}
