package http_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/chartroom/chartroom"
	"github.com/chartroom/chartroom/mpi"
	"github.com/chartroom/chartroom/sqlstore"
	"github.com/chartroom/chartroom/storetest"
)

func TestDuplicateAPI(t *testing.T) {
	storetest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		f := newFixture(t, s)
		orig := `{"name":{"family":"Featherstonehaugh","given":"Imogen"},"birth_date":"1962-08-19","sex":"F",
			"identifiers":[{"type":"MR","facility":"MAIN","value":"D100"}],"ssn":"219-09-1234",
			"addresses":[{"use":"home","line1":"8 Kestrel Row","city":"Dunmore","state":"PA","postal":"18512"}]}`
		resp := f.do(him, "POST", "/api/v1/patients", orig)
		if resp.StatusCode != http.StatusCreated {
			t.Fatalf("create: %d %s", resp.StatusCode, readAll(resp))
		}
		a := decode[chartroom.Patient](t, resp)
		dup := strings.NewReplacer("Featherstonehaugh", "Featherstonhaugh", "D100", "D777").Replace(orig)
		// Before saving, the registrar asks who this might be.
		resp = f.do(him, "POST", "/api/v1/patients/check", dup)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("check: %d %s", resp.StatusCode, readAll(resp))
		}
		type match struct {
			Patient chartroom.Patient `json:"patient"`
			Score   mpi.Score         `json:"score"`
		}
		got := decode[struct{ Items []match }](t, resp)
		if len(got.Items) != 1 || got.Items[0].Patient.ID != a.ID || got.Items[0].Score.Probability < 0.5 || len(got.Items[0].Score.Fields) == 0 {
			t.Fatalf("check found: %+v", got)
		}
		if resp := f.do(chartroom.RoleCoder, "POST", "/api/v1/patients/check", dup); resp.StatusCode != http.StatusForbidden {
			t.Errorf("a coder checked a registration: %d", resp.StatusCode)
		}
		// Saved anyway, the pair goes onto the worklist.
		resp = f.do(him, "POST", "/api/v1/patients", dup)
		b := decode[chartroom.Patient](t, resp)
		list := decode[struct{ Items []chartroom.MatchCandidate }](t, f.do(him, "GET", "/api/v1/duplicates?status=open", nil))
		if len(list.Items) != 1 || list.Items[0].LeftID != a.ID || list.Items[0].RightID != b.ID {
			t.Fatalf("worklist: %+v", list)
		}
		if strings.Contains(string(list.Items[0].Explanation), "Featherston") {
			t.Error("the stored explanation holds a name")
		}
		id := itoa(list.Items[0].ID)
		if resp := f.do(chartroom.RoleCoder, "GET", "/api/v1/duplicates", nil); resp.StatusCode != http.StatusForbidden {
			t.Errorf("a coder read the worklist: %d", resp.StatusCode)
		}
		if resp := f.do(him, "POST", "/api/v1/duplicates/"+id+"/decision", `{"status":"merged","survivor_id":999,"note":"same person"}`); resp.StatusCode != http.StatusBadRequest {
			t.Errorf("survivor outside the pair: %d", resp.StatusCode)
		}
		resp = f.do(him, "POST", "/api/v1/duplicates/"+id+"/decision", `{"status":"merged","survivor_id":`+itoa(a.ID)+`,"note":"same person, typo in family name"}`)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("merge: %d %s", resp.StatusCode, readAll(resp))
		}
		if c := decode[chartroom.MatchCandidate](t, resp); c.Status != chartroom.CandidateMerged {
			t.Errorf("status after merge: %s", c.Status)
		}
		if p, _ := s.Patient(t.Context(), b.ID); p.MergedInto != a.ID {
			t.Errorf("not merged: %+v", p)
		}
		if resp := f.do(him, "POST", "/api/v1/duplicates/"+id+"/decision", `{"status":"not-duplicate"}`); resp.StatusCode != http.StatusConflict {
			t.Errorf("deciding twice: %d", resp.StatusCode)
		}
		// The retired record is no longer suggested.
		got = decode[struct{ Items []match }](t, f.do(him, "POST", "/api/v1/patients/check", strings.Replace(dup, "D777", "D778", 1)))
		for _, m := range got.Items {
			if m.Patient.ID == b.ID {
				t.Error("a retired record was suggested")
			}
		}
	})
}
