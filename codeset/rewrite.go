package codeset

// Rewrites of a typed query where coders write what the titles do not: a
// pregnancy's weeks, a central line's tip, a secondary site "from" its
// primary, an anatomical term by the PCS body part that holds it (and,
// in debride.go, a debridement's depth). Search applies them before the
// query is parsed.

import (
	"slices"
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

// partKeyEntry is one term of the ICD-10-PCS body part key: the words of
// an anatomical term and the body part value that includes it.
type partKeyEntry struct {
	words []string // lower case
	part  []string // the body part's words, without its side
}

// bodyPartKey reads the body part key from the PCS definitions: each
// body part value of the medical and surgical section and the terms it
// includes ("Fibula" includes "Lateral malleolus", "Upper Femur" "Neck
// of femur"), by the term's first word, longest term first. A term two
// body parts include names neither.
func bodyPartKey(defs []PCSDefinition) map[string][]partKeyEntry {
	parts := map[string][]string{} // term → body part words
	for _, d := range defs {
		if d.Section != '0' || d.Axis != 4 || d.Term == "" {
			continue
		}
		part := d.Term
		for _, side := range []string{", Left", ", Right", ", Bilateral"} {
			part = strings.TrimSuffix(part, side)
		}
		pw := strings.Fields(strings.ToLower(part))
		for _, inc := range d.Includes {
			key := strings.ToLower(strings.Join(strings.Fields(inc), " "))
			if old, ok := parts[key]; ok && !slices.Equal(old, pw) {
				parts[key] = nil
				continue
			}
			parts[key] = pw
		}
	}
	out := map[string][]partKeyEntry{}
	for key, pw := range parts {
		ws := strings.Fields(key)
		if len(ws) < 2 || pw == nil {
			continue
		}
		out[ws[0]] = append(out[ws[0]], partKeyEntry{words: ws, part: pw})
	}
	for _, es := range out {
		slices.SortFunc(es, func(a, b partKeyEntry) int {
			if len(a.words) != len(b.words) {
				return len(b.words) - len(a.words)
			}
			return strings.Compare(strings.Join(a.words, " "), strings.Join(b.words, " "))
		})
	}
	return out
}

// bodyParts adds to a procedure query the body part the PCS body part
// key puts its anatomical term in: "ORIF left lateral malleolus fracture"
// is a reposition of the left fibula (0QSK04Z). Only terms of two words
// or more are read, and a term already naming its body part ("head of
// fibula") adds nothing.
func (x *Searcher) bodyParts(words []string) []string {
	if len(x.partKey) == 0 || len(words) < 2 {
		return words
	}
	lower := make([]string, len(words))
	for i, w := range words {
		lower[i] = strings.ToLower(strings.Trim(w, ",.;:()"))
	}
	for i, w := range lower {
		for _, e := range x.partKey[w] {
			n := len(e.words)
			if i+n > len(lower) || !slices.Equal(lower[i:i+n], e.words) {
				continue
			}
			if slices.ContainsFunc(e.part, func(p string) bool { return slices.Contains(e.words, p) }) {
				return words
			}
			// one term per query, kept beside its body part: "iliac
			// crest" is in the pelvic bone, and its "iliac" names the
			// iliac bone marrow a biopsy there takes
			return append(append([]string{}, words...), e.part...)
		}
	}
	return words
}

// coronaryVessels are the coronary arteries an interventionalist names.
var coronaryVessels = map[string]bool{"rca": true, "lad": true, "lcx": true, "circumflex": true, "om": true, "om1": true, "om2": true,
	"diagonal": true, "d1": true, "d2": true, "ramus": true, "pda": true, "plv": true, "lm": true}

var countWords = map[string]int{"one": 1, "two": 2, "three": 3, "four": 4, "1": 1, "2": 2, "3": 3, "4": 4, "x1": 1, "x2": 2, "x3": 3, "x4": 4, "single": 1}

var (
	arteryCount = [...]string{"", "one artery", "two arteries", "three arteries", "four or more arteries"}
	deviceCount = [...]string{"", "", "two", "three", "four or more"}
)

// coronaryStents writes a PCI query's vessels and stents as the PCS
// titles count them: "three DES in RCA" is one artery with three
// drug-eluting intraluminal devices (027036Z), not three arteries. The
// arteries are the coronary vessels named; the devices the number next
// to the stent word ("three DES", "DES x2"). A query that counts arteries
// or vessels itself is left as it is.
func coronaryStents(words []string) []string {
	vessels := map[string]bool{}
	stentAt, count := -1, 0
	for i, w := range words {
		lw := strings.ToLower(strings.Trim(w, ",.;:()"))
		switch {
		case strings.HasPrefix(lw, "arter") || strings.HasPrefix(lw, "vessel"):
			return words
		case coronaryVessels[lw]:
			vessels[lw] = true
		case lw == "des" || lw == "bms" || strings.HasPrefix(lw, "stent"):
			stentAt = i
			// "three DES", "three drug eluting stents"
			for k := i - 1; k >= 0 && k >= i-3; k-- {
				if n := countWords[strings.ToLower(words[k])]; n > 0 {
					count = max(count, n)
					break
				}
			}
			if i+1 < len(words) {
				count = max(count, countWords[strings.ToLower(words[i+1])])
			}
		}
	}
	if stentAt < 0 || len(vessels) == 0 || len(vessels) > 4 {
		return words
	}
	out := make([]string, 0, len(words)+6)
	for _, w := range words {
		if _, ok := countWords[strings.ToLower(w)]; !ok {
			out = append(out, w)
		}
	}
	out = append(out, strings.Fields(arteryCount[len(vessels)])...)
	if count >= 2 {
		kind := "drug-eluting"
		if strings.EqualFold(words[stentAt], "bms") || slices.ContainsFunc(words, func(w string) bool { return strings.EqualFold(w, "bare") }) {
			kind = ""
		}
		out = append(out, "with", deviceCount[min(count, 4)])
		if kind != "" {
			out = append(out, kind)
		}
		out = append(out, "intraluminal", "devices")
	}
	return out
}

// partialResection writes a partial resection as the excision PCS
// defines it (cutting out a portion of a body part): "open partial jejunal
// resection" is 0DBA0ZZ, not the resection of the whole jejunum.
func partialResection(words []string) []string {
	partial := slices.ContainsFunc(words, func(w string) bool { return strings.EqualFold(w, "partial") })
	if !partial {
		return words
	}
	out := make([]string, len(words))
	for i, w := range words {
		if strings.EqualFold(strings.Trim(w, ",.;:"), "resection") {
			w = "excision"
		}
		out[i] = w
	}
	return out
}

// jointWords are the joints a replacement names.
var jointWords = map[string]bool{"knee": true, "hip": true, "shoulder": true, "elbow": true, "ankle": true}

// replacedJoints are the abbreviations of joint replacements.
var replacedJoints = map[string]string{"tka": "knee prosthesis", "tkr": "knee prosthesis", "tha": "hip prosthesis", "thr": "hip prosthesis", "tsa": "shoulder prosthesis"}

// prosthesisTrouble are the words that make a replaced joint's trouble
// the prosthesis's complication (T84.-), not the operation.
var prosthesisTrouble = map[string]bool{"infected": true, "infection": true, "loose": true, "loosening": true, "loosened": true,
	"dislocated": true, "dislocation": true, "failed": true, "failure": true, "periprosthetic": true, "broken": true, "unstable": true, "instability": true}

// jointProsthesis writes a replaced joint that the query says is in
// trouble as the prosthesis the complication titles name: "infected right
// knee replacement" is T84.53XA (infection due to internal right knee
// prosthesis), not the presence of the artificial joint; "loose TKA" is
// the knee prosthesis's mechanical loosening. A query that
// names an operation on it ("revision", "removal") is left alone.
func jointProsthesis(words []string) []string {
	trouble, joint, replaced := false, false, false
	for _, w := range words {
		w = strings.ToLower(strings.Trim(w, ",.;:"))
		switch {
		case prosthesisTrouble[w]:
			trouble = true
		case jointWords[w]:
			joint = true
		case replacedJoints[w] != "":
			joint, replaced = true, true
		case w == "replacement" || w == "arthroplasty" || w == "prosthesis" || w == "prosthetic":
			replaced = true
		case w == "revision" || w == "removal" || w == "explant" || w == "spacer" || w == "washout":
			return words
		}
	}
	if !trouble || !joint || !replaced {
		return words
	}
	out := make([]string, 0, len(words))
	for _, w := range words {
		switch l := strings.ToLower(strings.Trim(w, ",.;:")); l {
		case "replacement", "arthroplasty":
			w = "prosthesis"
		case "loose", "loosened": // not a loose body
			w = "loosening"
		case "total": // no complication title says how much was replaced
			continue
		default:
			if p := replacedJoints[l]; p != "" {
				w = p
			}
		}
		out = append(out, w)
	}
	return out
}
