package storetest_test

import (
	"testing"

	"github.com/chartroom/chartroom"
	"github.com/chartroom/chartroom/sqlstore"
	"github.com/chartroom/chartroom/storetest"
)

func TestMatchWorklist(t *testing.T) {
	storetest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		a := storetest.NewPatient("Quintero", "Lucia", "1971-05-02", "W1")
		b := storetest.NewPatient("Quintero", "Luz", "1971-05-02", "W2")
		c := storetest.NewPatient("Quinteros", "Lucia", "1971-02-05", "W3")
		for _, p := range []*chartroom.Patient{a, b, c} {
			if err := s.CreatePatient(ctx, p); err != nil {
				t.Fatal(err)
			}
		}
		reviewer := &chartroom.User{Username: "mpi.reviewer", Name: "Rhea Voss", Roles: []chartroom.Role{chartroom.RoleHIMManager}, Facilities: []string{"*"}, PasswordHash: "x"}
		if err := s.CreateUser(ctx, reviewer); err != nil {
			t.Fatal(err)
		}
		n, err := s.SaveCandidates(ctx, []*chartroom.MatchCandidate{
			{LeftID: b.ID, RightID: a.ID, Probability: 0.97, Weight: 12, Decision: "link", Explanation: []byte(`{"fields":[]}`)},
			{LeftID: a.ID, RightID: c.ID, Probability: 0.7, Weight: 3, Decision: "review"},
		})
		if err != nil || n != 2 {
			t.Fatalf("save: %d %v", n, err)
		}
		open, err := s.Candidates(ctx, chartroom.MatchFilter{Status: chartroom.CandidateOpen})
		if err != nil || len(open) != 2 {
			t.Fatalf("open: %v %v", open, err)
		}
		ab := open[0]
		if ab.LeftID != a.ID || ab.RightID != b.ID || ab.Probability != 0.97 || string(ab.Explanation) != `{"fields":[]}` {
			t.Errorf("pair stored in order, likeliest first: %+v", ab)
		}
		// A later run refreshes an open pair's score and adds nothing.
		n, err = s.SaveCandidates(ctx, []*chartroom.MatchCandidate{{LeftID: a.ID, RightID: b.ID, Probability: 0.99, Weight: 14, Decision: "link"}})
		if err != nil || n != 0 {
			t.Fatalf("resave: %d %v", n, err)
		}
		if got, _ := s.Candidate(ctx, ab.ID); got.Probability != 0.99 {
			t.Errorf("score not refreshed: %v", got.Probability)
		}
		if err := s.AssignCandidate(ctx, ab.ID, reviewer.ID); err != nil {
			t.Fatal(err)
		}
		if mine, _ := s.Candidates(ctx, chartroom.MatchFilter{AssignedTo: reviewer.ID}); len(mine) != 1 || mine[0].ID != ab.ID {
			t.Errorf("assigned: %v", mine)
		}
		if err := s.DecideCandidate(ctx, ab.ID, chartroom.CandidateNotDuplicate, reviewer.ID, "sisters, checked ID"); err != nil {
			t.Fatal(err)
		}
		if err := s.DecideCandidate(ctx, ab.ID, chartroom.CandidateMerged, reviewer.ID, ""); chartroom.ErrorKind(err) != chartroom.KindConflict {
			t.Errorf("deciding twice: %v", err)
		}
		if err := s.DecideCandidate(ctx, open[1].ID, "maybe", reviewer.ID, ""); chartroom.ErrorKind(err) != chartroom.KindInvalid {
			t.Errorf("bad status: %v", err)
		}
		// The decision is remembered: the next run neither reopens nor rescores it.
		n, err = s.SaveCandidates(ctx, []*chartroom.MatchCandidate{{LeftID: a.ID, RightID: b.ID, Probability: 0.999, Weight: 15, Decision: "link"}})
		if err != nil || n != 0 {
			t.Fatalf("resave decided: %d %v", n, err)
		}
		got, _ := s.Candidate(ctx, ab.ID)
		if got.Status != chartroom.CandidateNotDuplicate || got.Probability != 0.99 || got.DecidedBy != reviewer.ID || got.DecidedAt == nil || got.Note != "sisters, checked ID" {
			t.Errorf("decision lost: %+v", got)
		}
		if byPatient, _ := s.Candidates(ctx, chartroom.MatchFilter{PatientID: c.ID}); len(byPatient) != 1 {
			t.Errorf("by patient: %v", byPatient)
		}
		if _, err := s.SaveCandidates(ctx, []*chartroom.MatchCandidate{{LeftID: a.ID, RightID: a.ID}}); chartroom.ErrorKind(err) != chartroom.KindInvalid {
			t.Errorf("self pair: %v", err)
		}
		if _, err := s.Candidate(ctx, 999999); chartroom.ErrorKind(err) != chartroom.KindNotFound {
			t.Errorf("missing: %v", err)
		}
	})
}
