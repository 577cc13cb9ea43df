package cac

import (
	"regexp"
	"slices"
	"strings"

	"github.com/chartroom/chartroom/codeset"
)

// biliaryCalculi codes stones in both the gallbladder and the bile duct as
// the one combination code the classification gives them (K80.6-, K80.7-),
// not a gallbladder code beside a duct code: "Choledocholithiasis with
// common bile duct obstruction" with "Cholelithiasis with chronic
// cholecystitis" is K80.65. The cholecystitis is the gallbladder code's
// (or the duct code's, K80.4-), the obstruction either's; a duct stone
// with cholangitis (K80.3-) has no combination and stays as it is.
func biliaryCalculi(out []Suggestion, x *lookups, opt Options) []Suggestion {
	gb := firstWithPrefix(out, "K80.0", "K80.1", "K80.2")
	duct := firstWithPrefix(out, "K80.4", "K80.5")
	if gb < 0 || duct < 0 || len(out[gb].Code) < 6 || len(out[duct].Code) < 6 {
		return out
	}
	g, d := out[gb].Code, out[duct].Code
	obstructed := (g[5]-'0')%2 == 1 || (d[5]-'0')%2 == 1
	var code string
	switch {
	case strings.HasPrefix(g, "K80.0"):
		code = "K80.62" // acute cholecystitis
	case g == "K80.10" || g == "K80.11":
		code = "K80.64" // chronic
	case g == "K80.12" || g == "K80.13":
		code = "K80.66" // acute and chronic
	case strings.HasPrefix(g, "K80.1"):
		code = "K80.60" // other cholecystitis
	case strings.HasPrefix(d, "K80.4"):
		// the gallbladder without cholecystitis, the duct with it: the
		// duct code's cholecystitis (K80.42/43 acute, 44/45 chronic,
		// 46/47 both, 40/41 unspecified)
		code = "K80.6" + string(rune(d[5]-(d[5]-'0')%2))
	default:
		code = "K80.70" // no cholecystitis
	}
	if obstructed {
		code = code[:5] + string(rune(code[5]+1))
	}
	if !recode(&out[gb], code, "calculus of gallbladder and bile duct", x, opt) {
		return out
	}
	return slices.Delete(out, duct, duct+1)
}

// ductCholangitisRe is a cholangitis, with its acuity (group 1): "acute
// ascending cholangitis", "chronic cholangitis" (not a primary biliary or
// sclerosing cholangitis, diseases of their own).
var ductCholangitisRe = regexp.MustCompile(`(?i)\b(?:(acute|chronic)\s+)?(?:ascending\s+|suppurative\s+|obstructive\s+)?cholangitis\b`)

// ductStoneCholangitis codes a bile duct stone (K80.5-) in a note that
// affirms a cholangitis as the stone with it (K80.3-, by the acuity, the
// obstruction kept), in place of a cholangitis code of its own: "sepsis
// due to acute ascending cholangitis from an obstructing distal common
// bile duct stone" is K80.33.
func ductStoneCholangitis(out []Suggestion, note string, x *lookups, opt Options) []Suggestion {
	i := firstWithPrefix(out, "K80.5")
	if i < 0 || len(out[i].Code) < 6 || !strings.Contains(opt.lower, "cholangitis") {
		return out
	}
	for _, m := range ductCholangitisRe.FindAllStringSubmatchIndex(note, -1) {
		before := strings.ToLower(note[max(0, m[0]-24):m[0]])
		// (nor a risk weighed, "risks (post-ERCP pancreatitis, bleeding,
		// cholangitis …)", nor one absent, "in absence of cholangitis")
		sentence := strings.ToLower(sentenceAround(note, m[0]))
		if negatedAt(note, m[0]) || containsAny(before, "primary biliary", "sclerosing", "no ", "without ", "absence of") ||
			containsAny(sentence, "risk", "prevent", "signs of", "concern for", "rule out", "r/o", "watch for", "monitor for", "if ") {
			continue
		}
		kind := byte('0') // unspecified acuity
		switch a := strings.ToLower(note[max(m[2], 0):max(m[3], 0)]); a {
		case "acute":
			kind = '2'
		case "chronic":
			kind = '4'
		}
		code := "K80.3" + string(rune(kind+(out[i].Code[5]-'0')%2))
		if !recode(&out[i], code, "bile duct stone with cholangitis", x, opt) {
			return out
		}
		return slices.DeleteFunc(out, func(s Suggestion) bool { return strings.HasPrefix(s.Code, "K83.0") })
	}
	return out
}

// obstructionSaidAfter gives a code "without obstruction" its sibling
// "with obstruction" when the rest of its clause says the condition
// obstructs: "choledocholithiasis - 9 mm stone in the distal CBD causing
// biliary obstruction" is K80.51, not K80.50.
func obstructionSaidAfter(out []Suggestion, x *lookups, opt Options) {
	for i := range out {
		s := &out[i]
		t := s.Title
		if !strings.HasSuffix(t, " without obstruction") || s.End > len(opt.note) {
			continue
		}
		rest := strings.ToLower(opt.note[s.End:clauseEnd(opt.note, s.End)])
		said := false
		for _, m := range withoutSaid["obstruction"].FindAllStringIndex(rest, -1) {
			// (no denial before it in the clause: "without cystic duct
			// or common bile duct obstruction")
			if !clauseDenialRe.MatchString(rest[:m[0]]) {
				said = true
				break
			}
		}
		if !said {
			continue
		}
		want := strings.TrimSuffix(t, " without obstruction") + " with obstruction"
		for _, r := range x.Search(want, codeset.SearchOptions{Systems: []codeset.System{codeset.ICD10CM}, Date: opt.Date, Limit: 3, Phrase: 2}) {
			if r.Billable && strings.EqualFold(r.Title, want) && r.Code[:3] == s.Code[:3] {
				recode(s, r.Code, "obstruction said after", x, opt)
				break
			}
		}
	}
}

// clauseDenialRe is a denial in a clause's words.
var clauseDenialRe = regexp.MustCompile(`\b(?:no|not|non|without|w/o|negative|denies|free of|rather than|ruled out)\b`)
