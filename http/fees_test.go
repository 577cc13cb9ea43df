package http_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chartroom/chartroom"
	"github.com/chartroom/chartroom/roi"
	"github.com/chartroom/chartroom/sqlstore"
	"github.com/chartroom/chartroom/storetest"
)

func TestFeeScheduleAndInvoice(t *testing.T) {
	storetest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		f := newFixture(t, s)
		form := url.Values{"name": {"Massachusetts"}, "state": {"ma"}, "flat": {"15"}, "first_pages": {"100"}, "first_page_rate": {"1.00"},
			"per_page": {"0.50"}, "cap": {"0"}, "patient_access_flat": {"6.50"}}
		if resp := f.form(chartroom.RoleHIMManager, "/admin/fees", form); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("save: %d %s", resp.StatusCode, readAll(resp))
		}
		page := readAll(f.do(chartroom.RoleHIMManager, "GET", "/admin/fees", nil))
		// 15 + 100 × 1.00 + 300 × 0.50 for 400 pages.
		if !strings.Contains(page, "$265.00") || !strings.Contains(page, `value="MA"`) {
			t.Errorf("fee page after saving:\n%s", page)
		}
		bad := url.Values{"per_page": {"lots"}}
		if resp := f.form(chartroom.RoleHIMManager, "/admin/fees", bad); resp.StatusCode != http.StatusBadRequest || !strings.Contains(readAll(resp), "amount") {
			t.Errorf("a bad amount: %d", resp.StatusCode)
		}
		if resp := f.form(chartroom.RoleROI, "/admin/fees", form); resp.StatusCode != http.StatusForbidden {
			t.Errorf("an ROI specialist changed the fees: %d", resp.StatusCode)
		}
		// The invoice uses the saved schedule.
		p, _, _ := storetest.Seed(t, s)
		r := &roi.Request{PatientID: p.ID, Requester: roi.Insurer, RequesterName: "Keel Mutual", Basis: roi.Authorization, Purpose: "claim review",
			Format: "paper", Delivery: "mail", Pages: 40,
			Authorization: &roi.AuthorizationForm{Description: "Discharge summary", Disclosers: "Harbor View", Recipients: "Keel Mutual", Purpose: "claim",
				SignedBy: "the patient", SignedOn: time.Now(), ExpiresOn: time.Now().AddDate(1, 0, 0), RightToRevoke: true, Conditioning: true, Redisclosure: true}}
		if err := s.CreateRequest(t.Context(), r, 30); err != nil {
			t.Fatal(err)
		}
		resp := f.do(chartroom.RoleROI, "GET", "/releases/"+itoa(r.ID)+"/invoice", nil)
		pdf := []byte(readAll(resp))
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("invoice: %d %s", resp.StatusCode, pdf)
		}
		text, err := pdfText(t, pdf, "")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(text, "$55.00") || !strings.Contains(text, "Keel Mutual") {
			t.Errorf("invoice:\n%s", text)
		}
	})
}

func TestTurnaroundReport(t *testing.T) {
	storetest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		f := newFixture(t, s)
		p, _, _ := storetest.Seed(t, s)
		for i := 0; i < 3; i++ {
			r := &roi.Request{PatientID: p.ID, Requester: roi.Patient, RequesterName: "The patient", Basis: roi.RightOfAccess, Purpose: "personal copy", Format: "pdf", Delivery: "download"}
			if err := s.CreateRequest(t.Context(), r, 30); err != nil {
				t.Fatal(err)
			}
		}
		resp := f.do(chartroom.RoleROI, "GET", "/api/v1/releases/turnaround", nil)
		got := decode[struct{ Rows []roi.TurnaroundRow }](t, resp)
		if len(got.Rows) != 2 || got.Rows[0].Basis != roi.RightOfAccess || got.Rows[0].Received != 3 || got.Rows[0].Open != 3 {
			t.Fatalf("turnaround: %+v", got)
		}
		if page := readAll(f.do(chartroom.RoleROI, "GET", "/releases/turnaround?from=2020-01-01", nil)); !strings.Contains(page, "right-of-access") {
			t.Errorf("page:\n%s", page)
		}
		if resp := f.do(chartroom.RoleROI, "GET", "/api/v1/releases/turnaround?from=yesterday", nil); resp.StatusCode != http.StatusBadRequest {
			t.Errorf("a bad date: %d", resp.StatusCode)
		}
	})
}

func TestReleaseReminders(t *testing.T) {
	storetest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		f := newFixture(t, s)
		p, _, _ := storetest.Seed(t, s)
		for _, ago := range []int{40, 27, 2} {
			r := &roi.Request{PatientID: p.ID, Requester: roi.Patient, RequesterName: "The patient", Basis: roi.RightOfAccess, Purpose: "copy",
				Format: "pdf", Delivery: "download", ReceivedAt: time.Now().AddDate(0, 0, -ago)}
			if err := s.CreateRequest(t.Context(), r, 30); err != nil {
				t.Fatal(err)
			}
		}
		page := readAll(f.do(chartroom.RoleROI, "GET", "/releases", nil))
		for _, want := range []string{"1 overdue", "escalate to the HIM manager", "1 due within five days", ">escalate<", ">due soon<"} {
			if !strings.Contains(page, want) {
				t.Errorf("releases page lacks %q", want)
			}
		}
	})
}
