package cac

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// proseQualifierAfter is what the rest of a clause says of the condition
// before it that takes it off the list: "PE was ruled out", "the
// pneumonia had resolved", "cellulitis was considered less likely".
var proseQualifierAfter = regexp.MustCompile(`(?i)\b(ruled out|excluded|unlikely|less likely|resolved|negative|not confirmed|no longer|considered|in the past|years ago|as a child|remote|history|was not|were not|is not|did not|in (?:19|20)\d\d|(?:is|was|remains) a concern|not (?:yet )?(?:been )?diagnosed|a symptom of|(?:does|do) not (?:need|warrant|require) a separate diagnosis)\b`)

// A prose assessment names its conditions inside sentences ("presented
// with melena and symptomatic anemia from an acute bleeding duodenal
// ulcer", "acetaminophen for his bilateral knee osteoarthritis"). The
// sentence as a whole names no code, and cutting it at commas leaves
// clauses that do not either. proseSpans finds the phrases that such
// sentences put a condition in: after a frame that introduces one ("presented
// with", "consistent with", "due to", "for his"), up to the first word
// that cannot be part of a condition's name, and each member of an "and"
// list there.

// proseFrames introduce a condition, by their last word; each entry is
// the words before it (empty: the word alone).
var proseFrames = map[string][]string{
	"with":      {"presented", "presents", "presenting", "admitted", "consistent", "diagnosed", "compatible", "known", "together", "along"},
	"for":       {""},
	"to":        {"due", "found", "attributed"},
	"of":        {"setting", "diagnosis", "evidence", "treatment", "management", "episode"},
	"from":      {""},
	"by":        {"complicated", "caused"},
	"his":       {""},
	"her":       {""},
	"their":     {""},
	"have":      {"to"},
	"regarding": {""},
	"sustained": {""},
	"developed": {""},
	"as":        {"diagnosed"},
}

// proseStops end a condition's phrase: verbs, clause words, prepositions
// that start a circumstance rather than a name.
var proseStops = map[string]bool{
	"and": true, "or": true, "which": true, "who": true, "that": true, "was": true, "were": true, "is": true, "are": true,
	"has": true, "had": true, "have": true, "remains": true, "remained": true, "on": true, "given": true, "so": true, "but": true,
	"after": true, "requiring": true, "required": true, "as": true, "at": true, "in": true, "to": true, "by": true, "for": true,
	"since": true, "when": true, "while": true, "because": true, "than": true, "rather": true, "it": true, "this": true,
	"he": true, "she": true, "they": true, "we": true, "will": true, "per": true, "then": true, "also": true, "not": true,
	"no": true, "being": true, "received": true, "started": true, "continued": true, "held": true, "resumed": true,
	"restarted": true, "treated": true, "managed": true, "improved": true, "improving": true, "resolved": true, "stable": true,
	"well": true, "now": true, "currently": true, "today": true, "here": true, "there": true, "if": true, "until": true,
	"the": true, "a": true, "an": true, "his": true, "her": true, "their": true, "from": true, "over": true, "during": true,
	"into": true, "via": true, "without": true, "controlled": true, "x": true, "prior": true, "previously": true,
	"diagnosed": true, "confirmed": true, "noted": true,
}

// proseWord is one word of a sentence and whether punctuation (a comma,
// semicolon, colon, parenthesis or full stop) comes before it.
type proseWord struct {
	start, end int
	lower      string
	broken     bool
}

// proseWords splits text into words, marking each that follows a break.
// "H. pylori", "E. coli": the full stop after a lone capital is no break.
func proseWords(text string) []proseWord {
	var out []proseWord
	broken := true
	for i := 0; i < len(text); {
		c := text[i]
		if !wordByte(c) {
			if strings.IndexByte(",;:()[].!?", c) >= 0 && !(c == '.' && len(out) > 0 && out[len(out)-1].end == i && out[len(out)-1].end-out[len(out)-1].start == 1) {
				broken = true
			}
			i++
			continue
		}
		j := i
		for j < len(text) && (wordByte(text[j]) || (text[j] == '-' || text[j] == '\'' || text[j] == '/') && j+1 < len(text) && wordByte(text[j+1])) {
			j++
		}
		out = append(out, proseWord{i, j, strings.ToLower(text[i:j]), broken})
		broken = false
		i = j
	}
	return out
}

func wordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// proseSpans returns the spans of text (offsets into it) that a frame
// introduces as a condition.
func proseSpans(text string) [][2]int {
	words := proseWords(text)
	var out [][2]int
	for i := 0; i < len(words); i++ {
		if !framedAt(words, i) {
			continue
		}
		j := i + 1
		for j < len(words) && !words[j].broken && article(words[j].lower) {
			j++
		}
		for j < len(words) && !words[j].broken {
			k := j
			for k < len(words) && (k == j || !words[k].broken) && k-j < 9 && !digits(words[k].lower) &&
				(!proseStops[words[k].lower] || article(words[k].lower) && k > j && words[k-1].lower == "of") {
				k++
			}
			// "pneumonia of the": a phrase does not end on a connector
			last := k
			for last > j && (words[last-1].lower == "of" || words[last-1].lower == "with" || article(words[last-1].lower)) {
				last--
			}
			if last > j && (len(out) == 0 || out[len(out)-1][0] != words[j].start) {
				out = append(out, [2]int{words[j].start, words[last-1].end})
			}
			// "melena and symptomatic anemia": the next member of a list
			if k < len(words) && !words[k].broken && (words[k].lower == "and" || words[k].lower == "or") && k > j {
				j = k + 1
				continue
			}
			break
		}
	}
	return out
}

// framedAt reports whether word i ends a frame.
func framedAt(words []proseWord, i int) bool {
	befores, ok := proseFrames[words[i].lower]
	if !ok {
		return false
	}
	// ("risk factors for Barrett's esophagus", "screening for colon
	// cancer": what is weighed or looked for is no condition)
	if words[i].lower == "for" && i > 0 && !words[i].broken && notConditionFor[words[i-1].lower] {
		return false
	}
	for _, b := range befores {
		if b == "" {
			return true
		}
		if i > 0 && !words[i].broken && words[i-1].lower == b {
			return true
		}
	}
	return false
}

// notConditionFor are the words before a "for" whose object is weighed
// or looked for, not found.
var notConditionFor = map[string]bool{
	"factors": true, "factor": true, "risk": true, "screening": true, "screen": true, "screened": true, "evaluate": true,
	"evaluation": true, "evaluated": true, "workup": true, "work-up": true, "assess": true, "assessment": true,
	"concern": true, "suspicion": true, "monitor": true, "monitoring": true, "surveillance": true, "testing": true,
	"tested": true, "candidate": true, "prophylaxis": true, "referral": true, "referred": true, "vaccinated": true,
}

// article reports whether w is an article or a possessive before a noun.
func article(w string) bool {
	return w == "a" || w == "an" || w == "the" || w == "his" || w == "her" || w == "their"
}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	return false
}

// dropVagueProse leaves out an unspecified code read inside a prose
// sentence ("her kidney disease", "his anxiety") when a list or line of the
// note codes a condition of the same chapter: the sentence refers back to
// that condition, which the note states precisely elsewhere.
func dropVagueProse(out []Suggestion) []Suggestion {
	vague := func(s Suggestion) bool {
		return fromProse(s) && strings.Contains(strings.ToLower(s.Title), "unspecified")
	}
	return slices.DeleteFunc(out, func(s Suggestion) bool {
		if !vague(s) {
			return false
		}
		for _, o := range out {
			if o.Code[:3] == s.Code[:3] && !fromProse(o) {
				return true
			}
		}
		return false
	})
}

// proseRule prefixes the rule of a suggestion read inside a prose
// sentence.
const proseRule = "prose: "

// fromProse reports whether a suggestion was read inside a prose sentence.
func fromProse(s Suggestion) bool { return strings.HasPrefix(s.Rule, proseRule) }

// wordCount is len(strings.Fields(s)) without building the slice.
func wordCount(s string) int {
	n := 0
	in := false
	for i := 0; i < len(s); {
		c, size := rune(s[i]), 1
		if c >= utf8.RuneSelf {
			c, size = utf8.DecodeRuneInString(s[i:])
		}
		sp := unicode.IsSpace(c)
		if !sp && !in {
			n++
		}
		in = !sp
		i += size
	}
	return n
}
