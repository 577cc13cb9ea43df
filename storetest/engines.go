// Package storetest is the conformance suite that every storage engine
// passes, and the helpers other packages' tests use to get a fresh store on
// each engine. SQLite always runs; PostgreSQL runs when
// CHARTROOM_TEST_POSTGRES holds a DSN, each test in a schema of its own.
package storetest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chartroom/chartroom/sqlstore"
	"github.com/chartroom/chartroom/storage"
	"github.com/chartroom/chartroom/vault"
	_ "github.com/jackc/pgx/v5/stdlib"
)

// Engine is one storage engine to test.
type Engine struct {
	Name string
	// Open returns a new, empty store whose data folder and schema are
	// removed when the test ends.
	Open func(t testing.TB) *sqlstore.Store
	// Config returns the storage config of a new, empty store, for tests
	// that open the store themselves (the CLI, backups).
	Config func(t testing.TB) storage.Config
}

// TestKey is a fixed master key for tests.
func TestKey(t testing.TB) vault.KeyProvider {
	k, err := vault.NewStaticKey([]byte("0123456789abcdef0123456789abcdef"))
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// Engines returns SQLite, and PostgreSQL when CHARTROOM_TEST_POSTGRES is set.
// Without it, PostgreSQL is skipped with a message saying so.
func Engines(t testing.TB) []Engine {
	es := []Engine{{Name: "sqlite", Config: sqliteConfig}}
	if dsn := os.Getenv("CHARTROOM_TEST_POSTGRES"); dsn != "" {
		es = append(es, Engine{Name: "postgres", Config: func(t testing.TB) storage.Config { return postgresConfig(t, dsn) }})
	} else {
		t.Logf("PostgreSQL engine skipped: set CHARTROOM_TEST_POSTGRES=postgres://postgres@127.0.0.1:5432/test to run it")
	}
	for i := range es {
		cfg := es[i].Config
		es[i].Open = func(t testing.TB) *sqlstore.Store {
			t.Helper()
			c := cfg(t)
			c.MasterKey = TestKey(t)
			s, err := storage.Open(context.Background(), c)
			if err != nil {
				t.Fatalf("open store: %v", err)
			}
			t.Cleanup(func() { s.Close() })
			return s
		}
	}
	return es
}

// ForEach runs fn as a subtest on a fresh store of each engine.
func ForEach(t *testing.T, fn func(t *testing.T, s *sqlstore.Store)) {
	for _, e := range Engines(t) {
		t.Run(e.Name, func(t *testing.T) { fn(t, e.Open(t)) })
	}
}

func sqliteConfig(t testing.TB) storage.Config {
	return storage.Config{DataDir: t.TempDir(), Create: true, Synchronous: "NORMAL"}
}

// postgresConfig makes a schema of its own for the test and a DSN whose
// search_path is that schema. The schema is dropped when the test ends.
func postgresConfig(t testing.TB, dsn string) storage.Config {
	t.Helper()
	b := make([]byte, 6)
	rand.Read(b)
	schema := "t_" + hex.EncodeToString(b)
	admin, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatalf("CHARTROOM_TEST_POSTGRES: %v", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if _, err := admin.ExecContext(ctx, "CREATE SCHEMA "+schema); err != nil {
		admin.Close()
		t.Fatalf("CHARTROOM_TEST_POSTGRES: cannot create a test schema: %v", err)
	}
	t.Cleanup(func() {
		admin.Exec("DROP SCHEMA " + schema + " CASCADE")
		admin.Close()
	})
	return storage.Config{DataDir: t.TempDir(), Create: true, DSN: withSearchPath(dsn, schema)}
}

func withSearchPath(dsn, schema string) string {
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		u, err := url.Parse(dsn)
		if err == nil {
			q := u.Query()
			q.Set("search_path", schema)
			u.RawQuery = q.Encode()
			return u.String()
		}
	}
	return fmt.Sprintf("%s search_path=%s", dsn, schema)
}
