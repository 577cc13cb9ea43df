package ingest_test

import (
	"context"
	"fmt"
	"net"
	"os"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chartroom/chartroom"
	"github.com/chartroom/chartroom/ingest"
	"github.com/chartroom/chartroom/mllp"
	"github.com/chartroom/chartroom/sqlstore"
	"github.com/chartroom/chartroom/storage"
	"github.com/chartroom/chartroom/storetest"
)

func benchMessage(conn, i int) []byte {
	return []byte(fmt.Sprintf("MSH|^~\\&|BENCH|HVMC|CHARTROOM|HVMC|20260401120000||ADT^A08^ADT_A01|B%02d-%08d|P|2.5.1\rEVN|A08|20260401120000\rPID|1||M%06d^^^HVMC^MR||Benchperson^Case||19800101|F\rPV1|1|O\r",
		conn, i, (conn*100000+i)%5000))
}

// serveIngest starts a receiver and an MLLP server on a store.
func serveIngest(b *testing.B, s *sqlstore.Store) (string, func()) {
	recv := ingest.NewReceiver(ingest.Channel{Name: "bench", DefaultFacility: "MAIN"}, s, nil)
	srv := &mllp.Server{Handler: recv}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	go srv.Serve(ln)
	return ln.Addr().String(), func() { srv.Close(); recv.Close() }
}

type engineCase struct {
	name string
	open func(b *testing.B) *sqlstore.Store
}

// ingestEngines returns SQLite at both durability settings, and PostgreSQL.
func ingestEngines(b *testing.B) []engineCase {
	var out []engineCase
	for _, sync := range []string{"FULL", "NORMAL"} {
		out = append(out, engineCase{"sqlite-" + sync, func(b *testing.B) *sqlstore.Store {
			s, err := storage.Open(context.Background(), storage.Config{DataDir: b.TempDir(), Create: true, Synchronous: sync, MasterKey: storetest.TestKey(b)})
			if err != nil {
				b.Fatal(err)
			}
			b.Cleanup(func() { s.Close() })
			return s
		}})
	}
	for _, e := range storetest.Engines(b) {
		if e.Name == "postgres" {
			open := e.Open
			out = append(out, engineCase{"postgres", func(b *testing.B) *sqlstore.Store { return open(b) }})
		}
	}
	return out
}

// BenchmarkIngest sends as fast as 16 connections can, each waiting for its
// ACK before the next message (plain MLLP), and reports ACKed messages a
// second. Every ACK follows a committed store.
func BenchmarkIngest(b *testing.B) {
	for _, e := range ingestEngines(b) {
		b.Run(e.name, func(b *testing.B) {
			addr, stop := serveIngest(b, e.open(b))
			defer stop()
			const conns = 16
			var next atomic.Int64
			var wg sync.WaitGroup
			b.ResetTimer()
			for c := 0; c < conns; c++ {
				wg.Add(1)
				go func() {
					defer wg.Done()
					cl, err := mllp.Dial(context.Background(), addr, nil)
					if err != nil {
						b.Error(err)
						return
					}
					defer cl.Close()
					for {
						i := next.Add(1)
						if i > int64(b.N) {
							return
						}
						if _, err := cl.Send(context.Background(), benchMessage(c, int(i))); err != nil {
							b.Error(err)
							return
						}
					}
				}()
			}
			wg.Wait()
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "acks/s")
		})
	}
}

// TestPacedAckLatency offers a steady rate (CHARTROOM_BENCH_RATE, default
// 1000 msg/s) over 20 connections for CHARTROOM_BENCH_SECONDS (default 10)
// and reports the ACK latency percentiles. Set CHARTROOM_BENCH_PACED=1 to run.
// With CHARTROOM_BENCH_PROCESS=1 the processor applies the messages to the
// record meanwhile, as in chartroom serve (two workers yielding to the
// receiver), and the run reports how many it applied.
func TestPacedAckLatency(t *testing.T) {
	if os.Getenv("CHARTROOM_BENCH_PACED") == "" {
		t.Skip("paced latency run skipped: set CHARTROOM_BENCH_PACED=1")
	}
	rate, secs := 1000, 10
	if v, err := strconv.Atoi(os.Getenv("CHARTROOM_BENCH_RATE")); err == nil {
		rate = v
	}
	if v, err := strconv.Atoi(os.Getenv("CHARTROOM_BENCH_SECONDS")); err == nil {
		secs = v
	}
	names := []string{"sqlite-FULL", "sqlite-NORMAL"}
	if os.Getenv("CHARTROOM_TEST_POSTGRES") != "" {
		names = append(names, "postgres")
	}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			s := openFor(t, name)
			recv := ingest.NewReceiver(ingest.Channel{Name: "bench", DefaultFacility: "MAIN"}, s, nil)
			srv := &mllp.Server{Handler: recv}
			ln, _ := net.Listen("tcp", "127.0.0.1:0")
			go srv.Serve(ln)
			defer func() { srv.Close(); recv.Close() }()
			var applied func() int64
			if os.Getenv("CHARTROOM_BENCH_PROCESS") != "" {
				s.CreateFacility(context.Background(), &chartroom.Facility{Code: "MAIN", Name: "Harbor View"})
				p := &ingest.Processor{Record: ingest.Record{Patients: s, Encounters: s, Documents: s, Providers: s, Merges: s, Charges: s}, Queue: s,
					Channels: map[string]ingest.Channel{"bench": {Name: "bench", DefaultFacility: "MAIN"}},
					Busy:     func() bool { return recv.Busy(50 * time.Millisecond) }}
				if share, err := strconv.ParseFloat(os.Getenv("CHARTROOM_BENCH_PROCESS"), 64); err == nil && share < 1 {
					p.BusyShare = share
				}
				pctx, stop := context.WithCancel(context.Background())
				done := make(chan struct{})
				go func() { p.Run(pctx, 2); close(done) }()
				defer func() { stop(); <-done }()
				applied = func() int64 { return p.Processed.Load() + p.Failed.Load() }
			}
			const conns = 20
			per := time.Second * time.Duration(conns) / time.Duration(rate)
			var mu sync.Mutex
			var lat []time.Duration
			var wg sync.WaitGroup
			deadline := time.Now().Add(time.Duration(secs) * time.Second)
			for c := 0; c < conns; c++ {
				wg.Add(1)
				go func() {
					defer wg.Done()
					cl, err := mllp.Dial(context.Background(), ln.Addr().String(), nil)
					if err != nil {
						t.Error(err)
						return
					}
					defer cl.Close()
					next := time.Now().Add(time.Duration(c) * per / conns)
					for i := 0; time.Now().Before(deadline); i++ {
						time.Sleep(time.Until(next))
						next = next.Add(per)
						t0 := time.Now()
						if _, err := cl.Send(context.Background(), benchMessage(c, i)); err != nil {
							t.Error(err)
							return
						}
						d := time.Since(t0)
						mu.Lock()
						lat = append(lat, d)
						mu.Unlock()
					}
				}()
			}
			wg.Wait()
			slices.Sort(lat)
			p := func(q float64) time.Duration { return lat[int(float64(len(lat)-1)*q)] }
			t.Logf("%s: %d messages at %d/s offered over %d connections: p50 %v p99 %v max %v", name, len(lat), rate, conns,
				p(0.5).Round(10*time.Microsecond), p(0.99).Round(10*time.Microsecond), lat[len(lat)-1].Round(10*time.Microsecond))
			if applied != nil {
				t.Logf("%s: %d applied to the record meanwhile", name, applied())
			}
		})
	}
}

func openFor(t *testing.T, name string) *sqlstore.Store {
	t.Helper()
	if name == "postgres" {
		for _, e := range storetest.Engines(t) {
			if e.Name == "postgres" {
				return e.Open(t)
			}
		}
	}
	sync := "FULL"
	if name == "sqlite-NORMAL" {
		sync = "NORMAL"
	}
	s, err := storage.Open(context.Background(), storage.Config{DataDir: t.TempDir(), Create: true, Synchronous: sync, MasterKey: storetest.TestKey(t)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}
