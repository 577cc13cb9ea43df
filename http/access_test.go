package http_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chartroom/chartroom"
	"github.com/chartroom/chartroom/audit"
	"github.com/chartroom/chartroom/auth"
	"github.com/chartroom/chartroom/sqlstore"
	"github.com/chartroom/chartroom/storetest"
)

func TestBreakTheGlass(t *testing.T) {
	storetest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		f := newFixture(t, s)
		vip := storetest.NewPatient("Famous", "Person", "1970-01-01", "VIP1")
		vip.Confidentiality.VIP = true
		if err := s.CreatePatient(t.Context(), vip); err != nil {
			t.Fatal(err)
		}
		path := "/patients/" + itoa(vip.ID)
		if resp := f.do(chartroom.RoleCoder, "GET", path, nil); resp.StatusCode != http.StatusForbidden || !strings.Contains(readAll(resp), "Break the glass") {
			t.Fatalf("restricted chart: %d", resp.StatusCode)
		}
		form := func(reason string) *http.Response {
			req, _ := http.NewRequest("POST", f.ts.URL+path+"/break-glass", strings.NewReader(url.Values{"reason": {reason}, "purpose": {"TREAT"}, "csrf": {f.csrf[chartroom.RoleCoder]}}.Encode()))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			req.AddCookie(&http.Cookie{Name: "chartroom_session", Value: f.tokens[chartroom.RoleCoder]})
			resp, err := noRedirect.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			return resp
		}
		if resp := form("x"); resp.StatusCode != http.StatusBadRequest {
			t.Errorf("too short a reason: %d", resp.StatusCode)
		}
		if resp := form("coding the current admission for DRG review"); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("break the glass: %d", resp.StatusCode)
		}
		if resp := f.do(chartroom.RoleCoder, "GET", path, nil); resp.StatusCode != http.StatusOK {
			t.Errorf("after breaking the glass: %d", resp.StatusCode)
		}
		alerts, _ := s.Alerts(t.Context(), true, 10)
		if len(alerts) != 1 || alerts[0].Kind != "break-the-glass" || alerts[0].PatientID != vip.ID {
			t.Errorf("alerts: %+v", alerts)
		}
		if f.rec.count(audit.BreakGlass) != 1 {
			t.Errorf("break-the-glass not audited")
		}
		// The privacy officer sees the alert.
		if resp := f.do(chartroom.RolePrivacy, "GET", "/privacy/alerts", nil); !strings.Contains(readAll(resp), "break-the-glass") {
			t.Errorf("alert not on the privacy page")
		}
	})
}

func TestAPITokens(t *testing.T) {
	storetest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		f := newFixture(t, s)
		storetest.Seed(t, s)
		u := &chartroom.User{Username: "hl7-feed", Name: "ADT feed", Roles: []chartroom.Role{chartroom.RoleInterface}, Facilities: []string{"*"}, PasswordHash: "x"}
		s.CreateUser(t.Context(), u)
		mk := func(scope []string, ttl time.Duration) string {
			tok, hash := auth.NewToken("crt_")
			if err := s.CreateAPIToken(t.Context(), &chartroom.APIToken{Hash: hash, UserID: u.ID, Name: "t", Scope: scope, ExpiresAt: time.Now().Add(ttl)}); err != nil {
				t.Fatal(err)
			}
			return tok
		}
		get := func(tok, path string) int {
			req, _ := http.NewRequest("GET", f.ts.URL+path, nil)
			req.Header.Set("Authorization", "Bearer "+tok)
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			return resp.StatusCode
		}
		read := mk([]string{"patient.read"}, time.Hour)
		if c := get(read, "/api/v1/patients?family=lind"); c != 200 {
			t.Errorf("scoped token: %d", c)
		}
		if c := get(read, "/api/v1/documents?patient_id=1"); c != 403 {
			t.Errorf("outside scope: %d", c)
		}
		if c := get(mk([]string{"*"}, -time.Minute), "/api/v1/patients?family=lind"); c != 401 {
			t.Errorf("expired token: %d", c)
		}
		if c := get("crt_forged", "/api/v1/patients?family=lind"); c != 401 {
			t.Errorf("forged token: %d", c)
		}
		if c := get(read, "/patients"); c != 403 {
			t.Errorf("token on a web page: %d", c)
		}
	})
}

func TestAlertWebhook(t *testing.T) {
	storetest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		got := make(chan string, 4)
		hook := newTestServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			b := readAll(&http.Response{Body: r.Body})
			got <- r.Header.Get("Content-Type") + " " + b
		}))
		f := newFixture(t, s)
		f.srv.AlertWebhook = hook.URL
		vip := storetest.NewPatient("Famous", "Person", "1970-01-01", "VIP2")
		vip.Confidentiality.VIP = true
		s.CreatePatient(t.Context(), vip)
		req, _ := http.NewRequest("POST", f.ts.URL+"/patients/"+itoa(vip.ID)+"/break-glass", strings.NewReader(url.Values{"reason": {"emergency treatment in the ED"}, "csrf": {f.csrf[chartroom.RoleClinician]}}.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.AddCookie(&http.Cookie{Name: "chartroom_session", Value: f.tokens[chartroom.RoleClinician]})
		resp, err := noRedirect.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		select {
		case body := <-got:
			if !strings.HasPrefix(body, "application/json") || !strings.Contains(body, `"kind":"break-the-glass"`) {
				t.Errorf("webhook got %s", body)
			}
		case <-time.After(5 * time.Second):
			t.Fatal("the webhook was not called")
		}
	})
}
