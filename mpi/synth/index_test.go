package synth_test

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/chartroom/chartroom/mpi"
	"github.com/chartroom/chartroom/mpi/synth"
)

// holdOut splits generated records into an index and the later
// registrations of people already in it (the lookups a registrar makes).
func holdOut(recs []mpi.Record) (index, queries []mpi.Record) {
	seen := map[string]bool{}
	for _, r := range recs {
		p := synth.Person(r.ID)
		if seen[p] {
			queries = append(queries, r)
		} else {
			seen[p] = true
			index = append(index, r)
		}
	}
	return index, queries
}

func TestIndexLookup(t *testing.T) {
	recs := synth.Generate(20000, synth.Options{Seed: 3})
	in, queries := holdOut(recs)
	x := mpi.NewIndex(nil, nil)
	for _, r := range in {
		x.Add(r)
	}
	if _, err := x.Train(context.Background(), mpi.Options{}); err != nil {
		t.Fatal(err)
	}
	found, top := 0, 0
	for _, q := range queries {
		ms := x.Lookup(q, 5)
		for i, m := range ms {
			if synth.Person(m.ID) == synth.Person(q.ID) {
				found++
				if i == 0 {
					top++
				}
				break
			}
		}
	}
	recall := float64(found) / float64(len(queries))
	t.Logf("%d lookups of people already registered: %.4f found among the suggestions, %.4f first", len(queries), recall, float64(top)/float64(len(queries)))
	if recall < 0.95 {
		t.Errorf("only %.4f of returning people were suggested", recall)
	}
	// Every suggestion is explained field by field.
	ms := x.Lookup(queries[0], 1)
	if len(ms) == 1 && len(ms[0].Score.Fields) != int(mpi.NumFields) {
		t.Errorf("explanation: %+v", ms[0].Score)
	}
	// A removed record is no longer suggested; a replaced one is found by its new values.
	for _, q := range queries[:50] {
		for _, m := range x.Lookup(q, 0) {
			x.Remove(m.ID)
		}
		if ms := x.Lookup(q, 0); len(ms) != 0 {
			t.Fatalf("removed records still suggested: %v", ms)
		}
	}
	n := x.Len()
	x.Add(in[len(in)-1]) // same id again: replaced, not added
	if x.Len() != n {
		t.Errorf("re-adding an id changed the size: %d → %d", n, x.Len())
	}
}

// BenchmarkIndexLookup measures the registration-time duplicate check:
// one lookup against an index of 100k or 1M records (the latter only with
// -v), reporting the median and 99th percentile latency.
func BenchmarkIndexLookup(b *testing.B) {
	for _, n := range []int{100_000, 1_000_000} {
		b.Run(fmt.Sprintf("%dk", n/1000), func(b *testing.B) {
			if n >= 1_000_000 && !testing.Verbose() {
				b.Skip("run with -v for the 1M index")
			}
			recs := synth.Generate(n+n/8, synth.Options{Seed: 5})
			in, queries := holdOut(recs)
			// The model is fitted on a 100k sample: fitting is a batch job.
			res, err := mpi.Dedupe(context.Background(), in[:min(len(in), 100_000)], mpi.Options{})
			if err != nil {
				b.Fatal(err)
			}
			x := mpi.NewIndex(res.Model, nil)
			for _, r := range in[:min(len(in), n)] {
				x.Add(r)
			}
			lat := make([]time.Duration, 0, b.N)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				q := queries[i%len(queries)]
				t0 := time.Now()
				x.Lookup(q, 10)
				lat = append(lat, time.Since(t0))
			}
			b.StopTimer()
			slices.Sort(lat)
			b.ReportMetric(float64(lat[len(lat)/2].Microseconds()), "p50-µs")
			b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds()), "p99-µs")
			b.ReportMetric(float64(x.Len()), "records")
		})
	}
}
