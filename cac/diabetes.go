package cac

import (
	"regexp"
	"slices"
	"strings"

	"github.com/chartroom/chartroom/codeset"
)

// A diabetesLink is a condition the classification presumes caused by
// diabetes when both are documented (Official Guidelines I.A.15, the
// "with" convention): the index lists it under "Diabetes, with".
type diabetesLink struct {
	prefix string // the condition's code, or the start of it
	combo  string // the diabetes code's suffix after the category: ".42"
	keep   bool   // the condition is coded too ("use additional code")
}

var diabetesLinks = []diabetesLink{
	{"G62.9", ".42", false}, {"G60.9", ".42", false}, {"G63", ".42", false}, {"G62.89", ".42", false}, // polyneuropathy (not a critical illness's, G62.81, nor radiation's, G62.82)
	{"I73.9", ".51", false},                          // peripheral angiopathy (PAD)
	{"I70.26", ".52", true},                          // with gangrene
	{"I70.2", ".51", true},                           // atherosclerosis of the legs' arteries, coded beside (Coding Clinic 3Q 2018)
	{"L97.4", ".621", true}, {"L97.5", ".621", true}, // foot ulcer
	{"L97.1", ".622", true}, {"L97.2", ".622", true}, {"L97.3", ".622", true}, {"L97.8", ".622", true}, {"L97.9", ".622", true}, // other skin ulcer
	{"M86.", ".69", true},     // osteomyelitis
	{"R73.9", ".65", false},   // hyperglycemia
	{"E16.2", ".649", false},  // hypoglycemia
	{"E16.0", ".649", false},  // hypoglycemia from the diabetes's own drug (its poisoning or adverse effect is coded beside)
	{"E15", ".649", false},    // a "nondiabetic" hypoglycemic coma's code read for a diabetic's hypoglycemia (with coma .641, below)
	{"K31.84", ".43", true},   // gastroparesis
	{"H35.00", ".319", false}, // retinopathy, unspecified
}

// comaSaidRe is a coma a hypoglycemia's words give it (not "without
// coma").
var comaSaidRe = regexp.MustCompile(`(?i)(?:^|[^t]\s+|with\s+)coma\b`)

// causeElsewhere reports whether a condition's evidence names a cause other
// than diabetes ("neuropathy due to chemotherapy"), which breaks the link.
func causeElsewhere(evidence string) bool {
	l := strings.ToLower(evidence)
	if !containsAny(l, "due to", "secondary to", "d/t", "2/2", "from ", "induced") || containsAny(l, "diabet", "dm", "glyc") {
		return false
	}
	// the diabetes's own treatment is no other cause ("hypoglycemia due
	// to accidental insulin overdose" is E11.649 with the poisoning)
	if containsAny(l, "insulin", "sulfonylurea", "glipizide", "glyburide", "glimepiride") {
		return false
	}
	// an organism is the infection's agent, not another cause
	// ("osteomyelitis of left second toe due to MSSA")
	if _, cut := withoutOrganism(evidence); cut {
		return false
	}
	return true
}

var gastroparesisRe = regexp.MustCompile(`(?i)\bgastroparesis\b`)

// type2Said reports whether a note (in lower case) calls a diabetes type 2.
func type2Said(lower string) bool {
	return containsAny(lower, "type 2", "type ii", "t2dm", "dm2", "dm ii", "dmii", "niddm", "dm 2", "type-2")
}

// diabetesTypeRe names a diabetes's type (group 1 type 1, group 2 type
// 2).
var diabetesTypeRe = regexp.MustCompile(`(?i)\b(type\s*(?:1|i)\b|t1dm?\b|dm\s*(?:1|i)\b|iddm\b)|\b(type\s*(?:2|ii)\b|t2dm?\b|dm\s*(?:2|ii)\b|niddm\b|type-2\b)`)

// notThisTypeRe follows a type the note sets aside: "Type 2 DM not a
// consideration", "type 2 ruled out".
var notThisTypeRe = regexp.MustCompile(`(?i)^[^.;\n]{0,20}\b(?:not|ruled out|excluded|unlikely)\b`)

// diabetesTypes reports whether a note calls the patient's diabetes type
// 1 and type 2, leaving out its relatives' (a family history line, a
// sentence about a relative) and the types it sets aside or lists in
// error.
func diabetesTypes(note string) (t1, t2 bool) {
	for _, m := range diabetesTypeRe.FindAllStringSubmatchIndex(note, -1) {
		line := lineOf(note, m[0])
		// (nor a problem list's row entered in error: "Type 2 diabetes
		// mellitus | E11.9 | Inactive | entered in error 2019 - pt is
		// T1DM")
		if familyLineRe.MatchString(line) || relativeLineRe.MatchString(line) || familyRe.MatchString(sentenceAround(note, m[0])) ||
			negatedAt(note, m[0]) || notThisTypeRe.MatchString(note[m[1]:]) || containsAny(strings.ToLower(line), "entered in error", "charted in error", "listed in error", "erroneous") {
			continue
		}
		t1 = t1 || m[2] >= 0
		t2 = t2 || m[4] >= 0
	}
	return t1, t2
}

// diabetesWith codes diabetes with the complications the note documents as
// the combination codes the classification requires (E11.42 for type 2
// diabetes with polyneuropathy, E11.621 with L97.- for a foot ulcer,
// E11.69 with M86.- for osteomyelitis…), in place of diabetes without
// complications.
func diabetesWith(out []Suggestion, x *lookups, opt Options) []Suggestion {
	// (an other specified diabetes, E13, links as the types do:
	// "postpancreatectomy diabetes … with recurrent hypoglycemia" is
	// E13.649)
	dm := firstWithPrefix(out, "E11", "E10", "E13")
	if dm < 0 {
		return out
	}
	// "DKA, new-onset diabetes - type 1 presumed", where only the family
	// history (a grandmother's type 2 DM) and a denial ("Type 2 DM not a
	// consideration") say type 2: the patient's diabetes is type 1
	// (only a note that says type 1 somewhere: the scan reads the note)
	if firstWithPrefix(out, "E11") >= 0 && containsAny(opt.lower, "type 1", "type i ", "type i,", "type-1", "t1d", "dm1", "dm 1", "iddm") {
		if t1, t2 := diabetesTypes(opt.note); t1 && !t2 {
			for i := range out {
				if strings.HasPrefix(out[i].Code, "E11") {
					recode(&out[i], "E10"+out[i].Code[3:], "diabetes of the note's type", x, opt)
				}
			}
		}
	}
	cat := out[dm].Code[:3]
	// "DKA" reads as diabetes of any cause with ketoacidosis: beside the
	// same complication of the note's type (E10.10), E08.10 (diabetes due
	// to an underlying condition) goes, and so does the other type's
	// (E11.10, the default for a diabetes of unstated type) where its
	// evidence names no type ("lipase elevation seen in DKA")
	for i := 0; i < len(out); i++ {
		s := out[i]
		untyped := (strings.HasPrefix(s.Code, "E10") || strings.HasPrefix(s.Code, "E11")) && s.Code[:3] != cat && !diabetesTypeRe.MatchString(s.Evidence)
		if !untyped && (!strings.HasPrefix(s.Code, "E08") || containsAny(strings.ToLower(s.Evidence), "due to", "secondary", "induced")) {
			continue
		}
		if containsCode(out, cat+s.Code[3:]) {
			out = append(out[:i], out[i+1:]...)
			if i < dm {
				dm--
			}
			i--
			continue
		}
		if untyped {
			continue
		}
		// "diabetic foot ulcer" in a type 2 diabetic is E11.621
		recode(&out[i], cat+s.Code[3:], "diabetes of the note's type", x, opt)
	}
	// "Diabetic gastroparesis" in a type 1 diabetic: the index's default
	// (type 2, E11.43) takes the note's type, E10.43, when the note never
	// calls the diabetes type 2
	if firstWithPrefix(out, "E10") >= 0 && !type2Said(opt.lower) {
		for i := 0; i < len(out); i++ {
			s := out[i]
			if !strings.HasPrefix(s.Code, "E11") || causeElsewhere(s.Evidence) {
				continue
			}
			// (a type 1 diabetic's diabetes "without complications" is the
			// E10 code already there)
			if containsCode(out, "E10"+s.Code[3:]) || s.Code == "E11.9" {
				out = append(out[:i], out[i+1:]...)
				i--
				continue
			}
			recode(&out[i], "E10"+s.Code[3:], "diabetes of the note's type", x, opt)
		}
		// (what was removed may have been the first diabetes code)
		if dm = firstWithPrefix(out, "E11", "E10"); dm < 0 {
			return out
		}
		cat = out[dm].Code[:3]
	}
	// "Diabetic gastroparesis": the autonomic neuropathy (E1x.43) and the
	// gastroparesis itself, K31.84, which its entry says to add
	for _, s := range out {
		if strings.HasSuffix(s.Code, ".43") && strings.HasPrefix(s.Code, "E1") && strings.Contains(opt.lower, "gastroparesis") && affirmedIn(opt.note, gastroparesisRe) {
			out = addBeside(out, s, "K31.84", "diabetic gastroparesis", x, opt)
			break
		}
	}
	// "Diabetic ketoacidosis, type 1 DM": the type's code without
	// complications goes once a complication is coded in its category
	if i9 := slices.IndexFunc(out, func(o Suggestion) bool { return o.Code == cat+".9" }); i9 >= 0 && slices.ContainsFunc(out, func(o Suggestion) bool {
		return strings.HasPrefix(o.Code, cat+".") && o.Code != cat+".9" && o.Code != cat+".A"
	}) {
		out = append(out[:i9], out[i9+1:]...)
		if dm = firstWithPrefix(out, cat); dm < 0 {
			return out
		}
	}
	var add []Suggestion
	drop := map[int]bool{}
	for i, s := range out {
		if i == dm || causeElsewhere(s.Evidence) {
			continue
		}
		for _, l := range diabetesLinks {
			if !strings.HasPrefix(s.Code, l.prefix) {
				continue
			}
			code := cat + l.combo
			if l.prefix == "E15" && comaSaidRe.MatchString(s.Evidence) {
				code = cat + ".641"
			}
			if containsCode(out, code) || containsCode(add, code) {
				if !l.keep {
					drop[i] = true
				}
				break
			}
			r, ok := x.Code(codeset.ICD10CM, code, opt.Date)
			if !ok || !r.Billable {
				break
			}
			add = append(add, Suggestion{System: codeset.ICD10CM, Code: code, Title: r.Title, Confidence: min(s.Confidence, out[dm].Confidence),
				Start: s.Start, End: s.End, Evidence: s.Evidence, Section: s.Section, Rule: "diabetes with " + strings.ToLower(s.Title)})
			if !l.keep {
				drop[i] = true
			}
			break
		}
	}
	if len(add) == 0 && len(drop) == 0 {
		return out
	}
	// The combination takes the place of diabetes without (or with
	// unspecified) complications.
	if len(add) > 0 && (out[dm].Code == cat+".9" || out[dm].Code == cat+".8") {
		add[0].Principal = out[dm].Principal
		out[dm] = add[0]
		add = add[1:]
	}
	kept := out[:0]
	for i, s := range out {
		if !drop[i] {
			kept = append(kept, s)
		}
	}
	return append(kept, add...)
}

// diabetes reports whether code is a diabetes mellitus code (E08–E13).
func diabetes(code string) bool {
	return len(code) >= 3 && code[0] == 'E' && code[1:3] >= "08" && code[1:3] <= "13"
}

// diabetesComplication reports whether a diabetes code names a
// complication: not ".9" (without complications) nor ".8" (unspecified).
func diabetesComplication(code string) bool {
	return diabetes(code) && len(code) > 4 && code[3:] != ".9" && code[3:] != ".8"
}
