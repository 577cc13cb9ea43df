package codeset

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// goldenQueries is a broad query list for checking that a change to the
// searcher's speed leaves its answers alone: every evaluation query, every
// prefix of it as typed, and misspelt forms of it (a letter dropped,
// doubled, swapped or changed).
func goldenQueries(t testing.TB) []string {
	var qs []string
	seen := map[string]bool{}
	add := func(q string) {
		if !seen[q] {
			seen[q] = true
			qs = append(qs, q)
		}
	}
	for _, f := range []string{"testdata/eval_queries.tsv", "testdata/eval_heldout.tsv"} {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for n, l := range strings.Split(string(b), "\n") {
			if l == "" || strings.HasPrefix(l, "#") {
				continue
			}
			q := strings.Split(l, "\t")[0]
			add(q)
			add(q + " ")
			for i := 1; i < len(q); i++ {
				add(q[:i])
			}
			// misspellings at positions chosen by the line number
			for k := 0; k < 4; k++ {
				i := (n*7 + k*13) % len(q)
				switch k {
				case 0:
					add(q[:i] + q[i+1:])
				case 1:
					add(q[:i] + q[i:i+1] + q[i:])
				case 2:
					if i+1 < len(q) {
						add(q[:i] + q[i+1:i+2] + q[i:i+1] + q[i+2:])
					}
				case 3:
					add(q[:i] + "e" + q[i+1:])
				}
			}
		}
	}
	return qs
}

func writeResults(w *bufio.Writer, head string, rs []Result) {
	fmt.Fprintf(w, "## %s\n", head)
	for _, r := range rs {
		fmt.Fprintf(w, "%s %s %v %v %q %q %q\n", r.System, r.Code, r.Score, r.Billable, r.Title, r.Matched, r.Source)
		for _, e := range r.Explain {
			fmt.Fprintf(w, "    %s\n", e)
		}
	}
}

var (
	cacOnce sync.Once
	cacSet  *Set
	cacErr  error
)

// TestSearchGolden writes the searcher's answers for a broad query list to
// the file named by CODESET_GOLDEN, to be compared before and after a
// change (diff the two files).
func TestSearchGolden(t *testing.T) {
	out := os.Getenv("CODESET_GOLDEN")
	if out == "" {
		t.Skip("set CODESET_GOLDEN to a file to record search results for comparison")
	}
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	w := bufio.NewWriter(f)
	defer w.Flush()
	x := loadFull(t).Searcher()
	qs := goldenQueries(t)
	t.Logf("%d queries", len(qs))
	for i, q := range qs {
		writeResults(w, "full date "+q, x.Search(q, SearchOptions{Date: evalDate, Limit: 10}))
		writeResults(w, "full cm "+q, x.Search(q, SearchOptions{Systems: []System{ICD10CM}, Date: evalDate, Limit: 5}))
		writeResults(w, "full pcs "+q, x.Search(q, SearchOptions{Systems: []System{ICD10PCS}, Date: evalDate, Limit: 5}))
		writeResults(w, "full phrase "+q, x.Search(q, SearchOptions{Systems: []System{ICD10CM}, Date: evalDate, Limit: 8, Phrase: 2}))
		if i%5 == 0 {
			writeResults(w, "full latest explain "+q, x.Search(q, SearchOptions{Limit: 20, Explain: true}))
			writeResults(w, "full 2017 "+q, x.Search(q, SearchOptions{Date: NewDate(2017, 3, 1), Limit: 10}))
		}
	}
	// the queries the cac tests ask, over the set they load
	cq := os.Getenv("CODESET_GOLDEN_CAC")
	if cq == "" {
		return
	}
	d := needData(t)
	cacOnce.Do(func() {
		cacSet, cacErr = Import(context.Background(), []string{
			filepath.Join(d, "icd10cm/2026/2026-code-descriptions-tabular-order.zip"),
			filepath.Join(d, "icd10cm/2017/ICD10CM_FY2017_Full_XML.zip"),
		}, ImportOptions{})
	})
	if cacErr != nil {
		t.Fatal(cacErr)
	}
	cx := cacSet.Searcher()
	b, err := os.ReadFile(cq)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range strings.Split(string(b), "\n") {
		p := strings.Split(l, "\t")
		if len(p) != 5 {
			continue
		}
		date, _ := strconv.Atoi(p[2])
		limit, _ := strconv.Atoi(p[3])
		writeResults(w, "cac "+l, cx.Search(p[0], SearchOptions{Systems: []System{ICD10CM}, Date: Date(date), Limit: limit}))
		writeResults(w, "cac explain "+l, cx.Search(p[0], SearchOptions{Systems: []System{ICD10CM}, Date: Date(date), Limit: 10, Explain: true}))
	}
}
