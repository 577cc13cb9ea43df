package cac

import "strings"

// goutSiteWords name the joints of idiopathic gout's sites (M10.0-), by
// the site character.
var goutSiteWords = []siteWord{
	{"1", "shoulder"},
	{"2", "elbow olecranon"},
	{"3", "wrist"},
	{"4", "hand finger fingers thumb mcp pip dip metacarpophalangeal"},
	{"5", "hip"},
	{"6", "knee"},
	{"7", "ankle foot toe toes mtp mtpj hallux podagra metatarsophalangeal midfoot"},
}

// goutSite codes a gout the note places in one joint to the site and side
// of idiopathic gout ("acute gout flare, right first MTP joint" is M10.071,
// not gout unspecified M10.9; the index's "Gout, by site").
func goutSite(out []Suggestion, note string, x *lookups, opt Options) {
	for i, s := range out {
		if s.Code != "M10.9" && s.Code != "M10.00" {
			continue
		}
		site, side := sitesNamed(lineAt(note, s.Start), goutSiteWords)
		if site == "" {
			continue // no joint, or more than one: left as it is
		}
		if side == "" {
			side = "9"
		}
		recode(&out[i], "M10.0"+site+side, "gout by site", x, opt)
	}
}

// lineAt returns the rest of the line from i.
func lineAt(note string, i int) string {
	end := strings.IndexByte(note[i:], '\n')
	if end < 0 {
		return note[i:]
	}
	return note[i : i+end]
}
