package codeset

import (
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	_ "modernc.org/sqlite"
)

// benchQueries is a realistic query list: every evaluation query, and each
// one cut short as it is while being typed.
func benchQueries(t testing.TB) []string {
	var qs []string
	for _, f := range []string{"testdata/eval_queries.tsv", "testdata/eval_heldout.tsv"} {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range strings.Split(string(b), "\n") {
			if l == "" || strings.HasPrefix(l, "#") {
				continue
			}
			q := strings.Split(l, "\t")[0]
			qs = append(qs, q)
			if len(q) > 6 {
				qs = append(qs, q[:len(q)*3/5])
			}
		}
	}
	return qs
}

// ftsPeer loads the same texts the search index holds (titles, inclusion
// terms, index paths) into an SQLite FTS5 table.
func ftsPeer(t testing.TB, x *Searcher) *sql.DB {
	db, err := sql.Open("sqlite", filepath.Join(t.TempDir(), "fts.db"))
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	if _, err := db.Exec(`CREATE VIRTUAL TABLE t USING fts5(code UNINDEXED, title, tokenize='porter')`); err != nil {
		t.Fatal(err)
	}
	tx, _ := db.Begin()
	st, _ := tx.Prepare(`INSERT INTO t(code, title) VALUES (?, ?)`)
	for i, text := range x.texts {
		g := x.codes[x.targets[x.detail[i].tgtS].code]
		if _, err := st.Exec(g.code, text); err != nil {
			t.Fatal(err)
		}
	}
	st.Close()
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	return db
}

// ftsQuery turns a query into an FTS5 expression: every word required, the
// last one as a prefix (as typed).
func ftsQuery(q string) string {
	var parts []string
	for _, w := range strings.Fields(strings.ToLower(q)) {
		w = strings.Map(func(r rune) rune {
			if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
				return r
			}
			return -1
		}, w)
		if w != "" {
			parts = append(parts, `"`+w+`"`)
		}
	}
	if len(parts) == 0 {
		return `""`
	}
	parts[len(parts)-1] += "*"
	return strings.Join(parts, " ")
}

func ftsSearch(db *sql.DB, q string) (int, error) {
	rows, err := db.Query(`SELECT code, title FROM t WHERE t MATCH ? ORDER BY rank LIMIT 10`, ftsQuery(q))
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		n++
	}
	return n, rows.Err()
}

func BenchmarkSearch(b *testing.B) {
	s := loadFull(b)
	x := s.Searcher()
	qs := benchQueries(b)
	opt := SearchOptions{Date: evalDate, Limit: 10}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		x.Search(qs[i%len(qs)], opt)
	}
}

func BenchmarkFTS5(b *testing.B) {
	s := loadFull(b)
	db := ftsPeer(b, s.Searcher())
	defer db.Close()
	qs := benchQueries(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := ftsSearch(db, qs[i%len(qs)]); err != nil {
			b.Fatal(err)
		}
	}
}

func percentile(d []time.Duration, p float64) time.Duration {
	sort.Slice(d, func(i, j int) bool { return d[i] < d[j] })
	return d[min(len(d)-1, int(float64(len(d))*p))]
}

// TestLatencyReport measures each query of the realistic list against the
// in-memory index and against SQLite FTS5 over the same texts, in the same
// run, and prints median and p99 of each (5 rounds). Set CODESET_BENCH=1.
func TestLatencyReport(t *testing.T) {
	if os.Getenv("CODESET_BENCH") == "" {
		t.Skip("set CODESET_BENCH=1 to measure search latency against SQLite FTS5")
	}
	s := loadFull(t)
	x := s.Searcher()
	db := ftsPeer(t, x)
	defer db.Close()
	qs := benchQueries(t)
	opt := SearchOptions{Date: evalDate, Limit: 10}
	for _, q := range qs { // warm both
		x.Search(q, opt)
		ftsSearch(db, q)
	}
	var ours, peer []time.Duration
	slow := map[string]time.Duration{}
	for round := 0; round < 5; round++ {
		for _, q := range qs {
			t0 := time.Now()
			x.Search(q, opt)
			el := time.Since(t0)
			ours = append(ours, el)
			if el > slow[q] {
				slow[q] = el
			}
			t0 = time.Now()
			if _, err := ftsSearch(db, q); err != nil {
				t.Fatalf("%q: %v", q, err)
			}
			peer = append(peer, time.Since(t0))
		}
	}
	if testing.Verbose() {
		type qd struct {
			q string
			d time.Duration
		}
		var all []qd
		for q, d := range slow {
			all = append(all, qd{q, d})
		}
		sort.Slice(all, func(i, j int) bool { return all[i].d > all[j].d })
		for _, e := range all[:min(8, len(all))] {
			t.Logf("slowest: %v %q", e.d, e.q)
		}
	}
	o50, o99 := percentile(ours, 0.5), percentile(ours, 0.99)
	p50, p99 := percentile(peer, 0.5), percentile(peer, 0.99)
	t.Logf("%d queries × 5 rounds over %d texts", len(qs), len(x.texts))
	t.Logf("interleaved (each query right after the other engine's):")
	t.Logf("chartroom: median %v p99 %v max %v", o50, o99, percentile(ours, 1))
	t.Logf("FTS5:      median %v p99 %v", p50, p99)
	t.Logf("speed-up:  median %.1f×, p99 %.1f×", float64(p50)/float64(o50), float64(p99)/float64(o99))

	// The same queries with each engine running the whole list in its own
	// loop, as two Go benchmarks would: each engine's data stays warm.
	ours, peer = ours[:0], peer[:0]
	for round := 0; round < 5; round++ {
		for _, q := range qs {
			t0 := time.Now()
			x.Search(q, opt)
			ours = append(ours, time.Since(t0))
		}
		for _, q := range qs {
			t0 := time.Now()
			if _, err := ftsSearch(db, q); err != nil {
				t.Fatalf("%q: %v", q, err)
			}
			peer = append(peer, time.Since(t0))
		}
	}
	o50, o99 = percentile(ours, 0.5), percentile(ours, 0.99)
	p50, p99 = percentile(peer, 0.5), percentile(peer, 0.99)
	t.Logf("each engine in its own loop:")
	t.Logf("chartroom: median %v p99 %v", o50, o99)
	t.Logf("FTS5:      median %v p99 %v", p50, p99)
	t.Logf("speed-up:  median %.1f×, p99 %.1f×", float64(p50)/float64(o50), float64(p99)/float64(o99))
	fmt.Fprintln(os.Stderr)
}
