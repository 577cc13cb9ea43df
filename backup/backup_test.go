package backup_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chartroom/chartroom"
	"github.com/chartroom/chartroom/backup"
	"github.com/chartroom/chartroom/sqlstore"
	"github.com/chartroom/chartroom/storage"
	"github.com/chartroom/chartroom/storetest"
	"github.com/chartroom/chartroom/vault"
	"github.com/google/go-cmp/cmp"
)

var ctx = context.Background()

// snapshot reads every row of every table in a normal form, for comparing
// two stores across engines.
func snapshot(t *testing.T, s *sqlstore.Store) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	err := s.Dump(ctx, func(table string, cols []string, next func() ([]sqlstore.Value, error)) error {
		for {
			row, err := next()
			if err != nil {
				return err
			}
			if row == nil {
				return nil
			}
			var b strings.Builder
			for i, v := range row {
				fmt.Fprintf(&b, "%s=%s;", cols[i], norm(cols[i], v))
			}
			out[table] = append(out[table], b.String())
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func norm(col string, v any) string {
	switch x := v.(type) {
	case nil:
		return "∅"
	case bool:
		if x {
			return "1"
		}
		return "0"
	case time.Time:
		if col == "birth_date" {
			return x.Format("2006-01-02")
		}
		return x.UTC().Format("2006-01-02T15:04:05.000000Z")
	case []byte:
		if j := canonJSON(x); j != "" {
			return j
		}
		return fmt.Sprintf("%x", x)
	case string:
		if j := canonJSON([]byte(x)); j != "" {
			return j
		}
		if t, err := time.Parse("2006-01-02T15:04:05.000000Z", x); err == nil {
			return t.UTC().Format("2006-01-02T15:04:05.000000Z")
		}
		return x
	}
	return fmt.Sprint(v)
}

func TestRoundTripAcrossEngines(t *testing.T) {
	engines := storetest.Engines(t)
	for _, from := range engines {
		for _, to := range engines {
			t.Run(from.Name+"→"+to.Name, func(t *testing.T) {
				src := from.Open(t)
				p, e, _ := storetest.Seed(t, src)
				pdf := []byte("%PDF-1.4\nfictitious outside record\n%%EOF\n")
				if err := src.CreateDocument(ctx, &chartroom.Document{PatientID: p.ID, EncounterID: e.ID, Type: "scanned-record", ServiceAt: e.AdmitAt},
					chartroom.DocumentContent{ContentType: "application/pdf", Body: bytes.NewReader(pdf)}); err != nil {
					t.Fatal(err)
				}
				src.CreateUser(ctx, &chartroom.User{Username: "coder1", Name: "C", Roles: []chartroom.Role{chartroom.RoleCoder}, Facilities: []string{"MAIN"}, PasswordHash: "h", MustChange: true})
				var buf bytes.Buffer
				st, err := backup.Write(ctx, src, storetest.TestKey(t), &buf, nil)
				if err != nil {
					t.Fatal(err)
				}
				if st.Blobs != 1 || st.Rows < 8 {
					t.Errorf("stats: %+v", st)
				}
				if bytes.Contains(buf.Bytes(), []byte("Lindqvist")) || bytes.Contains(buf.Bytes(), []byte("pneumonia")) {
					t.Error("the archive holds health information in clear")
				}
				cfg := to.Config(t)
				cfg.MasterKey, cfg.Restoring = storetest.TestKey(t), true
				dst, err := storage.Open(ctx, cfg)
				if err != nil {
					t.Fatal(err)
				}
				defer dst.Close()
				if _, err := backup.Restore(ctx, bytes.NewReader(buf.Bytes()), dst, storetest.TestKey(t), nil); err != nil {
					t.Fatal(err)
				}
				if diff := cmp.Diff(snapshot(t, src), snapshot(t, dst)); diff != "" {
					t.Errorf("restored rows differ (-source +restored):\n%s", diff)
				}
				// The restored store works: decrypts, finds, and serves blobs.
				got, err := dst.Patient(ctx, p.ID)
				if err != nil || got.Name.Family != "Lindqvist" {
					t.Fatalf("restored patient: %+v %v", got, err)
				}
				page, _ := dst.FindDocuments(ctx, chartroom.DocumentFilter{PatientID: p.ID, Type: "scanned-record"})
				rc, _, err := dst.OpenDocumentBinary(ctx, page.Items[0].ID, 0)
				if err != nil {
					t.Fatal(err)
				}
				var b bytes.Buffer
				b.ReadFrom(rc)
				if !bytes.Equal(b.Bytes(), pdf) {
					t.Error("restored blob differs")
				}
				// New rows get new ids after a restore (sequences were reset).
				np := storetest.NewPatient("After", "Restore", "2001-01-01", "AR1")
				if err := dst.CreatePatient(ctx, np); err != nil || np.ID <= p.ID {
					t.Errorf("insert after restore: id %d, %v", np.ID, err)
				}
			})
		}
	}
}

func TestCorruptAndWrongKey(t *testing.T) {
	e := storetest.Engines(t)[0]
	src := e.Open(t)
	storetest.Seed(t, src)
	var buf bytes.Buffer
	if _, err := backup.Write(ctx, src, storetest.TestKey(t), &buf, nil); err != nil {
		t.Fatal(err)
	}
	fresh := func() *sqlstore.Store {
		cfg := e.Config(t)
		cfg.MasterKey, cfg.Restoring = storetest.TestKey(t), true
		s, err := storage.Open(ctx, cfg)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	}
	data := buf.Bytes()
	flipped := bytes.Clone(data)
	flipped[len(flipped)/2] ^= 0x40
	cases := map[string][]byte{
		"truncated":  data[:len(data)*2/3],
		"bit flip":   flipped,
		"not backup": []byte("hello\n"),
		"empty":      nil,
	}
	for name, b := range cases {
		if _, err := backup.Restore(ctx, bytes.NewReader(b), fresh(), storetest.TestKey(t), nil); !errors.Is(err, backup.ErrCorrupt) {
			t.Errorf("%s: got %v, want ErrCorrupt", name, err)
		}
	}
	other, _ := vault.NewStaticKey(bytes.Repeat([]byte{9}, 32))
	if _, err := backup.Restore(ctx, bytes.NewReader(data), fresh(), other, nil); !errors.Is(err, vault.ErrWrongKey) {
		t.Errorf("wrong key: got %v", err)
	}
}

// canonJSON re-encodes a JSON object or array so that PostgreSQL's JSONB
// spacing and key order compare equal to SQLite's text.
func canonJSON(b []byte) string {
	if len(b) == 0 || (b[0] != '{' && b[0] != '[') {
		return ""
	}
	var v any
	if json.Unmarshal(b, &v) != nil {
		return ""
	}
	out, _ := json.Marshal(v)
	return string(out)
}
