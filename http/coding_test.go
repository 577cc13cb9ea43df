package http_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/chartroom/chartroom"
	"github.com/chartroom/chartroom/codeset"
	"github.com/chartroom/chartroom/coding"
	"github.com/chartroom/chartroom/sqlstore"
	"github.com/chartroom/chartroom/storetest"
)

type abstractResp struct {
	coding.Abstract
	Edits []coding.Edit `json:"edits"`
}

func TestCodingAPI(t *testing.T) {
	storetest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		f := newFixture(t, s)
		_, e, _ := storetest.Seed(t, s)
		file := orderLine(1, "J18", false, "Pneumonia, unspecified organism") + orderLine(2, "J189", true, "Pneumonia, unspecified organism") +
			orderLine(3, "I10", true, "Essential (primary) hypertension")
		set, err := codeset.ImportReader(context.Background(), "icd10cm_order_2026.txt", strings.NewReader(file), codeset.ImportOptions{Year: 2026})
		if err != nil {
			t.Fatal(err)
		}
		f.codes.Use(set, nil)
		base := "/api/v1/encounters/" + itoa(e.ID) + "/abstract"
		// On the worklist before coding starts.
		work := decode[struct{ Items []coding.WorkItem }](t, f.do(chartroom.RoleCoder, "GET", "/api/v1/coding/worklist?class=inpatient", nil))
		if len(work.Items) != 1 || work.Items[0].EncounterID != e.ID {
			t.Fatalf("worklist: %+v", work)
		}
		got := decode[abstractResp](t, f.do(chartroom.RoleCoder, "GET", base, nil))
		if got.Version != 0 || got.Setting != coding.Inpatient || len(got.Edits) == 0 {
			t.Fatalf("empty abstract: %+v", got)
		}
		// A save without POA: stored, with the edit that blocks finalising.
		resp := f.do(chartroom.RoleCoder, "PUT", base, `{"version":0,"diagnoses":[{"code":"J18.9"},{"code":"I10","poa":"Y"}],"admitting":"J18.9","disposition":"01"}`)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("save: %d %s", resp.StatusCode, readAll(resp))
		}
		got = decode[abstractResp](t, resp)
		if got.Version != 1 || !hasRule(got.Edits, "poa-missing") {
			t.Fatalf("after save: %+v", got)
		}
		resp = f.do(chartroom.RoleCoder, "POST", base+"/finalise", nil)
		if resp.StatusCode != http.StatusConflict || !strings.Contains(readAll(resp), "present-on-admission") {
			t.Errorf("finalise with a hard edit: %d", resp.StatusCode)
		}
		resp = f.do(chartroom.RoleCoder, "PUT", base, `{"version":1,"diagnoses":[{"code":"J18.9","poa":"Y"},{"code":"I10","poa":"Y"}],"admitting":"J18.9","disposition":"01"}`)
		if got = decode[abstractResp](t, resp); len(got.Edits) != 0 {
			t.Fatalf("clean abstract has edits: %+v", got.Edits)
		}
		if resp := f.do(chartroom.RoleCoder, "PUT", base, `{"version":1,"diagnoses":[]}`); resp.StatusCode != http.StatusConflict {
			t.Errorf("stale save: %d", resp.StatusCode)
		}
		if resp := f.do(chartroom.RoleCoder, "POST", base+"/finalise", nil); resp.StatusCode != http.StatusOK {
			t.Fatalf("finalise: %d %s", resp.StatusCode, readAll(resp))
		}
		if dnfb := decode[coding.DNFB](t, f.do(chartroom.RoleBilling, "GET", "/api/v1/coding/dnfb", nil)); dnfb.Total != 0 {
			t.Errorf("DNFB after final: %+v", dnfb)
		}
		if resp := f.do(chartroom.RoleBilling, "PUT", base, `{"version":3}`); resp.StatusCode != http.StatusForbidden {
			t.Errorf("billing edited an abstract: %d", resp.StatusCode)
		}
		if resp := f.do(chartroom.RoleCoder, "POST", base+"/rebill", `{"reason":"payer denial: wrong principal"}`); resp.StatusCode != http.StatusOK {
			t.Fatalf("rebill: %d %s", resp.StatusCode, readAll(resp))
		}
		if dnfb := decode[coding.DNFB](t, f.do(chartroom.RoleBilling, "GET", "/api/v1/coding/dnfb", nil)); dnfb.Total != 1 {
			t.Errorf("DNFB after rebill: %+v", dnfb)
		}
		changes := decode[struct{ Items []sqlstore.AbstractChange }](t, f.do(chartroom.RoleCoder, "GET", base+"/changes", nil))
		if len(changes.Items) < 4 || changes.Items[0].UserID != f.users[chartroom.RoleCoder].ID {
			t.Errorf("changes: %+v", changes)
		}
		if resp := f.do(chartroom.RoleResearcher, "GET", base, nil); resp.StatusCode != http.StatusForbidden {
			t.Errorf("a researcher read an abstract: %d", resp.StatusCode)
		}
	})
}

func hasRule(es []coding.Edit, rule string) bool {
	for _, e := range es {
		if e.Rule == rule {
			return true
		}
	}
	return false
}

// TestWorkbenchSuggestions opens the workbench: the suggested code is
// offered and its evidence is marked in the note.
func TestWorkbenchSuggestions(t *testing.T) {
	storetest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		f := newFixture(t, s)
		_, e, _ := storetest.Seed(t, s)
		file := orderLine(1, "J189", true, "Pneumonia, unspecified organism") + orderLine(2, "I10", true, "Essential (primary) hypertension")
		set, err := codeset.ImportReader(context.Background(), "icd10cm_order_2026.txt", strings.NewReader(file), codeset.ImportOptions{Year: 2026})
		if err != nil {
			t.Fatal(err)
		}
		f.codes.Use(set, nil)
		resp := f.do(chartroom.RoleCoder, "GET", "/coding/"+itoa(e.ID), nil)
		page := readAll(resp)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("workbench: %d %s", resp.StatusCode, page)
		}
		for _, want := range []string{`data-code="J18.9"`, `<mark title="J18.9">`, "no principal diagnosis"} {
			if !strings.Contains(page, want) {
				t.Errorf("workbench lacks %s", want)
			}
		}
		if strings.Contains(page, `data-code="I10"`) {
			t.Error("a code the note does not support was suggested")
		}
	})
}

// TestCodingReview samples every finalised encounter for review: a second
// person re-codes it and the coder's accuracy follows.
func TestCodingReview(t *testing.T) {
	storetest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		f := newFixture(t, s)
		_, e, _ := storetest.Seed(t, s)
		base := finaliseForBlindReview(t, f, s, e)
		queue := decode[struct{ Items []sqlstore.CodingAudit }](t, f.do(chartroom.RoleHIMManager, "GET", "/api/v1/coding/audits", nil))
		if len(queue.Items) != 1 || queue.Items[0].Mode != "blind" {
			t.Fatalf("review queue: %+v", queue)
		}
		if resp := f.do(chartroom.RoleCoder, "POST", base+"/review", `{"review":{"diagnoses":[{"code":"J18.9","poa":"Y"}]}}`); resp.StatusCode != http.StatusConflict {
			t.Errorf("the coder reviewed their own work: %d", resp.StatusCode)
		}
		resp := f.do(chartroom.RoleHIMManager, "POST", base+"/review", `{"review":{"diagnoses":[{"code":"J18.9","poa":"Y"},{"code":"J96.01","poa":"Y"}]},"reasons":{"J96.01":"respiratory failure documented"}}`)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("review: %d %s", resp.StatusCode, readAll(resp))
		}
		acc := decode[struct{ Items []coding.CoderAccuracy }](t, f.do(chartroom.RoleHIMManager, "GET", "/api/v1/coding/accuracy", nil))
		if len(acc.Items) != 1 || acc.Items[0].CoderID != f.users[chartroom.RoleCoder].ID || acc.Items[0].Principal != 1 || acc.Items[0].Diagnosis >= 1 {
			t.Errorf("accuracy: %+v", acc)
		}
		if csv := readAll(f.do(chartroom.RoleHIMManager, "GET", "/api/v1/coding/accuracy?format=csv", nil)); !strings.HasPrefix(csv, "coder_id,audited,diagnosis") || strings.Count(csv, "\n") != 2 {
			t.Errorf("accuracy CSV:\n%s", csv)
		}
		prod := decode[struct{ Items []coding.ProductivityRow }](t, f.do(chartroom.RoleHIMManager, "GET", "/api/v1/coding/productivity", nil))
		if len(prod.Items) != 1 || prod.Items[0].Class != "inpatient" || prod.Items[0].Charts != 1 || prod.Items[0].CoderID != f.users[chartroom.RoleCoder].ID {
			t.Errorf("productivity: %+v", prod)
		}
		if csv := readAll(f.do(chartroom.RoleHIMManager, "GET", "/api/v1/coding/productivity?format=csv", nil)); !strings.Contains(csv, ",inpatient,1,") {
			t.Errorf("productivity CSV:\n%s", csv)
		}
		page := readAll(f.do(chartroom.RoleHIMManager, "GET", "/coding/reports", nil))
		for _, want := range []string{"Nothing waits for review", "inpatient", "33%", "blind review"} {
			if !strings.Contains(page, want) {
				t.Errorf("reports page lacks %q", want)
			}
		}
	})
}

func TestSuggestionAcceptanceAPI(t *testing.T) {
	storetest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		f := newFixture(t, s)
		_, e, _ := storetest.Seed(t, s)
		url := "/api/v1/encounters/" + itoa(e.ID) + "/suggestions"
		for _, body := range []string{
			`{"code":"j18.9","rule":"index","decision":"accepted"}`,
			`{"code":"I10","rule":"index","decision":"rejected"}`,
			`{"code":"Z80.0","rule":"family history","decision":"accepted"}`,
		} {
			if resp := f.do(chartroom.RoleCoder, "POST", url, body); resp.StatusCode != http.StatusNoContent {
				t.Fatalf("%s: %d %s", body, resp.StatusCode, readAll(resp))
			}
		}
		if resp := f.do(chartroom.RoleCoder, "POST", url, `{"code":"I10","decision":"perhaps"}`); resp.StatusCode != http.StatusBadRequest {
			t.Errorf("a bad decision: %d", resp.StatusCode)
		}
		if resp := f.do(chartroom.RoleROI, "POST", url, `{"code":"I10","decision":"accepted"}`); resp.StatusCode != http.StatusForbidden {
			t.Errorf("a release-of-information specialist decided a code: %d", resp.StatusCode)
		}
		byRule := decode[struct{ Items []coding.AcceptanceRate }](t, f.do(chartroom.RoleHIMManager, "GET", "/api/v1/coding/acceptance?by=rule", nil))
		if len(byRule.Items) != 2 || byRule.Items[0].Key != "index" || byRule.Items[0].Accepted != 1 || byRule.Items[0].Rejected != 1 {
			t.Errorf("by rule: %+v", byRule)
		}
		if csv := readAll(f.do(chartroom.RoleHIMManager, "GET", "/api/v1/coding/acceptance?format=csv", nil)); !strings.Contains(csv, "J18.9,1,0,1.000") || !strings.HasPrefix(csv, "code,accepted,rejected,rate") {
			t.Errorf("by code CSV:\n%s", csv)
		}
		if resp := f.do(chartroom.RoleHIMManager, "GET", "/api/v1/coding/acceptance?by=coder", nil); resp.StatusCode != http.StatusBadRequest {
			t.Errorf("by=coder: %d", resp.StatusCode)
		}
	})
}

// TestReviewPage records a blind second-level review through the web
// form: the reviewer does not see the coder's codes, and the result lists
// each disagreement with its reason.
func TestReviewPage(t *testing.T) {
	storetest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		f := newFixture(t, s)
		_, e, _ := storetest.Seed(t, s)
		finaliseForBlindReview(t, f, s, e)
		page := "/coding/" + itoa(e.ID) + "/review"
		blind := readAll(f.do(chartroom.RoleHIMManager, "GET", page, nil))
		if !strings.Contains(blind, `id="review-form"`) || strings.Contains(blind, "R09.02") {
			t.Fatalf("blind review page shows the coder's codes or no form:\n%s", blind)
		}
		bad := f.form(chartroom.RoleHIMManager, page, url.Values{"dx_code": {"J18.9"}, "dx_poa": {"Y"}, "reasons": {"no colon here"}})
		if bad.StatusCode != http.StatusBadRequest {
			t.Errorf("a reason without a code: %d", bad.StatusCode)
		}
		resp := f.form(chartroom.RoleHIMManager, page, url.Values{"dx_code": {"J18.9", "J96.01", ""}, "dx_poa": {"Y", "Y", ""},
			"reasons": {"J96.01: respiratory failure documented\n"}})
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("record: %d %s", resp.StatusCode, readAll(resp))
		}
		done := readAll(f.do(chartroom.RoleHIMManager, "GET", page, nil))
		for _, want := range []string{"1 of 3", "respiratory failure documented", "R09.02"} {
			if !strings.Contains(done, want) {
				t.Errorf("result lacks %q", want)
			}
		}
		if resp := f.form(chartroom.RoleHIMManager, page, url.Values{"dx_code": {"J18.9"}}); resp.StatusCode != http.StatusSeeOther {
			t.Errorf("a second review: %d", resp.StatusCode)
		} else if loc := resp.Header.Get("Location"); !strings.Contains(loc, "Not+recorded") && !strings.Contains(loc, "Not%20recorded") {
			t.Errorf("a second review was not refused: %s", loc)
		}
	})
}

// finaliseForBlindReview loads a three-code release, sends every finalised
// chart to blind review, and has the coder code e (J18.9, R09.02) and
// finalise it. It returns the abstract's API path.
func finaliseForBlindReview(t *testing.T, f *fixture, s *sqlstore.Store, e *chartroom.Encounter) string {
	t.Helper()
	file := orderLine(1, "J189", true, "Pneumonia, unspecified organism") + orderLine(2, "J9601", true, "Acute respiratory failure with hypoxia") +
		orderLine(3, "R0902", true, "Hypoxemia")
	set, err := codeset.ImportReader(context.Background(), "icd10cm_order_2026.txt", strings.NewReader(file), codeset.ImportOptions{Year: 2026})
	if err != nil {
		t.Fatal(err)
	}
	f.codes.Use(set, nil)
	if err := s.SetSetting(t.Context(), "coding.audit", map[string]any{"percent": 100, "mode": "blind"}, 0); err != nil {
		t.Fatal(err)
	}
	base := "/api/v1/encounters/" + itoa(e.ID) + "/abstract"
	f.do(chartroom.RoleCoder, "PUT", base, `{"version":0,"diagnoses":[{"code":"J18.9","poa":"Y"},{"code":"R09.02","poa":"Y"}],"admitting":"J18.9","disposition":"01"}`)
	if resp := f.do(chartroom.RoleCoder, "POST", base+"/finalise", nil); resp.StatusCode != http.StatusOK {
		t.Fatalf("finalise: %d %s", resp.StatusCode, readAll(resp))
	}
	return base
}
