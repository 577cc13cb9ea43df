package audit_test

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chartroom/chartroom/audit"
	"github.com/chartroom/chartroom/groupcommit"
	"github.com/chartroom/chartroom/sqlstore"
	"github.com/chartroom/chartroom/storetest"
)

func entry(i int) audit.Entry {
	return audit.Entry{At: time.Now(), UserID: int64(1 + i%40), Username: "user" + strconv.Itoa(i%40), Role: "coder", Action: audit.Read, ObjectType: "patient",
		ObjectID: strconv.Itoa(i % 5000), PatientID: int64(1 + i%5000), IP: "10.0.0.9", UserAgent: "Mozilla/5.0", Purpose: "TREAT", Outcome: audit.Success, Detail: "chart"}
}

// plainInsert writes the same rows to a table without the chain, through
// the same group commit, for the comparison the issue asks for.
func plainInsert(b *testing.B, s *sqlstore.Store) func(ctx context.Context, batch []*audit.Entry) error {
	b.Helper()
	if _, err := s.DB().Exec(`CREATE TABLE audit_plain (seq BIGINT, at TEXT, user_id BIGINT, username TEXT, role TEXT, action TEXT, object_type TEXT,
		object_id TEXT, patient_id BIGINT, ip TEXT, user_agent TEXT, purpose TEXT, reason TEXT, outcome TEXT, detail TEXT)`); err != nil {
		b.Fatal(err)
	}
	// The same indexes as the trail, so only the chain differs.
	for _, q := range []string{"CREATE INDEX audit_plain_patient ON audit_plain (patient_id, seq) WHERE patient_id <> 0",
		"CREATE INDEX audit_plain_user ON audit_plain (user_id, seq)", "CREATE UNIQUE INDEX audit_plain_seq ON audit_plain (seq)"} {
		if _, err := s.DB().Exec(q); err != nil {
			b.Fatal(err)
		}
	}
	ph := make([]string, 15)
	for i := range ph {
		ph[i] = "?"
		if s.Engine() == "postgres" {
			ph[i] = "$" + strconv.Itoa(i+1)
		}
	}
	q := "INSERT INTO audit_plain VALUES (" + strings.Join(ph, ", ") + ")"
	var seq int64
	return func(ctx context.Context, batch []*audit.Entry) error {
		tx, err := s.DB().BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		defer tx.Rollback()
		st, err := tx.PrepareContext(ctx, q)
		if err != nil {
			return err
		}
		for _, e := range batch {
			seq++
			if _, err := st.ExecContext(ctx, seq, e.At.UTC().Format(time.RFC3339Nano), e.UserID, e.Username, e.Role, string(e.Action), e.ObjectType, e.ObjectID,
				e.PatientID, e.IP, e.UserAgent, e.Purpose, e.Reason, string(e.Outcome), e.Detail); err != nil {
				return err
			}
		}
		st.Close()
		return tx.Commit()
	}
}

// BenchmarkAuditAppend compares appending hash-chained, signed entries with
// inserting the same rows without the chain, each from 16 goroutines
// through group commit. The bar: chained ≥ 50% of plain throughput.
func BenchmarkAuditAppend(b *testing.B) {
	for _, e := range storetest.Engines(b) {
		for _, chained := range []bool{false, true} {
			name := e.Name + "/plain"
			if chained {
				name = e.Name + "/chained"
			}
			b.Run(name, func(b *testing.B) {
				s := e.Open(b)
				var rec func(ctx context.Context, x audit.Entry) error
				var closer func()
				if chained {
					w := audit.NewWriter(s, testSigner(), audit.WriterOptions{})
					rec, closer = w.Record, func() { w.Close() }
				} else {
					gc := groupcommit.New(plainInsert(b, s), 256, 0)
					rec = func(ctx context.Context, x audit.Entry) error { return gc.Submit(ctx, &x) }
					closer = gc.Close
				}
				b.ResetTimer()
				var wg sync.WaitGroup
				var next int64
				var mu sync.Mutex
				for g := 0; g < 16; g++ {
					wg.Add(1)
					go func() {
						defer wg.Done()
						for {
							mu.Lock()
							i := next
							next++
							mu.Unlock()
							if i >= int64(b.N) {
								return
							}
							if err := rec(context.Background(), entry(int(i))); err != nil {
								b.Error(err)
								return
							}
						}
					}()
				}
				wg.Wait()
				b.StopTimer()
				closer()
				b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "entries/s")
			})
		}
	}
}

// BenchmarkAuditVerify times Verify over N entries (CHARTROOM_BENCH_AUDIT,
// default 100000; set 1000000 for the million).
func BenchmarkAuditVerify(b *testing.B) {
	n := 100000
	if v, err := strconv.Atoi(os.Getenv("CHARTROOM_BENCH_AUDIT")); err == nil && v > 0 {
		n = v
	}
	for _, e := range storetest.Engines(b) {
		s := e.Open(b)
		sg := testSigner()
		start := time.Now()
		batch := make([]*audit.Entry, 0, 5000)
		for i := 0; i < n; i++ {
			x := entry(i)
			batch = append(batch, &x)
			if len(batch) == cap(batch) || i == n-1 {
				if _, err := s.AppendAudit(context.Background(), batch, sg); err != nil {
					b.Fatal(err)
				}
				batch = batch[:0]
			}
		}
		b.Logf("%s: appended %d entries in %v", e.Name, n, time.Since(start).Round(time.Millisecond))
		b.Run(fmt.Sprintf("%s/%d", e.Name, n), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				rep, err := audit.Verify(context.Background(), s, sg.Verifier())
				if err != nil || rep.Problem != nil || rep.Entries != int64(n) {
					b.Fatalf("verify: %+v %v", rep, err)
				}
			}
			b.ReportMetric(float64(n)/(b.Elapsed().Seconds()/float64(b.N)), "entries/s")
		})
	}
}
