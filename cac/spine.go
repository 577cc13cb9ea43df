package cac

import (
	"fmt"
	"regexp"
	"strings"
)

// spineLevelRe is a vertebral level or a span of levels as clinicians
// write them: "L4-5", "L5-S1", "C5/C6", "T12".
var spineLevelRe = regexp.MustCompile(`\b([CTLS])(1[0-2]|[1-9])(?:\s*[-/–]\s*([CTLS])?(1[0-2]|[1-9]))?\b`)

// spineWordRe says a text speaks of the spine, so that a lone "T2" or "S1"
// is read as a vertebral level and not a tumour stage or a heart sound.
var spineWordRe = regexp.MustCompile(`(?i)\b(dis[ck]s?|spondyl\w*|stenosis|radicul\w*|vertebra\w*|spine|spinal|foramin\w*|herniat\w*|myelopathy|listhesis|kyphos\w*|scolios\w*|compression fracture|level)\b`)

// spineRegions names the region the classification uses for a level's
// letter, and for a span that crosses from one region to the next.
var spineRegions = map[string]string{
	"C": "cervical", "T": "thoracic", "L": "lumbar", "S": "sacral",
	"CT": "cervicothoracic", "TL": "thoracolumbar", "LS": "lumbosacral",
}

// levelOrdinals name a vertebra's level as the fracture titles do.
var levelOrdinals = [...]string{"", "first", "second", "third", "fourth", "fifth", "sixth", "seventh"}

// spineRegion writes vertebral levels as the region the codes name:
// "Degenerative spondylolisthesis L4-5" is looked up as "Degenerative
// spondylolisthesis lumbar" (M43.16), "disc herniation L5-S1" as
// lumbosacral (M51.27).
//
// suffix follows the region's name: itemSpecific, which takes a sibling
// only when the item says every word its title adds, asks for " region"
// ("Spondylolisthesis, lumbar region").
func spineRegion(text, suffix string) string {
	if !hasLevel(text) {
		return text
	}
	spine := spineWordRe.MatchString(text)
	fracture := strings.Contains(strings.ToLower(text), "fracture")
	return spineLevelRe.ReplaceAllStringFunc(text, func(m string) string {
		g := spineLevelRe.FindStringSubmatch(m)
		from, to := g[1], g[3]
		if g[4] == "" && !spine {
			return m // a lone level in a text that does not name the spine
		}
		// a fracture of one lumbar or cervical vertebra is coded by its
		// level, which the titles write as an ordinal ("Stable burst
		// fracture of first lumbar vertebra")
		if n := int(g[2][0] - '0'); fracture && g[4] == "" && len(g[2]) == 1 && (from == "L" && n <= 5 || from == "C" && n <= 7) {
			return levelOrdinals[n] + " " + spineRegions[from]
		}
		if to == "" || to == from {
			return spineRegions[from] + suffix
		}
		if r, ok := spineRegions[from+to]; ok {
			return r + suffix
		}
		return m
	})
}

// hasLevel reports whether text holds C, T, L or S followed by a digit
// after a non-letter: a vertebral level may be there.
func hasLevel(text string) bool {
	for i := 0; i+1 < len(text); i++ {
		switch text[i] {
		case 'C', 'T', 'L', 'S':
			if text[i+1] >= '1' && text[i+1] <= '9' && (i == 0 || !isLetter(text[i-1])) {
				return true
			}
		}
	}
	return false
}

// cervicalDiscLevel gives a cervical disc disorder coded without its level
// (M50.10, M50.120) the level its line names, as the M50 titles number the
// discs: "C5-C6 disc herniation with C6 radiculopathy" is M50.122, a
// C2-C3 or C3-C4 disc "high cervical" (M50.11), C7-T1 cervicothoracic
// (M50.13).
func cervicalDiscLevel(out []Suggestion, note string, x *lookups, opt Options) {
	for i := range out {
		c := out[i].Code
		if !strings.HasPrefix(c, "M50.") || len(c) < 6 || c[4] < '0' || c[4] > '3' || !(c[5:] == "0" || c[5:] == "20") || out[i].Start < 0 || out[i].Start >= len(note) {
			continue
		}
		for _, g := range spineLevelRe.FindAllStringSubmatch(lineOf(note, out[i].Start), -1) {
			if g[1] != "C" || g[4] == "" || len(g[2]) != 1 || len(g[4]) != 1 {
				continue
			}
			n, m := g[2][0]-'0', g[4][0]-'0'
			code := ""
			switch {
			case (g[3] == "" || g[3] == "C") && m == n+1 && n >= 4 && n <= 6:
				code = fmt.Sprintf("M50.%c2%d", c[4], n-3)
			case (g[3] == "" || g[3] == "C") && m == n+1 && (n == 2 || n == 3):
				code = fmt.Sprintf("M50.%c1", c[4])
			case g[3] == "T" && n == 7 && m == 1:
				code = fmt.Sprintf("M50.%c3", c[4])
			}
			if code != "" && recode(&out[i], code, "cervical disc disorder: its level", x, opt) {
				break
			}
		}
	}
}
