// Package storage opens Chartroom's store on the engine a site chose: the
// embedded SQLite database in the data folder by default, or PostgreSQL
// when a DSN is given. It is the one place that knows both engines.
package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/chartroom/chartroom/postgres"
	"github.com/chartroom/chartroom/sqlite"
	"github.com/chartroom/chartroom/sqlstore"
	"github.com/chartroom/chartroom/vault"
)

// Config says where the data lives.
type Config struct {
	DataDir string // the data folder: database (SQLite), blobs, keys
	DSN     string // a postgres:// DSN; empty for SQLite in DataDir
	// MasterKey is the master key provider. When nil, the key is read from
	// the environment variable's value MasterKeyEnv if set, else from
	// DataDir/keys/master.key, created on first start.
	MasterKey    vault.KeyProvider
	MasterKeyEnv string
	Synchronous  string // SQLite synchronous pragma (FULL or NORMAL)
	Logger       *slog.Logger
	Now          func() time.Time
	// Create allows creating a new data folder and master key. Commands
	// that only read (audit verify, backup) leave it false.
	Create bool
	// Restoring opens an empty store for a restore (see sqlstore.Config).
	Restoring bool
}

// Open opens the store. Its errors are one clear sentence about what is
// wrong: an unreachable database, an unwritable data folder, a wrong key.
func Open(ctx context.Context, c Config) (*sqlstore.Store, error) {
	if c.DataDir == "" {
		c.DataDir = "chartroom-data"
	}
	if c.Create {
		if err := os.MkdirAll(c.DataDir, 0o700); err != nil {
			return nil, fmt.Errorf("cannot create the data folder %s: %w", c.DataDir, err)
		}
		probe := filepath.Join(c.DataDir, ".write-test")
		if err := os.WriteFile(probe, nil, 0o600); err != nil {
			return nil, fmt.Errorf("the data folder %s is not writable: %w", c.DataDir, err)
		}
		os.Remove(probe)
	} else if _, err := os.Stat(c.DataDir); err != nil {
		return nil, fmt.Errorf("no data folder at %s: start 'chartroom serve' once to create it, or pass --data", c.DataDir)
	}
	var (
		w, r    *sql.DB
		dialect *sqlstore.Dialect
		relax   *sqlstore.Relax
		stop    func() error // SQLite's checkpointer
		err     error
	)
	if c.DSN != "" {
		if !strings.HasPrefix(c.DSN, "postgres://") && !strings.HasPrefix(c.DSN, "postgresql://") && !strings.Contains(c.DSN, "=") {
			return nil, errors.New("--db must be a PostgreSQL DSN such as postgres://user@host:5432/dbname")
		}
		if w, err = postgres.Open(ctx, c.DSN); err != nil {
			return nil, err
		}
		dialect = postgres.Dialect()
	} else {
		o := sqlite.Options{Synchronous: c.Synchronous}
		if w, r, stop, err = sqlite.Open(filepath.Join(c.DataDir, "chartroom.db"), o); err != nil {
			return nil, err
		}
		dialect, relax = sqlite.Dialect(), sqlite.Relax(o)
	}
	master := c.MasterKey
	if master == nil {
		var err error
		if master, err = loadMaster(c); err != nil {
			closeAll(w, r, stop)
			return nil, err
		}
	}
	s, err := sqlstore.New(ctx, dialect, sqlstore.Config{
		DB: w, ReadDB: r, Master: master, BlobDir: filepath.Join(c.DataDir, "blobs"), Logger: c.Logger, Now: c.Now, Restoring: c.Restoring,
		Relax: relax, OnClose: stop,
	})
	if err != nil {
		closeAll(w, r, stop)
		return nil, err
	}
	return s, nil
}

// closeAll closes what Open opened before it failed.
func closeAll(w, r *sql.DB, stop func() error) {
	if stop != nil {
		stop()
	}
	w.Close()
	if r != nil {
		r.Close()
	}
}

func loadMaster(c Config) (vault.KeyProvider, error) {
	if c.MasterKeyEnv != "" {
		raw, err := vault.ParseKey(c.MasterKeyEnv)
		if err != nil {
			return nil, fmt.Errorf("CHARTROOM_MASTER_KEY: %w", err)
		}
		return vault.NewStaticKey(raw)
	}
	k, created, err := vault.LoadOrCreateKeyFile(filepath.Join(c.DataDir, "keys", "master.key"), c.Create)
	if err != nil {
		return nil, err
	}
	if created && c.Logger != nil {
		c.Logger.Warn("created a new master key in the data folder; keep a copy apart from the data and backups, or supply it with CHARTROOM_MASTER_KEY", "path", filepath.Join(c.DataDir, "keys", "master.key"))
	}
	return k, nil
}
