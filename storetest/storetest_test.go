package storetest_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chartroom/chartroom"
	"github.com/chartroom/chartroom/blob"
	"github.com/chartroom/chartroom/sqlstore"
	"github.com/chartroom/chartroom/storetest"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

var ctx = context.Background()

func TestPatients(t *testing.T) {
	storetest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		dead := time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)
		p := &chartroom.Patient{
			Name:            chartroom.PersonName{Family: "O'Brien", Given: "Siobhan", Middle: "Aine"},
			Aliases:         []chartroom.PersonName{{Family: "Walsh", Given: "Siobhan"}},
			BirthDate:       chartroom.MustDate("1971-07-30"),
			Sex:             chartroom.SexFemale,
			Identifiers:     []chartroom.Identifier{{Type: "MR", Facility: "MAIN", Value: "a100234"}, {Type: "MR", Facility: "EAST", Value: "E-77"}},
			SSN:             "123-45-6789",
			Addresses:       []chartroom.Address{{Use: "home", Line1: "12 Quay Street", City: "Port Alder", State: "ME", Postal: "04101"}},
			Telecoms:        []chartroom.Telecom{{Use: "mobile", System: "phone", Value: "207-555-0134"}},
			Contacts:        []chartroom.Contact{{Relationship: "spouse", Name: chartroom.PersonName{Family: "O'Brien", Given: "Liam"}}},
			Confidentiality: chartroom.Confidentiality{Employee: true},
			DeceasedAt:      &dead,
		}
		p.SSN, _ = chartroom.ParseSSN(string(p.SSN))
		if err := s.CreatePatient(ctx, p); err != nil {
			t.Fatal(err)
		}
		got, err := s.Patient(ctx, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		p.Identifiers[0].Value = "A100234" // MRNs are stored upper case
		if diff := cmp.Diff(p, got); diff != "" {
			t.Errorf("patient round trip (-want +got):\n%s", diff)
		}

		// Optimistic concurrency: a stale version is refused.
		stale := *got
		got.Name.Given = "Shevaun"
		if err := s.UpdatePatient(ctx, got); err != nil {
			t.Fatal(err)
		}
		stale.Name.Given = "Other"
		if err := s.UpdatePatient(ctx, &stale); chartroom.ErrorKind(err) != chartroom.KindConflict {
			t.Errorf("stale update: got %v, want a conflict", err)
		}
		// An MRN already taken at the facility is a conflict naming the field.
		dup := storetest.NewPatient("Other", "Person", "1990-01-01", "A100234")
		err = s.CreatePatient(ctx, dup)
		if chartroom.ErrorKind(err) != chartroom.KindConflict || chartroom.ErrorField(err) != "identifiers[0]" {
			t.Errorf("duplicate MRN: got %v", err)
		}
		if _, err := s.Patient(ctx, 999999); chartroom.ErrorKind(err) != chartroom.KindNotFound {
			t.Errorf("missing patient: got %v", err)
		}
		bySSN, err := s.FindPatients(ctx, chartroom.PatientFilter{SSN: "123456789"})
		if err != nil || len(bySSN.Items) != 1 || bySSN.Items[0].ID != p.ID {
			t.Errorf("by SSN (blind index): %+v %v", bySSN, err)
		}
		byMRN, err := s.PatientByIdentifier(ctx, "EAST", "E-77")
		if err != nil || byMRN.ID != p.ID {
			t.Errorf("by identifier: %v %v", byMRN, err)
		}
	})
}

func TestPatientValidation(t *testing.T) {
	storetest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		tests := []struct {
			name  string
			edit  func(p *chartroom.Patient)
			field string
		}{
			{"no family", func(p *chartroom.Patient) { p.Name.Family = " " }, "name.family"},
			{"no birth date", func(p *chartroom.Patient) { p.BirthDate = chartroom.Date{} }, "birth_date"},
			{"future birth", func(p *chartroom.Patient) { p.BirthDate = chartroom.DateOf(time.Now().AddDate(1, 0, 0)) }, "birth_date"},
			{"bad sex", func(p *chartroom.Patient) { p.Sex = "X" }, "sex"},
			{"no MRN", func(p *chartroom.Patient) { p.Identifiers = nil }, "identifiers"},
			{"MRN without facility", func(p *chartroom.Patient) { p.Identifiers[0].Facility = "" }, "identifiers[0].facility"},
			{"bad MRN", func(p *chartroom.Patient) { p.Identifiers[0].Value = "12 34" }, "identifiers[0].value"},
			{"bad SSN", func(p *chartroom.Patient) { p.SSN = "000-12-3456" }, "ssn"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				p := storetest.NewPatient("Valid", "Name", "1980-02-03", "V1")
				tt.edit(p)
				err := s.CreatePatient(ctx, p)
				if chartroom.ErrorKind(err) != chartroom.KindInvalid || chartroom.ErrorField(err) != tt.field {
					t.Errorf("got %v (field %q), want invalid %s", err, chartroom.ErrorField(err), tt.field)
				}
			})
		}
	})
}

func TestFindPatients(t *testing.T) {
	storetest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		names := []struct{ family, given, birth, mrn string }{
			{"Nakamura", "Hiro", "1950-05-05", "N1"}, {"Nakamura", "Aiko", "1950-05-05", "N2"},
			{"Nakashima", "Ken", "1960-01-01", "N3"}, {"Nash", "Olive", "1950-05-05", "N4"},
			{"Baker", "Ann", "1950-05-05", "B1"},
		}
		for _, n := range names {
			if err := s.CreatePatient(ctx, storetest.NewPatient(n.family, n.given, n.birth, n.mrn)); err != nil {
				t.Fatal(err)
			}
		}
		find := func(f chartroom.PatientFilter) []string {
			t.Helper()
			page, err := s.FindPatients(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			var out []string
			for _, p := range page.Items {
				out = append(out, p.Name.Given)
			}
			return out
		}
		if got, want := find(chartroom.PatientFilter{Family: "naka"}), []string{"Hiro", "Aiko", "Ken"}; !cmp.Equal(got, want) {
			t.Errorf("prefix: got %v want %v", got, want)
		}
		if got, want := find(chartroom.PatientFilter{Family: "na", BirthDate: chartroom.MustDate("1950-05-05")}), []string{"Hiro", "Aiko", "Olive"}; !cmp.Equal(got, want) {
			t.Errorf("prefix+birth: got %v want %v", got, want)
		}
		if got, want := find(chartroom.PatientFilter{MRN: "n4"}), []string{"Olive"}; !cmp.Equal(got, want) {
			t.Errorf("mrn: got %v want %v", got, want)
		}
		// Paging walks every match exactly once.
		var all []string
		f := chartroom.PatientFilter{Limit: 2}
		for i := 0; i < 10; i++ {
			page, err := s.FindPatients(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range page.Items {
				all = append(all, p.Name.Given)
			}
			if page.NextCursor == "" {
				break
			}
			f.Cursor = page.NextCursor
		}
		if want := []string{"Ann", "Hiro", "Aiko", "Ken", "Olive"}; !cmp.Equal(all, want) {
			t.Errorf("paging: got %v want %v", all, want)
		}
		if _, err := s.FindPatients(ctx, chartroom.PatientFilter{Cursor: "zz"}); chartroom.ErrorKind(err) != chartroom.KindInvalid {
			t.Errorf("bad cursor: %v", err)
		}
	})
}

func TestEncountersAndProviders(t *testing.T) {
	storetest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		p, e, _ := storetest.Seed(t, s)
		got, err := s.Encounter(ctx, e.ID)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(e, got); diff != "" {
			t.Errorf("encounter round trip (-want +got):\n%s", diff)
		}
		if got.LengthOfStay() != 3 {
			t.Errorf("LOS = %d, want 3", got.LengthOfStay())
		}
		e2 := &chartroom.Encounter{PatientID: p.ID, Facility: "MAIN", Class: chartroom.Outpatient, AdmitAt: e.AdmitAt.AddDate(0, 1, 0), Reason: "follow-up cough"}
		if err := s.CreateEncounter(ctx, e2); err != nil {
			t.Fatal(err)
		}
		page, err := s.FindEncounters(ctx, chartroom.EncounterFilter{PatientID: p.ID, Limit: 1})
		if err != nil || len(page.Items) != 1 || page.Items[0].ID != e2.ID || page.NextCursor == "" {
			t.Fatalf("first page: %+v %v", page, err)
		}
		page, err = s.FindEncounters(ctx, chartroom.EncounterFilter{PatientID: p.ID, Cursor: page.NextCursor})
		if err != nil || len(page.Items) != 1 || page.Items[0].ID != e.ID {
			t.Fatalf("second page: %+v %v", page, err)
		}
		bad := &chartroom.Encounter{PatientID: p.ID, Facility: "MAIN", Class: "ambulance", AdmitAt: time.Now()}
		if err := s.CreateEncounter(ctx, bad); chartroom.ErrorField(err) != "class" {
			t.Errorf("bad class: %v", err)
		}
		bad = &chartroom.Encounter{PatientID: 424242, Facility: "MAIN", Class: chartroom.Outpatient, AdmitAt: time.Now()}
		if err := s.CreateEncounter(ctx, bad); chartroom.ErrorField(err) != "patient_id" {
			t.Errorf("missing patient: %v", err)
		}
		if err := s.CreateProvider(ctx, &chartroom.Provider{NPI: "1234567890", Name: chartroom.PersonName{Family: "A", Given: "B"}}); chartroom.ErrorField(err) != "npi" {
			t.Errorf("bad NPI check digit: %v", err)
		}
		provs, err := s.FindProviders(ctx, chartroom.ProviderFilter{Name: "oka"})
		if err != nil || len(provs.Items) != 1 || provs.Items[0].NPI != "1234567893" {
			t.Errorf("find provider: %+v %v", provs, err)
		}
	})
}

func TestDocuments(t *testing.T) {
	storetest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		p, e, d := storetest.Seed(t, s)
		pdf := []byte("%PDF-1.4\n% fictitious scanned consent\n%%EOF\n")
		scan := &chartroom.Document{PatientID: p.ID, EncounterID: e.ID, Type: "consent", ServiceAt: e.AdmitAt, Source: "scan"}
		if err := s.CreateDocument(ctx, scan, chartroom.DocumentContent{ContentType: "application/pdf", Body: bytes.NewReader(pdf)}); err != nil {
			t.Fatal(err)
		}
		rc, v, err := s.OpenDocumentBinary(ctx, scan.ID, 0)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		if !bytes.Equal(b, pdf) || v.ContentType != "application/pdf" || v.Size != int64(len(pdf)) {
			t.Errorf("binary round trip: %q %+v", b, v)
		}
		// A PNG declared as a PDF is refused, naming the field.
		err = s.CreateDocument(ctx, &chartroom.Document{PatientID: p.ID, Type: "consent", ServiceAt: e.AdmitAt},
			chartroom.DocumentContent{ContentType: "application/pdf", Body: strings.NewReader("\x89PNG\r\n\x1a\nxxxx")})
		if chartroom.ErrorField(err) != "content_type" {
			t.Errorf("mislabelled upload: %v", err)
		}
		err = s.CreateDocument(ctx, &chartroom.Document{PatientID: p.ID, Type: "consent", ServiceAt: e.AdmitAt},
			chartroom.DocumentContent{ContentType: "text/html", Body: strings.NewReader("<html>")})
		if chartroom.ErrorField(err) != "content_type" {
			t.Errorf("wrong type: %v", err)
		}

		// New versions never overwrite old ones.
		v2, err := s.AddVersion(ctx, d.ID, chartroom.DocumentContent{Text: "corrected text", Reason: "dictation error"})
		if err != nil || v2.Version != 2 {
			t.Fatalf("add version: %+v %v", v2, err)
		}
		vs, err := s.DocumentVersions(ctx, d.ID)
		if err != nil || len(vs) != 2 || !strings.Contains(vs[0].Text, "pneumonia") || vs[1].Text != "corrected text" {
			t.Fatalf("versions: %+v %v", vs, err)
		}
		cur, _ := s.Document(ctx, d.ID)
		if cur.Version != 2 || cur.Status != chartroom.DocAmended {
			t.Errorf("document after new version: %+v", cur)
		}
		a := &chartroom.Amendment{DocumentID: d.ID, Version: 1, Text: "Addendum: patient also has a penicillin allergy.", Reason: "patient request"}
		if err := s.AddAmendment(ctx, a); err != nil {
			t.Fatal(err)
		}
		as, err := s.Amendments(ctx, d.ID)
		if err != nil || len(as) != 1 || as[0].Text != a.Text || as[0].Version != 1 {
			t.Errorf("amendments: %+v %v", as, err)
		}
		v1, _ := s.DocumentVersion(ctx, d.ID, 1)
		if !strings.Contains(v1.Text, "pneumonia") {
			t.Errorf("original version changed: %q", v1.Text)
		}
		page, err := s.FindDocuments(ctx, chartroom.DocumentFilter{PatientID: p.ID, Type: "consent"})
		if err != nil || len(page.Items) != 1 {
			t.Errorf("find documents: %+v %v", page, err)
		}
		// Another patient's encounter cannot be linked.
		other := storetest.NewPatient("Other", "Pat", "2000-01-01", "OTHER1")
		s.CreatePatient(ctx, other)
		err = s.CreateDocument(ctx, &chartroom.Document{PatientID: other.ID, EncounterID: e.ID, Type: "progress-note", ServiceAt: e.AdmitAt}, chartroom.DocumentContent{Text: "x"})
		if chartroom.ErrorField(err) != "encounter_id" {
			t.Errorf("cross-patient encounter: %v", err)
		}
	})
}

func TestBlobChecksum(t *testing.T) {
	storetest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		sum, err := s.Blobs().Put(ctx, []byte("\x89PNG\r\n\x1a\nfictitious image"))
		if err != nil {
			t.Fatal(err)
		}
		dir := s.Blobs().(*blob.Dir).Root()
		var files []string
		filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() && filepath.Base(filepath.Dir(p)) != "tmp" {
				files = append(files, p)
			}
			return nil
		})
		if len(files) != 1 {
			t.Fatalf("blob files: %v", files)
		}
		b, _ := os.ReadFile(files[0])
		if bytes.Contains(b, []byte("fictitious image")) {
			t.Error("blob stored in clear")
		}
		b[len(b)-1] ^= 1
		os.WriteFile(files[0], b, 0o600)
		if _, err := s.Blobs().Get(ctx, sum); !errors.Is(err, blob.ErrCorrupt) {
			t.Errorf("corrupt blob: got %v", err)
		}
	})
}

func TestUsersAndSessions(t *testing.T) {
	storetest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		u := &chartroom.User{Username: "JDoe", Name: "Jane Doe", Roles: []chartroom.Role{chartroom.RoleCoder}, Facilities: []string{"MAIN"}, PasswordHash: "x"}
		if err := s.CreateUser(ctx, u); err != nil {
			t.Fatal(err)
		}
		if err := s.CreateUser(ctx, &chartroom.User{Username: "jdoe", Roles: u.Roles}); chartroom.ErrorKind(err) != chartroom.KindConflict {
			t.Errorf("duplicate username: %v", err)
		}
		u.TOTPSecret = "JBSWY3DPEHPK3PXP"
		if err := s.UpdateUser(ctx, u); err != nil {
			t.Fatal(err)
		}
		got, err := s.UserByName(ctx, "jdoe")
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(u, got, cmpopts.IgnoreFields(chartroom.User{}, "CreatedAt")); diff != "" {
			t.Errorf("user (-want +got):\n%s", diff)
		}
		lock := time.Now().Add(time.Minute).UTC().Truncate(time.Microsecond)
		s.RecordLogin(ctx, u.ID, false, &lock)
		got, _ = s.User(ctx, u.ID)
		if got.FailedLogins != 1 || got.LockedUntil == nil || !got.LockedUntil.Equal(lock) {
			t.Errorf("after failure: %+v", got)
		}
		now := time.Now().UTC().Truncate(time.Microsecond)
		ss := &chartroom.Session{TokenHash: []byte("hash-of-token"), UserID: u.ID, CSRF: "c", CreatedAt: now, LastSeenAt: now, ExpiresAt: now.Add(time.Hour)}
		if err := s.CreateSession(ctx, ss); err != nil {
			t.Fatal(err)
		}
		s.RevokeSession(ctx, ss.TokenHash)
		got2, err := s.Session(ctx, ss.TokenHash)
		if err != nil || !got2.Revoked || !got2.ExpiresAt.Equal(ss.ExpiresAt) {
			t.Errorf("session: %+v %v", got2, err)
		}
	})
}
