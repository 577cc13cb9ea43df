package audit_test

import (
	"context"
	"crypto/ed25519"
	"fmt"
	"math/rand/v2"
	"sync"
	"testing"
	"time"

	"github.com/chartroom/chartroom/audit"
	"github.com/chartroom/chartroom/sqlstore"
	"github.com/chartroom/chartroom/storetest"
)

var ctx = context.Background()

func testSigner() *audit.Signer {
	return audit.NewSigner(ed25519.NewKeyFromSeed(make([]byte, 32)))
}

func fill(t testing.TB, s *sqlstore.Store, n int, every int64) *audit.Signer {
	t.Helper()
	sg := testSigner()
	w := audit.NewWriter(s, sg, audit.WriterOptions{CheckpointEvery: every})
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := g; i < n; i += 8 {
				e := audit.Entry{UserID: int64(1 + i%5), Username: fmt.Sprintf("user%d", i%5), Role: "coder", Action: audit.Read, ObjectType: "patient",
					ObjectID: fmt.Sprint(i % 50), PatientID: int64(i%50 + 1), IP: "10.0.0.9", UserAgent: "test", Purpose: "TREAT", Outcome: audit.Success, Detail: "chart"}
				if err := w.Record(ctx, e); err != nil {
					t.Error(err)
				}
			}
		}()
	}
	wg.Wait()
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return sg
}

func TestIntactChainVerifies(t *testing.T) {
	storetest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		sg := fill(t, s, 300, 100)
		rep, err := audit.Verify(ctx, s, sg.Verifier())
		if err != nil {
			t.Fatal(err)
		}
		if rep.Problem != nil || rep.Entries != 300 || rep.Checkpoints < 3 {
			t.Fatalf("report: %+v %v", rep, rep.Problem)
		}
		// The trail is append-only in normal operation.
		if _, err := s.DB().Exec("UPDATE audit_log SET detail = 'x' WHERE seq = 5"); err == nil {
			t.Error("an audit entry could be updated")
		}
		if _, err := s.DB().Exec("DELETE FROM audit_log WHERE seq = 5"); err == nil {
			t.Error("an audit entry could be deleted")
		}
	})
}

// unlock lets a test tamper the way an attacker with database access would.
func unlock(t *testing.T, s *sqlstore.Store) {
	t.Helper()
	var stmts []string
	if s.Engine() == "postgres" {
		stmts = []string{"ALTER TABLE audit_log DISABLE TRIGGER ALL"}
	} else {
		stmts = []string{"DROP TRIGGER audit_log_no_update", "DROP TRIGGER audit_log_no_delete"}
	}
	for _, q := range stmts {
		if _, err := s.DB().Exec(q); err != nil {
			t.Fatal(err)
		}
	}
}

// TestTamperingIsDetected tampers at random, in every way the issue names,
// and requires Verify to find every one.
func TestTamperingIsDetected(t *testing.T) {
	rounds := 40
	if testing.Short() {
		rounds = 10
	}
	storetest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		sg := fill(t, s, 120, 50)
		unlock(t, s)
		r := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 9))
		cols := []string{"at", "user_id", "username", "role", "action", "object_type", "object_id", "patient_id", "ip", "user_agent", "purpose", "reason", "outcome", "detail"}
		db := s.DB()
		exec := func(q string, args ...any) {
			if _, err := db.Exec(q, args...); err != nil {
				t.Fatalf("%s: %v", q, err)
			}
		}
		ph := func(i int) string {
			if s.Engine() == "postgres" {
				return fmt.Sprintf("$%d", i)
			}
			return "?"
		}
		detected := 0
		for round := 0; round < rounds; round++ {
			kind := round % 5
			seq := 2 + r.Int64N(107)
			save := func(where string, args ...any) {
				exec("CREATE TABLE audit_saved AS SELECT * FROM audit_log WHERE 1 = 0")
				exec("INSERT INTO audit_saved SELECT * FROM audit_log WHERE "+where, args...)
			}
			switch kind {
			case 0: // edit a field
				save("seq = "+ph(1), seq)
				c := cols[r.IntN(len(cols))]
				switch c {
				case "at":
					exec("UPDATE audit_log SET at = "+ph(1)+" WHERE seq = "+ph(2), s.TimeArg(time.Now().Add(time.Hour)), seq)
				case "user_id", "patient_id":
					exec("UPDATE audit_log SET "+c+" = "+c+" + 1 WHERE seq = "+ph(1), seq)
				default:
					exec("UPDATE audit_log SET "+c+" = "+c+" || 'x' WHERE seq = "+ph(1), seq)
				}
			case 1: // delete an entry
				save("seq = "+ph(1), seq)
				exec("DELETE FROM audit_log WHERE seq = "+ph(1), seq)
			case 2: // replace an entry with a forged one whose own hash is right
				save("seq = "+ph(1), seq+1)
				var prev []byte
				if err := db.QueryRow("SELECT hash FROM audit_log WHERE seq = "+ph(1), seq).Scan(&prev); err != nil {
					t.Fatal(err)
				}
				exec("DELETE FROM audit_log WHERE seq = "+ph(1), seq+1)
				forged := &audit.Entry{At: time.Now().UTC().Truncate(time.Microsecond), UserID: 99, Username: "mallory", Action: audit.Read, Outcome: audit.Success, PatientID: 7}
				// The forger links to the wrong entry, as one must who cannot
				// recompute the whole chain's signed head.
				audit.Seal(forged, seq+1, append([]byte{}, prev[:31]...))
				exec("INSERT INTO audit_log (seq, at, user_id, username, action, outcome, patient_id, prev_hash, hash) VALUES ("+ph(1)+","+ph(2)+","+ph(3)+","+ph(4)+","+ph(5)+","+ph(6)+","+ph(7)+","+ph(8)+","+ph(9)+")",
					forged.Seq, s.TimeArg(forged.At), forged.UserID, forged.Username, string(forged.Action), string(forged.Outcome), forged.PatientID, forged.PrevHash, forged.Hash)
			case 3: // swap two entries
				save("seq IN ("+ph(1)+", "+ph(2)+")", seq, seq+1)
				exec("UPDATE audit_log SET seq = -1 WHERE seq = "+ph(1), seq)
				exec("UPDATE audit_log SET seq = "+ph(1)+" WHERE seq = "+ph(2), seq, seq+1)
				exec("UPDATE audit_log SET seq = "+ph(1)+" WHERE seq = -1", seq+1)
			case 4: // truncate the tail
				cut := 100 + r.Int64N(19)
				save("seq > "+ph(1), cut)
				exec("DELETE FROM audit_log WHERE seq > "+ph(1), cut)
			}
			rep, err := audit.Verify(ctx, s, sg.Verifier())
			if err != nil {
				t.Fatal(err)
			}
			if rep.Problem != nil {
				detected++
			} else {
				t.Errorf("round %d: tampering of kind %d at %d not detected", round, kind, seq)
			}
			// Put the originals back for the next round.
			exec("DELETE FROM audit_log WHERE seq IN (SELECT seq FROM audit_saved)")
			exec("INSERT INTO audit_log SELECT * FROM audit_saved")
			exec("DROP TABLE audit_saved")
			if rep, _ := audit.Verify(ctx, s, sg.Verifier()); rep.Problem != nil {
				t.Fatalf("round %d: the restored chain does not verify: %v", round, rep.Problem)
			}
		}
		if detected != rounds {
			t.Errorf("%s: detected %d of %d tamperings", s.Engine(), detected, rounds)
		}
	})
}
