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

func TestReleaseLinks(t *testing.T) {
	storetest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		p, _, _ := storetest.Seed(t, s)
		r := &roi.Request{PatientID: p.ID, Requester: roi.Patient, RequesterName: "The patient", Basis: roi.RightOfAccess, Purpose: "personal copy",
			Format: "pdf", Delivery: "download"}
		if err := s.CreateRequest(ctx, r, 30); err != nil {
			t.Fatal(err)
		}
		l := &roi.Link{RequestID: r.ID, ExpiresAt: time.Now().Add(72 * time.Hour), MaxDownloads: 2, Password: "tulip-harbor-9"}
		if err := s.CreateReleaseLink(ctx, l, "token-abc", 0); err != nil {
			t.Fatal(err)
		}
		for i := 1; i <= 2; i++ {
			got, err := s.TakeReleaseLink(ctx, "token-abc")
			if err != nil || got.RequestID != r.ID || got.Downloads != i || got.Password != "tulip-harbor-9" {
				t.Fatalf("download %d: %+v %v", i, got, err)
			}
		}
		if _, err := s.TakeReleaseLink(ctx, "token-abc"); chartroom.ErrorKind(err) != chartroom.KindGone {
			t.Errorf("a used-up link still works: %v", err)
		}
		if _, err := s.TakeReleaseLink(ctx, "token-xyz"); chartroom.ErrorKind(err) != chartroom.KindNotFound {
			t.Errorf("an unknown token: %v", err)
		}
		l2 := &roi.Link{RequestID: r.ID, ExpiresAt: time.Now().Add(time.Hour), MaxDownloads: 5, Password: "x"}
		if err := s.CreateReleaseLink(ctx, l2, "token-def", 0); err != nil {
			t.Fatal(err)
		}
		if err := s.RevokeReleaseLinks(ctx, r.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := s.TakeReleaseLink(ctx, "token-def"); chartroom.ErrorKind(err) != chartroom.KindGone || !strings.Contains(err.Error(), "withdrawn") {
			t.Errorf("a revoked link still works: %v", err)
		}
		if err := s.CreateReleaseLink(ctx, &roi.Link{RequestID: r.ID, ExpiresAt: time.Now().AddDate(0, 2, 0), MaxDownloads: 1}, "t", 0); chartroom.ErrorKind(err) != chartroom.KindInvalid {
			t.Errorf("a link for two months: %v", err)
		}
	})
}
