package storetest_test

import (
	"slices"
	"testing"

	"github.com/chartroom/chartroom/sqlstore"
	"github.com/chartroom/chartroom/storetest"
)

// TestBackupCoversEveryTable fails when a migration adds a table that
// backups do not carry (or do not knowingly leave out).
func TestBackupCoversEveryTable(t *testing.T) {
	left := []string{"schema_migrations", "sessions", "audit_head", "sqlite_sequence"}
	storetest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		q := `SELECT name FROM sqlite_master WHERE type = 'table'`
		if s.Engine() == "postgres" {
			q = `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`
		}
		rows, err := s.DB().QueryContext(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		carried := s.AllTables(ctx)
		for rows.Next() {
			var name string
			rows.Scan(&name)
			if !slices.Contains(carried, name) && !slices.Contains(left, name) {
				t.Errorf("table %s is not in backups (sqlstore.Tables) nor knowingly left out", name)
			}
		}
	})
}
