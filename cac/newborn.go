package cac

import (
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/chartroom/chartroom/codeset"
)

// birthWeeksRe is a newborn's gestational age at birth: "born at 31 weeks
// 2 days gestation", "Preterm female infant, 31 2/7 weeks", "33 2/7 weeks
// gestation", "GA 29w4d". The weeks are the first group.
var birthWeeksRe = regexp.MustCompile(`(?i)\b(\d{2})\s*(?:(?:and\s+)?\d\s*/\s*7\s*(?:weeks?|wks?)|w(?:ks?)?\s*\d\s*d|\+\s*\d\s*(?:weeks?|wks?)?|(?:weeks?|wks?)(?:\s+(?:and\s+)?\d\s+days?)?)\b`)

// birthWeeksContextRe is what says a span of weeks is the age at birth,
// in the words before it: "born at", "preterm … infant,", "GA", "EGA",
// "vaginal delivery at".
var birthWeeksContextRe = regexp.MustCompile(`(?i)\b(?:born|delivered|delivery|birth|preterm|premature|prematurity|ex-?|GA|EGA|gestational age)\b[^.\n]{0,40}$`)

// laterAgeRe is an age counted after birth, which a span of weeks right
// after it is: "PMA 37w3d", "corrected age", "postmenstrual".
var laterAgeRe = regexp.MustCompile(`(?i)\b(?:PMA|CGA|postmenstrual|post-menstrual|corrected|DOL|day of life|now)\b[^.\n]{0,12}$`)

// maternalTestRe is a test of the pregnancy a span of weeks right after
// it dates: "mother's GTT at 26 wk", "anatomy scan at 20 weeks".
var maternalTestRe = regexp.MustCompile(`(?i)\b(?:GTT|OGTT|glucose|ultrasound|US|scan|screen(?:ing)?|test(?:ing)?|labs?|amnio\w*|visit)\b[^.\n;]{0,12}$`)

// birthWeightRe is a newborn's weight at birth: "Birth weight 1,420
// grams", "BW 1420 g", "birthweight of 1.42 kg" is not read (grams only).
var birthWeightRe = regexp.MustCompile(`(?i)\b(?:birth\s*weight|birthweight|BW)\b\s*(?:of|:|was|is|=)?\s*(\d,\d{3}|\d{3,4})\s*(?:g|gm|grams?)\b`)

// prematurity adds to a newborn's birth record the codes of its birth
// weight and its gestational age (P07.-: Official Guidelines I.C.16.e,
// the weight first), when the note gives a preterm birth (under 37
// completed weeks); a low birth weight found without its grams ("Low
// birth weight", P07.10) takes the grams' code.
func prematurity(out []Suggestion, note string, x *lookups, opt Options) []Suggestion {
	if !containsCodePrefix(out, "Z38") {
		return out
	}
	weeks, wm := 0, []int(nil)
	for _, m := range birthWeeksRe.FindAllStringSubmatchIndex(note, -1) {
		before := note[max(0, m[0]-60):m[0]]
		if laterAgeRe.MatchString(before) || maternalTestRe.MatchString(before) || !birthWeeksContextRe.MatchString(before) && !strings.Contains(strings.ToLower(note[m[1]:min(len(note), m[1]+16)]), "gestation") {
			continue
		}
		weeks, _ = strconv.Atoi(note[m[2]:m[3]])
		wm = m
		break
	}
	grams, gm := 0, []int(nil)
	if m := birthWeightRe.FindStringSubmatchIndex(note); m != nil {
		grams, _ = strconv.Atoi(strings.ReplaceAll(note[m[2]:m[3]], ",", ""))
		gm = m
	}
	preterm := weeks >= 20 && weeks < 37
	suggestion := func(code string, m []int, rule string) (Suggestion, bool) {
		r, ok := x.Code(codeset.ICD10CM, code, opt.Date)
		if !ok || !r.Billable {
			return Suggestion{}, false
		}
		return Suggestion{System: codeset.ICD10CM, Code: code, Title: r.Title, Confidence: 0.8, Start: m[0], End: m[1],
			Evidence: note[m[0]:m[1]], Section: sectionKindNames[secOther], Rule: rule}, true
	}
	if w := birthWeightCode(grams); w != "" && (preterm || containsCode(out, "P07.10") || containsCode(out, "P07.00")) && !containsCode(out, w) {
		if s, ok := suggestion(w, gm, "birth weight"); ok {
			// (the weight's code takes the place of a low birth
			// weight's without grams)
			if i := slices.IndexFunc(out, func(o Suggestion) bool { return o.Code == "P07.10" || o.Code == "P07.00" }); i >= 0 {
				out[i] = s
			} else {
				out = append(out, s)
			}
		}
	}
	if preterm {
		if c := gestationalAgeCode(weeks); !containsCode(out, c) {
			if s, ok := suggestion(c, wm, "gestational age at birth"); ok {
				out = append(out, s)
			}
		}
	}
	return out
}

// newbornObservationRe is a newborn observed for a suspected infection
// that was ruled out: "Observation for suspected early-onset sepsis
// (maternal GBS, inadequate IAP) - ruled out".
var newbornObservationRe = regexp.MustCompile(`(?i)\b(?:observ\w*|evaluat\w*)\s+for\s+(?:suspected\s+|possible\s+)?(?:early[- ]onset\s+|neonatal\s+)*(?:sepsis|infection|EOS)\b[^\n]{0,80}?\bruled\s+out\b`)

// newbornObservation codes a birth record's observation for a suspected
// infection, ruled out, as Z05.1 (Official Guidelines I.C.16.b: Z05 for a
// healthy newborn evaluated for a condition found absent).
func newbornObservation(out []Suggestion, note string, x *lookups, opt Options) []Suggestion {
	if !containsCodePrefix(out, "Z38") || containsCodePrefix(out, "Z05") {
		return out
	}
	m := newbornObservationRe.FindStringIndex(note)
	if m == nil {
		return out
	}
	return appendCodeAt(out, note, m, "Z05.1", 0.8, "newborn observed for a suspected infection", x, opt)
}

// birthWeightCode returns the P07.0-/P07.1- code of a birth weight under
// 2500 grams, or "".
func birthWeightCode(grams int) string {
	switch {
	case grams <= 0 || grams >= 2500:
		return ""
	case grams < 500:
		return "P07.01"
	case grams < 750:
		return "P07.02"
	case grams < 1000:
		return "P07.03"
	case grams < 1250:
		return "P07.14"
	case grams < 1500:
		return "P07.15"
	case grams < 1750:
		return "P07.16"
	case grams < 2000:
		return "P07.17"
	}
	return "P07.18"
}

// gestationalAgeCode returns the P07.2-/P07.3- code of a preterm birth's
// completed weeks (20–36).
func gestationalAgeCode(weeks int) string {
	switch {
	case weeks < 23:
		return "P07.21"
	case weeks < 28:
		return "P07.2" + strconv.Itoa(weeks-21)
	}
	return "P07.3" + strconv.Itoa(weeks-27)
}
