package cac

import "strings"

// padSites are the sites of an ulcer of the leg, as the fourth character
// of I70.23-/I70.24- and the fifth of L97 name them.
var padSites = []struct {
	words []string
	site  byte
}{
	{[]string{"heel", "midfoot", "calcane"}, '4'}, {[]string{"ankle", "malleol"}, '3'}, {[]string{"calf"}, '2'}, {[]string{"thigh"}, '1'},
	{[]string{"toe", "forefoot", "foot", "metatarsal", "hallux"}, '5'}, {[]string{"shin", "lower leg"}, '8'},
}

// padSite reads the site of a leg's ulcer from a (lower-case) text, as
// padSites name it: '9' when it names none.
func padSite(l string) byte {
	for _, p := range padSites {
		if containsAny(l, p.words...) {
			return p.site
		}
	}
	return '9'
}

// limbSide reads the side a clause names: '1' right, '2' left, '3' both,
// '9' none.
func limbSide(clause string) byte {
	l := strings.ToLower(sides(clause))
	r, lf := strings.Contains(l, "right"), strings.Contains(l, "left")
	switch {
	case strings.Contains(l, "bilateral") || r && lf:
		return '3'
	case r:
		return '1'
	case lf:
		return '2'
	}
	return '9'
}

// oneSide reads the one side a text names for a code whose side character
// has no "both": '1' right, '2' left, else '9'.
func oneSide(text string) byte {
	if s := limbSide(text); s != '3' {
		return s
	}
	return '9'
}

// padClause codes one clause of peripheral atherosclerosis of a native
// leg artery by its worst stage (Official Guidelines: the codes are
// hierarchical — ulceration includes rest pain and claudication): with
// gangrene I70.26-, ulceration I70.23- (right) or I70.24- (left) by site,
// rest pain I70.22-, claudication I70.21-; side as the clause names it.
func padClause(clause string, fallback byte) (code, ulcerSite string, side byte) {
	// (what the clause denies is no stage: "No rest pain or tissue
	// loss", "w/o gangrene")
	l := strings.ToLower(negatedSpanRe.ReplaceAllString(clause, " "))
	side = limbSide(clause)
	if side == '9' {
		side = fallback
	}
	switch {
	case strings.Contains(l, "gangren"):
		return "I70.26" + string(side), "", side
	case strings.Contains(l, "ulcer"):
		site := padSite(l)
		switch side {
		case '1':
			return "I70.23" + string(site), string(site), side
		case '2':
			return "I70.24" + string(site), string(site), side
		}
		return "", "", side
	case strings.Contains(l, "rest pain"):
		return "I70.22" + string(side), "", side
	case strings.Contains(l, "claudication"):
		return "I70.21" + string(side), "", side
	}
	return "", "", side
}

// padClauses splits a line into its clauses: at semicolons and at the
// end of each sentence ("… right leg with intermittent claudication. The
// left leg has normal perfusion." names no stage of the left leg). A
// clause that names no side has the side of the clause before it.
func padClauses(line string) []string {
	var out []string
	for _, part := range strings.Split(line, ";") {
		start := 0
		for i := 0; i+2 < len(part); i++ {
			if part[i] == '.' && part[i+1] == ' ' && part[i+2] >= 'A' && part[i+2] <= 'Z' {
				out = append(out, part[start:i+1])
				start = i + 2
			}
		}
		out = append(out, part[start:])
	}
	return out
}

// padAxes gives peripheral atherosclerosis of the legs (I70.2-) the
// stage, site and side each clause of its line names, with the ulcer's
// site and depth beside an ulceration (L97.-), and the other leg's stage
// when the line names it too: "…right lower extremity with rest pain and
// non-healing ulcer of the right heel (fat layer exposed); left calf
// intermittent claudication" is I70.234 + L97.412 + I70.212.
func padAxes(out []Suggestion, note string, x *lookups, opt Options) []Suggestion {
	i := firstWithPrefix(out, "I70.2")
	if i < 0 {
		return out
	}
	s := out[i]
	line := lineOf(note, s.Start)
	first := true
	said := byte('9') // the side an earlier clause named
	for _, clause := range padClauses(line) {
		code, site, side := padClause(clause, said)
		if s := limbSide(clause); s != '9' {
			said = s
		}
		if code == "" {
			continue
		}
		if first {
			recode(&out[i], code, "peripheral atherosclerosis: stage, site and side", x, opt)
			first = false
		} else if !containsCode(out, code) {
			out = addBeside(out, s, code, "peripheral atherosclerosis of the other leg", x, opt)
		}
		if site != "" && firstWithPrefix(out, "L97."+site) < 0 {
			out = addBeside(out, s, "L97."+site+string(side)+string(ulcerDepth(strings.ToLower(clause))), "site and depth of an ischaemic ulcer", x, opt)
		}
	}
	return out
}
