package http_test

import (
	"bytes"
	"context"
	"fmt"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chartroom/chartroom"
	"github.com/chartroom/chartroom/codeset"
	chttp "github.com/chartroom/chartroom/http"
	"github.com/chartroom/chartroom/sqlstore"
	"github.com/chartroom/chartroom/storetest"
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
