package http_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/chartroom/chartroom"
	"github.com/chartroom/chartroom/sqlstore"
	"github.com/chartroom/chartroom/storetest"
)

// TestReleaseAPI takes a patient's own request and an attorney's from
// intake to release through the API.
func TestReleaseAPI(t *testing.T) {
	storetest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		f := newFixture(t, s)
		p, _, _ := storetest.Seed(t, s)
		roiUser := chartroom.RoleROI
		// Intake names the missing field.
		resp := f.do(roiUser, "POST", "/api/v1/releases", `{"patient_id":`+itoa(p.ID)+`,"requester":"attorney","basis":"authorization","purpose":"claim","format":"pdf","delivery":"download"}`)
		if e := decode[apiError](t, resp); resp.StatusCode != 400 || e.Error.Field != "requester_name" {
			t.Fatalf("intake without a name: %d %+v", resp.StatusCode, e)
		}
		// The patient's own request: no authorization, 30 days.
		resp = f.do(roiUser, "POST", "/api/v1/releases", `{"patient_id":`+itoa(p.ID)+`,"requester":"patient","requester_name":"Marta Lindqvist","basis":"right-of-access","purpose":"personal copy","format":"electronic","delivery":"download"}`)
		if resp.StatusCode != http.StatusCreated {
			t.Fatalf("patient request: %d %s", resp.StatusCode, readAll(resp))
		}
		own := decode[struct {
			ID     int64  `json:"id"`
			DueAt  string `json:"due_at"`
			Status string `json:"status"`
		}](t, resp)
		move := func(role chartroom.Role, id int64, body string) *http.Response {
			return f.do(role, "POST", "/api/v1/releases/"+itoa(id)+"/status", body)
		}
		for _, st := range []string{"validated", "in-process", "quality-check"} {
			if resp := move(roiUser, own.ID, `{"status":"`+st+`","pages":9}`); resp.StatusCode != 200 {
				t.Fatalf("%s: %d %s", st, resp.StatusCode, readAll(resp))
			}
		}
		if resp := move(roiUser, own.ID, `{"status":"released"}`); resp.StatusCode != http.StatusConflict {
			t.Errorf("release by the preparer: %d", resp.StatusCode)
		}
		if resp := move(chartroom.RoleHIMManager, own.ID, `{"status":"released"}`); resp.StatusCode != 200 {
			t.Fatalf("release by a second person: %d %s", resp.StatusCode, readAll(resp))
		}
		// The attorney's request is blocked until the authorization is whole.
		resp = f.do(roiUser, "POST", "/api/v1/releases", `{"patient_id":`+itoa(p.ID)+`,"requester":"attorney","requester_name":"Marlowe & Pike LLP","basis":"authorization","purpose":"claim","format":"pdf","delivery":"download"}`)
		att := decode[struct{ ID int64 }](t, resp)
		resp = move(roiUser, att.ID, `{"status":"validated","authorization":{"Description":"discharge summary March 2026","Disclosers":"Harbor View","Recipients":"Marlowe & Pike LLP","Purpose":"claim","ExpiresOn":"2027-12-31T00:00:00Z","SignedOn":"2026-11-01T00:00:00Z","SignedBy":"Marta Lindqvist","RightToRevoke":true}}`)
		if body := readAll(resp); resp.StatusCode != http.StatusConflict || !strings.Contains(body, "164.508(c)(2)(ii)") || !strings.Contains(body, "164.508(c)(2)(iii)") {
			t.Errorf("defective authorization: %d %s", resp.StatusCode, body)
		}
		// The accounting lists neither release (the patient's own, and one
		// under an authorization), but lists a public-health report.
		f.do(roiUser, "POST", "/api/v1/patients/"+itoa(p.ID)+"/disclosures", `{"basis":"public-health","recipient":"State health department","purpose":"reportable disease","description":"laboratory result"}`)
		body := readAll(f.do(roiUser, "GET", "/api/v1/patients/"+itoa(p.ID)+"/accounting", nil))
		if !strings.Contains(body, "State health department") || strings.Contains(body, "Marta Lindqvist\",\n      \"purpose\": \"personal copy") {
			t.Errorf("accounting: %s", body)
		}
		if resp := f.do(roiUser, "GET", "/api/v1/patients/"+itoa(p.ID)+"/accounting?format=pdf", nil); resp.Header.Get("Content-Type") != "application/pdf" || !strings.HasPrefix(readAll(resp), "%PDF") {
			t.Error("accounting PDF")
		}
		if resp := f.do(chartroom.RoleCoder, "GET", "/api/v1/releases/due", nil); resp.StatusCode != http.StatusForbidden {
			t.Errorf("a coder listed releases: %d", resp.StatusCode)
		}
	})
}

func TestAmendmentRequestAPI(t *testing.T) {
	storetest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		f := newFixture(t, s)
		_, _, d := storetest.Seed(t, s)
		resp := f.do(chartroom.RoleROI, "POST", "/api/v1/documents/"+itoa(d.ID)+"/amendment-requests", `{"requested":"add my penicillin allergy","reason":"it is missing"}`)
		if resp.StatusCode != http.StatusCreated {
			t.Fatalf("request: %d %s", resp.StatusCode, readAll(resp))
		}
		a := decode[struct{ ID int64 }](t, resp)
		resp = f.do(chartroom.RoleClinician, "POST", "/api/v1/amendment-requests/"+itoa(a.ID)+"/decision", `{"decision":"accept","text":"Addendum: penicillin allergy (hives)."}`)
		if body := readAll(resp); resp.StatusCode != 200 || !strings.Contains(body, `"accepted"`) {
			t.Errorf("accept: %d %s", resp.StatusCode, body)
		}
	})
}
