package synth_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/chartroom/chartroom/mpi"
	"github.com/chartroom/chartroom/mpi/synth"
)

func TestDbg(t *testing.T) {
	recs := synth.Generate(100000, synth.Options{Seed: 7})
	res, _ := mpi.Dedupe(context.Background(), recs, mpi.Options{})
	n := 0
	fps, fpsLink := 0, 0
	for _, p := range res.Pairs {
		if synth.Person(recs[p.Left].ID) != synth.Person(recs[p.Right].ID) {
			fps++
			if p.Decision == mpi.AutoLink {
				fpsLink++
			}
			if n < 6 && p.Decision == mpi.AutoLink {
				n++
				s := mpi.Explain(res.Model, recs[p.Left], recs[p.Right])
				fmt.Printf("%.2f %v\n%v\n", p.Weight, recs[p.Left], recs[p.Right])
				for _, f := range s.Fields {
					fmt.Printf("  %s %s %.2f", f.Field, f.Level, f.Weight)
				}
				fmt.Println()
			}
		}
	}
	fmt.Println("fps", fps, "autolink fps", fpsLink, "pairs", len(res.Pairs))
	b, _ := res.Model.MarshalJSON()
	fmt.Println(string(b))
}
