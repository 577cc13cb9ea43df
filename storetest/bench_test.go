package storetest_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chartroom/chartroom"
	"github.com/chartroom/chartroom/sqlstore"
	"github.com/chartroom/chartroom/storetest"
)

// benchSizes reads CHARTROOM_BENCH_PATIENTS (e.g. "10000,100000,1000000");
// the default keeps `go test -bench` quick.
func benchSizes() []int {
	v := os.Getenv("CHARTROOM_BENCH_PATIENTS")
	if v == "" {
		return []int{10000}
	}
	var out []int
	for _, s := range strings.Split(v, ",") {
		if n, err := strconv.Atoi(strings.TrimSpace(s)); err == nil && n > 0 {
			out = append(out, n)
		}
	}
	return out
}

// load bulk-loads n synthetic patients in batches and reports the time.
func load(b *testing.B, s *sqlstore.Store, ps []*chartroom.Patient) time.Duration {
	b.Helper()
	start := time.Now()
	const batch = 5000
	for i := 0; i < len(ps); i += batch {
		if err := s.BulkPatients(context.Background(), ps[i:min(i+batch, len(ps))]); err != nil {
			b.Fatal(err)
		}
	}
	if err := s.Analyze(context.Background()); err != nil {
		b.Fatal(err)
	}
	return time.Since(start)
}

// BenchmarkPatientSearch loads N synthetic patients on each engine and times
// the two searches a registrar makes all day: a family-name prefix with a
// birth date, and an MRN. It reports p50 and p99 latency in ms and the bulk
// load rate.
func BenchmarkPatientSearch(b *testing.B) {
	for _, e := range storetest.Engines(b) {
		for _, n := range benchSizes() {
			s := e.Open(b)
			ps := storetest.SyntheticPatients(1, n)
			took := load(b, s, ps)
			b.Logf("%s: bulk-loaded %d patients in %v (%.0f/s)", e.Name, n, took.Round(time.Millisecond), float64(n)/took.Seconds())
			b.Run(fmt.Sprintf("%s/%d", e.Name, n), func(b *testing.B) {
				b.ReportMetric(float64(n)/took.Seconds(), "loaded/s")
				r := rand.New(rand.NewPCG(2, 2))
				ctx := context.Background()
				queries := func(i int) chartroom.PatientFilter {
					p := ps[r.IntN(len(ps))]
					if i%2 == 0 {
						fam := chartroom.NormName(p.Name.Family)
						return chartroom.PatientFilter{Family: fam[:min(3, len(fam))], BirthDate: p.BirthDate, Limit: 50}
					}
					return chartroom.PatientFilter{MRN: p.Identifiers[0].Value, Limit: 50}
				}
				lat := make([]time.Duration, 0, b.N)
				b.ResetTimer()
				for i := 0; i < b.N; i++ {
					f := queries(i)
					t0 := time.Now()
					page, err := s.FindPatients(ctx, f)
					lat = append(lat, time.Since(t0))
					if err != nil || len(page.Items) == 0 {
						b.Fatalf("search %+v: %d results, %v", f, len(page.Items), err)
					}
				}
				b.StopTimer()
				slices.Sort(lat)
				b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
				b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, "p99-ms")
			})
		}
	}
}
