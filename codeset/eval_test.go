package codeset

import (
	"bufio"
	"fmt"
	"os"
	"strings"
	"testing"
)

type evalQuery struct {
	line   int
	query  string
	system System
	accept []string
}

func readEval(t *testing.T, path string) []evalQuery {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []evalQuery
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		l := sc.Text()
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		p := strings.Split(l, "\t")
		if len(p) != 3 {
			t.Fatalf("%s:%d: want query, system and codes separated by tabs", path, n)
		}
		sys, err := ParseSystem(p[1])
		if err != nil {
			t.Fatalf("%s:%d: %v", path, n, err)
		}
		out = append(out, evalQuery{n, p[0], sys, strings.Fields(p[2])})
	}
	return out
}

// evalDate is the date of service the evaluation runs at.
var evalDate = NewDate(2026, 1, 15)

// runEval reports top-1 and top-5 hit rates of the queries in path, and
// fails when an accepted code is not a valid billable code on evalDate (a
// mistake in the evaluation file) or when top-5 falls under bar. For a
// held-out file it logs only the totals, so that running the tests does
// not show anyone its queries' misses; CODESET_EVAL_SHOW=1 shows them.
func runEval(t *testing.T, path string, bar float64, heldOut bool) {
	show := !heldOut || os.Getenv("CODESET_EVAL_SHOW") != ""
	s := loadFull(t)
	qs := readEval(t, path)
	top1, top5 := 0, 0
	var sysN, sysTop5 [CPT + 1]int // per system, for the totals line
	for _, q := range qs {
		for _, c := range q.accept {
			e := s.Lookup(q.system, c, evalDate)
			if e == nil || !e.Billable {
				t.Errorf("%s:%d: accepted code %s is not a billable %s code on %s", path, q.line, c, q.system, evalDate)
			}
		}
		res := s.Searcher().Search(q.query, SearchOptions{Systems: []System{q.system}, Date: evalDate, Limit: 5})
		hit := -1
		for i, r := range res {
			for _, c := range q.accept {
				if NormalizeCode(r.Code) == NormalizeCode(c) {
					hit = i
					break
				}
			}
			if hit >= 0 {
				break
			}
		}
		sysN[q.system]++
		if hit >= 0 {
			sysTop5[q.system]++
		}
		switch {
		case hit == 0:
			top1++
			top5++
		case hit > 0:
			top5++
			if show && testing.Verbose() {
				t.Logf("top-5 only: %q → %s at %d (first %s %s)", q.query, res[hit].Code, hit+1, res[0].Code, res[0].Title)
			}
		case show:
			got := make([]string, len(res))
			for i, r := range res {
				got[i] = r.Code + " " + r.Title
			}
			t.Logf("MISS: %q want %v got %v", q.query, q.accept, got)
		}
	}
	n := float64(len(qs))
	t.Logf("%s: %d queries, top-1 %.1f%%, top-5 %.1f%%", path, len(qs), 100*float64(top1)/n, 100*float64(top5)/n)
	var by []string
	for _, sys := range Systems {
		if sysN[sys] > 0 {
			by = append(by, fmt.Sprintf("%s %d/%d", sys, sysTop5[sys], sysN[sys]))
		}
	}
	t.Logf("%s: top-5 by system: %s", path, strings.Join(by, ", "))
	if float64(top5)/n < bar {
		t.Errorf("top-5 hit rate %.1f%% is under the bar of %.0f%%", 100*float64(top5)/n, 100*bar)
	}
}

func TestEvalQueries(t *testing.T) { runEval(t, "testdata/eval_queries.tsv", 0.90, false) }

// TestEvalTrain2 runs a second training file, written before it was first
// run, whose misses were fixed only by general means (synonyms of common
// clinical words, ranking rules); its bar is modest.
func TestEvalTrain2(t *testing.T) { runEval(t, "testdata/eval_train2.tsv", 0.90, false) }

// TestEvalTrain3 runs a third training file, written before it was first
// run and weighted to the classes the held-out files show weak (PCS
// procedures named without their approach or device, fractures by bone
// part, history and status codes, HCPCS items with near-equal titles).
// Untouched it scored top-1 49.8%, top-5 67.7%; its misses were fixed
// only by general means (PCS approach defaults, laterality, synonyms of
// anatomy and procedure names, HCPCS descriptions read as name and
// modifiers).
func TestEvalTrain3(t *testing.T) { runEval(t, "testdata/eval_train3.tsv", 0.90, false) }

// TestEvalTrain4 runs a fourth training file, written before it was first
// run and weighted to ICD-10-CM diagnoses as coders and clinicians type
// them (shorthand such as "afib rvr" and "aki on ckd 3b", lay terms,
// misspellings, eponyms, history, status and allergy codes), with PCS
// procedures and HCPCS items the earlier sets lack. Untouched it scored
// top-1 79.1%, top-5 88.8%; its misses were fixed only by general means
// (abbreviations and clinical words, synonym expansions that reached no
// text, coding defaults).
func TestEvalTrain4(t *testing.T) { runEval(t, "testdata/eval_train4.tsv", 0.90, false) }

// TestEvalHeldOut runs the first held-out file. It was held out until its
// misses were studied for their general causes (joined words such as "ear
// ache", missing abbreviations); it is now seen, and guards the issue's
// bar of 95% top-5. docs/bench-codeset.md records both its first and its
// present rate.
func TestEvalHeldOut(t *testing.T) { runEval(t, "testdata/eval_heldout.tsv", 0.95, false) }

// TestEvalHeldOut2 runs a second held-out file of every kind of query the
// issue lists (lay terms, abbreviations, misspellings, eponyms, injuries
// with their encounter, Z codes, PCS procedures), written before the
// ranking changes it is meant to judge and never used to choose one.
func TestEvalHeldOut2(t *testing.T) { runEval(t, "testdata/eval_heldout2.tsv", 0.90, true) }

// TestEvalHeldOut3 runs a third held-out file: 170 queries written in
// session 14 by someone who had read neither the search nor the other
// files, and added to the repository only after it was first measured:
// top-1 62.4%, top-5 76.5% untouched (commit a84a844), 78.8% / 88.8% after
// that session's general fixes, made on eval_train2 (see
// docs/bench-codeset.md). Only its totals are logged.
func TestEvalHeldOut3(t *testing.T) { runEval(t, "testdata/eval_heldout3.tsv", 0.90, true) }

// TestEvalTrain5 runs a fifth training file, written before it was first
// run and weighted to classes the earlier files leave weak: diagnostic
// endoscopies, osteoporotic and pathological fractures, postoperative
// complications, a bare disease name's unspecified code, family history
// by organ, HCPCS items and lay terms. Untouched it scored top-1 73.3%,
// top-5 82.9%; its misses were fixed only by general means (a header's
// unspecified code, index main terms kept from correction, fracture and
// side defaults, BMI ranges, pregnancy codes only for a pregnancy,
// synonyms of scopes, organ systems and history); its bar is modest.
func TestEvalTrain5(t *testing.T) { runEval(t, "testdata/eval_train5.tsv", 0.90, false) }

// TestBMIRanges checks that a body mass index typed as a number finds the
// Z68 code whose range holds it.
func TestBMIRanges(t *testing.T) {
	s := loadFull(t)
	for _, tc := range []struct{ q, want string }{
		{"bmi 42 adult", "Z68.41"},
		{"bmi 35", "Z68.35"},
		{"bmi 18", "Z68.1"},
		{"bmi 72", "Z68.45"},
		{"morbid obesity bmi 40.5", "Z68.41"},
	} {
		t.Run(tc.q, func(t *testing.T) {
			res := s.Searcher().Search(tc.q, SearchOptions{Systems: []System{ICD10CM}, Date: evalDate, Limit: 5})
			for _, r := range res {
				if r.Code == tc.want {
					return
				}
			}
			t.Errorf("%q: %s not in the first five", tc.q, tc.want)
		})
	}
}

// TestNewerThanTheIndex checks that a code added after the loaded index's
// release, whose title the query names exactly, ranks first over the older
// index entry's code for the same words: the shared FY2017 index sends
// "Encephalopathy, hepatic" to K72.90 and "Depression" to F32.9, while
// FY2023 added K76.82 "Hepatic encephalopathy" and FY2022 F32.A
// "Depression, unspecified". Catch-alls ("other specified") and
// manifestation codes ("… in diseases classified elsewhere") stay the
// index's to give.
func TestNewerThanTheIndex(t *testing.T) {
	s := loadFull(t)
	for _, tc := range []struct{ q, want string }{
		{"hepatic encephalopathy", "K76.82"},
		{"depression", "F32.A"},
		{"primary osteoarthritis", "M19.91"},
		{"pneumonia", "J18.9"},
	} {
		res := s.Searcher().Search(tc.q, SearchOptions{Systems: []System{ICD10CM}, Date: evalDate, Limit: 5})
		if len(res) == 0 || res[0].Code != tc.want {
			got := ""
			if len(res) > 0 {
				got = res[0].Code
			}
			t.Errorf("%q: first %s, want %s", tc.q, got, tc.want)
		}
	}
}

// TestEvalHeldOut4 runs a fourth held-out file: 170 queries (95 CM, 50
// PCS, 25 HCPCS) written in session 18 by someone who had read neither
// the search nor the other files, added to the repository when it was
// first measured (see docs/bench-codeset.md). Only its totals are logged.
func TestEvalHeldOut4(t *testing.T) { runEval(t, "testdata/eval_heldout4.tsv", 0.80, true) }

// TestEvalTrain6 runs a sixth training file: 200 queries (160 PCS, 40
// HCPCS) written in session 18 by someone who had read neither the search
// nor the other files, weighted to procedures as op notes and schedules
// name them (eponyms, root operations, approaches) and to HCPCS items.
// Untouched it scored as docs/bench-codeset.md records; its misses are
// fixed only by general means.
func TestEvalTrain6(t *testing.T) { runEval(t, "testdata/eval_train6.tsv", 0.85, false) }

// TestEvalTrain7 runs a seventh training file: 150 PCS queries written in
// session 18 by someone who had read neither the search nor the other
// files, weighted to the procedures coders find hard to build (CABG,
// PCI, caths, devices, scopes, fixation, fusion, debridement, lines).
// Untouched it scored as docs/bench-codeset.md records.
func TestEvalTrain7(t *testing.T) { runEval(t, "testdata/eval_train7.tsv", 0.85, false) }

// TestEvalTrain8 runs an eighth training file: 220 queries (130 CM, 60
// PCS, 30 HCPCS) written in session 19 by someone who had read neither
// the search nor the other files, in the words coders, CDI specialists
// and clinicians type (lay terms, abbreviations, misspellings, eponyms,
// shuffled word order). Untouched it scored as docs/bench-codeset.md
// records; its misses are fixed only by general means.
func TestEvalTrain8(t *testing.T) { runEval(t, "testdata/eval_train8.tsv", 0.85, false) }

// TestEvalTrain9 runs a ninth training file: 200 queries (110 CM, 65
// PCS, 25 HCPCS) written in session 19 by someone who had read neither
// the search nor the other files. Untouched it scored as
// docs/bench-codeset.md records; its misses are fixed only by general
// means.
func TestEvalTrain9(t *testing.T) { runEval(t, "testdata/eval_train9.tsv", 0.85, false) }

// TestEvalHeldOut5 runs a fifth held-out file: 170 queries (100 CM, 50
// PCS, 20 HCPCS) written in session 19 by someone who had read neither
// the search nor the other files, added when it was first measured (see
// docs/bench-codeset.md). Only its totals are logged.
func TestEvalHeldOut5(t *testing.T) { runEval(t, "testdata/eval_heldout5.tsv", 0.80, true) }

// TestEvalTrain10 runs a tenth training file: 220 queries (100 PCS, 100
// CM, 20 HCPCS), the harder half of what users type, written in session
// 19 by someone who had read neither the search nor the other files.
// Untouched it scored as docs/bench-codeset.md records.
func TestEvalTrain10(t *testing.T) { runEval(t, "testdata/eval_train10.tsv", 0.80, false) }

// TestEvalTrain11 runs an eleventh training file: 220 queries (110 PCS,
// 80 CM, 30 HCPCS) written in session 20 by someone who had read neither
// the search nor the other files, weighted to the procedures coders find
// hard (dialysis and central lines, CRPP and ORIF, generator changes,
// scopes, fusions, debridements). Untouched it scored as
// docs/bench-codeset.md records.
func TestEvalTrain11(t *testing.T) { runEval(t, "testdata/eval_train11.tsv", 0.80, false) }

// TestEvalHeldOut6 runs a sixth held-out file: 170 queries (100 CM, 50
// PCS, 20 HCPCS) written in session 20 by someone who had read neither
// the search nor the other files, added when it was first measured (see
// docs/bench-codeset.md). Only its totals are logged.
func TestEvalHeldOut6(t *testing.T) { runEval(t, "testdata/eval_heldout6.tsv", 0.80, true) }

// TestEvalTrain12 runs a twelfth training file: 200 queries (150 PCS, 30
// CM, 20 HCPCS) written in session 20 by someone who had read neither the
// search nor the other files, weighted to everyday inpatient procedures
// across body systems and root operations. Untouched it scored as
// docs/bench-codeset.md records.
func TestEvalTrain12(t *testing.T) { runEval(t, "testdata/eval_train12.tsv", 0.70, false) }

// TestEvalTrain13 runs a thirteenth training file: 200 queries (90 CM, 80
// PCS, 30 HCPCS) written in session 21 by someone who had read neither the
// search nor the other files, leaning to harder cases. Untouched it scored
// as docs/bench-codeset.md records.
func TestEvalTrain13(t *testing.T) { runEval(t, "testdata/eval_train13.tsv", 0.70, false) }

// TestEvalHeldOut7 runs a seventh held-out file: 170 queries (100 CM, 50
// PCS, 20 HCPCS) written in session 21 by someone who had read neither
// the search nor the other files, the everyday mix. Only its totals are
// logged (docs/bench-codeset.md).
func TestEvalHeldOut7(t *testing.T) { runEval(t, "testdata/eval_heldout7.tsv", 0.80, true) }

// TestEvalTrain14 runs a fourteenth training file: 200 queries (110 CM,
// 70 PCS, 20 HCPCS) written in session 21 by someone who had read neither
// the search nor the other files, the everyday mix. Untouched it scored as
// docs/bench-codeset.md records.
func TestEvalTrain14(t *testing.T) { runEval(t, "testdata/eval_train14.tsv", 0.70, false) }

// TestEvalTrain15 runs a fifteenth training file: 200 queries (90 CM, 80
// PCS, 30 HCPCS) weighted to procedures as coders type them, written in
// session 22 by someone who had read neither the search code nor the other
// files; first scored untouched (docs/bench-codeset.md).
func TestEvalTrain15(t *testing.T) { runEval(t, "testdata/eval_train15.tsv", 0.70, false) }

// TestEvalTrain16 runs a sixteenth training file: 200 queries (130 CM, 50
// PCS, 20 HCPCS) weighted to the diagnoses coders and clinicians type (lay
// terms, abbreviations, misspellings, eponyms, specificity), written in
// session 22 by someone who had read neither the search code nor the other
// files; first scored untouched (docs/bench-codeset.md).
func TestEvalTrain16(t *testing.T) { runEval(t, "testdata/eval_train16.tsv", 0.70, false) }

// TestEvalHeldOut8 runs an eighth held-out file: 170 queries (100 CM, 50
// PCS, 20 HCPCS) written in session 22 by someone who had read neither
// the search nor the other files, the everyday mix; first read at the end
// of that session. Only its totals are logged (docs/bench-codeset.md).
func TestEvalHeldOut8(t *testing.T) { runEval(t, "testdata/eval_heldout8.tsv", 0.80, true) }
