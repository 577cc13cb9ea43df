package cac

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// A statusRule codes a status the note states in passing: a device or
// graft in place, a dependence on a machine, an organ removed. Coders add
// these (Z93–Z99) when the documentation says them, whatever the section.
type statusRule struct {
	anchors []string       // words, lower case, one of which a mention holds
	re      *regexp.Regexp // the mention
	code    func(m string) string
	rule    string
	// past says the mention must also say the status predates this
	// encounter ("s/p", "prior", "history of", a year): a stent placed
	// during the stay is coded as the procedure, not as a status.
	past bool
	// unless is a sentence that makes the mention no status: a course of
	// chemotherapy still being given is no history of one.
	unless *regexp.Regexp
	// undone is what, anywhere in the note, says the status has since
	// ended: an ostomy reversed.
	undone *regexp.Regexp
}

func fixed(code string) func(string) string { return func(string) string { return code } }

// bySide picks a code by the side a mention names: right, left, both.
func bySide(right, left, both, unspecified string) func(string) string {
	return func(m string) string {
		l := strings.ToLower(m)
		switch {
		case containsAny(l, "bilateral", "both", "b/l"):
			return both
		case containsAny(l, "right", "rt ", "r ") || strings.HasPrefix(l, "r "):
			return right
		case containsAny(l, "left", "lt ", "l ") || strings.HasPrefix(l, "l "):
			return left
		}
		return unspecified
	}
}

// toeAmputation is Z89.41- for a great toe taken off, Z89.42- for another,
// by the side its mention gives (another mention may give it: "Hx of 2nd
// toe amputation same foot", then "s/p LEFT 2nd toe amputation").
func toeAmputation(m string) string {
	if containsAny(strings.ToLower(m), "great", "big", "1st", "first") {
		return bySide("Z89.411", "Z89.412", "", "")(m)
	}
	return bySide("Z89.421", "Z89.422", "", "")(m)
}

// wholeBreast is Z90.1- by side for a mastectomy that took the breast; a
// partial one (a lumpectomy) leaves it.
func wholeBreast(m string) string {
	if containsAny(strings.ToLower(m), "partial", "segmental", "quadrant") {
		return ""
	}
	return bySide("Z90.11", "Z90.12", "Z90.13", "Z90.10")(m)
}

// her2Re is the HER2 status written after a hormone receptor status:
// "HER2 negative (IHC 1+)", "HER2-", "HER2+", "HER-2/neu 3+".
var her2Re = regexp.MustCompile(`(?i)\bHER-?2(?:/neu)?\s*(?:status\s*)?(?::\s*)?(\+|-|positive|negative|pos\b|neg\b|amplified|not amplified|non-?amplified|(?:\(?IHC\s*)?[0-3]\+)`)

// receptorStatus is Z17.0 for an estrogen receptor positive mention,
// Z17.1 for a negative one; with the HER2 status after it, the combined
// code (Z17.410–Z17.421, FY2025 on).
func receptorStatus(m string) string {
	er := strings.ToLower(erRe.FindString(m))
	hormone := !(strings.Contains(er, "-") && !strings.Contains(er, "receptor-") || strings.Contains(er, "neg"))
	if h := her2Re.FindStringSubmatch(m); h != nil {
		v := strings.ToLower(h[1])
		pos, known := false, true
		switch {
		case v == "+" || v == "positive" || v == "pos" || v == "amplified" || strings.HasSuffix(v, "3+"):
			pos = true
		case v == "-" || v == "negative" || v == "neg" || strings.Contains(v, "amplified") || strings.HasSuffix(v, "0+") || strings.HasSuffix(v, "1+"):
		default:
			known = false // IHC 2+ is equivocal
		}
		if known {
			switch {
			case hormone && pos:
				return "Z17.410"
			case hormone:
				return "Z17.411"
			case pos:
				return "Z17.420"
			default:
				return "Z17.421"
			}
		}
	}
	if !hormone {
		return "Z17.1"
	}
	return "Z17.0"
}

// erRe is an estrogen receptor status.
var erRe = regexp.MustCompile(`(?i)\b(?:(?:ER|HR)\s*(?:\+|-(?:\s|,|;|\)|/|$)|positive\b|negative\b|pos\b|neg\b)|(?:estrogen|hormone) receptor[- ](?:positive|negative))`)

var statusRules = []statusRule{
	{anchors: []string{"stent", "pci", "des", "bms", "angioplasty"}, past: true, rule: "status: coronary stent", code: fixed("Z95.5"),
		re: regexp.MustCompile(`(?i)\b((?-i:PCI|DES|BMS)|(?:coronary|drug[- ]eluting|bare[- ]metal|LAD|RCA|LCx|circumflex|OM|diagonal)\s+(?:artery\s+)?stents?|stents?\s+(?:to|in|of)\s+(?:the\s+)?(?:LAD|RCA|LCx|circumflex|OM|diagonal|coronary|proximal|mid|distal)|coronary angioplasty)\b`)},
	{anchors: []string{"cabg", "bypass"}, past: true, rule: "status: coronary bypass", code: fixed("Z95.1"),
		re: regexp.MustCompile(`(?i)\b(CABG|coronary artery bypass(?: graft(?:ing|s)?)?)\b`)},
	// an implanted venous access port listed as such ("- Port-a-cath
	// (right chest), placed for chemotherapy - functioning", "3.
	// Implanted right chest port in situ"): a vascular implant (Z95.828);
	// one named in passing ("chemo via R chest port", "port site clean")
	// is left to the coder, as is a laparoscopic "port site"
	{anchors: []string{"port"}, rule: "status: vascular access port", code: fixed("Z95.828"),
		re: regexp.MustCompile(`(?i)^[ \t]*(?:[-#*•][ \t]*|\d+[.)][ \t]*)?(?:(?:implanted|indwelling|subcutaneous|tunneled)\s+)?(?:(?:right|left|R|L)\s+)?(?:chest\s+)?(?:port-?a-?cath|portacath|medi-?port|power-?port|port)\b(?:\s*\((?:right|left|R|L)\s+chest\))?\s*(?:in place|in situ|[,:(-]|$)`)},
	// (not a pacemaker still to be placed: "NPO after midnight for
	// dual-chamber permanent pacemaker")
	{anchors: []string{"pacemaker", "ppm"}, rule: "status: pacemaker", code: fixed("Z95.0"),
		unless: regexp.MustCompile(`(?i)\b(?:NPO|(?:for|undergo|scheduled for|planned|plan for|referred for|candidate for)\s+(?:an?\s+)?(?:(?:dual|single)[- ]chamber\s+|permanent\s+|leadless\s+)*(?:pacemaker|PPM))\b`),
		re:     regexp.MustCompile(`(?i)\b(?:s/p|status post|has an?|with an?|existing|prior|dual[- ]chamber|single[- ]chamber|permanent)\s+(?:dual[- ]chamber\s+|single[- ]chamber\s+|permanent\s+)?(?:pacemaker|PPM)\b`)},
	{anchors: []string{"aicd", "icd", "defibrillator"}, rule: "status: defibrillator", code: fixed("Z95.810"),
		re: regexp.MustCompile(`(?i)\b(AICD|ICD (?:in place|check|interrogation|pocket|function)|(?:s/p|status post|has an?|with an?|existing|prior)\s+(?:[a-z-]+\s+){0,3}ICD|(?:dual|single)[- ]chamber ICD|implant(?:ed|able) cardioverter[- ]defibrillator)\b`)},
	// (not a dialysis the line says is over: "Hx ESRD on HD - resolved
	// with transplant")
	{anchors: []string{"dialysis", "hd", "capd", "esrd", "end-stage", "end stage"}, rule: "status: dialysis", code: fixed("Z99.2"),
		unless: regexp.MustCompile(`(?i)^\W*(?:\d+[.)]\s*)?(?:hx|h/o|history of|prior|previous|remote)\b|\bresolved (?:with|after|by) (?:a |her |his )?(?:kidney |renal )?transplant|\bno longer (?:on|requires|needs) (?:dialysis|HD|hemodialysis)\b`),
		re:     regexp.MustCompile(`(?i)\b(?:on|receives|receiving|maintenance|chronic|dependent|dependence|outpatient)\s+(?:(?:maintenance|chronic|outpatient|intermittent|home|nocturnal|continuous|cycling|automated|ambulatory|in-center)\s+){0,3}(?:hemodialysis|dialysis|peritoneal dialysis|CAPD|CCPD|APD)\b|\b(?:ESRD|end[- ]stage renal disease)\s+(?:on|with|requiring)\s+(?:HD|hemodialysis|dialysis|PD)\b|\b(?:HD|hemodialysis|dialysis)\s+(?:on\s+)?(?:M/W/F|MWF|T/Th/S|TTS|TuThSa|three times (?:a|per) week|3x/week)`)},
	// "on long-term oxycodone", "on chronic opioids": an opioid taken
	// long-term for pain (Z79.891), not a treatment of its use disorder
	{anchors: []string{"opioid", "opiate", "oxycodone", "hydrocodone", "morphine", "hydromorphone", "tramadol", "tapentadol", "oxymorphone"}, rule: "status: long-term opioid", code: fixed("Z79.891"),
		unless: regexp.MustCompile(`(?i)\b(?:use disorder|dependence|OUD|addiction|buprenorphine|suboxone|methadone)\b`),
		re:     regexp.MustCompile(`(?i)\b(?:on|takes|taking|maintained on)\s+(?:long[- ]term|chronic)\s+(?:opioids?|opiates?|oxycodone|hydrocodone|morphine|hydromorphone|tramadol|tapentadol|oxymorphone)\b`)},
	{anchors: []string{"oxygen", "o2"}, rule: "status: home oxygen", code: fixed("Z99.81"),
		re: regexp.MustCompile(`(?i)\b(?:home|chronic|continuous|nocturnal|baseline|long[- ]term)\s+(?:O2|oxygen)\b|\b(?:O2|oxygen)\s+(?:at|@)\s+(?:home|baseline|night)|\b(?:on|uses|requires)\s+\d(?:\.\d)?\s*(?:-\s*\d\s*)?L(?:/min)?\s+(?:of\s+)?(?:O2|oxygen|NC|nasal cannula)\s+(?:at home|at baseline|continuously|chronically|at night)`)},
	{anchors: []string{"splenectomy", "asplenic", "asplenia"}, rule: "status: spleen removed", code: fixed("Z90.81"),
		re: regexp.MustCompile(`(?i)\b(?:s/p|status post|history of|prior|previous|post)\s+(?:[a-z-]+\s+){0,2}splenectomy|\bsplenectomy\s+(?:in|at age)\s+\d|\b(?:functionally\s+|surgically\s+)?asplenic\b`)},
	{anchors: []string{"tka", "tkr", "total knee", "knee replacement", "knee arthroplasty"}, past: true, rule: "status: knee replacement", code: bySide("Z96.651", "Z96.652", "Z96.653", "Z96.659"),
		re: regexp.MustCompile(`(?i)\b(?:(?:right|left|bilateral|R|L|b/l)\s+)?(?:TKA|TKR|total knee (?:arthroplasty|replacement)|knee (?:arthroplasty|replacement))\b(?:\s*,?\s*(?:right|left|bilateral))?`)},
	{anchors: []string{"tha", "thr", "total hip", "hip replacement", "hip arthroplasty"}, past: true, rule: "status: hip replacement", code: bySide("Z96.641", "Z96.642", "Z96.643", "Z96.649"),
		re: regexp.MustCompile(`(?i)\b(?:(?:right|left|bilateral|R|L|b/l)\s+)?(?:THA|THR|total hip (?:arthroplasty|replacement)|hip (?:arthroplasty|replacement))\b(?:\s*,?\s*(?:right|left|bilateral))?`)},
	{anchors: []string{"colostomy"}, rule: "status: colostomy", code: fixed("Z93.3"), undone: ostomyUndone("colostomy"),
		re: regexp.MustCompile(`(?i)\b(?:s/p|status post|has an?|with an?|end|loop|existing|functioning|prior)\s+colostomy\b|\bcolostomy\s+(?:in place|status|bag|output|functioning)`)},
	{anchors: []string{"ileostomy"}, rule: "status: ileostomy", code: fixed("Z93.2"), undone: ostomyUndone("ileostomy"),
		re: regexp.MustCompile(`(?i)\b(?:s/p|status post|has an?|with an?|end|loop|existing|functioning|prior)\s+ileostomy\b|\bileostomy\s+(?:in place|status|bag|output|functioning)`)},
	{anchors: []string{"tracheostomy", "trach"}, rule: "status: tracheostomy", code: fixed("Z93.0"),
		re: regexp.MustCompile(`(?i)\b(?:s/p|status post|has an?|with an?|existing|chronic)\s+(?:tracheostomy|trach)\b|\b(?:tracheostomy|trach)\s+(?:in place|dependent|status)`)},
	{anchors: []string{"peg", "g-tube", "gastrostomy", "g tube"}, rule: "status: gastrostomy", code: fixed("Z93.1"),
		// (PEG in capitals: "positioned with a peg board" is no gastrostomy)
		re: regexp.MustCompile(`(?i:\b(?:s/p|has an?|with an?|existing|via|through)\s+(?:(?:a|an|the|his|her)\s+)?)(?:PEG|(?i:G[- ]tube|gastrostomy(?: tube)?))\b|\b(?:PEG|(?i:G[- ]tube|gastrostomy tube))(?i:\s+(?:in place|dependent|feeds|feedings))`)},
	{anchors: []string{"insulin pump"}, rule: "status: insulin pump", code: fixed("Z96.41"),
		re: regexp.MustCompile(`(?i)\b(?:on|uses|using|wears|has|with|via|existing|continues)\s+(?:an?\s+|her\s+|his\s+)?(?:[a-z-]+\s+)?insulin pump\b|\binsulin pump\s+(?:in place|user|therapy|site)\b|\b(?:CSII|continuous subcutaneous insulin infusion)\b`)},
	// a prostate cancer that no longer answers androgen deprivation
	// (Z19.2 "Hormone resistant malignancy status")
	{anchors: []string{"castration-resistant", "castration resistant", "castrate-resistant", "castrate resistant", "crpc", "hormone-refractory", "hormone refractory"}, rule: "status: hormone resistant malignancy", code: fixed("Z19.2"),
		re: regexp.MustCompile(`(?i)\b(?:castrat(?:ion|e)[- ]resistant|m?CRPC|hormone[- ]refractory)\b`)},
	// a triple-negative breast cancer: hormone receptor negative with HER2
	// negative (Z17.421, the index's "Triple negative")
	{anchors: []string{"triple-negative", "triple negative", "tnbc"}, rule: "status: triple-negative receptors", code: fixed("Z17.421"),
		re: regexp.MustCompile(`(?i)\b(?:triple[- ]negative|TNBC)\b`)},
	// a breast cancer's estrogen receptor status, as the note writes it
	// (or its hormone receptors together, "HR+/HER2-")
	{anchors: []string{"er+", "er-", "er pos", "er neg", "estrogen receptor", "hr+", "hr-", "hr pos", "hr neg", "hormone receptor"}, rule: "status: estrogen receptor", code: receptorStatus,
		re: regexp.MustCompile(`(?i)\b(?:(?:ER|HR)\s*(?:\+|-(?:\s|,|;|\)|/|$)|positive\b|negative\b|pos\b|neg\b)|(?:estrogen|hormone) receptor[- ](?:positive|negative))(?:[^.;]{0,60}?\bHER-?2(?:/neu)?\s*(?:status\s*)?(?::\s*)?(?:\+|-|positive|negative|pos\b|neg\b|amplified|not amplified|non-?amplified|\(?(?:IHC\s*)?[0-3]\+))?`)},
	// a leg taken off below or above the knee (the stump, the prosthesis)
	{anchors: []string{"bka", "below-knee", "below knee", "below the knee"}, past: true, rule: "status: amputation", code: bySide("Z89.511", "Z89.512", "", "Z89.519"),
		re: regexp.MustCompile(`(?i)\b(?:(?:right|left|R|L)\s+)?(?:BKA|below[- ](?:the[- ])?knee amputation)\b`)},
	{anchors: []string{"aka", "above-knee", "above knee", "above the knee"}, past: true, rule: "status: amputation", code: bySide("Z89.611", "Z89.612", "", "Z89.619"),
		re: regexp.MustCompile(`(?i)\b(?:(?:right|left|R|L)\s+)?(?:AKA|above[- ](?:the[- ])?knee amputation)\b`)},
	// a toe taken off before ("S/p prior right 2nd toe amputation"): the
	// great toe's Z89.41-, another's Z89.42-
	{anchors: []string{"toe"}, past: true, rule: "status: amputation", code: toeAmputation,
		re: regexp.MustCompile(`(?i)\b(?:(?:right|left|R|L)\s+)?(?:(?:great|big|1st|first|2nd|second|3rd|third|4th|fourth|5th|fifth|little)\s+)?toe\s+amputation\b|\bamputation\s+of\s+(?:the\s+)?(?:(?:right|left|R|L)\s+)?(?:(?:great|big|1st|first|2nd|second|3rd|third|4th|fourth|5th|fifth|little)\s+)?toe\b`)},
	// on the waiting list for an organ
	{anchors: []string{"waitlist", "wait list", "waiting list", "listed for"}, rule: "status: awaiting transplant", code: fixed("Z76.82"),
		re: regexp.MustCompile(`(?i)\b(?:(?:on|active on|listed on)\s+(?:the\s+)?(?:[a-z-]+\s+){0,3}(?:transplant\s+)?(?:waitlist|wait list|waiting list)|waitlisted for (?:a\s+)?(?:[a-z]+\s+)?transplant|listed for (?:a\s+)?(?:[a-z]+\s+)?transplant)\b`)},
	// a clot-busting drug given at the hospital that sent the patient
	// (within the day before this admission)
	{anchors: []string{"alteplase", "tpa", "tenecteplase", "tnk", "thromboly"}, rule: "status: thrombolytic at another facility", code: fixed("Z92.82"),
		re: regexp.MustCompile(`(?i)\b(?:IV\s+)?(?:alteplase|r?tPA|tenecteplase|TNK|thrombolytics?|thrombolysis)\b[^.]{0,80}\b(?:at (?:the )?(?:referring|outside|transferring|sending|other|community)\s+(?:hospital|facility|ED|emergency department)|at (?:the )?OSH|there|prior to (?:transfer|arrival))\b|\b(?:referring|outside|transferring|sending)\s+(?:hospital|facility|ED|emergency department)\b[^.]{0,160}\b(?:alteplase|r?tPA|tenecteplase|TNK|thrombolytics?)\b`)},
	// hearing aids worn (not an encounter to fit them, Z46.1)
	{anchors: []string{"hearing aid"}, rule: "status: hearing aid", code: fixed("Z97.4"),
		re: regexp.MustCompile(`(?i)\b(?:wears|wearing|uses|using|with|has|own|bilateral|b/l|behind-the-ear|BTE)\s+(?:(?:his|her|bilateral|b/l|behind-the-ear|BTE|binaural|left|right)\s+){0,3}hearing aids?\b|\bhearing aids?\s+(?:in use|in place|daily|in both ears)\b`)},
	// the patient cares for a dependent relative at home
	{anchors: []string{"caregiver", "caring for", "cares for"}, rule: "status: caregiver of a dependent relative", code: fixed("Z63.6"),
		re: regexp.MustCompile(`(?i)\b(?:primary\s+|sole\s+|main\s+)?(?:caregiver\s+(?:for|of|to)|caring for|cares for)\s+(?:(?:his|her|a|an|their)\s+)?(?:(?:dependent|disabled|bedbound|bed-bound|elderly|ill|frail|chair-bound)\s+)?(?:wife|husband|spouse|mother|father|parent|parents|son|daughter|child|sister|brother|grandchild|grandson|granddaughter)\b`)},
	// a breast removed, and a cancer's past chemotherapy and radiation
	// (Z92.21, Z92.3: "history of … therapy", coded with the cancer's
	// history or beside one still treated otherwise)
	{anchors: []string{"mastectomy"}, rule: "status: breast removed", code: wholeBreast,
		re: regexp.MustCompile(`(?i)\b(?:s/p|status post|history of|h/o|prior|previous|post)\s+(?:(?:right|left|bilateral|R|L)\s+)?(?:[a-z-]+\s+){0,2}mastectom(?:y|ies)\b(?:,?\s*(?:right|left|bilateral))?|\b(?:(?:right|left|bilateral|R|L)\s+)?(?:[a-z-]+\s+){0,2}mastectom(?:y|ies)\s+(?:in\s+)?(?:19|20)\d\d\b`)},
	// (a regimen named for the chemotherapy: "adjuvant CAPOX x 4 cycles
	// completed 01/2023")
	{anchors: []string{"chemo", "capox", "xelox", "folfox", "folfiri", "r-chop", "abvd"}, rule: "status: history of chemotherapy", code: fixed("Z92.21"), unless: notPastTreatmentRe,
		re: regexp.MustCompile(`(?i)\b(?:s/p|status post|history of|h/o|prior|previous|completed|finished|received|underwent)\s+(?:[a-z/()-]+,?\s+){0,8}?(?:chemo(?:therapy)?|` + chemoRegimens + `)\b|\b(?:chemo(?:therapy)?|` + chemoRegimens + `)(?:\s+x\s*\d+\s+cycles?)?(?:\s*\([^)]{0,20}\))?\s*\(?\s*(?:completed|finished)\b` +
			// "adjuvant chemotherapy (docetaxel/cyclophosphamide x4,
			// completed 2020)"
			`|\bchemo(?:therapy)?\s*\([^)]{0,60}?\b(?:completed|finished)\s+(?:in\s+)?(?:19|20)\d\d\b`)},
	{anchors: []string{"radiation", "radiotherapy", "irradiation", "xrt", "adjuvant rt"}, rule: "status: history of radiation", code: fixed("Z92.3"), unless: notPastTreatmentRe,
		re: regexp.MustCompile(`(?i)\b(?:s/p|status post|history of|h/o|prior|previous|completed|finished|received|underwent)\s+(?:[a-z/()-]+,?\s+){0,8}?(?:radiation(?: therapy)?|radiotherapy|irradiation|XRT|adjuvant (?-i:RT))\b|\b(?:radiation(?: therapy)?|radiotherapy|XRT)\s*\(?\s*(?:completed|finished)\b`)},
	{anchors: []string{"transplant"}, past: true, rule: "status: kidney transplant", code: fixed("Z94.0"),
		re: regexp.MustCompile(`(?i)\b(?:kidney|renal)\s+transplant(?:ation)?\b`)},
	{anchors: []string{"transplant"}, past: true, rule: "status: liver transplant", code: fixed("Z94.4"),
		re: regexp.MustCompile(`(?i)\bliver\s+transplant(?:ation)?\b`)},
}

// ostomyUndone is what says a colostomy or an ileostomy (kind) was
// reversed: "Colostomy reversal (Hartmann reversal) 2022", "takedown of
// loop ileostomy", "stoma reversed - no ostomy"; "no stoma prolapse" is
// about a stoma still there.
func ostomyUndone(kind string) *regexp.Regexp {
	hartmann := "" // a Hartmann's procedure leaves an end colostomy
	if kind == "colostomy" {
		hartmann = `|\bhartmann(?:'s)?\s+reversal\b`
	}
	return regexp.MustCompile(`(?i)\b(?:` + kind + `|stoma)\s+(?:reversal|takedown|take-down|closure|(?:was\s+|has been\s+)?(?:reversed|closed|taken down))\b|\b(?:reversal|takedown|take-down|closure)\s+of\s+(?:the\s+|his\s+|her\s+)?(?:(?:end|loop|diverting)\s+)?(?:` + kind + `|stoma)\b|\bno\s+(?:stoma|ostomy|` + kind + `)(?:\s+since\b|\s*[.;,)\n]|$)|\bno longer has an?\s+(?:stoma|ostomy|` + kind + `)\b` + hartmann)
}

// futureRe near a reversal says it is still to come: "candidate for
// colostomy reversal", "takedown of the ileostomy planned in 3 months".
var futureRe = regexp.MustCompile(`(?i)\b(?:elective|scheduled|planned|plan(?:s|ning)?|candidate|referred|consider(?:ing|ed)?|will|would|awaiting|await|future|upcoming|pending|discuss(?:ed|ing)?|eligible|possible|hopes?|wants?)\b`)

// undoneIn reports whether re finds, in note, a status undone that is
// not still to come.
func undoneIn(re *regexp.Regexp, note string) bool {
	for _, m := range re.FindAllStringIndex(note, -1) {
		if !futureRe.MatchString(note[max(0, m[0]-40):min(len(note), m[1]+40)]) {
			return true
		}
	}
	return false
}

// chemoRegimens are chemotherapy regimens notes name for the therapy.
const chemoRegimens = `capox|xelox|folfox(?:-?\d)?|folfiri|folfirinox|r-chop|abvd`

// notPastTreatmentRe is a sentence about a treatment still being given,
// or one not given ("received no chemotherapy").
var notPastTreatmentRe = regexp.MustCompile(`(?i)\b(?:no (?:adjuvant |neoadjuvant |further )?(?:chemo|chemotherapy|radiation|radiotherapy)|declined|cycle|C\d+D\d+|ongoing|currently (?:receiving|on|undergoing)\s+(?:(?:adjuvant|neoadjuvant|concurrent|palliative|active)\s+)?(?:chemo|chemotherapy|radiation|radiotherapy|xrt|treatment|therapy)|receiving|on (?:active |adjuvant |neoadjuvant |maintenance |palliative )?(?:chemo|chemotherapy|radiation)|today|this admission|concurrent|will (?:start|begin|complete|continue)|due for)\b`)

// procedureLineRe opens a line that names this encounter's operation:
// "Procedure:", "Procedures performed:", "Operation:".
var procedureLineRe = regexp.MustCompile(`(?i)^\W*(?:procedures?|operations?|surgery)(?:\s+(?:performed|done))?\s*:`)

// pastRe is what says a status predates the encounter. "s/p" and "status
// post" do not: a discharge summary says "NSTEMI s/p PCI" of the stent it
// placed, which is coded as the procedure.
var pastRe = regexp.MustCompile(`(?i)\b(history of|h/o|prior|previous|remote|known|existing|in place|patent|(?:19|20)\d\d|\d+\s+(?:years?|yrs?|months?|mos?)\s+ago)\b`)

// statusPostRe is "status post" before a procedure.
var statusPostRe = regexp.MustCompile(`(?i)\b(?:s/p|status post)\s`)

// assessedForRe follows a status the patient was assessed for, not
// given: "home oxygen evaluation did not qualify her".
var assessedForRe = regexp.MustCompile(`(?i)^\s*(?:evaluation|eval|assessment|screening|trial|qualification)\b|^[^.;]*\b(?:did not|does not|doesn't|didn't) qualify\b`)

// needAssessedRe comes before a status the patient is to be assessed for:
// "ambulatory sat before d/c to assess need for home O2".
var needAssessedRe = regexp.MustCompile(`(?i)\b(?:assess|evaluate|determine|check|see if|whether)\s+(?:the\s+|his\s+|her\s+)?(?:need|needs|eligibility|qualification)\s+(?:for|of)\s+(?:an?\s+)?$|\b(?:qualify|qualifies|qualified) for\s+(?:an?\s+)?$`)

// placedBeforeRe is a procedure done in a past year or some time ago:
// "placed in 2019", "performed 3 years ago".
var placedBeforeRe = regexp.MustCompile(`(?i)\b(?:placed|performed|underwent)\b[^.;\n]{0,24}?\b(?:(?:19|20)\d\d|\d+\s+(?:years?|yrs?|months?|mos?)\s+ago)\b`)

// plannedRe is a procedure still to come.
var plannedRe = regexp.MustCompile(`(?i)\b(elective|scheduled|planned|plan(?:s|ning)? for|candidate for|referred for|consider(?:ing|ed)?|will undergo|underwent|performed|placed|this admission|today)\b`)

// statusCodes adds the status codes of statusRules. A mention in a negated
// sentence, or in a sentence about a relative, does not count; nor does a
// code's status when the note codes the condition it would duplicate. At
// a visit (visit true), "s/p" dates a procedure before it ("CAD s/p DES
// to mid-LAD"); a stay's "s/p" may be its own operation's.
func statusCodes(note, lower string, visit bool, add func(code string, start, end int, rule string)) {
	pos := statusAnchors.positions(lower)
	for _, r := range statusRules {
		for _, m := range findAroundAt(r.re, note, lower, pos, r.anchors) {
			s := sentenceAround(note, m[0])
			// ("Procedure: L total hip arthroplasty, posterior approach,
			// 06/08/2026": this encounter's operation, whose date is no
			// earlier one's)
			if r.past && procedureLineRe.MatchString(lineOf(note, m[0])) {
				continue
			}
			if negatedAt(note, m[0]) || familyRe.MatchString(s) || assessedForRe.MatchString(note[m[1]:min(len(note), m[1]+48)]) ||
				needAssessedRe.MatchString(note[max(0, m[0]-48):m[0]]) {
				continue
			}
			// a procedure still to come is said near the mention: "for
			// elective TKA", not "… rhythm control still being considered"
			// clauses away
			near := note[max(0, m[0]-40):min(len(note), m[1]+40)]
			// ("a drug-eluting stent to the RCA placed in 2019" was
			// placed before)
			if r.past && (!pastRe.MatchString(s) && !(visit && statusPostRe.MatchString(s)) || plannedRe.MatchString(near) && !placedBeforeRe.MatchString(near)) || r.unless != nil && r.unless.MatchString(s) {
				continue
			}
			if r.undone != nil && undoneIn(r.undone, note) {
				break
			}
			code := r.code(note[m[0]:m[1]])
			// ("L knee OA (now s/p TKA)": a side its clause gives before
			// the mention)
			if code != "" && code == r.code("") {
				cs := strings.LastIndexAny(note[:m[0]], ",;.:\n") + 1
				if c := r.code(note[cs:m[1]]); c != "" {
					code = c
				}
			}
			if code != "" {
				add(code, m[0], m[1], r.rule)
				break
			}
		}
	}
}

// Weeks of gestation (Z3A): "at 37 weeks", "EGA 24w3d", "G2P1 at 32+4 weeks".
var (
	gestationRe = regexp.MustCompile(`(?i)\b(\d{1,2})\s*(?:\+\s*\d\s*)?(?:weeks?|wks?)(?:\s*(?:and\s+)?\d\s*days?)?(?:'?\s*(?:of\s+)?(?:gestation|GA|EGA|pregnant|IUP|by\s+(?:LMP|dates|US|ultrasound)))|\b(?:EGA|GA|gestational age)(?:\s+of|:|\s+is)?\s*(\d{1,2})\s*(?:\+\s*\d|w\s*\d?\s*d?|weeks?|wks?)?|\b(\d{1,2})w\s*\d\s*d\b|\b(?:pregnancy|IUP|gestation|pregnant|G\d+\s*P\d+)\b[^.\n\d]{0,24}\b(\d{1,2})\s*(?:\+\s*\d\s*)?(?:weeks?|wks?)\b`)
)

// agoAfterRe follows a span of weeks that is a time before or since,
// not a pregnancy's: "4 wks ago", "now 5 weeks s/p repeat cesarean",
// "3 weeks postpartum".
var agoAfterRe = regexp.MustCompile(`(?i)^\s*(?:ago|postpartum|post-partum|pp|s/p|status post|after|since|post-?op)\b`)

// gestationCode returns the Z3A code of the weeks a note gives, or "".
func gestationCode(note string) (code string, start, end int) {
	var m []int
	for _, g := range gestationRe.FindAllStringSubmatchIndex(note, -1) {
		// ("+ home UPT 4 wks ago": a time before, not the pregnancy's
		// weeks)
		if !agoAfterRe.MatchString(note[g[1]:]) {
			m = g
			break
		}
	}
	if m == nil {
		return "", 0, 0
	}
	var w string
	for g := 1; g <= 4; g++ {
		if m[2*g] >= 0 {
			w = note[m[2*g]:m[2*g+1]]
			break
		}
	}
	n, err := strconv.Atoi(w)
	if err != nil {
		return "", 0, 0
	}
	switch {
	case n < 8:
		code = "Z3A.01"
	case n > 42:
		code = "Z3A.49"
	default:
		code = "Z3A." + strconv.Itoa(n)
		if n < 10 {
			code = "Z3A.0" + strconv.Itoa(n)
		}
	}
	return code, m[0], m[1]
}

// allergens maps what an allergy list names to its allergy status code.
var allergens = byWord(map[string]string{
	"Z88.0":    "penicillin penicillins pcn amoxicillin ampicillin augmentin",
	"Z88.1":    "cephalosporin cephalosporins cephalexin keflex ceftriaxone cefazolin erythromycin azithromycin clarithromycin macrolide macrolides vancomycin doxycycline tetracycline ciprofloxacin levofloxacin fluoroquinolone fluoroquinolones quinolone quinolones clindamycin",
	"Z88.2":    "sulfa sulfonamide sulfonamides bactrim sulfamethoxazole tmp-smx",
	"Z88.5":    "codeine morphine oxycodone hydrocodone opioid opioids opiate opiates",
	"Z88.6":    "nsaid nsaids ibuprofen naproxen",
	"Z91.040":  "latex",
	"Z91.041":  "contrast iodine",
	"Z91.010":  "peanut peanuts",
	"Z91.013":  "shellfish seafood",
	"Z91.0120": "egg eggs",
})

// allergyListRe is where a note lists allergies: "Allergies: PCN
// (hives), sulfa", "allergic to codeine"; allergyWordRe an allergen named
// before the word: "penicillin allergy".
var (
	allergyListRe = regexp.MustCompile(`(?i)\b(?:allergies|allergy|allergic to)\b\s*[:\-]?\s*([^\n.]{0,160})`)
	allergyWordRe = regexp.MustCompile(`(?i)\b([a-z-]+)\s+(?:allergy|allergic)\b`)
)

// allergyExcludedRe is a sentence that excludes the allergy it asks about.
var allergyExcludedRe = regexp.MustCompile(`(?i)\b(?:ruled out|not (?:\w+ )?allergic|no longer allergic|passed (?:an? |the )?(?:\w+ )?(?:in-office )?(?:\w+ )?challenge|outgr(?:ew|own)|wondered about|question of|` + labelRemoved + `|removed from (?:the |his |her )?(?:chart|allergy list)|allergy list (?:was |has been )?cleared)\b`)

// labelRemoved is a diagnosis label taken off the chart: "Penicillin
// allergy label removed", "de-labeled" (allergyExcludedRe,
// notAFindingItemRe).
const labelRemoved = `label\s+(?:is\s+inaccurate|removed|was\s+removed|has\s+been\s+removed)|de-?labell?ed`

// sideEffectReactionRe is a reaction written after a drug that is a side
// effect, an intolerance rather than an allergy: "codeine (N/V)",
// "codeine (nausea)".
var sideEffectReactionRe = regexp.MustCompile(`(?i)^\s*\(\s*(?:n/v|nausea(?:\s*(?:/|and|&)\s*vomiting)?|vomiting|gi upset|upset stomach|stomach upset|constipation|drowsiness|sedation|dizziness)\s*(?:only)?\s*\)`)

// allergyCodes adds the allergy status codes (Z88, Z91.0-) of the
// allergens a note lists. "NKDA", "no known allergies" give none.
func allergyCodes(note, lower string, add func(code string, start, end int, rule string)) {
	if !strings.Contains(lower, "allerg") {
		return
	}
	scan := func(at int, list string) {
		for i := 0; i < len(list); {
			for i < len(list) && !isLetter(list[i]) {
				i++
			}
			j := i
			for j < len(list) && (isLetter(list[j]) || list[j] == '-') {
				j++
			}
			// "codeine (nausea only -- intolerance, not true allergy)": an
			// intolerance is no allergy status
			// …nor one the patient took well ("PCN allergy low risk,
			// tolerated cefazolin")
			// …nor one named as avoided or fine to give ("cephalosporin
			// avoided per family preference")
			if code, ok := allergens[list[i:j]]; ok && !containsAny(list[j:min(len(list), j+60)], "intoleran", "not true allerg", "not a true allerg", "side effect") &&
				!containsAny(list[j:min(len(list), j+24)], "avoided", "appropriate", "tolerat", "safe", "given", "used") &&
				!containsAny(list[max(0, i-24):i], "tolerat", "received", "no reaction") && !sideEffectReactionRe.MatchString(list[j:]) &&
				// …nor one the patient is unsure of ("sulfa? - … but
				// unsure; will evaluate")
				!(strings.HasPrefix(list[j:], "?") || containsAny(list[j:min(len(list), j+60)], "unsure", "uncertain", "unclear", "questionable", "not sure")) {
				add(code, at+i, at+j, "allergy status")
			}
			i = j
		}
	}
	ok := func(at int) bool {
		return !negatedAt(note, at) && !familyRe.MatchString(sentenceAround(note, at))
	}
	for _, m := range findAroundSubmatch(allergyListRe, note, lower, "allerg") {
		list := strings.TrimSpace(strings.ToLower(note[m[2]:m[3]]))
		// "(non-severe PCN allergy; cephalosporin appropriate …)": what
		// follows the word's clause is no list of allergens
		if strings.HasPrefix(list, ";") || strings.HasPrefix(list, ")") || strings.HasPrefix(list, ",") {
			continue
		}
		// ("Egg allergy: also outgrown by age 5; eats eggs routinely";
		// "Allergies: the chart lists \"penicillin allergy.\" … label is
		// inaccurate and has been REMOVED")
		if allergyExcludedRe.MatchString(list) || allergyExcludedRe.MatchString(lineOf(note, m[0])) {
			continue
		}
		if !ok(m[0]) || strings.HasPrefix(list, "no ") || strings.HasPrefix(list, "nkda") || strings.HasPrefix(list, "none") || strings.HasPrefix(list, "nka") {
			continue
		}
		// the list ends with its clause: "Penicillin allergy — noted; if
		// … will call in cephalexin", and with the aside it was written
		// in: "(penicillin allergy is hives only, cephalosporin tolerated)
		// plus doxycycline"
		end := m[3]
		if k := strings.IndexByte(note[m[2]:end], ';'); k >= 0 {
			end = m[2] + k
		}
		ls := strings.LastIndexByte(note[:m[0]], '\n') + 1
		if strings.Count(note[ls:m[0]], "(") > strings.Count(note[ls:m[0]], ")") {
			if k := strings.IndexByte(note[m[2]:end], ')'); k >= 0 {
				end = m[2] + k
			}
		}
		scan(m[2], strings.ToLower(note[m[2]:end]))
	}
	for _, m := range findAroundSubmatch(allergyWordRe, note, lower, "allerg") {
		// "wondered about peanut allergy … challenge passed, not peanut
		// allergic": an allergy asked about and excluded
		if ok(m[0]) && !allergyExcludedRe.MatchString(sentenceAround(note, m[0])) && !allergyExcludedRe.MatchString(lineOf(note, m[0])) {
			scan(m[2], strings.ToLower(note[m[2]:m[3]]))
		}
	}
}

// nihssRe is a stroke scale score: "NIHSS 9 on arrival", "NIHSS score of 12".
var nihssRe = regexp.MustCompile(`(?i)\bNIHSS\b(?:\s+score)?(?:\s+(?:of|was|is|on arrival|at admission|on admission|at arrival))?\s*[:=]?\s*(\d{1,2})\b`)

// nihssCode returns the R29.7- code of the first NIH stroke scale score a
// note gives (coded with an acute stroke, Official Guidelines I.C.18.i),
// or "".
func nihssCode(note string) (code string, start, end int) {
	// the score at admission or arrival first, then the first not given at
	// discharge or later, then the first ("Discharge NIHSS is 4 …
	// Admission NIHSS 8" is R29.708)
	var admission, notLate, m []int
	for _, c := range nihssRe.FindAllStringSubmatchIndex(note, -1) {
		around := strings.ToLower(note[max(0, c[0]-30):min(len(note), c[1]+20)])
		if m == nil {
			m = c
		}
		if admission == nil && containsAny(around, "admission", "arrival", "initial", "presentation", "presenting") {
			admission = c
		}
		if notLate == nil && !containsAny(around, "discharge", "at 24", "repeat", "follow-up", "today") {
			notLate = c
		}
	}
	switch {
	case admission != nil:
		m = admission
	case notLate != nil:
		m = notLate
	}
	if m == nil {
		return "", 0, 0
	}
	n, err := strconv.Atoi(note[m[2]:m[3]])
	if err != nil || n > 42 {
		return "", 0, 0
	}
	return fmt.Sprintf("R29.7%02d", n), m[0], m[1]
}

// lineSpans returns the lines of note (as [start, end) offsets) that hold
// one of the anchors (lower case; an anchor of three letters or fewer as a
// word of its own), each once, in order.
func lineSpans(note, lower string, anchors ...string) [][2]int {
	return lineSpansAt(note, lower, newAnchorSet(anchors).positions(lower), anchors)
}

// lineSpansAt is lineSpans with each anchor's places in the note found
// already (anchorSet.positions).
func lineSpansAt(note, lower string, pos map[string][]int, anchors []string) [][2]int {
	var starts []int
	for _, a := range anchors {
		for _, i := range pos[a] {
			// "THA", "HD", "O2" are words of their own, not the
			// letters of "that", "shd" or "CO2"
			if at := i + len(a); len(a) <= 3 && (i > 0 && isAlnum(lower[i-1]) || at < len(lower) && isAlnum(lower[at])) {
				continue
			}
			starts = append(starts, strings.LastIndexByte(note[:i], '\n')+1)
		}
	}
	slices.Sort(starts)
	starts = slices.Compact(starts)
	out := make([][2]int, 0, len(starts))
	for _, s := range starts {
		e := len(note)
		if k := strings.IndexByte(note[s:], '\n'); k >= 0 {
			e = s + k
		}
		out = append(out, [2]int{s, e})
	}
	return out
}

// anchorSet finds many anchors in one pass over a text: a bit per pair of
// first bytes says whether any anchor starts so, and only then are the
// anchors of that pair compared.
type anchorSet struct {
	first   [1 << 16 / 64]uint64
	buckets map[uint16][]string
}

func newAnchorSet(anchors []string) *anchorSet {
	s := &anchorSet{buckets: map[uint16][]string{}}
	for _, a := range anchors {
		if len(a) < 2 {
			panic("cac: an anchor needs two letters: " + a)
		}
		k := uint16(a[0])<<8 | uint16(a[1])
		if !slices.Contains(s.buckets[k], a) {
			s.buckets[k] = append(s.buckets[k], a)
		}
		s.first[k>>6] |= 1 << (k & 63)
	}
	return s
}

// positions returns where each anchor occurs in lower, as repeated
// strings.Index calls from the end of the last occurrence find them.
func (s *anchorSet) positions(lower string) map[string][]int {
	pos := map[string][]int{}
	next := map[string]int{} // where an anchor may next start
	for i := 0; i+1 < len(lower); i++ {
		k := uint16(lower[i])<<8 | uint16(lower[i+1])
		if s.first[k>>6]&(1<<(k&63)) == 0 {
			continue
		}
		for _, a := range s.buckets[k] {
			if i >= next[a] && strings.HasPrefix(lower[i:], a) {
				pos[a] = append(pos[a], i)
				next[a] = i + len(a)
			}
		}
	}
	return pos
}

// statusAnchors are the anchors of every status rule.
var statusAnchors = func() *anchorSet {
	var all []string
	for _, r := range statusRules {
		all = append(all, r.anchors...)
	}
	return newAnchorSet(all)
}()

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// findAround is re.FindAllStringIndex(note) for an expression every match
// of which lies on one line and holds one of the anchors: only those lines
// are searched, so a long note costs a scan for the words.
func findAround(re *regexp.Regexp, note, lower string, anchors []string) [][]int {
	return findAroundAt(re, note, lower, newAnchorSet(anchors).positions(lower), anchors)
}

// findAroundAt is findAround with the anchors' places found already.
func findAroundAt(re *regexp.Regexp, note, lower string, pos map[string][]int, anchors []string) [][]int {
	var out [][]int
	for _, l := range lineSpansAt(note, lower, pos, anchors) {
		for _, m := range re.FindAllStringIndex(note[l[0]:l[1]], -1) {
			out = append(out, []int{l[0] + m[0], l[0] + m[1]})
		}
	}
	return out
}

// findAroundSubmatch is findAround for FindAllStringSubmatchIndex, over
// each anchor's line and the line after it (a heading "ALLERGIES:" with
// its list below).
func findAroundSubmatch(re *regexp.Regexp, note, lower string, anchors ...string) [][]int {
	var out [][]int
	last := -1
	for _, l := range lineSpans(note, lower, anchors...) {
		if l[1] < len(note) {
			if k := strings.IndexByte(note[l[1]+1:], '\n'); k >= 0 {
				l[1] += 1 + k
			} else {
				l[1] = len(note)
			}
		}
		if l[0] < last {
			l[0] = last // the previous window took this line
		}
		last = l[1]
		if l[0] >= l[1] {
			continue
		}
		for _, m := range re.FindAllStringSubmatchIndex(note[l[0]:l[1]], -1) {
			for k := range m {
				if m[k] >= 0 {
					m[k] += l[0]
				}
			}
			out = append(out, m)
		}
	}
	return out
}

// byWord turns a table of codes and the words that name them (several to a
// string, separated by spaces) into a table from each word to its code.
func byWord(names map[string]string) map[string]string {
	m := map[string]string{}
	for code, words := range names {
		for _, w := range strings.Fields(words) {
			m[w] = code
		}
	}
	return m
}

// firstWithPrefix returns the index of the first suggestion whose code
// starts with one of prefixes, or -1.
func firstWithPrefix(out []Suggestion, prefixes ...string) int {
	for i, s := range out {
		for _, p := range prefixes {
			if strings.HasPrefix(s.Code, p) {
				return i
			}
		}
	}
	return -1
}
