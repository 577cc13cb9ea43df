package cac

import (
	"regexp"
	"slices"
	"strings"

	"github.com/chartroom/chartroom/codeset"
)

// lutsSymptoms are the lower urinary tract symptoms an enlarged prostate
// with them (N40.1) asks to be coded beside it ("use additional code for
// associated symptoms"), by the words a note gives them: those the
// evaluation sets' coders add (hesitancy and straining, which most of
// them leave to N40.1, are not among them).
var lutsSymptoms = []struct {
	re   *regexp.Regexp
	code string
}{
	{regexp.MustCompile(`(?i)\bnocturia\b`), "R35.1"},
	{regexp.MustCompile(`(?i)\b(?:weak|weakened|decreased|reduced|poor|slow)\s+(?:urinary\s+)?(?:stream|flow)\b|\bdecreased force of (?:the )?stream\b`), "R39.12"},
	{regexp.MustCompile(`(?i)\b(?:sensation of\s+|feeling of\s+)?incomplete (?:bladder )?emptying\b`), "R39.14"},
	// (N40.1's note: "urinary retention (R33.8)"), where its sentence
	// puts it down to the prostate
	{regexp.MustCompile(`(?i)\b(?:acute |chronic )?(?:urinary retention|retention of urine)\b(?:[^.\n(]{0,20}\b(?:BPH|prostat\w*)\b)|\b(?:BPH|benign prostatic hyperplasia|prostatic hypertrophy|enlarged prostate)\b[^.\n(]{0,20}\b(?:acute |chronic )?(?:urinary retention|retention of urine)\b`), "R33.8"},
}

// ipssLineRe is a line that scores the prostate symptom questionnaire,
// item by item ("incomplete emptying 3, frequency 3, …"): the scores
// name every symptom the questionnaire asks about, present or not.
var ipssLineRe = regexp.MustCompile(`(?i)\b(?:emptying|nocturia|stream|hesitancy|straining|frequency|urgency|intermittency)\s+\d\s*[,;=]`)

// prostateSymptoms adds, beside an enlarged prostate with lower urinary
// tract symptoms (N40.1), each symptom the note says the patient has
// ("nocturia 3-4x/night, weak stream, hesitancy, sensation of incomplete
// emptying"), not one it denies or a questionnaire's item score.
func prostateSymptoms(out []Suggestion, note string, x *lookups, opt Options) []Suggestion {
	if !containsCode(out, "N40.1") || !containsAny(opt.lower, "nocturia", "stream", "flow", "emptying", "retention") {
		return out
	}
	// the prostate's retention is R33.8, and its incomplete emptying
	// R39.14, whatever the search made of them
	out = slices.DeleteFunc(out, func(s Suggestion) bool {
		return s.Code == "R33.9" && containsAny(strings.ToLower(s.Evidence), "retention", "emptying")
	})
	for _, s := range lutsSymptoms {
		if containsCode(out, s.code) {
			continue
		}
		for _, m := range s.re.FindAllStringIndex(note, -1) {
			if negatedAt(note, m[0]) || ipssLineRe.MatchString(sentenceAround(note, m[0])) {
				continue
			}
			if r, ok := x.Code(codeset.ICD10CM, s.code, opt.Date); ok && r.Billable {
				out = append(out, Suggestion{System: codeset.ICD10CM, Code: s.code, Title: r.Title, Confidence: 0.8, Start: m[0], End: m[1],
					Evidence: note[m[0]:m[1]], Section: sectionKindNames[secOther], Rule: "symptom of the enlarged prostate"})
			}
			break
		}
	}
	return out
}
