package cac_test

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/chartroom/chartroom/codeset"
)

// evalNote is one note of the coding evaluation set in testdata/eval (for
// tuning) or testdata/heldout (for judging): a fictitious clinical note,
// the encounter it belongs to, the codes a competent coder would assign
// from it (Expect, principal or first-listed first) and the codes it
// mentions only as negated, ruled out, historical, in someone else or —
// for outpatients — uncertain, which must not be assigned (MustNot).
//
// Codes that coders assign by local policy rather than from the note are
// in neither list, so a scorer may want to set them aside: external
// causes (V00–Y99), Z79.- for a drug first started during the stay,
// Z79.4 with type 1 diabetes, Z79.899, and counselling codes (Z71.-)
// where the note does not name the counselling as a plan item.
type evalNote struct {
	Name    string // file name, "07-copd-exacerbation.txt"
	Setting string // "inpatient" or "outpatient"
	Kind    string // "discharge summary", "ED note", …
	Text    string // the note after the "---" line
	Age     int
	Sex     byte // 'F' or 'M'
	Expect  []string
	MustNot []string
}

// Inpatient reports whether the uncertain-diagnosis rule for inpatients
// applies to the note.
func (n evalNote) Inpatient() bool { return n.Setting == "inpatient" }

// evalKinds are the kinds of note the set holds.
var evalKinds = []string{"discharge summary", "ED note", "op note", "clinic visit", "consult", "progress note", "H&P"}

var (
	// evalFileName is NN-short-slug.txt.
	evalFileName = regexp.MustCompile(`^[0-9]{2,3}-[a-z0-9]+(-[a-z0-9]+)*\.txt$`)
	// evalCode is an ICD-10-CM code written as published: a dot after the
	// third character whenever there are more than three.
	evalCode = regexp.MustCompile(`^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$`)
)

// evalHeaderKeys are the header lines of a note, in the order they appear.
var evalHeaderKeys = []string{"setting", "age", "sex", "kind", "expect", "mustnot"}

// loadEvalSet reads every note in dir, in file-name order. A file that
// breaks the format fails the test with its name and line.
func loadEvalSet(t testing.TB, dir string) []evalNote {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatalf("eval set: %v", err)
	}
	var notes []evalNote
	for _, e := range ents {
		if e.IsDir() || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		path := filepath.Join(dir, e.Name())
		if !evalFileName.MatchString(e.Name()) {
			t.Fatalf("%s: file name does not match NN-short-slug.txt", path)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("eval set: %v", err)
		}
		n, err := parseEvalNote(e.Name(), string(b))
		if err != nil {
			t.Fatalf("%s:%v", path, err)
		}
		notes = append(notes, n)
	}
	return notes
}

// evalLineError is a format error on one line of a note file.
type evalLineError struct {
	Line int
	Msg  string
}

func (e *evalLineError) Error() string { return fmt.Sprintf("%d: %s", e.Line, e.Msg) }

// parseEvalNote parses one note file: the header lines of evalHeaderKeys,
// each once and in order, a line "---", then the note text.
func parseEvalNote(name, src string) (evalNote, error) {
	n := evalNote{Name: name}
	bad := func(line int, format string, args ...any) (evalNote, error) {
		return evalNote{}, &evalLineError{Line: line, Msg: fmt.Sprintf(format, args...)}
	}
	sc := bufio.NewScanner(strings.NewReader(src))
	line, key := 0, 0
	for sc.Scan() {
		line++
		l := strings.TrimRight(sc.Text(), " \t\r")
		if key == len(evalHeaderKeys) {
			if l != "---" {
				return bad(line, "want the line \"---\" after the header, got %q", l)
			}
			break
		}
		want := evalHeaderKeys[key]
		k, v, ok := strings.Cut(l, ":")
		if !ok || k != want {
			return bad(line, "want header %q, got %q", want+": …", l)
		}
		v = strings.TrimSpace(v)
		switch k {
		case "setting":
			if v != "inpatient" && v != "outpatient" {
				return bad(line, "setting %q: want inpatient or outpatient", v)
			}
			n.Setting = v
		case "age":
			a, err := strconv.Atoi(v)
			if err != nil || a < 0 || a > 120 {
				return bad(line, "age %q: want whole years, 0 to 120", v)
			}
			n.Age = a
		case "sex":
			if v != "F" && v != "M" {
				return bad(line, "sex %q: want F or M", v)
			}
			n.Sex = v[0]
		case "kind":
			if !slices.Contains(evalKinds, v) {
				return bad(line, "kind %q: want one of %s", v, strings.Join(evalKinds, ", "))
			}
			n.Kind = v
		case "expect", "mustnot":
			codes := strings.Fields(v)
			seen := map[string]bool{}
			for _, c := range codes {
				if !evalCode.MatchString(c) {
					return bad(line, "%s: %q is not an ICD-10-CM code written with its dot (I50.23)", k, c)
				}
				if seen[c] {
					return bad(line, "%s: %s listed twice", k, c)
				}
				seen[c] = true
			}
			if k == "expect" {
				if len(codes) == 0 {
					return bad(line, "expect: no codes")
				}
				n.Expect = codes
			} else {
				n.MustNot = codes
			}
		}
		key++
	}
	if err := sc.Err(); err != nil {
		return evalNote{}, &evalLineError{Line: line, Msg: err.Error()}
	}
	if key < len(evalHeaderKeys) {
		return bad(line, "file ends before header %q", evalHeaderKeys[key])
	}
	// The text is everything after the "---" line.
	rest := src
	for range line {
		_, rest, _ = strings.Cut(rest, "\n")
	}
	n.Text = strings.TrimSpace(rest)
	if n.Text == "" {
		return bad(line, "no note text after \"---\"")
	}
	return n, nil
}

func TestParseEvalNote(t *testing.T) {
	good := "setting: outpatient\nage: 4\nsex: F\nkind: clinic visit\nexpect: H66.91\nmustnot: \n---\nHPI: Right ear pain.\n"
	n, err := parseEvalNote("01-otitis.txt", good)
	if err != nil {
		t.Fatal(err)
	}
	if n.Setting != "outpatient" || n.Age != 4 || n.Sex != 'F' || n.Kind != "clinic visit" ||
		!slices.Equal(n.Expect, []string{"H66.91"}) || len(n.MustNot) != 0 || n.Text != "HPI: Right ear pain." {
		t.Errorf("parsed %+v", n)
	}
	for _, tc := range []struct {
		name, src string
		line      int
	}{
		{"bad setting", strings.Replace(good, "outpatient", "clinic", 1), 1},
		{"bad age", strings.Replace(good, "age: 4", "age: four", 1), 2},
		{"bad sex", strings.Replace(good, "sex: F", "sex: female", 1), 3},
		{"bad kind", strings.Replace(good, "clinic visit", "letter", 1), 4},
		{"code without dot", strings.Replace(good, "H66.91", "H6691", 1), 5},
		{"no expected codes", strings.Replace(good, "expect: H66.91", "expect:", 1), 5},
		{"missing header", strings.Replace(good, "sex: F\n", "", 1), 3},
		{"headers out of order", "age: 4\nsetting: outpatient\n", 1},
		{"no separator", strings.Replace(good, "---", "HPI:", 1), 7},
		{"no text", strings.SplitAfter(good, "---\n")[0], 7},
		{"truncated", "setting: inpatient\nage: 50\n", 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := parseEvalNote("x.txt", tc.src)
			le, ok := err.(*evalLineError)
			if !ok {
				t.Fatalf("got %v, want a line error", err)
			}
			if le.Line != tc.line {
				t.Errorf("error on line %d, want %d: %v", le.Line, tc.line, le)
			}
		})
	}
}

var (
	fy2026Once sync.Once
	fy2026Set  *codeset.Set
	fy2026Err  error
)

// fy2026 loads the FY2026 ICD-10-CM order file alone, or skips the test
// when the shared data is not beside the repository.
func fy2026(t testing.TB) *codeset.Set {
	t.Helper()
	zip := filepath.Join(dataDir, "icd10cm/2026/2026-code-descriptions-tabular-order.zip")
	if _, err := os.Stat(zip); err != nil {
		t.Skipf("FY2026 ICD-10-CM order file not found at %s (the repo's parent holds shared/data): %v", zip, err)
	}
	fy2026Once.Do(func() {
		fy2026Set, fy2026Err = codeset.Import(context.Background(), []string{zip}, codeset.ImportOptions{})
	})
	if fy2026Err != nil {
		t.Fatal(fy2026Err)
	}
	return fy2026Set
}

// TestEvalSetCodes checks the evaluation sets themselves: enough notes, and
// every code in them billable in FY2026, never both expected and forbidden,
// and pregnancy codes expected only for women.
func TestEvalSetCodes(t *testing.T) {
	set := fy2026(t)
	if set.ReleaseFor(codeset.ICD10CM, 2026) == nil {
		t.Fatal("the FY2026 order file loaded no FY2026 ICD-10-CM release")
	}
	day := codeset.FiscalYearStart(2026)
	for _, tc := range []struct {
		dir string
		min int
	}{
		{"testdata/eval", 40},
		{"testdata/heldout", 16},
		{"testdata/heldout5", 20},
		{"testdata/train4", 20},
		{"testdata/train5", 20},
		{"testdata/heldout6", 20},
		{"testdata/train6", 25},
		{"testdata/heldout7", 20},
		{"testdata/train7", 25},
		{"testdata/train8", 25},
		{"testdata/train9", 25},
		{"testdata/heldout8", 20},
		{"testdata/heldout19", 24},
		{"testdata/heldout20", 24},
		{"testdata/heldout21", 24},
		{"testdata/heldout22", 24},
		{"testdata/heldout23", 24},
		{"testdata/heldout24", 24},
		{"testdata/heldout25", 24},
		{"testdata/heldout26", 24},
		{"testdata/heldout27", 24},
		{"testdata/heldout28", 24},
		{"testdata/heldout29", 24},
		{"testdata/heldout30", 24},
		{"testdata/train40", 24},
		{"testdata/train41", 24},
		{"testdata/train42", 24},
		{"testdata/train43", 24},
		{"testdata/train44", 24},
		{"testdata/train45", 24},
		{"testdata/train46", 24},
		{"testdata/train47", 24},
		{"testdata/train48", 24},
		{"testdata/train49", 24},
		{"testdata/train50", 24},
		{"testdata/train51", 24},
		{"testdata/train52", 24},
		{"testdata/train53", 24},
		{"testdata/train54", 24},
		{"testdata/train55", 24},
		{"testdata/train56", 24},
		{"testdata/train57", 24},
		{"testdata/train58", 24},
		{"testdata/train59", 24},
		{"testdata/train60", 24},
		{"testdata/train61", 24},
		{"testdata/train62", 24},
		{"testdata/train63", 24},
		{"testdata/train64", 24},
		{"testdata/train65", 24},
		{"testdata/train66", 24},
		{"testdata/train67", 24},
		{"testdata/train68", 24},
		{"testdata/train69", 24},
		{"testdata/train70", 24},
		{"testdata/train71", 24},
		{"testdata/train72", 24},
		{"testdata/train73", 24},
		{"testdata/train74", 24},
		{"testdata/train75", 24},
		{"testdata/train76", 24},
		{"testdata/train77", 24},
		{"testdata/train78", 24},
		{"testdata/train79", 24},
		{"testdata/train80", 24},
		{"testdata/train81", 24},
		{"testdata/train82", 24},
		{"testdata/train83", 24},
		{"testdata/train84", 24},
		{"testdata/train85", 24},
		{"testdata/train86", 24},
		{"testdata/train87", 24},
		{"testdata/train88", 24},
		{"testdata/train89", 24},
		{"testdata/train90", 24},
		{"testdata/train91", 24},
		{"testdata/train92", 24},
	} {
		t.Run(filepath.Base(tc.dir), func(t *testing.T) {
			notes := loadEvalSet(t, tc.dir)
			if len(notes) < tc.min {
				t.Errorf("%s holds %d notes, want at least %d", tc.dir, len(notes), tc.min)
			}
			settings, kinds := map[string]int{}, map[string]int{}
			var nExpect, nMustNot int
			for _, n := range notes {
				settings[n.Setting]++
				kinds[n.Kind]++
				nExpect += len(n.Expect)
				nMustNot += len(n.MustNot)
				if w := len(strings.Fields(n.Text)); w < 150 || w > 900 {
					t.Errorf("%s: %d words of text, want 150 to 900", n.Name, w)
				}
				for _, list := range [][]string{n.Expect, n.MustNot} {
					for _, c := range list {
						e := set.Lookup(codeset.ICD10CM, c, day)
						switch {
						case e == nil:
							t.Errorf("%s: %s is not an FY2026 ICD-10-CM code", n.Name, c)
						case !e.Billable:
							t.Errorf("%s: %s (%s) is a header, not billable in FY2026", n.Name, c, e.Title())
						}
						// (a must-not may be the mother's: a newborn's
						// chart must not carry her pregnancy's codes)
						if strings.HasPrefix(c, "O") && n.Sex != 'F' && slices.Contains(n.Expect, c) {
							t.Errorf("%s: pregnancy code %s expected for sex %c", n.Name, c, n.Sex)
						}
					}
				}
				for _, c := range n.Expect {
					if slices.Contains(n.MustNot, c) {
						t.Errorf("%s: %s is both expected and must-not", n.Name, c)
					}
				}
			}
			t.Logf("%d notes, %d expected and %d must-not codes; settings %v; kinds %v",
				len(notes), nExpect, nMustNot, settings, kinds)
		})
	}
}
