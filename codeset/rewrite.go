package codeset

// Rewrites of a typed query where coders write what the titles do not: a
// pregnancy's weeks, a central line's tip, a secondary site "from" its
// primary (and, in debride.go, a debridement's depth). Search applies
// them before the query is parsed.

import (
	"strconv"
	"strings"
)

// gestationTrimester adds the trimester a pregnancy query's weeks fall in
// ("prenatal visit first pregnancy 10 weeks" is the first trimester,
// Z34.01): the titles name trimesters, not weeks. Fewer than 14 weeks is
// the first trimester, 14 to 27 the second, 28 or more the third
// (Official Guidelines I.C.15.a.3). A query that names a trimester, or no
// pregnancy, is left as it is.
func gestationTrimester(words []string) []string {
	pregnant, weeks := false, 0
	for i, w := range words {
		lw := strings.ToLower(strings.Trim(w, ",.;:()"))
		switch {
		case strings.HasPrefix(lw, "trimester") || lw == "tri":
			return words
		case strings.HasPrefix(lw, "pregnan") || strings.HasPrefix(lw, "prenatal") || strings.HasPrefix(lw, "gestation") || lw == "antepartum" || lw == "ob":
			pregnant = true
		case (lw == "weeks" || lw == "wks" || lw == "wk" || lw == "week") && i > 0:
			if n, err := strconv.Atoi(strings.TrimSuffix(strings.ToLower(words[i-1]), "w")); err == nil && n >= 1 && n <= 45 {
				weeks = n
			}
		default:
			// "10w", "32wks", "28w3d"
			if k := strings.IndexAny(lw, "w"); k > 0 {
				if n, err := strconv.Atoi(lw[:k]); err == nil && n >= 1 && n <= 45 && strings.HasPrefix(lw[k:], "w") {
					weeks = n
				}
			}
		}
	}
	if !pregnant || weeks == 0 {
		return words
	}
	tri := "first"
	switch {
	case weeks >= 28:
		tri = "third"
	case weeks >= 14:
		tri = "second"
	}
	return append(words[:len(words):len(words)], tri, "trimester")
}

// catheterTip writes a central line's body part as where its tip lies
// (Coding Clinic: a central venous catheter is coded to the vessel its
// tip ends in): "right IJ central line, tip in SVC" is an Insertion of
// Infusion Device into Superior Vena Cava (02HV33Z), not into the jugular
// vein it went in by.
func catheterTip(words []string) []string {
	at := -1
	for i, w := range words {
		if strings.EqualFold(strings.Trim(w, ",.;:()"), "tip") {
			at = i
		}
	}
	if at < 0 {
		return words
	}
	rest := strings.ToLower(strings.Join(words[at+1:], " "))
	site := ""
	switch {
	case strings.Contains(rest, "svc") || strings.Contains(rest, "superior vena cava") || strings.Contains(rest, "cavoatrial") || strings.Contains(rest, "caval"):
		site = "superior vena cava"
	case strings.Contains(rest, "right atrium") || strings.Contains(rest, " ra") || strings.HasPrefix(rest, "ra") || strings.Contains(rest, "atrial"):
		site = "right atrium"
	case strings.Contains(rest, "ivc") || strings.Contains(rest, "inferior vena cava"):
		site = "inferior vena cava"
	default:
		return words
	}
	// the vein it went in by, and the tip's own words, give way to the site
	entry := map[string]bool{"ij": true, "internal": true, "jugular": true, "subclavian": true, "basilic": true, "cephalic": true, "brachial": true, "femoral": true, "ej": true, "external": true, "vein": true}
	out := make([]string, 0, len(words)+3)
	for _, w := range words[:at] {
		if !entry[strings.ToLower(strings.Trim(w, ",.;:()"))] {
			out = append(out, w)
		}
	}
	return append(out, strings.Fields(site)...)
}

// metastasisFrom leaves out the primary a secondary site is said to come
// from: "liver mets from colon cancer" is C78.7, the liver's secondary
// neoplasm; the colon's primary is a code of its own.
func metastasisFrom(words []string) []string {
	for i := 1; i+1 < len(words); i++ {
		w := strings.ToLower(words[i])
		if w != "from" {
			continue
		}
		prev := strings.ToLower(strings.Trim(words[i-1], ",.;:()"))
		if prev != "mets" && prev != "metastases" && prev != "metastasis" && prev != "metastatic" && !strings.HasPrefix(prev, "metasta") {
			continue
		}
		// up to four words naming the primary: "from (a) colon cancer"
		for j := i + 1; j < len(words) && j <= i+4; j++ {
			switch strings.ToLower(strings.Trim(words[j], ",.;:()")) {
			case "cancer", "carcinoma", "ca", "primary", "malignancy", "adenocarcinoma", "tumor", "tumour", "melanoma":
				return append(words[:i:i], words[j+1:]...)
			}
		}
	}
	return words
}
