package storetest_test

import (
	"strconv"
	"testing"

	"github.com/chartroom/chartroom"
	"github.com/chartroom/chartroom/mpi"
	"github.com/chartroom/chartroom/sqlstore"
	"github.com/chartroom/chartroom/storetest"
)

// TestWatcher registers patients through the watched service, as the UI,
// the API and HL7 do, and checks the worklist it fills.
func TestWatcher(t *testing.T) {
	storetest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		w := &mpi.Watcher{Index: mpi.NewIndex(nil, nil), Worklist: s}
		patients := w.Patients(s)
		merges := w.Merges(s, s)
		for i, name := range [][2]string{{"Abernathy", "Colette"}, {"Brightwater", "Dmitri"}, {"Castellanos", "Ines"}} {
			p := storetest.NewPatient(name[0], name[1], "1966-0"+string(rune('1'+i))+"-12", "K"+string(rune('1'+i)))
			if err := patients.CreatePatient(ctx, p); err != nil {
				t.Fatal(err)
			}
		}
		if cs, _ := s.Candidates(ctx, chartroom.MatchFilter{}); len(cs) != 0 {
			t.Fatalf("distinct people flagged: %v", cs)
		}
		orig, _ := s.PatientByIdentifier(ctx, "MAIN", "K2")
		orig.SSN, orig.Addresses = "512-34-5678", []chartroom.Address{{Use: "home", Line1: "14 Wharf Lane", City: "Port Ellery", State: "ME", Postal: "04011"}}
		if err := patients.UpdatePatient(ctx, orig); err != nil {
			t.Fatal(err)
		}
		// The same man registered again with a typo and a new MRN.
		dup := storetest.NewPatient("Brightwatter", "Dmitri", "1966-02-12", "K9")
		dup.SSN, dup.Addresses = "512-34-5678", orig.Addresses
		if got := w.Check(dup, 5); len(got) == 0 || got[0].ID != strconv.FormatInt(orig.ID, 10) {
			t.Fatalf("check before saving: %+v", got)
		}
		if err := patients.CreatePatient(ctx, dup); err != nil {
			t.Fatal(err)
		}
		cs, err := s.Candidates(ctx, chartroom.MatchFilter{Kind: chartroom.CandidateDuplicate})
		if err != nil || len(cs) != 1 {
			t.Fatalf("worklist after the duplicate registration: %v %v", cs, err)
		}
		if c := cs[0]; c.LeftID != orig.ID || c.RightID != dup.ID || c.Probability < 0.5 || len(c.Explanation) == 0 {
			t.Errorf("candidate: %+v", c)
		}
		// Another person's data written over a record is flagged.
		over, _ := s.PatientByIdentifier(ctx, "MAIN", "K3")
		over.Name, over.BirthDate, over.Sex = chartroom.PersonName{Family: "Lindgren", Given: "Oskar"}, chartroom.MustDate("1991-07-30"), chartroom.SexMale
		if err := patients.UpdatePatient(ctx, over); err != nil {
			t.Fatal(err)
		}
		if ov, _ := s.Candidates(ctx, chartroom.MatchFilter{Kind: chartroom.CandidateOverlay}); len(ov) != 1 || ov[0].LeftID != over.ID {
			t.Errorf("overlay not flagged: %v", ov)
		}
		// After the merge the retired record is no longer suggested.
		if _, err := merges.MergePatients(ctx, orig.ID, dup.ID, 0, "same person, typo in family name"); err != nil {
			t.Fatal(err)
		}
		again := storetest.NewPatient("Brightwater", "Dmitri", "1966-02-12", "K10")
		for _, m := range w.Check(again, 5) {
			if m.ID == strconv.FormatInt(dup.ID, 10) {
				t.Errorf("retired record still suggested")
			}
		}
	})
}
