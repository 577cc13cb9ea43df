package storetest_test

import (
	"strings"
	"testing"
	"time"

	"github.com/chartroom/chartroom"
	"github.com/chartroom/chartroom/roi"
	"github.com/chartroom/chartroom/sqlstore"
	"github.com/chartroom/chartroom/storetest"
)

func TestReleaseWorkflow(t *testing.T) {
	storetest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		p, _, _ := storetest.Seed(t, s)
		r := &roi.Request{PatientID: p.ID, Requester: roi.Attorney, RequesterName: "Marlowe & Pike LLP", Basis: roi.Authorization, Purpose: "personal injury claim",
			Format: "pdf", Delivery: "download", DocumentTypes: []string{"discharge-summary"},
			Authorization: &roi.AuthorizationForm{Description: "Discharge summary, March 2026 admission", Disclosers: "Harbor View", Recipients: "Marlowe & Pike LLP",
				Purpose: "legal", SignedBy: "Marta Lindqvist", SignedOn: time.Now().AddDate(0, 0, -2), ExpiresOn: time.Now().AddDate(1, 0, 0), RightToRevoke: true, Conditioning: true}}
		if err := s.CreateRequest(ctx, r, 15); err != nil {
			t.Fatal(err)
		}
		if !r.DueAt.Equal(r.ReceivedAt.AddDate(0, 0, 15)) {
			t.Errorf("due %v, want 15 days after %v", r.DueAt, r.ReceivedAt)
		}
		// The authorization lacks its redisclosure statement: validation is
		// refused with the defect named.
		_, err := s.MoveRequest(ctx, r.ID, roi.Validated, 1, "", nil)
		if chartroom.ErrorKind(err) != chartroom.KindConflict || !strings.Contains(err.Error(), "164.508(c)(2)(iii)") {
			t.Fatalf("validate a defective authorization: %v", err)
		}
		if _, err := s.MoveRequest(ctx, r.ID, roi.Validated, 1, "", func(r *roi.Request) { r.Authorization.Redisclosure = true }); err != nil {
			t.Fatal(err)
		}
		for _, st := range []roi.Status{roi.InProcess, roi.QualityCheck} {
			if _, err := s.MoveRequest(ctx, r.ID, st, 1, "", func(r *roi.Request) { r.Pages = 12 }); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := s.MoveRequest(ctx, r.ID, roi.Released, 1, "", nil); chartroom.ErrorKind(err) != chartroom.KindConflict {
			t.Errorf("release by the person who prepared it: %v", err)
		}
		done, err := s.MoveRequest(ctx, r.ID, roi.Released, 2, "", nil)
		if err != nil || done.ReleasedBy != 2 || done.Status != roi.Released {
			t.Fatalf("release: %+v %v", done, err)
		}
		// The release was recorded as a disclosure automatically; a
		// public-health report is logged by hand, then corrected.
		ph := &roi.Record{PatientID: p.ID, Basis: roi.PublicHealth, Recipient: "State health department", Purpose: "reportable disease", Description: "lab result", Manual: true, RecordedBy: 1}
		if err := s.RecordDisclosure(ctx, ph); err != nil {
			t.Fatal(err)
		}
		fix := *ph
		fix.ID, fix.Corrects, fix.Description, fix.Note = 0, ph.ID, "lab result and discharge summary", "recipient listed the wrong document"
		if err := s.RecordDisclosure(ctx, &fix); err != nil {
			t.Fatal(err)
		}
		all, err := s.Disclosures(ctx, p.ID)
		if err != nil || len(all) != 3 {
			t.Fatalf("disclosures: %+v %v", all, err)
		}
		acct := roi.Accounting(all, time.Now().Add(time.Hour), 6, nil)
		if len(acct) != 1 || acct[0].Description != "lab result and discharge summary" {
			t.Errorf("accounting: %+v", acct)
		}
		// Disclosure records cannot be deleted or changed.
		if _, err := s.DB().Exec("DELETE FROM disclosures"); err == nil {
			t.Error("disclosure records could be deleted")
		}
		due, _ := s.DueRequests(ctx, time.Now().AddDate(0, 1, 0), 10)
		if len(due) != 0 {
			t.Errorf("a released request is still listed as due: %+v", due)
		}
	})
}
