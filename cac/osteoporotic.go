package cac

import (
	"strings"

	"github.com/chartroom/chartroom/codeset"
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
func osteoporoticFractures(out []Suggestion, note string, x *codeset.Searcher, opt Options) []Suggestion {
	if !containsAny(opt.lower, "osteoporo", "fragility") {
		return out
	}
	changed := false
	for i, s := range out {
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
		if recode(&out[i], code, "osteoporotic fracture", x, opt) {
			changed = true
		}
	}
	if !changed {
		return out
	}
	for i, s := range out {
		if s.Code == "M81.0" {
			return append(out[:i], out[i+1:]...)
		}
	}
	return out
}
