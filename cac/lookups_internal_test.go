package cac

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/chartroom/chartroom/codeset"
)

// TestLookupsRemember checks that a repeated search answers as the
// searcher does, that a caller filtering its answer in place leaves the
// next answer whole, and that searches differing only in an option are
// not confused.
func TestLookupsRemember(t *testing.T) {
	x := tabularSearcher(t)
	l := newLookups(x)
	cm := []codeset.System{codeset.ICD10CM}
	for _, opt := range []codeset.SearchOptions{
		{Systems: cm, Limit: 8, Phrase: 2},
		{Systems: cm, Limit: 3, Phrase: 2},
		{Systems: cm, Limit: 8},
		{Systems: cm, Limit: 8, Phrase: 2, Date: codeset.NewDate(2026, 3, 9)},
		{Limit: 8}, // every system: not remembered, answered all the same
	} {
		for _, q := range []string{"community acquired pneumonia", "essential hypertension", "pneumonia"} {
			want := x.Search(q, opt)
			first := l.Search(q, opt)
			if diff := cmp.Diff(want, first); diff != "" {
				t.Errorf("%q %+v: first answer differs (-searcher +lookups):\n%s", q, opt, diff)
			}
			for i := range first {
				first[i].Code = "spoilt"
			}
			if diff := cmp.Diff(want, l.Search(q, opt)); diff != "" {
				t.Errorf("%q %+v: repeated answer differs (-searcher +lookups):\n%s", q, opt, diff)
			}
		}
	}
}

var (
	tabularOnce sync.Once
	tabular     *codeset.Searcher
	tabularErr  error
)

// tabularSearcher searches the FY2026 ICD-10-CM tabular order file alone:
// enough to check what a cache gives back against what it was given.
func tabularSearcher(t *testing.T) *codeset.Searcher {
	t.Helper()
	file := "../../shared/data/codesets/icd10cm/2026/2026-code-descriptions-tabular-order.zip"
	if _, err := os.Stat(file); err != nil {
		t.Skipf("shared code set data not found: %v", err)
	}
	tabularOnce.Do(func() {
		var set *codeset.Set
		set, tabularErr = codeset.Import(context.Background(), []string{filepath.Clean(file)}, codeset.ImportOptions{})
		if tabularErr == nil {
			tabular = set.Searcher()
		}
	})
	if tabularErr != nil {
		t.Fatal(tabularErr)
	}
	return tabular
}
