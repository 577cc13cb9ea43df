package main

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runCodesTest runs chartroom with args and returns stdout, stderr and the error.
func runCodesTest(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	var out, errb bytes.Buffer
	env := &Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" }}
	err := run(context.Background(), env, args)
	return out.String(), errb.String(), err
}

// fakeOrder builds a fictitious order file in the official layout.
func fakeOrder(rows ...[3]string) string {
	var b strings.Builder
	for i, r := range rows {
		fmt.Fprintf(&b, "%05d %-7s %s %-60s %s\r\n", i+1, r[0], r[1], r[2], r[2])
	}
	return b.String()
}

func TestCodesCLI(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	if _, errOut, err := runCodesTest(t, "codes", "search", "--data", data, "anything"); err == nil || !strings.Contains(err.Error(), "codes import") {
		t.Fatalf("empty archive: err %v stderr %s, want advice to import", err, errOut)
	}
	order := filepath.Join(dir, "order_2030.txt")
	os.WriteFile(order, []byte(fakeOrder(
		[3]string{"Q98", "0", "Imaginary disorder"},
		[3]string{"Q980", "1", "Imaginary disorder of the left elbow"},
		[3]string{"Q981", "1", "Imaginary disorder of the right elbow"},
	)), 0o644)
	if _, errOut, err := runCodesTest(t, "codes", "import", "--data", data, order); err != nil || !strings.Contains(errOut, "release icd10cm FY2030") {
		t.Fatalf("import: %v\n%s", err, errOut)
	}
	out, _, err := runCodesTest(t, "codes", "search", "--data", data, "--date", "2030-01-01", "imaginery", "left")
	if err != nil || !strings.HasPrefix(out, "Q98.0\tImaginary disorder of the left elbow\t") {
		t.Fatalf("search: %v\n%q", err, out)
	}
	batch := filepath.Join(dir, "q.txt")
	os.WriteFile(batch, []byte("right elbow\n\nQ98\n"), 0o644)
	out, _, err = runCodesTest(t, "codes", "search", "--data", data, "--date", "2030-01-01", "--batch", batch, "--limit", "1")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if err != nil || len(lines) != 2 || !strings.HasPrefix(lines[0], "1\tQ98.1\tImaginary disorder of the right elbow\t") || !strings.HasPrefix(lines[1], "3\tQ98.0\t") {
		t.Fatalf("batch: %v\n%q", err, out)
	}
	if _, _, err := runCodesTest(t, "codes", "validate", "--data", data, "--date", "2030-01-01", "Q98"); err == nil {
		t.Error("validate of a header code exited 0")
	}
	if out, _, err := runCodesTest(t, "codes", "validate", "--data", data, "--date", "2030-01-01", "Q98.0"); err != nil || !strings.HasPrefix(out, "ok") {
		t.Errorf("validate Q98.0: %v %q", err, out)
	}
	if out, _, err := runCodesTest(t, "codes", "show", "--data", data, "--date", "2030-01-01", "Q98"); err != nil || !strings.Contains(out, "header, not billable") || !strings.Contains(out, "Q98.1") {
		t.Errorf("show: %v %q", err, out)
	}
	if _, _, err := runCodesTest(t, "codes", "search", "--data", data, "--db", "postgres://nobody@127.0.0.1:1/none", "q"); err == nil || !strings.Contains(err.Error(), "cannot reach PostgreSQL") {
		t.Errorf("--db: %v", err)
	}
	// a bad file loads nothing and names the line
	bad := filepath.Join(dir, "bad_2031.txt")
	os.WriteFile(bad, []byte(fakeOrder([3]string{"Q99", "1", "Another"})+"00002 Q991 X broken\r\n"), 0o644)
	if _, _, err := runCodesTest(t, "codes", "import", "--data", data, bad); err == nil || !strings.Contains(err.Error(), "bad_2031.txt:2") {
		t.Errorf("bad import: %v", err)
	}
	if out, _, _ := runCodesTest(t, "codes", "list", "--data", data); strings.Count(out, "\n") != 1 {
		t.Errorf("after a failed import the archive lists %q", out)
	}
	for _, v := range []string{"import", "fetch", "list", "search", "show", "validate", "diff", "build"} {
		if out, _, err := runCodesTest(t, "codes", v, "--help"); err == nil || !strings.Contains(out, "Usage: chartroom codes "+v) {
			t.Errorf("codes %s --help: %v %q", v, err, out)
		}
	}
}

// TestCodesFetch serves the shared official files from a loopback server.
func TestCodesFetch(t *testing.T) {
	shared := "../../../shared/data/codesets"
	if _, err := os.Stat(shared); err != nil {
		t.Skipf("shared code set data not found at %s: %v", shared, err)
	}
	files := map[string]string{
		"/2026-code-descriptions-tabular-order.zip":                   "icd10cm/2026/2026-code-descriptions-tabular-order.zip",
		"/2026-icd-10-pcs-order-file-long-and-abbreviated-titles.zip": "icd10pcs/2026/2026-icd-10-pcs-order-file-long-and-abbreviated-titles.zip",
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p, ok := files[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		http.ServeFile(w, r, filepath.Join(shared, p))
	}))
	defer srv.Close()
	data := t.TempDir()
	_, errOut, err := runCodesTest(t, "codes", "fetch", "--data", data, "--year", "2026", "--base-url", srv.URL)
	if err != nil {
		t.Fatalf("fetch: %v\n%s", err, errOut)
	}
	if !strings.Contains(errOut, "100%") || !strings.Contains(errOut, "skip 2026-icd-10-pcs-code-tables-and-index.zip") {
		t.Errorf("fetch progress: %s", errOut)
	}
	out, _, err := runCodesTest(t, "codes", "diff", "--data", data, "2025", "2026")
	if err != nil || !strings.Contains(out, "added\tB88.01\tInfestation by Demodex mites") {
		t.Errorf("diff: %v %.300s", err, out)
	}
	out, _, err = runCodesTest(t, "codes", "search", "--data", data, "--date", "2026-01-15", "--limit", "3", "E11.2")
	if err != nil || !strings.HasPrefix(out, "E11.2") {
		t.Errorf("prefix search: %v %q", err, out)
	}
}
