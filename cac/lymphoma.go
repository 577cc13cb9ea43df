package cac

import (
	"regexp"
	"strings"
)

// lymphNodeRegions are the lymph node regions the lymphoma codes (C81–C85)
// name by their sixth character, by the words a note gives them.
var lymphNodeRegions = []struct {
	re   *regexp.Regexp
	site byte
}{
	{regexp.MustCompile(`(?i)\b(?:cervical|supraclavicular|submandibular|occipital|pre-?auricular|head(?: and |&)neck)\b`), '1'},
	{regexp.MustCompile(`(?i)\b(?:mediastinal|hilar|intrathoracic|paratracheal|subcarinal)\b`), '2'},
	{regexp.MustCompile(`(?i)\b(?:retroperitoneal|mesenteric|para-?aortic|intra-?abdominal|celiac|porta hepatis|abdominal)\b`), '3'},
	{regexp.MustCompile(`(?i)\b(?:axillary|epitrochlear)\b`), '4'},
	{regexp.MustCompile(`(?i)\b(?:inguinal|femoral|popliteal)\b`), '5'},
	{regexp.MustCompile(`(?i)\b(?:iliac|pelvic|intrapelvic|obturator)\b`), '6'},
}

// lymphomaSite gives a lymphoma of unspecified site (C81–C85, sixth
// character 0) the lymph node regions its line names: one region's
// character, or 8 for "lymph nodes of multiple sites" ("Diffuse large
// B-cell lymphoma, stage III (nodal - cervical, mediastinal, and
// retroperitoneal lymph node groups)" is C83.38).
func lymphomaSite(out []Suggestion, note string, x *lookups, opt Options) {
	for i, s := range out {
		if len(s.Code) != 6 || s.Code[5] != '0' || !hasAnyPrefix(s.Code, "C81", "C82", "C83", "C84", "C85") {
			continue
		}
		line := lineAt(note, s.Start)
		if !strings.Contains(strings.ToLower(line), "node") && !strings.Contains(strings.ToLower(line), "nodal") {
			continue
		}
		var sites []byte
		for _, r := range lymphNodeRegions {
			if r.re.MatchString(line) {
				sites = append(sites, r.site)
			}
		}
		switch {
		case len(sites) > 1 || multipleNodesRe.MatchString(line):
			recode(&out[i], s.Code[:5]+"8", "lymphoma: lymph nodes of multiple sites", x, opt)
		case len(sites) == 1:
			recode(&out[i], s.Code[:5]+string(sites[0]), "lymphoma: its lymph node region", x, opt)
		}
	}
}

// multipleNodesRe says a lymphoma involves several node regions ("DLBCL,
// nodal, multiple sites").
var multipleNodesRe = regexp.MustCompile(`(?i)\b(?:multiple|several|diffuse|generali[sz]ed|widespread)\s+(?:lymph\s+)?(?:node|nodal)|\b(?:above and below the diaphragm|both sides of the diaphragm)\b|\bnodal\b[^.\n]{0,20}?\bmultiple (?:sites|regions|groups|stations)\b`)
