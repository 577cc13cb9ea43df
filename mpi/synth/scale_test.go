package synth_test

import (
	"context"
	"fmt"
	"runtime"
	"sync/atomic"
	"testing"

	"github.com/chartroom/chartroom/mpi"
	"github.com/chartroom/chartroom/mpi/synth"
)

type eval struct {
	truth, candidates, tp, fp, linkTP, linkFP int
	completeness, precision, recall, f1       float64
	linkPrecision, linkRecall, linkF1         float64
}

// evaluate scores a run against the generated truth: completeness is the
// share of true pairs among the candidates (counted by onCandidate),
// accuracy is at the decisions.
func evaluate(recs []mpi.Record, res *mpi.Result, trueCandidates int64) eval {
	e := eval{candidates: int(trueCandidates)}
	n := map[string]int{}
	for _, r := range recs {
		n[synth.Person(r.ID)]++
	}
	for _, c := range n {
		e.truth += c * (c - 1) / 2
	}
	for _, p := range res.Pairs {
		same := synth.Person(recs[p.Left].ID) == synth.Person(recs[p.Right].ID)
		if p.Decision != mpi.NonMatch {
			if same {
				e.tp++
			} else {
				e.fp++
			}
		}
		if p.Decision == mpi.AutoLink {
			if same {
				e.linkTP++
			} else {
				e.linkFP++
			}
		}
	}
	e.completeness = float64(e.candidates) / float64(e.truth)
	e.precision = float64(e.tp) / float64(e.tp+e.fp)
	e.recall = float64(e.tp) / float64(e.truth)
	e.f1 = 2 * e.precision * e.recall / (e.precision + e.recall)
	e.linkPrecision = float64(e.linkTP) / float64(e.linkTP+e.linkFP)
	e.linkRecall = float64(e.linkTP) / float64(e.truth)
	e.linkF1 = 2 * e.linkPrecision * e.linkRecall / (e.linkPrecision + e.linkRecall)
	return e
}

// counter counts the candidate pairs that are one person.
func counter(recs []mpi.Record, n *atomic.Int64) func(i, j int) {
	return func(i, j int) {
		if synth.Person(recs[i].ID) == synth.Person(recs[j].ID) {
			n.Add(1)
		}
	}
}

// TestSynthScale dedupes 20,000 generated registrations and holds blocking
// to the pair-completeness bar (99.5%) with a useful accuracy.
func TestSynthScale(t *testing.T) {
	recs := synth.Generate(20000, synth.Options{Seed: 7})
	var trueCandidates atomic.Int64
	res, err := mpi.Dedupe(context.Background(), recs, mpi.Options{OnCandidate: counter(recs, &trueCandidates)})
	if err != nil {
		t.Fatal(err)
	}
	e := evaluate(recs, res, trueCandidates.Load())
	t.Logf("20k: %d true pairs, completeness %.4f, reduction %.5f", e.truth, e.completeness, res.Stats.ReductionRatio)
	t.Logf("20k: link or review: precision %.4f recall %.4f F1 %.4f", e.precision, e.recall, e.f1)
	t.Logf("20k: auto-link only: precision %.4f recall %.4f F1 %.4f", e.linkPrecision, e.linkRecall, e.linkF1)
	if e.linkPrecision < 0.995 {
		t.Errorf("auto-link precision %.4f, want ≥ 0.995: a wrong automatic link merges two people's records", e.linkPrecision)
	}
	if e.completeness < 0.995 {
		t.Errorf("pair completeness %.4f, want ≥ 0.995", e.completeness)
	}
	if e.f1 < 0.95 {
		t.Errorf("F1 %.4f, want ≥ 0.95", e.f1)
	}
}

// BenchmarkDedupe is the scale curve: 10k, 100k and 1M records (the last
// only with -bench 'Dedupe/1M'; it takes about a minute on two cores).
func BenchmarkDedupe(b *testing.B) {
	for _, n := range []int{10_000, 100_000, 1_000_000} {
		b.Run(fmt.Sprintf("%dk", n/1000), func(b *testing.B) {
			if n >= 1_000_000 && !testing.Verbose() && b.N > 1 {
				b.Skip()
			}
			recs := synth.Generate(n, synth.Options{Seed: 7})
			b.ResetTimer()
			var res *mpi.Result
			var trueCandidates atomic.Int64
			for i := 0; i < b.N; i++ {
				trueCandidates.Store(0)
				var err error
				res, err = mpi.Dedupe(context.Background(), recs, mpi.Options{OnCandidate: counter(recs, &trueCandidates)})
				if err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			e := evaluate(recs, res, trueCandidates.Load())
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			b.ReportMetric(e.completeness, "completeness")
			b.ReportMetric(e.f1, "F1")
			b.ReportMetric(e.linkPrecision, "link-precision")
			b.ReportMetric(float64(res.Stats.CandidatePairs), "candidates")
			b.ReportMetric(float64(ms.Sys)/(1<<20), "MiB-sys")
		})
	}
}
