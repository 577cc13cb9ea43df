package codeset

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

const dataDir = "../../shared/data/codesets"

func needData(t testing.TB) string {
	t.Helper()
	if _, err := os.Stat(dataDir); err != nil {
		t.Skipf("shared code set data not found at %s (the repo's parent holds shared/data): %v", dataDir, err)
	}
	return dataDir
}

func TestImportFY2026(t *testing.T) {
	d := needData(t)
	s, err := Import(context.Background(), []string{
		filepath.Join(d, "icd10cm/2026/2026-code-descriptions-tabular-order.zip"),
		filepath.Join(d, "icd10pcs/2026"),
	}, ImportOptions{Progress: func(l string) { t.Log(l) }})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range s.Releases {
		t.Logf("%s %s %s..%s %d", r.ID(), r.Label, r.Effective, r.Until, len(r.Entries))
	}
}
