package cac

import (
	"slices"
	"strings"
	"testing"
)

// guardedPatterns are the patterns Suggest runs behind a word guard.
var guardedPatterns = map[string]*guarded{
	"negated": negatedRe, "uncertain": uncertainRe, "history": historyRe, "family": familyRe,
	"strip": stripRe, "leadIn": leadIn, "tailOut": tailOut, "clinicalWord": clinicalWord,
	"segmentSep": segmentSep, "planLabel": planLabelRe, "prophylaxisNotNeeded": prophylaxisNotNeededRe,
	"formerSmoker": formerSmokerRe, "cigarettes": cigarettesRe, "subsequent": subsequentRe,
	"measurement": measurement, "ifClause": ifClauseRe, "resolvedBeforeStay": resolvedBeforeStayRe,
	"ruledOutAfter": ruledOutAfter, "consideredBut": consideredButRe, "setAside": setAsideRe,
	"oldInfarct": oldInfarctRe, "explicitHistory": explicitHistory, "familyJoin": familyJoinRe,
	"drugStarted": drugStartedRe, "vaccineGiven": vaccineGivenRe, "notACondition": notAConditionRe, "pregnancyWords": pregnancyWords,
}

// linePatterns are the guarded patterns Suggest runs over a note line by
// line (FindLineIndex, FindAllLineIndex): no match of theirs crosses a line.
var linePatterns = map[string]*guarded{
	"formerSmoker": formerSmokerRe, "cigarettes": cigarettesRe, "subsequent": subsequentRe,
}

// checkLines fails when a line method of a pattern finds other matches in
// s than the pattern run over all of s.
func checkLines(t *testing.T, s string) {
	t.Helper()
	for name, g := range linePatterns {
		if got, want := g.FindLineIndex(s), g.re.FindStringIndex(s); !slices.Equal(got, want) {
			t.Errorf("%s: FindLineIndex(%q) = %v, want %v", name, s, got, want)
		}
		got, want := g.FindAllLineIndex(s), g.re.FindAllStringIndex(s, -1)
		if !slices.EqualFunc(got, want, slices.Equal) {
			t.Errorf("%s: FindAllLineIndex(%q) = %v, want %v", name, s, got, want)
		}
	}
}

// TestLinesFindEveryMatch runs the line patterns over the training notes,
// whole, and over texts whose matches stand at the edges of lines or
// would cross one.
func TestLinesFindEveryMatch(t *testing.T) {
	for _, note := range noteTexts(t, "testdata/eval/*.txt", "testdata/train*/*.txt") {
		checkLines(t, note)
	}
	for _, s := range []string{
		"", "\n", "Former smoker", "former\nsmoker", "Quit smoking 2010.\nEx-smoker\nnicotine dependence, in remission",
		"SOCIAL: 1 ppd\n20 pack-years, cigarettes\n", "cigarettes\ncigarettes", "remote\tsmoker", "quit\ncigarettes quit cigarettes",
		"Subsequent encounter\nfollow-up visit for the\nfracture; follow up visit of injury", "cast check\r\nhere for suture removal",
	} {
		checkLines(t, s)
	}
}

// startPatterns are the guarded patterns Suggest tries only where one of
// their words starts (FindAllStartSubmatchIndex), and the texts they run
// over.
var startPatterns = map[string]*guarded{"drugStarted": drugStartedRe, "vaccineGiven": vaccineGivenRe}

// TestStartsFindEveryMatch runs the start patterns over the training notes
// (in lower case, as Suggest does) and over texts whose words stand inside
// other words, at a text's edges or across lines: each must find what the
// pattern run over the whole text finds.
func TestStartsFindEveryMatch(t *testing.T) {
	texts := []string{
		"", "start", "start metformin", "restart metformin; started on lisinopril\nbegin\nmethotrexate",
		"initiate on insulin-glargine.initiating apixaban", "_start x start", "start start start",
		"will start\ton  semaglutide; beginning", "9begin aspirin begin aspirin",
	}
	for _, note := range noteTexts(t, "testdata/eval/*.txt", "testdata/train*/*.txt") {
		texts = append(texts, strings.ToLower(note))
	}
	for name, g := range startPatterns {
		for _, s := range texts {
			got, want := g.FindAllStartSubmatchIndex(s), g.re.FindAllStringSubmatchIndex(s, -1)
			if !slices.EqualFunc(got, want, slices.Equal) {
				t.Errorf("%s: FindAllStartSubmatchIndex(%.80q) = %v, want %v", name, s, got, want)
			}
		}
	}
}

// checkGuard fails when a pattern matches a text its guard would turn
// away: a word list that misses one of the pattern's alternatives.
func checkGuard(t *testing.T, s string) {
	t.Helper()
	for name, g := range guardedPatterns {
		if g.re.MatchString(s) && !g.may(s) {
			t.Errorf("%s: the pattern matches %q but its guard turns it away", name, s)
		}
		if got, want := g.index(s), wordIndex(g, s); got != want {
			t.Errorf("%s: index(%q) = %d, want %d", name, s, got, want)
		}
	}
}

// wordIndex is guarded.index without its filters: where the first of the
// guard's words starts in s, compared byte by byte, or -1.
func wordIndex(g *guarded, s string) int {
	var folded []byte
	for i := 0; i < len(s); i++ {
		folded = append(folded, foldTable[s[i]])
	}
	for i := range folded {
		for _, ws := range g.byFirst {
			for _, w := range ws {
				if strings.HasPrefix(string(folded[i:]), w) {
					return i
				}
			}
		}
	}
	return -1
}

// TestGuardsHoldEveryMatch runs every guarded pattern over each line of the
// evaluation notes, and over every window of a few words of them, and over
// texts that hold each alternative of the patterns.
func TestGuardsHoldEveryMatch(t *testing.T) {
	for _, note := range noteTexts(t, "testdata/eval/*.txt") {
		for _, line := range strings.Split(note, "\n") {
			checkGuard(t, line)
			w := strings.Fields(line)
			for i := range w {
				checkGuard(t, strings.Join(w[i:min(len(w), i+4)], " "))
			}
		}
	}
	for _, s := range []string{
		"No pneumonia", "Denied chest pain", "NEGATIVE FOR DVT", "pneumonia ruled out", "absence of ascites", "Free of\tdisease",
		"possibly pneumonia", "R/O MI", "PE versus pneumonia", "pneumonia vs. atelectasis", "concern for sepsis", "cannot exclude PE", "questionable UTI",
		"H/O stroke", "S/P CABG", "prior MI", "remote DVT", "previous stroke", "former smoker", "Status post\tCABG",
		"Mother had breast cancer", "Grandfather with MI", "his son", "sibling with asthma", "paternal aunt",
		"Chronic stable angina", "uncontrolled diabetes", "improving pneumonia", "new onset afib", "community-acquired pneumonia", "started on",
		"admitted with pneumonia", "presents for", "PRESENTING WITH", "returns with", "found to have AKI", "episode of syncope",
		"OSA on CPAP", "HTN on lisinopril 10", "HTN\ton metoprolol", "CHF which", "AKI, improved with fluids", "DVT as evidenced by",
		"L wrist FX", "scalp lac", "RLL PNA", "COPD exac",
		"AF: rate controlled", "a; b", "CHF (HFpEF)", "CAP, RLL", "pain - severe", "pain -- severe", "pain – severe", "pain — severe", "pain -> severe", "HTN / HLD",
		"Activity: ad lib", "VTE PPX: heparin", "Secondary stroke PREVENTION - clopidogrel", "GI prophylaxis", "Rabies PEP NOT indicated", "post-exposure prophylaxis not needed",
		"EF 60-65%", "Cr peak 2.6", "2 L NC", "BP>140", "K = low", "spo2 <", "9units",
	} {
		checkGuard(t, s)
	}
}

// FuzzGuards checks that no text the patterns match is turned away.
func FuzzGuards(f *testing.F) {
	f.Add("No evidence of pneumonia")
	f.Add("HTN\ton insulin")
	f.Add("Former smoker\n1 ppd, cigarettes\nsubsequent encounter")
	f.Fuzz(func(t *testing.T, s string) {
		checkGuard(t, s)
		checkLines(t, s)
	})
}

func TestArabic(t *testing.T) {
	for in, want := range map[string]string{
		"Obesity class II":          "Obesity class 2",
		"CKD stage IIIb":            "CKD stage 3b",
		"type II diabetes mellitus": "type 2 diabetes mellitus",
		"Stage IV pressure ulcer":   "Stage 4 pressure ulcer",
		"Class III heart failure":   "Class 3 heart failure",
		"IV fluids, classic signs":  "IV fluids, classic signs",
	} {
		if got := arabic(in); got != want {
			t.Errorf("arabic(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSides(t *testing.T) {
	for in, want := range map[string]string{
		"L MCA infarct":          "left MCA infarct",
		"R ankle fracture":       "right ankle fracture",
		"on 2 L NC":              "on 2 L NC",
		"L forearm, R 5th digit": "left forearm, right 5th digit",
	} {
		if got := sides(in); got != want {
			t.Errorf("sides(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestWithoutAside(t *testing.T) {
	note := "Chronic diastolic (HFpEF) heart failure, compensated"
	got, end, ok := withoutAside(note, 0, len(note))
	if !ok || got != "Chronic diastolic heart failure" || note[:end] != "Chronic diastolic (HFpEF) heart failure" {
		t.Errorf("got %q, %q, %v", got, note[:end], ok)
	}
	for _, n := range []string{"Heart failure (EF 30%)", "(HFpEF) heart failure", "Pneumonia (right lower lobe), resolved"} {
		if _, _, ok := withoutAside(n, 0, len(n)); ok {
			t.Errorf("%q: no aside inside the condition", n)
		}
	}
}

func TestOrdinals(t *testing.T) {
	if got := calcium("Displaced fx base of L 5th metatarsal, 2nd degree burn"); got != "Displaced fx base of L fifth metatarsal, second degree burn" {
		t.Errorf("got %q", got)
	}
}

func TestInlineHistories(t *testing.T) {
	note := "INDICATIONS: 45F with RUQ pain. PMH: GERD, obesity. PMHx:asthma. Past medical history : HTN. PMH without colon."
	var got []string
	for _, m := range inlineHistories(note) {
		got = append(got, note[m[0]:m[1]])
	}
	want := []string{"PMHx:", "PMH: ", "Past medical history : "}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestPrintRulesOutOnlyAbsentWords checks that a text's print never rules
// out a guard one of whose words the text holds, over the training notes'
// lines and the guards rewriteLookup tries.
func TestPrintRulesOutOnlyAbsentWords(t *testing.T) {
	var gs []*guarded
	for _, r := range lookupRewrites {
		gs = append(gs, r.re)
	}
	for _, g := range guardedPatterns {
		gs = append(gs, g)
	}
	texts := []string{"", "a", "HCTZ", "Grade II splenic laceration (AAST)", "Dog bite, L forearm", "of old displaced fracture"}
	for _, note := range noteTexts(t, "testdata/train7*/*.txt") {
		for line := range strings.Lines(note) {
			texts = append(texts, line, strings.ToUpper(line))
		}
	}
	ruled := 0
	for _, s := range texts {
		p := printOf(s)
		for _, g := range gs {
			if !g.mayIn(&p) {
				ruled++
				if g.may(s) {
					t.Fatalf("guard %q: print of %.60q rules it out, yet may finds a word", g.re, s)
				}
			}
		}
	}
	if ruled == 0 {
		t.Error("the print ruled nothing out: the test tries only one way")
	}
}
