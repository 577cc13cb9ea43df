package cac

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"testing"
)

// itemBreakRe is what itemBreaks must find, leftmost first.
var itemBreakRe = regexp.MustCompile(`(?m)(^\s*\d+[.)]\s*|^\s*#\d*[.)]?\s*| \(\d\)\s*|[.;]\s+|\n)`)

func checkItemBreaks(t *testing.T, body string) {
	t.Helper()
	var want [][2]int
	for _, m := range itemBreakRe.FindAllStringIndex(body, -1) {
		if body[m[0]] == '.' && abbreviationAt(body, m[0]) {
			continue // (an abbreviation's period, which the expression cannot tell)
		}
		want = append(want, [2]int{m[0], m[1]})
	}
	if got := itemBreaks(body); !slices.Equal(got, want) {
		t.Errorf("itemBreaks(%q) = %v, the expression finds %v", body, got, want)
	}
}

// TestItemBreaks compares itemBreaks with the expression over the
// evaluation notes and texts written for the edges.
func TestItemBreaks(t *testing.T) {
	for _, s := range []string{
		"", "\n", "\n\n", "1.", "1. ", "12) Foo\n13) Bar", "#", "#3", "# 3. x", "#.\n", "  \n  2. a; b. c.d",
		"a.\n\n3. b", "x: (1) a, (2) b. (3) c", " (1)", "a (12) b", "E. coli; UTI.", "Vaginitis (incl. candida) unlikely. Next.", "A. Plan", "x;\ty", "\f1.\f", "1x. no", "2.\r\n3.", "text\n  #12) item\n", ". ;", "1.2 mg",
	} {
		checkItemBreaks(t, s)
	}
	for _, note := range noteTexts(t, "testdata/*/*.txt") {
		checkItemBreaks(t, note)
	}
}

// noteTexts returns the text of every file the patterns match; a pattern
// that matches none fails the test.
func noteTexts(t *testing.T, patterns ...string) []string {
	t.Helper()
	var out []string
	for _, p := range patterns {
		files, _ := filepath.Glob(p)
		if len(files) == 0 {
			t.Fatalf("no evaluation notes match %s", p)
		}
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, string(b))
		}
	}
	return out
}

func FuzzItemBreaks(f *testing.F) {
	for _, s := range []string{"1. a\n2) b; c. d", "#4 x\n\n #.y", " \t\n12.\f"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkItemBreaks(t, s) })
}

// TestMemberLead checks the lead trim takes off a part: a list's "and",
// a cause's connector, an article after them, across line breaks.
func TestMemberLead(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want string
	}{
		{"and hypertension", "hypertension"},
		{" and\n  hypokalemia", "hypokalemia"},
		{"caused by an acute exacerbation of COPD", "acute exacerbation of COPD"},
		{"Due to the sepsis", "sepsis"},
		{"& CKD", "CKD"},
		{"andrew", "andrew"},
		{"hypertension and diabetes", "hypertension and diabetes"},
		{"and", "and"},
	} {
		if got := tc.in[memberLead(tc.in):]; got != tc.want {
			t.Errorf("memberLead(%q) leaves %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestNamesPart: a later code of the category that names the part an
// earlier one left unspecified replaces it, all else alike.
func TestNamesPart(t *testing.T) {
	old := Suggestion{Code: "K57.90", Title: "Diverticulosis of intestine, part unspecified, without perforation or abscess without bleeding"}
	for _, tc := range []struct {
		code, title string
		want        bool
	}{
		{"K57.30", "Diverticulosis of large intestine without perforation or abscess without bleeding", true},
		{"K57.31", "Diverticulosis of large intestine without perforation or abscess with bleeding", false}, // two characters differ
		{"K57.92", "Diverticulitis of intestine, part unspecified, without perforation or abscess without bleeding", false},
	} {
		if got := namesPart(old, Suggestion{Code: tc.code, Title: tc.title}); got != tc.want {
			t.Errorf("namesPart(K57.90, %s) = %v, want %v", tc.code, got, tc.want)
		}
	}
}
