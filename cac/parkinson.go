package cac

import (
	"regexp"
	"strings"
)

var (
	fluctuationRe = regexp.MustCompile(`(?i)\b(fluctuations?|wearing[- ]off|wear[- ]off|on[- ]off|off periods?|off episodes?|end[- ]of[- ]dose)\b`)
	dyskinesiaRe  = regexp.MustCompile(`(?i)\bdyskinesias?\b`)
)

// parkinsonAxes codes Parkinson's disease (G20.A1 by default) with the
// dyskinesia and motor fluctuations the note affirms anywhere (G20.A2
// "with fluctuations", G20.B1 "with dyskinesia", G20.B2 both); "does not
// have dyskinesias" and "no wearing-off" affirm nothing.
func parkinsonAxes(out []Suggestion, note string, x *lookups, opt Options) {
	// (a lookup may have read "without dyskinesia or motor fluctuations"
	// as G20.A2: the note's own affirmations decide)
	i := firstWithPrefix(out, "G20.A", "G20.B")
	if i < 0 || !containsAny(opt.lower, "fluctuat", "wearing", "wear-off", "wear off", "on-off", "on off", "off period", "off episode", "end-of-dose", "end of dose", "dyskinesia") {
		return
	}
	affirmed := func(re *regexp.Regexp) bool {
		for _, m := range re.FindAllStringIndex(note, -1) {
			s := strings.ToLower(sentenceAround(note, m[0]))
			if !negatedAt(note, m[0]) && !strings.Contains(s, "without dyskinesia") && !strings.Contains(s, "no dyskinesia") {
				return true
			}
		}
		return false
	}
	dysk, fluct := affirmed(dyskinesiaRe), affirmed(fluctuationRe)
	code := "G20.A1"
	switch {
	case dysk && fluct:
		code = "G20.B2"
	case dysk:
		code = "G20.B1"
	case fluct:
		code = "G20.A2"
	}
	if code != out[i].Code {
		recode(&out[i], code, "parkinson's disease: dyskinesia and fluctuations as the note affirms them", x, opt)
	}
}
