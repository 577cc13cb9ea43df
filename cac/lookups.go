package cac

import (
	"slices"

	"github.com/chartroom/chartroom/codeset"
)

// lookups is the code set's searcher as one Suggest call uses it: a search
// asked again with the same query and options is answered from the first
// asking. A note names the same condition in several places (the
// discharge diagnoses, the hospital course, the problem list) and several
// rules look the same item up again, so about a quarter of a long note's
// searches repeat one already run. Every other method is the searcher's.
type lookups struct {
	*codeset.Searcher
	seen map[lookupKey][]codeset.Result
}

// lookupKey is what a search's answer depends on: the query and every
// option cac sets. A search with options outside it (several systems,
// explanations) is not remembered.
type lookupKey struct {
	q             string
	sys           codeset.System
	date          codeset.Date
	limit, phrase int
}

func newLookups(x *codeset.Searcher) *lookups {
	return &lookups{Searcher: x, seen: map[lookupKey][]codeset.Result{}}
}

// Search answers as codeset.Searcher.Search does. The caller owns the
// slice it gets (the rules filter results in place), so a remembered
// answer is copied out.
func (l *lookups) Search(q string, opt codeset.SearchOptions) []codeset.Result {
	if len(opt.Systems) != 1 || opt.Explain {
		return l.Searcher.Search(q, opt)
	}
	k := lookupKey{q: q, sys: opt.Systems[0], date: opt.Date, limit: opt.Limit, phrase: opt.Phrase}
	rs, ok := l.seen[k]
	if !ok {
		rs = l.Searcher.Search(q, opt)
		l.seen[k] = rs
	}
	return slices.Clone(rs)
}
