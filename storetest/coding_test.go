package storetest_test

import (
	"strings"
	"testing"
	"time"

	"github.com/chartroom/chartroom"
	"github.com/chartroom/chartroom/coding"
	"github.com/chartroom/chartroom/sqlstore"
	"github.com/chartroom/chartroom/storetest"
)

func TestCodingAbstract(t *testing.T) {
	storetest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		_, e, _ := storetest.Seed(t, s)
		coder := &chartroom.User{Username: "c.okoye", Name: "Chidi Okoye", Roles: []chartroom.Role{chartroom.RoleCoder}, Facilities: []string{"*"}, PasswordHash: "x"}
		if err := s.CreateUser(ctx, coder); err != nil {
			t.Fatal(err)
		}
		now := time.Date(2026, 3, 20, 12, 0, 0, 0, time.UTC)
		work, err := s.CodingWorklist(ctx, coding.WorkFilter{Now: now})
		if err != nil || len(work) != 1 || work[0].EncounterID != e.ID || work[0].Status != "" || work[0].Age(now) != 14 {
			t.Fatalf("worklist before coding: %+v %v", work, err)
		}
		if err := s.AssignAbstract(ctx, e.ID, coder.ID, "awaiting discharge summary"); err != nil {
			t.Fatal(err)
		}
		if mine, _ := s.CodingWorklist(ctx, coding.WorkFilter{Now: now, AssignedTo: coder.ID}); len(mine) != 1 || mine[0].Hold != "awaiting discharge summary" {
			t.Errorf("assigned: %+v", mine)
		}
		a, err := s.Abstract(ctx, e.ID)
		if err != nil {
			t.Fatal(err)
		}
		a.Setting, a.Diagnoses, a.Disposition = coding.Inpatient, []coding.Diagnosis{{Code: "J18.9", POA: "Y"}}, "01"
		if err := s.SaveAbstract(ctx, a, coder.ID); err != nil {
			t.Fatal(err)
		}
		stale := *a
		a, _ = s.Abstract(ctx, e.ID)
		a.Diagnoses = append(a.Diagnoses, coding.Diagnosis{Code: "E11.9", POA: "Y"})
		a.Diagnoses[0].Code = "J15.9"
		if err := s.SaveAbstract(ctx, a, coder.ID); err != nil {
			t.Fatal(err)
		}
		if err := s.SaveAbstract(ctx, &stale, coder.ID); chartroom.ErrorKind(err) != chartroom.KindConflict {
			t.Errorf("a stale save: %v", err)
		}
		// Hard edits refuse finalising, with the list.
		_, err = s.FinaliseAbstract(ctx, e.ID, coder.ID, func(*coding.Abstract) []coding.Edit {
			return []coding.Edit{{Rule: "poa-missing", Hard: true, Message: "E11.9 needs a POA indicator"}}
		})
		if chartroom.ErrorKind(err) != chartroom.KindConflict || !strings.Contains(err.Error(), "E11.9 needs a POA indicator") {
			t.Fatalf("finalise with a hard edit: %v", err)
		}
		fin, err := s.FinaliseAbstract(ctx, e.ID, coder.ID, func(*coding.Abstract) []coding.Edit { return nil })
		if err != nil || fin.Status != coding.Final || fin.FinalisedAt == nil {
			t.Fatalf("finalise: %+v %v", fin, err)
		}
		if work, _ := s.CodingWorklist(ctx, coding.WorkFilter{Now: now}); len(work) != 0 {
			t.Errorf("a final abstract is still on the worklist: %+v", work)
		}
		a, _ = s.Abstract(ctx, e.ID)
		if err := s.SaveAbstract(ctx, a, coder.ID); chartroom.ErrorKind(err) != chartroom.KindConflict {
			t.Errorf("a save over a final abstract: %v", err)
		}
		if err := s.RebillAbstract(ctx, e.ID, coder.ID, "payer denied: principal diagnosis corrected"); err != nil {
			t.Fatal(err)
		}
		if work, _ := s.CodingWorklist(ctx, coding.WorkFilter{Now: now}); len(work) != 1 || work[0].Status != coding.Rebill {
			t.Errorf("rebill is back on the worklist: %+v", work)
		}
		// Who changed which code, when, from what to what.
		changes, err := s.AbstractChanges(ctx, e.ID)
		if err != nil {
			t.Fatal(err)
		}
		var log []string
		for _, c := range changes {
			for _, x := range c.Changes {
				log = append(log, x.What+": "+x.From+" → "+x.To)
			}
		}
		all := strings.Join(log, "\n")
		for _, want := range []string{"hold:  → awaiting discharge summary", "diagnosis 1:  → J18.9 POA Y", "diagnosis 1: J18.9 POA Y → J15.9 POA Y", "diagnosis 2:  → E11.9 POA Y", "status: in-progress → final", "status: final → rebill"} {
			if !strings.Contains(all, want) {
				t.Errorf("change log lacks %q:\n%s", want, all)
			}
		}
		if changes[len(changes)-1].UserID != coder.ID {
			t.Errorf("who: %+v", changes[len(changes)-1])
		}
		if err := s.SaveAbstract(ctx, &coding.Abstract{EncounterID: 999999}, coder.ID); chartroom.ErrorKind(err) != chartroom.KindNotFound {
			t.Errorf("an abstract for no encounter: %v", err)
		}
	})
}

func TestCodingAuditQueue(t *testing.T) {
	storetest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		_, e, _ := storetest.Seed(t, s)
		var ids []int64
		for _, u := range []string{"coder.one", "coder.two"} {
			user := &chartroom.User{Username: u, Name: u, Roles: []chartroom.Role{chartroom.RoleCoder}, Facilities: []string{"*"}, PasswordHash: "x"}
			if err := s.CreateUser(ctx, user); err != nil {
				t.Fatal(err)
			}
			ids = append(ids, user.ID)
		}
		a := &coding.Abstract{EncounterID: e.ID, Setting: coding.Inpatient, Diagnoses: []coding.Diagnosis{{Code: "J18.9", POA: "Y"}, {Code: "R09.02", POA: "Y"}}, Disposition: "01"}
		if err := s.SaveAbstract(ctx, a, ids[0]); err != nil {
			t.Fatal(err)
		}
		if _, err := s.FinaliseAbstract(ctx, e.ID, ids[0], func(*coding.Abstract) []coding.Edit { return nil }); err != nil {
			t.Fatal(err)
		}
		if err := s.QueueCodingAudit(ctx, e.ID, ids[0], "blind"); err != nil {
			t.Fatal(err)
		}
		if err := s.QueueCodingAudit(ctx, e.ID, ids[0], "blind"); err != nil {
			t.Fatalf("queueing twice: %v", err)
		}
		pending, err := s.CodingAudits(ctx, "pending")
		if err != nil || len(pending) != 1 || pending[0].EncounterID != e.ID || pending[0].Mode != "blind" {
			t.Fatalf("pending: %+v %v", pending, err)
		}
		review := &coding.Abstract{Diagnoses: []coding.Diagnosis{{Code: "J18.9", POA: "Y"}, {Code: "J96.01", POA: "Y"}}}
		if _, err := s.RecordCodingAudit(ctx, e.ID, ids[0], review, nil); chartroom.ErrorKind(err) != chartroom.KindConflict {
			t.Errorf("the coder reviewed their own coding: %v", err)
		}
		done, err := s.RecordCodingAudit(ctx, e.ID, ids[1], review, map[string]string{"J96.01": "documented respiratory failure"})
		if err != nil || done.Result == nil || done.Result.Diagnoses.Agree != 1 || done.Result.Diagnoses.Total != 3 {
			t.Fatalf("recorded: %+v %v", done, err)
		}
		if _, err := s.RecordCodingAudit(ctx, e.ID, ids[1], review, nil); chartroom.ErrorKind(err) != chartroom.KindConflict {
			t.Errorf("reviewed twice: %v", err)
		}
		all, _ := s.CodingAudits(ctx, "done")
		if len(all) != 1 || all[0].Result == nil || all[0].CoderID != ids[0] {
			t.Errorf("done: %+v", all)
		}
	})
}

func TestSuggestionDecisions(t *testing.T) {
	storetest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		_, e, _ := storetest.Seed(t, s)
		user := &chartroom.User{Username: "coder.cac", Name: "Coder", Roles: []chartroom.Role{chartroom.RoleCoder}, Facilities: []string{"*"}, PasswordHash: "x"}
		if err := s.CreateUser(ctx, user); err != nil {
			t.Fatal(err)
		}
		from := time.Now().Add(-time.Hour)
		for _, d := range []coding.SuggestionDecision{
			{Code: "J18.9", Rule: "index", Decision: coding.Accepted},
			{Code: "R09.02", Rule: "title", Decision: coding.Accepted},
			{Code: "R09.02", Rule: "title", Decision: coding.Rejected}, // changed mind: the latest counts
		} {
			if err := s.RecordSuggestionDecision(ctx, e.ID, user.ID, d); err != nil {
				t.Fatal(err)
			}
		}
		for _, bad := range []coding.SuggestionDecision{{Code: "J18.9", Decision: "maybe"}, {Code: "", Decision: coding.Accepted}, {Code: "J18.9123456", Decision: coding.Accepted}} {
			if err := s.RecordSuggestionDecision(ctx, e.ID, user.ID, bad); chartroom.ErrorKind(err) != chartroom.KindInvalid {
				t.Errorf("%+v: %v", bad, err)
			}
		}
		if err := s.RecordSuggestionDecision(ctx, e.ID+999, user.ID, coding.SuggestionDecision{Code: "J18.9", Decision: coding.Accepted}); chartroom.ErrorKind(err) != chartroom.KindNotFound {
			t.Errorf("unknown encounter: %v", err)
		}
		got, err := s.SuggestionDecisions(ctx, from, time.Now().Add(time.Hour))
		if err != nil {
			t.Fatal(err)
		}
		byCode, byRule := coding.AcceptanceRates(got)
		if len(got) != 2 || len(byCode) != 2 || len(byRule) != 2 {
			t.Fatalf("decisions %+v", got)
		}
		for _, r := range byCode {
			if want := map[string]float64{"J18.9": 1, "R09.02": 0}[r.Key]; r.Rate != want {
				t.Errorf("%s: rate %v, want %v", r.Key, r.Rate, want)
			}
		}
		if old, _ := s.SuggestionDecisions(ctx, from.Add(-48*time.Hour), from); len(old) != 0 {
			t.Errorf("outside the range: %+v", old)
		}
	})
}
