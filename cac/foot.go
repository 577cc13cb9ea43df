package cac

import (
	"regexp"
	"slices"
	"strings"
)

// footPartRe is a part of the foot named finer than the classification's
// "ankle and foot" site: a toe, a metatarsal, a phalanx, the heel.
var footPartRe = regexp.MustCompile(`(?i)\b(?:(?:1st|2nd|3rd|4th|5th|first|second|third|fourth|fifth|great|big|little)\s+)?(?:toe|hallux|metatarsal|phalanx|phalanges|mtp|calcaneus|calcaneal|heel|midfoot|forefoot|tarsal|cuboid|navicular|cuneiform)s?\b(?:\s+(?:head|base|shaft|joint|bone)s?)?(?:\s+and\s+(?:(?:proximal|middle|distal)\s+)?(?:phalanx|phalanges|metatarsal|toe)s?)?`)

// footOsteomyelitis reads an osteomyelitis of a toe, metatarsal or heel as
// one of the foot, the site its codes name (M86.-7-): "Acute osteomyelitis
// R 2nd metatarsal head and proximal phalanx" is looked up as "Acute
// osteomyelitis R foot". An ulcer of the forefoot or a toe is read the
// same way.
func footOsteomyelitis(text string) string {
	if !footWordRe.MatchString(text) {
		return text
	}
	l := strings.ToLower(text)
	if strings.Contains(l, "healing") && strings.Contains(l, "ulcer") {
		// (every chronic ulcer is one that does not heal: "a chronic
		// non-healing plantar ulcer" is a chronic ulcer)
		text = strings.Join(strings.Fields(nonHealingRe.ReplaceAllString(text, " ")), " ")
		l = strings.ToLower(text)
	}
	if strings.Contains(l, "ulcer") && ulcerDepthRe.MatchString(text) {
		// (the depth is the code's last character, which ulcerDepthOf
		// reads from the line: "… ulcer of the left great toe with
		// exposed bone" is looked up as the ulcer of the foot)
		text = strings.TrimRight(strings.Join(strings.Fields(depthClauseRe.ReplaceAllString(text, " ")), " "), " ,;")
		l = strings.ToLower(text)
	}
	switch {
	case strings.Contains(l, "osteomyelitis"):
		return footPartRe.ReplaceAllString(text, "foot")
	case strings.Contains(l, "ulcer") && !containsAny(l, "heel", "midfoot", "calcane"):
		// a foot ulcer's codes name the foot, or the heel and midfoot
		// (L97.4-): "R plantar forefoot ulcer" is a foot ulcer
		return strings.Join(strings.Fields(footSurfaceRe.ReplaceAllString(footPartRe.ReplaceAllString(text, "foot"), " ")), " ")
	}
	return text
}

// footWordRe says a lookup speaks of an osteomyelitis or an ulcer, the
// only texts footOsteomyelitis rewrites (the test runs on every lookup).
var footWordRe = guard(`(?i)osteomyelitis|ulcer`, "osteomyelitis", "ulcer")

// nonHealingRe is an ulcer's "non-healing", which no code's words say.
var nonHealingRe = regexp.MustCompile(`(?i)\bnon-?\s?healing\b`)

// footSurfaceRe is the surface of the foot an ulcer is on, which no code
// names.
var footSurfaceRe = regexp.MustCompile(`(?i)\b(?:plantar|dorsal|dorsum of the|medial|lateral)\b`)

// ulcerDepthRe reads how deep a non-pressure ulcer goes, as the last
// character of its L97 code: 1 skin, 2 fat, 3 muscle, 4 bone.
var ulcerDepthRe = regexp.MustCompile(`(?i)\b(necrosis of bone|bone (?:exposed|involvement|necrosis)|(?:exposed|necrotic) bone|probes? to bone|to (?:the )?bone|necrosis of muscle|muscle (?:exposed|involvement|necrosis)|(?:exposed|necrotic) muscle|fat (?:layer )?exposed|subcutaneous|breakdown of skin|skin breakdown|superficial)\b`)

// diabeticUlcerSite codes the site and depth of a diabetic foot ulcer
// beside its combination code (E11.621 "use additional code to identify
// site of ulcer (L97.4-, L97.5-)") when the note's lookups found none:
// the heel and midfoot are L97.4-, the rest of the foot L97.5-, with the
// side and the depth its line states.
func diabeticUlcerSite(out []Suggestion, note string, x *lookups, opt Options) []Suggestion {
	i := firstWithPrefix(out, "E11.621", "E10.621", "E13.621", "E08.621", "E09.621")
	if i < 0 || firstWithPrefix(out, "L97.4", "L97.5") >= 0 {
		return out
	}
	s := out[i]
	line := lineOf(note, s.Start)
	l := strings.ToLower(line)
	site := "5"
	if containsAny(l, "heel", "midfoot", "calcane") {
		site = "4"
	}
	return addBeside(out, s, "L97."+site+string(oneSide(line))+string(ulcerDepth(l)), "site and depth of a diabetic ulcer", x, opt)
}

// venousUlcerSite codes the site, side and depth of the ulcer of a
// postthrombotic syndrome or chronic venous hypertension with ulcer
// (I87.01-, I87.03-, I87.31-, I87.33-: "use additional code to specify
// site of ulcer (L97.-)") from its line, when no L97 code is there:
// "Post-thrombotic syndrome of the right lower extremity with a venous
// ulcer of the right medial ankle, fat layer exposed" is I87.011 +
// L97.312. The site is read after the word "ulcer".
func venousUlcerSite(out []Suggestion, note string, x *lookups, opt Options) []Suggestion {
	i := firstWithPrefix(out, "I87.01", "I87.03", "I87.31", "I87.33")
	if i < 0 || firstWithPrefix(out, "L97.") >= 0 {
		return out
	}
	s := out[i]
	line := lineOf(note, s.Start)
	l := strings.ToLower(line)
	k := strings.Index(l, "ulcer")
	if k < 0 {
		return out
	}
	site := padSite(l[k:])
	side := oneSide(line)
	if side == '9' {
		side = '0'
	}
	return addBeside(out, s, "L97."+string(site)+string(side)+string(ulcerDepth(l[k:])), "site and depth of a venous ulcer", x, opt)
}

// ulcerDepth returns the last character of an L97 code for the depth a
// (lower-case) text gives an ulcer: 4 bone, 3 muscle, 2 fat, 1 skin, 9
// unstated.
func ulcerDepth(l string) byte {
	m := ulcerDepthRe.FindString(l)
	switch {
	case m == "":
		return '9'
	case strings.Contains(m, "bone"):
		return '4'
	case strings.Contains(m, "muscle"):
		return '3'
	case strings.Contains(m, "fat") || strings.Contains(m, "subcutaneous"):
		return '2'
	}
	return '1'
}

// depthClauseRe is an ulcer's depth as a clause of its own: ", with
// exposed bone", "(fat layer exposed)".
var depthClauseRe = regexp.MustCompile(`(?i)(?:,\s*|\s+)(?:with\s+|\(\s*)?` + ulcerDepthRe.String()[4:] + `\)?`)

// ulcerDepthOf gives a non-pressure chronic ulcer of the leg or foot the
// site, side and depth its line states where its code leaves them
// unspecified (or "other specified"): "chronic ulcer of the left great toe
// with exposed bone" is L97.524, "Right heel ulcer with fat layer
// exposed" L97.412, not the index's L97.909 for a heel ulcer.
func ulcerDepthOf(out []Suggestion, note string, x *lookups, opt Options) {
	for i, s := range out {
		if len(s.Code) != 7 || !strings.HasPrefix(s.Code, "L97.") {
			continue
		}
		line := lineOf(note, s.Start)
		l := strings.ToLower(line)
		code := []byte(s.Code)
		if code[4] == '9' {
			code[4] = padSite(l)
		}
		if sd := oneSide(line); code[5] == '0' && sd != '9' {
			code[5] = sd
		}
		if code[6] == '9' || code[6] == '8' {
			if d := ulcerDepth(l); d != '9' {
				code[6] = d
			}
		}
		if c := string(code); c != s.Code {
			recode(&out[i], c, "site, side and depth of a chronic ulcer", x, opt)
		}
	}
	// (a diabetes linked to the ulcer before its site was known: a foot
	// ulcer's is "with foot ulcer", .621, not "with other skin ulcer")
	for i, s := range out {
		if !strings.HasPrefix(s.Code, "E") || !strings.HasSuffix(s.Code, ".622") {
			continue
		}
		if slices.ContainsFunc(out, func(u Suggestion) bool { return hasAnyPrefix(u.Code, "L97.4", "L97.5") && u.Start == s.Start }) {
			recode(&out[i], s.Code[:4]+"621", "diabetes with foot ulcer", x, opt)
		}
	}
}

// ulcerDepthNotCondition drops an osteonecrosis read from an ulcer's depth
// ("foot ulcer … with necrosis of bone" is L97.-14, not also M87.9).
func ulcerDepthNotCondition(out []Suggestion, note string) []Suggestion {
	if firstWithPrefix(out, "L97", "L98.4", "L89") < 0 {
		return out
	}
	kept := out[:0]
	for _, s := range out {
		if l := strings.ToLower(s.Evidence); strings.HasPrefix(s.Code, "M87") && (strings.Contains(l, "necrosis of bone") || strings.Contains(l, "bone necrosis")) &&
			strings.Contains(strings.ToLower(lineOf(note, s.Start)), "ulcer") {
			continue
		}
		kept = append(kept, s)
	}
	return kept
}

// peripheralNeuropathy codes a diabetic peripheral neuropathy as diabetic
// polyneuropathy (E11.42), the code coders assign for it, not the
// unspecified diabetic neuropathy (E11.40), whether the neuropathy's own
// line says so or another line names the diabetes with it ("HTN. T2DM w/
// neuropathy" in the history, "61M T2DM with peripheral neuropathy, …"
// in the impression).
func peripheralNeuropathy(out []Suggestion, note string, x *lookups, opt Options) {
	for i, s := range out {
		if !diabetes(s.Code) || !strings.HasSuffix(s.Code, ".40") {
			continue
		}
		if l := strings.ToLower(lineOf(note, s.Start)); containsAny(l, polyneuropathyWords...) || diabeticPolyneuropathy(note, opt.lower) {
			recode(&out[i], s.Code[:4]+"42", "diabetes with polyneuropathy", x, opt)
		}
	}
}

var polyneuropathyWords = []string{"peripheral neuropathy", "polyneuropathy", "peripheral polyneuropathy", "sensory neuropathy"}

// diabeticPolyneuropathy reports whether a line of note (lower, in lower
// case) names a diabetes
// with a peripheral neuropathy the line does not deny, the patient's,
// not a relative's.
func diabeticPolyneuropathy(note, lower string) bool {
	start := 0
	for line := range strings.Lines(lower) {
		if containsAny(line, "diabet", "t2dm", "t1dm", "dm2", "dm1", "dm ", "dmii", "iddm") && !familyRe.MatchString(line) {
			for _, w := range polyneuropathyWords {
				if j := strings.Index(line, w); j >= 0 && !negatedAt(note, start+j) {
					return true
				}
			}
		}
		start += len(line)
	}
	return false
}

// dropUnspecifiedNeuropathy drops a diabetic neuropathy left unspecified
// (E11.40, often from the history) beside the polyneuropathy the note
// specifies (E11.42).
func dropUnspecifiedNeuropathy(out []Suggestion) []Suggestion {
	return slices.DeleteFunc(out, func(s Suggestion) bool {
		return diabetes(s.Code) && strings.HasSuffix(s.Code, ".40") && containsCode(out, s.Code[:4]+"42")
	})
}
