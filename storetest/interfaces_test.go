package storetest_test

import (
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/chartroom/chartroom"
	"github.com/chartroom/chartroom/sqlstore"
	"github.com/chartroom/chartroom/storage"
	"github.com/chartroom/chartroom/storetest"
)

func msg(ctl, patient string) *chartroom.InboundMessage {
	return &chartroom.InboundMessage{Channel: "adt", SendingApp: "REG", SendingFacility: "MAIN", ControlID: ctl, MessageType: "ADT^A08",
		PatientKey: patient, Raw: []byte("MSH|^~\\&|REG|MAIN|||20260101||ADT^A08|" + ctl + "|P|2.5\r"), Ack: []byte("ACK " + ctl), AckCode: "AA"}
}

func TestInboundDurabilityAndDuplicates(t *testing.T) {
	storetest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		first := msg("C1", "P1")
		if err := s.StoreInbound(ctx, []*chartroom.InboundMessage{first, msg("C2", "P1")}); err != nil {
			t.Fatal(err)
		}
		again := msg("C1", "P1")
		again.Ack = []byte("a different ack")
		if err := s.StoreInbound(ctx, []*chartroom.InboundMessage{again, msg("C3", "P2")}); err != nil {
			t.Fatal(err)
		}
		if !again.Duplicate || string(again.Ack) != "ACK C1" || again.ID != first.ID {
			t.Errorf("resent message: %+v", again)
		}
		// The same message twice in one batch (resent before the first was
		// committed) is stored once, and both get the first's ACK.
		a, b := msg("C4", "P3"), msg("C4", "P3")
		b.Ack = []byte("a different ack")
		if err := s.StoreInbound(ctx, []*chartroom.InboundMessage{a, msg("C5", "P3"), b}); err != nil {
			t.Fatal(err)
		}
		if a.Duplicate || !b.Duplicate || b.ID != a.ID || string(b.Ack) != "ACK C4" {
			t.Errorf("resent in the same batch: %+v, %+v", a, b)
		}
		got, err := s.InboundMessage(ctx, first.ID)
		if err != nil || string(got.Raw) != string(first.Raw) {
			t.Errorf("stored raw: %v %v", got, err)
		}
		all, _ := s.FindInbound(ctx, "", "", 100)
		if len(all) != 5 {
			t.Errorf("stored %d messages, want 5", len(all))
		}
	})
}

// TestClaimInOrderPerPatient runs several workers at once and checks that
// each patient's messages are processed in arrival order, each once.
func TestClaimInOrderPerPatient(t *testing.T) {
	storetest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		var batch []*chartroom.InboundMessage
		for i := 0; i < 120; i++ {
			batch = append(batch, msg(fmt.Sprintf("M%03d", i), fmt.Sprintf("P%d", i%7)))
		}
		if err := s.StoreInbound(ctx, batch); err != nil {
			t.Fatal(err)
		}
		var mu sync.Mutex
		order := map[string][]int64{}
		count := map[int64]int{}
		var wg sync.WaitGroup
		for w := 0; w < 4; w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for {
					n, err := s.ClaimInbound(ctx, 5, func(m *chartroom.InboundMessage) error {
						mu.Lock()
						order[m.PatientKey] = append(order[m.PatientKey], m.ID)
						count[m.ID]++
						mu.Unlock()
						return nil
					})
					if err != nil {
						t.Error(err)
						return
					}
					if n == 0 {
						mu.Lock()
						done := len(count) == 120
						mu.Unlock()
						if done {
							return
						}
					}
				}
			}()
		}
		wg.Wait()
		for k, ids := range order {
			for i := 1; i < len(ids); i++ {
				if ids[i] < ids[i-1] {
					t.Errorf("patient %s processed out of order: %v", k, ids)
					break
				}
			}
		}
		for id, n := range count {
			if n != 1 {
				t.Errorf("message %d processed %d times", id, n)
			}
		}
	})
}

func TestErrorQueueAndReprocess(t *testing.T) {
	storetest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		m := msg("E1", "P9")
		s.StoreInbound(ctx, []*chartroom.InboundMessage{m})
		s.ClaimInbound(ctx, 10, func(*chartroom.InboundMessage) error { return errors.New("unknown facility code EAST") })
		errs, _ := s.FindInbound(ctx, chartroom.MessageError, "", 10)
		if len(errs) != 1 || errs[0].Error != "unknown facility code EAST" {
			t.Fatalf("error queue: %+v", errs)
		}
		if err := s.Reprocess(ctx, m.ID); err != nil {
			t.Fatal(err)
		}
		n, _ := s.ClaimInbound(ctx, 10, func(*chartroom.InboundMessage) error { return nil })
		if n != 1 {
			t.Errorf("reprocessed %d", n)
		}
		if err := s.Reprocess(ctx, m.ID); chartroom.ErrorKind(err) != chartroom.KindConflict {
			t.Errorf("reprocess a processed message: %v", err)
		}
		stats, _ := s.ChannelStats(ctx)
		if len(stats) != 1 || stats[0].Received != 1 || stats[0].AckCodes["AA"] != 1 || stats[0].LastMessage == nil {
			t.Errorf("stats: %+v", stats[0])
		}
	})
}

// TestClaimAfterLapsedLease checks that a message whose worker died (its
// lease lapsed) is claimed again, before later messages of its patient.
func TestClaimAfterLapsedLease(t *testing.T) {
	for _, e := range storetest.Engines(t) {
		t.Run(e.Name, func(t *testing.T) {
			var mu sync.Mutex
			now := time.Now()
			c := e.Config(t)
			c.MasterKey = storetest.TestKey(t)
			c.Now = func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
			s, err := storage.Open(ctx, c)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if err := s.StoreInbound(ctx, []*chartroom.InboundMessage{msg("L1", "P1"), msg("L2", "P1"), msg("L3", "P2")}); err != nil {
				t.Fatal(err)
			}
			// The worker dies while it holds L1 and L3.
			func() {
				defer func() { recover() }()
				s.ClaimInbound(ctx, 10, func(*chartroom.InboundMessage) error { panic("worker died") })
			}()
			var got []string
			claim := func() {
				t.Helper()
				if _, err := s.ClaimInbound(ctx, 10, func(m *chartroom.InboundMessage) error { got = append(got, m.ControlID); return nil }); err != nil {
					t.Fatal(err)
				}
			}
			claim()
			if len(got) != 0 {
				t.Fatalf("claimed %v while the leases hold", got)
			}
			mu.Lock()
			now = now.Add(2 * time.Minute)
			mu.Unlock()
			claim()
			claim()
			if want := []string{"L1", "L3", "L2"}; fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("claimed %v, want %v", got, want)
			}
		})
	}
}

// TestRequeue checks that a message handed back by a stopping worker is
// claimed again, and is not in the error queue.
func TestRequeue(t *testing.T) {
	storetest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		s.StoreInbound(ctx, []*chartroom.InboundMessage{msg("R1", "P1")})
		s.ClaimInbound(ctx, 10, func(*chartroom.InboundMessage) error { return chartroom.ErrRequeue })
		if errs, _ := s.FindInbound(ctx, chartroom.MessageError, "", 10); len(errs) != 0 {
			t.Errorf("error queue: %+v", errs)
		}
		var got *chartroom.InboundMessage
		if n, _ := s.ClaimInbound(ctx, 10, func(m *chartroom.InboundMessage) error { got = m; return nil }); n != 1 || got.Attempts != 1 {
			t.Errorf("claimed again: %d, %+v", n, got)
		}
	})
}
