package cac

import (
	"regexp"
	"slices"
	"strings"

	"github.com/chartroom/chartroom/codeset"
)

// organisms name the bacteria of B95–B96, most specific first: the
// "use additional code (B95–B97) to identify the infectious agent" that a
// urinary tract infection, a cellulitis or an osteomyelitis calls for.
// An unqualified Staphylococcus aureus is the index's methicillin
// susceptible B95.61.
var organisms = []struct {
	re   *regexp.Regexp
	code string
}{
	{regexp.MustCompile(`\b(MRSA|(?i:methicillin[- ]resistant (?:staph\w*|s\.? ?aureus)))`), "B95.62"},
	{regexp.MustCompile(`\b(MSSA|(?i:methicillin[- ]s(?:usceptible|ensitive) (?:staph\w*|s\.? ?aureus)|staph(?:ylococcus|ylococcal)? aureus|S\. ?aureus))\b`), "B95.61"},
	{regexp.MustCompile(`\b(CoNS|(?i:coag(?:ulase)?[- ]negative staph\w*|staph(?:ylococcus)? epidermidis|S\. ?epidermidis))\b`), "B95.7"},
	{regexp.MustCompile(`\b((?i:group A strep\w*|strep(?:tococcus)? pyogenes|S\. ?pyogenes))\b`), "B95.0"},
	{regexp.MustCompile(`\b(GBS|(?i:group B strep\w*|strep(?:tococcus)? agalactiae))\b`), "B95.1"},
	{regexp.MustCompile(`\b(VRE|(?i:enterococc\w*|E\. ?faecalis|E\. ?faecium))\b`), "B95.2"},
	{regexp.MustCompile(`(?i)\b(strep(?:tococcus)? pneumoniae|S\. ?pneumoniae|pneumococc\w*)\b`), "B95.3"},
	{regexp.MustCompile(`(?i)\b(E\. ?coli|Escherichia coli)\b`), "B96.20"},
	{regexp.MustCompile(`(?i)\b(Klebsiella pneumoniae|K\. ?pneumoniae)\b`), "B96.1"},
	{regexp.MustCompile(`(?i)\b(Proteus(?: mirabilis| vulgaris)?|P\. ?mirabilis)\b`), "B96.4"},
	{regexp.MustCompile(`(?i)\b(Pseudomonas(?: aeruginosa)?|P\. ?aeruginosa)\b`), "B96.5"},
	{regexp.MustCompile(`(?i)\b(H\. ?influenzae|Haemophilus influenzae|Hemophilus influenzae)\b`), "B96.3"},
	{regexp.MustCompile(`(?i)\b(Bacteroides fragilis|B\. ?fragilis)\b`), "B96.6"},
	{regexp.MustCompile(`(?i)\b(Enterobacter\w*|Serratia|Citrobacter|Acinetobacter|Klebsiella oxytoca|Morganella|Pasteurella(?: multocida)?|Eikenella(?: corrodens)?)\b`), "B96.89"},
	{regexp.MustCompile(`(?i)\b(H\. ?pylori|Helicobacter pylori)\b`), "B96.81"},
}

// organismWords are the words one of which every organism pattern holds.
var organismWords = []string{"mrsa", "mssa", "staph", "aureus", "cons", "epidermidis", "strep", "gbs", "enterococc",
	"faecalis", "faecium", "vre", "pneumoniae", "pneumococc", "coli", "proteus", "mirabilis", "pseudomonas", "aeruginosa",
	"influenzae", "fragilis", "enterobacter", "serratia", "citrobacter", "acinetobacter", "oxytoca", "morganella", "pylori", "pasteurella", "eikenella"}

// agentCategories are the infections whose codes do not name the
// organism and whose tabular entries ask for a B95–B96 code beside them.
var agentCategories = map[string]bool{
	"N39.0": true, "N30": true, "N10": true, "N11": true, "N12": true, "N15": true, "N41": true, "N45": true,
	"L02": true, "L03": true, "L08": true, "M86": true, "M00.8": true, "K65": true, "K61": true, "K81": true,
	"I33": true, "T81.4": true, "T82.7": true, "T83.5": true, "T84.5": true, "T85.7": true, "H60": true, "J85": true, "J86": true,
	"M46.2": true, "M46.3": true, "M00.0": true,
	// peptic ulcers and gastritis with H. pylori (B96.81)
	"K25": true, "K26": true, "K27": true, "K28": true, "K29": true,
	// urinary infections in pregnancy (O23.-), with their organism
	"O23": true,
	// a bacteremia (R78.81) with the organism the cultures grew
	"R78.8": true,
}

// likelyOrganismRe ends the words that name an organism as the likely
// cause: "likely E. coli", "presumed".
var likelyOrganismRe = regexp.MustCompile(`(?i)\b(?:likely|presumed|presumptive|probable|suspected)\s+$`)

// organismFoundRe is a result that found an organism, written before
// what is still pending: "CLO positive", "culture grew", "PCR detected".
var organismFoundRe = regexp.MustCompile(`(?i)\b(?:positive|pos|grew|growing|isolated|detected|confirmed)\b|\+`)

// unconfirmedOrganismRe is a sentence that names an organism no test has
// found: "E. coli is the most common organism, but the culture is
// pending".
var unconfirmedOrganismRe = regexp.MustCompile(`(?i)\b(?:most common|most likely organism|not yet identified|not identified|pending|awaiting|await|if the culture|empiric(?:ally)?|cover(?:age)? for|to cover)\b`)

// needsAgent reports whether code is an infection coded with its agent.
func needsAgent(code string) bool {
	return len(code) >= 3 && agentCategories[code[:3]] || len(code) >= 5 && agentCategories[code[:5]]
}

// infectiousAgent adds the organism of an infection the note names in
// the infection's own sentence ("UTI due to Proteus mirabilis", "cellulitis,
// cultures grew MRSA"): B96.4, B95.62. An organism already coded, or one
// named only as negative ("MRSA negative", "no growth"), adds nothing.
func infectiousAgent(out []Suggestion, note string, x *lookups, opt Options) []Suggestion {
	n := len(out)
	sameAt := -2 // sameAddsAt, once it is needed
	for i := 0; i < n; i++ {
		s := out[i]
		if s.System != codeset.ICD10CM || s.Section != sectionKindNames[secDiagnosis] || !needsAgent(s.Code) {
			continue
		}
		// the infection's own line; and a final diagnosis that is the
		// expected one plus its organism ("Postoperative diagnosis: Same,
		// methicillin-sensitive Staphylococcus aureus")
		from := []int{s.Start}
		if sameAt == -2 {
			sameAt = sameAddsAt(note, opt.lower)
		}
		if sameAt >= 0 {
			from = append(from, sameAt)
		}
		for _, start := range from {
			text := lineAt(note, start)
			if !containsAny(strings.ToLower(text), organismWords...) {
				continue
			}
			for _, o := range organisms {
				m := o.re.FindStringIndex(text)
				if m == nil {
					continue
				}
				at := start + m[0]
				// (a stay's organism named as likely is coded as
				// established, its culture pending or not: "Acute
				// pyelonephritis, right, likely E. coli (final ID
				// pending at discharge)", Guidelines II.H)
				attributed := opt.Inpatient && likelyOrganismRe.MatchString(note[max(start, at-20):at])
				// (what follows the organism's name, whose own dots
				// end nothing: "(H. pylori negative)")
				if after := strings.ToLower(note[start+m[1] : min(len(note), start+m[1]+28)]); negatedAt(note, at) || !attributed && unconfirmedOrganismRe.MatchString(note[at:min(lineEnd(note, at), at+100)]) ||
					containsAny(after[:max(0, strings.IndexAny(after+".", ".;"))], "negative", "not detected", "no growth") {
					break
				}
				if containsCodePrefix(out, o.code) {
					break
				}
				if r, ok := x.Code(codeset.ICD10CM, o.code, opt.Date); ok {
					out = append(out, Suggestion{System: codeset.ICD10CM, Code: o.code, Title: r.Title, Confidence: s.Confidence,
						Start: at, End: start + m[1], Evidence: note[at : start+m[1]], Section: s.Section, Rule: "infectious agent"})
				}
				break
			}
		}
	}
	// the H. pylori of an ulcer or gastritis is B96.81 beside it, not its
	// own infection (A04.8) as well ("Helicobacter pylori infection, as
	// cause of the ulcer" on a line of its own)
	if i := slices.IndexFunc(out, func(s Suggestion) bool {
		return s.Code == "A04.8" && strings.Contains(strings.ToLower(s.Evidence), "pylori")
	}); i >= 0 && !containsCodePrefix(out, "B96.81") && firstWithPrefix(out, "K25", "K26", "K27", "K28", "K29") >= 0 {
		recode(&out[i], "B96.81", "infectious agent", x, opt)
	}
	if containsCodePrefix(out, "B96.81") {
		out = slices.DeleteFunc(out, func(s Suggestion) bool {
			return s.Code == "A04.8" && strings.Contains(strings.ToLower(s.Evidence), "pylori")
		})
	}
	return out
}

// sameAddsLabelRe is the label of a final diagnosis that is the expected
// one plus more, up to the end of its line's start: "POSTOPERATIVE
// DIAGNOSIS: " before "Same, MSSA".
var sameAddsLabelRe = regexp.MustCompile(`(?i)^[ \t]*(?:post-?op(?:erative)?|final|discharge) diagnos[ie]s[ \t]*:[ \t]*$`)

// sameAddsAt returns the offset of such a final diagnosis's text, or -1.
// Only the lines where "same" follows a label are read.
func sameAddsAt(note, lower string) int {
	for at := 0; ; {
		i := strings.Index(lower[at:], "same")
		if i < 0 {
			return -1
		}
		i += at
		at = i + len("same")
		ls := strings.LastIndexByte(note[:i], '\n') + 1
		if sameAddsLabelRe.MatchString(note[ls:i]) && sameAddsRe.MatchString(lineAt(note, i)) {
			return i
		}
	}
}

// withoutOrganism returns a phrase that opens with an organism ("E. coli
// urinary tract infection", "MRSA cellulitis") or ends with one as its
// cause ("… due to MSSA") without it, for a lookup of the infection alone.
func withoutOrganism(phrase string) (string, bool) {
	if !containsAny(strings.ToLower(phrase), organismWords...) {
		return phrase, false
	}
	for _, o := range organisms {
		m := o.re.FindStringIndex(phrase)
		if m == nil {
			continue
		}
		if strings.TrimSpace(phrase[:m[0]]) == "" {
			rest := strings.TrimSpace(phrase[m[1]:])
			return rest, countLetters(rest) >= 3
		}
		// "vertebral osteomyelitis due to MSSA": the infection before
		// its cause
		if k := organismCauseRe.FindStringIndex(phrase[:m[0]]); k != nil && strings.TrimSpace(phrase[m[1]:]) == "" {
			rest := strings.TrimSpace(phrase[:k[0]])
			return rest, countLetters(rest) >= 3
		}
	}
	return phrase, false
}

// organismCauseRe is the words that name an infection's organism after it.
var organismCauseRe = regexp.MustCompile(`(?i)\s(?:due to|from|with|secondary to|d/t|2/2)\s+$`)

var (
	deliriumCauseRe = regexp.MustCompile(`(?i)\b(due to|secondary to|caused by|from|in the setting of|precipitated by|superimposed on|related to|d/t)\b`)
	substanceRe     = regexp.MustCompile(`(?i)\b(alcohol\w*|etoh|withdrawal|intoxication|drugs?|medications?|opioids?|benzodiazepines?|anticholinergic|steroids?)\b`)
)

// deliriumCause codes a delirium the note ascribes to a physical
// condition ("delirium due to UTI", "superimposed on dementia") as F05,
// not the index's delirium NOS (R41.0). A delirium of alcohol or a drug
// is coded with the substance, not here.
func deliriumCause(out []Suggestion, note string, x *lookups, opt Options) []Suggestion {
	i := firstWithPrefix(out, "R41.0")
	if i < 0 || !strings.Contains(strings.ToLower(out[i].Evidence), "delirium") {
		return out
	}
	s := out[i]
	end := strings.IndexAny(note[s.Start:], ".\n")
	if end < 0 {
		end = len(note) - s.Start
	}
	if !physicalCause(note[s.Start:s.Start+end]) && !deliriumCausedElsewhere(note, s.Start) {
		return out
	}
	if containsCode(out, "F05") {
		return slices.Delete(out, i, i+1)
	}
	recode(&out[i], "F05", "delirium due to a known physiological condition", x, opt)
	return out
}

// physicalCause reports whether a delirium's sentence gives it a cause
// that is no substance: "due to pneumonia/acute illness compounded by
// anticholinergic … exposure" is the pneumonia's, "due to alcohol
// withdrawal" is not.
func physicalCause(sentence string) bool {
	for _, m := range deliriumCauseRe.FindAllStringIndex(sentence, -1) {
		if !substanceRe.MatchString(sentence[m[1]:min(len(sentence), m[1]+30)]) {
			return true
		}
	}
	return false
}

// deliriumCausedElsewhere reports whether another sentence of the note
// gives a delirium a physical cause ("1. Delirium: remove deliriogenic
// meds" below "… now with hyperactive delirium due to pneumonia").
func deliriumCausedElsewhere(note string, at int) bool {
	lower := asciiLower(note)
	for k := 0; ; {
		j := strings.Index(lower[k:], "delirium")
		if j < 0 {
			return false
		}
		j += k
		k = j + len("delirium")
		if j == at || negatedAt(note, j) {
			continue
		}
		end := strings.IndexAny(note[j:], ".\n")
		if end < 0 {
			end = len(note) - j
		}
		if physicalCause(note[j : j+end]) {
			return true
		}
	}
}

// jointSites name the joint a pyogenic arthritis code's fifth character
// holds.
var jointSites = []struct {
	words []string
	site  byte
}{
	{[]string{"shoulder"}, '1'}, {[]string{"elbow"}, '2'}, {[]string{"wrist"}, '3'}, {[]string{"hand", "finger", "mcp", "pip", "dip"}, '4'},
	{[]string{"hip"}, '5'}, {[]string{"knee"}, '6'}, {[]string{"ankle", "foot", "toe", "mtp"}, '7'},
}

// septicJoint codes a pyogenic arthritis of one joint whose organism its
// line names as the organism's arthritis of that joint and side:
// "Septic arthritis, R native knee, MSSA" is M00.061 (staphylococcal
// arthritis, right knee), not M00.9; infectiousAgent then adds B95.61.
func septicJoint(out []Suggestion, note string, x *lookups, opt Options) {
	for i, s := range out {
		if s.Code != "M00.9" {
			continue
		}
		line := lineOf(note, s.Start)
		l := strings.ToLower(sides(line))
		kind := ""
		for _, o := range organisms {
			if m := o.re.FindStringIndex(line); m != nil && !negatedAt(line, m[0]) {
				switch {
				case strings.HasPrefix(o.code, "B95.6") || o.code == "B95.7" || o.code == "B95.8":
					kind = "M00.0"
				case o.code == "B95.3":
					kind = "M00.1"
				case strings.HasPrefix(o.code, "B95"):
					kind = "M00.2"
				default:
					kind = "M00.8"
				}
				break
			}
		}
		if kind == "" {
			continue
		}
		site := byte(0)
		for _, j := range jointSites {
			if containsAny(l, j.words...) {
				site = j.site
				break
			}
		}
		if site == 0 {
			continue
		}
		side := oneSide(line)
		recode(&out[i], kind+string(site)+string(side), "pyogenic arthritis by organism and joint", x, opt)
	}
}
