package http_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/chartroom/chartroom"
	"github.com/chartroom/chartroom/audit"
	"github.com/chartroom/chartroom/sqlstore"
	"github.com/chartroom/chartroom/storetest"
)

func TestPrivacyPages(t *testing.T) {
	storetest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		f := newFixture(t, s)
		p, _, _ := storetest.Seed(t, s)
		w := audit.NewWriter(s, nil, audit.WriterOptions{})
		for _, a := range []audit.Action{audit.Read, audit.Search, audit.Update} {
			w.Record(t.Context(), audit.Entry{UserID: f.users[chartroom.RoleCoder].ID, Username: "coder", Role: "coder", Action: a, ObjectType: "patient", ObjectID: itoa(p.ID), PatientID: p.ID, Outcome: audit.Success})
		}
		w.Close()
		for _, path := range []string{"/privacy", "/privacy/patients/" + itoa(p.ID) + "/access", "/privacy/patients/" + itoa(p.ID) + "/access?format=csv",
			"/privacy/users/" + itoa(f.users[chartroom.RoleCoder].ID) + "/access", "/privacy/monitor", "/privacy/monitor?format=csv"} {
			resp := f.do(chartroom.RolePrivacy, "GET", path, nil)
			body := readAll(resp)
			if resp.StatusCode != http.StatusOK {
				t.Errorf("%s: %d %s", path, resp.StatusCode, body)
			}
			if strings.Contains(path, "csv") && !strings.HasPrefix(body, "seq,") && !strings.HasPrefix(body, "rule,") {
				t.Errorf("%s: not CSV: %.100s", path, body)
			}
		}
		resp := f.do(chartroom.RolePrivacy, "GET", "/privacy?mrn="+p.MRN(""), nil)
		if resp.StatusCode != http.StatusSeeOther {
			t.Errorf("privacy search by MRN: %d", resp.StatusCode)
		}
	})
}
