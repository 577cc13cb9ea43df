package ingest_test

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chartroom/chartroom"
	"github.com/chartroom/chartroom/audit"
	"github.com/chartroom/chartroom/hl7"
	"github.com/chartroom/chartroom/ingest"
	"github.com/chartroom/chartroom/sqlstore"
	"github.com/chartroom/chartroom/storage"
	"github.com/chartroom/chartroom/storetest"
)

var ctx = context.Background()

func feed(t *testing.T) [][]byte {
	t.Helper()
	f, err := os.Open("testdata/demo_feed.hl7")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := hl7.NewScanner(f)
	var out [][]byte
	for sc.Scan() {
		m, err := sc.Message()
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, append([]byte(nil), m.Bytes()...))
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func msa(t *testing.T, ack []byte) (code, ctl string) {
	t.Helper()
	m, err := hl7.Parse(ack)
	if err != nil {
		t.Fatalf("ACK does not parse: %v\n%q", err, ack)
	}
	return m.Text("MSA-1"), m.Text("MSA-2")
}

func processor(s *sqlstore.Store) *ingest.Processor {
	return &ingest.Processor{Record: ingest.Record{Patients: s, Encounters: s, Documents: s, Providers: s, Merges: s, Charges: s}, Queue: s,
		Channels: map[string]ingest.Channel{"adt": {Name: "adt", DefaultFacility: "MAIN"}}}
}

// TestDemoFeed sends the demo ADT, ORU, MDM and DFT feed through the
// receiver and the processor and checks the record it leaves.
func TestDemoFeed(t *testing.T) {
	storetest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		s.CreateFacility(ctx, &chartroom.Facility{Code: "MAIN", Name: "Harbor View"})
		r := ingest.NewReceiver(ingest.Channel{Name: "adt", DefaultFacility: "MAIN"}, s, nil)
		defer r.Close()
		msgs := feed(t)
		if len(msgs) != 12 {
			t.Fatalf("%d messages in the feed", len(msgs))
		}
		for _, raw := range msgs {
			h, _ := hl7.ReadHeader(raw)
			code, ctl := msa(t, r.HandleMLLP(ctx, raw, "127.0.0.1"))
			if code != "AA" || ctl != h.ControlID {
				t.Errorf("%s: ACK %s for %s", h.ControlID, code, ctl)
			}
		}
		// A resent message gets the same ACK and is not stored again.
		first := r.HandleMLLP(ctx, msgs[0], "127.0.0.1")
		if r.Duplicates.Load() != 1 {
			t.Errorf("duplicates = %d", r.Duplicates.Load())
		}
		if _, ctl := msa(t, first); ctl != "FEED0001" {
			t.Errorf("duplicate's ACK names %s", ctl)
		}
		p := processor(s)
		if err := p.Drain(ctx); err != nil {
			t.Fatal(err)
		}
		if errs, _ := s.FindInbound(ctx, chartroom.MessageError, "", 50); len(errs) != 0 {
			for _, e := range errs {
				t.Errorf("message %s failed: %s", e.ControlID, e.Error)
			}
		}
		pt, err := s.PatientByIdentifier(ctx, "MAIN", "H9000001")
		if err != nil {
			t.Fatal(err)
		}
		if pt.Name.Middle != "Mae" || pt.Addresses[0].Line1 != "22 Beacon Road" || pt.SSN != "777123456" {
			t.Errorf("patient after A08: %+v", pt)
		}
		encs, _ := s.FindEncounters(ctx, chartroom.EncounterFilter{PatientID: pt.ID})
		var inpatient *chartroom.Encounter
		for _, e := range encs.Items {
			if e.Account == "V9000002" {
				inpatient = e
			}
		}
		if inpatient == nil || inpatient.Class != chartroom.Inpatient || inpatient.Status != chartroom.EncounterFinished || inpatient.DischargeAt == nil || inpatient.Disposition != "01" {
			t.Fatalf("inpatient encounter: %+v", inpatient)
		}
		docs, _ := s.FindDocuments(ctx, chartroom.DocumentFilter{PatientID: pt.ID, Limit: 50})
		kinds := map[chartroom.DocumentType]*chartroom.Document{}
		for _, d := range docs.Items {
			kinds[d.Type] = d
		}
		for _, k := range []chartroom.DocumentType{"laboratory-report", "radiology-report", "discharge-summary", "consultation"} {
			if kinds[k] == nil {
				t.Errorf("no %s from the feed", k)
			}
		}
		if ds := kinds["discharge-summary"]; ds != nil {
			if ds.Version != 2 || ds.Status != chartroom.DocSigned {
				t.Errorf("discharge summary after T10: version %d status %s", ds.Version, ds.Status)
			}
			v, _ := s.DocumentVersion(ctx, ds.ID, 0)
			if !strings.Contains(v.Text, "Chronic kidney disease") {
				t.Errorf("replacement text: %q", v.Text)
			}
		}
		if c := kinds["consultation"]; c != nil {
			if _, v, err := s.OpenDocumentBinary(ctx, c.ID, 0); err != nil || v.ContentType != "application/pdf" {
				t.Errorf("embedded PDF: %v %v", v, err)
			}
		}
		if rad := kinds["radiology-report"]; rad != nil {
			v, _ := s.DocumentVersion(ctx, rad.ID, 0)
			if !strings.Contains(v.Text, "IMPRESSION: Right lower lobe pneumonia.") {
				t.Errorf("radiology text: %q", v.Text)
			}
		}
		charges, _ := s.Charges(ctx, inpatient.ID)
		if len(charges) != 2 || charges[0].Code != "71046" || charges[0].Modifiers[0] != "26" || charges[0].Diagnoses[0] != "J18.9" {
			t.Errorf("charges: %+v", charges)
		}
		// The A40 merged the duplicate registration into the survivor.
		dup, err := s.PatientByIdentifier(ctx, "MAIN", "H9000099")
		if err != nil || dup.ID != pt.ID {
			t.Errorf("after A40 the old MRN finds %v, %v", dup, err)
		}
		// Processing again changes nothing: every step is idempotent.
		all, _ := s.FindInbound(ctx, "", "", 100)
		for _, m := range all {
			if m.Status == chartroom.MessageProcessed && m.MessageType != "ADT^A40" {
				if err := p.Apply(ctx, m); err != nil {
					t.Errorf("reapplying %s: %v", m.ControlID, err)
				}
			}
		}
		docs2, _ := s.FindDocuments(ctx, chartroom.DocumentFilter{PatientID: pt.ID, Limit: 50})
		charges2, _ := s.Charges(ctx, inpatient.ID)
		if len(docs2.Items) != len(docs.Items) || len(charges2) != len(charges) {
			t.Errorf("reprocessing added documents (%d→%d) or charges (%d→%d)", len(docs.Items), len(docs2.Items), len(charges), len(charges2))
		}
	})
}

func TestBadMessagesAreRejectedAndKept(t *testing.T) {
	storetest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		r := ingest.NewReceiver(ingest.Channel{Name: "adt", AllowedSenders: []string{"REGADT"}, Accept: []string{"ADT"}}, s, nil)
		defer r.Close()
		tests := []struct {
			name, raw, code string
		}{
			{"no MSH", "PID|1||X\r", "AR"},
			{"bad encoding characters", "MSH|^^\\&|REGADT|HVMC|||20260101||ADT^A04|C1|P|2.5\r", "AR"},
			{"missing MSH-10", "MSH|^~\\&|REGADT|HVMC|||20260101||ADT^A04||P|2.5\r", "AR"},
			{"missing MSH-9", "MSH|^~\\&|REGADT|HVMC|||20260101|||C2|P|2.5\r", "AR"},
			{"wrong version", "MSH|^~\\&|REGADT|HVMC|||20260101||ADT^A04|C3|P|3.0\r", "AR"},
			{"sender not allowed", "MSH|^~\\&|ROGUE|HVMC|||20260101||ADT^A04|C4|P|2.5\r", "AR"},
			{"type not accepted", "MSH|^~\\&|REGADT|HVMC|||20260101||ORU^R01|C5|P|2.5\r", "AR"},
			{"enhanced mode", "MSH|^~\\&|REGADT|HVMC|||20260101||ORU^R01|C6|P|2.5|||AL|NE\r", "CR"},
		}
		for _, tt := range tests {
			ack := r.HandleMLLP(ctx, []byte(tt.raw), "127.0.0.1")
			if ack == nil {
				t.Errorf("%s: no ACK", tt.name)
				continue
			}
			code, _ := msa(t, ack)
			if code != tt.code {
				t.Errorf("%s: MSA-1 %s, want %s\n%q", tt.name, code, tt.code, ack)
			}
			if !strings.Contains(string(ack), "ERR|") {
				t.Errorf("%s: the ACK has no ERR segment", tt.name)
			}
		}
		kept, _ := s.FindInbound(ctx, chartroom.MessageRejected, "", 50)
		if len(kept) != len(tests) {
			t.Errorf("kept %d rejected messages for review, want %d", len(kept), len(tests))
		}
	})
}

// TestProcessorAtFull runs the demo feed through SQLite at synchronous=FULL,
// where the processor's redoable writes commit at NORMAL, and checks that
// the record is the same and the write connection is back at FULL.
func TestProcessorAtFull(t *testing.T) {
	s, err := storage.Open(ctx, storage.Config{DataDir: t.TempDir(), Create: true, Synchronous: "FULL", MasterKey: storetest.TestKey(t)})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	s.CreateFacility(ctx, &chartroom.Facility{Code: "MAIN", Name: "Harbor View"})
	r := ingest.NewReceiver(ingest.Channel{Name: "adt", DefaultFacility: "MAIN"}, s, nil)
	defer r.Close()
	for _, raw := range feed(t) {
		if code, _ := msa(t, r.HandleMLLP(ctx, raw, "127.0.0.1")); code != "AA" {
			t.Fatalf("ACK %s", code)
		}
	}
	trail := audit.NewWriter(s, nil, audit.WriterOptions{})
	p := processor(s)
	p.Patients = audit.Patients(s, trail, time.Now)
	if err := p.Drain(ctx); err != nil {
		t.Fatal(err)
	}
	trail.Close()
	if errs, _ := s.FindInbound(ctx, chartroom.MessageError, "", 50); len(errs) != 0 {
		t.Errorf("%d messages failed: %s", len(errs), errs[0].Error)
	}
	if _, err := s.PatientByIdentifier(ctx, "MAIN", "H9000001"); err != nil {
		t.Error(err)
	}
	if head, err := s.AuditHead(ctx); err != nil || head.Seq == 0 {
		t.Errorf("audit head after processing: %+v %v", head, err)
	}
	var level int
	if err := s.DB().QueryRowContext(ctx, "PRAGMA synchronous").Scan(&level); err != nil || level != 2 {
		t.Errorf("write connection's synchronous = %d (%v), want 2 (FULL)", level, err)
	}
}
