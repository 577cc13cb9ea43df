package cac

import (
	"slices"
	"strings"
)

// osteoporoticSite maps a fracture category (and subcategory) to the site
// character of M80.0- (age-related osteoporosis with current pathological
// fracture).
func osteoporoticSite(code string) string {
	switch {
	case strings.HasPrefix(code, "S42.0"), strings.HasPrefix(code, "S42.1"), strings.HasPrefix(code, "S42.2"):
		return "1" // shoulder
	case strings.HasPrefix(code, "S42"):
		return "2" // humerus
	case strings.HasPrefix(code, "S52"):
		return "3" // forearm
	case strings.HasPrefix(code, "S62"):
		return "4" // hand
	case strings.HasPrefix(code, "S72"):
		return "5" // femur
	case strings.HasPrefix(code, "S82.5"), strings.HasPrefix(code, "S82.6"), strings.HasPrefix(code, "S82.8"), strings.HasPrefix(code, "S92"):
		return "7" // ankle and foot
	case strings.HasPrefix(code, "S82"):
		return "6" // lower leg
	case strings.HasPrefix(code, "S12"), strings.HasPrefix(code, "S22.0"), strings.HasPrefix(code, "S32.0"):
		return "8" // vertebra
	}
	return ""
}

// osteoporoticFractures codes a fracture the note calls osteoporotic or a
// fragility fracture as M80.0- (Official Guidelines I.C.13.d.1: a
// fracture in a bone weakened by osteoporosis, even after a minor fall,
// is coded to M80, not to the injury chapter), with its site, side and
// encounter; M81.0 (osteoporosis without fracture) then goes.
func osteoporoticFractures(out []Suggestion, note string, x *lookups, opt Options) []Suggestion {
	if !containsAny(opt.lower, "osteoporo", "fragility") {
		return out
	}
	for i, s := range out {
		// "Osteoporotic pathological fracture of the left femur": the
		// index's osteoporosis is age-related (M80.0-); the "other"
		// osteoporosis (M80.8-) is one the note names as drug-induced,
		// disuse, idiopathic or after surgery
		if strings.HasPrefix(s.Code, "M80.8") && len(s.Code) == 8 && !containsAny(opt.lower, "drug-induced", "steroid-induced", "glucocorticoid-induced",
			"induced osteoporosis", "disuse", "idiopathic", "oophorectomy", "postsurgical", "malabsorption") {
			recode(&out[i], "M80.0"+s.Code[5:], "osteoporotic fracture", x, opt)
			s = out[i]
		}
		if strings.HasPrefix(s.Code, "M80.0") && len(s.Code) == 8 {
			// the search's M80.0- for "fragility fracture of left
			// femoral neck" must be of the site the phrase names
			if site, side := siteNamed(s.Evidence); site != "" && (site != s.Code[5:6] || side != "" && site != "8" && side != s.Code[6:7]) {
				if side == "" {
					side = s.Code[6:7]
				}
				code := "M80.0" + site + side + s.Code[7:]
				if site == "8" {
					code = "M80.08X" + s.Code[7:]
				}
				recode(&out[i], code, "osteoporotic fracture", x, opt)
			}
			continue
		}
		// "Pathological fracture of the left femur, intertrochanteric,
		// due to age-related osteoporosis": the search's pathological
		// fracture of no named cause (M84.4-) is the osteoporosis's, at
		// the site and side its words name
		if strings.HasPrefix(s.Code, "M84.4") && len(s.Code) == 8 && containsAny(strings.ToLower(s.Evidence+" "+sentenceAround(note, s.Start)), "osteoporo", "fragility") {
			if site, side := siteNamed(s.Evidence); site != "" {
				if side == "" {
					side = "9"
				}
				code := "M80.0" + site + side + s.Code[7:]
				if site == "8" {
					code = "M80.08X" + s.Code[7:]
				}
				recode(&out[i], code, "osteoporotic fracture", x, opt)
			}
			continue
		}
		if s.Code[0] != 'S' || !strings.Contains(strings.ToLower(s.Title), "fracture") {
			continue
		}
		site := osteoporoticSite(s.Code)
		ctx := strings.ToLower(s.Evidence + " " + sentenceAround(note, s.Start))
		if site == "" || !containsAny(ctx, "osteoporo", "fragility") {
			continue
		}
		t := strings.ToLower(s.Title)
		side := "9"
		switch {
		case strings.Contains(t, "right"):
			side = "1"
		case strings.Contains(t, "left"):
			side = "2"
		}
		code := "M80.0" + site + side + s.Code[len(s.Code)-1:]
		if site == "8" {
			code = "M80.08X" + s.Code[len(s.Code)-1:]
		}
		recode(&out[i], code, "osteoporotic fracture", x, opt)
	}
	out = dropSitelessFragility(out)
	// osteoporosis without a current pathological fracture (M81) is
	// not coded beside one with it (M80; M81 Excludes1 M80)
	if firstWithPrefix(out, "M80") < 0 {
		return out
	}
	k := 0
	for _, s := range out {
		if !strings.HasPrefix(s.Code, "M81") {
			out[k] = s
			k++
		}
	}
	return out[:k]
}

// siteWord is the words that name one site of a code's site axis, by the
// site character.
type siteWord struct{ site, words string }

// siteWords name the bones of M80.0-'s sites, by the site character.
var siteWords = []siteWord{
	{"8", "vertebra vertebral spine spinal compression t1 t2 t3 t4 t5 t6 t7 t8 t9 t10 t11 t12 l1 l2 l3 l4 l5"},
	{"5", "femur femoral hip intertrochanteric subtrochanteric subcapital"},
	{"2", "humerus humeral"},
	{"1", "shoulder clavicle scapula"},
	{"3", "radius radial ulna ulnar forearm wrist colles"},
	{"4", "hand metacarpal"},
	{"7", "ankle foot malleolus malleolar calcaneus metatarsal"},
	{"6", "tibia tibial fibula fibular leg"},
}

// siteNamed returns the M80.0- site character and side character ("1"
// right, "2" left, "" unsaid) a fracture's words name, or "" when they
// name no site or more than one.
func siteNamed(text string) (site, side string) { return sitesNamed(text, siteWords) }

// sitesNamed returns the site character of table and the side character
// ("1" right, "2" left, "" unsaid) text names, or "" when it names no site
// or more than one.
func sitesNamed(text string, table []siteWord) (site, side string) {
	words := strings.FieldsFunc(strings.ToLower(text), func(c rune) bool { return !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9') })
	for _, sw := range table {
		for _, w := range words {
			if containsWord(sw.words, w) {
				if site != "" && site != sw.site {
					return "", ""
				}
				site = sw.site
			}
		}
	}
	for _, w := range words {
		switch w {
		case "right", "r", "rt":
			side = "1"
		case "left", "l", "lt":
			side = "2"
		}
	}
	return site, side
}

func containsWord(list, w string) bool {
	for _, f := range strings.Fields(list) {
		if f == w {
			return true
		}
	}
	return false
}

// dropSitelessFragility leaves out an osteoporotic fracture of no site
// (M80.-0, M80.-A) whose words name none ("fragility fracture") when the
// note codes the fracture it means elsewhere: at its site ("Displaced
// intertrochanteric fracture of the left femur … osteoporotic fragility
// fracture", M80.052A), or as healed ("History of healed osteoporotic
// (fragility) fracture", Z87.310).
func dropSitelessFragility(out []Suggestion) []Suggestion {
	sited, healed := false, firstWithPrefix(out, "Z87.310") >= 0
	for _, s := range out {
		if strings.HasPrefix(s.Code, "M80.") && len(s.Code) == 8 && s.Code[5] != '0' && s.Code[5] != 'A' {
			sited = true
		}
	}
	if !sited && !healed {
		return out
	}
	return slices.DeleteFunc(out, func(s Suggestion) bool {
		if !strings.HasPrefix(s.Code, "M80.") || len(s.Code) != 8 || s.Code[5] != '0' && s.Code[5] != 'A' {
			return false
		}
		site, _ := siteNamed(s.Evidence)
		return site == ""
	})
}
