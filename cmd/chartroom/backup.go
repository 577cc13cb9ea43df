package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"github.com/chartroom/chartroom/audit"
	"github.com/chartroom/chartroom/backup"
	"github.com/chartroom/chartroom/storage"
	"github.com/chartroom/chartroom/vault"
)

func init() {
	register(&command{name: "backup", summary: "write an encrypted snapshot of the database and blobs", run: runBackup})
	register(&command{name: "restore", summary: "restore a snapshot into an empty data folder or database", run: runRestore})
	register(&command{name: "keys", summary: "manage the master key (rotate)", run: runKeys})
}

// masterKey finds the master key: --master-key-file, else
// CHARTROOM_MASTER_KEY, else DATA/keys/master.key.
func masterKey(env *Env, file, data string) (vault.KeyProvider, error) {
	if file != "" {
		k, _, err := vault.LoadOrCreateKeyFile(file, false)
		return k, err
	}
	if v := env.Getenv("CHARTROOM_MASTER_KEY"); v != "" {
		raw, err := vault.ParseKey(v)
		if err != nil {
			return nil, fmt.Errorf("CHARTROOM_MASTER_KEY: %w", err)
		}
		return vault.NewStaticKey(raw)
	}
	k, _, err := vault.LoadOrCreateKeyFile(filepath.Join(data, "keys", "master.key"), false)
	if err != nil {
		return nil, errors.New("no master key: give --master-key-file or CHARTROOM_MASTER_KEY (the key the data was written under)")
	}
	return k, nil
}

func runBackup(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "backup", "backup [--data DIR] [--db DSN] --out FILE", `
Write a consistent snapshot of the whole record (every table and every blob)
to FILE while 'serve' keeps running. The snapshot is encrypted with a key
that the master key wraps and checksummed end to end; restore it with
'chartroom restore', onto SQLite or PostgreSQL.`)
	var sf storeFlags
	sf.register(fs, env)
	out := fs.String("out", "", "the file to write (required)")
	if err := parseFlags(env, fs, args); err != nil {
		return err
	}
	if *out == "" {
		return errors.New("--out FILE is required")
	}
	log := slog.New(slog.NewJSONHandler(env.Stderr, nil))
	s, err := sf.open(ctx, env, log, false)
	if err != nil {
		return err
	}
	defer s.Close()
	master, err := masterKey(env, "", sf.data)
	if err != nil {
		return err
	}
	tmp := *out + ".partial"
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	start := time.Now()
	st, err := backup.Write(ctx, s, master, f, func(table string, rows int) {
		fmt.Fprintf(env.Stderr, "backup: %-22s %9d\n", table, rows)
	})
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(tmp)
		return err
	}
	if err := os.Rename(tmp, *out); err != nil {
		return err
	}
	if err := recordCLI(ctx, env, s, sf.data, audit.Entry{Action: audit.Export, ObjectType: "backup", Detail: fmt.Sprintf("backup of %d rows and %d blobs", st.Rows, st.Blobs)}); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "wrote %s: %d tables, %d rows, %d blobs, %d bytes in %v\n", *out, st.Tables, st.Rows, st.Blobs, st.Bytes, time.Since(start).Round(time.Millisecond))
	return nil
}

func runRestore(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "restore", "restore --in FILE --data DIR [--db DSN] [--master-key-file F]", `
Restore a snapshot written by 'chartroom backup' into an empty data folder
(SQLite) or an empty PostgreSQL database (--db). This is also how a site
moves from SQLite to PostgreSQL. The master key must be the one the backup
was written under. A corrupt or truncated file is refused and nothing is
left half-restored in the data folder.`)
	var sf storeFlags
	sf.register(fs, env)
	in := fs.String("in", "", "the backup file (required)")
	keyFile := fs.String("master-key-file", "", "the master key file the backup was written under")
	if err := parseFlags(env, fs, args); err != nil {
		return err
	}
	if *in == "" {
		return errors.New("--in FILE is required")
	}
	if sf.db == "" {
		if _, err := os.Stat(filepath.Join(sf.data, "chartroom.db")); err == nil {
			return fmt.Errorf("%s already holds a database: restore into an empty data folder", sf.data)
		}
	}
	master, err := masterKey(env, *keyFile, sf.data)
	if err != nil {
		return err
	}
	f, err := os.Open(*in)
	if err != nil {
		return err
	}
	defer f.Close()
	newFolder := false
	if _, err := os.Stat(sf.data); errors.Is(err, os.ErrNotExist) {
		newFolder = true
	}
	log := slog.New(slog.NewJSONHandler(env.Stderr, nil))
	s, err := storage.Open(ctx, storage.Config{DataDir: sf.data, DSN: sf.db, MasterKey: master, Create: true, Restoring: true, Logger: log})
	if err != nil {
		return err
	}
	st, err := backup.Restore(ctx, f, s, master, func(table string, rows int) {
		fmt.Fprintf(env.Stderr, "restore: %-22s %9d\n", table, rows)
	})
	s.Close()
	if err != nil {
		if newFolder && sf.db == "" {
			os.RemoveAll(sf.data)
		}
		return fmt.Errorf("restore failed, nothing was kept: %w", err)
	}
	if *keyFile != "" {
		if b, err := os.ReadFile(*keyFile); err == nil {
			os.MkdirAll(filepath.Join(sf.data, "keys"), 0o700)
			os.WriteFile(filepath.Join(sf.data, "keys", "master.key"), b, 0o600)
		}
	}
	fmt.Fprintf(env.Stdout, "restored %d tables, %d rows, %d blobs into %s\n", st.Tables, st.Rows, st.Blobs, target(sf))
	return nil
}

func target(sf storeFlags) string {
	if sf.db != "" {
		return "PostgreSQL"
	}
	return sf.data
}

func runKeys(ctx context.Context, env *Env, args []string) error {
	return dispatch(ctx, env, "keys", map[string]verb{
		"rotate": {"re-wrap the data keys with a new master key", keysRotate},
	}, args)
}

func keysRotate(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "keys rotate", "keys rotate [--data DIR] [--db DSN] --new-key-file FILE", `
Re-wrap every data key with a new master key, in one transaction, without
downtime: encrypted data is not rewritten. The new key is read from FILE
(created with a random key if it does not exist). Give the new key to every
serve node (CHARTROOM_MASTER_KEY or DATA/keys/master.key) before restarting
them; running nodes keep working with the keys they hold.`)
	var sf storeFlags
	sf.register(fs, env)
	newFile := fs.String("new-key-file", "", "file holding the new master key (created if missing)")
	if err := parseFlags(env, fs, args); err != nil {
		return err
	}
	if *newFile == "" {
		return errors.New("--new-key-file is required")
	}
	next, created, err := vault.LoadOrCreateKeyFile(*newFile, true)
	if err != nil {
		return err
	}
	s, err := sf.open(ctx, env, slog.New(slog.NewJSONHandler(env.Stderr, nil)), false)
	if err != nil {
		return err
	}
	defer s.Close()
	n, err := s.RotateMasterKey(ctx, next)
	if err != nil {
		return err
	}
	if err := recordCLI(ctx, env, s, sf.data, audit.Entry{Action: audit.ConfigChange, ObjectType: "keys", Detail: "master key rotated to " + next.ID()}); err != nil {
		return err
	}
	if env.Getenv("CHARTROOM_MASTER_KEY") == "" {
		// The data folder's key file follows the rotation.
		b, err := os.ReadFile(*newFile)
		if err == nil {
			err = os.WriteFile(filepath.Join(sf.data, "keys", "master.key"), b, 0o600)
		}
		if err != nil {
			return fmt.Errorf("data keys are re-wrapped, but the key file in the data folder was not updated: %w; copy %s there", err, *newFile)
		}
	}
	msg := "used"
	if created {
		msg = "created"
	}
	fmt.Fprintf(env.Stdout, "re-wrapped %d data keys with the new master key %s (%s %s)\n", n, next.ID(), msg, *newFile)
	return nil
}
