package cac

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestHeadingsMatchRegexp checks the hand-written heading scanner against
// the regular expression it replaces, on every evaluation note and on
// random lines made of the characters that matter. (The forms the
// scanner added since, a dictated note's lower-case section names and
// "== Name ==" lines, are tested by TestDictatedLowerCaseHeadings and
// TestCopiedForwardDenials.)
func TestHeadingsMatchRegexp(t *testing.T) {
	notes := noteTexts(t, "testdata/eval/*.txt", "testdata/heldout/*.txt")
	r := rand.New(rand.NewPCG(1, 2))
	const alphabet = "AZaz :/&-()\t\r\nMEDXSOP.,1"
	for range 20000 {
		b := make([]byte, r.IntN(60))
		for i := range b {
			b[i] = alphabet[r.IntN(len(alphabet))]
		}
		notes = append(notes, string(b))
	}
	notes = append(notes, "ASSESSMENT AND PLAN AND MANY OTHER WORDS THAT GO ON                \nx", "  Discharge dx: CHF\r\n", "A:\nAB:\nABCD\nABC \n", "Assessment and Plan\n", "Assessment & plan  \nImpression/Plan\nDischarge Diagnoses\t\nAssessment and Plan today\n", "ASSESSMENT and Plan\n")
	for _, n := range notes {
		var want []heading
		for _, l := range header.FindAllStringSubmatchIndex(n, -1) {
			a, b := l[2], l[3]
			if a < 0 {
				a, b = l[4], l[5]
			}
			if a < 0 {
				a, b = l[6], l[7]
			}
			if a < 0 {
				a, b = l[8], l[9]
			}
			want = append(want, heading{l[0], l[1], a, b})
		}
		if got := headings(n); !slices.Equal(got, want) {
			t.Fatalf("%q:\n got %v\nwant %v", n, got, want)
		}
	}
}
