package cac

import (
	"slices"
	"strings"
	"testing"
)

func TestProseSpans(t *testing.T) {
	for text, want := range map[string][]string{
		"presented with melena and symptomatic anemia from an acute bleeding duodenal bulb ulcer, H. pylori positive": {
			"melena", "symptomatic anemia", "acute bleeding duodenal bulb ulcer"},
		"acetaminophen scheduled for his bilateral knee osteoarthritis and he will see ortho":           {"bilateral knee osteoarthritis"},
		"we are treating him for community acquired pneumonia of the right lower lobe with ceftriaxone": {"community acquired pneumonia of the right lower lobe"},
		"Regarding his coronary artery disease with prior stent >12 months ago":                         {"coronary artery disease"},
		"held for 72 h":                       nil,
		"no frame names anything here at all": nil,
	} {
		var got []string
		for _, sp := range proseSpans(text) {
			got = append(got, text[sp[0]:sp[1]])
		}
		if !slices.Equal(got, want) {
			t.Errorf("proseSpans(%q) = %q, want %q", text, got, want)
		}
	}
}

func FuzzProseSpans(f *testing.F) {
	f.Add("presented with melena and symptomatic anemia from an acute bleeding ulcer, H. pylori positive")
	f.Add("for his E. coli UTI; of the")
	f.Fuzz(func(t *testing.T, text string) {
		last := -1
		for _, sp := range proseSpans(text) {
			if sp[0] < 0 || sp[1] > len(text) || sp[0] >= sp[1] || sp[0] < last {
				t.Fatalf("proseSpans(%q) gave span %v", text, sp)
			}
			last = sp[0]
		}
	})
}

func FuzzWordCount(f *testing.F) {
	f.Add("presented with\tmelena\u00a0and  anemia\n")
	f.Add("")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := wordCount(s), len(strings.Fields(s)); got != want {
			t.Fatalf("wordCount(%q) = %d, want %d", s, got, want)
		}
	})
}
