package storetest_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/chartroom/chartroom"
	"github.com/chartroom/chartroom/sqlstore"
	"github.com/chartroom/chartroom/storetest"
)

func TestMergeRules(t *testing.T) {
	storetest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		a := storetest.NewPatient("Okonkwo", "Ada", "1980-01-01", "A1")
		b := storetest.NewPatient("Okonkwo", "Adaora", "1980-01-01", "B1")
		c := storetest.NewPatient("Okonkwo", "Ade", "1980-01-01", "C1")
		for _, p := range []*chartroom.Patient{a, b, c} {
			s.CreatePatient(ctx, p)
		}
		if _, err := s.MergePatients(ctx, a.ID, a.ID, 0, ""); chartroom.ErrorKind(err) != chartroom.KindInvalid {
			t.Errorf("self merge: %v", err)
		}
		m, err := s.MergePatients(ctx, a.ID, b.ID, 0, "same person: registration typo")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.MergePatients(ctx, c.ID, b.ID, 0, ""); chartroom.ErrorKind(err) != chartroom.KindConflict {
			t.Errorf("merging an already merged record: %v", err)
		}
		if _, err := s.MergePatients(ctx, b.ID, c.ID, 0, ""); chartroom.ErrorKind(err) != chartroom.KindConflict {
			t.Errorf("merging into a retired record: %v", err)
		}
		// The old MRN still finds the survivor.
		got, err := s.PatientByIdentifier(ctx, "MAIN", "B1")
		if err != nil || got.ID != a.ID {
			t.Errorf("lookup by retired MRN: %v %v", got, err)
		}
		page, _ := s.FindPatients(ctx, chartroom.PatientFilter{Family: "okonkwo"})
		if len(page.Items) != 2 {
			t.Errorf("search shows %d records, want 2 (the retired one hidden)", len(page.Items))
		}
		if _, err := s.Unmerge(ctx, m.ID, 0); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Unmerge(ctx, m.ID, 0); chartroom.ErrorKind(err) != chartroom.KindConflict {
			t.Errorf("second unmerge: %v", err)
		}
		got, _ = s.PatientByIdentifier(ctx, "MAIN", "B1")
		if got.ID != b.ID || got.MergedInto != 0 || got.Identifiers[0].Retired {
			t.Errorf("after unmerge: %+v", got)
		}
	})
}

// TestMergeUnmergeProperty applies random merges, updates and unmerges and
// checks after each step that every encounter, document and identifier
// belongs to the patient a simple model says it should.
func TestMergeUnmergeProperty(t *testing.T) {
	storetest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		r := rand.New(rand.NewPCG(7, uint64(time.Now().UnixNano())))
		const n = 8
		var ids []int64
		owner := map[string]int64{}       // "e:ID" / "d:ID" / "i:MRN" → patient
		retiredAlias := map[string]bool{} // identifier retired flag in the model
		for i := 0; i < n; i++ {
			p := storetest.NewPatient("Prop", fmt.Sprintf("P%d", i), "1970-01-01", fmt.Sprintf("PR%d", i))
			if err := s.CreatePatient(ctx, p); err != nil {
				t.Fatal(err)
			}
			ids = append(ids, p.ID)
			owner["i:PR"+fmt.Sprint(i)] = p.ID
		}
		addItems := func(pid int64) {
			e := &chartroom.Encounter{PatientID: pid, Facility: "MAIN", Class: chartroom.Outpatient, AdmitAt: time.Now()}
			if err := s.CreateEncounter(ctx, e); err != nil {
				t.Fatal(err)
			}
			owner[fmt.Sprintf("e:%d", e.ID)] = pid
			d := &chartroom.Document{PatientID: pid, Type: "progress-note", ServiceAt: time.Now()}
			if err := s.CreateDocument(ctx, d, chartroom.DocumentContent{Text: "note"}); err != nil {
				t.Fatal(err)
			}
			owner[fmt.Sprintf("d:%d", d.ID)] = pid
		}
		for _, id := range ids {
			addItems(id)
		}
		type mrec struct {
			m          *chartroom.Merge
			moved      map[string]bool
			wasRetired map[string]bool
		}
		var live []mrec
		mergedInto := map[int64]int64{}
		for step := 0; step < 40; step++ {
			switch op := r.IntN(3); {
			case op == 0: // merge two active records
				var active []int64
				for _, id := range ids {
					if mergedInto[id] == 0 {
						active = append(active, id)
					}
				}
				if len(active) < 2 {
					continue
				}
				r.Shuffle(len(active), func(i, j int) { active[i], active[j] = active[j], active[i] })
				sv, rt := active[0], active[1]
				m, err := s.MergePatients(ctx, sv, rt, 0, "prop")
				if err != nil {
					t.Fatalf("step %d merge: %v", step, err)
				}
				moved, was := map[string]bool{}, map[string]bool{}
				for k, o := range owner {
					if o == rt {
						owner[k] = sv
						moved[k] = true
						if k[0] == 'i' {
							was[k] = retiredAlias[k]
							retiredAlias[k] = true
						}
					}
				}
				mergedInto[rt] = sv
				live = append(live, mrec{m, moved, was})
			case op == 1: // add to an active record
				var active []int64
				for _, id := range ids {
					if mergedInto[id] == 0 {
						active = append(active, id)
					}
				}
				addItems(active[r.IntN(len(active))])
			default: // undo a merge whose survivor is still active
				var cand []int
				for i, l := range live {
					if mergedInto[l.m.SurvivorID] == 0 {
						cand = append(cand, i)
					}
				}
				if len(cand) == 0 {
					continue
				}
				i := cand[r.IntN(len(cand))]
				l := live[i]
				if _, err := s.Unmerge(ctx, l.m.ID, 0); err != nil {
					t.Fatalf("step %d unmerge: %v", step, err)
				}
				for k := range l.moved {
					owner[k] = l.m.RetiredID
					if k[0] == 'i' {
						retiredAlias[k] = l.wasRetired[k]
					}
				}
				delete(mergedInto, l.m.RetiredID)
				live = slices.Delete(live, i, i+1)
			}
			// Check the store against the model.
			for k, want := range owner {
				var got int64
				switch k[0] {
				case 'e':
					var id int64
					fmt.Sscanf(k, "e:%d", &id)
					e, err := s.Encounter(ctx, id)
					if err != nil {
						t.Fatal(err)
					}
					got = e.PatientID
				case 'd':
					var id int64
					fmt.Sscanf(k, "d:%d", &id)
					d, err := s.Document(ctx, id)
					if err != nil {
						t.Fatal(err)
					}
					got = d.PatientID
				case 'i':
					p, err := s.PatientByIdentifier(ctx, "MAIN", k[2:])
					if err != nil {
						t.Fatal(err)
					}
					got = p.ID
					for _, idn := range p.Identifiers {
						if idn.Value == k[2:] && idn.Retired != retiredAlias[k] {
							t.Fatalf("step %d: identifier %s retired=%v, want %v", step, k[2:], idn.Retired, retiredAlias[k])
						}
					}
				}
				if got != want {
					t.Fatalf("step %d: %s belongs to %d, want %d", step, k, got, want)
				}
			}
			for _, id := range ids {
				p, _ := s.Patient(ctx, id)
				if p.MergedInto != mergedInto[id] {
					t.Fatalf("step %d: patient %d merged_into=%d, want %d", step, id, p.MergedInto, mergedInto[id])
				}
			}
		}
	})
}
