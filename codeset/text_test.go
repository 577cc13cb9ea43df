package codeset

import (
	"slices"
	"strings"
	"testing"
)

func TestJoinShorthand(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"s/p knee replacement", "sp knee replacement"},
		{"h/o dvt", "ho dvt"},
		{"i&d abscess", "id abscess"},
		{"n/v", "nv"},
		{"pain w/o radiation", "pain wo radiation"},
		{"and/or", "and/or"},           // words, not letters
		{"3A/B/C", "3A/B/C"},           // a code's letters
		{"a/b/c", "a/b/c"},             // a list, not a pair
		{"ckd 3/4", "ckd 3/4"},         // digits
		{"blood/urine", "blood/urine"}, // words
	} {
		if got := joinShorthand(tc.in); got != tc.want {
			t.Errorf("joinShorthand(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestSplitNemod(t *testing.T) {
	for _, tc := range []struct{ in, nemod, ess string }{
		{"(due to) schistosomiasis (bilharziasis)", "(due to) (bilharziasis)", "schistosomiasis"},
		{"(acute) (chronic)", "(acute) (chronic)", ""},
		{"(due to (bilateral) adrenal  hyperplasia)", "(due to (bilateral) adrenal hyperplasia)", ""},
		{"(infectional) due to blood loss", "(infectional)", "due to blood loss"},
		{"", "", ""},
	} {
		nemod, ess := splitNemod(tc.in)
		if nemod != tc.nemod || ess != tc.ess {
			t.Errorf("splitNemod(%q) = %q, %q; want %q, %q", tc.in, nemod, ess, tc.nemod, tc.ess)
		}
	}
}

func TestMovedLetter(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"athsma", "asthma", true},
		{"anemai", "anemia", true},
		{"asthma", "asthma", true},
		{"athsm", "asthm", false}, // too short to allow two edits
		{"athsma", "asthmas", false},
		{"athsma", "asthme", false},
	} {
		if got := movedLetter(tc.a, tc.b); got != tc.want {
			t.Errorf("movedLetter(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestDeniesWhatQuerySays(t *testing.T) {
	for _, tc := range []struct {
		q, title string
		want     bool
	}{
		{"rheumatoid arthritis with positive rheumatoid factor", "Rheumatoid arthritis without rheumatoid factor, multiple sites", true},
		{"copd with exacerbation", "Chronic obstructive pulmonary disease with (acute) exacerbation", false},
		{"migraine with aura", "Migraine with aura, not intractable, without status migrainosus", false},
		{"cholecystitis with obstruction", "Calculus of gallbladder with acute cholecystitis without obstruction", true},
	} {
		if got := deniesWhatQuerySays(tc.q, tc.title); got != tc.want {
			t.Errorf("deniesWhatQuerySays(%q, %q) = %v, want %v", tc.q, tc.title, got, tc.want)
		}
	}
}

func TestSaysWhatTitleDenies(t *testing.T) {
	for _, tc := range []struct {
		q, title string
		want     bool
	}{
		{" traumatic complete tear right rotator cuff ", "Complete rotator cuff tear or rupture of right shoulder, not specified as traumatic", true},
		{" intractable migraine ", "Migraine, unspecified, not intractable, without status migrainosus", true},
		{" migraine not intractable ", "Migraine, unspecified, not intractable, without status migrainosus", false},
		{" rotator cuff tear ", "Complete rotator cuff tear or rupture of right shoulder, not specified as traumatic", false},
	} {
		if got := saysWhatTitleDenies(tc.q, tc.title); got != tc.want {
			t.Errorf("saysWhatTitleDenies(%q, %q) = %v, want %v", tc.q, tc.title, got, tc.want)
		}
	}
}

// TestStemPlurals checks that a plural and its singular share a stem,
// including the plurals of nouns in -ia and -oma, and that a singular in
// -as stays itself.
func TestStemPlurals(t *testing.T) {
	for _, tc := range []struct{ plural, singular string }{
		{"paresthesias", "paresthesia"},
		{"arrhythmias", "arrhythmia"},
		{"hematomas", "hematoma"},
		{"fractures", "fracture"},
		{"injuries", "injury"},
	} {
		if p, s := stem(tc.plural), stem(tc.singular); p != s {
			t.Errorf("stem(%q) = %q, stem(%q) = %q: want the same", tc.plural, p, tc.singular, s)
		}
	}
	if got := stem("pancreas"); got != "pancreas" {
		t.Errorf("stem(%q) = %q, want it unchanged", "pancreas", got)
	}
}

// TestLimbAbbreviations checks that "RLE" and "LLE" read as the titles'
// right and left lower limb.
func TestLimbAbbreviations(t *testing.T) {
	s := loadFull(t).Searcher()
	for _, tc := range []struct{ q, want string }{
		{"cellulitis RLE", "L03.115"},
		{"cellulitis LLE", "L03.116"},
	} {
		rs := s.Search(tc.q, SearchOptions{Systems: []System{ICD10CM}, Date: evalDate, Limit: 1})
		if len(rs) == 0 || rs[0].Code != tc.want {
			t.Errorf("%q: got %v, want %s first", tc.q, rs, tc.want)
		}
	}
}

// TestIndexSides checks the index entries that name no side: "Cellulitis,
// foot" (see "Cellulitis, lower limb", L03.11-) leads to the lower limb's
// codes only, not to the axilla's (narrow), and a query that names the
// side ranks that side's code first, as strongly as the entry matches
// the rest of it (sideSlot).
func TestIndexSides(t *testing.T) {
	s := loadFull(t).Searcher()
	rs := s.Search("cellulitis of right foot", SearchOptions{Systems: []System{ICD10CM}, Date: evalDate, Limit: 10, Explain: true})
	if len(rs) == 0 || rs[0].Code != "L03.115" || rs[0].Score < 0.75 {
		t.Fatalf("cellulitis of right foot: got %v, want L03.115 first, scoring at least 0.75", rs)
	}
	if !slices.ContainsFunc(rs[0].Explain, func(w string) bool { return strings.Contains(w, "the code's title judges it") }) {
		t.Errorf("the explanation does not say how the side was judged: %q", rs[0].Explain)
	}
	for _, r := range s.Search("cellulitis foot", SearchOptions{Systems: []System{ICD10CM}, Date: evalDate, Limit: 10, Explain: true}) {
		if r.Code == "L03.111" && strings.Contains(strings.Join(r.Explain, " "), "Cellulitis foot") {
			t.Errorf("the index's \"Cellulitis, foot\" leads to L03.111, the axilla")
		}
	}
	// a number names its lettered parts: "stage 3" keeps N18.31 and N18.32
	rs = s.Search("ckd stage 3", SearchOptions{Systems: []System{ICD10CM}, Date: evalDate, Limit: 5})
	var codes []string
	for _, r := range rs {
		codes = append(codes, r.Code)
	}
	for _, c := range []string{"N18.30", "N18.31", "N18.32"} {
		if !slices.Contains(codes, c) {
			t.Errorf("ckd stage 3: got %v, want %s among the first five", codes, c)
		}
	}
}
