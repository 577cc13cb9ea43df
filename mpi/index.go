package mpi

import (
	"context"
	"slices"
	"sync"
)

// Index answers "who might this be?" as a patient is registered: it holds
// every record of the patient index with its blocking keys, and scores a new
// record against the records that share a key. It is safe for concurrent
// use; lookups share a read lock.
type Index struct {
	mu      sync.RWMutex
	matcher *Matcher
	recs    []Record
	preps   []prepared
	alive   []bool
	slot    map[string]int32 // id → latest slot
	head    map[uint64]int32 // key → last entry (slot*numKeys + key kind)
	next    []int32          // entry → previous entry with the same key, or -1
}

// MaxWalk bounds how many records of one key a lookup compares, so that a
// very common key cannot make a lookup slow.
const MaxWalk = 2000

// NewIndex returns an empty index that scores with model (nil: the
// DefaultModel until Train is called) and extra nickname groups.
func NewIndex(model *Model, aliases []string) *Index {
	if model == nil {
		model = DefaultModel()
	} else {
		c := *model
		model = &c
		model.normalise()
	}
	return &Index{
		matcher: newMatcher(model, newAliasTable(aliases)),
		slot:    map[string]int32{},
		head:    map[uint64]int32{},
	}
}

// Len returns the number of live records.
func (x *Index) Len() int {
	x.mu.RLock()
	defer x.mu.RUnlock()
	return len(x.slot)
}

// Model returns the model the index scores with.
func (x *Index) Model() *Model {
	x.mu.RLock()
	defer x.mu.RUnlock()
	return x.matcher.model
}

// Add puts a record in the index, replacing any record with the same ID.
func (x *Index) Add(r Record) {
	p := prepare(&r, x.matcher.aliases)
	k := blockKeys(&p)
	x.mu.Lock()
	defer x.mu.Unlock()
	x.removeLocked(r.ID)
	s := int32(len(x.recs))
	x.recs = append(x.recs, r)
	x.preps = append(x.preps, p)
	x.alive = append(x.alive, true)
	x.slot[r.ID] = s
	x.matcher.count(&p, 1)
	for kind, v := range k {
		e := s*numKeys + int32(kind)
		prev, ok := x.head[v]
		if v == 0 || !ok {
			prev = -1
		}
		x.next = append(x.next, prev)
		if v != 0 {
			x.head[v] = e
		}
	}
}

// Remove takes a record out of the index (after a merge retires it).
func (x *Index) Remove(id string) {
	x.mu.Lock()
	defer x.mu.Unlock()
	x.removeLocked(id)
}

func (x *Index) removeLocked(id string) {
	s, ok := x.slot[id]
	if !ok {
		return
	}
	x.alive[s] = false
	x.matcher.count(&x.preps[s], -1)
	delete(x.slot, id)
}

// Match is a record of the index that may be the same person as the one
// looked up.
type Match struct {
	ID    string `json:"id"`
	Score Score  `json:"score"`
}

// Lookup scores r against the records sharing a blocking key with it and
// returns those to link or to review, likeliest first, at most limit. A
// record with r's own ID is left out.
func (x *Index) Lookup(r Record, limit int) []Match {
	p := prepare(&r, x.matcher.aliases)
	k := blockKeys(&p)
	x.mu.RLock()
	defer x.mu.RUnlock()
	seen := map[int32]bool{}
	type hit struct {
		s int32
		w float64
		p Pattern
	}
	var hits []hit
	for _, v := range k {
		if v == 0 {
			continue
		}
		e, ok := x.head[v]
		for n := 0; ok && e >= 0 && n < MaxWalk; n++ {
			s := e / numKeys
			if !seen[s] && x.alive[s] && x.recs[s].ID != r.ID {
				seen[s] = true
				pat := compare(&p, &x.preps[s], x.matcher.aliases)
				w := x.matcher.weight(&p, pat)
				if decide(x.matcher.model, pat, probability(w)) != NonMatch {
					hits = append(hits, hit{s, w, pat})
				}
			}
			e = x.next[e]
		}
	}
	slices.SortFunc(hits, func(a, b hit) int {
		switch {
		case a.w > b.w:
			return -1
		case a.w < b.w:
			return 1
		}
		return int(a.s - b.s)
	})
	if limit > 0 && len(hits) > limit {
		hits = hits[:limit]
	}
	out := make([]Match, len(hits))
	for i, h := range hits {
		out[i] = Match{ID: x.recs[h.s].ID, Score: x.matcher.explain(&r, &x.recs[h.s], &p, &x.preps[h.s])}
	}
	return out
}

// Explain scores two records of the index against each other.
func (x *Index) Explain(a, b string) (Score, bool) {
	x.mu.RLock()
	defer x.mu.RUnlock()
	sa, oka := x.slot[a]
	sb, okb := x.slot[b]
	if !oka || !okb {
		return Score{}, false
	}
	return x.matcher.explain(&x.recs[sa], &x.recs[sb], &x.preps[sa], &x.preps[sb]), true
}

// Train fits the model to the records in the index (as a batch run does:
// u always; m only when the index holds enough duplicates to learn from)
// and scores with it from then on. It returns the batch result: every pair
// of the index to link or to review.
func (x *Index) Train(ctx context.Context, opts Options) (*Result, error) {
	x.mu.RLock()
	recs := make([]Record, 0, len(x.slot))
	for s, r := range x.recs {
		if x.alive[s] {
			recs = append(recs, r)
		}
	}
	if opts.Model == nil {
		m := *x.matcher.model
		opts.Model = &m
	}
	x.mu.RUnlock()
	res, err := Dedupe(ctx, recs, opts)
	if err != nil {
		return nil, err
	}
	x.mu.Lock()
	x.matcher.model = res.Model
	x.mu.Unlock()
	// Pairs index recs; give them back by record so callers can map ids.
	res.records = recs
	return res, nil
}

// ExplainRecords scores two records with the index's model and name
// frequencies, whether or not they are in the index.
func (x *Index) ExplainRecords(a, b Record) Score {
	pa, pb := prepare(&a, x.matcher.aliases), prepare(&b, x.matcher.aliases)
	x.mu.RLock()
	defer x.mu.RUnlock()
	return x.matcher.explain(&a, &b, &pa, &pb)
}
