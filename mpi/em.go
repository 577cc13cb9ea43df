package mpi

import (
	"math"
	"math/rand/v2"
)

// estimateU sets u from random pairs: among records picked at random almost
// every pair is two different people, so how often each level occurs among
// them is its u. Pinned fields keep theirs. The sample is seeded, so the
// same data gives the same model.
func (m *Model) estimateU(recs []prepared, other []prepared, aliases *aliasTable, samples int) {
	if len(recs) == 0 || len(other) == 0 || len(recs)+len(other) < 3 {
		return
	}
	var counts [NumFields][maxLevels]float64
	rng := rand.New(rand.NewPCG(1, 2))
	same := &recs[0] == &other[0]
	for s := 0; s < samples; s++ {
		i, j := rng.IntN(len(recs)), rng.IntN(len(other))
		if same && i == j {
			continue
		}
		p := compare(&recs[i], &other[j], aliases)
		for f := Field(0); f < NumFields; f++ {
			counts[f][p.Level(f)]++
		}
	}
	for f := Field(0); f < NumFields; f++ {
		if m.Pinned[f] {
			continue
		}
		var n float64
		for l := 1; l < numLevels(f); l++ {
			n += counts[f][l]
		}
		if n == 0 {
			continue
		}
		for l := 1; l < numLevels(f); l++ {
			// Add half a count so that a level never seen in the sample
			// keeps a small, finite u.
			m.U[f][l] = (counts[f][l] + 0.5) / (n + 0.5*float64(numLevels(f)-1))
		}
	}
	m.normalise()
}

// emResult is what expectation–maximisation found among the candidate
// pairs.
type emResult struct {
	m          [NumFields][maxLevels]float64
	u          [NumFields][maxLevels]float64 // among the candidates
	lambda     float64                       // the share of candidate pairs that match
	iterations int
}

// em estimates m by expectation–maximisation over the comparison vectors of
// the candidate pairs (counts holds how many pairs had each vector). It
// starts from the model's m, and from u as the model has it, and updates m,
// u and the share of matches among candidates until they settle. Only m is
// kept: u among blocked candidates is biased by the blocking, so the model
// keeps the u of random pairs.
func (m *Model) em(counts map[Pattern]float64) emResult {
	pats := make([]patternCount, 0, len(counts))
	var total float64
	for p, n := range counts {
		pats = append(pats, patternCount{p, n})
		total += n
	}
	r := emResult{m: m.M, lambda: 0.1}
	u := m.U
	if total == 0 {
		return r
	}
	for it := 0; it < 200; it++ {
		var mm, uu [NumFields][maxLevels]float64
		var sumG float64
		for _, x := range pats {
			lm, lu := math.Log(r.lambda), math.Log(1-r.lambda)
			for f := Field(0); f < NumFields; f++ {
				if l := x.p.Level(f); l != missing {
					lm += math.Log(r.m[f][l])
					lu += math.Log(u[f][l])
				}
			}
			g := 1 / (1 + math.Exp(lu-lm))
			sumG += g * x.n
			for f := Field(0); f < NumFields; f++ {
				l := x.p.Level(f)
				mm[f][l] += g * x.n
				uu[f][l] += (1 - g) * x.n
			}
		}
		newLambda := sumG / total
		change := math.Abs(newLambda - r.lambda)
		r.lambda = math.Min(math.Max(newLambda, 1e-9), 1-1e-9)
		for f := Field(0); f < NumFields; f++ {
			n := numLevels(f)
			var sm, su float64
			for l := 1; l < n; l++ {
				sm += mm[f][l]
				su += uu[f][l]
			}
			for l := 1; l < n; l++ {
				if !m.Pinned[f] && sm > 0 {
					v := math.Max(mm[f][l]/sm, floor)
					change = math.Max(change, math.Abs(v-r.m[f][l]))
					r.m[f][l] = v
				}
				if su > 0 {
					u[f][l] = math.Max(uu[f][l]/su, floor)
				}
			}
		}
		r.iterations = it + 1
		if change < 1e-7 {
			break
		}
	}
	r.u = u
	r.refine(pats, m.Pinned)
	return r
}

type patternCount struct {
	p Pattern
	n float64
}

// refine re-estimates each field's m from the pairs that the other fields
// alone make near-certain matches. Fellegi–Sunter assumes fields are
// independent given the match status, and they are not: members of one
// household share address and phone, so plain EM can learn "a match lives
// at the same address" and call every duplicate who moved a non-match.
// Picking the sure pairs by the person's own identifiers (names, birth date,
// sex, SSN), leaving out the field being estimated and every household
// field, breaks that circle. A field with too few sure pairs keeps the EM
// estimate.
func (r *emResult) refine(pats []patternCount, pinned [NumFields]bool) {
	for round := 0; round < 3; round++ {
		var w [NumFields][maxLevels]float64
		for f := Field(0); f < NumFields; f++ {
			for l := 1; l < numLevels(f); l++ {
				w[f][l] = math.Log2(r.m[f][l] / r.u[f][l])
			}
		}
		prior := math.Log2(r.lambda / (1 - r.lambda))
		next := r.m
		for f := Field(0); f < NumFields; f++ {
			if pinned[f] {
				continue
			}
			var counts [maxLevels]float64
			var n float64
			for _, x := range pats {
				l := x.p.Level(f)
				if l == missing {
					continue
				}
				s := prior
				for g := Field(0); g < NumFields; g++ {
					if g != f && !household(g) {
						s += w[g][x.p.Level(g)]
					}
				}
				if s >= sureMatch {
					counts[l] += x.n
					n += x.n
				}
			}
			if n < 30 {
				continue
			}
			for l := 1; l < numLevels(f); l++ {
				next[f][l] = math.Max((counts[l]+0.5)/(n+0.5*float64(numLevels(f)-1)), floor)
			}
		}
		r.m = next
	}
}

// sureMatch is the log2 odds (about 99.9%) at which refine treats a pair as
// a match.
const sureMatch = 10

// household reports whether f describes where and how a person lives:
// fields that household members share and that change together on a move.
func household(f Field) bool { return f == Street || f == Line2 || f == Area || f == Phone }
