package mpi

import (
	"context"
	"math"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
)

// Options tune a batch run.
type Options struct {
	// Model supplies parameters. Its pinned fields keep their m and u; the
	// others are estimated from the data unless Fixed is set.
	Model *Model
	// Fixed uses Model as it is, without estimating anything.
	Fixed bool
	// Aliases adds nickname groups: each string lists forms of one given
	// name separated by spaces, the formal name first.
	Aliases []string
	// Workers is the number of goroutines comparing pairs (default: one per
	// CPU).
	Workers int
	// MaxBlock skips blocks of more records than this (a value so common it
	// does not discriminate); default 5000. Skipped blocks are counted.
	MaxBlock int
	// USamples is the number of random pairs u is estimated from (default
	// 20 per record, from 200,000 to 1,000,000).
	USamples int
	// EMPairs caps the candidate pairs EM learns from (default 2,000,000).
	EMPairs int64
	// MinEM is the fewest records from which m is estimated (default 500);
	// below it the model's m is kept (DefaultModel unless Model is set),
	// u is still estimated, and the prior assumes duplicates make up about
	// 5% of records.
	MinEM int
	// OnCandidate, when set, is called for every candidate pair, from
	// several goroutines at once: a way to measure blocking on a large run
	// without keeping every pair.
	OnCandidate func(left, right int)
	// KeepAll keeps every candidate pair whatever its score, for measuring
	// blocking (pair completeness) and for studying the model.
	KeepAll bool
	// Progress, when set, is called now and then with the pairs compared so
	// far and the total.
	Progress func(done, total int64)
}

func (o *Options) defaults(records int) {
	if o.Workers <= 0 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
	if o.MaxBlock <= 0 {
		o.MaxBlock = 5000
	}
	if o.USamples <= 0 {
		o.USamples = min(max(20*records, 200_000), 1_000_000)
	}
	if o.EMPairs <= 0 {
		o.EMPairs = 2_000_000
	}
	if o.MinEM <= 0 {
		o.MinEM = 500
	}
}

// Pair is a scored candidate pair: indexes into the input (the left and the
// right file when linking).
type Pair struct {
	Left, Right int
	Weight      float64
	Probability float64
	Decision    Decision
	Pattern     Pattern
}

// Stats describes a run.
type Stats struct {
	Records         int     `json:"records"`
	PossiblePairs   int64   `json:"possible_pairs"`
	CandidatePairs  int64   `json:"candidate_pairs"`
	ReductionRatio  float64 `json:"reduction_ratio"` // share of possible pairs blocking spared
	OversizedBlocks int     `json:"oversized_blocks"`
	EMIterations    int     `json:"em_iterations"`
	Links           int     `json:"links"`
	Reviews         int     `json:"reviews"`
}

// Result is the outcome of a batch run: the fitted model and every pair at
// or above the review threshold, best first.
type Result struct {
	Model *Model
	Pairs []Pair
	Stats Stats

	matcher *Matcher
	records []Record // the inputs, when the result came from Index.Train
}

// Records returns the records a result from Index.Train indexes into.
func (r *Result) Records() []Record { return r.records }

// Explain breaks a pair of the result into field weights, with the name
// frequencies of the run. left and right are the inputs (the same slice
// when deduplicating).
func (r *Result) Explain(p Pair, left, right []Record) Score {
	a, b := &left[p.Left], &right[p.Right]
	pa, pb := prepare(a, r.matcher.aliases), prepare(b, r.matcher.aliases)
	return r.matcher.explain(a, b, &pa, &pb)
}

// Matcher scores pairs of records under a model, with name frequencies for
// the term-frequency adjustment.
type Matcher struct {
	model   *Model
	aliases *aliasTable
	given   map[string]int32
	family  map[string]int32
	n       int
}

func newMatcher(model *Model, aliases *aliasTable) *Matcher {
	return &Matcher{model: model, aliases: aliases, given: map[string]int32{}, family: map[string]int32{}}
}

func (m *Matcher) count(p *prepared, d int32) {
	if p.given != "" {
		m.given[p.given] += d
	}
	if p.family != "" {
		m.family[p.family] += d
	}
	m.n += int(d)
}

// Model returns the matcher's model.
func (m *Matcher) Model() *Model { return m.model }

// tfWeight is the weight of exact agreement on a name, adjusted for how
// common that name is: agreeing on a rare name says more than agreeing on a
// common one. The adjustment replaces u with the name's share of records and
// is held within 6 bits of the unadjusted weight.
func (m *Matcher) tfWeight(f Field, name string, counts map[string]int32) float64 {
	w := m.model.weights[f][1]
	c := counts[name]
	if c <= 0 || m.n < 50 {
		return w
	}
	share := float64(c) / float64(m.n)
	adj := math.Log2(m.model.M[f][1]/share) - w
	return w + math.Max(-6, math.Min(6, adj))
}

func (m *Matcher) weight(a *prepared, p Pattern) float64 {
	w := m.model.Prior()
	for f := Field(0); f < NumFields; f++ {
		l := p.Level(f)
		switch {
		case l == 1 && f == Given:
			w += m.tfWeight(f, a.given, m.given)
		case l == 1 && f == Family:
			w += m.tfWeight(f, a.family, m.family)
		default:
			w += m.model.weights[f][l]
		}
	}
	return w
}

// Twin reports whether a pair looks like twins (or other multiples): the
// same family name and birth date, given names that are not the same name
// (neither equal nor nicknames of one another). Fellegi–Sunter scores such
// pairs high, because twins share an address, a phone and often consecutive
// SSNs: with different sexes they are two people, and with given names more
// than a typing slip apart a person decides (different SSNs alone do not
// settle it: a mistyped SSN is common among true duplicates).
func (p Pattern) Twin() bool {
	g := p.Level(Given)
	return g >= 3 && (p.Level(Family) == 1 || p.Level(Family) == 2) && p.Level(BirthDate) == 1
}

// Household reports whether a pair has given names that are plainly
// different (not a typing error, a nickname or an initial). Members of one
// household share an address, a phone and often a family name, and
// Fellegi–Sunter, which treats those as independent evidence, would add
// them up past any threshold; such a pair is at most reviewed, and not
// even that when the sexes differ too.
func (p Pattern) Household() bool { return p.Level(Given) == 5 }

const (
	twinNote      = "possible twins: same family name and birth date, different given names; not linked automatically"
	householdNote = "different given names: members of one household share address and phone; never linked automatically"
)

// decide applies the thresholds, then the twin and household rules.
func decide(model *Model, p Pattern, prob float64) Decision {
	d := model.Decide(prob)
	if p.Twin() || p.Household() {
		if p.Level(Sex) == 2 {
			return NonMatch
		}
		// A one-letter slip in the given name ("close") is a typing error
		// far more often than a twin of the same sex.
		if d == AutoLink && p.Level(Given) >= 4 {
			return Review
		}
	}
	return d
}

// explain breaks a pair's score into field weights.
func (m *Matcher) explain(a, b *Record, pa, pb *prepared) Score {
	p := compare(pa, pb, m.aliases)
	s := Score{Prior: m.model.Prior()}
	s.Weight = m.weight(pa, p)
	s.Probability = probability(s.Weight)
	s.Decision = decide(m.model, p, s.Probability)
	switch {
	case p.Twin():
		s.Note = twinNote
	case p.Household():
		s.Note = householdNote
	}
	for f := Field(0); f < NumFields; f++ {
		l := p.Level(f)
		w := m.model.weights[f][l]
		switch {
		case l == 1 && f == Given:
			w = m.tfWeight(f, pa.given, m.given)
		case l == 1 && f == Family:
			w = m.tfWeight(f, pa.family, m.family)
		}
		name := "missing"
		if l > 0 {
			name = levelNames[f][l-1]
		}
		s.Fields = append(s.Fields, FieldWeight{Field: f.String(), Level: name, Weight: math.Round(w*100) / 100, Left: a.value(f), Right: b.value(f)})
	}
	return s
}

// Dedupe finds the records of recs that belong to the same person.
func Dedupe(ctx context.Context, recs []Record, opts Options) (*Result, error) {
	return run(ctx, recs, -1, opts)
}

// Link finds the pairs of a left and a right record that belong to the same
// person. Pair.Left indexes left and Pair.Right indexes right.
func Link(ctx context.Context, left, right []Record, opts Options) (*Result, error) {
	all := make([]Record, 0, len(left)+len(right))
	all = append(append(all, left...), right...)
	res, err := run(ctx, all, len(left), opts)
	if err != nil {
		return nil, err
	}
	for i := range res.Pairs {
		res.Pairs[i].Right -= len(left)
	}
	return res, nil
}

// prepareAll folds the records in parallel.
func prepareAll(recs []Record, aliases *aliasTable, workers int) ([]prepared, []keys) {
	ps := make([]prepared, len(recs))
	ks := make([]keys, len(recs))
	var wg sync.WaitGroup
	chunk := (len(recs) + workers - 1) / workers
	for w := 0; w < workers; w++ {
		lo, hi := w*chunk, min((w+1)*chunk, len(recs))
		if lo >= hi {
			break
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := lo; i < hi; i++ {
				ps[i] = prepare(&recs[i], aliases)
				ks[i] = blockKeys(&ps[i])
			}
		}()
	}
	wg.Wait()
	return ps, ks
}

func run(ctx context.Context, recs []Record, split int, opts Options) (*Result, error) {
	opts.defaults(len(recs))
	aliases := newAliasTable(opts.Aliases)
	model := newModel()
	if len(recs) < opts.MinEM {
		model = DefaultModel()
	}
	if opts.Model != nil {
		c := *opts.Model
		model = &c
		model.normalise()
	}
	ps, ks := prepareAll(recs, aliases, opts.Workers)
	m := newMatcher(model, aliases)
	for i := range ps {
		m.count(&ps[i], 1)
	}
	b := buildBlocks(ks, split, opts.MaxBlock)
	res := &Result{Model: model, matcher: m}
	st := &res.Stats
	st.Records = len(recs)
	if split < 0 {
		st.PossiblePairs = int64(len(recs)) * int64(len(recs)-1) / 2
	} else {
		st.PossiblePairs = int64(split) * int64(len(recs)-split)
	}
	st.OversizedBlocks = b.oversized
	if err := ctx.Err(); err != nil {
		return nil, err
	}

	if !opts.Fixed {
		fit(model, ps, ks, b, split, aliases, opts, st)
	}

	// Score every candidate pair.
	var done atomic.Int64
	var next atomic.Int64
	results := make([][]Pair, opts.Workers)
	candidates := make([]int64, opts.Workers)
	var wg sync.WaitGroup
	const chunk = 256
	for w := 0; w < opts.Workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var out []Pair
			var n int64
			for {
				lo := int(next.Add(chunk)) - chunk
				if lo >= len(b.blocks) || ctx.Err() != nil {
					break
				}
				hi := min(lo+chunk, len(b.blocks))
				var blockPairs int64
				for _, bl := range b.blocks[lo:hi] {
					blockPairs += b.blockPairs(bl, split)
				}
				b.each(ks, split, lo, hi, func(i, j int32) {
					n++
					if opts.OnCandidate != nil {
						opts.OnCandidate(int(i), int(j))
					}
					p := compare(&ps[i], &ps[j], aliases)
					wt := m.weight(&ps[i], p)
					pr := probability(wt)
					if d := decide(model, p, pr); d != NonMatch || opts.KeepAll {
						out = append(out, Pair{Left: int(i), Right: int(j), Weight: wt, Probability: pr, Decision: d, Pattern: p})
					}
				})
				d := done.Add(blockPairs)
				if opts.Progress != nil {
					opts.Progress(d, b.pairs)
				}
			}
			results[w] = out
			candidates[w] = n
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	for w := range results {
		res.Pairs = append(res.Pairs, results[w]...)
		st.CandidatePairs += candidates[w]
	}
	slices.SortFunc(res.Pairs, func(x, y Pair) int {
		switch {
		case x.Weight > y.Weight:
			return -1
		case x.Weight < y.Weight:
			return 1
		case x.Left != y.Left:
			return x.Left - y.Left
		}
		return x.Right - y.Right
	})
	for _, p := range res.Pairs {
		switch p.Decision {
		case AutoLink:
			st.Links++
		case Review:
			st.Reviews++
		}
	}
	if st.PossiblePairs > 0 {
		st.ReductionRatio = 1 - float64(st.CandidatePairs)/float64(st.PossiblePairs)
	}
	return res, nil
}

// Explain scores one pair of records under a model and breaks the score
// into field weights. Without name frequencies there is no term-frequency
// adjustment; an Index explains with its frequencies.
func Explain(model *Model, a, b Record) Score {
	aliases := newAliasTable(nil)
	m := newMatcher(model, aliases)
	pa, pb := prepare(&a, aliases), prepare(&b, aliases)
	return m.explain(&a, &b, &pa, &pb)
}

// minMatches is the fewest matches EM must find among the candidates for
// its m to be used.
const minMatches = 50

// plausible reports whether EM's match class looks like matches: exact
// agreement on each name and on the birth date much likelier than among
// random pairs.
func plausible(r *emResult, model *Model) bool {
	for _, f := range []Field{Given, Family, BirthDate} {
		if r.m[f][1] < 10*model.U[f][1] || r.m[f][1] < 0.3 {
			return false
		}
	}
	return true
}

// fit estimates the model from the records: u from random pairs, m by EM
// over the candidate pairs (and refine), and the prior.
func fit(model *Model, ps []prepared, ks []keys, b *blocking, split int, aliases *aliasTable, opts Options, st *Stats) {
	left, right := ps, ps
	if split >= 0 {
		left, right = ps[:split], ps[split:]
	}
	model.estimateU(left, right, aliases, opts.USamples)
	if len(ps) < opts.MinEM {
		// Too few records to learn m: keep it, and take the prior from
		// an expected 5% of records being duplicates.
		if st.PossiblePairs > 0 {
			model.Lambda = min(0.05*float64(len(ps))/float64(st.PossiblePairs), 0.5)
		}
		model.normalise()
		return
	}
	// EM learns m from an even spread of blocks, up to EMPairs pairs.
	counts := map[Pattern]float64{}
	stride := 1
	if b.pairs > opts.EMPairs {
		stride = int(b.pairs/opts.EMPairs) + 1
	}
	var sampled float64
	for i := 0; i < len(b.blocks); i += stride {
		b.each(ks, split, i, i+1, func(x, y int32) {
			counts[compare(&ps[x], &ps[y], aliases)]++
			sampled++
		})
	}
	r := model.em(counts)
	st.EMIterations = r.iterations
	if r.lambda*sampled < minMatches || !plausible(&r, model) {
		// Too few duplicates among the records to learn what a match
		// looks like (a clean index, where EM may take twins or
		// households for its "match" class): keep m as it was.
		model.M = DefaultModel().M
		if opts.Model != nil {
			model.M = opts.Model.M
		}
		if st.PossiblePairs > 0 {
			model.Lambda = min(0.05*float64(len(ps))/float64(st.PossiblePairs), 0.5)
		}
		model.normalise()
		return
	}
	for f := Field(0); f < NumFields; f++ {
		if !model.Pinned[f] {
			model.M[f] = r.m[f]
		}
	}
	// The matches among the candidates are (nearly) all the matches
	// there are, so the prior for a random pair is their number over
	// all possible pairs.
	if st.PossiblePairs > 0 && sampled > 0 {
		distinct := sampled * float64(stride) // sampled every stride-th block
		model.Lambda = r.lambda * distinct / float64(st.PossiblePairs)
	}
	model.normalise()
}
