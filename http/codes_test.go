package http_test

import (
	"bytes"
	"context"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chartroom/chartroom"
	"github.com/chartroom/chartroom/codeset"
	chttp "github.com/chartroom/chartroom/http"
	"github.com/chartroom/chartroom/sqlstore"
	"github.com/chartroom/chartroom/storetest"
	"github.com/google/go-cmp/cmp"
)

// orderLine writes one fixed-width ICD-10-CM order-file record.
func orderLine(n int, code string, billable bool, title string) string {
	flag := "0"
	if billable {
		flag = "1"
	}
	return fmt.Sprintf("%05d %-7s %s %-60s %s\r\n", n, code, flag, title, title)
}

func TestCodesAPI(t *testing.T) {
	storetest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		f := newFixture(t, s)
		// Without code sets every encoder page says how to load them.
		resp := f.do(chartroom.RoleCoder, "GET", "/api/v1/codes/search?q=chf", nil)
		if e := decode[apiError](t, resp); resp.StatusCode != http.StatusServiceUnavailable || !strings.Contains(e.Error.Message, "codes import") {
			t.Errorf("no code sets: %d %+v", resp.StatusCode, e)
		}
		file := orderLine(1, "I50", false, "Heart failure") + orderLine(2, "I502", false, "Systolic (congestive) heart failure") +
			orderLine(3, "I5023", true, "Acute on chronic systolic (congestive) heart failure") + orderLine(4, "I509", true, "Heart failure, unspecified") +
			orderLine(5, "J189", true, "Pneumonia, unspecified organism")
		set, err := codeset.ImportReader(context.Background(), "icd10cm_order_2026.txt", strings.NewReader(file), codeset.ImportOptions{Year: 2026})
		if err != nil {
			t.Fatal(err)
		}
		f.codes.Use(set, nil)
		resp = f.do(chartroom.RoleCoder, "GET", "/api/v1/codes/search?q=acute+on+chronic+systolic+heart+failure", nil)
		var out struct {
			Items []struct{ Code, Title, System string } `json:"items"`
		}
		out = decode[struct {
			Items []struct{ Code, Title, System string } `json:"items"`
		}](t, resp)
		if len(out.Items) == 0 || out.Items[0].Code != "I50.23" || out.Items[0].System != "icd10cm" {
			t.Errorf("search: %+v", out)
		}
		resp = f.do(chartroom.RoleCoder, "GET", "/api/v1/codes/I50.23", nil)
		if info := decode[codeset.CodeInfo](t, resp); !info.Billable || info.Title == "" {
			t.Errorf("show: %+v", info)
		}
		resp = f.do(chartroom.RoleCoder, "GET", "/api/v1/codes/validate?codes=I50.2,J18.9", nil)
		v := decode[struct{ Problems []codeset.Problem }](t, resp)
		if len(v.Problems) == 0 || v.Problems[0].Code != "I50.2" {
			t.Errorf("validate a header code: %+v", v)
		}
		if resp := f.do(chartroom.RoleCoder, "GET", "/codes?q=pneumonia", nil); !strings.Contains(readAll(resp), "J18.9") {
			t.Error("encoder page does not list J18.9")
		}
		if resp := f.do(chartroom.RoleCoder, "GET", "/api/v1/codes/search?q=x&date=2026-13-01", nil); resp.StatusCode != 400 {
			t.Errorf("bad date: %d", resp.StatusCode)
		}
	})
}

var _ = chttp.Codes{}

func TestCodesAdminImport(t *testing.T) {
	storetest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		f := newFixture(t, s)
		f.srv.CodeArchive = codeset.DirArchive{Dir: t.TempDir()}
		file := orderLine(1, "J189", true, "Pneumonia, unspecified organism") + orderLine(2, "J18", false, "Pneumonia, unspecified organism")
		var buf bytes.Buffer
		mw := multipart.NewWriter(&buf)
		fw, _ := mw.CreateFormFile("file", "icd10cm_order_2026.txt")
		fw.Write([]byte(file))
		mw.Close()
		req, _ := http.NewRequest("POST", f.ts.URL+"/admin/codes/import", &buf)
		req.Header.Set("Content-Type", mw.FormDataContentType())
		req.AddCookie(&http.Cookie{Name: "chartroom_session", Value: f.tokens[chartroom.RoleAdmin]})
		req.Header.Set("X-CSRF-Token", f.csrf[chartroom.RoleAdmin])
		resp, err := noRedirect.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("import: %d", resp.StatusCode)
		}
		deadline := time.Now().Add(10 * time.Second)
		for time.Now().Before(deadline) {
			page := readAll(f.do(chartroom.RoleAdmin, "GET", "/admin/codes", nil))
			if strings.Contains(page, "imported") {
				break
			}
			time.Sleep(50 * time.Millisecond)
		}
		resp = f.do(chartroom.RoleCoder, "GET", "/api/v1/codes/search?q=pneumonia", nil)
		if body := readAll(resp); !strings.Contains(body, "J18.9") {
			t.Errorf("after import: %d %s", resp.StatusCode, body)
		}
	})
}

// twoYears loads fictitious ICD-10-CM FY2025 and FY2026 releases: I50.84
// added, K35.80 deleted and I50.9 retitled in FY2026.
func twoYears(t *testing.T) *codeset.Set {
	t.Helper()
	common := orderLine(1, "I50", false, "Heart failure") + orderLine(2, "I502", false, "Systolic (congestive) heart failure") +
		orderLine(3, "I5023", true, "Acute on chronic systolic (congestive) heart failure") + orderLine(6, "J189", true, "Pneumonia, unspecified organism")
	fy2025 := common + orderLine(7, "I509", true, "Heart failure, unspecified") + orderLine(8, "K3580", true, "Unspecified acute appendicitis")
	fy2026 := common + orderLine(7, "I5084", true, "End stage heart failure") + orderLine(8, "I509", true, "Heart failure, not otherwise specified")
	all := &codeset.Set{}
	for _, y := range []struct {
		fy   int
		file string
	}{{2025, fy2025}, {2026, fy2026}} {
		set, err := codeset.ImportReader(context.Background(), fmt.Sprintf("icd10cm_order_%d.txt", y.fy), strings.NewReader(y.file), codeset.ImportOptions{Year: y.fy})
		if err != nil {
			t.Fatal(err)
		}
		all.Merge(set)
	}
	return all
}

func TestCodesDiffAPI(t *testing.T) {
	storetest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		f := newFixture(t, s)
		f.codes.Use(twoYears(t), nil)
		type diff struct {
			System    string              `json:"system"`
			From      int                 `json:"from"`
			To        int                 `json:"to"`
			Counts    map[string]int      `json:"counts"`
			Added     []codeset.DiffEntry `json:"added"`
			Deleted   []codeset.DiffEntry `json:"deleted"`
			Retitled  []codeset.DiffEntry `json:"retitled"`
			Truncated bool                `json:"truncated"`
		}
		resp := f.do(chartroom.RoleCoder, "GET", "/api/v1/codes/diff?from=2025&to=2026", nil)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("diff: %d %s", resp.StatusCode, readAll(resp))
		}
		got := decode[diff](t, resp)
		want := diff{System: "icd10cm", From: 2025, To: 2026, Counts: map[string]int{"added": 1, "deleted": 1, "retitled": 1},
			Added:    []codeset.DiffEntry{{Change: "added", Code: "I50.84", Title: "End stage heart failure"}},
			Deleted:  []codeset.DiffEntry{{Change: "deleted", Code: "K35.80", Title: "Unspecified acute appendicitis"}},
			Retitled: []codeset.DiffEntry{{Change: "retitled", Code: "I50.9", Title: "Heart failure, not otherwise specified", OldTitle: "Heart failure, unspecified"}}}
		if d := cmp.Diff(want, got); d != "" {
			t.Errorf("diff 2025→2026 (-want +got):\n%s", d)
		}
		// Without years it compares the two newest; limit cuts each list and says so.
		got = decode[diff](t, f.do(chartroom.RoleCoder, "GET", "/api/v1/codes/diff?change=added&limit=1&offset=1", nil))
		if got.From != 2025 || got.To != 2026 || len(got.Added) != 0 || len(got.Deleted) != 0 || got.Counts["added"] != 1 || got.Truncated {
			t.Errorf("default years, offset past the end: %+v", got)
		}
		got = decode[diff](t, f.do(chartroom.RoleCoder, "GET", "/api/v1/codes/diff?limit=0", nil))
		if len(got.Added) != 1 {
			t.Errorf("limit=0 means the default: %+v", got)
		}

		cases := []struct {
			name, query string
			status      int
			field       string
		}{
			{"year not loaded", "from=2019&to=2026", http.StatusNotFound, "from"},
			{"bad year", "from=20x5&to=2026", http.StatusBadRequest, "from"},
			{"bad system", "system=icd9&from=2025&to=2026", http.StatusBadRequest, "system"},
			{"no release of the system", "system=cpt", http.StatusNotFound, "system"},
			{"bad change", "change=moved", http.StatusBadRequest, "change"},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				resp := f.do(chartroom.RoleCoder, "GET", "/api/v1/codes/diff?"+c.query, nil)
				if e := decode[apiError](t, resp); resp.StatusCode != c.status || e.Error.Field != c.field {
					t.Errorf("%s: %d %+v, want %d on %s", c.query, resp.StatusCode, e, c.status, c.field)
				}
			})
		}
		if resp := f.do(chartroom.RoleInterface, "GET", "/api/v1/codes/diff", nil); resp.StatusCode != http.StatusForbidden {
			t.Errorf("a role without codes.read: %d", resp.StatusCode)
		}

		page := readAll(f.do(chartroom.RoleCoder, "GET", "/codes/diff?from=2025&to=2026", nil))
		for _, s := range []string{"I50.84", "K35.80", "Heart failure, not otherwise specified", "Heart failure, unspecified", "1 added"} {
			if !strings.Contains(page, s) {
				t.Errorf("diff page lacks %q", s)
			}
		}
		if page := readAll(f.do(chartroom.RoleCoder, "GET", "/codes/diff?from=2025&to=2026&change=deleted", nil)); strings.Contains(page, "I50.84") || !strings.Contains(page, "K35.80") {
			t.Error("diff page filtered to deleted codes still lists an added one, or lacks the deleted one")
		}
	})
}

func TestCodesValidatePage(t *testing.T) {
	storetest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		f := newFixture(t, s)
		f.codes.Use(twoYears(t), nil)
		if resp := f.do(chartroom.RoleCoder, "GET", "/codes/validate", nil); resp.StatusCode != http.StatusOK {
			t.Fatalf("validate form: %d", resp.StatusCode)
		}
		resp := f.form(chartroom.RoleCoder, "/codes/validate", url.Values{"codes": {"I50.2\nJ18.9"}, "date": {"2026-01-15"}, "age": {"70"}, "sex": {"F"}, "setting": {"inpatient"}})
		page := readAll(resp)
		for _, s := range []string{"header-code", "I50.2", "I50.23", "1 problem"} {
			if !strings.Contains(page, s) {
				t.Errorf("validate page lacks %q", s)
			}
		}
		if page := readAll(f.form(chartroom.RoleCoder, "/codes/validate", url.Values{"codes": {"J18.9"}})); !strings.Contains(page, "pass every check") {
			t.Error("a clean code does not pass")
		}
		if resp := f.form(chartroom.RoleCoder, "/codes/validate", url.Values{"codes": {"J18.9"}, "age": {"old"}}); resp.StatusCode != http.StatusBadRequest || !strings.Contains(readAll(resp), "age in years") {
			t.Errorf("bad age: %d", resp.StatusCode)
		}
		// The API reads the same fields and agrees.
		v := decode[struct{ Problems []codeset.Problem }](t, f.do(chartroom.RoleCoder, "GET", "/api/v1/codes/validate?codes=I50.2+J18.9&setting=inpatient", nil))
		if len(v.Problems) != 1 || v.Problems[0].Rule != "header-code" {
			t.Errorf("API validate: %+v", v)
		}
		if resp := f.do(chartroom.RoleCoder, "GET", "/api/v1/codes/validate?codes=J18.9&setting=home", nil); resp.StatusCode != http.StatusBadRequest {
			t.Errorf("bad setting: %d", resp.StatusCode)
		}
	})
}
