package sqlite_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chartroom/chartroom/sqlite"
)

// TestCheckpointer checks that commits reach the database file without a
// checkpoint by the writer: the checkpointer copies the log in the
// background.
func TestCheckpointer(t *testing.T) {
	path := filepath.Join(t.TempDir(), "t.db")
	w, r, stop, err := sqlite.Open(path, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer func() { stop(); w.Close(); r.Close() }()
	ctx := context.Background()
	if _, err := w.ExecContext(ctx, "CREATE TABLE t (v TEXT)"); err != nil {
		t.Fatal(err)
	}
	row := strings.Repeat("x", 1000)
	for i := 0; i < 200; i++ {
		if _, err := w.ExecContext(ctx, "INSERT INTO t VALUES (?)", row); err != nil {
			t.Fatal(err)
		}
	}
	deadline := time.Now().Add(5 * time.Second)
	for {
		fi, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Size() >= 200*1000 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("database file is %d bytes after 200 rows of 1,000: the log was not copied into it", fi.Size())
		}
		time.Sleep(50 * time.Millisecond)
	}
}
