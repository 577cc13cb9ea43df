package cac

import (
	"regexp"
	"slices"
	"strings"

	"github.com/chartroom/chartroom/codeset"
)

// cancerWordRe is a word that names a malignancy.
var cancerWordRe = guard(`(?i)\b(cancer|carcinoma|adenocarcinoma|malignancy|malignant neoplasm|melanoma|sarcoma|lymphoma|leukemia|myeloma)\b`,
	"cancer", "carcinoma", "malignan", "melanoma", "sarcoma", "lymphoma", "leukemia", "myeloma")

// tumourDescriptorRe is what oncologists write about a cancer that no code
// axis holds: hormone and receptor status (coded apart, Z17), resistance,
// grade and the course. Left in a lookup, each is a word the titles lack.
var tumourDescriptorRe = regexp.MustCompile(`(?i)\b(castrat(?:e|ion)[- ]resistant|castrat(?:e|ion)[- ]sensitive|hormone[- ](?:sensitive|refractory|resistant|receptor[- ]positive)|triple[- ]negative|de novo|progressive|advanced|locally advanced|poorly differentiated|well[- ]differentiated|moderately differentiated|high[- ]grade|low[- ]grade|nodular|superficial|infiltrative|morpheaform|micronodular|biopsy[- ]proven|(?:extensive|limited)[- ]stage|stage\s+(?:0|[1-4]|i{1,3}|iv)[a-c]?[12]?|[cp]?T[0-4][a-c]?N[0-3][a-c]?M[01][a-c]?)\b|\b(?:HR|ER|PR|HER2)[+-](?:/(?:HR|ER|PR|HER2)[+-])*`)

// metastasesRe names secondary sites ("progressive osseous metastases"),
// whose descriptors no code holds either.
var metastasesRe = guard(`(?i)\b(?:metastas[ie]s|mets)\b`, "metasta", "mets")

// primaryCancer reads "metastatic prostate cancer" as clinicians mean it:
// a prostate primary that has spread, whose metastatic sites are coded
// apart (C79.-). The index's "Metastatic cancer — see Neoplasm, secondary"
// is for a cancer named only as metastatic, so a phrase whose malignancy
// word follows a site keeps its site as the primary, also before "with
// … metastases". Descriptors no code holds are dropped.
func primaryCancer(text string) string {
	if !cancerWordRe.MatchString(text) && !metastasesRe.MatchString(text) {
		return text
	}
	t := strings.TrimSpace(tumourDescriptorRe.ReplaceAllString(text, " "))
	lower := asciiLower(t)
	// (after what describes the patient too: "52F with metastatic
	// HR+/HER2- left breast cancer")
	if i := strings.Index(lower, "metastatic "); i == 0 || i > 0 && (strings.HasSuffix(lower[:i], "with ") || strings.HasSuffix(lower[:i], "has ")) {
		// a site must stand between "metastatic" and the malignancy word
		rest := lower[i+len("metastatic "):]
		if m := cancerWordRe.FindStringIndex(rest); m != nil && countLetters(rest[:m[0]]) >= 3 {
			t = t[:i] + t[i+len("metastatic "):]
		}
	}
	// ("Lung adenocarcinoma with bone metastases": the lung is the
	// primary, not "Secondary malignant neoplasm of unspecified lung";
	// the metastases are a part of their own)
	lower = asciiLower(t)
	if m := cancerWordRe.FindStringIndex(lower); m != nil && countLetters(lower[:m[0]]) >= 3 {
		if w := strings.Index(lower[m[1]:], " with "); w >= 0 && metastasesRe.MatchString(lower[m[1]+w:]) {
			t = t[:m[1]+w]
		}
	}
	return strings.Join(strings.Fields(t), " ")
}

// chemoGivenRe is chemotherapy given at this encounter: "Cycle 3 ddAC
// given today", "C2D1 administered", "chemotherapy infused today",
// "Proceed with cycle 4 CAPOX today".
// chemoAdmissionRe is a stay said to be for chemotherapy.
var chemoAdmissionRe = regexp.MustCompile(`(?i)\b(?:encounter|admission|admitted|admit)\s+for\s+(?:(?:scheduled|planned|elective|inpatient)\s+)?(?:[\w/+-]+\s+){0,4}?(?:chemotherapy|chemo|HD-MTX|high-dose methotrexate)\b`)

// chemoHeldRe says a stay's chemotherapy was not given.
var chemoHeldRe = regexp.MustCompile(`(?i)\b(?:chemo(?:therapy)?|cycle \d+|C\d+D\d+)\b[^.\n]{0,40}?\b(?:held|deferred|postponed|delayed|cancel+ed|not given|not administered)\b|\b(?:held|deferred|postponed|delayed|cancel+ed)\s+(?:(?:the|his|her|this)\s+)?(?:chemo(?:therapy)?|cycle \d+|C\d+D\d+)\b`)

var chemoGivenRe = regexp.MustCompile(`(?i)\b(chemo(?:therapy)?|cycle \d+|C\d+D\d+|(?:R-)?CHOP|FOLFOX|FOLFIRI|ddAC|AC-T|docetaxel|paclitaxel|carboplatin|cisplatin|gemcitabine|rituximab)\b[^.\n]{0,60}?\b(given|administered|infused|started) today\b|\b(?:infused|administered|given) (?:cycle \d+|C\d+D\d+|chemo(?:therapy)?)\b|\bproceed(?:ing)? with (?:cycle \d+|C\d+D\d+|chemo(?:therapy)?)\b[^.\n]{0,60}?\btoday\b|\bproceed(?:ing)? with (?:cycle \d+ day 1|C\d+D1)\b`)

// chemoDrugRe names a cytotoxic chemotherapy or its regimen.
var chemoDrugRe = regexp.MustCompile(`(?i)\b(?:chemo(?:therapy)?|(?:R-)?CHOP|FOLFOX|FOLFIRI|FOLFIRINOX|CAPOX|ddAC|AC-T|docetaxel|paclitaxel|nab-paclitaxel|carboplatin|cisplatin|oxaliplatin|gemcitabine|pemetrexed|etoposide|doxorubicin|cyclophosphamide|fluorouracil|5-FU|capecitabine|irinotecan|vinorelbine)\b`)

// immunoGivenRe says antineoplastic immunotherapy (a checkpoint
// inhibitor) is given at this visit: "Proceed with nivolumab 480 mg IV
// today, cycle 5" (Z51.12).
var immunoGivenRe = regexp.MustCompile(`(?i)\b(?:immunotherapy|nivolumab|pembrolizumab|ipilimumab|atezolizumab|durvalumab|cemiplimab|avelumab|dostarlimab|tremelimumab)\b[^.\n]{0,60}?\b(?:given|administered|infused|started) today\b|\b(?:infused|administered|given) (?:immunotherapy|nivolumab|pembrolizumab|ipilimumab|atezolizumab|durvalumab|cemiplimab)\b|\bproceed(?:ing)? with (?:immunotherapy|nivolumab|pembrolizumab|ipilimumab|atezolizumab|durvalumab|cemiplimab|avelumab|dostarlimab)\b[^.\n]{0,40}?\btoday\b`)

// immunoCycleGivenRe is a cycle of immunotherapy the visit proceeds with,
// "Proceed with cycle 3 nivolumab … + ipilimumab … today": read only in a
// note that says it was administered (a clinic visit before the infusion,
// "Proceed with C8 pembrolizumab today", is not the infusion's encounter).
var immunoCycleGivenRe = regexp.MustCompile(`(?i)\bproceed(?:ing)? with (?:cycle|C)\s*\d+\s*(?:D\d+\s+)?(?:of\s+\d+\s+)?(?:immunotherapy|nivolumab|pembrolizumab|ipilimumab|atezolizumab|durvalumab|cemiplimab|avelumab|dostarlimab)\b[^.\n]{0,40}?\btoday\b`)

// chemotherapyEncounter codes a visit at which antineoplastic
// chemotherapy is given as that encounter, Z51.11, first listed (Official
// Guidelines I.C.2.e.2); a mention of chemotherapy as the cause of a
// complication ("neutropenic fever secondary to chemotherapy") is not one,
// so a Z51.1- read from such a phrase is dropped.
func chemotherapyEncounter(out []Suggestion, note string, x *lookups, opt Options) []Suggestion {
	out = slices.DeleteFunc(out, func(s Suggestion) bool { return strings.HasPrefix(s.Code, "Z51.1") })
	// (an immunotherapy given with chemotherapy is coded after it)
	immunoLine := "" // the line that gives an immunotherapy
	for _, e := range []struct {
		code, rule string
		re         *regexp.Regexp
	}{{"Z51.12", "immunotherapy encounter", immunoGivenRe}, {"Z51.11", "chemotherapy encounter", chemoGivenRe}} {
		// (a note naming no immunotherapy is not read for one)
		if e.code == "Z51.12" && !containsAny(opt.lower, "immunotherapy", "mab") {
			continue
		}
		given := treatmentGiven(note, opt.lower, e.re)
		if given < 0 && e.code == "Z51.12" && containsAny(opt.lower, "administered", "infused", "infusion visit") {
			given = treatmentGiven(note, opt.lower, immunoCycleGivenRe)
		}
		// (a stay the note says was for the chemotherapy, "Scheduled
		// admission for induction chemotherapy (7+3 …)", "Encounter for
		// HD-MTX chemotherapy, cycle 4", gave it unless the note says
		// it was held)
		if given < 0 && e.code == "Z51.11" && opt.Inpatient && containsAny(opt.lower, "chemo", "methotrexate", "hd-mtx") {
			if m := chemoAdmissionRe.FindStringIndex(note); m != nil && !chemoHeldRe.MatchString(note) {
				given = m[0]
			}
		}
		if given < 0 {
			continue
		}
		// (a cycle of checkpoint inhibitors alone is no chemotherapy:
		// "Proceed with cycle 3 nivolumab … + ipilimumab … today")
		line := lineOf(note, given)
		if e.code == "Z51.12" {
			immunoLine = line
		} else if line == immunoLine && !chemoDrugRe.MatchString(line) {
			continue
		}
		r, ok := x.Code(codeset.ICD10CM, e.code, opt.Date)
		if !ok {
			continue
		}
		end := given + strings.IndexAny(note[given:]+"\n", ".\n")
		for i := range out {
			out[i].Principal = false
		}
		out = append([]Suggestion{{System: codeset.ICD10CM, Code: e.code, Title: r.Title, Confidence: 0.9, Start: given, End: end,
			Evidence: note[given:end], Section: sectionKindNames[secOther], Principal: true, Rule: e.rule}}, out...)
	}
	return out
}

// primaryGoneRe says a cancer's primary was taken out and has not come
// back: "history of primary left upper arm melanoma excised 2022 without
// local recurrence", "Primary site … previously excised with no residual
// disease".
var primaryGoneRe = guard(`(?i)\bprimary\b[^.\n]{0,80}?\b(?:excised|resected|removed)\b[^.\n]{0,60}?\b(?:without|no)\s+(?:local\s+|evidence of\s+)?(?:recurrence|residual)`, "primary")

// excisedPrimary codes the primary of a metastatic cancer the note says
// was excised without recurrence as its history (Z85.-), beside the
// secondary sites: "When a primary malignancy has been excised … and
// there is no evidence of any existing primary malignancy at that site, a
// code from category Z85 … should be used" (Official Guidelines
// I.C.2.d).
func excisedPrimary(out []Suggestion, note string, x *lookups, opt Options) []Suggestion {
	if firstWithPrefix(out, "C77", "C78", "C79") < 0 || !strings.Contains(opt.lower, "primary") {
		return out
	}
	m := primaryGoneRe.FindStringIndex(note)
	if m == nil {
		return out
	}
	for i, s := range out {
		if s.Code[0] != 'C' || s.Code >= "C77" {
			continue
		}
		code := personalCancerCode(s.Title)
		if code == "" {
			continue
		}
		if containsCode(out, code) {
			return slices.Delete(out, i, i+1)
		}
		if recode(&out[i], code, "primary excised without recurrence", x, opt) {
			out[i].Principal = false
		}
		return out
	}
	return out
}

// palliativeNoteRe titles a note written for palliative or hospice care,
// at the start of a line: "PALLIATIVE CARE CONSULTATION", "Palliative
// Medicine Consult Note", "HOSPICE HOME VISIT".
var palliativeNoteRe = regexp.MustCompile(`(?im)^[ \t]*(?:outpatient\s+|inpatient\s+)?(?:palliative\s+(?:care|medicine)\s+(?:consult\w*|note|progress note|visit)|hospice\s+(?:home\s+)?(?:visit|note|admission|progress note))\b`)

// comfortCareRe says a stay turned to comfort care: "transitioned to
// comfort measures only", "made comfort care", "compassionate
// extubation" (not a transition only discussed or offered).
var comfortCareRe = guard(`(?i)\b(?:transitioned\s+(?:to|him|her|the patient)\s+(?:to\s+)?(?:comfort|hospice|palliative|end-of-life)|comfort\s+(?:measures|care)\s+only\b|made\s+comfort\s+care|compassionate(?:ly)?\s+extubat|terminal(?:ly)?\s+extubat)`, "transitioned", "comfort", "compassionate", "terminal")

// palliativeEncounter codes a note titled for palliative or hospice care,
// or a stay that turned to comfort care, as an encounter for palliative
// care (Z51.5), after the conditions it is for.
func palliativeEncounter(out []Suggestion, note string, x *lookups, opt Options) []Suggestion {
	if containsCode(out, "Z51.5") {
		return out
	}
	head := note[:min(len(note), 300)]
	m := palliativeNoteRe.FindStringIndex(head)
	if m == nil && opt.Inpatient {
		m = comfortCareRe.FindStringIndex(note)
	}
	if m == nil {
		return out
	}
	return appendCodeAt(out, note, m, "Z51.5", 0.85, "encounter for palliative care", x, opt)
}

// treatmentGiven returns where re, a pattern of chemoGivenRe's kind, says
// a treatment was given at this encounter, or -1. Only the lines holding
// one of the patterns' verbs are searched.
func treatmentGiven(note, lower string, re *regexp.Regexp) int {
	for ls := 0; ls < len(note); {
		le := lineEnd(note, ls)
		if l := lower[ls:le]; containsAny(l, "today", "infused", "administered", "given c", "given i", "proceed") {
			for _, m := range re.FindAllStringIndex(note[ls:le], -1) {
				// ("expected adverse effect of correctly administered
				// chemotherapy": the cause of a complication, train38/14)
				// ("Will proceed with C8D1 in two weeks if counts allow": a
				// plan, not this visit's treatment)
				rest := lower[ls+m[0] : ls+m[0]+strings.IndexAny(lower[ls+m[0]:le]+".", ".;")]
				if !negatedAt(note, ls+m[0]) && !containsAny(lower[ls+m[0]:ls+m[1]], " not ", "n't ", " no ", " held", " deferred") &&
					!containsAny(lower[max(ls, ls+m[0]-40):ls+m[0]], "adverse", "correctly", "properly", "effect of") &&
					!containsAny(lower[max(ls, ls+m[0]-12):ls+m[0]], "will ", "plan to ", "plans to ") && !laterTreatmentRe.MatchString(rest) {
					return ls + m[0]
				}
			}
		}
		ls = le + 1
	}
	return -1
}

// laterTreatmentRe puts a treatment after this visit: "in two weeks",
// "next week", "if counts allow".
var laterTreatmentRe = regexp.MustCompile(`\b(?:in (?:\d+|one|two|three|four|a few) (?:days?|weeks?)|next (?:week|cycle|visit|month)|if (?:counts|labs|anc|platelets)|once (?:counts|labs))\b`)

// chemoCauseRe says a condition is an effect of antineoplastic therapy:
// "secondary to chemotherapy", "chemotherapy-induced", "after R-CHOP".
var chemoCauseRe = regexp.MustCompile(`(?i)\b(?:due to|secondary to|from|after|following|related to|induced by|adverse effect of|post[- ]?)\s*(?:the\s+|his\s+|her\s+|recent\s+|antineoplastic\s+|cytotoxic\s+|cancer\s+)*(?:chemo(?:therapy)?|(?:R-)?CHOP|FOLFIRINOX|FOLFOX|FOLFIRI|ddAC|docetaxel|paclitaxel|carboplatin|cisplatin|gemcitabine)\b|\bchemo(?:therapy)?[- ](?:induced|related)\b`)

// immunosuppressantRe names an antineoplastic or immunosuppressive drug:
// the drug table's T45.1- class.
var immunosuppressantRe = regexp.MustCompile(`(?i)\b(?:tacrolimus|mycophenolate|cyclosporine|azathioprine|sirolimus|everolimus|belatacept|methotrexate|chemo(?:therapy)?|antineoplastic|immunosuppressive (?:drugs?|medications?|therapy))\b`)

// drugImmunodeficiency adds, beside an immunodeficiency due to drugs
// (D84.821), the adverse effect of the drug that caused it ("use
// additional code for adverse effect … to identify drug"): T45.1X5- for an
// immunosuppressant or chemotherapy the note names.
func drugImmunodeficiency(out []Suggestion, note string, x *lookups, opt Options) []Suggestion {
	i := firstWithPrefix(out, "D84.821")
	if i < 0 || firstWithPrefix(out, "T45.1X5") >= 0 || !affirmedIn(note, immunosuppressantRe) {
		return out
	}
	return addBeside(out, out[i], "T45.1X5"+string(opt.drugEpisode()), "adverse effect of the drug", x, opt)
}

// feverWordRe is a fever said in a word of its own.
var feverWordRe = regexp.MustCompile(`(?i)\b(?:fever|febrile)\b`)

// neutropenicFever codes a neutropenic fever as the neutropenia with
// R50.81 (fever presenting with conditions classified elsewhere), and a
// neutropenia its line ascribes to chemotherapy as D70.1 with the adverse
// effect T45.1X5A.
// (A pancytopenia, D61.81-, holds its neutropenia.)
func neutropenicFever(out []Suggestion, note string, x *lookups, opt Options) []Suggestion {
	i := firstWithPrefix(out, "D70", "D61.81")
	if i < 0 {
		return out
	}
	s := out[i]
	// (the whole line: "- Chemotherapy-induced neutropenia with fever
	// (febrile neutropenia)" found its code in the aside)
	// (or said elsewhere: "Febrile neutropenia due to chemotherapy" above
	// "- Chemotherapy-induced neutropenia, ANC nadir 80", whose line the
	// code's evidence may be)
	line := strings.ToLower(lineOf(note, s.Start))
	// (not "Afebrile", nor "no fever")
	if affirmedIn(line, feverWordRe) || affirmedIn(note, neutropenicFeverRe) {
		out = addBeside(out, s, "R50.81", "fever with neutropenia", x, opt)
	}
	if chemoCauseRe.MatchString(line) {
		if s.Code == "D70.9" || s.Code == "D70.2" || s.Code == "D70.8" {
			recode(&out[i], "D70.1", "neutropenia due to chemotherapy", x, opt)
		}
		if firstWithPrefix(out, "T45.1X5") < 0 {
			out = addBeside(out, s, "T45.1X5"+string(opt.drugEpisode()), "adverse effect of antineoplastic therapy", x, opt)
		}
	}
	return out
}

// neutropenicFeverRe names a neutropenic fever.
var neutropenicFeverRe = regexp.MustCompile(`(?i)\bfebrile neutropenia\b|\bneutropenic fever\b`)

// chemoThrombocytopenia codes a thrombocytopenia its line ascribes to
// chemotherapy as a secondary one (D69.59) with the adverse effect
// T45.1X5-, as the neutropenia is.
func chemoThrombocytopenia(out []Suggestion, note string, x *lookups, opt Options) []Suggestion {
	i := firstWithPrefix(out, "D69.6")
	if i < 0 {
		return out
	}
	s := out[i]
	if !chemoCauseRe.MatchString(strings.ToLower(lineAt(note, s.Start))) {
		return out
	}
	recode(&out[i], "D69.59", "thrombocytopenia due to chemotherapy", x, opt)
	if firstWithPrefix(out, "T45.1X5") < 0 {
		out = addBeside(out, s, "T45.1X5"+string(opt.drugEpisode()), "adverse effect of antineoplastic therapy", x, opt)
	}
	return out
}

// chemoNamedAdverseEffect adds the antineoplastics' adverse effect
// (T45.1X5-) beside a code whose title names antineoplastic chemotherapy as
// its cause ("Anemia due to antineoplastic chemotherapy" D64.81,
// "Antineoplastic chemotherapy induced pancytopenia" D61.810): their
// tabular entries ask for it ("use additional code for adverse effect, if
// applicable, to identify drug").
func chemoNamedAdverseEffect(out []Suggestion, x *lookups, opt Options) []Suggestion {
	for _, s := range out {
		if (s.Code == "D64.81" || s.Code == "D61.810") && firstWithPrefix(out, "T45.1X5") < 0 {
			return addBeside(out, s, "T45.1X5"+string(opt.drugEpisode()), "adverse effect of antineoplastic therapy", x, opt)
		}
	}
	return out
}

// appendCodeAt appends code, when it is billable, as a suggestion whose
// evidence is the note's span m.
func appendCodeAt(out []Suggestion, note string, m []int, code string, confidence float64, rule string, x *lookups, opt Options) []Suggestion {
	r, ok := x.Code(codeset.ICD10CM, code, opt.Date)
	if !ok || !r.Billable {
		return out
	}
	return append(out, Suggestion{System: codeset.ICD10CM, Code: r.Code, Title: r.Title, Confidence: confidence, Start: m[0], End: m[1],
		Evidence: note[m[0]:m[1]], Section: sectionKindNames[secOther], Rule: rule})
}

// addBeside adds code, with s's evidence, unless the suggestions hold it.
func addBeside(out []Suggestion, s Suggestion, code, rule string, x *lookups, opt Options) []Suggestion {
	if containsCode(out, code) {
		return out
	}
	r, ok := x.Code(codeset.ICD10CM, code, opt.Date)
	if !ok || !r.Billable {
		return out
	}
	s.Code, s.Title, s.Rule, s.Principal = code, r.Title, rule, false
	return append(out, s)
}

// breastQuadrants are the breast's sites as the C50 codes number them (the
// fourth character), by the words a note gives them.
var breastQuadrants = []struct {
	re   *regexp.Regexp
	site byte
}{
	{regexp.MustCompile(`(?i)\b(?:nipple|areola)\b`), '0'},
	{regexp.MustCompile(`(?i)\bcentral portion\b|\bsubareolar\b|\bretroareolar\b`), '1'},
	{regexp.MustCompile(`(?i)\bupper[- ]inner\b|\bUIQ\b`), '2'},
	{regexp.MustCompile(`(?i)\blower[- ]inner\b|\bLIQ\b`), '3'},
	{regexp.MustCompile(`(?i)\bupper[- ]outer\b|\bUOQ\b`), '4'},
	{regexp.MustCompile(`(?i)\blower[- ]outer\b|\bLOQ\b`), '5'},
	{regexp.MustCompile(`(?i)\baxillary tail\b`), '6'},
}

// breastQuadrant gives a breast cancer coded at an unspecified site
// (C50.9-) the quadrant the note names for it elsewhere ("Invasive ductal
// carcinoma of the LEFT breast, upper-outer quadrant" in the oncologic
// history, "left breast IDC" in the assessment: C50.412), when the note
// names one quadrant only.
func breastQuadrant(out []Suggestion, note string, x *lookups, opt Options) {
	i := firstWithPrefix(out, "C50.9")
	if i < 0 || len(out[i].Code) != 7 || !containsAny(opt.lower, "quadrant", "nipple", "areola", "central portion", "axillary tail", "uoq", "uiq", "loq", "liq") {
		return
	}
	site := byte(0)
	for _, q := range breastQuadrants {
		if q.re.MatchString(note) {
			if site != 0 {
				return // two sites: the note must say which
			}
			site = q.site
		}
	}
	if site != 0 {
		recode(&out[i], out[i].Code[:4]+string(site)+out[i].Code[5:], "breast cancer site named elsewhere", x, opt)
	}
}

// pancreasSites are the pancreas's parts as the C25 codes number them.
var pancreasSites = []struct {
	re   *regexp.Regexp
	code string
}{
	{regexp.MustCompile(`(?i)\b(?:head of (?:the )?pancreas|pancreatic head|uncinate process)\b`), "C25.0"},
	{regexp.MustCompile(`(?i)\b(?:body of (?:the )?pancreas|pancreatic body)\b`), "C25.1"},
	{regexp.MustCompile(`(?i)\b(?:tail of (?:the )?pancreas|pancreatic tail)\b`), "C25.2"},
	{regexp.MustCompile(`(?i)\b(?:neck of (?:the )?pancreas|pancreatic neck)\b`), "C25.7"},
}

// pancreasSite gives a pancreatic cancer the part the note names for it
// ("metastatic pancreatic adenocarcinoma (head of pancreas)": C25.0) when
// it names one part only; a ductal adenocarcinoma is a histology, not the
// duct's cancer (C25.3), which a note names as the duct itself.
func pancreasSite(out []Suggestion, note string, x *lookups, opt Options) {
	i := firstWithPrefix(out, "C25.")
	if i < 0 || !strings.Contains(opt.lower, "pancrea") {
		return
	}
	code := ""
	for _, p := range pancreasSites {
		if p.re.MatchString(note) {
			if code != "" {
				return // two parts: the note must say which
			}
			code = p.code
		}
	}
	switch {
	case code != "" && (out[i].Code == "C25.9" || out[i].Code == "C25.3" || out[i].Code == "C25.8"):
		recode(&out[i], code, "pancreatic cancer site named", x, opt)
	case code == "" && out[i].Code == "C25.3" && !strings.Contains(opt.lower, "pancreatic duct") && !strings.Contains(opt.lower, "duct of wirsung"):
		recode(&out[i], "C25.9", "pancreatic cancer site named", x, opt)
	}
}

// neckNodeRe is a cancer's spread to the lymph nodes of the neck as a
// head and neck or thyroid surgeon names them: "metastatic disease in R
// central compartment (level VI) lymph nodes", "level II nodal
// metastases", "cervical lymph node metastasis".
var neckNodeRe = regexp.MustCompile(`(?i)\bmetasta\w*[^.;\n]{0,60}?\b(?:central compartment|level\s+(?:VI|V|IV|III|II|I|[1-6])[ab]?|lateral neck|cervical|neck)\b[^.;\n]{0,30}?\b(?:lymph nodes?|nodes?|LNs?)\b|\b(?:central compartment|level\s+(?:VI|V|IV|III|II|I|[1-6])[ab]?|lateral neck|cervical|neck)\s+(?:lymph node|nodal|node)\s+metasta`)

// neckNodeMetastases codes a primary cancer's spread to the neck's lymph
// nodes (C77.0) when a line the cancer is coded from, or the next, names
// the nodes (not one that denies them).
func neckNodeMetastases(out []Suggestion, note string, x *lookups, opt Options) []Suggestion {
	if containsCode(out, "C77.0") || !containsAny(opt.lower, "metasta") {
		return out
	}
	for _, s := range out {
		if s.Code[0] != 'C' || s.Code >= "C77" {
			continue
		}
		if m := affirmedOnLine(note, s, neckNodeRe); m != nil {
			return addBeside(out, Suggestion{System: s.System, Confidence: 0.8, Start: m[0], End: m[1], Evidence: note[m[0]:m[1]], Section: s.Section}, "C77.0", "metastases to the neck's lymph nodes", x, opt)
		}
	}
	return out
}
