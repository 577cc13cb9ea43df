package ingest_test

import (
	"strings"
	"testing"

	"github.com/chartroom/chartroom"
	"github.com/chartroom/chartroom/ingest"
	"github.com/chartroom/chartroom/mpi"
	"github.com/chartroom/chartroom/sqlstore"
	"github.com/chartroom/chartroom/storetest"
)

// TestRegistrationDuplicateCheck sends an A04 for a patient already
// registered under another MRN, with a typo: the processor's watched
// patient service puts the pair on the duplicate worklist.
func TestRegistrationDuplicateCheck(t *testing.T) {
	storetest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		s.CreateFacility(ctx, &chartroom.Facility{Code: "MAIN", Name: "Harbor View"})
		w := &mpi.Watcher{Index: mpi.NewIndex(nil, nil), Worklist: s}
		r := ingest.NewReceiver(ingest.Channel{Name: "adt", DefaultFacility: "MAIN"}, s, nil)
		defer r.Close()
		a04 := func(ctl, mrn, family string) []byte {
			return []byte(strings.Join([]string{
				"MSH|^~\\&|REGADT|HVMC|CHARTROOM|HVMC|20260310080000||ADT^A04^ADT_A01|" + ctl + "|P|2.5.1",
				"EVN|A04|20260310080000",
				"PID|1||" + mrn + "^^^HVMC^MR||" + family + "^Rosalind^M||19610412|F|||14 Lantern Way^^Port Alder^ME^04101||207-555-0190|||||V" + ctl + "|777-12-3456",
				"PV1|1|O|CLIN^^^HVMC||||1912345671^Okafor^Adaeze|||FM||||1|||||V" + ctl,
			}, "\r") + "\r")
		}
		for _, m := range [][]byte{a04("DUP1", "H1", "Quillfeather"), a04("DUP2", "H2", "Quilfeather")} {
			if code, _ := msa(t, r.HandleMLLP(ctx, m, "127.0.0.1")); code != "AA" {
				t.Fatalf("ACK %s", code)
			}
		}
		p := processor(s)
		p.Patients = w.Patients(s)
		p.Merges = w.Merges(s, s)
		if err := p.Drain(ctx); err != nil {
			t.Fatal(err)
		}
		a, _ := s.PatientByIdentifier(ctx, "MAIN", "H1")
		b, _ := s.PatientByIdentifier(ctx, "MAIN", "H2")
		cs, err := s.Candidates(ctx, chartroom.MatchFilter{Status: chartroom.CandidateOpen})
		if err != nil || len(cs) != 1 || cs[0].LeftID != a.ID || cs[0].RightID != b.ID || cs[0].Decision != "link" {
			t.Fatalf("worklist after two registrations of one person: %+v %v", cs, err)
		}
	})
}
