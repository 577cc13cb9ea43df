package codeset

import "strings"

// A debridement is coded to the deepest tissue it removes: "excisional
// debridement of the left heel ulcer to bone" is Excision of Left Tarsal
// (0QBM0ZZ), and "… abdominal wall wound to fascia" is Excision of Abdomen
// Subcutaneous Tissue and Fascia (0JB80ZZ). Coders name the wound's site
// by where it is on the body (heel, sacrum, shin); the PCS titles name the
// bone or the tissue layer beneath it. debridementDepth rewrites the site
// words of a debridement query into the body part its depth reaches.

// boneOfSite names the PCS bone beneath a wound's site.
var boneOfSite = map[string]string{
	"heel": "tarsal", "calcaneus": "tarsal", "calcaneal": "tarsal",
	"foot": "tarsal", "midfoot": "tarsal", "plantar": "tarsal",
	"forefoot": "metatarsal", "metatarsal": "metatarsal",
	"toe": "toe phalanx", "toes": "toe phalanx", "hallux": "toe phalanx",
	"sacral": "sacrum", "sacrum": "sacrum", "coccyx": "coccyx", "coccygeal": "coccyx",
	"ischial": "pelvic bone", "ischium": "pelvic bone", "hip": "pelvic bone", "pelvic": "pelvic bone",
	"trochanteric": "upper femur", "trochanter": "upper femur",
	"shin": "tibia", "pretibial": "tibia", "tibial": "tibia", "leg": "tibia",
	"thigh":  "femoral shaft",
	"finger": "finger phalanx", "hand": "metacarpal",
	"scalp": "skull", "skull": "skull",
	"sternal": "sternum", "sternum": "sternum",
}

// softOfSite names the PCS soft-tissue region of a wound's site, where it
// differs from the site's own word.
var softOfSite = map[string]string{
	"heel": "foot", "plantar": "foot", "toe": "foot", "toes": "foot",
	"shin": "lower leg", "pretibial": "lower leg", "calf": "lower leg",
	"thigh": "upper leg", "abdominal": "abdomen",
}

// debridementDepth returns the words of a debridement query with its site
// written as the body part its depth reaches, or words unchanged when the
// query is no debridement or names no depth.
func debridementDepth(words []string) []string {
	debride, depth := false, ""
	for _, w := range words {
		lw := strings.ToLower(w)
		switch {
		case strings.HasPrefix(lw, "debrid"):
			debride = true
		case lw == "bone" || lw == "bones" || lw == "osseous":
			depth = "bone"
		case depth == "" && (lw == "muscle" || lw == "muscles"):
			depth = "muscle"
		case depth == "" && (lw == "fascia" || lw == "subcutaneous" || lw == "subq" || lw == "subcut"):
			depth = "soft"
		}
	}
	if !debride || depth == "" {
		return words
	}
	out := make([]string, 0, len(words))
	for i := 0; i < len(words); i++ {
		lw := strings.Trim(strings.ToLower(words[i]), ",.;:")
		switch depth {
		case "bone":
			if b, ok := boneOfSite[lw]; ok {
				out = append(out, b)
				continue
			}
			if lw == "bone" || lw == "bones" || lw == "osseous" {
				continue // the bone is named
			}
		case "muscle", "soft":
			if s, ok := softOfSite[lw]; ok {
				out = append(out, s)
				if lw == "abdominal" && i+1 < len(words) && strings.EqualFold(words[i+1], "wall") {
					i++
				}
				continue
			}
		}
		out = append(out, words[i])
	}
	return out
}
