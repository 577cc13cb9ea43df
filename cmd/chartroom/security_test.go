package main

import (
	"bytes"
	"context"
	"errors"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chartroom/chartroom"
	"github.com/chartroom/chartroom/audit"
	"github.com/chartroom/chartroom/roi"
	"github.com/chartroom/chartroom/storage"
	"github.com/chartroom/chartroom/storetest"
	"github.com/chartroom/chartroom/vault"
)

// run1 runs a chartroom command and returns its output.
func run1(t *testing.T, env map[string]string, args ...string) (string, error) {
	t.Helper()
	var out, errb bytes.Buffer
	e := &Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Getenv: func(k string) string { return env[k] }}
	err := run(context.Background(), e, args)
	return out.String() + errb.String(), err
}

const (
	secretSSN      = "078-05-1120"
	secretSSNBare  = "078051120"
	secretSentence = "The patient confided a fictitious secret about the lighthouse keeper."
)

// TestPlaintextAbsent stores a known SSN and a known sentence, then looks
// for them in every file under the data folder, in a backup, and in a
// PostgreSQL dump. None may hold them.
func TestPlaintextAbsent(t *testing.T) {
	for _, e := range storetest.Engines(t) {
		t.Run(e.Name, func(t *testing.T) {
			cfg := e.Config(t)
			s, err := storage.Open(context.Background(), cfg)
			if err != nil {
				t.Fatal(err)
			}
			p, enc, _ := storetest.Seed(t, s)
			p.SSN = secretSSNBare
			p.Addresses = []chartroom.Address{{Line1: "1 Lighthouse Lane", City: "Port Alder", State: "ME", Postal: "04101"}}
			if err := s.UpdatePatient(context.Background(), p); err != nil {
				t.Fatal(err)
			}
			if err := s.CreateDocument(context.Background(), &chartroom.Document{PatientID: p.ID, EncounterID: enc.ID, Type: "psychotherapy-note", ServiceAt: enc.AdmitAt},
				chartroom.DocumentContent{Text: secretSentence}); err != nil {
				t.Fatal(err)
			}
			s.Close()
			env := map[string]string{"CHARTROOM_DB": cfg.DSN}
			bak := filepath.Join(t.TempDir(), "snapshot.crbk")
			if out, err := run1(t, env, "backup", "--data", cfg.DataDir, "--out", bak); err != nil {
				t.Fatalf("backup: %v\n%s", err, out)
			}
			needles := [][]byte{[]byte(secretSSN), []byte(secretSSNBare), []byte(secretSentence), []byte("lighthouse keeper"), []byte("Lighthouse Lane")}
			check := func(name string, b []byte) {
				for _, n := range needles {
					if bytes.Contains(b, n) {
						t.Errorf("%s holds %q in clear", name, n)
					}
				}
			}
			files := 0
			filepath.WalkDir(cfg.DataDir, func(path string, d os.DirEntry, err error) error {
				if err == nil && !d.IsDir() {
					b, _ := os.ReadFile(path)
					check(path, b)
					files++
				}
				return nil
			})
			if files == 0 {
				t.Fatal("no files under the data folder")
			}
			b, _ := os.ReadFile(bak)
			check("the backup", b)
			if e.Name == "postgres" {
				// Only this test's schema: other packages' tests create and
				// drop their schemas in the same database while this runs,
				// and a whole-database dump races with those drops.
				schema := searchPath(t, cfg.DSN)
				var stderr bytes.Buffer
				cmd := exec.Command("pg_dump", "--dbname", os.Getenv("CHARTROOM_TEST_POSTGRES"), "--no-owner", "--schema", schema)
				cmd.Stderr = &stderr
				dump, err := cmd.Output()
				if err != nil {
					t.Fatalf("pg_dump: %v\n%s", err, stderr.Bytes())
				}
				if !bytes.Contains(dump, []byte("LINDQVIST")) {
					t.Fatal("the dump does not hold this test's data")
				}
				check("the PostgreSQL dump", dump)
			}
		})
	}
}

// searchPath returns the schema a test DSN's search_path names.
func searchPath(t *testing.T, dsn string) string {
	t.Helper()
	if u, err := url.Parse(dsn); err == nil && u.Query().Get("search_path") != "" {
		return u.Query().Get("search_path")
	}
	if _, after, ok := strings.Cut(dsn, "search_path="); ok {
		return strings.Fields(after)[0]
	}
	t.Fatalf("the test DSN names no search_path")
	return ""
}

// TestKeyRotationAndWrongKey rotates the master key, checks the data opens
// with the new key, and that the old key is refused with a clear message
// and no harm.
func TestKeyRotationAndWrongKey(t *testing.T) {
	data := t.TempDir()
	s, err := storage.Open(context.Background(), storage.Config{DataDir: data, Create: true})
	if err != nil {
		t.Fatal(err)
	}
	p, _, _ := storetest.Seed(t, s)
	s.Close()
	old, _ := os.ReadFile(filepath.Join(data, "keys", "master.key"))
	newKey := filepath.Join(t.TempDir(), "new.key")
	if out, err := run1(t, nil, "keys", "rotate", "--data", data, "--new-key-file", newKey); err != nil {
		t.Fatalf("rotate: %v\n%s", err, out)
	}
	s, err = storage.Open(context.Background(), storage.Config{DataDir: data})
	if err != nil {
		t.Fatalf("open with the new key: %v", err)
	}
	if got, err := s.Patient(context.Background(), p.ID); err != nil || got.Name.Family != "Lindqvist" {
		t.Fatalf("read after rotation: %v", err)
	}
	s.Close()
	raw, _ := vault.ParseKey(string(old))
	oldKey, _ := vault.NewStaticKey(raw)
	_, err = storage.Open(context.Background(), storage.Config{DataDir: data, MasterKey: oldKey})
	if err == nil || !strings.Contains(err.Error(), "master key") {
		t.Fatalf("old key: got %v, want a clear wrong-key error", err)
	}
	// Nothing was destroyed: the new key still opens the data.
	s, err = storage.Open(context.Background(), storage.Config{DataDir: data})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
}

// TestRestoreCommand restores a backup into a new folder with the CLI and
// refuses to restore over existing data.
func TestRestoreCommand(t *testing.T) {
	data := t.TempDir()
	s, err := storage.Open(context.Background(), storage.Config{DataDir: data, Create: true})
	if err != nil {
		t.Fatal(err)
	}
	storetest.Seed(t, s)
	s.Close()
	bak := filepath.Join(t.TempDir(), "b.crbk")
	if out, err := run1(t, nil, "backup", "--data", data, "--out", bak); err != nil {
		t.Fatalf("backup: %v\n%s", err, out)
	}
	target := filepath.Join(t.TempDir(), "restored")
	if out, err := run1(t, nil, "restore", "--in", bak, "--data", target, "--master-key-file", filepath.Join(data, "keys", "master.key")); err != nil {
		t.Fatalf("restore: %v\n%s", err, out)
	}
	s, err = storage.Open(context.Background(), storage.Config{DataDir: target})
	if err != nil {
		t.Fatal(err)
	}
	page, err := s.FindPatients(context.Background(), chartroom.PatientFilter{Family: "lindq"})
	s.Close()
	if err != nil || len(page.Items) != 1 {
		t.Fatalf("restored search: %v %v", page, err)
	}
	if out, err := run1(t, nil, "restore", "--in", bak, "--data", target); err == nil || !strings.Contains(err.Error()+out, "already holds") {
		t.Errorf("restore over data: %v %s", err, out)
	}
	os.WriteFile(bak, []byte("CHARTROOM-BACKUP-1\n{}\n"), 0o600)
	other := filepath.Join(t.TempDir(), "other")
	if _, err := run1(t, nil, "restore", "--in", bak, "--data", other, "--master-key-file", filepath.Join(data, "keys", "master.key")); err == nil {
		t.Error("a corrupt backup restored")
	}
	if _, err := os.Stat(other); err == nil {
		t.Error("a failed restore left a data folder behind")
	}
}

// TestAuditCommands records entries through the writer serve uses, then
// verifies, exports, tampers and verifies again.
func TestAuditCommands(t *testing.T) {
	data := t.TempDir()
	s, err := storage.Open(context.Background(), storage.Config{DataDir: data, Create: true})
	if err != nil {
		t.Fatal(err)
	}
	signer, err := audit.LoadOrCreateKey(filepath.Join(data, "keys", "audit-ed25519.key"), true)
	if err != nil {
		t.Fatal(err)
	}
	w := audit.NewWriter(s, signer, audit.WriterOptions{CheckpointEvery: 10})
	for i := 0; i < 25; i++ {
		w.Record(context.Background(), audit.Entry{UserID: 2, Username: "coder", Action: audit.Read, ObjectType: "patient", ObjectID: "5", PatientID: 5})
	}
	w.Close()
	s.Close()
	out, err := run1(t, nil, "audit", "verify", "--data", data)
	if err != nil || !strings.Contains(out, "intact: 25 entries") {
		t.Fatalf("verify: %v\n%s", err, out)
	}
	nd := filepath.Join(t.TempDir(), "audit.ndjson")
	if out, err := run1(t, nil, "audit", "export", "--data", data, "--format", "fhir-ndjson", "--out", nd); err != nil {
		t.Fatalf("export: %v\n%s", err, out)
	}
	b, _ := os.ReadFile(nd)
	if n := bytes.Count(b, []byte("\n")); n != 25 || !bytes.Contains(b, []byte(`"resourceType":"AuditEvent"`)) {
		t.Errorf("export wrote %d lines", n)
	}
	// The export was itself recorded, and the chain still verifies.
	if out, err := run1(t, nil, "audit", "verify", "--data", data); err != nil || !strings.Contains(out, "intact: 26 entries") {
		t.Fatalf("verify after export: %v\n%s", err, out)
	}
	// Tamper with the file's database as an attacker would.
	s, _ = storage.Open(context.Background(), storage.Config{DataDir: data})
	s.DB().Exec("DROP TRIGGER audit_log_no_update")
	if _, err := s.DB().Exec("UPDATE audit_log SET patient_id = 6 WHERE seq = 12"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	out, err = run1(t, nil, "audit", "verify", "--data", data)
	var ee exitError
	if !errors.As(err, &ee) || ee.code != 1 || !strings.Contains(out, "entry 12: edited") {
		t.Errorf("verify after tampering: %v\n%s", err, out)
	}
}

// TestDisclosureReport records a disclosure and prints the accounting as
// CSV and as a PDF whose text pdftotext can read.
func TestDisclosureReport(t *testing.T) {
	data := t.TempDir()
	s, err := storage.Open(context.Background(), storage.Config{DataDir: data, Create: true})
	if err != nil {
		t.Fatal(err)
	}
	p, _, _ := storetest.Seed(t, s)
	if err := s.RecordDisclosure(context.Background(), &roi.Record{PatientID: p.ID, Basis: roi.PublicHealth, Recipient: "State health department",
		Purpose: "reportable disease", Description: "laboratory result"}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	out, err := run1(t, nil, "disclosures", "report", "--data", data, "--patient", p.MRN(""), "--format", "csv")
	if err != nil || !strings.Contains(out, "State health department") {
		t.Fatalf("csv: %v\n%s", err, out)
	}
	pdf := filepath.Join(t.TempDir(), "acct.pdf")
	if out, err := run1(t, nil, "disclosures", "report", "--data", data, "--patient", p.MRN(""), "--out", pdf); err != nil {
		t.Fatalf("pdf: %v\n%s", err, out)
	}
	if _, err := exec.LookPath("pdftotext"); err == nil {
		text, err := exec.Command("pdftotext", pdf, "-").Output()
		if err != nil || !strings.Contains(string(text), "State health department") || !strings.Contains(string(text), "Lindqvist") {
			t.Errorf("pdftotext: %v\n%s", err, text)
		}
	}
	if out, err := run1(t, nil, "audit", "verify", "--data", data); err != nil || !strings.Contains(out, "intact") {
		t.Errorf("the report was not recorded cleanly: %v %s", err, out)
	}
}
