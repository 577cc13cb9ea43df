package storetest_test

import (
	"strings"
	"testing"

	"github.com/chartroom/chartroom"
	"github.com/chartroom/chartroom/roi"
	"github.com/chartroom/chartroom/sqlstore"
	"github.com/chartroom/chartroom/storetest"
)

func TestAmendmentRequests(t *testing.T) {
	storetest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		p, _, d := storetest.Seed(t, s)
		a := &roi.AmendmentRequest{PatientID: p.ID, DocumentID: d.ID, Requested: "My allergy to penicillin is missing.", Reason: "it is wrong"}
		if err := s.CreateAmendmentRequest(ctx, a); err != nil {
			t.Fatal(err)
		}
		if !a.DueAt.Equal(a.ReceivedAt.AddDate(0, 0, 60)) {
			t.Errorf("due %v", a.DueAt)
		}
		if _, err := s.DecideAmendment(ctx, a.ID, "extend", 1, "", "awaiting the author's review"); err != nil {
			t.Fatal(err)
		}
		if _, err := s.DecideAmendment(ctx, a.ID, "extend", 1, "", "again"); chartroom.ErrorKind(err) != chartroom.KindConflict {
			t.Errorf("second extension: %v", err)
		}
		got, err := s.DecideAmendment(ctx, a.ID, "accept", 2, "Addendum: allergy to penicillin (hives).", "")
		if err != nil || got.Status != "accepted" || got.AmendmentID == 0 {
			t.Fatalf("accept: %+v %v", got, err)
		}
		as, _ := s.Amendments(ctx, d.ID)
		if len(as) != 1 || !strings.Contains(as[0].Text, "penicillin") || as[0].Version != 1 {
			t.Errorf("addendum: %+v", as)
		}
		v1, _ := s.DocumentVersion(ctx, d.ID, 1)
		if strings.Contains(v1.Text, "penicillin") {
			t.Error("the original was altered")
		}
		b := &roi.AmendmentRequest{PatientID: p.ID, DocumentID: d.ID, Requested: "Remove the pneumonia diagnosis.", Reason: "I disagree"}
		s.CreateAmendmentRequest(ctx, b)
		if _, err := s.DecideAmendment(ctx, b.ID, "deny", 2, "", "we do not like it"); chartroom.ErrorField(err) != "reason" {
			t.Errorf("denial without a lawful ground: %v", err)
		}
		if got, err := s.DecideAmendment(ctx, b.ID, "deny", 2, "", "accurate and complete: the chest x-ray confirms it"); err != nil || got.Status != "denied" {
			t.Fatalf("deny: %+v %v", got, err)
		}
		if got, err := s.DecideAmendment(ctx, b.ID, "disagreement", 0, "I still disagree.", ""); err != nil || got.Disagreement == "" {
			t.Errorf("statement of disagreement: %+v %v", got, err)
		}
	})
}
