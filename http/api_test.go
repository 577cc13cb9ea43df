package http_test

import (
	"bytes"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chartroom/chartroom"
	"github.com/chartroom/chartroom/auth"
	"github.com/chartroom/chartroom/sqlstore"
	"github.com/chartroom/chartroom/storetest"
)

const him = chartroom.RoleHIMManager

func TestPatientAPI(t *testing.T) {
	storetest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		f := newFixture(t, s)
		body := `{"name":{"family":"Abernathy","given":"Ruth"},"birth_date":"1944-11-02","sex":"F",
			"identifiers":[{"type":"MR","facility":"main","value":"H100200"}],"ssn":"219-09-9999"}`
		resp := f.do(him, "POST", "/api/v1/patients", body)
		if resp.StatusCode != http.StatusCreated {
			t.Fatalf("create: %d %s", resp.StatusCode, readAll(resp))
		}
		p := decode[chartroom.Patient](t, resp)
		if p.SSN != "***-**-9999" || p.Identifiers[0].Facility != "MAIN" {
			t.Errorf("created patient: %+v", p)
		}
		resp = f.do(chartroom.RoleCoder, "GET", "/api/v1/patients?family=aber&birth_date=1944-11-02", nil)
		page := decode[chartroom.Page[chartroom.Patient]](t, resp)
		if len(page.Items) != 1 || page.Items[0].ID != p.ID {
			t.Errorf("search: %+v", page)
		}
		resp = f.do(chartroom.RoleCoder, "GET", "/api/v1/patients?mrn=h100200", nil)
		if page := decode[chartroom.Page[chartroom.Patient]](t, resp); len(page.Items) != 1 {
			t.Errorf("search by MRN: %+v", page)
		}
		// Update with the version read; a stale version is a conflict.
		upd := strings.Replace(body, `"Ruth"`, `"Ruthie"`, 1)
		upd = strings.Replace(upd, `"ssn":"219-09-9999"`, `"ssn":"***-**-9999","version":1`, 1)
		if resp := f.do(him, "PUT", "/api/v1/patients/"+itoa(p.ID), upd); resp.StatusCode != http.StatusOK {
			t.Fatalf("update: %d %s", resp.StatusCode, readAll(resp))
		}
		if resp := f.do(him, "PUT", "/api/v1/patients/"+itoa(p.ID), upd); resp.StatusCode != http.StatusConflict {
			t.Errorf("stale update: %d", resp.StatusCode)
		}
		got, _ := s.Patient(t.Context(), p.ID)
		if got.SSN != "219099999" {
			t.Errorf("masked SSN overwrote the stored one: %q", got.SSN)
		}
	})
}

func TestBadInputNamesTheField(t *testing.T) {
	storetest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		f := newFixture(t, s)
		pt, _, _ := storetest.Seed(t, s)
		valid := `{"name":{"family":"A","given":"B"},"birth_date":"1990-01-01","sex":"M","identifiers":[{"type":"MR","facility":"MAIN","value":"X1"}]}`
		tests := []struct {
			name, method, path, body, field string
			status                          int
		}{
			{"unparseable date", "POST", "/api/v1/patients", strings.Replace(valid, "1990-01-01", "01/02/1990", 1), "birth_date", 400},
			{"unknown sex", "POST", "/api/v1/patients", strings.Replace(valid, `"M"`, `"Q"`, 1), "sex", 400},
			{"wrong type", "POST", "/api/v1/patients", strings.Replace(valid, `"sex":"M"`, `"sex":7`, 1), "sex", 400},
			{"unknown field", "POST", "/api/v1/patients", strings.Replace(valid, `"sex"`, `"gender"`, 1), "gender", 400},
			{"bad NPI check digit", "POST", "/api/v1/providers", `{"npi":"1234567890","name":{"family":"A","given":"B"}}`, "npi", 400},
			{"unknown encounter class", "POST", "/api/v1/encounters", `{"patient_id":` + itoa(pt.ID) + `,"facility":"MAIN","class":"ambulance","admit_at":"2026-01-01T10:00:00Z"}`, "class", 400},
			{"bad admit time", "POST", "/api/v1/encounters", `{"patient_id":` + itoa(pt.ID) + `,"facility":"MAIN","class":"inpatient","admit_at":"yesterday"}`, "admit_at", 400},
			{"unknown document type", "POST", "/api/v1/documents", `{"patient_id":` + itoa(pt.ID) + `,"type":"memo","service_at":"2026-01-01","text":"x"}`, "type", 400},
			{"bad query date", "GET", "/api/v1/patients?family=x&birth_date=1990-13-01", "", "birth_date", 400},
			{"bad path id", "GET", "/api/v1/patients/abc", "", "id", 400},
			{"malformed JSON", "POST", "/api/v1/patients", `{"name":`, "", 400},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				var body any
				if tt.body != "" {
					body = tt.body
				}
				resp := f.do(him, tt.method, tt.path, body)
				e := decode[apiError](t, resp)
				if resp.StatusCode != tt.status || e.Error.Field != tt.field || e.Error.Message == "" {
					t.Errorf("got %d %+v, want %d naming %q", resp.StatusCode, e.Error, tt.status, tt.field)
				}
			})
		}
		// Oversized JSON is 413.
		big := `{"name":{"family":"` + strings.Repeat("a", 2<<20) + `"}}`
		if resp := f.do(him, "POST", "/api/v1/patients", big); resp.StatusCode != http.StatusRequestEntityTooLarge {
			t.Errorf("oversized body: %d", resp.StatusCode)
		}
		// A nothing-written check: the failed requests left no patient.
		page, _ := s.FindPatients(t.Context(), chartroom.PatientFilter{Family: "a"})
		if len(page.Items) != 0 {
			t.Errorf("a failed request wrote %d patients", len(page.Items))
		}
	})
}

func TestDocumentUploadAndDownload(t *testing.T) {
	storetest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		f := newFixture(t, s)
		pt, enc, _ := storetest.Seed(t, s)
		png := append([]byte("\x89PNG\r\n\x1a\n"), bytes.Repeat([]byte{7}, 100)...)
		upload := func(ct string, data []byte) *http.Response {
			var buf bytes.Buffer
			mw := multipart.NewWriter(&buf)
			for k, v := range map[string]string{"patient_id": itoa(pt.ID), "encounter_id": itoa(enc.ID), "type": "scanned-record", "service_at": "2026-03-03"} {
				mw.WriteField(k, v)
			}
			h := make(map[string][]string)
			h["Content-Disposition"] = []string{`form-data; name="file"; filename="outside.png"`}
			h["Content-Type"] = []string{ct}
			w, _ := mw.CreatePart(h)
			w.Write(data)
			mw.Close()
			req, _ := http.NewRequest("POST", f.ts.URL+"/api/v1/documents", &buf)
			req.Header.Set("Content-Type", mw.FormDataContentType())
			req.AddCookie(&http.Cookie{Name: "chartroom_session", Value: f.tokens[him]})
			req.Header.Set("X-CSRF-Token", f.csrf[him])
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { resp.Body.Close() })
			return resp
		}
		resp := upload("image/png", png)
		if resp.StatusCode != http.StatusCreated {
			t.Fatalf("upload: %d %s", resp.StatusCode, readAll(resp))
		}
		d := decode[chartroom.Document](t, resp)
		resp = f.do(chartroom.RoleCoder, "GET", "/api/v1/documents/"+itoa(d.ID)+"/content", nil)
		got, _ := io.ReadAll(resp.Body)
		if !bytes.Equal(got, png) || resp.Header.Get("Content-Type") != "image/png" {
			t.Errorf("download: %q %v", got, resp.Header)
		}
		// A declared type that is not the content is refused, naming the field.
		resp = upload("application/pdf", png)
		if e := decode[apiError](t, resp); resp.StatusCode != 400 || e.Error.Field != "content_type" {
			t.Errorf("mislabelled upload: %d %+v", resp.StatusCode, e)
		}
		resp = upload("text/html", []byte("<script>"))
		if e := decode[apiError](t, resp); resp.StatusCode != 400 || e.Error.Field != "content_type" {
			t.Errorf("wrong-typed upload: %d %+v", resp.StatusCode, e)
		}
		// Text documents, versions and amendments.
		resp = f.do(chartroom.RoleClinician, "POST", "/api/v1/documents", `{"patient_id":`+itoa(pt.ID)+`,"type":"progress-note","service_at":"2026-03-03T09:00:00Z","text":"S: feels better"}`)
		if resp.StatusCode != http.StatusCreated {
			t.Fatalf("create text doc: %d %s", resp.StatusCode, readAll(resp))
		}
		td := decode[chartroom.Document](t, resp)
		if resp := f.do(chartroom.RoleClinician, "POST", "/api/v1/documents/"+itoa(td.ID)+"/amendments", `{"version":1,"text":"Addendum: afebrile","reason":"late entry"}`); resp.StatusCode != http.StatusCreated {
			t.Errorf("amend: %d %s", resp.StatusCode, readAll(resp))
		}
		resp = f.do(chartroom.RoleCoder, "GET", "/api/v1/documents?patient_id="+itoa(pt.ID)+"&limit=2", nil)
		page := decode[chartroom.Page[chartroom.Document]](t, resp)
		if len(page.Items) != 2 || page.NextCursor == "" {
			t.Errorf("document page: %+v", page)
		}
	})
}

func TestPatientLevelRules(t *testing.T) {
	storetest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		f := newFixture(t, s)
		east := f.signIn(chartroom.RoleCoder, []string{"EAST"})
		_ = east
		pt, _, _ := storetest.Seed(t, s)
		// A coder at EAST cannot see a MAIN patient: 404, and it is audited.
		req, _ := http.NewRequest("GET", f.ts.URL+"/api/v1/patients/"+itoa(pt.ID), nil)
		req.AddCookie(&http.Cookie{Name: "chartroom_session", Value: east})
		resp, _ := http.DefaultClient.Do(req)
		resp.Body.Close()
		if resp.StatusCode != http.StatusNotFound {
			t.Errorf("other facility: %d", resp.StatusCode)
		}
		// A VIP patient is hidden from a coder but not from the privacy officer.
		vip := storetest.NewPatient("Famous", "Person", "1970-01-01", "VIP1")
		vip.Confidentiality.VIP = true
		s.CreatePatient(t.Context(), vip)
		if resp := f.do(chartroom.RoleCoder, "GET", "/api/v1/patients/"+itoa(vip.ID), nil); resp.StatusCode != http.StatusForbidden {
			t.Errorf("VIP as coder: %d", resp.StatusCode)
		}
		if resp := f.do(chartroom.RolePrivacy, "GET", "/api/v1/patients/"+itoa(vip.ID), nil); resp.StatusCode != http.StatusOK {
			t.Errorf("VIP as privacy officer: %d", resp.StatusCode)
		}
		resp = f.do(chartroom.RoleCoder, "GET", "/api/v1/patients?family=famous", nil)
		page := decode[chartroom.Page[chartroom.Patient]](t, resp)
		if len(page.Items) != 1 || page.Items[0].Name.Family != "Restricted" || page.Items[0].BirthDate.String() != "" {
			t.Errorf("VIP in search results: %+v", page.Items)
		}
	})
}

func TestLogin(t *testing.T) {
	storetest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		f := newFixture(t, s)
		hash, _ := auth.HashPassword("correct horse 9")
		u := &chartroom.User{Username: "mgr", Name: "M", Roles: []chartroom.Role{him}, Facilities: []string{"*"}, PasswordHash: hash}
		if err := s.CreateUser(t.Context(), u); err != nil {
			t.Fatal(err)
		}
		jar := newJar()
		client := &http.Client{Jar: jar, CheckRedirect: noRedirect.CheckRedirect}
		login := func(pw string) *http.Response {
			resp, err := client.Get(f.ts.URL + "/login")
			if err != nil {
				t.Fatal(err)
			}
			page := readAll(resp)
			i := strings.Index(page, `name="csrf" value="`)
			csrf := page[i+19 : i+19+strings.Index(page[i+19:], `"`)]
			resp, err = client.PostForm(f.ts.URL+"/login", url.Values{"csrf": {csrf}, "username": {"mgr"}, "password": {pw}, "next": {"/patients"}})
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			return resp
		}
		if resp := login("wrong"); resp.StatusCode != http.StatusUnauthorized {
			t.Errorf("wrong password: %d", resp.StatusCode)
		}
		resp := login("correct horse 9")
		if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/patients" {
			t.Fatalf("login: %d %v", resp.StatusCode, resp.Header)
		}
		ck := resp.Cookies()[0]
		if !ck.HttpOnly || ck.SameSite != http.SameSiteLaxMode {
			t.Errorf("session cookie flags: %+v", ck)
		}
		resp, _ = client.Get(f.ts.URL + "/patients")
		page := readAll(resp)
		if resp.StatusCode != 200 {
			t.Fatalf("after login: %d", resp.StatusCode)
		}
		// Logout revokes the session on the server: replaying the cookie fails.
		i := strings.Index(page, `name="csrf" value="`)
		csrf := page[i+19 : i+19+strings.Index(page[i+19:], `"`)]
		resp, _ = client.PostForm(f.ts.URL+"/logout", url.Values{"csrf": {csrf}})
		resp.Body.Close()
		req, _ := http.NewRequest("GET", f.ts.URL+"/api/v1/patients?family=x", nil)
		req.AddCookie(ck)
		resp, _ = http.DefaultClient.Do(req)
		resp.Body.Close()
		if resp.StatusCode != http.StatusUnauthorized {
			t.Errorf("replayed session after logout: %d", resp.StatusCode)
		}
		// Five failures lock the account, even against the right password.
		for i := 0; i < 5; i++ {
			login("wrong")
		}
		if resp := login("correct horse 9"); resp.StatusCode != http.StatusUnauthorized {
			t.Errorf("locked account signed in: %d", resp.StatusCode)
		}
		got, _ := s.User(t.Context(), u.ID)
		if got.LockedUntil == nil || got.LockedUntil.Before(time.Now()) {
			t.Errorf("account not locked: %+v", got)
		}
	})
}

func readAll(resp *http.Response) string {
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	return string(b)
}

func TestMergeAPI(t *testing.T) {
	storetest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		f := newFixture(t, s)
		a, _, _ := storetest.Seed(t, s)
		b := storetest.NewPatient("Lindqvist", "Marta", "1958-03-14", "DUP1")
		s.CreatePatient(t.Context(), b)
		path := "/api/v1/patients/" + itoa(a.ID) + "/merge"
		if resp := f.do(chartroom.RoleCoder, "POST", path, `{"retired_id":`+itoa(b.ID)+`,"reason":"same person"}`); resp.StatusCode != http.StatusForbidden {
			t.Errorf("coder merge: %d", resp.StatusCode)
		}
		resp := f.do(him, "POST", path, `{"retired_id":`+itoa(b.ID)+`,"reason":"same person, same DOB and address"}`)
		if resp.StatusCode != http.StatusCreated {
			t.Fatalf("merge: %d %s", resp.StatusCode, readAll(resp))
		}
		m := decode[chartroom.Merge](t, resp)
		if resp := f.do(him, "POST", path, `{"retired_id":`+itoa(b.ID)+`,"reason":"again please"}`); resp.StatusCode != http.StatusConflict {
			t.Errorf("second merge: %d", resp.StatusCode)
		}
		if resp := f.do(him, "POST", "/api/v1/merges/"+itoa(m.ID)+"/unmerge", `{}`); resp.StatusCode != http.StatusOK {
			t.Errorf("unmerge: %d %s", resp.StatusCode, readAll(resp))
		}
	})
}
