package cac

import (
	"slices"
	"strings"
	"testing"
)

// TestStatusCodes checks the status a note states in passing, and the
// mentions that must not give one: negated, a relative's, a procedure of
// this stay or still to come, "HD" as a hospital day.
func TestStatusCodes(t *testing.T) {
	for _, c := range []struct {
		text string
		want []string
	}{
		{"CAD with prior drug-eluting stent to the LAD (2019).", []string{"Z95.5"}},
		{"NSTEMI, s/p PCI with DES to mid LAD.", nil},
		{"History of CABG x3 in 2015.", []string{"Z95.1"}},
		{"ESRD on hemodialysis M/W/F via left AV fistula.", []string{"Z99.2"}},
		{"Lap cholecystectomy on HD 2, uncomplicated.", nil},
		{"COPD on 2 L home oxygen.", []string{"Z99.81"}},
		{"Hypoxemia requiring supplemental O2 (resolved).", nil},
		{"Denies home oxygen use.", nil},
		{"Her mother is on home oxygen.", nil},
		{"Status post splenectomy after a car crash in 2004.", []string{"Z90.81"}},
		{"Known left TKA in 2021, doing well.", []string{"Z96.652"}},
		{"End-stage osteoarthritis of the right knee, for elective total knee arthroplasty.", nil},
		{"Has a dual-chamber pacemaker.", []string{"Z95.0"}},
		{"Other than that, the thalamus was normal.", nil},
		{"Dependent on feeds through a PEG.", []string{"Z93.1"}},
		{"Positioned supine with a peg board for the hip.", nil},
	} {
		var got []string
		statusCodes(c.text, strings.ToLower(c.text), false, func(code string, start, end int, rule string) {
			if start < 0 || end > len(c.text) || start >= end {
				t.Errorf("%q: evidence %d-%d out of range", c.text, start, end)
			}
			got = append(got, code)
		})
		if !slices.Equal(got, c.want) {
			t.Errorf("%q: got %v, want %v", c.text, got, c.want)
		}
	}
}

func TestGestationCode(t *testing.T) {
	for text, want := range map[string]string{
		"G2P1 at 37 weeks gestation":                                   "Z3A.37",
		"EGA 24w3d by LMP":                                             "Z3A.24",
		"IUP at 9 weeks by ultrasound":                                 "Z3A.09",
		"gestational age: 28+2 weeks":                                  "Z3A.28",
		"cough for 2 weeks":                                            "",
		"Pregnant, 6 weeks by dates":                                   "Z3A.01",
		"Fever for 3 weeks; no travel abroad":                          "",
		"Intrauterine pregnancy at 39 weeks 3 days, spontaneous labor": "Z3A.39",
		"G1P0 at 37 wks, here for labor":                               "Z3A.37",
	} {
		if got, _, _ := gestationCode(text); got != want {
			t.Errorf("%q: got %q, want %q", text, got, want)
		}
	}
}

func TestShortCourse(t *testing.T) {
	for text, want := range map[string]bool{
		"prednisone 40 mg x 1 more day; tiotropium": true,
		"aspirin stopped 10/2025 at 6 mo post-PCI":  true,
		"Aspirin 81 mg daily, ticagrelor 90 mg":     false,
		"alendronate 70 mg weekly":                  false,
		"ASA 325 mg given in the ED":                true,
	} {
		if got := shortCourseRe.MatchString(doseAround(text, 0)); got != want {
			t.Errorf("%q: short course %v, want %v", text, got, want)
		}
	}
}

func TestAllergyCodes(t *testing.T) {
	for text, want := range map[string][]string{
		"Allergies: PCN (hives), sulfa (rash).": {"Z88.0", "Z88.2"},
		"ALLERGIES: NKDA":                       nil,
		"Allergies: No known drug allergies.":   nil,
		"She is allergic to codeine (hives).":   {"Z88.5"},
		"She is allergic to codeine (nausea).":  nil, // a side effect: an intolerance
		"Latex allergy; peanut allergy.":        {"Z91.040", "Z91.010"},
		"Denies allergies to penicillin.":       nil,
		"Her daughter has a peanut allergy.":    nil,
		// a label cleared at this visit
		"Allergies: sulfa? — pt unsure — old records: amoxicillin rash with a viral illness, tolerated amoxicillin since. Allergy list cleared.": nil,
	} {
		var got []string
		allergyCodes(text, strings.ToLower(text), func(code string, start, end int, rule string) {
			if !slices.Contains(got, code) {
				got = append(got, code)
			}
		})
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%q: got %v, want %v", text, got, want)
		}
	}
}

func TestDefibrillatorStatus(t *testing.T) {
	for text, want := range map[string]bool{
		"s/p primary-prevention dual-chamber ICD 2024": true,
		"Normal ICD function, battery 9.2 y.":          true,
		"ICD-10 codes were reviewed.":                  false,
	} {
		got := false
		statusCodes(text, strings.ToLower(text), false, func(code string, start, end int, rule string) { got = got || code == "Z95.810" })
		if got != want {
			t.Errorf("%q: Z95.810 %v, want %v", text, got, want)
		}
	}
}

// TestFindAroundAnchors checks each status rule's anchors: searching only
// the lines that hold an anchor finds every match a search of every line
// finds, over the evaluation notes and a few lines written to trip the
// short anchors ("that", "CO2", "shd").
func TestFindAroundAnchors(t *testing.T) {
	notes := []string{
		"Pt with THA on the right 2015, that was uneventful.\nCO2 24, on 2L O2 at home.\nHD on MWF; shd follow up.\nAICD in place, ICD check done.\nPEG tube feeds, PEG in place.\n",
		"s/p R TKA 2019\nDES to LAD in 2020; PCI 2021; BMS to RCA.\nhas a PPM, on hemodialysis; ESRD on HD\n",
	}
	notes = append(notes, noteTexts(t, "testdata/eval/*.txt", "testdata/train2/*.txt", "testdata/train3/*.txt")...)
	for _, note := range notes {
		lower := strings.ToLower(note)
		for _, r := range statusRules {
			var want [][]int
			at := 0
			for _, line := range strings.SplitAfter(note, "\n") {
				l := strings.TrimSuffix(line, "\n")
				for _, m := range r.re.FindAllStringIndex(l, -1) {
					want = append(want, []int{at + m[0], at + m[1]})
				}
				at += len(line)
			}
			if got := findAround(r.re, note, lower, r.anchors); !slices.EqualFunc(got, want, slices.Equal) {
				t.Errorf("%s: anchored search found %v, every line %v", r.rule, got, want)
			}
		}
	}
}

// TestAnchorPositions checks the one-pass anchor scan against repeated
// strings.Index over the evaluation notes.
func TestAnchorPositions(t *testing.T) {
	var all []string
	for _, r := range statusRules {
		all = append(all, r.anchors...)
	}
	all = append(all, "allerg", "aa", "ss")
	set := newAnchorSet(all)
	notes := append(noteTexts(t, "testdata/eval/*.txt", "testdata/train2/*.txt"), "aaaa sss tha thatha", "")
	for _, note := range notes {
		lower := strings.ToLower(note)
		got := set.positions(lower)
		for _, a := range all {
			var want []int
			for at := 0; ; {
				i := strings.Index(lower[at:], a)
				if i < 0 {
					break
				}
				want = append(want, at+i)
				at += i + len(a)
			}
			if !slices.Equal(got[a], want) {
				t.Errorf("%q: one pass found %v, strings.Index %v", a, got[a], want)
			}
		}
	}
}
