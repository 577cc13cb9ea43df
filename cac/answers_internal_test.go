package cac

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/chartroom/chartroom/codeset"
)

// TestAnswersConcepts checks that an item read again from the memo of
// its text names what findConcepts finds there afresh, at the item's own
// place in the note.
func TestAnswersConcepts(t *testing.T) {
	x := tabularSearcher(t)
	const text = "Sepsis due to E. coli urinary tract infection, right lower lobe pneumonia"
	note := "ASSESSMENT:\n1. " + text + ".\n\nDISCHARGE DIAGNOSES:\n1. Hypertension.\n2. " + text + ".\n"
	opt := Options{Inpatient: true, Date: codeset.NewDate(2026, 3, 9), MinScore: 0.45, episode: 'A', lower: strings.ToLower(note), note: note}
	first := strings.Index(note, text)
	second := strings.LastIndex(note, text)
	memo := newAnswers()
	for _, at := range []int{first, second} {
		it := item{at, at + len(text)}
		got := memo.concepts(newLookups(x), note, it, opt)
		want := findConcepts(newLookups(x), note, it, opt, newAnswers())
		if len(want) == 0 {
			t.Fatalf("%q names no concept: the test reads nothing", text)
		}
		if diff := cmp.Diff(want, got, cmp.AllowUnexported(concept{})); diff != "" {
			t.Errorf("item at %d (-afresh +memo):\n%s", at, diff)
		}
	}
}
