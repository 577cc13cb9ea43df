package cac

import "strings"

// bleedingSymptoms are the codes of gastrointestinal bleeding as a sign:
// hematemesis, melena, hemorrhage unspecified.
var bleedingSymptoms = map[string]bool{"K92.0": true, "K92.1": true, "K92.2": true}

// withBleeding returns the code of a digestive condition with its bleeding
// (a combination code), or "" when the classification has none for it:
// peptic ulcers (K25–K28), gastritis and duodenitis (K29), diverticular
// disease (K57), esophageal varices (I85), angiodysplasia (K55.2, K31.81),
// esophagitis and reflux with esophagitis (K20, K21.0).
func withBleeding(code string) string {
	if len(code) < 5 {
		return ""
	}
	cat, sub := code[:3], code[4:]
	switch {
	case cat >= "K25" && cat <= "K28" && len(sub) == 1:
		// .3 acute → .0; .7 chronic and .9 unspecified → .4 (chronic or
		// unspecified with hemorrhage); .1 → .2 and .5 → .6 (perforation
		// with hemorrhage).
		if to, ok := map[string]string{"3": "0", "7": "4", "9": "4", "1": "2", "5": "6"}[sub]; ok {
			return cat + "." + to
		}
	case cat == "K29" && len(sub) == 2 && sub[1] == '0':
		return cat + "." + sub[:1] + "1"
	case cat == "K57" && len(sub) == 2 && (sub[1] == '0' || sub[1] == '2'):
		return cat + "." + sub[:1] + string(sub[1]+1)
	case cat == "I85" && (sub == "00" || sub == "10"):
		return cat + "." + sub[:1] + "1"
	case code == "K55.20":
		return "K55.21"
	case code == "K31.819":
		return "K31.811"
	case code == "K20.90" || code == "K20.80" || code == "K20.00":
		return code[:5] + "1"
	case code == "K21.00":
		return "K21.01"
	}
	return ""
}

// combineBleeding codes a digestive condition and the bleeding the note
// reports with it as the one combination code, and drops the bleeding
// sign: "duodenal ulcer" with "upper GI bleed" is K26.4, not K26.9 with
// K92.2 (signs integral to a diagnosis are not coded, Official Guidelines
// I.B.5). A bleeding sign beside a condition already coded with its
// hemorrhage is dropped too.
func combineBleeding(out []Suggestion, x *lookups, opt Options) []Suggestion {
	sign := -1
	for i, s := range out {
		if bleedingSymptoms[s.Code] {
			sign = i
			break
		}
	}
	if sign < 0 {
		return out
	}
	combined := false
	for i, s := range out {
		// ("Alcoholic gastritis without bleeding" beside the tear that
		// bled: its own words deny it the bleeding)
		if i == sign || containsAny(strings.ToLower(lineOf(opt.note, s.Start)), "without bleeding", "without hemorrhage", "no bleeding", "non-bleeding", "nonbleeding", "w/o bleeding") {
			continue
		}
		if to := withBleeding(s.Code); to != "" {
			if recode(&out[i], to, "condition with its bleeding", x, opt) {
				out[i].Principal = out[i].Principal || out[sign].Principal
				combined = true
				break
			}
		}
		if t := strings.ToLower(s.Title); (s.Code[0] == 'K' || s.Code[0] == 'I' && strings.HasPrefix(s.Code, "I85")) &&
			(strings.Contains(t, "with hemorrhage") || strings.Contains(t, "with bleeding") || strings.Contains(t, "laceration-hemorrhage")) {
			out[i].Principal = out[i].Principal || out[sign].Principal
			combined = true
			break
		}
	}
	if !combined {
		return out
	}
	return append(out[:sign], out[sign+1:]...)
}
