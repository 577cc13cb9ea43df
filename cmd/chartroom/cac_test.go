package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCACSuggest(t *testing.T) {
	data := t.TempDir()
	var file strings.Builder
	for i, l := range [][2]string{{"J189", "Pneumonia, unspecified organism"}, {"I10", "Essential (primary) hypertension"}, {"E119", "Type 2 diabetes mellitus without complications"}} {
		fmt.Fprintf(&file, "%05d %-7s 1 %-60s %s\r\n", i+1, l[0], l[1], l[1])
	}
	saveCodeSet(t, data, 2026, file.String())
	note := filepath.Join(t.TempDir(), "note.txt")
	os.WriteFile(note, []byte("DISCHARGE DIAGNOSES:\n1. Pneumonia.\n2. No evidence of hypertension.\n3. Type 2 diabetes mellitus without complications.\n"), 0o600)
	out, err := run1(t, nil, "cac", "suggest", "--data", data, "--date", "2026-03-09", note)
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 || !strings.HasPrefix(lines[0], "J18.9\t") || !strings.HasPrefix(lines[1], "E11.9\t") || strings.Contains(out, "I10") {
		t.Fatalf("suggestions:\n%s", out)
	}
	if f := strings.Split(lines[0], "\t"); len(f) != 6 || f[5] != "Pneumonia" {
		t.Errorf("columns: %q", f)
	}
	bad := filepath.Join(t.TempDir(), "latin1.txt")
	os.WriteFile(bad, []byte("DIAGNOSES:\n1. Pneumonie \xe0 droite\n"), 0o600)
	if _, err := run1(t, nil, "cac", "suggest", "--data", data, bad); err == nil || !strings.Contains(err.Error(), "UTF-8") {
		t.Errorf("a Latin-1 note: %v", err)
	}
}
