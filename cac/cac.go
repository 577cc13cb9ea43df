// Package cac is computer-assisted coding: it reads an encounter's notes
// and suggests the ICD-10-CM codes they support, each with its evidence as
// exact spans of the text, a confidence, and whether it is a candidate for
// principal diagnosis. It finds the sections coders read (discharge
// diagnoses, assessment and plan, impression, procedures…), splits them
// into items, and reads each item's context the NegEx/ConText way: negated
// ("no", "denies", "ruled out"), uncertain ("probable", "rule out" — coded
// for inpatients, not for outpatients), historical ("history of") and
// about someone else ("family history", "mother"). What remains is looked
// up with the encoder's search over the loaded release's titles, index and
// inclusion terms, so a suggestion is always a code valid on the date of
// service. It is pure: the workbench and the CLI call it.
package cac

import (
	"iter"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/chartroom/chartroom/codeset"
)

// Options describe the encounter.
type Options struct {
	Inpatient bool         // the uncertain-diagnosis rule: inpatients code them
	Date      codeset.Date // date of service (discharge)
	// MinScore is the search score below which a match is not offered
	// (default 0.45).
	MinScore float64
	// Age (years) and Sex ('F', 'M' or 0) rule out codes that cannot apply:
	// perinatal codes after the first year, pregnancy codes for a male.
	Age int
	Sex byte

	episode byte // the 7th character of an injury's encounter, read from the note
	infant  bool // no age given, and the note opens with an infant's ("Fever in a 5-week-old")
	// pregnancy says, once asked, whether the note speaks of a
	// pregnancy, a delivery or their aftermath: without one no chapter 15
	// code is the patient's (a surgical wound's infection is no obstetric
	// wound's, O86.0-)
	pregnancy *noteFlag
	// weeks holds, once asked, the weeks of gestation the note gives
	weeks *noteWeeks
	lower string // the note in lower case, to test for words before a regular expression runs
	note  string // the note
}

// containsAny reports whether s holds any of the words: a cheap test
// before a regular expression over a whole note.
func containsAny(s string, words ...string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// Suggestion is one suggested code and why.
type Suggestion struct {
	// System is ICD-10-CM for diagnoses; ICD-10-PCS for the procedures of
	// an operative note, which the coder confirms in the PCS builder.
	System     codeset.System `json:"system"`
	Code       string         `json:"code"`
	Title      string         `json:"title"`
	Confidence float64        `json:"confidence"`
	Start      int            `json:"start"` // byte offsets of the evidence in the note
	End        int            `json:"end"`
	Evidence   string         `json:"evidence"`
	Section    string         `json:"section"`
	Principal  bool           `json:"principal,omitempty"` // first listed in discharge diagnoses or assessment
	Uncertain  bool           `json:"uncertain,omitempty"` // documented as probable, suspected…
	// Rule names what produced the suggestion, so acceptance can be
	// tracked per rule: the search source that matched ("index", "title",
	// "inclusion term"…), or a coding convention ("ckd stage",
	// "hypertension combination", "family history", "personal history").
	Rule string `json:"rule"`
}

// Dropped is a finding the context rules kept out, for the coder to see.
type Dropped struct {
	Text   string `json:"text"`
	Start  int    `json:"start"`
	Reason string `json:"reason"` // negated, uncertain (outpatient), history, family
}

// section kinds.
const (
	secOther = iota
	secDiagnosis
	secHistory
	secFamily
	secProcedure
	secProvisional // preoperative or admitting diagnosis
	secRuledOut    // diagnoses the note lists as ruled out
	secProblems    // a hospital course by problem: problem headings, then narrative
	secNarrative   // a note with no diagnosis section: its sentences that assess
)

var sectionNames = map[string]int{
	"DISCHARGE DIAGNOSES": secDiagnosis, "DISCHARGE DIAGNOSIS": secDiagnosis, "FINAL DIAGNOSES": secDiagnosis, "FINAL DIAGNOSIS": secDiagnosis,
	"DIAGNOSES": secDiagnosis, "DIAGNOSIS": secDiagnosis, "ASSESSMENT AND PLAN": secDiagnosis, "ASSESSMENT/PLAN": secDiagnosis, "ASSESSMENT": secDiagnosis,
	"IMPRESSION": secDiagnosis, "IN SUMMARY": secDiagnosis, "POSTOPERATIVE DIAGNOSIS": secDiagnosis, "POST-OPERATIVE DIAGNOSIS": secDiagnosis, "PRINCIPAL DIAGNOSIS": secDiagnosis,
	"SECONDARY DIAGNOSES": secDiagnosis, "ED DIAGNOSIS": secDiagnosis, "CLINICAL IMPRESSION": secDiagnosis,
	"A/P": secDiagnosis, "A": secDiagnosis, "S": secOther, "O": secOther, "P": secOther, "A&P": secDiagnosis, "A & P": secDiagnosis, "PLAN": secOther, "DX": secDiagnosis, "PROBLEM LIST": secHistory, "ACTIVE PROBLEMS": secHistory,
	"MEDICAL HISTORY": secHistory, "PAST HISTORY": secHistory, "HISTORY": secHistory, "PERTINENT HISTORY": secHistory, "RELEVANT HISTORY": secHistory,
	"PAST MEDICAL HISTORY": secHistory, "PMH": secHistory, "PAST SURGICAL HISTORY": secHistory, "SOCIAL HISTORY": secHistory,
	"FAMILY HISTORY": secFamily, "FH": secFamily,
	"SHX": secHistory, "PSH": secHistory, "PSHX": secHistory,
	"PRINCIPAL": secDiagnosis, "PRINCIPAL DX": secDiagnosis, "SECONDARY": secDiagnosis, "SECONDARY DX": secDiagnosis,
	// (a delivery's indication is its diagnosis: "Indication for cesarean:
	// Arrest of dilation in the active phase of labor", O62.1)
	"INDICATION FOR CESAREAN": secDiagnosis, "INDICATION FOR C-SECTION": secDiagnosis, "INDICATION FOR CESAREAN SECTION": secDiagnosis,
	// (what made a condition worse is a condition of its own:
	// "Contributing factors: active cigarette smoking, …, and vitamin D
	// deficiency")
	"CONTRIBUTING FACTORS": secDiagnosis,
	"INDICATIONS":          secHistory, "INDICATION": secHistory, "INDICATIONS FOR PROCEDURE": secHistory, "INDICATIONS FOR SURGERY": secHistory, "INDICATIONS FOR OPERATION": secHistory,
	"PROCEDURES": secProcedure, "PROCEDURE": secProcedure, "PROCEDURES PERFORMED": secProcedure, "OPERATIONS": secProcedure, "OPERATION PERFORMED": secProcedure, "PROCEDURE PERFORMED": secProcedure, "OPERATION": secProcedure,
}

var sectionKindNames = []string{"other", "diagnoses", "history", "family history", "procedures"}

// header matches a section heading at the start of a line: a few words
// (capitals, or a capitalised label such as "Author") and a colon.
// A heading may also stand alone on its line in capitals
// ("ASSESSMENT AND PLAN"), or, for the assessment and the diagnoses, in
// any case after its capital ("Assessment and Plan").
var header = regexp.MustCompile(`(?m)^[ \t]*(?:([A-Z][A-Za-z /&()-]{1,40}):|([A-Z][A-Z /&-]{3,40})[ \t]*$|(` + standaloneHeading + `)[ \t]*$|([ASOP]):)`)

// standaloneHeading is an assessment or diagnosis heading alone on its
// line in mixed case, or "DX", short as it is.
const standaloneHeading = `(?:DXS?|A(?i:ssessment(?: *(?:and|&|/) *(?:plan|recommendations?)| (?:at|on) discharge)?)|A ?[/&] ?P|I(?i:mpression(?: *(?:and|&|/) *(?:plan|recommendations?)| (?:at|on) discharge)?)|D(?i:ischarge (?:diagnos[ie]s|impression|assessment)|iagnos[ie]s(?: at discharge| on discharge| this (?:admission|hospitali[sz]ation|stay|visit|encounter))?|ischarge medications|isposition|x(?: list)? (?:at|on) discharge)|F(?i:inal (?:diagnos[ie]s|impression)|ollow[- ]?up)|C(?i:linical impression|ourse)|S(?i:ummary|ocial history)|P(?i:rocedures?|lan|ast medical history|hysical exam(?:ination)?|roblem list (?:at|on) discharge|roblems (?:at|on) discharge|rincipal diagnosis)|H(?:PI|(?i:ospital course|istory of present illness))|B(?i:rief (?:HPI|history(?: of present illness)?))|M(?i:edications|DM *(?:/|&|and) *(?:impression|assessment)(?: *(?:and|&|/) *plan)?))`

var standaloneRe = regexp.MustCompile(`^` + standaloneHeading + `$`)

type section struct {
	kind       int
	name       string
	start, end int // body
}

// heading is one match of header: the line's start, the end of the
// heading (after its colon), and the name.
type heading struct {
	start, end         int
	nameStart, nameEnd int
}

// honorificTitles are the titles written before a name, as a pattern's
// alternatives; honorifics holds them (and "Prof", "St") as the words a
// full stop after them does not end a sentence at.
const honorificTitles = `Mr|Mrs|Ms|Mx|Dr`

var honorifics = func() map[string]bool {
	m := map[string]bool{"St": true, "Prof": true}
	for _, t := range strings.Split(honorificTitles, "|") {
		m[t] = true
	}
	return m
}()

// assessingRe is a sentence of a prose note that assesses a condition.
var assessingRe = regexp.MustCompile(`(?i)\b(?:consistent with|compatible with|diagnosis of|diagnosed with|is being managed|is (?:well |poorly )?controlled|is stable|remains stable|most likely|we (?:are treating|will treat|treated (?:this|it|her|him) as)|(?:her|his) [a-z]+ (?:is|has been|reflects|remains|persists)|(?:her|his) (?:[a-z-]+ ){1,5}(?:(?:is|has been|remains|remained|was) (?:(?:well|adequately|poorly) )?(?:controlled|stable|managed|treated)|reflects|persists)|(?:was|were) (?:managed|treated) (?:with|by)|\d+-year-old (?:man|woman|male|female|boy|girl|gentleman|lady|patient) with|family history is (?:significant|notable|pertinent|positive|remarkable)|(?:my |our |the )?(?:assessment|impression)(?: today)? is|my diagnosis is|(?:the )?(?:final |discharge |working )?diagnos[ie]s (?:for|of|at) (?:this|today'?s) (?:visit|encounter|admission|stay) (?:are|is|were|was|include)|(?:we|i) diagnosed|(?:was|were) diagnosed|this (?:is|was|represents) (?:an? )?(?:acute |chronic |decompensated |uncomplicated )|attributed to|in summary|in sum|to summarize|in short|(?:putting|taking) (?:this|it|these|everything|all of this) together|taken together)\b`)

// deniedLabelRe is what follows a label that denies the condition it
// names: "Pneumonia: not present", "DVT: ruled out", "Sepsis: none",
// "Dementia: no - normal baseline cognition", "Cauda equina syndrome: no
// clinical features - ruled out" (not "HTN: no changes").
var deniedLabelRe = regexp.MustCompile(`(?i)^\W*(?:none\b|(?:[\w/-]+\s+){0,3}(?:negative|neg|not detected)\b|passed\b|ruled out|resolved|unlikely|absent|denies|no evidence|not (?:present|seen|found|suspected|likely|a concern|supported)|no (?:personal )?history\b|no (?:clinical\s+)?(?:mass|masses|lesions?|signs?|findings?|features|recurrence)\b|no\s*(?:$|[-–—;,.(])|[^.\n]{0,50}?[-–—,;]\s*(?:clinically\s+)?ruled out\b)`)

// notProblemRe is a label of an assessment that names no problem:
// "Plan:", "Dispo:", "VTE prophylaxis:", "Code status:".
var notProblemRe = regexp.MustCompile(`(?i)^(?:diet|activity|dispo\w*|code status|consults?|labs?|vitals?|exam|access|lines?|\w*\s*prophylaxis|ppx|fen|fluids|nutrition|pt|ot|pt/ot|follow[- ]?up|f/u|social|contact|pending|allergies|meds|medications|plan|goals?|discharge|condition|procedures?|imaging|studies|cultures?|summary|education|counseling|return precautions|rtc|signed|health maintenance|prevention|screening|immunizations?|vaccines?|(?:[a-z]+\s+){0,3}history|hx)$`)

// problemLabel reports whether a label inside an assessment may name a
// problem: not one of the assessment's own labels, and short enough to be
// a diagnosis.
func problemLabel(name string) bool {
	return !notProblemRe.MatchString(strings.TrimSpace(name)) && wordCount(name) <= 6 && countLetters(name) >= 2
}

// precautionRe opens a return precaution: what the patient is to come
// back for, not what the patient has ("sooner for any chest discomfort",
// "call if worsening shortness of breath").
// reactionBeforeRe ends with a drug reaction whose aside describes it.
var reactionBeforeRe = regexp.MustCompile(`(?i)\b(?:intolerant|intolerance|allergic|allergy|reaction|side effects?|adverse effects?)\s*$`)

// respondingToRe is a condition's response to its treatment.
var respondingToRe = regexp.MustCompile(`(?i)\b(?:respond(?:ing|ed|s)?|response)\s+(?:well\s+|quickly\s+|promptly\s+|partially\s+)?to\b`)

// notAFindingItem reports whether an item reports an examination, takes a
// label off the chart (notAFindingItemRe) or gives teaching
// (instructionsGivenRe), with a cheap test of its words first: the
// patterns would otherwise run on every item.
func notAFindingItem(text string) bool {
	l := asciiLower(text)
	return containsAny(l, "exam", "check", "label") && notAFindingItemRe.MatchString(text) ||
		containsAny(l, "instruction", "precaution", "education", "teaching", "handout") && instructionsGivenRe.MatchString(text)
}

// negativeResultItemRe is an item that is a result: "The lupus anticoagulant is
// negative", "D-dimer was negative".
var negativeResultItemRe = regexp.MustCompile(`(?i)^\W*(?:the\s+|his\s+|her\s+)?[a-z0-9/ -]{3,40}?\s+(?:is|was|were|are|came back)\s+(?:also\s+)?negative\b`)

// organismNegativeRe is an item that names an organism, then a test for
// it that was negative: "H. pylori - biopsy negative today", "MRSA:
// nares swab negative". (A condition's "culture negative" is the
// condition's own: "Endocarditis - culture negative".)
var organismNegativeRe = regexp.MustCompile(`(?i)^\W*(?:h\.?\s*pylori|helicobacter(?:\s+pylori)?|mrsa|c\.?\s*diff(?:icile)?|covid(?:-19)?|sars-cov-2|influenza(?:\s+[ab])?|rsv|group a strep|strep(?:tococcus)?)\s*[-–—:,]\s*(?:[a-z/]+\s+){0,3}(?:is\s+|was\s+)?negative\b`)

// notAFindingItemRe is an item that reports an examination or takes a
// label off the chart, not a condition: "Diabetic foot exam - no
// neuropathy detected", "Penicillin allergy label removed - …".
var notAFindingItemRe = regexp.MustCompile(`(?i)^\W*(?:diabetic\s+)?(?:foot|eye|skin|breast|retinal|dilated eye|monofilament)\s+(?:exam|examination|check)\b|\b(?:` + labelRemoved + `)\b`)

// instructionsGivenRe is teaching given about a condition, not the
// condition: "Head injury instructions given to both".
var instructionsGivenRe = regexp.MustCompile(`(?i)^\W*(?:[a-z/-]+\s+){0,3}?(?:instructions|precautions|education|teaching|handouts?)\s+(?:were\s+|was\s+)?(?:given|provided|reviewed|discussed)\b`)

var precautionRe = regexp.MustCompile(`(?i)^\W*(?:(?:and\s+|or\s+)?sooner\s+(?:for|if)|(?:call|return|come back|seek (?:medical )?(?:care|attention)|go to (?:the )?(?:ED|ER|emergency(?: department| room)?))(?:\s+sooner)?\s+(?:for|if|with)\s+(?:any|new|worsening|worse|increased|persistent|recurrent|further))\b`)

// warningListRe is a line that lists the warning signs a patient is to
// return for: "Red flags reviewed: …", "Return precautions: …".
var warningListRe = regexp.MustCompile(`(?i)^\W*(?:red flags?|warning signs?|alarm (?:signs|symptoms)|return precautions?|reasons to return|ED precautions)(?:\s+(?:were\s+)?(?:reviewed|discussed|given|explained))?\s*(?::|-|\()`)

// treatedForBefore comes before a condition a past treatment was for:
// "radioactive iodine ablation for Graves disease" (the condition is
// its history, the treatment's result the diagnosis).
var treatedForBefore = guard(`(?i)\b(?:ablation|surgery|resection|removal|excision|\w+ectomy|radiation|radiotherapy|radioiodine|iodine)\b[^,;]{0,20}\bfor\s+$`, "ablation", "surgery", "resection", "removal", "excision", "ectomy", "radiation", "radiotherapy", "radioiodine", "iodine")

// laterRe puts what follows in the future: "in ten to fourteen days for
// suture removal", "return in 2 weeks for".
var laterRe = regexp.MustCompile(`(?i)\b(?:in|after|within) (?:\w+ )?(?:to \w+ )?(?:days?|weeks?|months?)\b|\b(?:will|return|next visit)\b`)

// oldInfarctRe names a myocardial infarction.
var oldInfarctRe = guard(`(?i)\b(?:myocardial infarction|MI|STEMI|NSTEMI|heart attack)\b`, "mi", "myocardial infarction", "heart attack")

// strokeResidualRe is a deficit (group 2) an earlier stroke left
// (group 1, the word that says so): "R MCA infarct 2023 (residual mild
// dysarthria", "stroke (2023) with residual aphasia".
var strokeResidualRe = guard(`(?i)\b(?:CVA|stroke|infarct|infarction|ICH)\b(?:[^.;\n]|;\s*(?:he|she|the patient|pt)\s+(?:has|had|was left with)\b){0,40}?\b(residual)\s+(?:(?:mild|moderate|severe|chronic|expressive|receptive|slight|dense)\s+)*(?:(?:left|right|L|R)(?:[- ]sided)?\s+)?(dysarthria|aphasia|dysphagia|facial\s+(?:droop|weakness)|ataxia|hemiplegia|hemiparesis)\b`, "residual")

// residualCodes are the sequelae of cerebral infarction (I69.3-) by the
// deficit's first word; strokeKind sets the kind of stroke.
var residualCodes = map[string]string{"dysarthria": "I69.322", "aphasia": "I69.320", "dysphagia": "I69.391", "facial": "I69.392", "ataxia": "I69.393", "hemiplegia": "I69.359", "hemiparesis": "I69.359"}

// leftDominantRe says the patient is left-handed.
var leftDominantRe = regexp.MustCompile(`(?i)\bleft[- ]handed\b|\b(?:left|L)[- ]hand(?:ed)?[- ]dominan(?:t|ce)\b|\b(?:left|L)[- ]dominant\b`)

// hemiplegiaSequela is the sequela code (I69.35-) of a hemiplegia a
// cerebral infarction left on the side its words name ("residual L
// hemiplegia"): a side is dominant as the patient's hand is, the right
// when the note does not say (Official Guidelines I.C.6.a).
func hemiplegiaSequela(words, note string) string {
	side := ""
	for _, w := range strings.Fields(strings.ToLower(strings.ReplaceAll(words, "-", " "))) {
		switch w {
		case "left", "l":
			side = "left"
		case "right", "r":
			side = "right"
		}
	}
	leftHanded := leftDominantRe.MatchString(note)
	switch {
	case side == "right" && !leftHanded:
		return "I69.351"
	case side == "left" && leftHanded:
		return "I69.352"
	case side == "right":
		return "I69.353"
	case side == "left":
		return "I69.354"
	}
	return "I69.359"
}

// recoveredStrokeRe is a stroke or TIA that left no deficit: "CVA 2021 -
// no residual", "TIA (2022, no residual deficits)", "stroke 2015 with
// full recovery".
var recoveredStrokeRe = guard(`(?i)\b(?:CVA|stroke|TIA|cerebrovascular accident|cerebral infarction)\b[^.;\n]{0,60}?\b(?:(?:no|without|w/o)\s+(?:residual|(?:neurologic(?:al)?\s+)?deficits?|sequelae)|full(?:y)?\s+(?:recovery|recovered))\b`, "residual", "deficit", "sequela", "recover")

// otherwiseRe marks a part of a condition as spared, not all of it:
// "the stroke otherwise left no residual weakness".
var otherwiseRe = regexp.MustCompile(`(?i)\botherwise\b`)

// inFamilyTable reports whether a family history's text names a
// condition of familyTable.
func inFamilyTable(s string) bool {
	for _, f := range familyTable {
		if f.re.MatchString(s) {
			return true
		}
	}
	return false
}

// infantOfRe opens a newborn's item about its mother's condition as its
// own: "Infant of diabetic mother …".
var infantOfRe = regexp.MustCompile(`(?i)^\W*(?:syndrome of\s+)?infant of\b`)

// exposureLeadRe opens an item about what the patient was exposed to:
// "Exposure to strep pharyngitis (sibling)", "Contact with COVID-19".
var exposureLeadRe = regexp.MustCompile(`(?i)^\W*(?:(?:household|close|sick)\s+)?(?:exposure|exposed|contact)\s+(?:to|with)\b`)

// afTypeRe is an atrial fibrillation's type (group 2, denied when group 1
// holds "not" or "no"), said later on its line: "Atrial fibrillation -
// NEW this admission. … cardiology labels it persistent AF."
var afTypeRe = regexp.MustCompile(`(?i)\b(not\s+|no\s+)?(long-?standing persistent|persistent|paroxysmal|permanent)\s+(?:AF|AFib|A-?fib|atrial fibrillation)\b`)

// afTypeCodes are the I48 codes by type.
var afTypeCodes = map[string]string{"longstanding persistent": "I48.11", "long-standing persistent": "I48.11", "persistent": "I48.19", "paroxysmal": "I48.0", "permanent": "I48.21"}

// afibType gives an atrial fibrillation of unspecified type (I48.91) the
// type its line names after it.
func afibType(out []Suggestion, x *lookups, opt Options) {
	for i, s := range out {
		if s.Code != "I48.91" {
			continue
		}
		line := lineOf(opt.note, s.Start)
		types := map[string]bool{}
		for _, m := range afTypeRe.FindAllStringSubmatch(line, -1) {
			if m[1] == "" {
				types[afTypeCodes[strings.ToLower(m[2])]] = true
			}
		}
		if len(types) == 1 {
			for code := range types {
				recode(&out[i], code, "type of atrial fibrillation", x, opt)
			}
		}
	}
}

// stageCorrectedRe is a note setting a CKD stage right: "Correct stage is
// CKD stage 3b, not stage 4", "by KDIGO this is CKD stage 3b (A3
// albuminuria), NOT stage 4" (group 1 the stage, group 2 the wrong one).
var stageCorrectedRe = regexp.MustCompile(`(?i)\bstage\s*([1-5][ab]?)\b(?:\s*\([^)]{0,30}\))?\)?,?\s+(?:and\s+)?not\s+(?:ckd\s+)?(?:stage\s*)?([1-5][ab]?)\b`)

// ckdStageCodes are the N18 codes by stage.
var ckdStageCodes = map[string]string{"1": "N18.1", "2": "N18.2", "3": "N18.30", "3a": "N18.31", "3b": "N18.32", "4": "N18.4", "5": "N18.5"}

// correctedStage recodes a chronic kidney disease or a pressure injury
// the note codes at the stage it later says is wrong ("3. CKD stage 4 -
// see addendum" … "ADDENDUM: Correct stage is CKD stage 3b, not stage
// 4") to the stage it says is right.
func correctedStage(out []Suggestion, x *lookups, opt Options) []Suggestion {
	if !containsCodePrefix(out, "N18") && !containsCodePrefix(out, "L89") || !containsAny(opt.lower, "not stage", "not ckd stage") {
		return out
	}
	for _, m := range stageCorrectedRe.FindAllStringSubmatch(opt.note, -1) {
		// a pressure injury's stage is its code's last character
		// ("Pressure injury stage per WOC (stage 2), not stage 3":
		// L89.152, also where the note had left it unstaged)
		if len(m[1]) == 1 && len(m[2]) == 1 && m[1] <= "4" {
			for i := range out {
				if c := out[i].Code; strings.HasPrefix(c, "L89.") && len(c) == 7 && (c[6] == m[2][0] || c[6] == '9') {
					recode(&out[i], c[:6]+m[1], "stage as corrected", x, opt)
				}
			}
		}
		right, wrong := ckdStageCodes[strings.ToLower(m[1])], ckdStageCodes[strings.ToLower(m[2])]
		if right == "" || wrong == "" || right == wrong {
			continue
		}
		if containsCode(out, right) {
			out = slices.DeleteFunc(out, func(s Suggestion) bool { return s.Code == wrong })
			continue
		}
		for i := range out {
			if out[i].Code == wrong {
				recode(&out[i], right, "stage as corrected", x, opt)
			}
		}
	}
	return out
}

// drugInducedRe says a condition is a drug's: "adverse effect",
// "SSRI-induced", "due to escitalopram (SSRI)".
var drugInducedRe = regexp.MustCompile(`(?i)\b(?:adverse effect|side effect|drug[- ]induced|medication[- ]induced|(?:ssri|snri|antidepressant|beta[- ]blocker|medication)[- ]related|(?:ssri|snri)[- ]induced|due to (?:his |her |the )?(?:medication|ssri|snri|antidepressant|escitalopram|citalopram|sertraline|fluoxetine|paroxetine|venlafaxine|duloxetine|beta[- ]blocker|metoprolol|atenolol|finasteride|spironolactone|thiazide))\b`)

// withWithdrawalRe says a dependence is in withdrawal now: "with acute
// opioid withdrawal", "in withdrawal" (not "withdrawal when he stops").
var withWithdrawalRe = regexp.MustCompile(`(?i)\b(?:with|in)\s+(?:(?:acute|active|moderate|mild|severe|opioid|opiate|cocaine|stimulant|cannabis)\s+){0,2}withdrawal\b`)

// hydronephrosisRe is a hydronephrosis, also of the ureter.
var hydronephrosisRe = regexp.MustCompile(`(?i)\bhydro(?:uretero)?nephrosis\b`)

// negatedWithinRe ends the words just before a condition that deny it.
var negatedWithinRe = regexp.MustCompile(`(?i)\b(?:no|without|w/o|not|negative for)\s+(?:\w+\s+)?$`)

// exposureCodes are the Z20 codes of contact with and exposure to a
// communicable disease, by the words that name it, first match first.
var exposureCodes = []struct {
	re   *regexp.Regexp
	code string
}{
	{regexp.MustCompile(`(?i)\b(?:covid|sars-cov-2|coronavirus)`), "Z20.822"},
	{regexp.MustCompile(`(?i)\b(?:tuberculosis|tb)\b`), "Z20.1"},
	{regexp.MustCompile(`(?i)\bhiv\b`), "Z20.6"},
	{regexp.MustCompile(`(?i)\bmeningococc`), "Z20.811"},
	{regexp.MustCompile(`(?i)\b(?:chlamydia|gonorrh|syphilis|std|sti|sexually transmitted)`), "Z20.2"},
	{regexp.MustCompile(`(?i)\bhepatitis\b`), "Z20.5"},
	{regexp.MustCompile(`(?i)\b(?:varicella|chicken\s?pox)`), "Z20.820"},
	{regexp.MustCompile(`(?i)\b(?:strep\w*|pertussis|whooping|mrsa|c\.?\s?diff\w*|impetigo|scarlet fever|bacterial)`), "Z20.818"},
	{regexp.MustCompile(`(?i)\b(?:influenza|flu|rsv|measles|mumps|viral|virus)\b`), "Z20.828"},
}

// exposureCode returns the Z20 code of the disease a text says the
// patient was exposed to, or "".
func exposureCode(text string) string {
	for _, e := range exposureCodes {
		if e.re.MatchString(text) {
			return e.code
		}
	}
	return ""
}

// givenReasonsRe ends an item's text before a symptom cited as a reason:
// "likely viral given coryza, ", or as a score's criteria: "RegiSCAR
// score 6 (probable): fever, ".
var givenReasonsRe = regexp.MustCompile(`(?i)\b(?:given|based on|in view of|because of)\s[^.;:]*$|\b(?:score|criteria)\b[^.;:]{0,30}:[^.;:]*$`)

// tableHeaderRe is a family history table's header row.
var tableHeaderRe = regexp.MustCompile(`(?i)\b(?:relative|family member|relationship)\s*\|\s*(?:condition|diagnosis|problem|illness|disease)\b`)

// operatedForCancerRe is an operation's reason, a cancer (group 1): "…
// hemicolectomy 2019 for stage II adenocarcinoma of the ascending colon".
var operatedForCancerRe = regexp.MustCompile(`(?i)(?:ectomy|\bresection|\bexcision|\bsurgery|\boperation|\bwhipple)\b[^;.]{0,30}?\bfor\s+(?:stage\s+[0-4IV]+[a-c]?\s+)?((?:[a-z-]+\s+){0,3}?(?:cancer|carcinoma|adenocarcinoma|malignancy|melanoma|sarcoma)(?:\s+of\s+(?:the\s+)?(?:[a-z-]+\s+){0,2}[a-z-]+)?)`)

// familyAndRe joins two relatives' conditions in a family history item:
// "ovarian ca (mother) and breast ca (aunt)", "colon cancer; Crohn's".
var familyAndRe = regexp.MustCompile(`(?i)\s+(?:and|&)\s+|;\s*`)

// injurySequelaRe is an injury named as what left a condition (group 1):
// "sequela of remote displaced R lateral tibial plateau fracture",
// "late effect of her third-degree burn of the right elbow".
var injurySequelaRe = guard(`(?i)\b(?:sequela(?:e)?|late effects?)\s+of\s+(?:an?\s+|the\s+|his\s+|her\s+)?((?:[a-z0-9/-]+\s+){0,8}?(?:fracture|fx|burn|dislocation|injury|laceration|tear|rupture|sprain|crush)(?:\s+(?:of|to)\s+(?:the\s+)?(?:(?:right|left|bilateral|r|l)\s+)?(?:palm|hand|wrist|forearm|elbow|arm|shoulder|hip|thigh|knee|leg|ankle|foot|face|neck|chest|back|abdomen))?)\b`, "sequela", "late effect")

// sequelaNoiseRe is what a sequela's injury is said with that no code's
// title holds: its age, its year.
var sequelaNoiseRe = regexp.MustCompile(`(?i)\b(?:remote|old|prior|previous|past|(?:19|20)\d\d)\b`)

// oldInfarctMentionRe is a myocardial infarction called old or dated
// (group 1, the year): "old MI", "prior anterior STEMI", "h/o NSTEMI",
// "NSTEMI 04/2019", "MI (2018)", "MI 3 years ago". ("s/p NSTEMI" alone
// may be the stay's own infarction: "NSTEMI s/p PCI" in its discharge summary.)
var oldInfarctMentionRe = regexp.MustCompile(`(?i)\b(?:old|prior|remote|previous|past|h/o|hx of|history of)\s+(?:an?\s+)?(?:(?:inferior|anterior|lateral|posterior|inferolateral|anterolateral|inferoposterior|anteroseptal|septal)\s+)?(?:wall\s+)?(?:myocardial infarction|(?-i:MI|STEMI|NSTEMI)|heart attack)\b|\b(?:myocardial infarction|(?-i:MI|STEMI|NSTEMI)|heart attack)\s*(?:(?:in|on)\s+|\(|,\s*)?(?:(?:\d{1,2}/)?((?:19|20)\d\d)\b|\d+\s+(?:years?|yrs?)\s+ago\b)`)

// notSoAfterRe follows a mention the note takes back: "\"Old MI\" — NOT
// accurate", "NSTEMI 2023, ruled out".
var notSoAfterRe = regexp.MustCompile(`(?i)^["')\]]?[^.;\n]{0,24}?\b(?:ruled out|excluded|not accurate|not correct|inaccurate|in error|erroneous|was not)\b`)

// oldInfarct returns where a note says the patient had a myocardial
// infarction before this one's year (not denied, not a relative's, not
// taken back), or nil.
func oldInfarct(note, lower string, year int) []int {
	// (only the lines that say "MI", "infarction" or "heart attack":
	// the pattern over a whole note cost a seventh of a long note's time)
	var found [][]int
	for ls := 0; ls < len(note); {
		le := lineEnd(note, ls)
		line := note[ls:le]
		if strings.Contains(line, "MI") || containsAny(lower[ls:le], "infarction", "heart attack") {
			for _, m := range oldInfarctMentionRe.FindAllStringSubmatchIndex(line, -1) {
				for i := range m {
					if m[i] >= 0 {
						m[i] += ls
					}
				}
				found = append(found, m)
			}
		}
		ls = le + 1
	}
	for _, m := range found {
		if m[2] >= 0 {
			if y, err := strconv.Atoi(note[m[2]:m[3]]); err != nil || y >= year {
				continue
			}
		}
		if negatedAt(note, m[0]) || familyRe.MatchString(sentenceAround(note, m[0])) || notSoAfterRe.MatchString(note[m[1]:min(len(note), m[1]+60)]) {
			continue
		}
		return m[:2]
	}
	return nil
}

// datedByInfarctRe is an infarction something else is dated by: "prior to
// MI", "since the STEMI".
var datedByInfarctRe = regexp.MustCompile(`(?i)\b(?:prior to|before|until|since|after|post)[- ](?:the\s+|his\s+|her\s+|this\s+|index\s+)?(?:(?-i:MI|STEMI|NSTEMI)|infarct|myocardial infarction|heart attack)\b`)

// differentialRe is a label for a differential diagnosis, which names what
// is weighed, not what is found: "Encephalopathy DDx".
var differentialRe = regexp.MustCompile(`(?i)\b(?:ddx|differential|r/o|rule out)\b`)

// lineEnd returns where the line starting at ls ends: its newline, or
// the end of s.
func lineEnd(s string, ls int) int {
	if i := strings.IndexByte(s[ls:], '\n'); i >= 0 {
		return ls + i
	}
	return len(s)
}

// lineOf returns the whole line of s that holds offset i.
func lineOf(s string, i int) string {
	return s[strings.LastIndexByte(s[:i], '\n')+1 : lineEnd(s, i)]
}

// headings finds what header matches, line by line without the regular
// expression engine (TestHeadingsMatchRegexp checks they agree): a
// capital and up to 40 letters, spaces, slashes, ampersands or hyphens
// before a colon, or a capital and 3 to 40 capitals, spaces, slashes,
// ampersands or hyphens alone on the line.
func headings(note string) []heading {
	var out []heading
	for ls := 0; ls < len(note); {
		le := lineEnd(note, ls)
		if h, ok := headingAt(note, ls, le); ok {
			out = append(out, h)
		}
		ls = le + 1
	}
	return out
}

func headingAt(note string, ls, le int) (heading, bool) {
	i := ls
	for i < le && (note[i] == ' ' || note[i] == '\t') {
		i++
	}
	// "== Discharge diagnoses ==", "=== HPI ===": a name between runs
	// of equals signs, alone on its line
	if le-i > 4 && strings.HasPrefix(note[i:le], "==") {
		ns, ne := i, le
		for ns < ne && (note[ns] == '=' || note[ns] == ' ' || note[ns] == '\t') {
			ns++
		}
		for ne > ns && (note[ne-1] == '=' || note[ne-1] == ' ' || note[ne-1] == '\t' || note[ne-1] == '\r') {
			ne--
		}
		if ne-ns >= 2 && ne-ns <= 50 && strings.HasSuffix(strings.TrimRight(note[i:le], " \t\r"), "==") && note[ns] >= 'A' && note[ns] <= 'Z' && !strings.ContainsAny(note[ns:ne], "=.;") {
			return heading{ls, le, ns, ne}, true
		}
		return heading{}, false
	}
	// "impression and plan:", "past history:": a dictated note's
	// lower-case label, for a name a section takes
	if i < le && note[i] >= 'a' && note[i] <= 'z' {
		j := i + 1
		for j < le && j-i <= 30 && labelByte(note[j]) {
			j++
		}
		if j < le && note[j] == ':' && j-i >= 3 && wordCount(note[i:j]) <= 4 && (lowerHeadings[note[i:j]] || sectionKind(note[i:j]) != secOther) {
			return heading{ls, j + 1, i, j}, true
		}
		return heading{}, false
	}
	if i >= le || note[i] < 'A' || note[i] > 'Z' {
		return heading{}, false
	}
	first := i
	// A capitalised label and a colon.
	j := i + 1
	for j < le && j-first <= 40 && labelByte(note[j]) {
		j++
	}
	// (or a SOAP note's one letter: "S:", "O:", "A:", "P:")
	if j < le && note[j] == ':' && (j-first >= 2 || strings.IndexByte("ASOP", note[first]) >= 0) {
		return heading{ls, j + 1, first, j}, true
	}
	// Capitals alone on the line.
	j = i + 1
	for j < le && capsByte(note[j]) {
		j++
	}
	run := j - first - 1
	k := j
	for k < le && (note[k] == ' ' || note[k] == '\t') {
		k++
	}
	// "PROBLEM LIST (imported from 03/2025 admission — see corrections
	// below)": capitals and an aside that says the list was copied from
	// an earlier record, alone on the line; the aside is part of the
	// name (a copied list is no source of codes)
	if k < le && note[k] == '(' && run >= 3 && run <= 40 {
		if c := strings.IndexByte(note[k:le], ')'); c > 0 && strings.Trim(note[k+c+1:le], " \t\r:") == "" && copiedAsideRe.MatchString(note[k:k+c]) {
			return heading{ls, le, first, k + c + 1}, true
		}
	}
	if k != le || run < 3 {
		return standaloneAt(note, ls, first, le)
	}
	nameEnd := j
	if run > 40 {
		// The group holds 40; the rest must be spaces.
		nameEnd = first + 41
		if strings.Trim(note[nameEnd:j], " ") != "" {
			return heading{}, false
		}
	}
	return heading{ls, le, first, nameEnd}, true
}

// clauseEnd returns where the clause holding offset i ends: its full
// stop, semicolon or line break, or the note's end.
func clauseEnd(note string, i int) int {
	if j := strings.IndexAny(note[i:], ".;\n"); j >= 0 {
		return i + j
	}
	return len(note)
}

// ifClauseRe ends a condition clause that a concept follows in its
// sentence: "If 2+ abnormal values -> dx GDM".
var ifClauseRe = guard(`(?:^|[.;:!?]\s+|\n[ \t]*)(?:[Ii]f|IF)\s[^.;:\n]*(?:->|→|then|,)\s*(?:(?:dx|diagnose|diagnosis(?: of)?|treat (?:as|for)|will (?:diagnose|treat))\s+)?$`, "if")

// copiedAsideRe is a heading's aside that says its list was copied from
// an earlier record: "(imported from 03/2025 admission)", "(copied from
// the prior admission)"; not "(copied forward from daily progress notes,
// updated)", this stay's own.
var copiedAsideRe = regexp.MustCompile(`(?i)\b(?:imported|copied|carried[- ]forward|pulled (?:in|forward))\b[^)]*?\bfrom (?:the |an? |his |her )?(?:prior|previous|last|old|earlier|\d{1,2}/\d{2,4}|(?:19|20)\d\d)\b[^)]*?\b(?:admission|visit|stay|encounter|record|chart)`)

// standaloneAt reads a mixed-case assessment heading alone on its line
// ("Assessment and Plan").
func standaloneAt(note string, ls, first, le int) (heading, bool) {
	end := le
	for end > first && (note[end-1] == ' ' || note[end-1] == '\t') {
		end--
	}
	// ("History of Present Illness (brief)": a short aside after the
	// name of a section that names no diagnoses; an assessment's "(by
	// problem)" is read by its problems)
	if end > first && note[end-1] == ')' {
		if o := strings.LastIndexByte(note[first:end], '('); o > 0 && end-(first+o) <= 20 {
			e := first + o
			for e > first && note[e-1] == ' ' {
				e--
			}
			if sectionKind(strings.ToUpper(note[first:e])) != secDiagnosis {
				end = e
			}
		}
	}
	if c := note[first]; end-first > 28 || !strings.ContainsRune("AIDFSPHMCB", rune(c)) || !standaloneRe.MatchString(note[first:end]) {
		return heading{}, false
	}
	return heading{ls, le, first, end}, true
}

// noteHeadings returns the note's section headings in order: those
// headings finds, and those written as a numbered outline
// (numberedHeadings).
func noteHeadings(note string) []heading {
	// "Also: L ICA stenosis 70-79% …" under an assessment goes on with
	// it: a label that only adds is no section of its own
	hs := slices.DeleteFunc(headings(note), func(h heading) bool { return continuationLabels[note[h.nameStart:h.nameEnd]] })
	nh := append(append(append(append(numberedHeadings(note), asideHeadings(note)...), setAsideHeadings(note)...), dictatedHeadings(note)...), checkboxHeadings(note)...)
	if len(nh) == 0 {
		return hs
	}
	hs = append(hs, nh...)
	slices.SortStableFunc(hs, func(a, b heading) int { return a.start - b.start })
	// a line both ways found ("Impression (final):") is one heading
	return slices.CompactFunc(hs, func(a, b heading) bool { return a.start == b.start })
}

// continuationLabels are labels that add to the section above them.
var continuationLabels = map[string]bool{"Also": true, "ALSO": true, "Additionally": true, "In addition": true, "Plus": true}

// checkboxHeadingRe is a template's ticked label: "[X] Principal
// diagnosis: Diabetic ketoacidosis …", "[X] Secondary diagnoses:".
var checkboxHeadingRe = regexp.MustCompile(`(?m)^[ \t]*\[[xX✓]\][ \t]*([A-Z][A-Za-z /&-]{2,40}):`)

// checkboxHeadings finds the headings a template ticks, when they name a
// section: a ticked "Principal diagnosis:" opens the diagnoses as an
// unticked box would not.
func checkboxHeadings(note string) []heading {
	if !strings.Contains(note, "[X]") && !strings.Contains(note, "[x]") && !strings.Contains(note, "[✓]") {
		return nil
	}
	var out []heading
	for _, m := range checkboxHeadingRe.FindAllStringSubmatchIndex(note, -1) {
		if sectionKind(note[m[2]:m[3]]) != secOther {
			out = append(out, heading{m[0], m[1], m[2], m[3]})
		}
	}
	return out
}

// numberedHeadings finds the headings of a note written as a numbered
// outline, "1. Reason for admission", "3. Discharge diagnoses", "6.
// Condition at discharge: stable": a number at the start of the line,
// then a name a section takes, alone on its line or before a colon. A
// numbered line is a heading only in a note whose outline numbers at
// least two such lines and names its diagnoses or assessment among them;
// elsewhere "1. Hypertension" is a problem.
func numberedHeadings(note string) []heading {
	var out []heading
	known := false
	for ls := 0; ls < len(note); {
		le := lineEnd(note, ls)
		if h, ok := numberedAt(note, ls, le); ok {
			out = append(out, h)
			name := note[h.nameStart:h.nameEnd]
			known = known || sectionKind(name) != secOther
		}
		ls = le + 1
	}
	if !known || len(out) < 2 {
		return nil
	}
	return out
}

// dictatedListRe opens a dictated list of diagnoses: "Final diagnoses,
// please list as follows. Number one, …".
var dictatedListRe = regexp.MustCompile(`(?im)^[ \t]*((?:final|discharge|principal|secondary|admitting)\s+diagnos[ie]s)\b[^.\n]{0,40}?[.:]\s+number one\b`)

// dictatedHeadings finds a dictated list of diagnoses in prose, whose
// items are its sentences ("Number two, Helicobacter pylori infection,
// biopsy proven."): a heading before the first item, and a closing one
// at the paragraph's end, so that the story after it is not read as the
// list.
func dictatedHeadings(note string) []heading {
	var out []heading
	if !strings.Contains(note, "umber one") {
		return nil
	}
	for _, m := range dictatedListRe.FindAllStringSubmatchIndex(note, -1) {
		first := m[1] - len("number one")
		out = append(out, heading{m[0], first, m[2], m[3]})
		end := strings.Index(note[first:], "\n\n")
		if end < 0 {
			continue
		}
		at := first + end + 1
		out = append(out, heading{at, at + 1, at, at})
	}
	return out
}

// setAsideHeadings finds the headings, alone on their line, over a list
// of what the stay set aside: "Differential / items ruled out this
// admission (carried on the ED note and H&P)", "Excluded during work-up:".
// sectionKind reads them as sections whose items are not coded.
func setAsideHeadings(note string) []heading {
	// (the note's headings are read twice a call: no lower-case copy for
	// a note that names neither word in any of its cases)
	if !containsAny(note, "uled out", "uled Out", "ULED OUT", "xcluded", "XCLUDED") {
		return nil
	}
	var out []heading
	lower := asciiLower(note)
	for _, word := range []string{"ruled out", "excluded"} {
		for at := 0; ; {
			i := strings.Index(lower[at:], word)
			if i < 0 {
				break
			}
			i += at
			at = i + len(word)
			ls := strings.LastIndexByte(note[:i], '\n') + 1
			le := lineEnd(note, i)
			first := skipSpace(note[:le], ls)
			end := le
			if k := strings.IndexByte(note[i:le], '('); k >= 0 && strings.Trim(note[i+k:le], " \t\r:") != "" && strings.HasSuffix(strings.TrimRight(note[i+k:le], " \t\r:"), ")") {
				end = i + k
			}
			name := strings.TrimRight(note[first:end], " \t\r:")
			if first >= i || note[first] < 'A' || note[first] > 'Z' || strings.ContainsAny(name, ".;,") || strings.Contains(name, ": ") || wordCount(name) > 8 {
				continue
			}
			// (a list follows: the next line is an item)
			if next := skipSpace(note, le+1); le+1 >= len(note) || next >= len(note) || !strings.ContainsRune("-•*#0123456789", rune(note[next])) {
				continue
			}
			if len(out) == 0 || out[len(out)-1].start != ls {
				out = append(out, heading{ls, le, first, first + len(name)})
			}
		}
	}
	slices.SortFunc(out, func(a, b heading) int { return a.start - b.start })
	return out
}

// asideHeadings finds the headings written with an aside in
// parentheses, alone on their line: "ASSESSMENT AND PLAN (by problem)",
// "Discharge diagnoses (final):". Only a name a section takes is one.
func asideHeadings(note string) []heading {
	var out []heading
	for at := 0; ; {
		i := strings.Index(note[at:], "(")
		if i < 0 {
			return out
		}
		i += at
		at = i + 1
		ls := strings.LastIndexByte(note[:i], '\n') + 1
		le := lineEnd(note, i)
		first := skipSpace(note[:le], ls)
		c := strings.IndexByte(note[i:le], ')')
		if first >= i || note[first] < 'A' || note[first] > 'Z' || c < 0 || strings.Trim(note[i+c+1:le], " \t\r:") != "" {
			continue
		}
		name := strings.TrimRight(note[first:i], " ")
		if wordCount(name) > 5 || strings.IndexFunc(name, func(r rune) bool { return !labelByte(byte(r)) || r == '(' || r == ')' }) >= 0 {
			continue
		}
		// ("(by problem)" says how the section is read)
		if k := sectionKind(note[first : i+c+1]); k != secOther && k != secProvisional {
			out = append(out, heading{ls, le, first, i + c + 1})
		}
	}
}

func numberedAt(note string, ls, le int) (heading, bool) {
	i := skipDigits(note, ls)
	if i == ls || i-ls > 2 || i+1 >= le || (note[i] != '.' && note[i] != ')') || note[i+1] != ' ' {
		return heading{}, false
	}
	first := skipSpace(note[:le], i+1)
	if first >= le || note[first] < 'A' || note[first] > 'Z' {
		return heading{}, false
	}
	j := first + 1
	for j < le && j-first <= 40 && labelByte(note[j]) {
		j++
	}
	end := j
	switch {
	case j < le && note[j] == ':':
		j++
	case strings.TrimSpace(note[j:le]) == "":
		j = le
		for end > first && note[end-1] == ' ' {
			end--
		}
	default:
		return heading{}, false
	}
	name := note[first:end]
	if wordCount(name) > 6 || !outlineWord[strings.ToLower(strings.Fields(name)[0])] && sectionKind(name) == secOther {
		return heading{}, false
	}
	return heading{ls, j, first, end}, true
}

// outlineWord are the first words of the headings a numbered outline
// gives its parts besides the diagnoses.
var outlineWord = map[string]bool{"reason": true, "ed": true, "er": true, "emergency": true, "chief": true, "presentation": true, "presenting": true, "history": true, "interval": true,
	"background": true, "hospital": true, "course": true, "examination": true, "exam": true, "physical": true, "results": true, "data": true,
	"laboratory": true, "labs": true, "imaging": true, "diagnostics": true, "studies": true, "symptoms": true, "treatment": true,
	"procedures": true, "medications": true, "discharge": true, "condition": true, "disposition": true, "follow-up": true, "plan": true,
	"deficits": true, "admission": true, "recommendations": true, "instructions": true, "allergies": true, "social": true, "family": true,
	"review": true, "vitals": true, "summary": true, "indications": true, "findings": true, "consults": true, "past": true}

// lowerHeadings are the lower-case labels of a dictated note that open a
// section of another kind than those sectionKind names (so that they end
// the section before them).
var lowerHeadings = map[string]bool{"exam": true, "physical exam": true, "data": true, "labs": true, "imaging": true, "results": true, "studies": true,
	"meds": true, "medications": true, "allergies": true, "social": true, "social history": true, "vitals": true, "plan": true, "hpi": true, "ros": true,
	"interval history": true, "history of present illness": true, "review of systems": true, "follow up": true, "follow-up": true, "disposition": true}

func labelByte(c byte) bool {
	return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == ' ' || c == '/' || c == '&' || c == '-' || c == '(' || c == ')'
}

func capsByte(c byte) bool {
	return c >= 'A' && c <= 'Z' || c == ' ' || c == '/' || c == '&' || c == '-'
}

func sections(note string) []section {
	var out []section
	locs := noteHeadings(note)
	assessing := false  // inside an assessment, where a label names a problem
	assessment := ""    // the assessment's name
	inProblems := false // inside a course by problem, where a label is the problem's detail
	for i, l := range locs {
		name := strings.TrimSpace(note[l.nameStart:l.nameEnd])
		end := len(note)
		if i+1 < len(locs) {
			end = locs[i+1].start
		}
		kind := sectionKind(name)
		// "# Septic shock due to MRSA pneumonia / CXR/CT: dense …": a
		// label with its text on the line, under a problem of a course
		// by problem, is the problem's detail, not a new section
		if inProblems && kind == secOther && strings.TrimSpace(note[l.end:lineEnd(note, l.end)]) != "" && !afterBlankLine(note, l.start) {
			if n := len(out); n > 0 {
				out[n-1].end = end
			}
			continue
		}
		// "Vitamin D deficiency: continue ergocalciferol." inside an
		// assessment: a problem named as a label, whose name is the
		// diagnosis and whose text is its plan
		// ("Pneumonia: not present per CXR" denies it)
		// (an outline's heading alone on its line, "Recommendations:",
		// is a section of its own)
		if kind == secOther && assessing && l.end > l.nameEnd && problemLabel(name) && !diagnosisSublabels[strings.ToUpper(name)] &&
			!deniedLabelRe.MatchString(note[l.end:lineEnd(note, l.end)]) &&
			!(outlineWord[strings.ToLower(strings.Fields(name)[0])] && strings.TrimSpace(note[l.end:lineEnd(note, l.end)]) == "") {
			// (a differential, "Encephalopathy DDx:", names what is
			// weighed, not what is found)
			if !differentialRe.MatchString(name) {
				out = append(out, section{kind: secDiagnosis, name: name, start: l.nameStart, end: l.nameEnd})
			}
			// the assessment goes on below the label's line
			// ("Encephalopathy DDx: …" then "Cirrhosis, alcoholic.")
			// (when the label has its text on its line: one alone on its
			// line, "Recommendations:", heads what follows)
			if next := lineEnd(note, l.end) + 1; next < end && strings.TrimSpace(note[l.end:next-1]) != "" {
				out = append(out, section{kind: secDiagnosis, name: assessment, start: next, end: end})
			}
			continue
		}
		// ("Cauda equina syndrome: no clinical features - ruled out.": a
		// label that denies its problem is left out, and the assessment
		// goes on below its line)
		if kind == secOther && assessing && l.end > l.nameEnd && problemLabel(name) && !diagnosisSublabels[strings.ToUpper(name)] &&
			deniedLabelRe.MatchString(note[l.end:lineEnd(note, l.end)]) {
			if next := lineEnd(note, l.end) + 1; next < end {
				out = append(out, section{kind: secOther, name: name, start: l.end, end: next - 1}, section{kind: secDiagnosis, name: assessment, start: next, end: end})
				continue
			}
		}
		up := strings.ToUpper(name)
		assessing = kind == secDiagnosis && (strings.Contains(up, "ASSESSMENT") || strings.Contains(up, "IMPRESSION") || up == "A/P" || up == "A&P" || up == "A" ||
			strings.Contains(up, "WHAT I THINK") || strings.Contains(up, "THOUGHTS"))
		if assessing {
			assessment = name
		}
		// "Principal:", "Secondary:" under the discharge diagnoses go on
		// listing them; "Ruled out:" lists what is not coded.
		if n := len(out); n > 0 && kind == secOther && (out[n-1].kind == secDiagnosis || out[n-1].kind == secRuledOut || out[n-1].kind == secProvisional && strings.HasPrefix(strings.ToUpper(out[n-1].name), "PRE")) {
			switch up := strings.ToUpper(name); {
			case diagnosisSublabels[up]:
				kind = secDiagnosis
			case up == "RULED OUT" || up == "EXCLUDED" || up == "RULED-OUT":
				kind = secRuledOut
			// "Diagnoses / Pre-op: … / Post-op: Same. Postoperative
			// ileus.": an operation's expected and found diagnoses
			case (up == "PRE-OP" || up == "PREOP" || up == "PREOPERATIVE"):
				kind = secProvisional
			case (up == "POST-OP" || up == "POSTOP" || up == "POSTOPERATIVE"):
				kind = secDiagnosis
			}
		}
		// "ASSESSMENT AND PLAN / HOSPITAL COURSE" written as prose is an
		// assessment; only a course whose problems open lines ("# …",
		// "1. …") is read problem by problem
		if kind == secProblems && strings.Contains(up, "COURSE") && !strings.Contains(up, "PROBLEM") && !problemLinesRe.MatchString(note[l.end:end]) {
			kind = secDiagnosis
		}

		n0 := len(out)
		// "Assessment: <a paragraph> Plan: 1. … 2. New-onset atrial
		// fibrillation - rate control …": a plan numbered by problem right
		// after an assessment in prose names the problems it treats
		// (each line's problem alone: "1. New-onset atrial fibrillation -
		// …", not the plan's labels, "Vaccines:", "COVID-19 negative")
		// (the assessment the last diagnosis section, data and drugs
		// between: "Assessment: … / Metabolic: … / Meds: … / Plan: 1. …")
		last := n0 - 1
		for last >= 0 && out[last].kind == secOther {
			last--
		}
		planned := last >= 0 && kind == secOther && (up == "PLAN" || up == "RECOMMENDATIONS") && out[last].kind == secDiagnosis && assessmentName(out[last].name) &&
			!problemLinesRe.MatchString(note[out[last].start:out[last].end])
		out = append(out, section{kind: kind, name: name, start: l.end, end: end})
		inProblems = kind == secProblems
		if planned {
			for _, m := range planProblemRe.FindAllStringSubmatchIndex(note[l.end:end], -1) {
				g := 1 // "1. … -", "#…:", "1. …" over its "- " lines, or "1. …:"
				for m[2*g] < 0 {
					g++
				}
				// ("6. Kidney stones: none; no workup needed": a label
				// the plan answers no)
				// (nor one whose plan is to learn the patient's
				// immunity: "4. Hepatitis A: check total anti-HAV;
				// vaccinate if non-immune")
				if g == 4 && (planAnswersNoRe.MatchString(note[l.end+m[1]:]) || immunityPlanRe.MatchString(lineOf(note, l.end+m[1]))) {
					continue
				}
				g *= 2
				out = append(out, section{kind: secDiagnosis, name: "plan by problem", start: l.end + m[g], end: l.end + m[g+1]})
			}
		}
	}
	// "Indications: 45F … PMH: GERD on omeprazole, obesity class I.": a
	// history labelled inside a paragraph lists conditions to its
	// sentence's end.
	for _, m := range inlineHistories(note) {
		if ls := strings.LastIndexByte(note[:m[0]], '\n') + 1; strings.TrimSpace(note[ls:m[0]]) == "" {
			continue // a heading of its own, already read
		}
		end := m[1]
		for end < len(note) && note[end] != '\n' && !(note[end] == '.' && (end+1 == len(note) || note[end+1] == ' ' || note[end+1] == '\n')) {
			end++
		}
		out = append(out, section{kind: secHistory, name: inlineHistoryName, start: m[1], end: end})
	}
	// "HOSPITAL COURSE: #Acute blood loss anemia: transfused …": a course
	// whose paragraphs open with "#Problem:" names its problems there (its
	// narrative stays the story), which stand for the diagnoses where the
	// note lists none but the principal one
	courses := courseBodies(note, locs)
	for _, c := range courses {
		for _, m := range hashProblemsRe.FindAllStringSubmatchIndex(note[c[0]:c[1]], -1) {
			out = append(out, section{kind: secDiagnosis, name: "course by problem", start: c[0] + m[2], end: c[0] + m[3]})
		}
	}
	// "#Alcoholic cirrhosis with ascites - decompensated, …" under no
	// heading, or one this reading does not know ("Problem list carried
	// forward from H&P (HD1) with today's status:"): a note that names
	// no diagnoses anywhere but writes three problems or more with "#"
	// is assessed by problem
	if !slices.ContainsFunc(out, func(s section) bool {
		return s.kind == secDiagnosis || s.kind == secProblems || s.kind == secProvisional
	}) {
		if ms := hashLineRe.FindAllStringIndex(note, -1); len(ms) >= 3 {
			end := len(note)
			if k := strings.Index(note[ms[len(ms)-1][0]:], "\n\n"); k >= 0 {
				end = ms[len(ms)-1][0] + k
			}
			out = append(out, section{kind: secProblems, name: "problems by #", start: ms[0][0], end: end})
		} else {
			// "HOSPITAL COURSE:\n1. Acute osteomyelitis, great toe, … -
			// POA. …\n2. Diabetic foot ulcer …": a course numbered by
			// problem, where the note lists no diagnoses, is read by
			// problem
			for _, c := range courses {
				if len(numberedLineRe.FindAllStringIndex(note[c[0]:c[1]], -1)) >= 3 {
					out = append(out, section{kind: secProblems, name: "course by numbered problem", start: c[0], end: c[1]})
				}
			}
		}
	}
	listed := slices.ContainsFunc(out, func(s section) bool {
		up := strings.ToUpper(s.name)
		// (nor the emergency department's first impression)
		return s.kind == secDiagnosis && s.name != "course by problem" && !strings.HasPrefix(up, "PRINCIPAL") && !strings.HasPrefix(up, "ED ") && !strings.HasPrefix(up, "ER ") && !strings.Contains(up, "COURSE")
	})
	if listed {
		out = slices.DeleteFunc(out, func(s section) bool { return s.name == "course by problem" })
	}
	// The preoperative or admitting diagnosis is what was expected; the
	// postoperative or discharge diagnosis is coded. The expected one is
	// read only when nothing else is, or when the final one says "same".
	final, same, listed := false, false, false
	for _, s := range out {
		// (a heading over its sublabels, "Diagnoses" above "Pre-op:" and
		// "Post-op:", lists nothing itself)
		// (nor do the comorbidities beside them)
		t := note[s.start:s.end]
		up := strings.ToUpper(s.name)
		if s.kind == secDiagnosis && strings.TrimSpace(t) != "" && !sameRe.MatchString(t) && !sameAddsRe.MatchString(t) && !strings.Contains(up, "COMORBID") {
			final = true
			listed = listed || strings.Contains(up, "DIAGNOS")
		}
		// ("Postoperative diagnosis: Same" keeps the preoperative one,
		// whatever a "Findings/Impression:" says of the operation; a
		// list of diagnoses of its own still stands for it)
		if s.kind == secDiagnosis && sameRe.MatchString(t) && strings.HasPrefix(up, "POST") {
			same = true
		}
	}
	same = same && !listed
	for i := range out {
		if out[i].kind == secProvisional {
			out[i].kind = secOther
			if !final || same {
				out[i].kind = secDiagnosis
			}
		}
	}
	return out
}

// planAnswersNoRe opens a plan line's text that says its label is no
// problem: "none", "no …", "not …", "negative", "resolved", "N/A".
var planAnswersNoRe = regexp.MustCompile(`(?i)^[ \t]*(?:none|no|not|negative|denies|resolved|n/?a)\b`)

// immunityPlanRe is a plan to learn or give an immunity: "vaccinate if
// non-immune", "check hepatitis B titers".
var immunityPlanRe = regexp.MustCompile(`(?i)\bif\s+(?:non-?immune|not immune|susceptible)\b|\bcheck\s+(?:\w+\s+){0,2}(?:titers?|immunity|anti-)`)

// planProblemRe is a plan's numbered line that opens with its problem
// and a dash ("2. New-onset atrial fibrillation - rate control"), or a
// line that labels its problem with "#" and a colon ("#HTN: hold
// lisinopril"), or a numbered line that is its problem alone, with the
// plan in "- " lines under it ("3. Anemia in CKD\n- Hgb 11.6 …"), or a
// numbered line that labels its problem with a colon ("2. SCLC RUL,
// limited stage w/ mediastinal LN involvement: d/w oncology"), or one
// that gives its problem's state after a comma ("4. Paroxysmal AF,
// currently in sinus. Hold apixaban.").
var planProblemRe = regexp.MustCompile(`(?m)^[ \t]*\d+[.)][ \t]+([A-Za-z][^:\n]{2,60}?)[ \t]+(?:-{1,2}|–|—)[ \t]|^[ \t]*#[ \t]*([A-Za-z][^:\n]{2,90}?):[ \t]|^[ \t]*\d+[.)][ \t]+([A-Za-z][^:\n]{2,60}?)[ \t]*\n[ \t]*[-•*][ \t]|^[ \t]*\d+[.)][ \t]+([A-Za-z][^:\n]{2,90}?):[ \t]|^[ \t]*\d+[.)][ \t]+([A-Za-z][^:,.;\n]{2,60}?),[ \t]+(?:currently|now|stable|controlled|well[- ]controlled|rate[- ]controlled|improving|improved|in sinus)\b`)

// courseBodies returns the bodies (start, end) of the headings that name
// a course ("HOSPITAL COURSE", "Course").
func courseBodies(note string, locs []heading) [][2]int {
	var out [][2]int
	for i, l := range locs {
		if !strings.Contains(strings.ToUpper(note[l.nameStart:l.nameEnd]), "COURSE") {
			continue
		}
		end := len(note)
		if i+1 < len(locs) {
			end = locs[i+1].start
		}
		out = append(out, [2]int{l.end, end})
	}
	return out
}

// numberedLineRe is a line that opens with a number and a capital:
// "1. Acute osteomyelitis".
var numberedLineRe = regexp.MustCompile(`(?m)^[ \t]*\d{1,2}[.)][ \t]+[A-Z]`)

// hashLineRe is a line that opens with "#" and a word.
var hashLineRe = regexp.MustCompile(`(?m)^[ \t]*#[ \t]*[A-Za-z]`)

// hashProblemsRe is a line that opens with "#" and a problem's name.
var hashProblemsRe = regexp.MustCompile(`(?m)^[ \t]*#[ \t]*([A-Za-z][^:\n]{2,90}):`)

// assessmentName reports whether a diagnosis section's name is an
// assessment's or an impression's.
func assessmentName(name string) bool {
	up := strings.ToUpper(name)
	return strings.Contains(up, "ASSESSMENT") || strings.Contains(up, "IMPRESSION")
}

// diagnosisSublabels continue a list of diagnoses under its heading.
var diagnosisSublabels = map[string]bool{"PRINCIPAL": true, "PRIMARY": true, "SECONDARY": true, "OTHER": true, "ADDITIONAL": true,
	// an assessment's "Problems:" list below its summary sentence
	"PROBLEMS": true, "ISSUES": true,
	// ("Other active issues:" after an assessment of the visit's reason)
	"OTHER ISSUES": true, "OTHER PROBLEMS": true, "OTHER ACTIVE ISSUES": true, "OTHER ACTIVE PROBLEMS": true, "ACTIVE ISSUES": true,
	"CHRONIC ISSUES": true, "CHRONIC PROBLEMS": true,
	"COMORBIDITIES": true, "CHRONIC": true, "ACTIVE": true, "NEW": true, "SECONDARY DIAGNOSES": true, "OTHER DIAGNOSES": true,
	// a diagnosis's own details, on the line below it ("Precipitant:
	// insulin underdosing - …")
	"PRECIPITANT": true, "PRECIPITANTS": true, "TRIGGER": true, "ETIOLOGY": true, "CAUSE": true, "SOURCE": true, "ORGANISM": true,
	"COMPLICATIONS": true, "CONTRIBUTING FACTORS": true,
	"CHRONIC CONDITIONS": true, "COMORBID CONDITIONS": true, "ACUTE": true, "ACTIVE MALIGNANCY": true, "MALIGNANCY": true, "ONCOLOGIC": true, "ONCOLOGY": true,
	// an assessment by organ system or by service: "Medical: chronic HCV;
	// hypomagnesemia", "Renal: AKI on CKD 3a"
	"MEDICAL": true, "MEDICAL ISSUES": true, "MEDICAL PROBLEMS": true, "PSYCHIATRIC": true, "PSYCH": true,
	"CARDIAC": true, "CARDIOVASCULAR": true, "CV": true, "PULMONARY": true, "PULM": true, "RESPIRATORY": true,
	"RENAL": true, "GI": true, "ID": true, "HEME": true, "ENDO": true, "ENDOCRINE": true, "NEURO": true,
	"NEUROLOGIC": true, "NEUROLOGY": true, "MSK": true, "DERM": true,
	// "Abnormal finding: Iron deficiency anemia …" at a well visit
	"ABNORMAL FINDING": true, "ABNORMAL FINDINGS": true}

// inlineHistories finds the medical history labels of a note ("PMH:",
// "PMHx:", "Past medical history:", "Medical comorbidities:"), each as the label's span with the
// colon and the spaces after it.
// inlineHistoryName names the section of a history labelled inside a
// paragraph.
const inlineHistoryName = "inline PMH"

func inlineHistories(note string) [][]int {
	var out [][]int
	for _, label := range []string{"PMHx", "PMH", "Past medical history", "PAST MEDICAL HISTORY", "Comorbidities", "COMORBIDITIES", "comorbidities"} {
		for at := 0; ; {
			i := strings.Index(note[at:], label)
			if i < 0 {
				break
			}
			i += at
			at = i + len(label)
			if i > 0 && isLetter(note[i-1]) {
				continue
			}
			j := at
			for j < len(note) && note[j] == ' ' {
				j++
			}
			if j >= len(note) || note[j] != ':' {
				continue // "PMH" of "PMHx", or a label without its colon
			}
			j++
			for j < len(note) && (note[j] == ' ' || note[j] == '\t') {
				j++
			}
			out = append(out, []int{i, j})
		}
	}
	return out
}

// sameLeadRe is "Same" before a fuller statement of the diagnosis.
var sameLeadRe = regexp.MustCompile(`(?i)^same\s*(?:--|—|–|-|:|;|,)\s*`)

// sameAddsRe is a final diagnosis that repeats the expected one and adds
// to it: "Same, methicillin-sensitive Staphylococcus aureus", "Same.
// Actinic keratoses of the scalp".
var sameAddsRe = regexp.MustCompile(`(?i)^\s*same(?: as (?:above|pre-?op\w*|preoperative(?: diagnosis)?))?\s*(?:,|;|\.\s+\S|\bplus\b|\bwith\b|\band\b)`)

// sameRe is a final diagnosis that repeats the expected one.
var sameRe = regexp.MustCompile(`(?i)^\s*(same|same as (above|pre-?op\w*|preoperative( diagnosis)?)|as above)\s*\.?\s*$`)

// headerWords spell out the abbreviations of section names.
var headerWords = map[string]string{"DX": "DIAGNOSIS", "DXS": "DIAGNOSES", "HX": "HISTORY", "IMP": "IMPRESSION", "PRE-OP": "PREOPERATIVE", "PREOP": "PREOPERATIVE",
	"POST-OP": "POSTOPERATIVE", "POSTOP": "POSTOPERATIVE", "PRE-OPERATIVE": "PREOPERATIVE", "POST-OPERATIVE": "POSTOPERATIVE"}

// sectionKind classifies a section heading.
func sectionKind(name string) int {
	up := strings.ToUpper(name)
	if kind, ok := sectionNames[up]; ok {
		return kind
	}
	var words []string
	for _, w := range strings.Fields(up) {
		if long, ok := headerWords[w]; ok {
			w = long
		}
		words = append(words, w)
	}
	up = strings.Join(words, " ")
	// "DIAGNOSIS (historical):", "Problems (resolved)": a list its own
	// heading says is over
	if i := strings.IndexByte(up, '('); i >= 0 && containsAny(up[i:], "(HISTORICAL", "(HISTORY", "(PAST", "(PRIOR", "(RESOLVED", "(REMOTE", "(INACTIVE") {
		return secHistory
	}
	if kind, ok := sectionNames[up]; ok {
		return kind
	}
	// "PMH / PSH": medical histories named together are a history (not
	// "Social / Family", whose relatives' illnesses a family history
	// heading alone brings in)
	if strings.Contains(up, "/") {
		all := true
		for _, part := range strings.Split(up, "/") {
			part = strings.TrimSpace(part)
			if k, ok := sectionNames[part]; !ok || k != secHistory || socialSection(part) {
				all = false
				break
			}
		}
		if all {
			return secHistory
		}
	}
	if strings.Contains(up, "DIAGNOSTIC") && !strings.Contains(up, "IMPRESSION") {
		return secOther // "Diagnostics", "Diagnostic studies": the work-up
	}
	if up == "MDM" || strings.HasPrefix(up, "MDM ") || strings.HasPrefix(up, "MDM/") || strings.HasSuffix(up, "/MDM") || strings.HasPrefix(up, "MEDICAL DECISION") {
		// an emergency note's medical decision making assesses; it is
		// read as the diagnoses when the note lists none elsewhere
		return secProvisional
	}
	// "What I think and what we will do:": a letter's or an older
	// physician's assessment and plan
	if containsAny(up, "WHAT I THINK", "MY IMPRESSION", "MY ASSESSMENT", "MY THOUGHTS", "THOUGHTS AND PLAN") {
		return secDiagnosis
	}
	// "Diagnosis history": a history, though the name says a diagnosis
	// (an "Oncologic history" is the current cancer's story, and stays
	// other)
	if up == "DIAGNOSIS HISTORY" || up == "DIAGNOSTIC HISTORY" {
		return secHistory
	}
	// "POSTOPERATIVE COURSE COMPLICATED BY:": the stay's complications,
	// coded (not an operative note's "Complications: none", which
	// would count as its diagnoses)
	if strings.Contains(up, "COMPLICATED BY") {
		return secDiagnosis
	}
	// "Complication this admission:", "Hospital complications": the
	// stay's complications, which are its diagnoses
	if strings.Contains(up, "COMPLICATION") && containsAny(up, "ADMISSION", "THIS STAY", "HOSPITAL", "HOSPITALIZATION", "DURING STAY") {
		return secDiagnosis
	}
	// "Chronic conditions managed during stay:": the stay's secondary
	// diagnoses
	if strings.Contains(up, "CONDITIONS") && containsAny(up, "MANAGED", "ADDRESSED", "TREATED") {
		return secDiagnosis
	}
	// "PROBLEM LIST (imported from 03/2025 admission …)": a list copied
	// from an earlier record, which codes nothing
	if strings.IndexByte(up, '(') >= 0 && copiedAsideRe.MatchString(up) {
		return secOther
	}
	// "Initial / working diagnoses that were NOT confirmed", "Ruled
	// out": diagnoses the stay set aside
	if containsAny(up, "NOT CONFIRMED", "RULED OUT", "RULED-OUT", "EXCLUDED", "NOT SUPPORTED", "REFUTED", "WITHDRAWN") {
		return secOther
	}
	// "Functional / geriatric assessment", "Fall risk assessment",
	// "Nutrition assessment": an assessment of function or risk, whose
	// labels ("IADLs: dependent", "Falls: none") name no diagnosis
	if strings.Contains(up, "ASSESSMENT") && containsAny(up, "FUNCTIONAL", "GERIATRIC", "RISK", "NUTRITION", "PAIN ASSESSMENT", "NURSING", "COGNITIVE", "SOCIAL", "SAFETY", "SKIN") {
		return secOther
	}
	switch {
	case strings.Contains(up, "BY PROBLEM") || strings.Contains(up, "PROBLEM-BASED") || strings.Contains(up, "PROBLEM BASED"),
		// "HOSPITAL COURSE / A&P": a course written as an assessment,
		// problem by problem
		strings.Contains(up, "COURSE") && (strings.Contains(up, "A&P") || strings.Contains(up, "A/P") || strings.Contains(up, "ASSESSMENT")):
		return secProblems
	case strings.HasPrefix(up, "PRE") && strings.Contains(up, "DIAGNOS"), strings.HasPrefix(up, "ADMI") && strings.Contains(up, "DIAGNOS"),
		// "Dx on admission:": the admitting diagnoses
		strings.Contains(up, "DIAGNOS") && containsAny(up, "ON ADMISSION", "AT ADMISSION", "ADMITTING"):
		return secProvisional
	case strings.Contains(up, "DIAGNOS") || strings.Contains(up, "ASSESSMENT") || strings.Contains(up, "IMPRESSION") || strings.Contains(up, "COMORBID") || strings.Contains(up, "CO-MORBID"),
		strings.HasPrefix(up, "PRINCIPAL PROBLEM"), strings.HasPrefix(up, "PRIMARY PROBLEM"),
		// "Problem list at discharge", "Hospital problems": this stay's
		// problems, not the chronic list a history keeps ("Active
		// problems this admission:", "Problems addressed:" too)
		strings.Contains(up, "PROBLEM") && (strings.Contains(up, "DISCHARGE") || strings.Contains(up, "HOSPITAL") ||
			containsAny(up, "THIS ADMISSION", "THIS STAY", "DURING ADMISSION", "DURING STAY", "ADDRESSED", "MANAGED", "TREATED")),
		// "Other active problems:" beside a final diagnosis: the
		// secondary diagnoses
		strings.HasPrefix(up, "OTHER") && strings.Contains(up, "PROBLEM"),
		// "Injuries identified", "Injury list": a trauma note's diagnoses
		strings.HasPrefix(up, "INJURIES") || strings.HasPrefix(up, "INJURY LIST"):
		return secDiagnosis
	}
	return secOther
}

// problemItems returns the problem headings of a hospital course by
// problem: the lines that open a paragraph or start with "#" or a number,
// short enough to be a heading, each up to its first sentence's end.
func problemItems(note string, s section) []item {
	var out []item
	prevBlank := true
	for at := s.start; at < s.end; {
		end := strings.IndexByte(note[at:s.end], '\n')
		if end < 0 {
			end = s.end - at
		}
		line := note[at : at+end]
		t := strings.TrimSpace(line)
		numbered := strings.HasPrefix(t, "#") || len(t) > 1 && t[0] >= '0' && t[0] <= '9' && (t[1] == '.' || t[1] == ')')
		// (a numbered problem may run long: "# NSTEMI (type 1) -- LHC
		// 11/15 via R radial: 95% mid-LAD culprit lesion, 40% RCA, …")
		if t != "" && (prevBlank && wordCount(t) <= 16 || numbered) {
			start := at + strings.Index(line, t)
			for start < at+end && strings.ContainsRune("#0123456789.) \t", rune(note[start])) {
				start++
			}
			stop := at + end
			if k := strings.Index(note[start:stop], ". "); k > 0 {
				stop = start + k
			}
			for stop > start && strings.ContainsRune(" .:\t\r", rune(note[stop-1])) {
				stop--
			}
			// "# Hypertension -- normotensive; he has never been
			// diagnosed or treated. Not an active problem.": the
			// problem's own line withdraws it
			if countLetters(note[start:stop]) >= 3 && !planItem(note[start:stop]) && !notAProblemRe.MatchString(line) {
				out = append(out, item{start, stop})
			}
		}
		prevBlank = t == ""
		at += end + 1
	}
	return out
}

// problemLinesRe is a line a problem opens: "# Cellulitis", "2. AKI".
var problemLinesRe = regexp.MustCompile(`(?m)^[ \t]*(?:#|\d+[.)])`)

// notAProblemRe is a problem line that withdraws its problem.
var notAProblemRe = regexp.MustCompile(`(?i)\b(?:never (?:been )?diagnosed|not an? (?:active|current|real) (?:problem|issue|diagnosis)|no (?:such )?diagnosis of)\b`)

// item is one finding to code: a numbered line or a sentence.
type item struct {
	start, end int
}

// itemBreaks returns where items break in body: a list number at a line's
// start ("2.", "3)", "#4"), a full stop or semicolon and the space after
// it, a line end. It finds exactly what
//
//	(?m)(^\s*\d+[.)]\s*|^\s*#\d*[.)]?\s*| \(\d\)\s*|[.;]\s+|\n)
//
// would, leftmost first, in a tenth of the time (itemBreakRe in the tests
// checks it).
func itemBreaks(body string) [][2]int {
	var out [][2]int
	for i := 0; i < len(body); {
		if i == 0 || body[i-1] == '\n' {
			// a list number at the line's start
			j := skipSpace(body, i)
			if k := skipDigits(body, j); k > j && k < len(body) && (body[k] == '.' || body[k] == ')') {
				e := skipSpace(body, k+1)
				out = append(out, [2]int{i, e})
				i = e
				continue
			}
			if j < len(body) && body[j] == '#' {
				k := skipDigits(body, j+1)
				if k < len(body) && (body[k] == '.' || body[k] == ')') {
					k++
				}
				e := skipSpace(body, k)
				out = append(out, [2]int{i, e})
				i = e
				continue
			}
		}
		switch c := body[i]; {
		case c == ' ' && i+3 < len(body) && body[i+1] == '(' && body[i+2] >= '0' && body[i+2] <= '9' && body[i+3] == ')':
			// "Final diagnosis: (1) acute appendicitis, (2) …": a list
			// number inside a line
			e := skipSpace(body, i+4)
			out = append(out, [2]int{i, e})
			i = e
		case (c == '.' || c == ';') && i+1 < len(body) && isSpace(body[i+1]) && !(c == '.' && abbreviationAt(body, i)):
			e := skipSpace(body, i+1)
			out = append(out, [2]int{i, e})
			i = e
		case c == '\n':
			out = append(out, [2]int{i, i + 1})
			i++
		default:
			i++
		}
	}
	return out
}

// abbreviationAt reports whether the period at i ends an abbreviation
// inside a sentence, not the sentence: "incl.", "e.g.", "approx.", or a
// genus's initial before its species ("E. coli", "S. aureus").
func abbreviationAt(body string, i int) bool {
	j := i
	for j > 0 && (body[j-1] >= 'a' && body[j-1] <= 'z' || body[j-1] >= 'A' && body[j-1] <= 'Z' || body[j-1] == '.') {
		j--
	}
	word := body[j:i]
	k := skipSpace(body, i+1)
	if j > 0 && body[j-1] != ' ' && body[j-1] != '(' && body[j-1] != '\n' || strings.ContainsAny(body[i+1:k], "\n\r\f") {
		return false // (a period at a line's end ends its item)
	}
	switch strings.ToLower(word) {
	case "incl", "e.g", "i.e", "approx", "esp", "vs":
		return true
	}
	// "E. coli": a capital alone, then a word in lower case
	return len(word) == 1 && word[0] >= 'A' && word[0] <= 'Z' && k < len(body) && body[k] >= 'a' && body[k] <= 'z'
}

// isSpace is the regexp package's \s: tab, newline, form feed, carriage
// return, space.
func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

func skipSpace(s string, i int) int {
	for i < len(s) && isSpace(s[i]) {
		i++
	}
	return i
}

func skipDigits(s string, i int) int {
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i
}

func items(note string, s section) []item {
	body := note[s.start:s.end]
	var out []item
	last := 0
	for _, m := range itemBreaks(body) {
		if m[1]-m[0] == 1 && body[m[0]] == '\n' && softWrap(body, m[0]) {
			continue
		}
		if m[0] > last {
			out = append(out, item{s.start + last, s.start + m[0]})
		}
		last = m[1]
	}
	if last < len(body) {
		out = append(out, item{s.start + last, s.start + len(body)})
	}
	// "E. coli", "Dr. Smith", "Ms. Galloway": a split after a lone capital
	// or a title is not the end of an item.
	for i := 0; i+1 < len(out); i++ {
		t := strings.TrimSpace(note[out[i].start:out[i].end])
		// (not across a line: "…, no chronic hepatitis B.\n- Autoimmune …")
		if w := lastWord(t); (len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z' || honorifics[w]) && note[out[i].end] == '.' && !strings.Contains(note[out[i].end:out[i+1].start], "\n") {
			out[i].end = out[i+1].end
			out = append(out[:i+1], out[i+2:]...)
			i--
		}
	}
	// "Personal history of colon polyps and family history of colon
	// cancer": two items, the second about a relative
	for i := 0; i < len(out); i++ {
		it := out[i]
		if m := familyJoinRe.FindStringSubmatchIndex(note[it.start:it.end]); m != nil && m[0] > 0 {
			g := 2 // (the group that matched)
			if m[2] < 0 {
				g = 4
			}
			out[i].end = it.start + m[0]
			out = slices.Insert(out, i+1, item{it.start + m[g], it.end})
		}
	}
	var kept []item
	for _, it := range out {
		it = trimItem(note, it)
		// "Same -- fragility fracture of left femoral neck": what follows
		// "Same" restates the diagnosis more fully
		if it.end-it.start > 4 && strings.EqualFold(note[it.start:it.start+4], "same") {
			if m := sameLeadRe.FindStringIndex(note[it.start:it.end]); m != nil && it.start+m[1] < it.end {
				it.start += m[1]
			}
		}
		// "Number two, Helicobacter pylori infection": a dictated list's
		// number
		if m := dictatedNumberRe.FindStringIndex(note[it.start:it.end]); m != nil && it.start+m[1] < it.end {
			it.start += m[1]
		}
		t := note[it.start:it.end]
		if countLetters(t) >= 3 && !planItem(t) {
			kept = append(kept, it)
		}
	}
	return kept
}

// softWrap reports whether the line end at body[i] only wraps a long line
// of text: the line runs on (no closing stop, colon or semicolon) and the
// next starts in lower case, as in
//
//  1. Lumbar spinal stenosis with neurogenic claudication. No cauda
//     equina syndrome.
func softWrap(body string, i int) bool {
	ls := strings.LastIndexByte(body[:i], '\n') + 1
	line := strings.TrimRight(body[ls:i], " \t\r")
	if len(line) < 30 {
		return false
	}
	if c := line[len(line)-1]; !(isLetter(c) || c >= '0' && c <= '9' || c == ',' || c == '\'') {
		return false
	}
	j := i + 1
	for j < len(body) && (body[j] == ' ' || body[j] == '\t') {
		j++
	}
	return j < len(body) && body[j] >= 'a' && body[j] <= 'z'
}

// commaMembers splits items at the commas outside parentheses.
func commaMembers(note string, its []item) []item {
	var out []item
	for _, it := range its {
		start, depth := it.start, 0
		for i := it.start; i < it.end; i++ {
			switch note[i] {
			case '(', '[':
				depth++
			case ')', ']':
				depth = max(0, depth-1)
			case ',':
				if depth == 0 && i+1 < it.end && note[i+1] == ' ' {
					if m := trimItem(note, item{start, i}); m.end > m.start {
						out = append(out, m)
					}
					start = i + 1
				}
			}
		}
		if m := trimItem(note, item{start, it.end}); m.end > m.start {
			out = append(out, m)
		}
	}
	return out
}

// shortListMembers splits the items that are lists of at least three
// short conditions (commaMembers), none of them opening with a detail of
// the one before it.
func shortListMembers(note string, its []item) []item {
	var out []item
	for _, it := range its {
		ms := commaMembers(note, []item{it})
		// ("No history of hypertension, diabetes, CKD or heart disease"
		// denies them all; "Prostate adenocarcinoma, Gleason 3+4, radical
		// prostatectomy 2016" is one cancer and its details)
		if len(ms) < 3 || listLeadRe.MatchString(note[it.start:it.end]) || cancerWordRe.MatchString(note[it.start:it.end]) || slices.ContainsFunc(ms, func(m item) bool {
			t := asideRe.ReplaceAllString(note[m.start:m.end], " ")
			return wordCount(t) > 6 || detailLeadRe.MatchString(t)
		}) {
			out = append(out, it)
			continue
		}
		out = append(out, ms...)
	}
	return out
}

// listLeadRe opens a list with words that govern all its members.
var listLeadRe = regexp.MustCompile(`(?i)^\W*(?:no|not|denies|denied|negative|never|without|h/o|hx|history|s/p|status post|family)\b`)

// openAsideRe is an aside in parentheses, closed or cut off at the end.
var openAsideRe = regexp.MustCompile(`\([^()]*(?:\)|$)`)

// asideRe is an aside in parentheses.
var asideRe = regexp.MustCompile(`\([^()]*\)`)

// detailLeadRe opens a list member that details the condition before it.
var detailLeadRe = regexp.MustCompile(`(?i)^\s*(?:diagnosed|dx'?d?|s/p|status post|treated|on|with|w/|since|resolved|in remission|stable|controlled|uncontrolled|followed|per|now|currently|last|complicated|requiring|managed|well|poorly|\d)\b`)

// complicatedByRe opens a later part with what complicated the condition
// before it.
var complicatedByRe = regexp.MustCompile(`(?i)^\s*(?:and\s+)?(?:complicated|compounded)\s+by\s+`)

// checkboxRe is a template's box opening an item: ticked (group 1) or
// empty.
var checkboxRe = regexp.MustCompile(`^\s*\[(?:\s*([xX✓✔])\s*|\s*)\]\s*`)

// trimItem trims spaces and punctuation from an item's ends.
func trimItem(note string, it item) item {
	for it.start < it.end && strings.ContainsRune(" \t\r\n,.:-", rune(note[it.start])) {
		it.start++
	}
	for it.end > it.start && strings.ContainsRune(" \t\r\n,.:-", rune(note[it.end-1])) {
		it.end--
	}
	return it
}

func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

func countLetters(s string) int {
	n := 0
	for _, r := range s {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
			n++
		}
	}
	return n
}

// planWords open an item that is a plan, not a finding.
var planWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`risk risks benefits discussed referral referred repaired sutured irrigated performed underwent transfused
		transferred counseled counselled educated instructed scheduled continue start add stop hold increase decrease titrate follow return
		discharge schedule consult obtain check monitor plan will recommend advise counsel refer repeat resume begin give administer
		encourage patient see rted rtc call seek precautions`) {
		m[w] = true
	}
	return m
}()

// afterBlankLine reports whether the line starting at ls follows a blank
// line (or opens the note): a label there starts a block of its own.
func afterBlankLine(note string, ls int) bool {
	if ls <= 1 {
		return true
	}
	prev := strings.LastIndexByte(note[:ls-1], '\n') + 1
	return strings.TrimSpace(note[prev:ls-1]) == ""
}

// planItem reports whether an item opens with a word of a plan, not a
// finding ("Continue lisinopril", "Referral to …", "Consent obtained").
func planItem(t string) bool {
	i := 0
	for i < len(t) && (t[i] == ' ' || t[i] == '\t' || t[i] == '\r' || t[i] == '\n') {
		i++
	}
	j := i
	for j < len(t) && isLetter(t[j]) {
		j++
	}
	w := strings.ToLower(t[i:j])
	return planWords[w] || strings.HasPrefix(w, "consent")
}

// Context triggers (NegEx/ConText, trimmed to what coders meet).
var (
	// A negation opens the item ("No evidence of …", "Denies …"); inside
	// an item "without" is part of the condition ("… without
	// complications"), so only the phrases that negate from anywhere count
	// there.
	negatedRe   = guard(`(?i)^\W*(no|not|never|denies|denied|without|negative for|free of|absence of)\b|\b(ruled out|negative for|no (?:clinical |radiographic |definite |convincing |obvious |objective |phenotypic |echocardiographic |laboratory |imaging |biochemical |histologic |serologic )?evidence of|(?:she|he|they|patient|pt) (?:denies|denied)|no sign of|no signs of|unlikely|not (?:diagnosed|present|found|seen|identified|demonstrated|shown|documented|detected|observed|evident|apparent|appreciated|supported|established|(?:yet )?(?:evaluated|assessed|tested))|never (?:been )?diagnosed|never had|(?:is|was|were|has been) never (?:a |an )?(?:consideration|considered|suspected|concern|diagnosis)|no (?:documented |known |established |prior |formal )?diagnosis of|not (?:making|make|made|giving|give) (?:a |the )?diagnosis of|no (?:history|signs?|symptoms?|findings?) (?:suggestive of|to suggest|concerning for|consistent with)|not (?:consistent|compatible) with|never (?:been |was |were )?(?:consistent|compatible) with|not c/w|(?:is|was|are|were) not (?:a )?(?:concern|concerning|suspected|likely|favored|consideration|considered)|(?:is|was|are|were) not (?:felt|thought|believed) to be|(?:did|does|do) not (?:feel|think|believe) that|(?:considered |felt |thought )?less likely|low (?:suspicion|concern|likelihood|probability|pretest probability) (?:for|of)|never met|(?:did|does) not meet|(?:didn't|doesn't) meet|argues? (?:strongly )?against|(?:my |the )?differential (?:diagnosis )?(?:[a-z]+ ){0,4}?(?:includes?|included)|(?:do|does|did) not (?:think|believe|suspect)|(?:do|does|did) not (?:find|see) (?:any )?(?:evidence|features|signs?) (?:of|for)|(?:don't|didn't) (?:find|see) (?:any )?(?:evidence|features|signs?) (?:of|for)|don't (?:think|believe|suspect)|doubt)\b`, "no", "never", "denie", "without", "negative", "free of", "absence of", "ruled out", "unlikely", "less likely", "against", "not think", "not believe", "not suspect", "t think", "t believe", "t suspect", "doubt", "differential", "met", "meet", "not find", "not see", "t find", "t see", "low ")
	uncertainRe = guard(`(?i)\b(probable|possible|possibly|suspected|suspect|likely|questionable|rule out|r/o|concern for|(?:was|were|is|remains) a concern|cannot exclude|cannot be excluded|cannot rule out|can't rule out|versus|vs\.?|considered|presumed|presumptive|working diagnosis|suggestive of|worrisome for|suspicious for|concerning for|may represent|question of|(?:is|are|remains?) (?:the|an|one) (?:other |second |alternative |further )?possibilit(?:y|ies))\b`, "probable", "possib", "suspect", "likely", "questionable", "rule out", "r/o", "concern for", "a concern", "cannot", "can't", "versus", "vs", "considered", "presum", "working diagnosis", "suggestive of", "worrisome for", "suspicious for", "concerning for", "may represent", "question of")
	historyRe   = guard(`(?i)\b(history of|hx|h/o|status post|s/p|prior|remote|previous|former)\b`, "history of", "hx", "h/o", "status post", "s/p", "prior", "remote", "previous", "former")
	familyRe    = guard(`(?i)\b(family history|mother|father|brother|sister|son|daughter|grandmother|grandfather|grandson|granddaughter|grandchild|aunt|uncle|sibling)\b`, "family history", "mother", "father", "brother", "sister", "son", "daughter", "grandson", "granddaughter", "grandchild", "aunt", "uncle", "sibling")
	// "Rule out sepsis: ... does not meet criteria" and "Sepsis was ruled
	// out" are negations that begin as uncertainty.
	ruledOutAfter = guard(`(?i)(ruled out|does not meet|not confirmed|excluded|not supported|unlikely|less likely|not favored|not consistent with|not (?:felt|thought|believed) to be|not suspected|not suggestive|low (?:clinical )?suspicion|(?:showed|revealed|demonstrated|found) no)`, "ruled out", "does not meet", "not ", "excluded", "unlikely", "less likely", "low suspicion", "low clinical suspicion", "showed", "revealed", "demonstrated", "found")
	// Qualifiers stripped before searching: they are context, not concept.
	stripRe = guard(`(?i)\b(present on admission|poa|well[- ]controlled|rule out|r/o|probable|possible|suspected|(?:most |more )?likely|history of|h/o|status post|s/p|resolved|controlled|uncontrolled|stable|improving|improved|new[- ]onset|(?:mild|moderate)[- ]to[- ](?:moderate|severe)|new|chronic stable|now|currently|continue|start|started|compensated|community[- ]acquired|non-?purulent|distribution|surrounding|(?:non[- ])?cent(?:er|re|ral)[- ]involv(?:ing|ed)|\d+[- ]months?)\b`, "purulent", "surrounding", "involv", "month", "compensated", "distribution", "well", "present on admission", "poa", "rule out", "r/o", "probable", "possible", "suspected", "likely", "history of", "h/o", "status post", "s/p", "resolved", "controlled", "stable", "improv", "new", "now", "currently", "continue", "start", "community")
)

// asciiLower lower-cases the ASCII letters of s and leaves every other
// byte as it is, so that an offset in the result is the same offset in s
// (strings.ToLower changes the length of "İ" and of invalid UTF-8, and
// the rules find a word in the lower-case copy and cut the note there).
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// Suggest reads a note and suggests codes.
func Suggest(note string, searcher *codeset.Searcher, opt Options) ([]Suggestion, []Dropped) {
	if opt.MinScore == 0 {
		opt.MinScore = 0.45
	}
	var out []Suggestion
	var dropped []Dropped
	seen := map[string]int{}
	firstDx := true
	memo := newAnswers()
	x := newLookups(searcher)
	opt.episode = 'A'
	opt.lower = asciiLower(note)
	opt.note = note
	opt.infant = opt.Age == 0 && infantAgeRe.MatchString(note[:min(len(note), 800)])
	opt.pregnancy = &noteFlag{}
	opt.weeks = &noteWeeks{}
	// An admission's history and physical is written before the stay: a
	// condition it marks resolved was over before it, as at a visit.
	admission := opt.Inpatient && admissionNoteRe.MatchString(note[:min(len(note), 300)]) && !containsAny(opt.lower, "hospital course", "discharge diagnos", "discharge summary")
	switch {
	case containsAny(opt.lower, "sequela", "late effect") && sequelaRe.MatchString(note):
		opt.episode = 'S'
	case containsAny(opt.lower, "subsequent encounter", "healing", "cast check", "cast was removed", "cast removed", "removal", "follow-up visit", "follow up visit") && subsequentRe.FindLineIndex(note) != nil:
		opt.episode = 'D'
	}
	// The medical history is read last: a condition it lists is coded from
	// the assessment when the assessment names it, more specifically.
	secs := sections(note)
	// A note written wholly as prose, with no diagnosis section, is read
	// for its sentences that assess ("Her presentation is most consistent
	// with gestational hypertension", "Her gestational diabetes is well
	// controlled on diet alone").
	if !slices.ContainsFunc(secs, func(s section) bool { return s.kind == secDiagnosis || s.kind == secProblems }) {
		secs = append(secs, section{kind: secNarrative, name: "narrative", start: 0, end: len(note)})
	}
	sort.SliceStable(secs, func(i, j int) bool {
		return !(secs[i].kind == secHistory && medicalHistory(secs[i].name)) && secs[j].kind == secHistory && medicalHistory(secs[j].name)
	})
	for _, s := range secs {
		if s.kind == secProcedure && opt.Inpatient {
			out = append(out, procedures(note, s, x, opt, out)...)
			continue
		}
		if s.kind == secRuledOut {
			for _, it := range items(note, s) {
				dropped = append(dropped, Dropped{Text: note[it.start:it.end], Start: it.start, Reason: "ruled out"})
			}
			continue
		}
		var its []item
		switch s.kind {
		case secProblems:
			// a hospital course by problem: each problem's heading line
			// is a diagnosis, the narrative under it is not
			its, s.kind = problemItems(note, s), secDiagnosis
		case secHistory, secDiagnosis, secFamily:
			its = splitFamilyTail(note, items(note, s))
			if s.name == inlineHistoryName || s.kind == secHistory && strings.HasPrefix(strings.ToUpper(s.name), "INDICATION") {
				// a history written as a list inside a paragraph
				// ("Comorbidities: persistent AF on apixaban (…), HTN,
				// s/p R TKA 2017"): each member on its own, so a past
				// one does not make the others past
				its = commaMembers(note, its)
			} else if s.kind == secHistory && medicalHistory(s.name) {
				// …and so is a past medical history's line of short
				// conditions ("HTN (x 15 yr), HLD, OSA on CPAP, former
				// smoker (quit 2012)"), not one condition and its details
				// ("Breast cancer, diagnosed 2015, s/p lumpectomy")
				its = shortListMembers(note, its)
			}
		case secNarrative:
			its = slices.DeleteFunc(items(note, s), func(it item) bool { return !assessingRe.MatchString(note[it.start:it.end]) })
			s.kind = secDiagnosis
		default:
			continue
		}
		planLine := -1 // the end of a line labelled by what it orders
		for _, it := range its {
			// "1. [x] Essential hypertension - at goal": a template's
			// ticked box is the item; an empty one ("[ ] DM") names
			// what was not chosen
			if m := checkboxRe.FindStringSubmatchIndex(note[it.start:it.end]); m != nil {
				if m[2] < 0 {
					continue
				}
				it.start += m[1]
			}
			text := note[it.start:it.end]
			if it.start < planLine {
				continue // "Vaccines today: DTaP, IPV, MMR; influenza."
			}
			if planLabelRe.MatchString(text) {
				planLine = lineEnd(note, it.start)
				continue
			}
			// (and the list a line's return precautions open: "- Red
			// flags reviewed: orbital swelling, vision change, severe
			// headache, stiff neck -> ED")
			if immunizedRe.MatchString(text) || prophylaxisNotNeededRe.MatchString(text) || precautionRe.MatchString(text) || notAFindingItem(text) ||
				warningListRe.MatchString(lineOf(note, it.start)) {
				continue // "Diet: regular. Activity: ad lib.", "Tetanus: UTD", "Rabies PEP not indicated"
			}
			// A trigger in the condition's own words governs the item; one
			// in its details governs only them (findConcepts).
			head := note[it.start:headEnd(note, it)]
			// "Exposure to strep pharyngitis (sibling)": the patient's
			// exposure to a communicable disease (Z20.-), not the disease
			if m := exposureLeadRe.FindStringIndex(head); m != nil && s.kind != secFamily {
				if code := exposureCode(text[m[1]:]); code != "" && !negatedRe.MatchString(text) {
					if r, ok := x.Code(codeset.ICD10CM, code, opt.Date); ok && r.Billable && !containsCode(out, code) {
						out = append(out, Suggestion{System: codeset.ICD10CM, Code: code, Title: r.Title, Confidence: 0.8, Start: it.start, End: it.end,
							Evidence: text, Section: sectionKindNames[s.kind], Rule: "exposure to a communicable disease"})
					}
					continue
				}
			}
			// "Probable DRESS due to vancomycin, …, other causes excluded
			// so far": what the item excludes is the other causes
			if m := otherCausesExcludedRe.FindStringIndex(text); m != nil && m[0] >= len(head) {
				it.end = it.start + len(strings.TrimRight(text[:m[0]], " ,;-–—"))
				text = note[it.start:it.end]
			}
			// "72F s/p cholecystectomy with choledocholithiasis - …": the
			// patient's operation is the past, the condition she has it
			// with is the item
			if m := patientPastOperationRe.FindStringSubmatchIndex(head); m != nil && operationWordRe.MatchString(head[m[2]:m[3]]) && m[1] < len(head) {
				it.start += m[1]
				text = note[it.start:it.end]
				head = note[it.start:headEnd(note, it)]
			}
			cut := historyAfter(head)
			reason := ""
			uncertain, chronicOnly := false, false
			switch {
			case s.kind == secFamily && spouseLeadRe.MatchString(text):
				// "FH: wife - had ovarian ca": a spouse is no blood
				// relative, and her condition no family history
				reason = "someone else's"
			case s.kind == secFamily || familyRe.MatchString(text) && !relativeOnlyMentioned(text) && !(socialSection(s.name) && !relativeIllRe.MatchString(text)) &&
				// ("Exposure to strep pharyngitis (sibling)": the patient's
				// exposure, Z20.-)
				!exposureLeadRe.MatchString(head) &&
				// ("Infant of diabetic mother (maternal GDM on insulin)": the
				// newborn's own syndrome, P70.-)
				!infantOfRe.MatchString(head) &&
				// ("Maternal depression screening performed": the infant's
				// visit screens the mother, Z13.32)
				!maternalScreeningRe.MatchString(head) &&
				// ("Elevated PSA - …, free PSA 11% (low) and strong FHx
				// (father + uncle)": the family history is the finding's
				// context, after the patient's own condition)
				!(familyContextRe.MatchString(text) && !familyRe.MatchString(head)):
				reason = "family history"
			case s.kind == secHistory && medicalHistory(s.name) && !historyRe.MatchString(text) && !negatedRe.MatchString(text) && !resolvedRe.MatchString(text) && !asAboveRe.MatchString(text) &&
				!leftAloneRe.MatchString(text) && !lastMemberDenied(note, it.start) &&
				!notConfirmedRe.MatchString(text) && !answeredNoRe.MatchString(text) &&
				!notAProblemRe.MatchString(text) && !(strings.IndexByte(head, '?') >= 0 && questionedRe.MatchString(head)):
				// A past medical history lists the chronic conditions the
				// patient lives with: they are current and coded when they
				// affect care; what was cured stays history.
				chronicOnly = true
			case s.kind != secHistory && cut > 0 && !backwardIn(text[len(head):], head) && !negatedRe.MatchString(withoutPOA(head[:cut])):
				// (unless a later part denies it: "Umbilical hernia s/p
				// repair - no recurrence"; nor one whose words before the
				// trigger deny it: "DVT was ruled out on prior duplex")
				// "CAD native vessel s/p LAD DES": the trigger governs what
				// follows it; the condition before it is current.
				it.end = it.start + cut
				text = note[it.start:it.end]
			case s.kind == secHistory || historyRe.MatchString(head) && !pregnancyHistoryRe.MatchString(head) || healedLeadRe.MatchString(head) ||
				oldLeadRe.MatchString(head) && oldInfarctRe.MatchString(text) ||
				treatedCancerRe.MatchString(text) && cancerGoneRe.MatchString(lineAt(note, it.start)) && !adjuvantNowRe.MatchString(text) || curedRe.MatchString(text) || historyOnlyRe.MatchString(text[len(head):]),
				resolvedWordRe.MatchString(text) && (historicalHeadRe.MatchString(head) || pastDateRe.MatchString(head) || agoRe.MatchString(head)):
				// ("Childhood asthma, resolved", "CAP 02/2025 - resolved")
				reason = "history"
			case pastStatusRow(lineOf(note, it.start)):
				// "| Pneumonia, organism unspecified | J18.9 | Resolved |
				// 11/2025 |": a problem table's row whose status says it
				// is over
				reason = "history"
			case opt.Inpatient && resolvedBeforeStayRe.MatchString(text) && !strings.Contains(head, "resolv") || treatedResolvedRe.MatchString(text):
				// "3. Strep pharyngitis - resolved (January), no current
				// sore throat": over before the stay
				reason = "history"
			case resolvedUntreatedRe.MatchString(text):
				// "Mild hyponatremia on admission - resolved
				// spontaneously, no treatment": neither treated nor
				// worked up, no secondary diagnosis to report
				// (UHDDS; Official Guidelines III)
				reason = "history"
			case (!opt.Inpatient || admission) && resolvedDashRe.MatchString(text):
				// "7. Hyperkalemia - resolved." at a visit: over before it
				// (a stay's "AKI - resolved" happened during the stay and
				// is coded)
				reason = "history"
			case doubtedCauseRe.MatchString(text[len(head):]) && !uncertainRe.MatchString(head) && symptomHeadRe.MatchString(head) &&
				(!opt.Inpatient || ruledOutAfter.MatchString(text[len(head):])):
				// "Right lower quadrant abdominal pain — suspected ruptured
				// ovarian cyst, not confirmed": the symptom is coded, the
				// doubted cause after the dash is not (a stay's "Diarrhea -
				// likely C. difficile colitis" codes the cause, as if
				// established, unless the item takes it back)
				it.end = it.start + len(head)
				text = note[it.start:it.end]
			case containsAny(text, "negative", "Negative", "NEGATIVE") && (negativeResultItemRe.MatchString(text) || organismNegativeRe.MatchString(text)):
				// "The lupus anticoagulant is negative": a test's name;
				// "H. pylori - biopsy negative today": an organism tested
				// for and not found
				reason = "negated"
			case otherPersonRe.MatchString(text):
				// "thyroid testing because of wife's diagnosis: …
				// hypothyroidism is not contagious"
				reason = "someone else's"
			case uncertainRe.MatchString(text) && ruledOutAfter.MatchString(text) && !laterSuspicion(head, text[len(head):]) && !otherRuledOut(head, text), negatedRe.MatchString(withoutPOA(head)), backwardIn(text[len(head):], head), listRuledOut(text), backwardAfter(note, it.start, it.end), excludedSubject(head), excludedLabelRe.MatchString(text),
				listExcludedRe.MatchString(text) && !strings.ContainsAny(text, ";:"), itemWithdrawnRe.MatchString(text), consideredButRe.MatchString(text), labelDenied(text), deniesItsHead(head, text[len(head):]),
				// ("SIADH was considered (sertraline, family hx in sister)
				// but …": the item cut at its aside, its sentence read
				// on)
				strings.Contains(text, "considered") && consideredButRe.MatchString(note[it.start:clauseEnd(note, it.start)]),
				setAsideRe.MatchString(text), answeredNoRe.MatchString(text), lowRiskItemRe.MatchString(text), nextSentenceDenies(note, it.end, head), underRuledOutIntro(note, it.start),
				immunityHeadRe.MatchString(head), signatureLineRe.MatchString(lineOf(note, it.start)),
				notAddressedLater(note, it.start+len(head), head), partTakenBack(text), atRiskOnlyRe.MatchString(text), lastMemberDenied(note, it.start),
				// ("TB - CT not suggestive (no cavitation/LAD); … low
				// suspicion": the work-up does not support it)
				notSuggestiveRe.MatchString(text[len(head):]) && !strings.Contains(text[len(head):], "but"):
				reason = "negated"
			case uncertainRe.MatchString(head) || notConfirmedRe.MatchString(text) && !laterSuspicion(head, text[len(head):]) || strings.HasPrefix(strings.TrimLeft(head, " \t-*•"), "?"):
				// ("? pleurisy": a question mark before the condition
				// doubts it)
				// ("cough-variant asthma -- suggested by …, but not yet
				// confirmed": a doubt in the details that is the
				// condition's own)
				uncertain = true
				if !opt.Inpatient {
					reason = "uncertain (outpatient: code the symptoms instead)"
				}
			}
			if reason == "family history" && (negatedRe.MatchString(text) || negatedJustBefore.MatchString(note[max(it.start-40, 0):it.start])) {
				// "No family history of colorectal cancer."
				reason = "negated"
			}
			// (not an infarction the item dates things by: "hyperlipidemia
			// (untreated prior to MI, LDL 171 at admission)")
			if m := oldInfarctRe.FindStringIndex(text); reason == "history" && m != nil && !negatedRe.MatchString(text) && !negatedAt(text, m[0]) && !datedByInfarctRe.MatchString(text) {
				// ("…, denies chest pain or angina, no prior MI (echo …)":
				// the infarction itself denied)
				// a past myocardial infarction is coded as old (I25.2),
				// which has no personal-history Z code
				if r, ok := x.Code(codeset.ICD10CM, "I25.2", opt.Date); ok && !containsCode(out, "I25.2") {
					out = append(out, Suggestion{System: codeset.ICD10CM, Code: "I25.2", Title: r.Title, Confidence: 0.85, Start: it.start, End: it.end,
						Evidence: text, Section: sectionKindNames[s.kind], Rule: "old myocardial infarction"})
				}
				continue
			}
			// "3. Status post total hysterectomy (uterus and cervix
			// removed) and bilateral oophorectomy.": an organ removed,
			// listed among the diagnoses, is its acquired absence
			// (not one whose recovery the item follows: "s/p sigmoid
			// colectomy for diverticulitis - otherwise recovering as
			// expected" is the operation's aftercare)
			if reason == "history" && s.kind == secDiagnosis && removedOrganItemRe.MatchString(text) && !containsAny(strings.ToLower(text), "recovering", "recovery", "healing") {
				for _, code := range removedOrganCodes(text) {
					if r, ok := x.Code(codeset.ICD10CM, code, opt.Date); ok && r.Billable && !containsCode(out, code) {
						out = append(out, Suggestion{System: codeset.ICD10CM, Code: code, Title: r.Title, Confidence: 0.8, Start: it.start, End: it.end,
							Evidence: text, Section: sectionKindNames[s.kind], Rule: "status: organ removed"})
					}
				}
				continue
			}
			if reason == "family history" || reason == "history" && !answeredNoRe.MatchString(text) && !refutedQuestionRe.MatchString(text) && (explicitHistory.MatchString(text) || treatedCancerRe.MatchString(text) && !cancerCareNowRe.MatchString(text) || curedRe.MatchString(text) ||
				// ("s/p R hemicolectomy 2019 for stage II adenocarcinoma
				// of the ascending colon, completed surveillance with no
				// evidence of disease": a member whose line says the
				// cancer is gone)
				cancerWordRe.MatchString(text) && cancerGoneRe.MatchString(lineAt(note, it.start)) && !cancerCareNowRe.MatchString(lineAt(note, it.start)) || historyOnlyRe.MatchString(text[len(head):]) ||
				resolvedWordRe.MatchString(text) && agoRe.MatchString(head)) {
				// Family history maps to Z80–Z84, an explicit personal
				// history to Z85–Z87 (Official Guidelines I.C.21.c.4).
				sg, ok := historyCode(x, text, reason, opt)
				sg.Start, sg.End, sg.Evidence = it.start, it.end, text
				codes := []Suggestion{sg}
				// "Family hx ovarian ca (mother) and breast ca (aunt)": each
				// relative's condition has its code
				if ok && reason == "family history" {
					var each []Suggestion
					from := 0
					for _, cut := range append(familyAndRe.FindAllStringIndex(text, -1), []int{len(text), len(text)}) {
						// (a relative's condition the table names: the
						// rest of "his mother's, he remains on skin
						// examinations" names none)
						if m, ok := historyCode(x, text[from:cut[0]], reason, opt); ok && inFamilyTable(text[from:cut[0]]) {
							m.Start, m.End, m.Evidence = it.start+from, it.start+cut[0], text[from:cut[0]]
							each = append(each, m)
						}
						from = cut[1]
					}
					if len(each) > 0 {
						codes = each
					}
				}
				for _, sg := range codes {
					if ok && seen[sg.Code] == 0 && !containsCode(out, sg.Code) {
						sg.Section = sectionKindNames[s.kind]
						out = append(out, sg)
					}
				}
				continue
			}
			if reason != "" {
				if s.kind == secDiagnosis {
					dropped = append(dropped, Dropped{Text: text, Start: it.start, Reason: reason})
				}
				continue
			}
			for _, c := range memo.concepts(x, note, it, opt) {
				// "\"Hypothyroidism\" is listed on the referral": a
				// diagnosis in quotation marks is reported, not made
				if quoted(note, c.start, c.end) {
					continue
				}
				// "PE considered given tachycardia and hypoxemia. Wells
				// low; CTA chest HD1: no pulmonary embolism": a doubted
				// condition the work-up after it refutes by name
				if refutedLater(note, c.start, c.end) {
					continue
				}
				// "EMS stroke scale positive", "sepsis alert called": a
				// tool or a protocol named for the condition
				if toolAfterRe.MatchString(note[c.end:min(len(note), c.end+24)]) || strings.HasSuffix(asciiLower(note[c.start:c.end]), " risk") {
					continue
				}
				text := text
				if c.prose {
					// a condition inside a prose sentence is refined by
					// its own words, not by the rest of the sentence
					text = note[c.start:c.end]
				}
				r := itemEpisode(substanceUse(itemSpecific(glaucomaStage(sided(c.r, text, x, opt), text, x, opt), withoutDenyingAsides(text), x, opt), text, x, opt), text, x, opt)
				r = onTrunk(note[c.start:min(lineEnd(note, c.start), c.end+40)], r, x, opt)
				r = notRecurrent(r, text, x, opt)
				r = seropositiveRA(r, text, x, opt)
				if strings.HasPrefix(r.Code, "T78.8") || strings.HasPrefix(r.Code, "T88.7") {
					// "naproxen … (adverse effect)": the drug's own
					// adverse-effect code from the drug table
					if d, ok := adverseEffectOf(text, x, opt); ok {
						r = d
					} else if chemoCauseRe.MatchString(text) {
						// (a chemotherapy regimen is no drug-table word:
						// "adverse effect of FOLFIRINOX" is T45.1X5-)
						if e, ok := x.Code(codeset.ICD10CM, "T45.1X5"+string(opt.drugEpisode()), opt.Date); ok {
							r.Code, r.Title = e.Code, e.Title
						}
					}
				}
				// (nor, from a history's list, an osteoarthritis the note
				// names nowhere else, which the training writers code from a
				// history one time in six: the stay or the visit rarely
				// treats it; "For his right knee osteoarthritis we
				// recommended acetaminophen" does)
				// (or whose line treats or replaces it: "Primary OA both
				// knees (R now replaced)", "left THA planned")
				// (and a migraine, which they never code from one)
				if chronicOnly && (!chronic(r.Code) || r.Code == "M19.90" || strings.HasPrefix(r.Code, "G43") || hasAnyPrefix(r.Code, "M15", "M16", "M17", "M18", "M19") && strings.Count(opt.lower, "osteoarthritis") < 2 &&
					!containsAny(strings.ToLower(lineOf(note, c.start)), "now replaced", "planned", "inject", "ibuprofen", "naproxen", "nsaid", "meloxicam", "celecoxib", "diclofenac")) {
					continue
				}
				// "PMH: … OSA on CPAP", then "OSA and hypercholesterolemia
				// managed by PCP - not addressed today": a history's
				// condition the visit says it left alone
				if chronicOnly && leftAloneLine(opt.lower, note[c.start:c.end]) {
					continue
				}
				// "statin-intolerant (myalgias)": the aside describes a past
				// reaction, not a current condition
				if c.start > 0 && note[c.start-1] == '(' && reactionBeforeRe.MatchString(note[max(0, c.start-40):c.start-1]) {
					continue
				}
				// "Hx healed L scaphoid fracture": a past fracture is
				// traumatic (Z87.81) unless the note says osteoporotic
				if r.Code == "Z87.310" && !containsAny(strings.ToLower(text), "osteopor", "fragility", "patholog") {
					if e, ok := x.Code(codeset.ICD10CM, "Z87.81", opt.Date); ok {
						r.Code, r.Title = e.Code, e.Title
					}
				}
				// "responding well to bronchodilators and systemic
				// steroid": a treatment the condition answers, no
				// long-term use (Z79.52)
				if strings.HasPrefix(r.Code, "Z79") && respondingToRe.MatchString(text) {
					continue
				}
				// "E. coli is the most common organism, but the culture is
				// pending": no organism has been found
				// ("H. pylori infection - CLO positive; histology pending":
				// a test already positive has found it)
				if w := note[c.start:min(lineEnd(note, c.start), c.start+100)]; organismCode(r.Code) {
					if m := unconfirmedOrganismRe.FindStringIndex(w); m != nil && !organismFoundRe.MatchString(w[:m[0]]) {
						continue
					}
				}
				// "Fever is attributable to the ear infection": the symptom
				// is the diagnosis's own (Guidelines I.B.5)
				// "Suture removal in 10-12 days": an aftercare encounter
				// still to come is no reason for this one
				if strings.HasPrefix(r.Code, "Z48") && laterEncounterRe.MatchString(sentenceAround(note, c.start)) {
					continue
				}
				// "Elevated BP reading x1 - gestational HTN / preeclampsia
				// ruled out": a member of a list its clause rules out
				if c.start > it.start && listRuledOut(note[c.start:clauseEnd(note, c.start)]) {
					continue
				}
				// "If 2+ abnormal values -> dx GDM": what a result would
				// make it, not what it is
				if ifClauseRe.MatchString(note[max(0, c.start-100):c.start]) {
					continue
				}
				// "HCM - ordered, none done today: LDCT lung cancer
				// screening; screening colonoscopy referral": health care
				// maintenance, whose screenings are ordered, not done at
				// this encounter
				if (r.Code == "I42.1" || r.Code == "I42.2") && screeningWordsRe.MatchString(text) {
					continue
				}
				// (nor a genetic counseling referred elsewhere: "Genetic
				// counseling referral")
				if hasAnyPrefix(r.Code, "Z11", "Z12", "Z13", "Z31.5") && screeningOrderedRe.MatchString(text) {
					continue
				}
				// "Vaccinations: pneumococcal vaccine recommended; prefers
				// to receive at PCP office": no immunization this visit
				if r.Code == "Z23" && !vaccineGivenRe.MatchString(text) {
					continue
				}
				// "Weight gain on track for …": a pregnancy's or a child's
				// expected gain is no abnormal one
				if r.Code == "R63.5" && containsAny(strings.ToLower(text), "on track", "appropriate", "expected", "adequate", "reassuring") {
					continue
				}
				// (and a leukocytosis, an abnormal finding coded in chapter
				// 3: "Initial leukocytosis and tachycardia were from DKA")
				if (symptomCode(r.Code) || strings.HasPrefix(r.Code, "D72.82")) && explainedRe.MatchString(text) {
					continue
				}
				// "Acute pharyngitis - likely viral given coryza, cough,
				// hoarseness": symptoms cited as the reasons for a
				// conclusion are its own
				if symptomCode(r.Code) && c.start > it.start && givenReasonsRe.MatchString(note[it.start:c.start]) {
					continue
				}
				// "her allergy list remains amoxicillin (hives)": the
				// reaction an allergy once caused is no condition now
				if allergyReactionCode(r.Code) && allergyItemRe.MatchString(text) {
					continue
				}
				sg := Suggestion{System: codeset.ICD10CM, Code: r.Code, Title: r.Title, Confidence: min(1, r.Score), Start: c.start, End: c.end, Evidence: note[c.start:c.end],
					Section: sectionKindNames[s.kind], Principal: firstDx && s.kind == secDiagnosis, Uncertain: uncertain, Rule: r.Source}
				switch {
				case chronicOnly:
					sg.Rule = "chronic condition in the history"
				case c.prose:
					sg.Rule, sg.Principal = proseRule+r.Source, false
				default:
					firstDx = false
				}
				if i, ok := seen[r.Code]; ok {
					if sg.Confidence > out[i].Confidence {
						sg.Principal = out[i].Principal
						out[i] = sg
					}
					continue
				}
				// A note restates its diagnoses (history, assessment, discharge
				// list): one code per category, the first found, except for
				// injuries, where several sites are usual.
				if j, ok := seen[cat(r.Code)]; ok && !c.prose && fromProse(out[j]) && !distinctInCategory(out[j], sg) {
					// a condition a list or a line names beats one read
					// inside a sentence
					delete(seen, out[j].Code)
					sg.Principal = out[j].Principal
					out[j] = sg
					seen[sg.Code] = j
					continue
				}
				if j, ok := seen[cat(r.Code)]; ok && !injury(r.Code) && !(diabetesComplication(r.Code) && diabetesComplication(out[j].Code)) &&
					!codedEach(out[j], sg) && (!distinctInCategory(out[j], sg) || saysWhatWasGuessed(out[j], sg)) {
					// …unless it says what the first left unspecified:
					// "alcohol withdrawal" then "alcohol dependence with
					// withdrawal, uncomplicated". Diabetes is coded once
					// per complication (E11.22 and E11.42), and a
					// complication replaces diabetes without one.
					if old := out[j]; chronicOnly && old.Section == sectionKindNames[secDiagnosis] && old.Code[:5] != sg.Code[:5] && len(old.Code) > 5 && old.Code[4] != '9' && !strings.Contains(strings.ToLower(old.Title), "unspecified") {
						// (a history's restatement of another kind does
						// not retype a diagnosis of a specified kind:
						// "idiopathic generalized epilepsy" in the
						// history, "Generalized convulsive status
						// epilepticus in … generalized epilepsy" among
						// the diagnoses; it does specify "Diabetes")
					} else if moreSpecific(old.Code, old.Title, sg.Code, sg.Title) || namesUnspecifiedKind(old, sg) || specifiesLater(old, sg) || saysWhatWasGuessed(old, sg) || substanceComplication(old.Code, sg.Code) ||
						namesPart(old, sg) ||
						affirmsDefault(old, sg) ||
						diabetes(r.Code) && diabetesComplication(r.Code) && !diabetesComplication(old.Code) {
						sg.Principal = old.Principal
						delete(seen, old.Code)
						out[j] = sg
						seen[sg.Code] = j
					}
					continue
				}
				seen[r.Code] = len(out)
				seen[cat(r.Code)] = len(out)
				out = append(out, sg)
				// A stage of chronic kidney disease in the same item is coded
				// with it (E11.22 "use additional code to identify the stage").
				if stage := ckdStage(text); stage != "" && !containsCode(out, stage) {
					if r, ok := x.Code(codeset.ICD10CM, stage, opt.Date); ok {
						sg := Suggestion{System: codeset.ICD10CM, Code: stage, Title: r.Title, Confidence: sg.Confidence, Start: it.start, End: it.end, Evidence: text, Section: sg.Section, Rule: "ckd stage"}
						// the stage replaces a kidney disease found
						// without one ("chronic renal failure", N18.9)
						if j := slices.IndexFunc(out, func(s Suggestion) bool { return s.Code == "N18.9" || s.Code == "N18.30" }); j >= 0 {
							delete(seen, out[j].Code)
							sg.Principal = out[j].Principal
							out[j] = sg
							seen[stage] = j
							seen[cat(stage)] = j
						} else {
							out = append(out, sg)
							seen[stage] = len(out) - 1
							seen[cat(stage)] = len(out) - 1
						}
					}
				}
			}
		}
	}
	out = dropVagueProse(out)
	out = dropEncounterReasons(out, opt)
	out = combine(out, x, opt)
	arrestCause(out, note, x, opt)
	out = inducedPsychosisKind(out, note, x, opt)
	out = slices.DeleteFunc(out, func(s Suggestion) bool { return occasionalUse(s, note) })
	cachexiaCause(out, note, x, opt)
	out = dropIntegral(out)
	// "Eclampsia: no seizure activity": eclampsia is its seizures, and a
	// line that denies them denies it
	out = slices.DeleteFunc(out, func(s Suggestion) bool {
		return strings.HasPrefix(s.Code, "O15") && noSeizureRe.MatchString(lineAt(note, s.Start))
	})
	// "Metastatic castration-resistant prostate adenocarcinoma", and in the
	// history "prostate adenocarcinoma (… diagnosed 2019, initially
	// treated with ADT)": the diagnoses' cancer is current, no history of
	// it read from the history (Z85 Excludes1 a current malignant
	// neoplasm); skin cancers, each one of its own, aside
	out = slices.DeleteFunc(out, func(s Suggestion) bool {
		if !strings.HasPrefix(s.Code, "Z85") || s.Section != sectionKindNames[secHistory] {
			return false
		}
		return slices.ContainsFunc(out, func(c Suggestion) bool {
			return c.Code[0] == 'C' && c.Code < "C77" && !hasAnyPrefix(c.Code, "C43", "C44") && c.Section == sectionKindNames[secDiagnosis] && personalCancerCode(c.Title) == s.Code
		})
	})
	// "Parkinson's disease dementia, moderate, with psychosis": the
	// dementia's psychotic disturbance (F02.B2) holds its psychosis and
	// hallucinations
	if slices.ContainsFunc(out, func(s Suggestion) bool {
		return hasAnyPrefix(s.Code, "F01", "F02", "F03") && len(s.Code) == 6 && s.Code[5] == '2'
	}) {
		out = slices.DeleteFunc(out, func(s Suggestion) bool { return hasAnyPrefix(s.Code, "F29", "F22", "F23", "R44") })
	}
	// "Acute cystitis due to E. coli", then "delirium … due to UTI": a
	// urinary tract infection named as another condition's cause, on
	// another line, is the cystitis coded by its site
	if j := firstWithPrefix(out, "N30.0", "N30.8", "N30.9", "N10", "N11", "N12", "N34"); j >= 0 {
		site := lineOf(note, out[j].Start)
		out = slices.DeleteFunc(out, func(s Suggestion) bool {
			return s.Code == "N39.0" && causeBeforeRe.MatchString(note[max(0, s.Start-30):s.Start]) && lineOf(note, s.Start) != site
		})
	}
	out = status(note, out, x, opt)
	out = deviceStatusDropped(out)
	out = poisoningIntent(note, out, x, opt)
	out = underdosedDrugs(out, note, x, opt)
	out = nonadherentDrugs(out, note, x, opt)
	out = nonadherenceItemDrugs(out, note, x, opt)
	out = underdosingIntent(out, note, x, opt)
	noncomplianceReason(out, note, x, opt)
	out = replacedSide(out, note, x, opt)
	tubularNecrosis(out, note, x, opt)
	complicatedDiverticulitis(out, note, x, opt)
	sickleCellCrisis(out, note, x, opt)
	out = thyroidStorm(out, note, x, opt)
	out = asymptomaticHIV(out)
	otherPancreatitis(out, note, x, opt)
	adhesiveObstruction(out, note, x, opt)
	// "Chest pain, left, most consistent with musculoskeletal chest wall
	// pain": the index's "Pain, chest, wall" is R07.89
	if i := firstWithPrefix(out, "R07.9"); i >= 0 && strings.Contains(strings.ToLower(lineOf(note, out[i].Start)), "chest wall") {
		recode(&out[i], "R07.89", "chest wall pain", x, opt)
	}
	provokedSeizure(out, note, x, opt)
	secondaryVarices(out, x, opt)
	sepsisDueTo(out, note, x, opt)
	out = sepsisOfShock(out, note, x, opt)
	out = excisedPrimary(out, note, x, opt)
	strokeMechanism(out, note, x, opt)
	hemorrhageSite(out, note, x, opt)
	out = acuteStrokeDeficits(out, x, opt)
	breastQuadrant(out, note, x, opt)
	pancreasSite(out, note, x, opt)
	cervicalDiscLevel(out, note, x, opt)
	out = neckNodeMetastases(out, note, x, opt)
	obstructionSaidAfter(out, x, opt)
	out = biliaryCalculi(out, x, opt)
	out = ductStoneCholangitis(out, note, x, opt)
	ibdObstruction(out, x, opt)
	consciousnessStatus(out, note, x, opt)
	consciousnessLost(out, note, x, opt)
	septicJoint(out, note, x, opt)
	out = infectiousAgent(out, note, x, opt)
	out = deliriumCause(out, note, x, opt)
	goutSite(out, note, x, opt)
	lymphomaSite(out, note, x, opt)
	out = contraceptionKind(out, note, x, opt)
	parkinsonAxes(out, note, x, opt)
	epilepsyAxes(out, note, x, opt)
	depressionAxes(out, note, x, opt)
	withdrawalUncomplicated(out, note, x, opt)
	out = substancePsychosisKind(out, note, x, opt)
	out = dropRedundantOrganism(out, note)
	out = neutropenicFever(out, note, x, opt)
	out = chemoThrombocytopenia(out, note, x, opt)
	out = chemoNamedAdverseEffect(out, x, opt)
	out = drugImmunodeficiency(out, note, x, opt)
	out = respiratoryFailureGases(out, x, opt)
	out = procedureSepsisAgent(out, x, opt)
	out = anticoagulantBleeding(out, x, opt)
	out = dropIntegral(out) // (a food allergy status beside its anaphylaxis, a fever coded with its cause)
	out = kidneyAndUreterCalculus(out, x, opt)
	// a pregnancy test's result (Z32.0-) is coded for a visit that is
	// for the test, not beside the condition a visit treats
	if slices.ContainsFunc(out, func(s Suggestion) bool { return s.Code[0] != 'Z' }) {
		out = slices.DeleteFunc(out, func(s Suggestion) bool { return strings.HasPrefix(s.Code, "Z32.0") })
	}
	// the supervision of a normal pregnancy (Z34) is no pregnancy with a
	// complication coded
	if slices.ContainsFunc(out, func(s Suggestion) bool { return s.Code[0] == 'O' }) {
		out = slices.DeleteFunc(out, func(s Suggestion) bool { return strings.HasPrefix(s.Code, "Z34") })
	}
	// a breast cancer's receptor status (Z17) goes with the cancer coded
	// as current; a history of the cancer (Z85.3) takes none
	if !containsCodePrefix(out, "C50") && !containsCodePrefix(out, "D05") {
		out = slices.DeleteFunc(out, func(s Suggestion) bool { return strings.HasPrefix(s.Code, "Z17") })
	}
	out = codeFirst(out, x, opt)
	out = dropExplainedSymptoms(out, note)
	out = dropUndiagnosed(out, note)
	out = dropRoutineSymptoms(out, note)
	out = dropParentheticalFindings(out, note)
	out = sundowningOfDementia(out)
	// (after it: a drug's adverse effect explains no symptom of its line)
	out = drugCaused(out, note, x, opt)
	drugInducedKinds(out, x, opt)
	out = drugAnaphylaxis(out, note, x, opt)
	out = chemotherapyEncounter(out, note, x, opt)
	out = palliativeEncounter(out, note, x, opt)
	out = liveborn(out, note, x, opt)
	out = prematurity(out, note, x, opt)
	out = newbornObservation(out, note, x, opt)
	// an infant's chart holds no delivery of its own: the mother's
	// ("38w6d", "SVD" in a 5-week-old's birth history) is hers
	out = slices.DeleteFunc(out, func(s Suggestion) bool { return !fits(s.Code, opt) })
	injuryAftercare(out, note, x, opt)
	out = followUpAfterTreatment(out, note, x, opt)
	recurrenceSaid(out, note, x, opt)
	intractableSaid(out, note, x, opt)
	out = fibroidLocations(out, note, x, opt)
	out = brainOldInfarct(out, note)
	out = excludedBeside(out, x)
	// "Staple removal 7-10 d", "Suture removal in 10 days": a removal the
	// plan sets for later is no encounter for it (Z48.0-)
	out = slices.DeleteFunc(out, func(s Suggestion) bool {
		return strings.HasPrefix(s.Code, "Z48.0") && removalLaterRe.MatchString(suggestionLine(note, s))
	})
	// "Hyponatremia, likely adverse effect of HCTZ": the drug's adverse
	// effect (T50.2X5A) is the line's, not "other adverse effects NEC"
	// (T78.8-) read from the same words
	out = slices.DeleteFunc(out, func(s Suggestion) bool {
		l := suggestionLine(note, s)
		return strings.HasPrefix(s.Code, "T78.8") && l != "" && slices.ContainsFunc(out, func(d Suggestion) bool {
			return drugIntent(d.Code) == '5' && suggestionLine(note, d) == l
		})
	})
	// "Sequelae of stroke (R hemiplegia, oropharyngeal dysphagia)": the
	// unspecified sequela (I69.30) gives way to the sequelae named
	if slices.ContainsFunc(out, func(s Suggestion) bool { return strings.HasPrefix(s.Code, "I69.") && len(s.Code) > 6 }) {
		out = slices.DeleteFunc(out, func(s Suggestion) bool {
			return strings.HasPrefix(s.Code, "I69.") && len(s.Code) == 6 && s.Code[5] == '0'
		})
	}
	// "Mg ok", "Mg 1.7": magnesium, not myasthenia gravis (MG)
	out = slices.DeleteFunc(out, func(s Suggestion) bool {
		return strings.HasPrefix(s.Code, "G70.0") && !strings.Contains(s.Evidence, "MG") && !strings.Contains(strings.ToLower(s.Evidence), "myasthen")
	})
	trimEvidence(out, note)
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Principal != out[j].Principal {
			return out[i].Principal
		}
		return out[i].Confidence > out[j].Confidence
	})
	return out, dropped
}

// causeBeforeRe ends a text right before the cause it names: "delirium
// … due to ", "attributed to the ".
var causeBeforeRe = regexp.MustCompile(`(?i)\b(?:due to|from|secondary to|2/2|d/t|attributed to|caused by)\s+(?:the\s+|an?\s+|her\s+|his\s+)?$`)

// noSeizureRe denies seizures: "no seizure activity", "no seizures or
// convulsions".
var noSeizureRe = regexp.MustCompile(`(?i)\bno\s+(?:\w+\s+)?(?:seizures?|convulsions?)\b`)

// dropUndiagnosed drops a code read from the words right after "without
// (a) diagnosis of": "Elevated BP reading without diagnosis of
// hypertension" is R03.0, whose title says as much, and no I10.
func dropUndiagnosed(out []Suggestion, note string) []Suggestion {
	return slices.DeleteFunc(out, func(s Suggestion) bool {
		return undiagnosedBeforeRe.MatchString(note[max(0, s.Start-40):s.Start])
	})
}

// undiagnosedBeforeRe ends a text right before a condition it says was
// not diagnosed.
var undiagnosedBeforeRe = regexp.MustCompile(`(?i)\b(?:without|w/o|no)\s+(?:a\s+)?(?:formal\s+|prior\s+|established\s+)?(?:diagnosis|dx)\s+of\s*$`)

// dropExplainedSymptoms drops a symptom its own line puts down to a
// condition coded from the same line: "Noncardiac chest pain due to
// reflux esophagitis" is the esophagitis (Official Guidelines I.B.5).
// Severe sepsis, the stroke and coma scales and a fever coded with its
// cause (R50.81) are codes of their own.
func dropExplainedSymptoms(out []Suggestion, note string) []Suggestion {
	return slices.DeleteFunc(out, func(s Suggestion) bool {
		if !explainableSymptom(s.Code) {
			return false
		}
		ls := strings.LastIndexByte(note[:s.Start], '\n') + 1
		le := lineEnd(note, s.Start)
		if s.End > le {
			return false
		}
		m := causeConnectorRe.FindStringIndex(note[s.End:le])
		// ("Primary biliary cholangitis - … Pruritus is a symptom of
		// PBC": a symptom put down to a condition may follow that
		// condition's code on its line)
		whole := false
		if m == nil {
			m = attributedToRe.FindStringIndex(note[s.End:le])
			whole = m != nil
		}
		if m == nil {
			// "Chest pain, likely gastroesophageal reflux disease": at a
			// stay the likely cause is coded, and the symptom is its
			// own (at a visit the cause is not coded, nor dropped here);
			// the cause's evidence may take in "likely"
			if m = likelyCauseRe.FindStringIndex(note[s.End:le]); m != nil {
				m[1] = m[0]
			}
		}
		if m == nil || strings.ContainsAny(note[s.End:s.End+m[0]], ".;") {
			return false
		}
		cause := s.End + m[1]
		// ("Chronic cough - attributed to tumor": the cancer the record
		// codes elsewhere)
		cancer := theTumorRe.MatchString(note[cause:le])
		for _, o := range out {
			// ("Gross hematuria due to warfarin-associated coagulopathy":
			// a bleed from a coagulation defect is coded beside it)
			if hasAnyPrefix(o.Code, "D65", "D66", "D67", "D68", "D69") && hasAnyPrefix(s.Code, "R31", "R04", "R58", "K92.") {
				continue
			}
			// (nor is a BPH with LUTS's retention: "use additional code
			// for associated symptoms")
			if (o.Code == "N40.1" || o.Code == "N40.3") && s.Code == "R33.8" {
				continue
			}
			if o.Code[0] != 'R' && o.Code[0] != 'Z' && (o.Start >= cause || whole && o.End <= s.Start) && o.Start < le && o.Start >= ls || cancer && o.Code[0] == 'C' {
				return true
			}
		}
		return false
	})
}

// attributedToRe puts a symptom down to a cause: "Chronic cough -
// attributed to tumor", "Pruritus is a symptom of PBC".
var attributedToRe = regexp.MustCompile(`(?i)\s(?:(?:attributed|attributable)\s+to|(?:is|are)\s+(?:a\s+)?(?:symptoms?|manifestations?|features?)\s+of)\s`)

// theTumorRe is a cause named as the patient's cancer without its site.
var theTumorRe = regexp.MustCompile(`(?i)^\s*(?:(?:the|his|her|known|primary)\s+)?(?:tumou?r|cancer|malignancy|neoplasm)\b`)

// deviceStatusDropped drops the status code of a device whose complication
// the record codes: the complication's code says the device is there
// (Official Guidelines I.C.21.c.3: no status code with a diagnosis code
// that includes its information): "Breakdown of insulin pump" holds
// Z96.41, "Infection due to internal right knee prosthesis" Z96.651, a
// cardiac electrode's or pulse generator's complication Z95.0 and
// Z95.810.
func deviceStatusDropped(out []Suggestion) []Suggestion {
	var drop []string
	for _, s := range out {
		if !strings.HasPrefix(s.Code, "T8") {
			continue
		}
		t := strings.ToLower(s.Title)
		switch {
		case strings.Contains(t, "insulin pump"):
			drop = append(drop, "Z96.41")
		case strings.HasPrefix(s.Code, "T82.1"):
			drop = append(drop, "Z95.0", "Z95.810")
		case strings.HasPrefix(s.Code, "T84") && strings.Contains(t, "internal") && strings.Contains(t, "prosthesis"):
			if code := replacedJoint(t); code != "" {
				drop = append(drop, code)
			}
		}
	}
	if len(drop) == 0 {
		return out
	}
	return slices.DeleteFunc(out, func(s Suggestion) bool { return slices.Contains(drop, s.Code) })
}

// sundowningOfDementia drops the delirium (F05) the index gives for
// "sundowning" when the record codes a dementia with a behavioral
// disturbance (F01–F03, 6th character 1): the evening agitation is that
// disturbance ("… moderate, with behavioral disturbance - agitation
// (sundowning, verbal aggression, …)"), not a delirium.
func sundowningOfDementia(out []Suggestion) []Suggestion {
	behavioral := slices.ContainsFunc(out, func(s Suggestion) bool {
		return hasAnyPrefix(s.Code, "F01", "F02", "F03") && len(s.Code) == 7 && s.Code[5] == '1'
	})
	if !behavioral {
		return out
	}
	return slices.DeleteFunc(out, func(s Suggestion) bool {
		return s.Code == "F05" && strings.Contains(strings.ToLower(s.Evidence), "sundown")
	})
}

// routineSymptomOf says which symptoms an acute respiratory infection
// routinely brings: fever, cough, a runny or stuffy nose, a sore throat,
// aches, tiredness, a headache.
func routineSymptomOf(code string) bool {
	return hasAnyPrefix(code, "R50.9", "R05", "J34.89", "R09.81", "R07.0", "M79.1", "R53.8", "R51")
}

// acuteRespiratoryInfection reports whether a code is an acute respiratory
// infection's: J00–J22 (influenza J09–J11 among them) or COVID-19.
func acuteRespiratoryInfection(code string) bool {
	return code == "U07.1" || code[0] == 'J' && code < "J23"
}

// withSymptomsRe is the words between an infection and the symptoms it
// comes with on its line: "Influenza A with fever, cough and rhinorrhea".
var withSymptomsRe = regexp.MustCompile(`(?i)^\s*(?:\([^)]*\)\s*)?,?\s*(?:with|w/|presenting with|manifesting as)\s[^.;:]*$`)

// dropRoutineSymptoms drops the symptoms an acute respiratory infection's
// item says it comes with ("Influenza A with fever, cough and
// rhinorrhea"): signs and symptoms routinely associated with a disease
// are not coded beside it (Official Guidelines I.B.5).
func dropRoutineSymptoms(out []Suggestion, note string) []Suggestion {
	return slices.DeleteFunc(out, func(s Suggestion) bool {
		if !routineSymptomOf(s.Code) {
			return false
		}
		for _, o := range out {
			if acuteRespiratoryInfection(o.Code) && o.End <= s.Start && !strings.ContainsRune(note[o.End:s.Start], '\n') && withSymptomsRe.MatchString(note[o.End:s.Start]) {
				return true
			}
		}
		return false
	})
}

// explainableSymptom reports whether a code is a symptom a condition
// coded beside it may explain (I.B.5): an R code below R70, not severe
// sepsis (R65), the stroke or coma scales (R29.7-, R40.2-) or a fever coded
// with its cause (R50.81), which are codes of their own; and pruritus
// (L29.-), the skin chapter's symptom.
func explainableSymptom(code string) bool {
	return code[0] == 'R' && code < "R70" && !strings.HasPrefix(code, "R65") && !strings.HasPrefix(code, "R56") && !strings.HasPrefix(code, "R29.7") &&
		!strings.HasPrefix(code, "R40.2") && code != "R50.81" || strings.HasPrefix(code, "L29.")
}

// dropParentheticalFindings drops the symptoms a parenthesis after a
// condition gives as its findings: "acute chest syndrome (new LLL
// infiltrate + fever + chest pain + hypoxemia)" is coded as the syndrome
// (Official Guidelines I.B.5). The condition is one the record codes:
// the words before the parenthesis end its evidence or are in its title.
// An enlarged prostate with lower urinary tract symptoms (N40.1, N40.3)
// keeps them: its tabular entry asks for them.
func dropParentheticalFindings(out []Suggestion, note string) []Suggestion {
	return slices.DeleteFunc(out, func(s Suggestion) bool {
		if !explainableSymptom(s.Code) {
			return false
		}
		ls := strings.LastIndexByte(note[:s.Start], '\n') + 1
		open := strings.LastIndexByte(note[ls:s.Start], '(')
		if open < 0 {
			return false
		}
		open += ls
		le := lineEnd(note, s.Start)
		if s.End > le || strings.IndexByte(note[open:s.Start], ')') >= 0 || strings.IndexByte(note[s.End:le], ')') < 0 {
			return false
		}
		before := strings.TrimRight(note[ls:open], " ")
		ws := codeset.Words(joinHyphens(before))
		if len(ws) < 2 {
			return false
		}
		ws = ws[max(0, len(ws)-3):]
		// ("SIADH w/ severe hyponatremia, symptomatic (confusion)": the
		// symptoms of the condition the line names, wherever its code
		// was read)
		symptomatic := ws[len(ws)-1] == "symptomatic"
		for _, o := range out {
			if o.Code[0] == 'R' || o.Code[0] == 'Z' || o.Code == "N40.1" || o.Code == "N40.3" {
				continue
			}
			if o.End == ls+len(before) || symptomatic && (o.Start >= ls && o.End <= open || len(o.Evidence) >= 4 && strings.Contains(asciiLower(before), asciiLower(o.Evidence))) {
				return true
			}
			tw := titleWords(o.Title)
			if !slices.ContainsFunc(ws, func(w string) bool { return !slices.Contains(tw, w) }) {
				return true
			}
		}
		return false
	})
}

// codeFirsts are the codes whose tabular entry says to code another
// first, where the note's words name only the one: "COVID-19 pneumonia"
// is J12.82 with U07.1 first.
var codeFirsts = map[string]string{"J12.82": "U07.1"}

// codeFirst adds the code a suggestion's tabular entry says to code first
// when it is missing.
func codeFirst(out []Suggestion, x *lookups, opt Options) []Suggestion {
	for _, s := range out {
		if first, ok := codeFirsts[s.Code]; ok && !containsCode(out, first) {
			out = addBeside(out, s, first, "code first", x, opt)
		}
	}
	return out
}

// dropEncounterReasons drops the screening encounters (Z11–Z13) of an
// inpatient note, and keeps a follow-up encounter code (Z09, Z08) only
// for an outpatient visit that says it is the examination after completed
// treatment: "nephrology following", "oncology follow-up as an
// outpatient" say who will see the patient, not why this visit happened.
func dropEncounterReasons(out []Suggestion, opt Options) []Suggestion {
	return slices.DeleteFunc(out, func(s Suggestion) bool {
		// an inpatient stay is not an encounter for screening ("Hep
		// screen -- HCV Ab neg" is a result)
		if opt.Inpatient && (strings.HasPrefix(s.Code, "Z11.") || strings.HasPrefix(s.Code, "Z12.") || strings.HasPrefix(s.Code, "Z13.")) {
			return true
		}
		if s.Code != "Z09" && s.Code != "Z08" {
			return false
		}
		ev := strings.ToLower(s.Evidence)
		return opt.Inpatient || strings.Contains(ev, "following") ||
			!containsAny(ev, "completed", "after treatment", "post-treatment", "follow-up exam", "follow up exam", "follow-up visit", "follow up visit", "surveillance")
	})
}

// substanceComplication reports whether code b is a use, abuse or
// dependence with a complication that code a names uncomplicated: "alcohol
// dependence" (F10.20) then "alcohol dependence with withdrawal,
// uncomplicated" (F10.230).
func substanceComplication(a, b string) bool {
	return len(a) == 6 && len(b) > 6 && a[0] == 'F' && a[1] == '1' && strings.HasSuffix(a, "0") && b[:5] == a[:5]
}

// moreSpecific reports whether code b is a sibling of code a that
// specifies what a leaves unspecified.
func moreSpecific(a, aTitle, b, bTitle string) bool {
	return len(a) == len(b) && len(a) > 4 && a[:len(a)-1] == b[:len(b)-1] &&
		strings.Contains(strings.ToLower(aTitle), "unspecified") && !strings.Contains(strings.ToLower(bTitle), "unspecified")
}

// namesUnspecifiedKind reports whether new names a kind of what old, an
// unspecified code of the category, leaves unspecified: its title holds
// every word of old's but "unspecified", and more ("Multiple sclerosis,
// unspecified", G35.D, then "Secondary progressive multiple sclerosis",
// G35.C0, a FY2026 code the FY2017 index does not know).
func namesUnspecifiedKind(old, new Suggestion) bool {
	// (not one unspecified in another axis: "Idiopathic gout,
	// unspecified site" for "Gout, unspecified", whose site the note
	// gives later)
	if !strings.HasSuffix(strings.ToLower(old.Title), ", unspecified") || old.Code[:3] != new.Code[:3] || strings.Contains(strings.ToLower(new.Title), "unspecified site") {
		return false
	}
	ow := codeset.Words(strings.TrimSuffix(strings.ToLower(old.Title), ", unspecified"))
	nw := codeset.Words(new.Title)
	for _, w := range ow {
		if !slices.Contains(nw, w) {
			return false
		}
	}
	return len(nw) > len(ow)+1
}

// saysWhatWasGuessed reports whether a later suggestion of the same
// category has the words of its own title in its evidence where the
// earlier one's were not: "acute ischemic stroke L MCA" matched the
// thrombosis and embolism codes alike, and "L MCA embolic infarct" says
// which (I63.412 replaces I63.312).
func saysWhatWasGuessed(old, new Suggestion) bool {
	ow, nw := codeset.Words(old.Title), codeset.Words(new.Title)
	evidenced := func(only []string, evidence string) bool {
		ev := codeset.Words(evidence)
		// the word itself, or one of five letters or more by its first
		// five ("embolic", "embolism")
		for _, w := range only {
			for _, e := range ev {
				if e == w || len(w) >= 5 && len(e) >= 5 && e[:5] == w[:5] {
					return true
				}
			}
		}
		return false
	}
	var oOnly, nOnly []string
	for _, w := range ow {
		if !slices.Contains(nw, w) {
			oOnly = append(oOnly, w)
		}
	}
	for _, w := range nw {
		if !slices.Contains(ow, w) {
			nOnly = append(nOnly, w)
		}
	}
	return len(oOnly) > 0 && len(nOnly) > 0 && evidenced(nOnly, new.Evidence) && !evidenced(oOnly, old.Evidence)
}

// namesPart reports whether a later suggestion of the same category
// names the part an earlier one left unspecified, all else alike:
// "diverticulosis" is K57.90 "… of intestine, part unspecified, …", and
// "Sigmoid and descending colon diverticulosis" K57.30 "… of large
// intestine, …" (the codes differ in one character).
func namesPart(old, new Suggestion) bool {
	ot := strings.ToLower(old.Title)
	if !strings.Contains(ot, "part unspecified") && !strings.Contains(ot, "site unspecified") || strings.Contains(strings.ToLower(new.Title), "unspecified") || len(old.Code) != len(new.Code) {
		return false
	}
	diff := 0
	for i := range old.Code {
		if old.Code[i] != new.Code[i] {
			diff++
		}
	}
	return diff == 1
}

// specifiesLater reports whether a later suggestion of the same category
// names what an earlier unspecified one did ("atrial fibrillation" from
// the story, then "Persistent atrial fibrillation" from the list: I48.19
// replaces I48.91): its title holds the earlier title's whole phrase
// without "unspecified".
func specifiesLater(old, new Suggestion) bool {
	ot, nt := strings.ToLower(old.Title), strings.ToLower(new.Title)
	if !strings.Contains(ot, "unspecified") || strings.Contains(nt, "unspecified") {
		return false
	}
	core := strings.TrimSpace(strings.Trim(strings.ReplaceAll(strings.ReplaceAll(ot, "unspecified", ""), ",", ""), " "))
	return core != "" && strings.Contains(nt, core)
}

// completes reports whether whole, the code of a whole item, is the
// complicated form of its first part's uncomplicated code: "Alcohol use
// disorder, severe, with alcohol withdrawal delirium" is F10.231, though
// "Alcohol use disorder" alone matches F10.20 better.
//
// The same holds for a part whose code says "without" what the whole's
// sibling says "with": "Lumbar spinal stenosis, L3-L5, with neurogenic
// claudication" is M48.062, though "Lumbar spinal stenosis" alone matches
// M48.061 (without neurogenic claudication) better.
func completes(part, whole codeset.Result) bool {
	if !whole.Billable || whole.Score < 0.6 || len(part.Code) < 3 || len(whole.Code) < 3 || part.Code[:3] != whole.Code[:3] {
		return false
	}
	pt, wt := strings.ToLower(part.Title), strings.ToLower(whole.Title)
	if strings.Contains(pt, "uncomplicated") && !strings.Contains(wt, "uncomplicated") {
		return true
	}
	for rest := pt; ; {
		i := strings.Index(rest, "without ")
		if i < 0 {
			return false
		}
		rest = rest[i+len("without "):]
		tail, _, _ := strings.Cut(rest, ",")
		if strings.Contains(wt, "with "+tail) {
			return true
		}
	}
}

// specifies reports whether whole, the code of a whole item, says what the
// unspecified code of its first part leaves open and still names that
// part: "Major depressive disorder, recurrent episode, moderate" is F33.1,
// though "Major depressive disorder" alone matches F32.9 better.
func specifies(part string, partCode, whole codeset.Result) bool {
	h := headWord(partCode.Title)
	t := strings.ToLower(partCode.Title)
	// the part's code is the index's catch-all ("Other pulmonary embolism
	// without acute cor pulmonale") and the whole names a sibling
	// ("…, single subsegmental, …": I26.93)
	if strings.HasPrefix(t, "other ") && whole.Billable && whole.Score >= 0.6 && len(whole.Code) >= 3 && len(partCode.Code) >= 3 &&
		whole.Code[:3] == partCode.Code[:3] && whole.Code != partCode.Code {
		return true
	}
	return strings.Contains(t, "unspecified") && whole.Billable && whole.Score >= 0.55 &&
		whole.Code[0] == partCode.Code[0] && (names(part, whole) || h != "" && strings.Contains(strings.ToLower(whole.Title), h))
}

// influenzaTypedRe is influenza whose virus a test identified: "influenza
// A", "flu B positive".
var influenzaTypedRe = regexp.MustCompile(`(?i)\b(?:influenza|flu)\s*(?:type\s+)?[AB]\b`)

// identifiedInfluenza codes influenza whose type the note names as due to
// an identified virus (J10), not an unidentified one (J11): the index's
// "Influenza" leads to J11, the type to J10. Influenza with pneumonia is
// one combination code (J1x.0-): with a pneumonia of unspecified organism
// it replaces that code (J1x.00), with a named one it is added beside it
// (J1x.08).
func identifiedInfluenza(out []Suggestion, x *lookups, opt Options) []Suggestion {
	flu := firstWithPrefix(out, "J11", "J10")
	if flu < 0 {
		return out
	}
	if m := influenzaTypedRe.FindStringIndex(opt.lower); m != nil && !negatedAt(opt.lower, m[0]) && strings.HasPrefix(out[flu].Code, "J11") {
		recode(&out[flu], "J10"+out[flu].Code[3:], "identified influenza virus", x, opt)
	}
	if strings.HasPrefix(out[flu].Code[3:], ".0") {
		return out
	}
	for i, s := range out {
		if s.Code < "J12" || s.Code >= "J19" {
			continue
		}
		if strings.HasPrefix(s.Code, "J18") {
			recode(&out[flu], out[flu].Code[:3]+".00", "influenza with pneumonia", x, opt)
			out[flu].Principal = out[flu].Principal || s.Principal
			return append(out[:i], out[i+1:]...)
		}
		recode(&out[flu], out[flu].Code[:3]+".08", "influenza with pneumonia", x, opt)
		return out
	}
	// "Influenza A with secondary bacterial pneumonia due to MRSA": the
	// pneumonia its line gives an organism, whose lookup the influenza's
	// stronger match left out
	if code := pneumoniaDueTo(opt.note, out[flu].Start, x, opt); code != "" {
		out = addBeside(out, out[flu], code, "influenza with pneumonia: its organism", x, opt)
		recode(&out[flu], out[flu].Code[:3]+".08", "influenza with pneumonia", x, opt)
	}
	return out
}

// pneumoniaDueTo returns the code of a pneumonia the line from offset at
// joins to its condition with the organism it is due to ("Influenza A
// with secondary bacterial pneumonia due to MRSA": J15.212), or "".
func pneumoniaDueTo(note string, at int, x *lookups, opt Options) string {
	line := lineAt(note, at)
	m := pneumoniaDueRe.FindStringSubmatchIndex(line)
	if m == nil || negatedAt(note, at+m[0]) {
		return ""
	}
	for _, r := range x.Search("pneumonia due to "+line[m[2]:m[3]], codeset.SearchOptions{Systems: []codeset.System{codeset.ICD10CM}, Date: opt.Date, Limit: 3}) {
		if r.Billable && r.Score >= 0.8 && r.Code >= "J12" && r.Code < "J17" {
			return r.Code
		}
	}
	return ""
}

// copdPneumonia adds the pneumonia a COPD's line joins to it with the
// organism it is due to ("Acute exacerbation of COPD with left lower lobe
// pneumonia due to Haemophilus influenzae": J14 beside J44.1 and J44.0,
// whose note says "use additional code to identify the infection").
func copdPneumonia(out []Suggestion, x *lookups, opt Options) []Suggestion {
	i := firstWithPrefix(out, "J44")
	if i < 0 || firstWithPrefix(out, "J12", "J13", "J14", "J15", "J16", "J18") >= 0 {
		return out
	}
	if code := pneumoniaDueTo(opt.note, out[i].Start, x, opt); code != "" {
		out = addBeside(out, out[i], code, "COPD with pneumonia: its organism", x, opt)
	}
	return out
}

// pneumoniaDueRe is a pneumonia joined to a condition, with the organism
// it is due to (group 1): "with secondary bacterial pneumonia due to
// MRSA", "with left lower lobe pneumonia due to Haemophilus influenzae".
var pneumoniaDueRe = regexp.MustCompile(`(?i)\bwith\s+(?:(?:a|secondary|superimposed|post-?influenza|bacterial|left|right|bilateral|lower|upper|middle|lobe|multilobar|lingular)\s+)*pneumonia\s+(?:due to|from|d/t|secondary to|caused by)\s+([A-Za-z][\w.-]*(?:\s+[A-Za-z][\w.-]*){0,3}?)\s*(?:[,;(]|\s[-–—]\s|$)`)

// fluViralPneumoniaRe is a pneumonia the note gives to the influenza
// virus itself: "influenza A viral pneumonia", "primary influenza
// pneumonia".
var fluViralPneumoniaRe = regexp.MustCompile(`\b(?:influenza|flu)\b[^.;\n]{0,30}?\bviral pneumonia|\bprimary (?:influenza |viral )+pneumonia`)

// fluVirusPneumonia codes an identified influenza's pneumonia of
// unspecified type (J10.00) as the influenza virus's own pneumonia
// (J10.01, FY2018, which the FY2017 index does not know) when the note
// calls it viral.
func fluVirusPneumonia(out []Suggestion, x *lookups, opt Options) {
	flu := firstWithPrefix(out, "J10.00")
	if flu < 0 {
		return
	}
	if m := fluViralPneumoniaRe.FindStringIndex(opt.lower); m != nil && !negatedAt(opt.lower, m[0]) {
		recode(&out[flu], "J10.01", "influenza virus pneumonia", x, opt)
	}
}

// sideWordsRe is a side and the part it is of, as a phrase writes them:
// ", left ear", "right".
var sideWordsRe = regexp.MustCompile(`(?i),?\s*\b(?:right|left|bilateral)\b(?:\s+(?:ear|eye|side))?`)

// titleSideRe is a side a code's title names.
var titleSideRe = regexp.MustCompile(`(?i)\b(?:right|left|bilateral|unilateral|unspecified side)\b`)

// sideRe is a side an item names: "right", "L", "bilateral".
var sideRe = regexp.MustCompile(`(?i)\b(right|left|bilateral|rt|lt|R|L|OD|OS|OU)\b`)

// sided gives a code whose title leaves the side unspecified the side its
// item names elsewhere ("Closed displaced bimalleolar fracture, R ankle"):
// the sibling titled with "right" or "left" where it says "unspecified".
func sided(r codeset.Result, item string, x *lookups, opt Options) codeset.Result {
	t := strings.ToLower(r.Title)
	if strings.HasSuffix(t, ", bilateral") {
		return oneSideOfBoth(r, item, x, opt)
	}
	// (the last "unspecified" is the side's: "Otitis media,
	// unspecified, unspecified ear")
	i := strings.LastIndex(t, "unspecified")
	if i < 0 {
		return r
	}
	// an eye's side may be written as an ophthalmologist writes it: OD
	// the right eye, OS the left, OU both
	eye := strings.HasPrefix(t[i:], "unspecified eye")
	var side string
	for _, m := range sideRe.FindAllString(item, -1) {
		var s string
		switch strings.ToLower(m) {
		case "right", "rt":
			s = "right"
		case "left", "lt":
			s = "left"
		case "r":
			if m == "R" {
				s = "right"
			}
		case "l":
			if m == "L" {
				s = "left"
			}
		case "od":
			if m == "OD" && eye {
				s = "right"
			}
		case "os":
			if m == "OS" && eye {
				s = "left"
			}
		case "ou":
			if m == "OU" && eye {
				s = "bilateral"
			}
		}
		if s == "" {
			continue
		}
		if side != "" && side != s {
			return r // both sides: not this rule's to choose
		}
		side = s
	}
	if side == "" {
		return r
	}
	want := t[:i] + side + t[i+len("unspecified"):]
	if side == "bilateral" { // "…, unspecified eye" → "…, bilateral"
		want = t[:i] + side + t[i+len("unspecified eye"):]
	}
	// a hemiplegia's side is dominant or not: as the note says, else the
	// right side is dominant and the left nondominant (Guidelines
	// I.C.6.a)
	if strings.HasSuffix(t, "unspecified side") && strings.Contains(t, "affecting") {
		l := strings.ToLower(item)
		switch {
		case strings.Contains(l, "nondominant") || strings.Contains(l, "non-dominant"):
			side += " nondominant"
		case strings.Contains(l, "dominant") || side == "right":
			side += " dominant"
		default:
			side += " nondominant"
		}
		want = t[:i] + side + t[i+len("unspecified"):]
	}
	for _, c := range x.Search(want, codeset.SearchOptions{Systems: []codeset.System{codeset.ICD10CM}, Date: opt.Date, Limit: 5, Phrase: 2}) {
		if c.Billable && nondominant(c.Title) == want && c.Code[:3] == r.Code[:3] {
			c.Score, c.Source = r.Score, r.Source
			return c
		}
	}
	return r
}

// salterHarrisRe is a physeal fracture's Salter-Harris type (group 1).
var salterHarrisRe = regexp.MustCompile(`(?i)\bsalter[- ]harris\s+(?:type\s+)?(IV|III|II|I|4|3|2|1)\b`)

// titleSalterRe and titleEndRe are the Salter-Harris type and the end of
// the bone a physeal fracture's title names.
var (
	titleSalterRe = regexp.MustCompile(`Type (?:IV|III|II|I) physeal`)
	titleEndRe    = regexp.MustCompile(`\b(?:upper|lower) end of`)
)

// salterHarris gives a physeal fracture the Salter-Harris type and the end
// of the bone its line states, which the search ranks alike: "Salter-Harris
// type II physeal fracture of the distal radius, LEFT" is S59.222A (the
// lower end, type II), not the type I fracture of the upper end.
func salterHarris(out []Suggestion, note string, x *lookups, opt Options) {
	for i, s := range out {
		if !strings.HasPrefix(s.Title, "Salter-Harris") {
			continue
		}
		line := suggestionLine(note, s)
		m := salterHarrisRe.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		roman := map[string]string{"1": "I", "2": "II", "3": "III", "4": "IV"}[m[1]]
		if roman == "" {
			roman = strings.ToUpper(m[1])
		}
		want := titleSalterRe.ReplaceAllString(s.Title, "Type "+roman+" physeal")
		switch l := strings.ToLower(line); {
		case containsAny(l, "distal", "lower end"):
			want = titleEndRe.ReplaceAllString(want, "lower end of")
		case containsAny(l, "proximal", "upper end"):
			want = titleEndRe.ReplaceAllString(want, "upper end of")
		}
		if want == s.Title {
			continue
		}
		for _, r := range x.Search(want, codeset.SearchOptions{Systems: []codeset.System{codeset.ICD10CM}, Date: opt.Date, Limit: 5}) {
			if r.Billable && r.Title == want {
				recode(&out[i], r.Code, "physeal fracture: its type and end", x, opt)
				break
			}
		}
	}
}

// ibdObstruction codes an intestinal obstruction beside a Crohn's disease
// or ulcerative colitis as the disease's own obstruction (K50.-12,
// K51.-12), not one of its own (K56.6-): "Crohn's ileocolitis with
// abscess" and "Partial SBO from TI stricture" are K50.814 and K50.812.
func ibdObstruction(out []Suggestion, x *lookups, opt Options) {
	j := firstWithPrefix(out, "K56.6")
	i := firstWithPrefix(out, "K50", "K51")
	if i < 0 || j < 0 || len(out[i].Code) != 7 {
		return
	}
	code := out[i].Code[:6] + "2"
	if !containsCode(out, code) {
		recode(&out[j], code, "obstruction of the inflammatory bowel disease", x, opt)
	}
}

// nondominant returns a title in lower case with its side's dominance
// spelled one way: FY2026 writes "left non-dominant side" where earlier
// titles wrote "nondominant".
func nondominant(title string) string {
	return strings.ReplaceAll(strings.ToLower(title), "non-dominant", "nondominant")
}

// handednessRe is the patient's dominant hand: "right-handed", "L hand
// dominant" (group 1 the side).
var handednessRe = regexp.MustCompile(`(?i)\b(left|right|L|R)[- ]?hand(?:ed|\s+dominant|\s+dominance)\b`)

// dominantSide gives a hemiplegia's or monoplegia's side the dominance
// the note states: by the item's "dominant" or "nondominant", else by the
// patient's handedness ("Left hemiparesis (pt is right-handed)" is the
// nondominant side), else the default — the right side dominant, the left
// nondominant (Official Guidelines I.C.6.a); the search ranks the four
// siblings alike.
func dominantSide(out []Suggestion, x *lookups, opt Options) {
	for i, s := range out {
		t := nondominant(s.Title)
		k := strings.Index(t, " dominant side")
		if k < 0 {
			continue
		}
		non := strings.HasSuffix(t[:k], "nondominant")
		side := "left"
		if strings.HasSuffix(strings.TrimSuffix(t[:k], " nondominant"), "right") {
			side = "right"
		}
		l := strings.ToLower(suggestionLine(opt.note, s))
		wantNon := side == "left"
		switch m := handednessRe.FindStringSubmatch(opt.note); {
		case strings.Contains(l, "nondominant") || strings.Contains(l, "non-dominant"):
			// the item says which ("left side is non-dominant")
			wantNon = true
		case strings.Contains(l, "dominant") && !handednessRe.MatchString(l):
			wantNon = false
		case m != nil:
			wantNon = !strings.EqualFold(m[1][:1], side[:1])
		}
		if wantNon == non {
			continue
		}
		var want string
		if wantNon {
			want = strings.Replace(t, side+" dominant side", side+" nondominant side", 1)
		} else {
			want = strings.Replace(t, side+" nondominant side", side+" dominant side", 1)
		}
		for _, c := range x.Search(want, codeset.SearchOptions{Systems: []codeset.System{codeset.ICD10CM}, Date: opt.Date, Limit: 5, Phrase: 2}) {
			if c.Billable && nondominant(c.Title) == want && c.Code[:3] == s.Code[:3] {
				recode(&out[i], c.Code, "dominant side as the note gives it", x, opt)
				break
			}
		}
	}
}

// glaucomaStageRe is a glaucoma's stage as an item gives it: "mild stage",
// "moderate-stage", "stage: severe", "indeterminate stage".
var glaucomaStageRe = regexp.MustCompile(`(?i)\b(?:(mild|moderate|severe|indeterminate|advanced|end)[- ]stage|stage:?\s+(mild|moderate|severe|indeterminate|advanced))\b`)

// glaucomaStages are the 7th characters of a glaucoma's stages.
var glaucomaStages = map[string]string{"mild": "1", "moderate": "2", "severe": "3", "advanced": "3", "end": "3", "indeterminate": "4"}

// glaucomaStage gives a glaucoma code of unspecified stage (7th character
// 0) the stage its item names: "Primary open-angle glaucoma OU, mild
// stage" is H40.1131, not H40.1130. An advanced or end-stage glaucoma is
// severe.
func glaucomaStage(r codeset.Result, item string, x *lookups, opt Options) codeset.Result {
	if !strings.HasPrefix(r.Code, "H40.") || len(r.Code) != 8 || r.Code[7] != '0' || !strings.HasSuffix(strings.ToLower(r.Title), "stage unspecified") {
		return r
	}
	m := glaucomaStageRe.FindStringSubmatch(item)
	if m == nil || negatedRe.MatchString(item[:strings.Index(item, m[0])]) {
		return r
	}
	d := glaucomaStages[strings.ToLower(m[1]+m[2])]
	if e, ok := x.Code(codeset.ICD10CM, r.Code[:7]+d, opt.Date); ok && e.Billable {
		r.Code, r.Title = e.Code, e.Title
	}
	return r
}

// oneSideOfBoth gives a code titled ", bilateral" the sibling of the one
// side its item names ("… with center-involving diabetic macular edema,
// RIGHT eye" is E11.3211, not E11.3213), when the item names no other
// side and does not say both.
func oneSideOfBoth(r codeset.Result, item string, x *lookups, opt Options) codeset.Result {
	l := strings.ToLower(item)
	right, left := wordIn(l, "right") || strings.Contains(l, " od") || strings.Contains(l, "r eye"), wordIn(l, "left") || strings.Contains(l, " os") || strings.Contains(l, "l eye")
	if right == left || containsAny(l, "bilateral", "both", " ou", "b/l") {
		return r
	}
	side := "right"
	if left {
		side = "left"
	}
	n := len(r.Code)
	for _, d := range "1234" {
		code := r.Code[:n-1] + string(d)
		if e, ok := x.Code(codeset.ICD10CM, code, opt.Date); ok && e.Billable && code != r.Code {
			et := strings.ToLower(e.Title)
			if strings.TrimSuffix(et, et[strings.LastIndex(et, ", ")+2:]) == strings.TrimSuffix(strings.ToLower(r.Title), "bilateral") && strings.HasPrefix(et[strings.LastIndex(et, ", ")+2:], side) {
				r.Code, r.Title = code, e.Title
				return r
			}
		}
	}
	return r
}

// wordIn reports whether w is a whole word of the lower-case text l.
func wordIn(l, w string) bool {
	for at := 0; ; {
		i := strings.Index(l[at:], w)
		if i < 0 {
			return false
		}
		i += at
		if (i == 0 || !isLetter(l[i-1])) && (i+len(w) == len(l) || !isLetter(l[i+len(w)])) {
			return true
		}
		at = i + len(w)
	}
}

// dementiaSeverity gives an unspecified or vascular dementia of
// unspecified severity (F03.90, F01.50, the FY2017 index's codes) the
// severity and disturbance its line states: "Mild dementia, unspecified
// type (MoCA 17), no behavioral disturbance" is F03.A0.
func dementiaSeverity(out []Suggestion, x *lookups, opt Options) {
	for i, s := range out {
		// (and one the search gave a severity with the wrong disturbance:
		// "Vascular dementia, mild, without behavioral disturbance" went
		// to F01.A11, mild with agitation)
		severe := (strings.HasPrefix(s.Code, "F01.") || strings.HasPrefix(s.Code, "F03.")) && len(s.Code) >= 6 && strings.IndexByte("ABC", s.Code[4]) >= 0
		if s.Code != "F03.90" && s.Code != "F01.50" && !severe {
			continue
		}
		stated := dementiaStated(asciiLower(s.Evidence + " " + lineAt(opt.note, s.Start)))
		if strings.HasPrefix(stated, "F02.8") || severe && stated[4] != s.Code[4] {
			continue // no severity said, or another than the code's
		}
		if s.Code[3:] != stated[3:] {
			recode(&out[i], s.Code[:3]+stated[3:], "dementia: severity", x, opt)
		}
	}
}

// alzheimerOnset returns the G30 code of the onset a note (in lower case)
// gives an Alzheimer's disease ("late-onset Alzheimer's": G30.1, "early
// onset of Alzheimer": G30.0) and where it says it, or "".
func alzheimerOnset(lower string) (string, int) {
	for at := 0; ; {
		i := strings.Index(lower[at:], "onset ")
		if i < 0 {
			return "", -1
		}
		i += at
		at = i + len("onset ")
		rest := strings.TrimPrefix(lower[at:], "of ")
		if !strings.HasPrefix(rest, "alzheimer") {
			continue
		}
		before := lower[max(0, i-6):i]
		switch {
		case strings.HasSuffix(before, "late-") || strings.HasSuffix(before, "late "):
			return "G30.1", i - 5
		case strings.HasSuffix(before, "early-") || strings.HasSuffix(before, "early "):
			return "G30.0", i - 6
		}
	}
}

// dementiaInOtherDisease codes an unspecified dementia (F03.-) beside a
// disease that causes one as dementia in other diseases classified
// elsewhere (F02.-), to which that disease's "use additional code" points:
// "PD dementia" in a patient with Parkinson disease is F02.B2, not F03.B2.
// (Alzheimer's disease has its own rule, alzheimerDementia.)
func dementiaInOtherDisease(out []Suggestion, x *lookups, opt Options) []Suggestion {
	if firstWithPrefix(out, "G20", "G31.0", "G31.83", "G10", "G35", "B20") < 0 {
		return out
	}
	// "Dementia with Lewy bodies …. Functionally moderate stage
	// dementia, with psychotic disturbance": the Lewy body disease's
	// dementia (its "use additional code"), with the severity and
	// disturbance its line names, when no dementia code was found
	// (and Parkinson's disease's: "Parkinson's disease dementia,
	// moderate, with psychosis")
	if i := firstWithPrefix(out, "G31.83", "G20"); i >= 0 && firstWithPrefix(out, "F02", "F03") < 0 {
		ctx := strings.ToLower(out[i].Evidence + " " + lineAt(opt.note, out[i].Start))
		if strings.HasPrefix(out[i].Code, "G20") && !strings.Contains(ctx, "dementia") {
			// ("Parkinson's disease with motor fluctuations" in the list,
			// "Parkinson's disease dementia, moderate, with psychosis"
			// elsewhere: the lines that name the dementia)
			for _, k := range []string{"parkinson's disease dementia", "parkinson disease dementia", "parkinson's dementia", "pd dementia", "dementia due to parkinson"} {
				for at := range occurrences(opt.lower, k) {
					// (not one weighed: "differential mild cognitive
					// impairment vs early Parkinson disease dementia")
					sentence := strings.ToLower(sentenceAround(opt.note, at))
					if !negatedAt(opt.note, at) && !uncertainRe.MatchString(sentence) && !containsAny(sentence, " vs ", " vs. ", "versus", "differential") {
						ctx += " " + strings.ToLower(lineAt(opt.note, at))
					}
				}
			}
		}
		if strings.Contains(ctx, "dementia") {
			rule := "dementia in Lewy body disease"
			if strings.HasPrefix(out[i].Code, "G20") {
				rule = "dementia in Parkinson's disease"
			}
			out = addBeside(out, out[i], dementiaStated(ctx), rule, x, opt)
		}
	}
	for i, s := range out {
		if !strings.HasPrefix(s.Code, "F03.") {
			continue
		}
		code := "F02" + s.Code[3:]
		if strings.HasPrefix(s.Code, "F03.9") {
			code = "F02.8" + s.Code[5:]
		}
		recode(&out[i], code, "dementia in another disease", x, opt)
	}
	return out
}

// alzheimerDementia codes the dementia of Alzheimer's disease as dementia
// in other diseases classified elsewhere (F02, which G30 directs to: "use
// additional code"), not unspecified dementia (F03).
func alzheimerDementia(out []Suggestion, x *lookups, opt Options) []Suggestion {
	g30 := firstWithPrefix(out, "G30")
	if g30 < 0 {
		return out
	}
	// the onset the note gives elsewhere ("an 82-year-old woman with
	// late-onset Alzheimer's disease", then "Her Alzheimer's dementia")
	if out[g30].Code == "G30.9" {
		if code, at := alzheimerOnset(opt.lower); code != "" && !negatedAt(opt.note, at) {
			recode(&out[g30], code, "Alzheimer's disease: onset", x, opt)
		}
	}
	ctx := strings.ToLower(out[g30].Evidence + " " + lineAt(opt.note, out[g30].Start))
	if !strings.Contains(ctx, "dementia") {
		// "Alzheimer's disease, late onset, moderate stage" in the
		// list, "#Alzheimer's dementia, moderate" in the plan: the
		// dementia the note names elsewhere, with its own line's words
		for _, k := range []string{"alzheimer's dementia", "alzheimer dementia", "alzheimers dementia", "dementia of the alzheimer"} {
			if i := strings.Index(opt.lower, k); i >= 0 && !negatedAt(opt.note, i) {
				ctx += " " + strings.ToLower(lineAt(opt.note, i))
				break
			}
		}
	}
	stated := dementiaStated(ctx)
	// Alzheimer's disease named with its dementia and no dementia code
	// found: F02.80, or the severity and disturbance the line names
	if !containsCodePrefix(out, "F02") && !containsCodePrefix(out, "F03") {
		if strings.Contains(ctx, "dementia") {
			if r, ok := x.Code(codeset.ICD10CM, stated, opt.Date); ok && r.Billable {
				s := out[g30]
				s.Code, s.Title, s.Rule, s.Principal = stated, r.Title, "dementia in Alzheimer's disease", false
				out = append(out, s)
			}
		}
		return out
	}
	for i, s := range out {
		if !strings.HasPrefix(s.Code, "F03") && !strings.HasPrefix(s.Code, "F02") {
			continue
		}
		// F03.90 unspecified dementia is F02.80 in another disease
		code := "F02" + s.Code[3:]
		if strings.HasPrefix(s.Code, "F03.9") {
			code = "F02.8" + s.Code[5:]
		}
		// a severity the Alzheimer's line or the dementia's own names
		// replaces "unspecified severity"
		if strings.HasPrefix(code, "F02.8") {
			if own := dementiaStated(strings.ToLower(lineAt(opt.note, s.Start))); !strings.HasPrefix(own, "F02.8") {
				code = own
			} else if !strings.HasPrefix(stated, "F02.8") && strings.Contains(ctx, "dementia") {
				code = stated
			}
		}
		if code != s.Code {
			recode(&out[i], code, "dementia in Alzheimer's disease", x, opt)
		}
	}
	return out
}

// dementiaStated returns the F02 code for a dementia in Alzheimer's disease
// with the severity (mild, moderate, severe) and disturbance (agitation,
// psychotic) its words name; "no behavioral disturbance", "without
// agitation" name none.
func dementiaStated(ctx string) string {
	sev := "8"
	switch {
	case strings.Contains(ctx, "moderate"):
		sev = "B"
	case strings.Contains(ctx, "severe"):
		sev = "C"
	case strings.Contains(ctx, "mild"):
		sev = "A"
	}
	beh := "0"
	affirmed := func(words ...string) bool {
		for _, w := range words {
			// (nor a plan for one that may come: "If severe agitation,
			// quetiapine low dose only")
			if i := strings.Index(ctx, w); i >= 0 && !negatedJustBefore.MatchString(ctx[max(0, i-40):i]) && !negatedList(ctx[max(0, i-80):i]) &&
				!conditionalBeforeRe.MatchString(ctx[max(0, i-24):i]) {
				return true
			}
		}
		return false
	}
	switch {
	case affirmed("agitation", "agitated", "aggressi"):
		beh = "11"
	case affirmed("psychotic", "hallucinat", "delusion"):
		beh = "2"
	}
	return "F02." + sev + beh
}

// conditionalBeforeRe ends a text with a condition a plan answers: "if
// severe ", "prn for ".
var conditionalBeforeRe = regexp.MustCompile(`(?i)\b(?:if|should|prn for|in case of)\s+(?:[a-z]+\s+)?$`)

// negatedListRe is a negation whose list runs on to the end of before:
// "without behavioral disturbance, psychotic features, mood disturbance".
var negatedListRe = regexp.MustCompile(`\b(?:without|no|not|denies|negative for)\s+[a-z /-]+(?:,\s*[a-z /-]+)*,\s*(?:or\s+|and\s+)?$`)

// negatedList reports whether the text before a word is a negated list
// the word continues, with no "but" or "with" turning it.
func negatedList(before string) bool {
	return negatedListRe.MatchString(before) && !strings.Contains(before[strings.LastIndex(before, "with"):], " but ")
}

func containsCodePrefix(out []Suggestion, prefix string) bool {
	return firstWithPrefix(out, prefix) >= 0
}

// copdWithInfection adds J44.0 (COPD with acute lower respiratory
// infection) when COPD and a pneumonia or acute bronchitis are both coded
// ("code also the infection"); it takes the place of COPD unspecified, and
// stands beside an exacerbation (J44.1).
func copdWithInfection(out []Suggestion, x *lookups, opt Options) []Suggestion {
	// "COPD with acute exacerbation and with acute lower respiratory
	// infection": both codes (J44.0 and J44.1 may be coded together)
	if i := firstWithPrefix(out, "J44.0"); i >= 0 && !containsCode(out, "J44.1") {
		ev := strings.ToLower(out[i].Evidence)
		if k := strings.Index(ev, "exacerbat"); k >= 0 && !negatedAt(opt.note, out[i].Start+k) {
			if r, ok := x.Code(codeset.ICD10CM, "J44.1", opt.Date); ok {
				s := out[i]
				s.Code, s.Title, s.Rule, s.Principal = "J44.1", r.Title, "COPD with exacerbation and infection", false
				out = append(out, s)
			}
		}
	}
	copd, infection := -1, -1
	for i, s := range out {
		switch {
		case s.Code == "J44.9" || s.Code == "J44.1" || s.Code == "J44.0":
			if copd < 0 || s.Code == "J44.9" {
				copd = i
			}
		case s.Code >= "J12" && s.Code < "J19", strings.HasPrefix(s.Code, "J20"), strings.HasPrefix(s.Code, "J22"), strings.HasPrefix(s.Code, "J10.0"), strings.HasPrefix(s.Code, "J11.0"):
			infection = i
		}
	}
	if copd < 0 || infection < 0 || containsCode(out, "J44.0") {
		return out
	}
	r, ok := x.Code(codeset.ICD10CM, "J44.0", opt.Date)
	if !ok {
		return out
	}
	if out[copd].Code == "J44.9" {
		out[copd].Code, out[copd].Title, out[copd].Rule = "J44.0", r.Title, "COPD with acute lower respiratory infection"
		return out
	}
	s := out[copd]
	s.Code, s.Title, s.Rule, s.Principal = "J44.0", r.Title, "COPD with acute lower respiratory infection", false
	return append(out, s)
}

// colonPolyps codes a colon polyp the note does not call adenomatous as
// K63.5 at any site: the FY2017 index sends "Polyp, colon, sigmoid" to
// the benign neoplasm (D12.5), which later releases do not; the polyp is
// a neoplasm only when its pathology says adenoma, in the item or in a
// pathology line for a polyp at the same site.
func colonPolyps(out []Suggestion, x *lookups, opt Options) {
	for i, s := range out {
		if !strings.HasPrefix(s.Code, "D12.") || s.Code == "D12.8" || s.Code == "D12.9" {
			continue
		}
		ev := strings.ToLower(s.Evidence)
		if strings.Contains(ev, "polyp") && !containsAny(ev, "adenoma", "tubular", "villous", "serrated", "neoplas") && !adenomaOnPathology(opt.lower, ev) {
			recode(&out[i], "K63.5", "colon polyp", x, opt)
		}
	}
}

// colonSites are the words that place a colon polyp.
var colonSites = []string{"rectosigmoid", "sigmoid", "cecum", "cecal", "ascending", "transverse", "descending", "hepatic flexure", "splenic flexure"}

// adenomaOnPathology reports whether a line of the note (lower, in lower
// case) gives an
// adenoma as the pathology of a polyp at the site the item ev names
// ("Sigmoid colon polyp, cold snare: Tubular adenoma, low-grade
// dysplasia."). A line about an earlier colonoscopy, or one denying the
// adenoma, does not count.
func adenomaOnPathology(lower, ev string) bool {
	site := ""
	for _, w := range colonSites {
		if strings.Contains(ev, w) {
			site = w
			break
		}
	}
	if site == "" {
		return false
	}
	for line := range strings.Lines(lower) {
		colon := strings.IndexByte(line, ':')
		if colon < 0 {
			continue
		}
		head, result := line[:colon], line[colon:]
		if !strings.Contains(head, site) || !strings.Contains(head, "polyp") ||
			!containsAny(result, "adenoma", "adenomatous") ||
			containsAny(line, "history", "prior", "previous", "ago", "no adenoma", "not adenoma", "negative for adenoma", "not an adenoma") {
			continue
		}
		return true
	}
	return false
}

// screeningExams are the screening studies a report's heading or stated
// reason names, and their encounter codes.
var screeningExams = []struct {
	re   *regexp.Regexp
	code string
}{
	{regexp.MustCompile(`(?i)\bscreening (?:bilateral |digital |3d )*mammogra(?:m|phy)\b|\bmammogra(?:m|phy),? screening\b`), "Z12.31"},
	{regexp.MustCompile(`(?i)\b(?:lung cancer screening|screening (?:low[- ]dose )?(?:chest )?CT|LDCT(?: chest)? (?:for )?(?:lung cancer )?screening)\b`), "Z12.2"},
}

// examLabelRe is what may stand before a report's exam on its line: a
// label ("EXAM:", "Procedure:") or nothing but a word or two ("Annual").
var examLabelRe = regexp.MustCompile(`(?i)^\W*(?:(?:exam(?:ination)?|study|procedure|indication|reason(?: for (?:exam|visit|study))?|type|title)\s*:\s*)?(?:[a-z]+\s+){0,2}$`)

// screeningExam codes the encounter for a screening study (a screening
// mammogram's Z12.31) that a report's opening names as its exam, when no
// item coded a screening: "EXAM: Screening mammogram, bilateral".
func screeningExam(out []Suggestion, x *lookups, opt Options) []Suggestion {
	if firstWithPrefix(out, "Z11", "Z12", "Z13") >= 0 || !strings.Contains(opt.lower[:min(len(opt.lower), 600)], "screen") {
		return out
	}
	head := opt.note[:min(len(opt.note), 600)]
	for _, e := range screeningExams {
		m := e.re.FindStringIndex(head)
		if m == nil || negatedAt(opt.note, m[0]) || screeningOrderedRe.MatchString(sentenceAround(opt.note, m[0])) {
			continue
		}
		// (the report's own exam: on its heading's line or as the
		// visit's reason, not "had a low-dose screening CT 3 weeks ago")
		if before := opt.note[strings.LastIndexByte(opt.note[:m[0]], '\n')+1 : m[0]]; !examLabelRe.MatchString(before) && !visitReasonRe.MatchString(opt.note[max(0, m[0]-40):m[0]]) {
			continue
		}
		if r, ok := x.Code(codeset.ICD10CM, e.code, opt.Date); ok {
			out = append(out, Suggestion{System: codeset.ICD10CM, Code: e.code, Title: r.Title, Confidence: 0.8, Start: m[0], End: m[1],
				Evidence: opt.note[m[0]:m[1]], Section: sectionKindNames[secOther], Rule: "screening exam"})
		}
		return out
	}
	return out
}

// orderedAfterRe follows a screening ordered for later: "Screening
// mammogram: ordered", "… -> GI referral".
var orderedAfterRe = regexp.MustCompile(`(?i)^[^.;\n]{0,40}?\b(?:ordered|order placed|referral|referred|scheduled|to schedule)\b`)

// orderedScreenings drops, at a routine general examination (Z00.0-,
// Z00.12-), the screenings it orders for another encounter (Z11–Z13),
// which code them there: "Screening mammogram: ordered".
func orderedScreenings(out []Suggestion, opt Options) []Suggestion {
	if firstWithPrefix(out, "Z00.0", "Z00.12") < 0 {
		return out
	}
	return slices.DeleteFunc(out, func(s Suggestion) bool {
		return hasAnyPrefix(s.Code, "Z11", "Z12", "Z13") && orderedAfterRe.MatchString(opt.note[s.End:])
	})
}

// postopIleusRe is a postoperative ileus the note calls a complication or
// prolonged: "Prolonged postoperative ileus requiring NG tube replacement
// (POD4) - a postoperative complication per surgical attending".
var postopIleusRe = guard(`(?i)\b(?:prolonged\s+)?post-?op(?:erative)?\s+ileus\b`, "ileus")

// postoperativeIleus codes a stay's postoperative ileus documented as a
// complication (prolonged, or called one) as the digestive system's
// postprocedural complication with the ileus (K91.89, K56.7).
func postoperativeIleus(out []Suggestion, x *lookups, opt Options) []Suggestion {
	if !opt.Inpatient || containsCode(out, "K91.89") {
		return out
	}
	for _, m := range postopIleusRe.FindAllStringIndex(opt.note, -1) {
		sent := strings.ToLower(sentenceAround(opt.note, m[0]))
		// (or listed as a diagnosis of its own: "Post-op: Same.
		// Postoperative ileus.")
		// (or heading an item of its own: "2. Postoperative ileus
		// following sigmoid colectomy")
		lead := opt.note[strings.LastIndexByte(opt.note[:m[0]], '\n')+1 : m[0]]
		listed := strings.TrimLeft(lead, " \t0123456789.)-•*#") == ""
		if negatedAt(opt.note, m[0]) || !containsAny(sent, "complication", "prolonged") && wordCount(sent) > 3 && !listed || containsAny(sent, "risk", "prevent", "expected", "not a complication") {
			continue
		}
		for _, code := range []string{"K91.89", "K56.7"} {
			if r, ok := x.Code(codeset.ICD10CM, code, opt.Date); ok && !containsCode(out, code) {
				out = append(out, Suggestion{System: codeset.ICD10CM, Code: code, Title: r.Title, Confidence: 0.8, Start: m[0], End: m[1],
					Evidence: opt.note[m[0]:m[1]], Section: sectionKindNames[secDiagnosis], Rule: "postoperative ileus"})
			}
		}
		break
	}
	return out
}

// dnrRe is a do-not-resuscitate order; fullCodeRe the opposite.
var (
	dnrRe      = guard(`(?i)\b(?:DNR(?:/DNI)?|DNAR|do[- ]not[- ]resuscitate)\b`, "dnr", "dnar", "do not", "do-not")
	fullCodeRe = regexp.MustCompile(`(?i)\bfull code\b|\b(?:rescind|revok|revers)\w*|\bdiscuss\w*\b[^.]{0,30}\bDNR\b|\bconsider\w*\b[^.]{0,30}\bDNR\b`)
)

// dnrStatus codes a stay's do-not-resuscitate status (Z66) that the note
// documents ("Code status: DNR/DNI - confirmed with daughter"), unless the
// order is denied, discussed only, rescinded, or the patient full code.
func dnrStatus(out []Suggestion, x *lookups, opt Options) []Suggestion {
	if !opt.Inpatient || containsCode(out, "Z66") {
		return out
	}
	m := dnrRe.FindStringIndex(opt.note)
	if m == nil || negatedAt(opt.note, m[0]) || fullCodeRe.MatchString(sentenceAround(opt.note, m[0])) || strings.Contains(opt.lower, "full code") {
		return out
	}
	r, ok := x.Code(codeset.ICD10CM, "Z66", opt.Date)
	if !ok {
		return out
	}
	return append(out, Suggestion{System: codeset.ICD10CM, Code: "Z66", Title: r.Title, Confidence: 0.8, Start: m[0], End: m[1],
		Evidence: opt.note[m[0]:m[1]], Section: sectionKindNames[secOther], Rule: "do not resuscitate status"})
}

// preventiveVisitRe names a routine preventive visit: "ANNUAL
// PREVENTIVE VISIT", "here for annual physical", "well-child check".
var preventiveVisitRe = guard(`(?i)\b(?:(?:annual|yearly)\s+(?:adult\s+)?(?:preventive\s+|wellness\s+|physical\s+|health\s+maintenance\s+)?(?:physical|exam|examination|visit|check-?up)|routine\s+(?:adult\s+)?(?:physical|check-?up|(?:preventive|wellness|health\s+maintenance|physical|medical)\s+(?:exam|examination|visit))|(?:preventive|wellness|health maintenance)\s+(?:visit|exam|examination)|complete physical|well[- ]child\s+(?:visit|check|exam))\b`,
	"annual", "yearly", "routine", "preventive", "wellness", "health maintenance", "complete physical", "well")

// visitReasonRe ends the words that give a visit's reason: "here for",
// "presents for his".
var visitReasonRe = regexp.MustCompile(`(?i)\b(?:here|presents?|presenting|comes?|came|seen|scheduled)\s+(?:today\s+)?(?:for|with)\b[^.;]{0,25}$`)

// preventiveVisit codes the general examination (Z00.00, a child's
// Z00.129) of an outpatient visit whose title or stated reason names it
// ("ANNUAL PREVENTIVE VISIT", "52 y/o M here for annual physical") when
// no item did; wellExamFindings then adds its abnormal findings. A
// gynecological examination (Z01.41-) is another code, and a physical
// the story mentions ("a PHQ-9 of 16 at her annual physical") no reason.
func preventiveVisit(out []Suggestion, x *lookups, opt Options) []Suggestion {
	if opt.Inpatient || opt.Age <= 0 || firstWithPrefix(out, "Z00.0", "Z00.1", "Z01.41", "Z02") >= 0 {
		return out
	}
	head := opt.note[:min(len(opt.note), 600)]
	if containsAny(strings.ToLower(head), "gyn", "pap smear", "well woman", "well-woman", "sports physical", "pre-op", "preop", "prenatal") {
		return out
	}
	title := strings.TrimLeft(head, " \t\r\n")
	title = title[:max(0, strings.IndexByte(title, '\n'))]
	for _, m := range preventiveVisitRe.FindAllStringIndex(head, -1) {
		if negatedAt(opt.note, m[0]) || !strings.Contains(title, head[m[0]:m[1]]) && !visitReasonRe.MatchString(head[max(0, m[0]-40):m[0]]) {
			continue
		}
		code := "Z00.00"
		if opt.Age < 18 {
			code = "Z00.129"
		}
		r, ok := x.Code(codeset.ICD10CM, code, opt.Date)
		if !ok {
			return out
		}
		return append(out, Suggestion{System: codeset.ICD10CM, Code: code, Title: r.Title, Confidence: 0.8, Start: m[0], End: m[1],
			Evidence: opt.note[m[0]:m[1]], Section: sectionKindNames[secOther], Rule: "preventive visit"})
	}
	return out
}

// wellExamFindings codes a routine examination with abnormal findings
// (Z00.01, Z00.121) when the note codes a finding beside it (Official
// Guidelines I.C.21.c.13: the abnormal findings are coded with it).
func wellExamFindings(out []Suggestion, x *lookups, opt Options) {
	// (a newborn's examination has no such pair: Z00.110 and Z00.111
	// are its ages, under 8 days and 8 to 28)
	with := map[string]string{"Z00.00": "Z00.01", "Z00.129": "Z00.121"}
	for i, s := range out {
		to, ok := with[s.Code]
		if !ok {
			continue
		}
		if slices.ContainsFunc(out, func(o Suggestion) bool { return o.Code[0] != 'Z' && !o.Uncertain }) {
			recode(&out[i], to, "examination with abnormal findings", x, opt)
		}
	}
}

// dropUnspecifiedSite drops a code of unspecified site, or an unspecified
// injury, when the note's codes name the same condition at a site
// ("Primary osteoarthritis, unspecified site" beside M17.11, "Cellulitis,
// unspecified" beside L03.116).
func dropUnspecifiedSite(out []Suggestion) []Suggestion {
	// a pneumonia whose organism is coded (J12–J16) is not also the
	// pneumonia of unspecified organism
	if i := firstWithPrefix(out, "J18.9"); i >= 0 && firstWithPrefix(out, "J12", "J13", "J14", "J15", "J16", "B59", "J69", "J10.0", "J11.0", "A48.1", "A15.0") >= 0 {
		out = slices.Delete(out, i, i+1)
	}
	kept := out[:0]
	for i, s := range out {
		t := strings.ToLower(s.Title)
		// ("L femoral neck fx", S72.002A "Fracture of unspecified part
		// of neck of left femur", beside the same side's and episode's
		// S72.032A "Displaced midcervical fracture of left femur")
		unspecifiedPart := s.Code[0] == 'S' && len(s.Code) == 8 && strings.Contains(t, "unspecified part of")
		general := strings.Contains(t, "unspecified site") || s.Code == "L03.90" || strings.HasPrefix(s.Code, "T14.9") || unspecifiedPart
		if general && slices.ContainsFunc(out, func(o Suggestion) bool {
			if o.Code == s.Code || len(o.Code) < 3 {
				return false
			}
			if strings.HasPrefix(s.Code, "T14.9") {
				return o.Code[0] == 'S'
			}
			if unspecifiedPart {
				if len(o.Code) == 8 && o.Code[:5] == s.Code[:5] && o.Code[6:] == s.Code[6:] {
					return true
				}
				// (of no side, any fracture of its bone named: "Impairment
				// group: orthopedic — hip fracture" beside S72.141D)
				ot := strings.ToLower(o.Title)
				return !strings.Contains(t, " right ") && !strings.Contains(t, " left ") && o.Code[:3] == s.Code[:3] &&
					strings.Contains(ot, "fracture") && !strings.Contains(ot, "unspecified part")
			}
			return o.Code[:2] == s.Code[:2] && headWord(o.Title) == headWord(s.Title)
		}) {
			out[i].Principal = false
			continue
		}
		kept = append(kept, s)
	}
	return kept
}

// refuses reports whether a phrase, for all its words match, is not
// the code: the code asks for what the phrase does not say (asksUnsaid),
// its title denies what the phrase affirms (titleLacks), the phrase
// names the title's condition only to deny it (deniesHead), the title
// makes a cause of what the phrase only lists (causeUnsaid), or the title
// has what the phrase is "without" (deniedInTitle).
func refuses(phrase string, r codeset.Result) bool {
	l := strings.ToLower(phrase)
	return asksUnsaid(l, r.Code) || titleLacks(l, r.Title) || deniesHead(l, r.Title) || causeUnsaid(l, r.Title) || organismUnsaid(l, r.Title) ||
		strings.Contains(l, "without") && deniedInTitle(l, r.Title)
}

// screenedFor reports whether a phrase names a screening for a condition
// ("Gestational diabetes screening - GCT normal"), which is no condition:
// only an encounter or status code names it.
func screenedFor(q, code string) bool {
	l := strings.ToLower(strings.TrimSpace(q))
	return (strings.HasSuffix(l, " screening") || strings.HasSuffix(l, " screen")) && !hasAnyPrefix(code, "Z0", "Z1", "Z3")
}

// affirmsDefault reports whether a later suggestion has "with" what an
// earlier one's title is "without" by default, its evidence saying
// nothing of it: "alcoholic cirrhosis" (K70.30, "without ascites") then
// "Alcoholic cirrhosis with ascites" (K70.31).
func affirmsDefault(old, later Suggestion) bool {
	o, l := strings.ToLower(old.Title), strings.ToLower(later.Title)
	k := strings.Index(o, " without ")
	if k < 0 || strings.Contains(strings.ToLower(old.Evidence), "without") || strings.Contains(strings.ToLower(old.Evidence), "no ") {
		return false
	}
	what := o[k+len(" without "):]
	return strings.HasPrefix(l, o[:k]) && strings.Contains(l, " with "+what) && strings.Contains(strings.ToLower(later.Evidence), lastWord(what))
}

// organismUnsaid reports whether a title names an organism a phrase (in
// lower case) does not: "attributable to the localized infection" is no
// localized salmonella infection (A02.20).
func organismUnsaid(l, title string) bool {
	t := strings.ToLower(title)
	for _, o := range [...]string{"salmonell", "shigell", "listeri", "brucell", "tularemi", "anthrax", "typhoid", "cholera", "leptospir", "gonococc", "meningococc", "chlamydi", "mycoplasm"} {
		if strings.Contains(t, o) && !strings.Contains(l, o) {
			return true
		}
	}
	return false
}

// deniedInTitle reports whether a phrase (in lower case) is "without"
// something a title has: "type 2 diabetes mellitus without retinopathy"
// is not E11.319 "… with unspecified diabetic retinopathy …", nor "vitamin
// B12 deficiency without anemia" D51.8 "Other vitamin B12 deficiency
// anemias".
func deniedInTitle(l, title string) bool {
	t := strings.ToLower(title)
	for k := range occurrences(l, "without ") {
		w := l[k+len("without "):]
		if e := strings.IndexAny(w, " ,;.()"); e >= 0 {
			w = w[:e]
		}
		if len(w) < 4 {
			continue
		}
		if i := strings.Index(t, w); i >= 0 && !strings.Contains(t, "without "+w) && !strings.Contains(t, "without (") && !strings.Contains(t[:i], "without") {
			return true
		}
	}
	return false
}

// titleSaysAny reports whether a title holds a word of five letters or
// more of text (by the code set's stems).
func titleSaysAny(title, text string) bool {
	in := map[string]bool{}
	for _, w := range codeset.Words(title) {
		in[w] = true
	}
	for _, w := range codeset.Words(text) {
		if len(w) >= 5 && in[w] {
			return true
		}
	}
	return false
}

// titleDenies reports whether a title is "without" what a phrase (in
// lower case) says: "Alcohol induced acute pancreatitis without necrosis
// or infection" (K85.20) against "Acute alcohol-induced pancreatitis,
// necrotizing, sterile" (the first part's better match gives way to the
// whole's K85.21). Only the complications of withoutSaid are compared, in
// the forms a note writes them, and one the phrase itself denies ("no
// obstruction", "nonobstructing") says nothing.
func titleDenies(title, l string) bool {
	t := strings.ToLower(title)
	for k := range occurrences(t, "without ") {
		what := t[k+len("without "):]
		if e := strings.IndexAny(what, ",;("); e >= 0 {
			what = what[:e]
		}
		for _, w := range strings.Fields(what) {
			re, ok := withoutSaid[w]
			if !ok {
				continue
			}
			for _, m := range re.FindAllStringIndex(l, -1) {
				if !wordDeniedBeforeRe.MatchString(l[max(0, m[0]-14):m[0]]) {
					return true
				}
			}
		}
	}
	return false
}

// withoutSaid are the complications a title is "without", each with the
// words a note says it in.
var withoutSaid = map[string]*regexp.Regexp{
	"necrosis":    regexp.MustCompile(`\bnecro(?:sis|tic|tizing)\b`),
	"infection":   regexp.MustCompile(`\binfect(?:ed|ion)\b`),
	"obstruction": regexp.MustCompile(`\b(?:obstruct(?:ed|ion|ing)|strangulated|incarcerated)\b`),
	"gangrene":    regexp.MustCompile(`\bgangren(?:e|ous)\b`),
	"perforation": regexp.MustCompile(`\bperforat(?:ed|ion)\b`),
	"abscess":     regexp.MustCompile(`\babscess\b`),
	"ascites":     regexp.MustCompile(`\bascites\b`),
	// ("Barrett's esophagus (C3M4) with confirmed low-grade dysplasia":
	// no K22.70)
	"dysplasia": regexp.MustCompile(`\bdysplas(?:ia|tic)\b`),
	// (a complication named: "…, with subperiosteal abscess")
	"complications": regexp.MustCompile(`\b(?:with|complicated by|w/)\s+(?:an?\s+)?(?:[a-z-]+\s+){0,2}(?:abscess|perforation|fistula|gangrene|obstruction|hemorrhage|rupture|necrosis|empyema)\b`),
}

// wordDeniedBeforeRe ends the words before a word they deny.
var wordDeniedBeforeRe = regexp.MustCompile(`(?:\bno|\bnot|\bnon-?|\bwithout|\bw/o|\bnegative for|\bdenies|\bfree of)\s*(?:[a-z]+\s+)?$`)

// causeUnsaid reports whether a title makes one condition the cause of
// another that a phrase (in lower case) only lists beside it: "insomnia
// and anxiety" is no "Insomnia due to other mental disorder" (F51.05).
func causeUnsaid(l, title string) bool {
	return strings.Contains(l, " and ") && strings.Contains(strings.ToLower(title), " due to ") &&
		!containsAny(l, "due to", "secondary", "caused", "from", "induced", "related", "d/t", "2/2", "because")
}

// asksUnsaid reports whether a code asks for what a phrase (in lower
// case) does not say, or for what it calls normal: a screening or
// testing encounter (Z11–Z13) for "Latent TB infection", an examination
// (Z00–Z01) for "blood pressure managed", an encounter to fit or adjust a
// device (Z44–Z46) for "hearing aids on", repeated falls (R29.6) for one
// "Fall from ladder", weeks of a pregnancy (Z3A) for "cough (>8 weeks)",
// an abnormal finding (R70–R99) for "PSA undetectable", a cesarean
// "without indication" (O82) for "cesarean delivery", an NIHSS score
// (R29.7) for "ABCD2 score 5", a fertility cycle (Z31.83) for "IVF".
func asksUnsaid(l, code string) bool {
	switch {
	case strings.HasPrefix(code, "E") && strings.HasSuffix(code, ".610"):
		// a diabetic neuropathic arthropathy is a Charcot joint: not
		// "neuropathic foot ulcer"
		return !containsAny(l, "arthropath", "charcot", "joint")
	case code == "D69.9":
		// "Bleeding controlled with pressure": a wound's bleeding, not
		// a hemorrhagic condition (a tendency, a diathesis)
		return !containsAny(l, "tendency", "diathesis", "disorder", "condition", "coagulopathy", "hemorrhagic", "haemorrhagic")
	case code == "Z18.83":
		// "a retained/recurrent CBD stone": an organ's stone is a
		// calculus, not a retained fragment of a foreign body
		return containsAny(l, "cbd", "bile duct", "biliary", "kidney", "renal", "ureter", "bladder", "gallbladder", "duct")
	case strings.HasPrefix(code, "Z13.3"):
		// "Depression screen negative": a questionnaire's result at a
		// visit for something else, not an encounter for screening
		return !containsAny(l, "screen", "test", "check", "evaluat", "encounter", "surveillance") || containsAny(l, "negative", " neg")
	case strings.HasPrefix(code, "Z11") || strings.HasPrefix(code, "Z12") || strings.HasPrefix(code, "Z13"):
		return !containsAny(l, "screen", "test", "check", "evaluat", "encounter", "surveillance")
	case strings.HasPrefix(code, "Z00") || strings.HasPrefix(code, "Z01"):
		return !containsAny(l, "exam", "check", "visit", "encounter", "physical", "well", "evaluat", "screen", "test", "clearance", "pre-op", "preop", "preoperative", "supervision")
	case strings.HasPrefix(code, "Z44") || strings.HasPrefix(code, "Z45") || strings.HasPrefix(code, "Z46"):
		return !containsAny(l, "fit", "adjust", "program", "check", "replac", "interrogat", "encounter")
	case code == "R29.6":
		return !containsAny(l, "repeat", "recurrent", "frequent", "multiple", "falls")
	case strings.HasPrefix(code, "Z3A"):
		return !containsAny(l, "gestation", "pregnan", "iup", "ega", "ga ", "wga")
	case code == "Z84.89":
		// a label "FHx" names no relative's condition
		return true
	case strings.HasPrefix(code, "Z67"):
		// a prenatal panel's "Rh positive" is a result, no blood type
		// status the note asks to code
		return !containsAny(l, "blood type", "blood group")
	case code == "Q12.0":
		// the index's "Cataract, nuclear, embryonal": a nuclear cataract
		// is age-related unless the note says it was there from birth
		return !containsAny(l, "congenital", "embryonal", "infantile", "since birth", "lamellar", "zonular")
	case strings.HasPrefix(code, "R29.7"):
		// an NIHSS score is the stroke scale's, not an ABCD2 or a
		// Glasgow score
		return !containsAny(l, "nihss", "nih ", "stroke scale")
	case strings.HasPrefix(code, "O14") || strings.HasPrefix(code, "O15"):
		// "pre-pregnancy BMI 43" is no pre-eclampsia
		return !containsAny(l, "eclamp", "hellp", "toxemia")
	case strings.HasPrefix(code, "Z79.0"):
		// "Long-term current use of stimulant" is no anticoagulant
		return !containsAny(l, "anticoag", "antithromb", "antiplatelet", "aspirin", "asa", "warfarin", "coumadin", "apixaban", "eliquis", "rivaroxaban", "xarelto", "dabigatran", "edoxaban", "heparin", "enoxaparin", "clopidogrel", "plavix", "ticagrelor", "prasugrel", "blood thinner", "dapt", "doac", "noac", "xa inhibitor")
	case strings.HasPrefix(code, "R73.0"):
		// "fasting glucose and HbA1c ordered" is a test, no abnormal
		// glucose
		return !containsAny(l, "elevat", "impair", "abnormal", "high", "increas", "prediab", "hyperglyc", "borderline")
	case strings.HasPrefix(code, "Z51.0") || strings.HasPrefix(code, "Z51.1"):
		// "s/p lumpectomy, adjuvant chemotherapy and radiation, now on
		// anastrozole": treatment given before, not this encounter's
		return !containsAny(l, "encounter", "admit", "here for", "today", "cycle", "session", "receiving", "infusion", "fraction")
	case code == "Z08":
		// "follow-up after completed treatment of pneumonia" is Z09;
		// Z08 is a malignancy's
		return !containsAny(l, "malignan", "cancer", "neoplasm", "carcinoma", "lymphoma", "leukemia", "melanoma", "tumor", "sarcoma", "myeloma")
	case strings.HasPrefix(code, "Z59.0"):
		// "Transient L hand numbness": the index's "Transient" is a
		// person without a home, which the phrase must say
		return !containsAny(l, "homeless", "housing", "shelter", "unhoused", "unsheltered", "street", "living in")
	case strings.HasPrefix(code, "M25.4"):
		// "Small parapneumonic effusion": a pleural effusion, no joint's
		return containsAny(l, "pleur", "parapneumonic", "pericard", "lung", "pulmon", "subdural", "peritoneal", "ascit", "middle ear")
	case strings.HasPrefix(code, "M21.8"):
		// "… plus denosumab": the index's "Plus (and minus) hand" is a
		// deformity the phrase must name
		return !containsAny(l, "deformit", "hand")
	case code == "Z56.2":
		// "Stress from job loss": a job lost, no threat of losing one
		return !containsAny(l, "threat", "risk", "fear", "afraid", "worr", "may lose", "might lose", "could lose", "about to", "possible", "potential", "jeopard", "insecur")
	case code == "F43.9":
		// "Stress from job loss, coping okay": stress, no reaction to
		// severe stress the phrase names
		return !containsAny(l, "reaction", "disorder", "severe", "acute stress", "response")
	case code == "Z72.821":
		// "sleep hygiene, lights on days" is an intervention; the code is
		// for a poor one
		return !containsAny(l, "poor", "inadequate", "bad", "irregular")
	case code == "R45.851":
		// "Suicide risk: low" assesses a risk; the code is for ideation
		return !ideationRe.MatchString(l)
	case code == "Z31.83":
		// "Antiemetics, IVF": intravenous fluids, not in vitro
		// fertilisation
		return !containsAny(l, "in vitro", "fertili", "embryo", "oocyte", "egg retrieval")
	case code == "O82":
		// a cesarean "without indication" is one the note says had none
		return !containsAny(l, "without indication", "no indication", "maternal request", "on request", "elective")
	case code[0] == 'R' && code[1] >= '7' && code[1] <= '9':
		return containsAny(l, "undetectable", "normal", "negative", "unremarkable", "wnl", "not elevated", "within normal")
	}
	return false
}

// ideationRe is suicidal ideation said.
var ideationRe = regexp.MustCompile(`\b(?:si|ideation|suicidal|thoughts? of)\b`)

// titleLacks reports whether a title says "without" what the phrase (in
// lower case) affirms: "Asbestos-related calcified pleural plaques" is no
// "Pleural plaque without asbestos" (J92.9).
func titleLacks(l, title string) bool {
	t := strings.ToLower(title)
	i := strings.Index(t, " without ")
	if i < 0 {
		return false
	}
	what := t[i+len(" without "):]
	if k := strings.IndexAny(what, ",("); k >= 0 {
		what = what[:k]
	}
	// every word of what the title lacks, said in the phrase, and not
	// itself denied there (of either of two things it lacks: "without
	// cholangitis or cholecystitis")
	for _, alt := range strings.Split(what, " or ") {
		ws := strings.Fields(alt)
		if len(ws) == 0 || len(ws) > 3 {
			continue
		}
		said := true
		for _, w := range ws {
			if len(w) < 3 || !strings.Contains(l, w) {
				said = false
				break
			}
		}
		if !said {
			continue
		}
		at := strings.Index(l, strings.Join(ws, " "))
		if at < 0 {
			at = strings.Index(l, ws[0])
		}
		before := l[:at]
		if !negatedJustBefore.MatchString(before) && !strings.HasSuffix(strings.TrimSpace(before), "w/o") {
			return true
		}
	}
	return false
}

// deniesHead reports whether a phrase (in lower case) names the condition
// a title heads only to deny it: "bacteremia without sepsis" is no sepsis
// (A41.9).
func deniesHead(l, title string) bool {
	h := headWord(title)
	if len(h) < 4 {
		return false
	}
	i := strings.Index(l, h)
	if i < 0 || strings.Contains(l[i+len(h):], h) {
		return false
	}
	before := strings.TrimRight(l[:i], " ")
	return strings.HasSuffix(before, " without") || strings.HasSuffix(before, " no") || before == "no" || before == "without"
}

// headWord is a title's last word before its first comma or preposition,
// in lower case: "osteoarthritis" in "Unilateral primary osteoarthritis,
// right knee".
func headWord(title string) string {
	t := strings.ToLower(title)
	for _, sep := range []string{",", " of ", " in ", " with ", " without ", " due to "} {
		if i := strings.Index(t, sep); i >= 0 {
			t = t[:i]
		}
	}
	f := strings.Fields(t)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

// strokeKindRes are the kinds of stroke the I69 sequelae name, by the
// character after "I69.": subarachnoid and intracerebral hemorrhage (an
// infarction, "3", when the text names neither).
var strokeKindRes = []struct {
	re   *regexp.Regexp
	kind string
}{
	{regexp.MustCompile(`(?i)\b(?:SAH|subarachnoid)\b`), "0"},
	{regexp.MustCompile(`(?i)\b(?:ICH|intracerebral hemorrhage|intraparenchymal hemorrhage|hemorrhagic stroke|basal ganglia (?:hemorrhage|bleed))\b`), "1"},
}

// strokeKind returns the kind of stroke a text names, as the character
// after "I69.".
func strokeKind(text string) string {
	for _, k := range strokeKindRes {
		if k.re.MatchString(text) {
			return k.kind
		}
	}
	return "3"
}

// sequelaStrokeRe says a deficit is left over from an earlier stroke.
var sequelaStrokeRe = regexp.MustCompile(`(?i)\b(late effects?|sequelae?|residual|(?:old|prior|remote|previous) (?:stroke|cva|infarct|ich|sah)|(?:history of|h/o|s/p) (?:stroke|cva|ich|sah))\b`)

// sequelaSaid reports whether a text says a stroke left something
// behind, not that it left nothing ("no residual deficit").
func sequelaSaid(text string) bool {
	for _, m := range sequelaStrokeRe.FindAllStringIndex(text, -1) {
		if !deniedBeforeRe.MatchString(text[max(0, m[0]-12):m[0]]) {
			return true
		}
	}
	return false
}

// deniedBeforeRe ends words that deny what follows them.
var deniedBeforeRe = regexp.MustCompile(`(?i)\b(?:no|without|denies)\s+$`)

// strokeSequelae codes a deficit left over from an earlier cerebral
// infarction as its sequela (I69.3-), not as a current deficit: "right
// hemiparesis as a late effect of stroke" is I69.351, not G81.91.
func strokeSequelae(out []Suggestion, x *lookups, opt Options) []Suggestion {
	// "Late effects of L MCA infarct": not a current infarction; its
	// sequelae are coded by their deficits
	out = slices.DeleteFunc(out, func(s Suggestion) bool {
		return strings.HasPrefix(s.Code, "I63") && sequelaStrokeRe.MatchString(s.Evidence)
	})
	if containsCodePrefix(out, "I63") {
		return out // a current stroke: its deficits are current
	}
	for i, s := range out {
		code := ""
		switch {
		case strings.HasPrefix(s.Code, "G81.9") && len(s.Code) == 6:
			code = "I69.35" + s.Code[5:]
		case s.Code == "R47.01":
			code = "I69.320"
		case strings.HasPrefix(s.Code, "R13.1"):
			code = "I69.391"
		}
		ctx := s.Evidence + " " + sentenceAround(opt.note, s.Start) + " " + outlineParent(opt.note, s.Start)
		if code == "" || !sequelaSaid(ctx) {
			continue
		}
		// the kind of stroke left it: a hemorrhage's sequelae are I69.0–
		// I69.2 ("late effect of prior R basal ganglia ICH": I69.154)
		code = code[:4] + strokeKind(ctx) + code[5:]
		if code == "I69.391" && s.Code != "R13.10" && !containsCode(out, code) {
			// I69.391 asks for the dysphagia's phase beside it ("use
			// additional code"): the R13.1- stays
			if r, ok := x.Code(codeset.ICD10CM, code, opt.Date); ok && r.Billable {
				sq := s
				sq.Code, sq.Title, sq.Rule = code, r.Title, "sequela of stroke"
				out = append(out, sq)
			}
			continue
		}
		recode(&out[i], code, "sequela of stroke", x, opt)
	}
	return out
}

// subItemRe opens an indented sub-item of an outline: "   a. Right
// hemiparesis", "   - Expressive aphasia".
var subItemRe = regexp.MustCompile(`^[ \t]+(?:[a-z][.)]|[0-9]{1,2}[.)]|[-*•])\s`)

// outlineParent returns the line an indented sub-item is listed under
// when that line ends with a colon ("1. Late effects of L MCA ischemic
// stroke:" above "   a. Right hemiparesis, dominant side"), else "".
func outlineParent(note string, at int) string {
	ls := strings.LastIndexByte(note[:at], '\n') + 1
	if !subItemRe.MatchString(note[ls:lineEnd(note, ls)]) {
		return ""
	}
	for n := 0; ls > 0 && n < 8; n++ {
		ps := strings.LastIndexByte(note[:ls-1], '\n') + 1
		line := note[ps : ls-1]
		if !subItemRe.MatchString(line) {
			if strings.HasSuffix(strings.TrimRight(line, " \t\r"), ":") {
				return line
			}
			return ""
		}
		ls = ps
	}
	return ""
}

// adverseEffectOf finds the drug an item names and returns its
// adverse-effect code (T36–T50, 6th character 5) from the drug table.
func adverseEffectOf(item string, x *lookups, opt Options) (codeset.Result, bool) {
	return drugTableCode(item, "adverse effect of ", '5', x, opt)
}

// drugTableCode returns the drug table's code of the kind (its words
// before the drug, and its 6th character) for the first word of item
// the table holds as a drug.
func drugTableCode(item, kind string, sixth byte, x *lookups, opt Options) (codeset.Result, bool) {
	for _, w := range strings.FieldsFunc(item, func(c rune) bool { return !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') }) {
		if strings.EqualFold(w, "chemotherapy") || strings.EqualFold(w, "chemo") {
			// the drug table names no "chemotherapy": its drugs are
			// antineoplastics (T45.1X5-)
			if r, ok := x.Code(codeset.ICD10CM, "T45.1X"+string(sixth)+string(opt.drugEpisode()), opt.Date); ok {
				r.Matched, r.Source, r.Score = w, "drug table", 0.9
				return r, true
			}
		}
		// (or a drug's abbreviation in capitals: "HCTZ")
		if len(w) < 5 && (len(w) < 3 || strings.ToUpper(w) != w) || modifiers[strings.ToLower(w)] {
			continue
		}
		rs := x.Search(kind+w, codeset.SearchOptions{Systems: []codeset.System{codeset.ICD10CM}, Date: opt.Date, Limit: 1})
		if len(rs) == 0 || rs[0].Score < 0.85 || rs[0].Code[0] != 'T' || len(rs[0].Code) != 8 || rs[0].Code[6] != sixth {
			continue
		}
		// (the table's entry may be the class in the plural: "thiazide"
		// matches "Thiazides")
		// (or a title that names the class the synonym list gives the
		// drug: "amlodipine" as "calcium-channel blocker")
		if m := strings.Fields(rs[0].Matched); len(m) > 0 && (strings.EqualFold(m[0], w) || strings.EqualFold(m[0], w+"s") || drugClassOf(w, m[0]) || classInTitle(w, rs[0].Matched)) {
			r := rs[0]
			r.Code = r.Code[:7] + string(opt.drugEpisode())
			if e, ok := x.Code(codeset.ICD10CM, r.Code, opt.Date); ok {
				r.Title = e.Title
				return r, true
			}
		}
	}
	return codeset.Result{}, false
}

// drugAnaphylaxis codes an anaphylaxis its line puts down to a drug
// taken as prescribed ("Anaphylaxis due to amoxicillin, properly
// prescribed and taken") as the anaphylactic reaction to a correct drug
// (T88.6-) with the drug's adverse effect (T36.0X5A), not the unspecified
// anaphylactic shock (T78.2-, whose Excludes1 names T88.6). A line that
// says overdose or poisoning is left alone.
func drugAnaphylaxis(out []Suggestion, note string, x *lookups, opt Options) []Suggestion {
	i := firstWithPrefix(out, "T78.2")
	if i < 0 {
		return out
	}
	line := lineOf(note, out[i].Start)
	if containsAny(strings.ToLower(line), "overdose", "poisoning", "ingestion", "food", "sting", "peanut") {
		return out
	}
	ae, ok := adverseEffectOf(line, x, opt)
	if !ok {
		return out
	}
	if !recode(&out[i], "T88.6XX"+string(opt.drugEpisode()), "anaphylaxis due to a drug properly taken", x, opt) {
		return out
	}
	if !containsCode(out, ae.Code) {
		out = append(out, Suggestion{System: codeset.ICD10CM, Code: ae.Code, Title: ae.Title, Confidence: 0.85, Start: out[i].Start, End: out[i].End,
			Evidence: out[i].Evidence, Section: out[i].Section, Rule: "adverse effect of the drug"})
	}
	return out
}

// drugCauseRe is a diagnosis put down to a drug the line names: "Acute
// duodenal ulcer with hemorrhage, related to naproxen", "Hypokalemia -
// likely from recently increased HCTZ dose".
// (or "due to prednisone", or written after it: "Hyperglycemia,
// steroid-induced", or the second of two causes: "attributed to H. pylori
// + ibuprofen", or in parentheses after "<class>-induced <condition>":
// "Opioid-induced constipation (oxycodone)"; a word the drug table does
// not hold as a drug taken as prescribed, "due to sepsis", gives no
// adverse effect)
var drugCauseRe = guard(`(?i)\b(?:related to|caused by|induced by|attributed to|due to|secondary to|(?:likely|probably|possibly|presumably|presumed)\s+from)\s+(?:[A-Za-z. -]{1,20}?\s*(?:\+|\band\b|&)\s*)?(?:(?:his|her|the|chronic|prescription|daily|recent|recently|increased|higher|high-dose|pulse|pulse-dose|stress-dose|IV|intravenous|long-term|prior|previous|past)\s+)*([A-Za-z]{5,}|(?-i:[A-Z]{3,4}))\b(?:\s+(?:use|therapy|treatment|dose|exposure|and|or|in|,|\.|;)|\s*$|[.,;)]|\s*\(|\s+[-–—])|,\s*(?:(?:likely|probably|possibly|presumed|presumably)\s+)?([A-Za-z]{5,})[- ]induced\b(?:\s*\(([A-Za-z]{5,})\))?|\b[A-Za-z]{5,}[- ]induced\s+(?:[A-Za-z]+\s+){0,3}?[A-Za-z]+\s*\(([A-Za-z]{5,})\)`, "related to", "caused by", "induced", "attributed to", "due to", "secondary to", "ly from", "presumed from")

// adverseEffectSaidRe is a drug's adverse effect said outright.
var adverseEffectSaidRe = regexp.MustCompile(`(?i)\badverse (?:drug )?(?:effect|reaction) (?:of|to|from) (?:(?:his|her|the|prescribed|chronic)\s+)*([A-Za-z]{5,})`)

// drugCaused adds, beside a diagnosis its line puts down to a drug taken
// as prescribed, the drug's adverse effect (T36–T50, 6th character 5:
// "use additional code for adverse effect … to identify drug").
func drugCaused(out []Suggestion, note string, x *lookups, opt Options) []Suggestion {
	// "this represents an adverse effect of ibuprofen": said outright
	if strings.Contains(opt.lower, "adverse") {
		for _, m := range adverseEffectSaidRe.FindAllStringSubmatchIndex(note, -1) {
			if negatedAt(note, m[0]) {
				continue
			}
			if ae, ok := adverseEffectOf(note[m[2]:m[3]], x, opt); ok && !containsCodePrefix(out, ae.Code[:6]) {
				out = append(out, Suggestion{System: codeset.ICD10CM, Code: ae.Code, Title: ae.Title, Confidence: 0.85, Start: m[0], End: m[1],
					Evidence: note[m[0]:m[1]], Section: sectionKindNames[secOther], Rule: "adverse effect of the drug"})
			}
		}
	}
	n := len(out)
	for _, s := range out[:n] {
		// (an angioedema, T78.3-, is a condition a drug causes, not a
		// drug's own code)
		if s.Section != sectionKindNames[secDiagnosis] || s.Code[0] == 'T' && !strings.HasPrefix(s.Code, "T78.3") || s.Code[0] == 'Z' {
			continue
		}
		line := lineAt(note, s.Start)
		for _, m := range drugCauseRe.FindAllStringSubmatchIndex(line, -1) {
			if negatedJustBefore.MatchString(line[:m[0]]) {
				continue
			}
			// (a visit's doubted cause: "possible orthostatic hypotension
			// related to diuretic dose vs arrhythmia")
			if !opt.Inpatient && (uncertainRe.MatchString(line[:m[0]]) || strings.Contains(line[m[1]:], " vs")) {
				continue
			}
			switch {
			case m[2] >= 0:
			case m[4] >= 0: // the drug written before "-induced", or the
				// one its class is named for after it ("NSAID-induced
				// (ibuprofen)")
				m[2], m[3] = m[4], m[5]
				if m[6] >= 0 {
					m[2], m[3] = m[6], m[7]
				}
			default: // "Opioid-induced constipation (oxycodone)"
				m[2], m[3] = m[8], m[9]
			}
			ae, ok := adverseEffectOf(line[m[2]:m[3]], x, opt)
			if !ok || containsCodePrefix(out, ae.Code[:6]) {
				continue
			}
			out = addBeside(out, s, ae.Code, "adverse effect of the drug", x, opt)
		}
		// "Angioedema … due to ACE inhibitor (lisinopril), taken as
		// prescribed": the class, then the drug in parentheses
		if strings.Contains(line, "(") && containsAny(strings.ToLower(line), "due to", "secondary to", "caused by", "induced by", "from") {
			for _, m := range dueToClassDrugRe.FindAllStringSubmatchIndex(line, -1) {
				if ae, ok := adverseEffectOf(line[m[2]:m[3]], x, opt); ok && !containsCodePrefix(out, ae.Code[:6]) && !negatedJustBefore.MatchString(line[:m[0]]) {
					out = addBeside(out, s, ae.Code, "adverse effect of the drug", x, opt)
				}
			}
		}
	}
	return out
}

// dueToClassDrugRe is a cause named by its drug class with the drug in
// parentheses: "due to ACE inhibitor (lisinopril)".
var dueToClassDrugRe = regexp.MustCompile(`(?i)\b(?:due to|secondary to|caused by|induced by|from)\s+(?:an?\s+|the\s+|his\s+|her\s+)?[A-Za-z -]{2,30}?\s*\(([A-Za-z]{5,})\)`)

// drugAlternatives returns what the synonym list says a drug's name
// stands for, by the name or by its stem (the list's keys are stems:
// "cefepim").
func drugAlternatives(drug string) [][]string {
	alts := synonymList()[strings.ToLower(drug)]
	if ws := codeset.Words(drug); len(alts) == 0 && len(ws) == 1 {
		alts = synonymList()[ws[0]]
	}
	return alts
}

// drugClassOf reports whether the synonym list names a drug missing from
// the drug table by the table entry that matched ("oxaliplatin" by
// "Antineoplastic").
func drugClassOf(drug, entry string) bool {
	alts := drugAlternatives(drug)
	// (the list's words are stems too: "hctz" is "hydrochlorothiazid")
	stem := ""
	if ws := codeset.Words(entry); len(ws) == 1 {
		stem = ws[0]
	}
	for _, alt := range alts {
		if len(alt) > 0 && (strings.EqualFold(alt[0], entry) || strings.EqualFold(alt[0]+"s", entry) || alt[0] == stem) {
			return true
		}
	}
	return false
}

// classInTitle reports whether every word of a class the synonym list
// gives the drug is in matched, a code's title.
func classInTitle(drug, matched string) bool {
	alts := drugAlternatives(drug)
	if len(alts) == 0 {
		return false
	}
	in := map[string]bool{}
	for _, w := range codeset.Words(matched) {
		in[w] = true
	}
	for _, alt := range alts {
		all := len(alt) > 0
		for _, w := range alt {
			all = all && in[w]
		}
		if all {
			return true
		}
	}
	return false
}

// moreCombinations applies combination conventions of single pairs:
// ureteral or kidney calculus with hydronephrosis is N13.2; BPH with lower
// urinary tract symptoms is N40.1; a "subsequent" myocardial infarction
// (I22) needs the note to say so, else it is the initial one (I21).
func moreCombinations(out []Suggestion, x *lookups, opt Options) []Suggestion {
	// A cachexia's anorexia named with it ("Cachexia/anorexia:
	// liberalize diet") is the cachexia's (R64), no R63.0 beside it.
	if i := firstWithPrefix(out, "R64"); i >= 0 {
		out = dropOnLine(out, opt.note, out[i], "R63.0")
	}
	// A symptom a diagnosis is said to be the source of is the
	// diagnosis's ("Endometrial polyp, source of postmenopausal
	// bleeding": N84.0 alone; Official Guidelines I.B.5); a condition is
	// kept ("Pyelonephritis, source of sepsis")
	out = slices.DeleteFunc(out, func(s Suggestion) bool {
		return symptomLike(s.Code) && sourceOfRe.MatchString(s.Evidence) &&
			slices.ContainsFunc(out, func(d Suggestion) bool {
				return d.Start < s.Start && !symptomLike(d.Code) && suggestionLine(opt.note, d) == suggestionLine(opt.note, s)
			})
	})
	// A symptom its own line says a coded condition causes is that
	// condition's ("3. Diarrhea - from thyrotoxicosis", "4.
	// Agitation/confusion - CNS manifestation of storm" beside E05.01)
	out = slices.DeleteFunc(out, func(s Suggestion) bool {
		if !hasAnyPrefix(s.Code, routineSymptoms...) {
			return false
		}
		rest := opt.note[s.End:lineEnd(opt.note, s.End)]
		m := symptomCauseRe.FindStringSubmatch(rest)
		if m == nil {
			return false
		}
		cause := strings.ToLower(m[1])
		cause = cause[:min(len(cause), 6)]
		return slices.ContainsFunc(out, func(d Suggestion) bool {
			return !symptomLike(d.Code) && d.Start != s.Start && (strings.Contains(strings.ToLower(d.Title), cause) || strings.Contains(strings.ToLower(d.Evidence), cause))
		})
	})
	// Symptoms listed in an aside after a condition are its signs
	// ("Influenza A with upper respiratory sx (cough, rhinorrhea)"),
	// unless its code asks for them ("use additional code for associated
	// symptoms": BPH with LUTS, N40.1 and N40.3)
	out = slices.DeleteFunc(out, func(s Suggestion) bool {
		if !symptomLike(s.Code) {
			return false
		}
		// (within the 200 bytes before it: an aside on its line)
		from := max(0, s.Start-200)
		open := strings.LastIndexByte(opt.note[from:s.Start], '(')
		if open < 0 {
			return false
		}
		open += from
		if strings.IndexByte(opt.note[open:s.Start], ')') >= 0 || strings.IndexByte(opt.note[open:s.Start], '\n') >= 0 {
			return false
		}
		return slices.ContainsFunc(out, func(d Suggestion) bool {
			return d.Start < open && d.End <= open+1 && open-d.End < 100 && !symptomLike(d.Code) && d.Code != "N40.1" && d.Code != "N40.3" && strings.IndexByte(opt.note[d.Start:open], '\n') < 0
		})
	})
	// A BPH with LUTS codes its urinary retention beside it ("use
	// additional code for associated symptoms"): the index's "Retention,
	// urine, specified NEC", R33.8, not the unspecified R33.9 — also when
	// one phrase names both ("Acute urinary retention secondary to BPH
	// with LUTS", read whole as N40.1)
	if i := firstWithPrefix(out, "N40.1", "N40.3"); i >= 0 {
		if j := firstWithPrefix(out, "R33.9"); j >= 0 && strings.Contains(strings.ToLower(out[j].Evidence), "retention") {
			recode(&out[j], "R33.8", "urinary retention with BPH", x, opt)
		} else if l := strings.ToLower(sentenceAround(opt.note, out[i].Start)); firstWithPrefix(out, "R33.") < 0 {
			if k := strings.Index(l, "retention"); k >= 0 && !clauseDenialRe.MatchString(l[:k]) {
				out = addBeside(out, out[i], "R33.8", "urinary retention with BPH", x, opt)
			}
		}
	}
	// A tumour of unspecified behaviour the pathology has since named
	// ("Bladder tumor" before the addendum's "urothelial carcinoma"): the
	// malignancy of its organ is coded, not D49.-.
	out = slices.DeleteFunc(out, func(s Suggestion) bool {
		if !strings.HasPrefix(s.Code, "D49.") || len(s.Code) < 5 {
			return false
		}
		return slices.ContainsFunc(out, func(c Suggestion) bool { return c.Code[0] == 'C' && unspecifiedBehaviourGroup(c.Code) == s.Code[4] })
	})
	// A hematoma beside an injury on its line is the injury's
	// ("Contusion R hip w/ soft tissue hematoma"), not the nontraumatic
	// M79.81.
	out = slices.DeleteFunc(out, func(s Suggestion) bool {
		return s.Code == "M79.81" && slices.ContainsFunc(out, func(o Suggestion) bool {
			return o.Code[0] == 'S' && suggestionLine(opt.note, o) == suggestionLine(opt.note, s)
		})
	})
	// Parkinsonism is a core feature of Lewy body disease: no G20.C
	// beside G31.83.
	if firstWithPrefix(out, "G31.83") >= 0 {
		out = slices.DeleteFunc(out, func(s Suggestion) bool { return s.Code == "G20.C" })
	}
	// An allergic reaction that is a drug's adverse effect coded on its
	// line is that adverse effect with its manifestation, not an
	// unspecified allergy (T78.4 Excludes1: an allergic reaction to a
	// correct medicinal substance properly administered, T36–T50 with 5)
	out = slices.DeleteFunc(out, func(s Suggestion) bool {
		return strings.HasPrefix(s.Code, "T78.4") && slices.ContainsFunc(out, func(o Suggestion) bool {
			return adverseEffectCode(o.Code) && suggestionLine(opt.note, o) == suggestionLine(opt.note, s)
		})
	})
	alcoholIntoxication(out, x, opt)
	// An Addisonian crisis holds the Addison disease it came in.
	if containsCode(out, "E27.2") {
		out = slices.DeleteFunc(out, func(s Suggestion) bool { return s.Code == "E27.1" || s.Code == "E27.40" })
	}
	// A pancytopenia's own cells named on its line ("chemotherapy-induced
	// pancytopenia (neutropenia, anemia and thrombocytopenia all at
	// nadir)") are the pancytopenia (D61.81-), not conditions of their own
	if i := firstWithPrefix(out, "D61.81"); i >= 0 {
		out = dropOnLine(out, opt.note, out[i], "D70.", "D69.6", "D69.59", "D64.9")
	}
	// A lung cancer of no lobe beside a mass its line puts in one ("Right
	// upper lobe lung mass, probable small cell lung carcinoma"): the
	// mass is the cancer, in that lobe (C34.11, not R91.8 and C34.91)
	if i := firstWithPrefix(out, "C34.9"); i >= 0 {
		line := suggestionLine(opt.note, out[i])
		if m := lobeNamedRe.FindStringSubmatch(line); m != nil {
			if code := lobeCancerCode(m); code != "" && recode(&out[i], code, "lung cancer in the lobe its line names", x, opt) {
				out = dropOnLine(out, opt.note, out[i], "R91.8")
			}
		}
	}
	// Leiomyomata of the uterus of several kinds on one line are each
	// coded ("Uterine leiomyomata - intramural and subserosal": D25.1 and
	// D25.2), the unspecified D25.9 giving way to them.
	if i := firstWithPrefix(out, "D25."); i >= 0 {
		line := strings.ToLower(suggestionLine(opt.note, out[i]))
		for _, k := range []struct{ word, code string }{{"submucos", "D25.0"}, {"intramural", "D25.1"}, {"subseros", "D25.2"}} {
			if strings.Contains(line, k.word) && !containsCode(out, k.code) {
				if out[i].Code == "D25.9" {
					recode(&out[i], k.code, "leiomyoma of the uterus by kind", x, opt)
				} else {
					out = addBeside(out, out[i], k.code, "leiomyoma of the uterus by kind", x, opt)
				}
			}
		}
	}
	// A dementia coded with its disturbance (F03.C2 "with psychotic
	// disturbance", F02.B11 "with agitation") names what an aside on its
	// line lists: "Severe dementia with psychotic disturbance (delusions)"
	// is no delusional disorder (F22) too, "agitation with physical
	// aggression (behavioral disturbance)" no conduct disorder (F91.9).
	var dementiaLines []string
	for _, d := range out {
		if len(d.Code) >= 6 && hasAnyPrefix(d.Code, "F01", "F02", "F03") && d.Code[5] >= '1' && d.Code[5] <= '4' {
			if l := suggestionLine(opt.note, d); l != "" {
				dementiaLines = append(dementiaLines, l)
			}
		}
	}
	out = slices.DeleteFunc(out, func(s Suggestion) bool {
		return hasAnyPrefix(s.Code, "F22", "F29", "F91.9") && slices.Contains(dementiaLines, suggestionLine(opt.note, s))
	})
	// A deep vein thrombosis its line calls a complication of the surgery
	// is coded with the complication of a vein following a procedure
	// (T81.72XA beside I82.412).
	if i := firstWithPrefix(out, "I82.4", "I82.5", "I82.6"); i >= 0 && firstWithPrefix(out, "T81.7") < 0 {
		if postopComplicationRe.MatchString(suggestionLine(opt.note, out[i])) {
			out = addBeside(out, out[i], "T81.72X"+string(opt.episode), "complication of a vein following a procedure", x, opt)
		}
	}
	// A seropositive rheumatoid arthritis its line gives a rheumatoid lung
	// disease is M05.1- at its sites ("…, multiple sites (hands, wrists,
	// feet) WITH rheumatoid lung disease (RA-ILD …)" is M05.19, not M05.79
	// beside an ILD)
	if i := firstWithPrefix(out, "M05.7", "M05.8", "M05.9"); i >= 0 {
		// (not one the line denies: "No rheumatoid lung disease: HRCT
		// negative for ILD")
		if l := suggestionLine(opt.note, out[i]); affirmedOnLine(opt.note, out[i], rheumatoidLungRe) != nil {
			code := "M05.10"
			if c := out[i].Code; len(c) > 5 && c[4] != '9' {
				code = "M05.1" + c[5:]
			}
			if recode(&out[i], code, "rheumatoid lung disease with rheumatoid arthritis", x, opt) {
				out = slices.DeleteFunc(out, func(s Suggestion) bool { return strings.HasPrefix(s.Code, "J84") && suggestionLine(opt.note, s) == l })
			}
		}
	}
	// A pleural effusion or pleurisy its line puts down to the lupus
	// coded is the lupus's lung involvement (M32.13: "Bilateral pleural
	// effusions, likely lupus serositis (pleuritis)").
	if firstWithPrefix(out, "M32.1") >= 0 && !containsCode(out, "M32.13") {
		for i := range out {
			if (out[i].Code == "J90" || out[i].Code == "R09.1") && lupusRe.MatchString(suggestionLine(opt.note, out[i])) &&
				recode(&out[i], "M32.13", "lupus with lung involvement", x, opt) {
				break
			}
		}
	}
	// An influenza with an otitis media is the influenza "with otitis
	// media" (J10.83, J11.83), not "with other respiratory
	// manifestations"; the otitis's own code stays beside it.
	if firstWithPrefix(out, "H65", "H66") >= 0 {
		for i := range out {
			if c := out[i].Code; (strings.HasPrefix(c, "J10.") || strings.HasPrefix(c, "J11.")) && (c[4:] == "1" || c[4:] == "89") {
				recode(&out[i], c[:4]+"83", "influenza with otitis media", x, opt)
			}
		}
	}
	// A toxic encephalopathy a drug caused is "due to drugs", G92.8 (the
	// index's "Encephalopathy, due to drugs"), not the unspecified G92.9.
	if i := firstWithPrefix(out, "G92.9"); i >= 0 && slices.ContainsFunc(out, func(s Suggestion) bool { return s.Code >= "T36" && s.Code < "T51" }) &&
		containsAny(strings.ToLower(lineOf(opt.note, out[i].Start)), "induced", "due to", "secondary to", "from", "toxicity", "neurotoxicity") {
		recode(&out[i], "G92.8", "toxic encephalopathy due to drugs", x, opt)
	}
	// (…also when an aside parts "toxic" from its encephalopathy, which
	// was then read unspecified: "toxic (opioid-induced) encephalopathy")
	if i := firstWithPrefix(out, "G93.40"); i >= 0 && firstWithPrefix(out, "G92") < 0 && slices.ContainsFunc(out, func(s Suggestion) bool { return s.Code >= "T36" && s.Code < "T51" }) &&
		toxicAsideRe.MatchString(opt.note[max(out[i].Start-60, 0):out[i].Start]+out[i].Evidence) {
		recode(&out[i], "G92.8", "toxic encephalopathy due to drugs", x, opt)
	}
	// A cirrhosis whose cause is coded is no longer unspecified: with NASH
	// it is "other cirrhosis of liver" (K74.69 beside K75.81).
	if i := firstWithPrefix(out, "K74.60"); i >= 0 && firstWithPrefix(out, "K75.81") >= 0 {
		recode(&out[i], "K74.69", "cirrhosis with its cause", x, opt)
	}
	// A diabetic nephropathy with the chronic kidney disease's stage coded
	// is the diabetes with chronic kidney disease ("CKD stage 3b due to
	// diabetic and hypertensive nephropathy": E11.22 with N18.32, not
	// E11.21 as well).
	for _, t := range []string{"E10", "E11", "E13"} {
		if i := firstWithPrefix(out, t+".21"); i >= 0 && firstWithPrefix(out, "N18") >= 0 {
			if containsCode(out, t+".22") {
				out = slices.Delete(out, i, i+1)
			} else {
				recode(&out[i], t+".22", "diabetes with chronic kidney disease", x, opt)
			}
		}
	}
	// A catheter-associated urinary infection is the catheter's infection
	// and the infection itself (T83.51- "use additional code to identify
	// infection": N39.0 for a urinary tract infection, site not specified)
	if i := firstWithPrefix(out, "T83.51"); i >= 0 && firstWithPrefix(out, "N39.0", "N30", "N10", "N11", "N12", "N34", "N41", "N45") < 0 {
		if l := strings.ToLower(out[i].Evidence + " " + lineAt(opt.note, out[i].Start)); wordIn(l, "uti") || wordIn(l, "cauti") || strings.Contains(l, "urinary tract infection") {
			out = addBeside(out, out[i], "N39.0", "infection of a catheter-associated urinary infection", x, opt)
		}
	}
	// A heparin-induced thrombocytopenia is the heparin's adverse effect
	// (D75.82- "use additional code for adverse effect, if applicable":
	// T45.515-), unless the note says the heparin was taken wrongly.
	// (so is a hemorrhagic disorder due to an anticoagulant, D68.32)
	if i := firstWithPrefix(out, "D75.82", "D68.32"); i >= 0 && !containsCodePrefix(out, "T45.51") && !misuseSaid(opt.note) {
		out = addBeside(out, out[i], "T45.515"+string(opt.drugEpisode()), "adverse effect of the anticoagulant", x, opt)
	}
	// "volume depletion and dehydration": the dehydration (E86.0), the
	// volume depletion's own kind, not the unspecified one
	if i := firstWithPrefix(out, "E86.9"); i >= 0 && !containsCode(out, "E86.0") && strings.Contains(strings.ToLower(sentenceAround(opt.note, out[i].Start)), "dehydrat") {
		recode(&out[i], "E86.0", "dehydration", x, opt)
	}
	// codes their line specifies:
	// - "Opioid use disorder, severe (IV fentanyl) with acute opioid
	//   withdrawal": a dependence whose line says its withdrawal is the
	//   dependence with withdrawal (F11.23), the aside having cut the item;
	// - "Erectile dysfunction due to escitalopram (SSRI) - adverse effect":
	//   a drug's erectile dysfunction is N52.2;
	// - "Obesity, pediatric, class 1 (BMI 97th %ile)": an obesity of no
	//   type whose line states its class is that class (E66.811);
	// - "Infant of diabetic mother (maternal GDM on insulin)": the mother's
	//   diabetes gestational, the newborn's syndrome is P70.0
	for i, s := range out {
		switch {
		case len(s.Code) == 6 && hasAnyPrefix(s.Code, "F11.20", "F12.20", "F14.20", "F15.20"):
			if withWithdrawalRe.MatchString(lineOf(opt.note, s.Start)) {
				recode(&out[i], s.Code[:5]+"3", "dependence with withdrawal", x, opt)
			}
		case s.Code == "N52.9":
			if drugInducedRe.MatchString(lineOf(opt.note, s.Start)) {
				recode(&out[i], "N52.2", "drug-induced erectile dysfunction", x, opt)
			}
		case s.Code == "E66.9":
			if code := obesityClassCode(lineAt(opt.note, s.Start)); code != "" {
				recode(&out[i], code, "class of obesity", x, opt)
			}
		case s.Code == "P70.1":
			if containsAny(strings.ToLower(lineOf(opt.note, s.Start)), "gestational", "gdm") {
				recode(&out[i], "P70.0", "infant of a mother with gestational diabetes", x, opt)
			}
		}
	}
	// a COPD the note calls emphysema is J43.- alone (J44 Excludes1
	// emphysema without chronic bronchitis)
	if firstWithPrefix(out, "J43") >= 0 {
		out = slices.DeleteFunc(out, func(s Suggestion) bool { return s.Code == "J44.9" })
	}
	if stone, hydro := firstWithPrefix(out, "N20"), firstWithPrefix(out, "N13.3"); stone >= 0 && hydro >= 0 {
		if recode(&out[stone], "N13.2", "calculus with hydronephrosis", x, opt) {
			out = append(out[:hydro], out[hydro+1:]...)
		}
	} else if stone >= 0 && out[stone].Code != "N20.2" {
		// "Right ureteral calculus (UVJ, 5 mm) with mild right
		// hydronephrosis": the hydronephrosis said on the stone's line
		if m := hydronephrosisRe.FindStringIndex(lineOf(opt.note, out[stone].Start)); m != nil && !negatedWithinRe.MatchString(lineOf(opt.note, out[stone].Start)[max(0, m[0]-12):m[0]]) {
			recode(&out[stone], "N13.2", "calculus with hydronephrosis", x, opt)
		}
	}
	if bph := firstWithPrefix(out, "N40.0"); bph >= 0 {
		ctx := strings.ToLower(out[bph].Evidence + " " + sentenceAround(opt.note, out[bph].Start))
		if !containsAny(ctx, "without", "denies", "asymptomatic") && !noLUTSRe.MatchString(ctx) && (firstWithPrefix(out, "R35", "R39.1", "R33", "R30") >= 0 ||
			containsAny(ctx, "luts", "lower urinary tract symptoms", "with urinary symptoms", "urinary retention", "with retention", "nocturia", "weak stream", "hesitancy", "incomplete emptying")) {
			recode(&out[bph], "N40.1", "BPH with lower urinary tract symptoms", x, opt)
		}
	}
	for i, s := range out {
		if !strings.HasPrefix(s.Code, "I22") || containsAny(strings.ToLower(s.Evidence+" "+sentenceAround(opt.note, s.Start)), "subsequent", "recurrent", "reinfarction", "re-infarction", "second mi", "new mi") {
			continue
		}
		ctx := strings.ToLower(s.Evidence + " " + sentenceAround(opt.note, s.Start))
		to := map[string]string{"I22.0": "I21.09", "I22.1": "I21.19", "I22.2": "I21.4", "I22.8": "I21.29", "I22.9": "I21.9"}[s.Code]
		// an artery named as one of two ("probable RCA vs dominant
		// LCx", "culprit not yet defined") is not the culprit
		unsure := containsAny(ctx, " vs ", " vs. ", "versus", "not yet defined", "undetermined", "unknown")
		switch {
		case unsure:
		case s.Code == "I22.1" && rcaNamedRe.MatchString(ctx):
			to = "I21.11"
		case s.Code == "I22.0" && ladNamedRe.MatchString(ctx):
			to = "I21.02"
		case s.Code == "I22.0" && containsAny(ctx, "left main"):
			to = "I21.01"
		}
		if to != "" {
			recode(&out[i], to, "initial myocardial infarction", x, opt)
		}
	}
	// (and an infarction the search put on the wall's "other" artery
	// whose artery the item names: "Acute anterior wall STEMI due to
	// proximal LAD occlusion" is I21.02)
	for i, s := range out {
		if s.Code != "I21.09" && s.Code != "I21.19" {
			continue
		}
		ctx := strings.ToLower(s.Evidence + " " + sentenceAround(opt.note, s.Start))
		if containsAny(ctx, " vs ", " vs. ", "versus", "not yet defined", "undetermined", "unknown") {
			continue
		}
		switch {
		case s.Code == "I21.19" && rcaNamedRe.MatchString(ctx):
			recode(&out[i], "I21.11", "infarction of the artery named", x, opt)
		case s.Code == "I21.09" && strings.Contains(ctx, "left main"):
			recode(&out[i], "I21.01", "infarction of the artery named", x, opt)
		case s.Code == "I21.09" && ladNamedRe.MatchString(ctx):
			recode(&out[i], "I21.02", "infarction of the artery named", x, opt)
		}
	}
	return out
}

// codedEach reports whether two codes of one category name conditions a
// record codes side by side, however one was found: each site's secondary
// neoplasm (C79.31 brain, C79.51 bone, C79.81 breast), each organ a lupus
// involves (M32.14 glomerular disease, M32.12 pericarditis), each site's
// tinea (B35.1 onychomycosis, B35.3 tinea pedis).
func codedEach(a, b Suggestion) bool {
	if a.Code == b.Code || len(a.Code) < 5 || len(b.Code) < 5 || a.Code[:3] != b.Code[:3] {
		return false
	}
	switch a.Code[:3] {
	case "C77", "C78", "C79":
		return true
	case "B35":
		// each site's dermatophytosis (B35.1 nails, B35.3 feet)
		return true
	case "M32":
		return strings.HasPrefix(a.Code, "M32.1") && strings.HasPrefix(b.Code, "M32.1") && a.Code != "M32.19" && b.Code != "M32.19"
	case "I25":
		// an ischemic cardiomyopathy beside the coronary atherosclerosis
		// (I25.5 with I25.10)
		return (a.Code == "I25.5") != (b.Code == "I25.5") && (strings.HasPrefix(a.Code, "I25.1") || strings.HasPrefix(b.Code, "I25.1"))
	}
	return false
}

// eyeSide returns the eye a title names, "right" or "left", or "".
func eyeSide(title string) string {
	t := strings.ToLower(title)
	switch {
	case strings.Contains(t, "right eye"):
		return "right"
	case strings.Contains(t, "left eye"):
		return "left"
	}
	return ""
}

// distinctInCategory reports whether two codes of one category name
// different conditions a note may hold together (I25.10 atherosclerosis and
// I25.2 old infarction): other subcategories, neither of them the
// category's unspecified or "other" code.
func distinctInCategory(a, b Suggestion) bool {
	general := func(s Suggestion) bool {
		t := strings.ToLower(s.Title)
		return len(s.Code) < 5 || s.Code[4] == '9' || s.Code[4] == '8' || strings.Contains(t, "unspecified") || strings.HasPrefix(t, "other ")
	}
	// each leg's peripheral atherosclerosis is coded ("L leg w ulceration
	// of heel", "R leg w intermittent claudication")
	if strings.HasPrefix(a.Code, "I70.2") && strings.HasPrefix(b.Code, "I70.2") && limbSide(a.Title) != limbSide(b.Title) {
		return true
	}
	// each eye's condition is coded when its stage differs ("Primary
	// open-angle glaucoma, RIGHT eye, MODERATE stage" H40.1112 and
	// "…, LEFT eye, MILD stage" H40.1121; a bilateral code exists only
	// for one stage in both)
	if eyeSide(a.Title) != "" && eyeSide(b.Title) != "" && eyeSide(a.Title) != eyeSide(b.Title) {
		return true
	}
	// a stroke's sequelae are its deficits, each coded (I69.320 aphasia
	// and I69.351 hemiparesis)
	if strings.HasPrefix(a.Code, "I69.") && strings.HasPrefix(b.Code, "I69.") && len(a.Code) >= 6 && len(b.Code) >= 6 && a.Code[5] != b.Code[5] {
		return true
	}
	// a stroke scale's score is no finding (R29.709 NIHSS 9 beside R29.810
	// facial weakness)
	if strings.HasPrefix(a.Code, "R29.7") != strings.HasPrefix(b.Code, "R29.7") {
		return true
	}
	// each pressure ulcer's site and side is its own (L89.613 right heel
	// beside L89.620 left heel)
	if a.Code[:3] == "L89" && len(a.Code) >= 6 && len(b.Code) >= 6 && a.Code[:6] != b.Code[:6] {
		return true
	}
	// an allergic rhinitis's causes are each coded (J30.1 pollen beside
	// J30.89 perennial), the unspecified J30.9 beside none
	if a.Code[:3] == "J30" && a.Code != "J30.9" && b.Code != "J30.9" && a.Code != b.Code {
		return true
	}
	// (the categories whose codes have no combination: R06.83 snoring
	// beside R06.81 apnea)
	if separateInCategory[a.Code[:3]] && a.Code != b.Code {
		return true
	}
	// each disorder of fluid, electrolytes and minerals is its own
	// (E87.5 hyperkalemia beside E87.70 fluid overload, E83.42
	// hypomagnesemia beside E83.39 hypophosphatemia)
	if (a.Code[:3] == "E87" || a.Code[:3] == "E83") && len(a.Code) >= 5 && len(b.Code) >= 5 && a.Code[:5] != b.Code[:5] {
		return true
	}
	// an old infarction is a condition of its own beside any other
	// (I25.2 with I25.119 atherosclerosis with unspecified angina)
	if old := func(s Suggestion) bool { return strings.HasPrefix(strings.ToLower(s.Title), "old ") }; old(a) != old(b) && len(a.Code) >= 5 && len(b.Code) >= 5 {
		return true
	}
	return len(a.Code) >= 5 && len(b.Code) >= 5 && a.Code[:5] != b.Code[:5] && !general(a) && !general(b)
}

// itemSpecific replaces an unspecified code by a sibling whose every word
// the item says ("Alzheimer's disease, late onset, moderate dementia":
// G30.1, not G30.9): the item is looked up whole and the first code of the
// same category that adds no unsaid word is taken.
func itemSpecific(r codeset.Result, item string, x *lookups, opt Options) codeset.Result {
	if !strings.Contains(strings.ToLower(r.Title), "unspecified") || len(r.Code) < 4 {
		return r
	}
	// what the item denies does not specify ("COPD, no current
	// exacerbation" is not COPD with exacerbation)
	// (nor what it says is over: "COPD, severe -- exacerbation resolved,
	// at baseline" is no COPD with exacerbation)
	item = resolvedSpanRe.ReplaceAllString(negatedSpanRe.ReplaceAllString(spineRegion(item, " region"), " "), " ")
	have := saidWords(item)
	for _, c := range x.Search(item, codeset.SearchOptions{Systems: []codeset.System{codeset.ICD10CM}, Date: opt.Date, Limit: 8, Phrase: 2}) {
		if c.Code == r.Code || !c.Billable || c.Code[:3] != r.Code[:3] || strings.Contains(strings.ToLower(c.Title), "unspecified") {
			continue
		}
		// the sibling must add words, and the item must say each of them
		// (a plural adds none: "Other iron deficiency anemias" adds
		// nothing to "Iron deficiency anemia, unspecified")
		base := map[string]bool{}
		for _, w := range titleWords(r.Title) {
			base[w] = true
		}
		added, said := 0, true
		for _, w := range titleWords(c.Title) {
			if base[w] || modifiers[w] || hasSimilar(base, w) {
				continue
			}
			if w == otherWord || !hasSimilar(have, w) {
				said = false
				break
			}
			added++
		}
		if said && added > 0 {
			c.Score, c.Source = r.Score, r.Source
			return c
		}
	}
	return r
}

// resolvedSpanRe is a feature an item says is over: "exacerbation
// resolved", "resolved exacerbation".
var resolvedSpanRe = regexp.MustCompile(`(?i)\b(?:(?:acute\s+)?(?:exacerbation|flare|infection)\s+(?:has\s+|now\s+)?resolved|resolved\s+(?:acute\s+)?(?:exacerbation|flare|infection))\b`)

// negatedSpanRe is a negation and the words it governs, to the next
// comma, semicolon or full stop.
var negatedSpanRe = regexp.MustCompile(`(?i)\b(?:no|not|without|w/o|denies|denied|negative for|free of|ruled out|unlikely)\b[^,;.]*`)

// recode gives a suggestion another code of the release, with its title
// and the rule that chose it, when that code is billable on the date.
func recode(s *Suggestion, code, rule string, x *lookups, opt Options) bool {
	r, ok := x.Code(codeset.ICD10CM, code, opt.Date)
	if !ok || !r.Billable {
		return false
	}
	s.Code, s.Title, s.Rule = code, r.Title, rule
	return true
}

// pick takes the best billable result. For an injury, poisoning or
// external cause the search may offer the category first: the first
// billable code for an initial encounter ("A") is taken, as the notes of
// an emergency visit or an admission describe active treatment.
func pick(rs []codeset.Result, minScore float64) (codeset.Result, bool) {
	if len(rs) == 0 || rs[0].Score < minScore {
		return codeset.Result{}, false
	}
	top := rs[0]
	// (a transplanted organ's or an amputation stump's complication has
	// no encounter character: "Kidney transplant rejection" is T86.11)
	if top.Billable && (!injury(top.Code) || strings.HasPrefix(top.Code, "T87.") || strings.HasPrefix(top.Code, "T86.") && strings.Contains(top.Title, "transplant")) {
		return top, true
	}
	// "Open comminuted fracture of left tibial shaft": a first result for
	// an initial encounter's open fracture (B, C), which its closed
	// sibling would contradict
	if top.Billable && top.Code[0] == 'S' && len(top.Code) == 8 && strings.ContainsAny(top.Code[7:], "BC") && strings.Contains(top.Title, "initial encounter for open fracture") {
		return top, true
	}
	for _, r := range rs {
		if r.Score < minScore*0.9 {
			break
		}
		if r.Billable && (!injury(r.Code) || strings.HasSuffix(r.Code, "A")) && sameFamily(top.Code, r.Code) {
			return r, true
		}
	}
	// "Malunion of right distal radius fracture": a closed fracture's
	// healing the phrase names (G, K, P; itemEpisode keeps it)
	if top.Billable && top.Code[0] == 'S' && len(top.Code) == 8 && strings.ContainsAny(top.Code[7:], "GKP") {
		return top, true
	}
	return codeset.Result{}, false
}

func injury(code string) bool { return code != "" && (code[0] == 'S' || code[0] == 'T') }

// heartFailureRe is the heart failure a hypertension combination names,
// with its acuity and type: "chronic systolic (HFrEF) heart failure",
// "acute on chronic diastolic congestive heart failure", "HFpEF".
var heartFailureRe = regexp.MustCompile(`(?i)\b(?:(?:acute on chronic|acute|chronic|decompensated)\s+)?(?:(?:combined\s+)?(?:systolic(?:\s+and\s+diastolic)?|diastolic)\s+)?(?:\((?:HF[rp]EF)\)\s+)?(?:\(?(?:congestive)\)?\s+)?heart failure\b|\b(?:(?:acute on chronic|acute|chronic)\s+)?HF[rp]EF\b`)

// heartFailureTypeRe is a heart failure's type.
var heartFailureTypeRe = regexp.MustCompile(`(?i)\b(?:systolic|diastolic|HF[rp]EF)\b`)

// typedHeartFailureRe is a heart failure with its type, "HF" for heart
// failure: "chronic systolic (HFrEF) HF".
var typedHeartFailureRe = regexp.MustCompile(`(?i)\b(?:(?:acute on chronic|acute|chronic|decompensated)\s+)?(?:(?:combined\s+)?(?:systolic(?:\s+and\s+diastolic)?|diastolic)\s+(?:\((?:HF[rp]EF)\)\s+)?(?:\(?(?:congestive)\)?\s+)?(?:heart failure|HF)\b|HF[rp]EF\b)`)

// heartFailureIn looks up the heart failure that s, an I11 or I13 code,
// was found from, as its own I50 code.
func heartFailureIn(s Suggestion, x *lookups, opt Options) (Suggestion, bool) {
	m := heartFailureRe.FindStringIndex(s.Evidence)
	if m == nil {
		return Suggestion{}, false
	}
	// "Hypertensive heart disease with heart failure / chronic systolic
	// (HFrEF) HF": a heart failure of no type in the evidence takes the
	// typed one its line goes on to name
	evidence, start := s.Evidence, s.Start
	if !heartFailureTypeRe.MatchString(evidence[m[0]:m[1]]) && s.End <= len(opt.note) {
		rest := opt.note[s.End:lineEnd(opt.note, s.End)]
		if t := typedHeartFailureRe.FindStringIndex(rest); t != nil {
			evidence, start, m = rest, s.End, t
		}
	}
	q := strings.NewReplacer("(", " ", ")", " ").Replace(evidence[m[0]:m[1]])
	rs := x.Search(q, codeset.SearchOptions{Systems: []codeset.System{codeset.ICD10CM}, Date: opt.Date, Limit: 3, Phrase: 2})
	if len(rs) == 0 || !strings.HasPrefix(rs[0].Code, "I50.") || !rs[0].Billable || rs[0].Score < opt.MinScore {
		return Suggestion{}, false
	}
	return Suggestion{System: codeset.ICD10CM, Code: rs[0].Code, Title: rs[0].Title, Confidence: min(1, rs[0].Score),
		Start: start + m[0], End: start + m[1], Evidence: evidence[m[0]:m[1]], Section: s.Section, Rule: "heart failure of a hypertension combination"}, true
}

// sameFamily keeps a substitute within the category the search put first.
func sameFamily(a, b string) bool { return len(a) >= 3 && len(b) >= 3 && a[:3] == b[:3] }

// combine applies the combination-code conventions the classification
// requires: hypertension with chronic kidney disease is I12, with heart
// failure I11, with both I13 (Official Guidelines I.C.9.a); the separate
// I10 is replaced.
func combine(out []Suggestion, x *lookups, opt Options) []Suggestion {
	out = ckdCauses(out, x, opt)
	out = hypertensiveHeartFailure(out, x, opt)
	has := func(prefix string) (int, bool) {
		i := firstWithPrefix(out, prefix)
		return i, i >= 0
	}
	// Coronary atherosclerosis with angina is one code (I.C.9.b): I25.10
	// with I20.0 is I25.110, with I20.8 I25.118, with I20.9 I25.119.
	if cad, ok := has("I25.10"); ok {
		for k, s := range out {
			code := map[string]string{"I20.0": "I25.110", "I20.1": "I25.111", "I20.8": "I25.118", "I20.81": "I25.118", "I20.89": "I25.118", "I20.9": "I25.119"}[s.Code]
			if code == "" {
				continue
			}
			if r, ok := x.Code(codeset.ICD10CM, code, opt.Date); ok && r.Billable {
				lo, hi := min(cad, k), max(cad, k)
				out[lo].Code, out[lo].Title, out[lo].Rule = code, r.Title, "atherosclerosis with angina"
				out[lo].Principal = out[lo].Principal || out[hi].Principal
				out = append(out[:hi], out[hi+1:]...)
			}
			break
		}
	}
	// …and a stable angina the item names is among the "other forms"
	// (I20.89), so CAD with it is I25.118, not the unspecified I25.119
	if i, ok := has("I25.119"); ok {
		if ev := strings.ToLower(out[i].Evidence); strings.Contains(ev, "stable angina") && !strings.Contains(ev, "unstable angina") {
			recode(&out[i], "I25.118", "atherosclerosis with stable angina", x, opt)
		}
	}
	// …whose code holds the angina: no angina code beside it ("Pre-
	// procedure diagnosis: Stable angina" before a post-procedure "CAD …
	// with stable angina pectoris")
	if containsCodePrefix(out, "I25.11") || containsCodePrefix(out, "I25.7") {
		out = slices.DeleteFunc(out, func(s Suggestion) bool { return strings.HasPrefix(s.Code, "I20.") })
	}
	// An infarction coded as current (I21, within its four weeks) is no
	// old one when the story dates it weeks back: "seen 3 weeks after his
	// hospitalization … for a non-ST elevation myocardial infarction"
	if containsCodePrefix(out, "I21") {
		out = slices.DeleteFunc(out, func(s Suggestion) bool { return s.Code == "I25.2" && recentInfarctRe.MatchString(s.Evidence) })
	}
	out = diabeticCKD(out, x, opt)
	out = diabetesWith(out, x, opt)
	out = diabeticUlcerSite(out, opt.note, x, opt)
	out = venousUlcerSite(out, opt.note, x, opt)
	out = padAxes(out, opt.note, x, opt)
	out = ulcerDepthNotCondition(out, opt.note)
	ulcerDepthOf(out, opt.note, x, opt)
	peripheralNeuropathy(out, opt.note, x, opt)
	out = dropUnspecifiedNeuropathy(out)
	out = combineBleeding(out, x, opt)
	out = identifiedInfluenza(out, x, opt)
	out = copdPneumonia(out, x, opt)
	salterHarris(out, opt.note, x, opt)
	fluVirusPneumonia(out, x, opt)
	out = osteoporoticFractures(out, opt.note, x, opt)
	out = alzheimerDementia(out, x, opt)
	dementiaSeverity(out, x, opt)
	out = dementiaInOtherDisease(out, x, opt)
	out = strokeSequelae(out, x, opt)
	dominantSide(out, x, opt)
	if containsCodePrefix(out, "I69") && !containsCodePrefix(out, "I63") {
		// a stroke with its sequelae coded is no history without
		// residual deficits (Z86.73 Excludes1 I69.-); (a new stroke's
		// deficits are current, and are no sequelae)
		out = slices.DeleteFunc(out, func(s Suggestion) bool { return s.Code == "Z86.73" })
	}
	out = correctedStage(out, x, opt)
	afibType(out, x, opt)
	out = moreCombinations(out, x, opt)
	out = varicesCause(out, x, opt)
	out = slidingScaleNotInfection(out, opt.note)
	out = organismNotPneumonia(out, opt.note)
	out = pressureInjurySites(out, x, opt)
	out = deliveryOutcome(out, x, opt)
	out = highRiskSupervision(out, x, opt)
	out = pregnancyCodes(out, x, opt)
	out = gestationalDiabetesControl(out, x, opt)
	falseLaborWeeks(out, x, opt)
	out = preexistingDiabetesType(out, x, opt)
	out = childbirthCodes(out, x, opt)
	out = puerperalDepression(out, x, opt)
	out = copdWithInfection(out, x, opt)
	out = dropUnspecifiedSite(out)
	colonPolyps(out, x, opt)
	out = preventiveVisit(out, x, opt)
	out = screeningExam(out, x, opt)
	out = orderedScreenings(out, opt)
	out = dnrStatus(out, x, opt)
	out = postoperativeIleus(out, x, opt)
	out = prostateSymptoms(out, opt.note, x, opt)
	wellExamFindings(out, x, opt)
	// Hypertension: I10, or an I11–I13 code the search found for a phrase
	// ("hypertensive heart and chronic kidney disease"); the combination
	// is decided from every code found, the others go.
	i10 := -1
	kept := out[:0]
	for _, s := range out {
		if s.Code == "I10" || strings.HasPrefix(s.Code, "I11") || strings.HasPrefix(s.Code, "I12") || strings.HasPrefix(s.Code, "I13") {
			if i10 >= 0 {
				kept[i10].Principal = kept[i10].Principal || s.Principal
				continue
			}
			i10 = len(kept)
		}
		kept = append(kept, s)
	}
	out = kept
	if i10 < 0 {
		return out
	}
	_, hasCKD := has("N18.")
	_, hasHF := has("I50.")
	if !hasHF && (out[i10].Code == "I11.0" || out[i10].Code == "I13.0" || out[i10].Code == "I13.2") {
		// "Hypertensive heart and chronic kidney disease with chronic
		// systolic (HFrEF) heart failure and CKD stage 3a": the search
		// read the combination, whose title says heart failure; its type
		// is coded beside it (I50.22), from the phrase's own words
		if hf, ok := heartFailureIn(out[i10], x, opt); ok {
			out = append(out, hf)
			hasHF = true
		}
	}
	stage5 := containsCode(out, "N18.5") || containsCode(out, "N18.6")
	code := ""
	switch {
	case hasCKD && hasHF && stage5:
		code = "I13.2"
	case hasCKD && hasHF:
		code = "I13.0"
	case hasCKD && stage5:
		code = "I12.0"
	case hasCKD:
		code = "I12.9"
	case hasHF:
		code = "I11.0"
	}
	if code == "" || out[i10].Code == code {
		// Without heart failure or kidney disease found, an I11–I13 code
		// stands as the search read the phrase.
		return out
	}
	out[i10].Code, out[i10].Rule = code, "hypertension combination"
	if r, ok := x.Code(codeset.ICD10CM, code, opt.Date); ok {
		out[i10].Title = r.Title
	}
	return out
}

var (
	type2Re = regexp.MustCompile(`(?i)\b(t2dm|dm2|dm ii|dm-?2|type (2|ii) (dm|diabet\w*)|t2 dm|niddm)\b`)
	type1Re = regexp.MustCompile(`(?i)\b(t1dm|dm1|type (1|i) (dm|diabet\w*)|iddm)\b`)
)

// ckdCauseRe is a chronic kidney disease put down to diabetes or
// hypertension by an adjective: "CKD stage 4 (diabetic and
// hypertensive)", "hypertensive CKD", "hypertension with CKD".
var ckdCauseRe = regexp.MustCompile(`(?i)\b(?:diabetic|hypertensive)(?:\s+and\s+(?:diabetic|hypertensive))?\s+(?:ckd|chronic kidney disease)\b|\bhypertension\s+(?:with|w/)\s+(?:ckd|chronic kidney disease)\b|\b(?:ckd|chronic kidney disease)(?:\s+stage\s+\w+)?\s*\((?:diabetic|hypertensive)(?:\s+and\s+(?:diabetic|hypertensive))?\)`)

// ckdCauses adds the hypertension (I10, which combine makes I12.-) or
// the diabetes (E11.9, or E10.9 where the note says type 1, which
// diabeticCKD makes E1x.22) a coded CKD is put down to by an adjective,
// when the note codes neither; without its type a diabetes is type 2
// (Official Guidelines I.C.4.a.2).
func ckdCauses(out []Suggestion, x *lookups, opt Options) []Suggestion {
	// (any of the stage's mentions: "Hypertension with chronic kidney
	// disease stage 3b" in the history, "hypertensive CKD stage 3b" in
	// the assessment)
	ckd, m := -1, ""
	for i, s := range out {
		if strings.HasPrefix(s.Code, "N18.") {
			if f := ckdCauseRe.FindString(s.Evidence); f != "" {
				ckd, m = i, f
				break
			}
		}
	}
	if ckd < 0 {
		return out
	}
	m = strings.ToLower(m)
	var add []string
	if strings.Contains(m, "hypertens") && !hasHypertension(out) {
		add = append(add, "I10")
	}
	if strings.Contains(m, "diabetic") && !slices.ContainsFunc(out, func(s Suggestion) bool { return s.Code >= "E08" && s.Code < "E14" }) {
		if type1Re.MatchString(opt.note) && !type2Re.MatchString(opt.note) {
			add = append(add, "E10.9")
		} else {
			add = append(add, "E11.9")
		}
	}
	for _, code := range add {
		if r, ok := x.Code(codeset.ICD10CM, code, opt.Date); ok && r.Billable {
			s := out[ckd]
			s.Code, s.Title, s.Rule, s.Principal = code, r.Title, "cause of chronic kidney disease", false
			out = append(out, s)
		}
	}
	return out
}

// hasHypertension reports whether out codes a hypertensive disease
// (I10–I16).
func hasHypertension(out []Suggestion) bool {
	return slices.ContainsFunc(out, func(s Suggestion) bool { return s.Code >= "I10" && s.Code < "I17" })
}

// hypertensiveHeartFailure adds the hypertension (I10, which combine
// makes I11.0 or I13.-) of a heart failure whose phrase calls the heart
// disease hypertensive ("hypertensive heart disease and chronic heart
// failure with preserved ejection fraction", read whole as I50.32), when
// the note codes no hypertension.
func hypertensiveHeartFailure(out []Suggestion, x *lookups, opt Options) []Suggestion {
	if hasHypertension(out) {
		return out
	}
	for _, s := range out {
		if strings.HasPrefix(s.Code, "I50.") && strings.Contains(asciiLower(s.Evidence), "hypertensive heart") {
			if r, ok := x.Code(codeset.ICD10CM, "I10", opt.Date); ok {
				s.Code, s.Title, s.Rule, s.Principal = "I10", r.Title, "cause of heart failure", false
				return append(out, s)
			}
		}
	}
	return out
}

// diabeticCKD applies the classification's "with" convention to diabetes
// and chronic kidney disease (Official Guidelines I.A.15, I.C.4.a.2): the
// two are linked unless the note says otherwise, so type 2 diabetes with
// a CKD stage is E11.22 plus the stage, not E11.9 — also when the search
// named only the stage for "T2DM w/ diabetic CKD stage 3a".
func diabeticCKD(out []Suggestion, x *lookups, opt Options) []Suggestion {
	ckd := -1
	for i, s := range out {
		if strings.HasPrefix(s.Code, "N18.") {
			ckd = i
			break
		}
	}
	if ckd < 0 {
		return out
	}
	code := ""
	for _, s := range out {
		switch {
		case strings.HasPrefix(s.Code, "E11."):
			code = "E11.22"
		case strings.HasPrefix(s.Code, "E10."):
			code = "E10.22"
		}
	}
	if ev := out[ckd].Evidence; code == "" {
		switch {
		case type2Re.MatchString(ev):
			code = "E11.22"
		case type1Re.MatchString(ev):
			code = "E10.22"
		}
	}
	if code == "" || containsCode(out, code) {
		return out
	}
	r, ok := x.Code(codeset.ICD10CM, code, opt.Date)
	if !ok || !r.Billable {
		return out
	}
	sg := Suggestion{System: codeset.ICD10CM, Code: code, Title: r.Title, Confidence: out[ckd].Confidence, Start: out[ckd].Start, End: out[ckd].End,
		Evidence: out[ckd].Evidence, Section: out[ckd].Section, Rule: "diabetes with chronic kidney disease"}
	// An unspecified diabetes code gives way to the combination.
	for i, s := range out {
		if s.Code == code[:3]+".9" || s.Code == code[:3]+".8" {
			sg.Principal = s.Principal
			out[i] = sg
			return out
		}
	}
	return append(out, sg)
}

func cat(code string) string {
	if len(code) < 3 {
		return code
	}
	return "cat:" + code[:3]
}

// fits rules out codes the patient's age and sex exclude, and those a
// note's words never justify.
func fits(code string, opt Options) bool {
	switch {
	case code == "":
		return false
	case code[0] == 'P' && opt.Age >= 1, strings.HasPrefix(code, "Z38") && opt.Age >= 1:
		// perinatal conditions and the liveborn infant codes are the
		// newborn's record, not the mother's
		return false
	case (code[0] == 'O' || strings.HasPrefix(code, "Z3A") || strings.HasPrefix(code, "Z37")) && (opt.Sex == 'M' || opt.infant || !opt.pregnancySaid()):
		// (nor for an infant: its delivery was its mother's; nor in a
		// note that says nothing of a pregnancy)
		return false
	case opt.Age >= 18 && (strings.HasPrefix(code, "F80.0") || strings.HasPrefix(code, "F80.1") || strings.HasPrefix(code, "F80.2")):
		// a developmental language disorder is not an adult's aphasia
		return false
	case opt.Age >= 18 && strings.HasPrefix(code, "Z00.12"), opt.Age > 0 && opt.Age < 18 && (strings.HasPrefix(code, "Z00.00") || strings.HasPrefix(code, "Z00.01")):
		// a child's routine examination is not an adult's, nor the
		// other way (an age of 0 may be an age not given)
		return false
	case code == "Y92.9" || code == "Y93.9" || code == "Y99.9":
		// the place, activity and status codes for "unspecified" are
		// not assigned when the note does not state them (Official
		// Guidelines I.C.20.b–d); a bare "Activity:" states none
		return false
	}
	return true
}

// otherSex turns a breast cancer code of the other sex into the
// patient's: the index's "Neoplasm, breast, malignant" is the female
// C50.91-, and a man's is C50.92- (not the skin of the breast the titles
// would give next).
func otherSex(r *codeset.Result, x *lookups, opt Options) {
	c := r.Code
	if opt.Sex == 0 || len(c) != 7 || !strings.HasPrefix(c, "C50.") {
		return
	}
	var want string
	switch {
	case opt.Sex == 'M' && c[5] == '1':
		want = c[:5] + "2" + c[6:]
	case opt.Sex == 'F' && c[5] == '2':
		want = c[:5] + "1" + c[6:]
	default:
		return
	}
	if e, ok := x.Code(codeset.ICD10CM, want, opt.Date); ok && e.Billable {
		r.Code, r.Title = want, e.Title
	}
}

func containsCode(out []Suggestion, code string) bool {
	for _, s := range out {
		if s.Code == code {
			return true
		}
	}
	return false
}

var (
	// treatedCancerRe is a cancer of the past said to be treated and
	// gone: "Prostate adenocarcinoma treated definitively in 2016; …
	// no evidence of disease" (Z85.46, Official Guidelines I.C.2.d)
	// adjuvantNowRe is a cancer's treatment that goes on: "currently on
	// adjuvant aromatase inhibitor", "on letrozole" — the cancer is
	// coded as current however clear the imaging (Guidelines I.C.2.d)
	adjuvantNowRe   = guard(`(?i)\b(?:(?:currently|now|still|remains?|continues?|continuing)\s+(?:on\s+)?adjuvant\b|on\s+adjuvant\b|(?:currently|now|still|remains?)\s+on\s+(?:letrozole|anastrozole|exemestane|tamoxifen|an aromatase inhibitor|aromatase inhibitor|endocrine therapy|hormonal therapy|trastuzumab))`, "adjuvant", " on ")
	treatedCancerRe = guard(`(?i)\b(?:cancer|carcinoma|adenocarcinoma|malignancy|lymphoma|melanoma|leuka?emia|sarcoma|seminoma)\b[^.]*\b(?:treated|resected|excised|completed|no evidence of disease|NED|cured|(?:19|20)\d\d)\b`, "cancer", "carcinoma", "malignan", "lymphoma", "melanoma", "leuk", "sarcoma", "seminoma")
	// cancerGoneRe says a cancer treated in the past has not come back:
	// the item is its history, not a current cancer
	cancerGoneRe    = regexp.MustCompile(`(?i)\b(?:no evidence of (?:recurrence|recurrent disease|disease|residual disease|malignancy)|NED|no (?:current|active) (?:therapy|treatment)|on no current therapy|in (?:complete )?remission|cancer[- ]free|disease[- ]free)\b`)
	explicitHistory = guard(`(?i)\b(history of|h/o|hx\b(?:\s+of\b)?|(?:prior|previous|remote|past)\s+(?:[a-z]+\s+){0,2}(?:cancer|carcinoma|malignancy|lymphoma|melanoma|leuka?emia|DVT|VTE|PE|pulmonary embol(?:ism|us|i)|deep vein thrombosis|venous thromboembolism))\b`, "history of", "h/o", "hx", "prior", "previous", "remote", "past")
	relatives       = regexp.MustCompile(`(?i)\b(family history of|family history|history of|h/o|in (his|her|the patient's)?\s*(mother|father|brother|sister|son|daughter|grandmother|grandfather|aunt|uncle|sibling|parents?)s?|(mother|father|brother|sister|son|daughter|grandmother|grandfather|aunt|uncle|sibling|parents?)(,| with| had| has)?|at \d+|age \d+|\(|\))`)
)

var (
	// kinJoinRe is what joined relatives named together, left at the
	// condition's start once they are taken out: "Mother and maternal
	// uncle w/ asthma".
	kinJoinRe = regexp.MustCompile(`(?i)^[\s,]*(?:(?:and|&|or)\s+)+(?:w/\s*)?`)
	kinFiller = regexp.MustCompile(`(?i)\b(maternal|paternal|both|also|have|has|had|with|a|an|the|diagnosed|died of|passed away from)\b`)
	condEnd   = regexp.MustCompile(`(?i)\s(at|age|aged|and|who|deceased|alive|since|when|after|following|remains?|remained|is now|in remission|treated|status post|s/p|in (?:his|her|their) \d+s|in (?:19|20)\d\d|per (?:chart|records?|report|patient|pt))\b|[,;]`)
	// surveillanceLead opens a visit's reason before the cancer treated:
	// "Encounter for surveillance after completed treatment of".
	surveillanceLead = regexp.MustCompile(`(?i)^\W*(?:(?:encounter|visit|here|seen) for\s+)?(?:(?:routine|scheduled|oncologic|cancer)\s+)?(?:surveillance|follow[- ]?up(?:\s+exam(?:ination)?)?)\s+(?:after|following)\s+(?:completed\s+|completion of\s+)?(?:treatment|therapy|resection|surgery)\s+(?:of|for)\s+`)
	// dashCut ends a personal history's condition at a dash: "H/o
	// nephrolithiasis - remote, no stones"
	dashCut = regexp.MustCompile(`\s[-–—]+\s`)
)

// gestationalDiabetesWordRe names a diabetes: "gestational DM", "GDM".
var gestationalDiabetesWordRe = regexp.MustCompile(`(?i)\b(?:diabet\w*|gdm|dm)\b`)

// drugInducedKinds recodes a condition a drug's adverse effect on its
// line caused to the kind the drug makes it: a hypotension, orthostatic
// too, is "due to drugs", I95.2 ("Orthostatic hypotension due to
// tamsulosin"); a drug-induced parkinsonism an antipsychotic caused is
// neuroleptic induced, G21.11 ("Drug-induced parkinsonism due to
// haloperidol"), not G21.19; a hypothyroidism is due to medicaments,
// E03.2 ("Hypothyroidism, probably amiodarone-induced").
func drugInducedKinds(out []Suggestion, x *lookups, opt Options) {
	for i := range out {
		c := out[i].Code
		if c != "I95.1" && c != "I95.89" && c != "I95.9" && c != "G21.19" && c != "E03.9" {
			continue
		}
		line := suggestionLine(opt.note, out[i])
		caused := func(prefixes ...string) bool {
			return slices.ContainsFunc(out, func(s Suggestion) bool {
				return adverseEffectCode(s.Code) && hasAnyPrefix(s.Code, prefixes...) && suggestionLine(opt.note, s) == line
			})
		}
		switch {
		case c == "G21.19" && caused("T43.3", "T43.4", "T43.5"):
			recode(&out[i], "G21.11", "neuroleptic induced parkinsonism", x, opt)
		case c == "E03.9" && caused("T"):
			recode(&out[i], "E03.2", "hypothyroidism due to medicaments", x, opt)
		case c != "G21.19" && c != "E03.9" && caused("T"):
			recode(&out[i], "I95.2", "hypotension due to drugs", x, opt)
		}
	}
}

// adverseEffectCode reports whether a code is a drug's adverse effect
// (T36–T50 with a 6th character 5).
func adverseEffectCode(c string) bool {
	return len(c) >= 7 && c[0] == 'T' && c >= "T36" && c < "T51" && c[6] == '5'
}

// toxicAsideRe is a toxic encephalopathy whose drug stands in an aside
// between the two words: "toxic (opioid-induced) encephalopathy".
var toxicAsideRe = regexp.MustCompile(`(?i)\btoxic\s*\([^()]{1,40}\)\s*encephalopathy$`)

// familyTable maps a relative's condition to its Z80–Z84 code: the
// classification groups family history by body system ("History, family,
// malignant neoplasm, digestive organ"), which a note names by organ.
var familyTable = func() []struct {
	re   *regexp.Regexp
	code string
} {
	rows := []struct{ words, code string }{
		{`(colon|colorectal|rectal|bowel|stomach|gastric|pancreatic|liver|esophageal|gallbladder|bile duct|biliary|duodenal|anal)\s+(cancer|(?:adeno)?carcinoma|malignancy|ca\b)`, "Z80.0"},
		{`(lung|bronchial)\s+(cancer|(?:adeno)?carcinoma|ca\b)`, "Z80.1"},
		{`breast\s+(cancer|(?:adeno)?carcinoma|ca\b)`, "Z80.3"},
		{`ovar(ian|y)\s+(cancer|(?:adeno)?carcinoma|ca\b)|cancer of the ovary`, "Z80.41"},
		{`prostate\s+(cancer|(?:adeno)?carcinoma|ca\b)`, "Z80.42"},
		{`testicular\s+(cancer|(?:adeno)?carcinoma|ca\b)`, "Z80.43"},
		{`(uterine|endometrial|cervical|vulvar|vaginal)\s+(cancer|(?:adeno)?carcinoma|ca\b)`, "Z80.49"},
		{`(kidney|renal)\s+(cell\s+)?(cancer|(?:adeno)?carcinoma)`, "Z80.51"},
		{`bladder\s+(cancer|(?:adeno)?carcinoma|ca\b)`, "Z80.52"},
		{`melanoma|skin\s+cancer|(brain|thyroid|bone)\s+(cancer|tumou?r|carcinoma|malignancy)|(papillary|follicular|medullary|anaplastic)\s+(thyroid\s+)?(cancer|carcinoma)`, "Z80.8"},
		{`leuk[ae]mia`, "Z80.6"},
		{`lymphoma|myeloma`, "Z80.7"},
		{`adenomatous (?:colon(ic)? )?polyps?|tubular adenomas?|(?:colon(ic)? )?adenomas?|serrated (?:colon(ic)? )?polyps?`, "Z83.710"},
		{`colon(ic)? polyps?`, "Z83.719"},
		{`sudden cardiac death`, "Z82.41"},
		{`myocardial infarction|heart attack|\bmi\b|coronary|ischemic heart|\bcad\b`, "Z82.49"},
		{`stroke|cerebrovascular`, "Z82.3"},
		{`diabetes|\bt1dm\b`, "Z83.3"},
		{`migraine|epilepsy|seizures?|multiple sclerosis|parkinson|alzheimer|lewy bod|huntington|amyotrophic lateral sclerosis`, "Z82.0"},
		{`asthma|copd|emphysema`, "Z82.5"},
		{`pulmonary fibrosis|\bipf\b|interstitial lung disease`, "Z83.6"},
		{`hypercholesterol|hyperlipid|dyslipid`, "Z83.438"},
		// (an inherited clotting disorder is of the blood, Z83.2; a
		// relative's venous thrombosis or embolism, I26/I82, is of the
		// circulatory system, Z82.49)
		{`factor v leiden|thrombophilia|clotting disorders?|clotting|hypercoagulab|prothrombin gene|antithrombin|protein [cs] deficiency`, "Z83.2"},
		{`clots?|thrombosis|dvt|pulmonary embol|thromboembol|\bvte\b`, "Z82.49"},
		{`depression|bipolar|schizophrenia|anxiety`, "Z81.8"},
		{`alcohol`, "Z81.1"},
		// (a relative's opioid or other drug use disorder is "other
		// psychoactive substance abuse and dependence", not alcohol's)
		{`opioid|heroin|cocaine|methamphetamine|fentanyl|(?:drug|substance)\s+(?:use|abuse|addiction|dependence)|iv drug|intravenous drug`, "Z81.3"},
		{`osteoporosis`, "Z82.62"},
		{`glaucoma`, "Z83.511"},
		{`polycystic kidney|\b(?:ad|ar)?pkd\b`, "Z82.71"},
		{`(kidney|renal) (disease|failure)|dialysis`, "Z84.1"},
		{`sickle cell|\bh(?:b|gb) ?s[sc]\b|hemophilia|an[ae]mia|hereditary angioedema|\bhae\b|immunodeficiency`, "Z83.2"},
		{`hearing loss|deafness`, "Z82.2"},
		{`rheumatoid arthritis|\bra\b|(?:psoriatic|inflammatory) arthritis`, "Z82.61"},
		{`lupus|\bsle\b|scleroderma|sj[oö]gren|connective tissue disease`, "Z82.69"},
	}
	var out []struct {
		re   *regexp.Regexp
		code string
	}
	for _, r := range rows {
		out = append(out, struct {
			re   *regexp.Regexp
			code string
		}{regexp.MustCompile(`(?i)` + r.words), r.code})
	}
	return out
}()

// personalCancerTable gives the Z85 code of a past cancer by the words
// notes name its organ with, more specific rows first.
var personalCancerTable = func() (out []struct {
	re   *regexp.Regexp
	code string
}) {
	for _, r := range []struct{ words, code string }{
		{`rect(al|um)|anal canal`, "Z85.048"},
		{`colon|colorectal|sigmoid|cecum|cecal|ascending|descending|transverse|hepatic flexure|splenic flexure`, "Z85.038"},
		{`esophag`, "Z85.01"},
		{`stomach|gastric`, "Z85.028"},
		{`pancrea`, "Z85.07"},
		{`liver|hepatocellular`, "Z85.05"},
		{`lung|bronch`, "Z85.118"},
		{`breast|ductal|lobular carcinoma`, "Z85.3"},
		{`prostat`, "Z85.46"},
		{`testic`, "Z85.47"},
		{`ovar`, "Z85.43"},
		{`endometri|uter(ine|us)`, "Z85.42"},
		{`cervi(x|cal)`, "Z85.41"},
		{`bladder|urothelial`, "Z85.51"},
		{`kidney|renal cell`, "Z85.528"},
		{`thyroid`, "Z85.850"},
		{`melanoma`, "Z85.820"},
		{`basal cell|squamous cell carcinoma of (the )?skin|skin cancer`, "Z85.828"},
		{`hodgkin`, "Z85.71"},
		{`lymphoma`, "Z85.72"},
	} {
		out = append(out, struct {
			re   *regexp.Regexp
			code string
		}{regexp.MustCompile(`(?i)\b(?:` + r.words + `)`), r.code})
	}
	return out
}()

// personalCancerCode returns the Z85 code of a cancer's title by
// personalCancerTable, or "".
func personalCancerCode(title string) string {
	for _, h := range personalCancerTable {
		if h.re.MatchString(title) {
			return h.code
		}
	}
	return ""
}

// priorLead is the word that makes a condition past: "Prior breast
// cancer", "remote melanoma".
var priorLead = regexp.MustCompile(`(?i)^\W*(?:prior|previous|remote|past)\s+`)

// historyCode looks up the Z code for a family or personal history.
// noHistoryRe is a history that says there is none to code.
var noHistoryRe = regexp.MustCompile(`(?i)^\W*(noncontributory|non-contributory|unremarkable|negative|none|unknown|adopted|n/a|not pertinent|reviewed|no pertinent)\b`)

func historyCode(x *lookups, text, reason string, opt Options) (Suggestion, bool) {
	// "| Relative | Condition | Age at dx |": a table's header row
	if tableHeaderRe.MatchString(text) {
		return Suggestion{}, false
	}
	cond := text
	// "Family history of colorectal cancer in a first-degree relative":
	// the condition follows "history of"
	if m := historyOfRe.FindStringIndex(cond); m != nil && m[1] < len(cond) {
		// ("…, no personal history of colon polyps": the history denied)
		if deniedBeforeHistoryRe.MatchString(cond[:m[0]]) {
			return Suggestion{}, false
		}
		cond = cond[m[1]:]
	}
	// "s/p laparoscopic R hemicolectomy 2019 for stage II adenocarcinoma
	// of the ascending colon": the cancer the operation was for, not the
	// operation
	if reason == "history" && !cancerWordRe.MatchString(cond[:max(0, strings.Index(asciiLower(cond), " for "))]) {
		if m := operatedForCancerRe.FindStringSubmatchIndex(cond); m != nil {
			cond = cond[m[2]:m[3]]
		}
	}
	// "Encounter for surveillance after completed treatment of sigmoid
	// colon cancer - NED": the cancer the treatment was for
	if m := surveillanceLead.FindStringIndex(cond); m != nil && m[1] < len(cond) {
		cond = cond[m[1]:]
	}
	cond = relatives.ReplaceAllString(cond, " ")
	cond = kinFiller.ReplaceAllString(cond, " ")
	// ("Mother and maternal uncle w/ asthma": what joined the relatives)
	cond = kinJoinRe.ReplaceAllString(cond, "")
	// "Prior breast cancer remains in remission": the cancer
	cond = priorLead.ReplaceAllString(cond, "")
	// "Father had a myocardial infarction at age 49 and coronary bypass":
	// the condition ends where the ages, the outcome or the next one begin
	// (a lead-in after that is another sentence's: "…, no evidence of
	// disease").
	if m := condEnd.FindStringIndex(cond); m != nil && m[0] > 0 && countLetters(cond[:m[0]]) >= 4 {
		cond = cond[:m[0]]
	}
	// (so is one after a dash: "breast cancer - no evidence of
	// recurrence")
	if m := dashCut.FindStringIndex(cond); m != nil && reason != "family history" && countLetters(cond[:m[0]]) >= 5 {
		cond = cond[:m[0]]
	}
	if m := leadIn.FindStringIndex(cond); m != nil && m[1] < len(cond) {
		cond = cond[m[1]:]
	}
	if m := condEnd.FindStringIndex(cond); m != nil && m[0] > 0 {
		cond = cond[:m[0]]
	}
	// ("provoked DVT (post-TKA)": the aside is the condition's detail,
	// also when the cut above left it open)
	if t := strings.TrimSpace(openAsideRe.ReplaceAllString(cond, " ")); countLetters(t) >= 3 {
		cond = t
	}
	cond = strings.Join(strings.Fields(cond), " ")
	cond = strings.Trim(cond, " ,.;:")
	if countLetters(cond) < 2 || countLetters(text) < 4 || noHistoryRe.MatchString(cond) || noHistoryRe.MatchString(text) || deniedHistoryRe.MatchString(text) {
		return Suggestion{}, false
	}
	// "Depression screen PHQ-2: 0. Alcohol AUDIT-C: 3" below the family
	// history: the patient's screening scores, no relative's condition
	if reason == "family history" && (screeningScoreRe.MatchString(text) || familyDoubtRe.MatchString(text) || strings.HasPrefix(strings.TrimSpace(text), `"`)) {
		// (…nor a relative's condition the patient is unsure of,
		// or her words quoted: "Maternal aunt - ovarian cancer? (pt
		// unsure; \"female cancer\")")
		return Suggestion{}, false
	}
	if reason == "family history" {
		for _, f := range familyTable {
			if f.re.MatchString(cond) {
				// (a relative's asthma or COPD bears on a child's wheeze,
				// and is coded for a child; not for an adult)
				if f.code == "Z82.5" && opt.Age >= 18 {
					return Suggestion{}, false
				}
				if r, ok := x.Code(codeset.ICD10CM, f.code, opt.Date); ok && r.Billable {
					return Suggestion{System: codeset.ICD10CM, Code: f.code, Title: r.Title, Confidence: 0.85, Rule: "family history"}, true
				}
			}
		}
	}
	// "Hx healed L scaphoid fracture": a past fracture is traumatic
	// unless the note says osteoporotic (Z87.310) or pathological
	if reason == "history" && fractureWordRe.MatchString(cond) && !containsAny(strings.ToLower(cond), "osteopor", "fragility", "patholog", "stress") {
		if r, ok := x.Code(codeset.ICD10CM, "Z87.81", opt.Date); ok && r.Billable {
			return Suggestion{System: codeset.ICD10CM, Code: r.Code, Title: r.Title, Confidence: 0.85, Rule: "personal history"}, true
		}
	}
	// ("Personal hx of healed osteoporotic fracture (L distal radius
	// 2022)": Z87.310, whose title says "osteoporosis fracture")
	if reason == "history" && fractureWordRe.MatchString(cond) && containsAny(strings.ToLower(cond), "osteopor", "fragility") && !containsAny(strings.ToLower(cond), "stress", "patholog") {
		if r, ok := x.Code(codeset.ICD10CM, "Z87.310", opt.Date); ok && r.Billable {
			return Suggestion{System: codeset.ICD10CM, Code: r.Code, Title: r.Title, Confidence: 0.85, Rule: "personal history"}, true
		}
	}
	// "Recent pneumococcal pneumonia with septic shock - resolved": a
	// past pneumonia, whatever its organism or its sepsis
	if reason == "history" && pneumoniaWordRe.MatchString(cond) && !strings.Contains(strings.ToLower(cond), "pneumonitis") {
		if r, ok := x.Code(codeset.ICD10CM, "Z87.01", opt.Date); ok && r.Billable {
			return Suggestion{System: codeset.ICD10CM, Code: r.Code, Title: r.Title, Confidence: 0.85, Rule: "personal history"}, true
		}
	}
	// "Hx MRSA skin abscess": a past MRSA infection, whatever its site
	if reason == "history" && mrsaRe.MatchString(cond) {
		if r, ok := x.Code(codeset.ICD10CM, "Z86.14", opt.Date); ok && r.Billable {
			return Suggestion{System: codeset.ICD10CM, Code: r.Code, Title: r.Title, Confidence: 0.85, Rule: "personal history"}, true
		}
	}
	// (a carcinoma or melanoma in situ is no past cancer: its history is
	// Z86.00-, which the search finds by the titles' words)
	if reason == "history" && cancerWordRe.MatchString(cond) && !inSituRe.MatchString(cond) {
		// a past cancer by the organ a note names it for ("sigmoid
		// adenocarcinoma s/p colectomy" is Z85.038), where the titles'
		// words would not find it
		if code := personalCancerCode(cond); code != "" {
			if r, ok := x.Code(codeset.ICD10CM, code, opt.Date); ok && r.Billable {
				return Suggestion{System: codeset.ICD10CM, Code: code, Title: r.Title, Confidence: 0.85, Rule: "personal history"}, true
			}
		}
	}
	// (no history code has a side: "right lower extremity DVT" is a
	// history of DVT; nor a place it was acquired or a control)
	cond = strings.Join(strings.Fields(acquiredRe.ReplaceAllString(historySideRe.ReplaceAllString(cond, " "), " ")), " ")
	q, lo, hi, rule := "personal history of "+cond, "Z85", "Z87~", "personal history"
	if reason == "family history" {
		q, lo, hi, rule = "family history of "+cond, "Z80", "Z84~", "family history"
	}
	rs := x.Search(q, codeset.SearchOptions{Systems: []codeset.System{codeset.ICD10CM}, Date: opt.Date, Limit: 5})
	for _, r := range rs {
		// (a personal history of cancer for a condition no cancer:
		// "History of perianal abscess" is not Z85.048)
		if strings.HasPrefix(r.Code, "Z85") && !cancerWordRe.MatchString(cond) {
			continue
		}
		// (nor is a gestational hypertension's history the gestational
		// diabetes's Z86.32, which holds the word "gestational")
		if r.Code == "Z86.32" && !gestationalDiabetesWordRe.MatchString(cond) {
			continue
		}
		// "Other specified conditions" is where a weak match lands
		// ("father died of pneumonia at 88"); only a strong one counts.
		// (a relative's "other specified condition", Z84.89, the
		// training writers never code: its matches were "mom
		// comfortable", a label "FHx")
		// (nor the patient's own, Z87.898, for a past operation or a
		// resolved finding: "Remote h/o appendectomy", "h/o
		// transaminitis (resolved)")
		if (strings.HasSuffix(r.Code, ".89") || strings.HasSuffix(r.Code, ".898")) && r.Score < 0.8 || r.Code == "Z84.89" || r.Code == "Z87.898" {
			continue
		}
		// nor does "Personal history of malignant neoplasm, unspecified"
		// for a cancer the note names by a site the titles do not
		// ("sigmoid adenocarcinoma")
		if r.Code == "Z85.9" && r.Score < 0.7 {
			continue
		}
		// (a healed fracture is osteoporotic only when the note says so:
		// "h/o L ankle fracture 2012, healed" is no Z87.310)
		if r.Code == "Z87.310" && !containsAny(strings.ToLower(cond), "osteopor", "fragility") {
			continue
		}
		// (a personal history outside Z85–Z87: falls Z91.81, trauma and
		// self-harm Z91.4–Z91.5, medical treatment Z92)
		inRange := r.Code >= lo && r.Code <= hi || rule == "personal history" && r.Code >= "Z91.4" && r.Code <= "Z92~"
		if r.Billable && inRange && r.Score >= opt.MinScore {
			return Suggestion{System: codeset.ICD10CM, Code: r.Code, Title: r.Title, Confidence: min(1, r.Score), Rule: rule}, true
		}
	}
	return Suggestion{}, false
}

// pneumoniaWordRe names a pneumonia.
var pneumoniaWordRe = regexp.MustCompile(`(?i)\bpneumonias?\b|\b(?-i:CAP|HCAP)\b`)

// maternalScreeningRe is a child's visit screening a parent.
var maternalScreeningRe = regexp.MustCompile(`(?i)\b(?:maternal|paternal|parental|caregiver)\b[^.;:]{0,30}\bscreening\b`)

// acquiredRe is where a past infection was acquired.
var acquiredRe = regexp.MustCompile(`(?i)\b(?:community|hospital|healthcare|ventilator)[- ](?:acquired|associated)\b`)

// historySideRe is a side in a past condition's words.
var historySideRe = regexp.MustCompile(`(?i)\b(?:right|left|bilateral|R|L)\b`)

var ckdRe = regexp.MustCompile(`(?i)\b(ckd|chronic kidney disease)\b(?:.*?\bstage\s*G?|\s*G?)(1|2|3a|3b|3|4|5)\b|\b(esrd|end[- ]stage renal disease)\b`)

// ckdStage returns the N18 code for a stage of chronic kidney disease
// named in text, or "".
func ckdStage(text string) string {
	m := ckdRe.FindStringSubmatch(text)
	if m == nil {
		return ""
	}
	if m[3] != "" {
		return "N18.6"
	}
	return map[string]string{"1": "N18.1", "2": "N18.2", "3": "N18.30", "3a": "N18.31", "3b": "N18.32", "4": "N18.4", "5": "N18.5"}[strings.ToLower(m[2])]
}

// feverCauses are the infections a fever is part of.
var feverCauses = []string{"A40", "A41", "J18", "N39", "R50.81", "H65", "H66", "J01", "J02", "J03", "J04", "J06", "J09", "J10", "J11", "J12",
	"J13", "J14", "J15", "J16", "J20", "J21", "J22", "A08", "A09", "B34", "N10", "N30", "L03"}

// integral lists symptom codes that are not coded beside a definitive
// diagnosis that accounts for them (Official Guidelines I.B.5).
var integral = map[string][]string{
	"R73.":   {"E08", "E09", "E10", "E11", "E13"},           // hyperglycemia in diabetes
	"R09.02": {"J96"},                                       // hypoxemia in respiratory failure
	"R06.0":  {"J96", "I50"},                                // dyspnea
	"R07.9":  {"I21", "I20", "I25.11"},                      // chest pain in a coronary syndrome
	"R50.9":  feverCauses,                                   // fever with an infection, or coded with its cause
	"E87.1":  {"E22.2", "O21.1"},                            // hyponatremia in SIADH (or in a hyperemesis with metabolic disturbance)
	"R80.":   {"E08.2", "E09.2", "E10.2", "E11.2", "E13.2"}, // albuminuria in diabetic kidney disease
	"E78.1":  {"E78.2"},                                     // high triglycerides in a mixed hyperlipidemia
	"R06.83": {"J35.", "G47.33"},                            // snoring with enlarged tonsils and adenoids, or sleep apnea
	"E88.81": {"E11"},                                       // insulin resistance in type 2 diabetes
	"R06.89": {"J96"},                                       // hypercapnia in respiratory failure
	"E03.9":  {"E89.0", "E06.3"},                            // hypothyroidism beside the postprocedural hypothyroidism or the Hashimoto thyroiditis it is
	"R10.3":  {"K35", "K36", "K37"},                         // right lower quadrant pain in appendicitis
	// the ketones, acidosis and high glucose of a diabetic ketoacidosis
	"R82.4": {"E08.1", "E09.1", "E10.1", "E11.1", "E13.1", "O21.1"},
	// the dehydration, electrolyte imbalance and ketosis of a hyperemesis
	// gravidarum "with metabolic disturbance" (O21.1's inclusion terms)
	"E86.":   {"O21.1"},
	"E87.6":  {"O21.1"},
	"E87.2":  {"E08.1", "E09.1", "E10.1", "E11.1", "E13.1"},
	"E10.65": {"E10.1"},
	"E11.65": {"E11.1"},
	"E13.65": {"E13.1"},
	// a sepsis of unspecified organism beside one the note names ("AKI
	// secondary to sepsis" after "Sepsis due to Streptococcus pneumoniae")
	"A41.9": {"A40", "A41.0", "A41.1", "A41.2", "A41.3", "A41.4", "A41.5", "A41.8"},
	// the hives, bronchospasm, wheezing and swelling of an anaphylaxis,
	// and the food allergy status its food-named code already says
	"L50.":   {"T78.0", "T78.2", "T88.6"},
	"J98.01": {"T78.0", "T78.2", "T88.6"},
	"R06.2":  {"T78.0", "T78.2", "T88.6"},
	"T78.3":  {"T78.0", "T78.2", "T88.6"},
	"Z91.01": {"T78.0"},
	// an unspecified lower respiratory infection is the pneumonia coded
	"J22": {"J12", "J13", "J14", "J15", "J16", "J18", "J69"},
	// a cirrhosis the note calls alcoholic elsewhere
	"K74.6": {"K70.3", "K70.4"},
	// the pus and bacteria in the urine of a urinary infection
	"R82.81": {"N39.0", "N30", "N10", "N11", "N12", "N34", "T83.51"},
	"R82.71": {"N39.0", "N30", "N10", "N11", "N12", "N34", "T83.51"},
	"R82.79": {"N39.0", "N30", "N10", "N11", "N12", "N34", "T83.51"},
	// an abnormal coagulation profile of a coagulopathy coded (D68.32 for
	// a warfarin-associated coagulopathy with bleeding)
	"R79.1": {"D68", "D65"},
	// the adhesions an obstruction by adhesions already names (K56.5-
	// "Intestinal adhesions [bands] with obstruction")
	"K66.0": {"K56.5"},
	// the headache of a migraine or other headache syndrome, or of a
	// pre-eclampsia with severe features (one of them)
	"R51.9": {"G43", "G44", "O14.1", "O14.2", "O11.4", "O11.5", "O15"},
	// the steatosis of a fatty liver
	"E88.89": {"K70.0", "K76.0", "K75.81"},
	// a fatty liver beside the alcoholic fatty liver it is
	"K76.0": {"K70.0"},
	// the hallucinations and disorientation of a delirium
	"R44.":  {"F05", "F10.231", "F10.121", "F10.221", "F10.921", "F13.231", "F19.231"},
	"R41.0": {"F05", "F10.231", "F10.121", "F10.221", "F10.921", "F13.231", "F19.231"},
	// the ascites a cirrhosis "with ascites" code already says
	// (K74.6-, other cirrhosis, has no "with ascites" code: its ascites is
	// coded beside it)
	"R18.8": {"K70.31", "K70.11", "K70.41", "K71.51"},
	// an anemia named bare beside the anemia coded by its kind
	"D64.9": {"D50", "D51", "D52", "D53", "D55", "D56", "D57", "D58", "D59", "D60", "D61", "D62", "D63", "O99.0"},
	// a malignancy named bare beside the primary cancer coded
	"C80.1": {"C0", "C1", "C2", "C3", "C4", "C5", "C6", "C70", "C71", "C72", "C73", "C74", "C75", "C76", "C7A", "C81", "C82", "C83", "C84", "C85", "C86", "C88", "C9"},
	// the dysuria and flank pain of a pyelonephritis or urinary infection
	"R30.0": {"N10", "N30", "N39.0"},
	"R10.A": {"N10", "N20", "N13"},
	// alcohol use beside the alcohol use disorder coded
	"Z72.89": {"F10"},
	// a pathological fracture named bare beside the osteoporotic one
	// coded (M84.4- excludes M80.-)
	"M84.4": {"M80"},
	// varices named bare beside the esophageal varices coded (not the
	// legs' varicose veins, I83.9-), and a cellulitis named bare beside
	// the one coded by its site
	"I83.9":  {"I85", "I86.4"},
	"L03.90": {"L03.0", "L03.1", "L03.2", "L03.3", "L03.8", "H05.01", "H05.02", "H60.1", "J34.0", "K12.2", "N48.2", "T81.4"},
	// a bacteremia beside the sepsis coded (R78.81 excludes it)
	"R78.81": {"A40", "A41", "A02.1", "A22.7", "A26.7", "A32.7", "A42.7", "B37.7", "O85", "T81.44"},
	// a delivery "uncomplicated" beside the pregnancy's complications
	// coded (O80 is for a delivery with none)
	"O80": {"O0", "O1", "O20", "O21", "O22", "O23", "O24", "O25", "O26", "O28", "O29", "O3", "O4", "O6", "O7", "O85", "O86", "O87", "O88", "O9"},
	// the embolism of a stroke coded as due to embolism
	"I74.9": {"I63.1", "I63.4"},
	// a viral pneumonia that is the influenza's own (J10.0-, J11.0-)
	"J12.9": {"J10.0", "J11.0", "J10.1", "J11.1"},
	// the leukocytosis of an infection, and an infection named bare
	// beside the one coded
	"D72.82": feverCauses,
	"B99.9":  feverCauses,
	// a rheumatoid arthritis named bare beside the seropositive one coded
	"M06.9": {"M05"},
	// a seizure of the epilepsy coded
	"R56.9": {"G40"},
	// the deficits of a transient ischemic attack, which resolve
	"R47.0":  {"G45"},
	"R29.81": {"G45"},
	"R20.":   {"G45"},
	"R27.":   {"G45"},
	// a depression named bare beside the depressive disorder coded
	"F32.A": {"F32.0", "F32.1", "F32.2", "F32.3", "F32.4", "F32.5", "F32.8", "F32.9", "F33", "F31", "F34.1", "F53", "F06.3"},
	// the tremor, sweats, nausea and anxiety of an alcohol withdrawal
	"R25.1": {"F10.23", "F10.13", "F10.93"},
	"R00.0": {"F10.23", "F10.13", "F10.93"},
	"R61":   {"F10.23", "F10.13", "F10.93"},
	"F41.9": {"F10.23", "F10.13", "F10.93"},
	// the diarrhea and vomiting of a gastroenteritis or colitis coded
	"R19.7": {"A0", "K50", "K51", "K52", "K58.0"},
	"R11.":  {"A0", "K52", "F10.23", "F10.13", "F10.93"},
	// a sickle-cell disease "without crisis" beside its crisis coded
	"D57.1": {"D57.0", "D57.21", "D57.41", "D57.81"},
	// the hyperuricemia of a gout
	"E79.0": {"M10", "M1A"},
	// an organ's transplant status beside its transplant's complication
	// (T86.1- holds the kidney transplant)
	"Z94.0": {"T86.1"},
	"Z94.1": {"T86.2"},
	"Z94.4": {"T86.4"},
	"Z94.2": {"T86.81"},
	// the myoglobin in the urine of a rhabdomyolysis ("ATN from
	// myoglobinuria" beside it)
	"R82.1": {"M62.82", "T79.6"},
	// the anorexia, weight loss and muscle wasting a cachexia of its
	// cause is ("cancer-associated cachexia (anorexia, 14 kg loss,
	// muscle wasting)")
	"R63.0": {"E88.A"},
	"R63.4": {"E88.A"},
	"M62.5": {"E88.A"},
	// "hypoxic-ischemic (anoxic) brain injury": the brain injury of an
	// anoxic brain damage, not an unspecified intracranial injury
	"S06.9": {"G93.1"},
	// the agitation a dementia "with agitation" code already says
	"R45.1": {"F01.A11", "F01.B11", "F01.C11", "F02.A11", "F02.B11", "F02.C11", "F03.A11", "F03.B11", "F03.C11", "F01.511", "F02.811", "F03.911"},
}

// inducedPsychosisKind gives a substance-induced psychotic disorder of
// unspecified kind (F1x.x59) the kind its line says, hallucinations
// (.x51) before delusions (.x50), and drops the delusional disorder (F22)
// and the hallucinations (R44.-) read from the same line, which are that
// psychosis's ("with methamphetamine-induced psychotic disorder —
// prominent auditory hallucinations and persecutory delusions": F15.251
// alone).
func inducedPsychosisKind(out []Suggestion, note string, x *lookups, opt Options) []Suggestion {
	var psychoses []Suggestion
	for i, s := range out {
		if len(s.Code) != 7 || !strings.HasPrefix(s.Code, "F1") || !strings.HasSuffix(s.Code, "59") {
			continue
		}
		line := strings.ToLower(suggestionLine(note, s))
		switch {
		case strings.Contains(line, "hallucinat") && !strings.Contains(line, "no hallucinat"):
			recode(&out[i], s.Code[:5]+"51", "induced psychosis with hallucinations", x, opt)
		case strings.Contains(line, "delusion") && !strings.Contains(line, "no delusion"):
			recode(&out[i], s.Code[:5]+"50", "induced psychosis with delusions", x, opt)
		}
		psychoses = append(psychoses, out[i])
	}
	for _, s := range psychoses {
		out = dropOnLine(out, note, s, "F22", "R44.")
	}
	return out
}

// cardiacCauses are the heart's conditions a cardiac arrest named on
// their line is due to: infarctions, ischemic heart disease,
// cardiomyopathy, heart block, arrhythmias, heart failure.
var cardiacCauses = []string{"I21", "I22", "I24", "I25", "I42", "I44", "I45", "I47", "I48", "I49", "I50"}

// arrestCause codes a cardiac arrest whose line also names a condition of
// the heart ("Out-of-hospital cardiac arrest, ventricular fibrillation,
// due to #1") as due to an underlying cardiac condition (I46.2, not
// I46.9): the index's "Arrest, cardiac, due to underlying cardiac
// condition".
func arrestCause(out []Suggestion, note string, x *lookups, opt Options) {
	i := slices.IndexFunc(out, func(s Suggestion) bool { return s.Code == "I46.9" })
	if i < 0 {
		return
	}
	line := suggestionLine(note, out[i])
	for _, o := range out {
		if slices.Contains(cardiacCauses, o.Code[:min(3, len(o.Code))]) && suggestionLine(note, o) == line {
			recode(&out[i], "I46.2", "cardiac arrest of a cardiac cause", x, opt)
			return
		}
	}
}

// occasionalUseRe says a substance's use is occasional, or no disorder.
// (not a "Social:" heading the line opens with)
var occasionalUseRe = regexp.MustCompile(`(?i)\b(?:occasional(?:ly)?|rare(?:ly)?|socially|social (?:drinker|drinking|use|user|smoker)|no (?:substance )?use disorder|not a use disorder)\b`)

// occasionalUse reports whether s is a substance's use, unspecified and
// uncomplicated (F1x.90), that its line calls occasional or no disorder
// ("Cannabis: occasional use, no use disorder - counseled only"): use
// alone is coded only when it bears on a condition (Official Guidelines
// I.C.5.b.3).
func occasionalUse(s Suggestion, note string) bool {
	return len(s.Code) == 6 && strings.HasPrefix(s.Code, "F1") && strings.HasSuffix(s.Code, ".90") && occasionalUseRe.MatchString(lineOf(note, s.Start))
}

// cachexiaCauseRe is a cachexia its words give a cause: "cancer
// cachexia", "cancer-associated cachexia", "cardiac cachexia", "cachexia
// due to metastatic disease".
var cachexiaCauseRe = regexp.MustCompile(`(?i)\b(?:cancer|cancer[- ](?:associated|related)|malignan(?:t|cy)[- ](?:associated|related)|tumou?r[- ]?(?:associated|related)?|cardiac|disease[- ](?:associated|related))\s+cachexia\b|\bcachexia\s+(?:due to|secondary to|from|of|related to|associated with|in the setting of|driven by)\s+\w`)

// cachexiaCause codes a cachexia the note says is due to an underlying
// condition (anywhere: "… and cancer cachexia" in the assessment, "3.
// Cachexia/anorexia: liberalize diet" in the plan) as the wasting disease
// of that condition (E88.A, FY2025 on), which R64 excludes; the FY2017
// index knows only R64.
func cachexiaCause(out []Suggestion, note string, x *lookups, opt Options) {
	i := slices.IndexFunc(out, func(s Suggestion) bool { return s.Code == "R64" })
	if i >= 0 && cachexiaCauseRe.MatchString(note) {
		recode(&out[i], "E88.A", "cachexia of an underlying condition", x, opt)
	}
}

func dropIntegral(out []Suggestion) []Suggestion {
	kept := out[:0]
	for _, s := range out {
		drop := false
		for sym, defs := range integral {
			if strings.HasPrefix(s.Code, sym) {
				for _, o := range out {
					for _, d := range defs {
						if strings.HasPrefix(o.Code, d) {
							drop = true
						}
					}
				}
			}
		}
		if !drop {
			kept = append(kept, s)
		}
	}
	return kept
}

// procedures suggests ICD-10-PCS codes for the items of a procedure
// section ("PROCEDURE: Laparoscopic appendectomy"). PCS codes are built,
// not looked up, so these are candidates: the workbench offers each
// through the PCS builder, at its table, for the coder to confirm the
// approach, device and qualifier.
func procedures(note string, s section, x *lookups, opt Options, have []Suggestion) []Suggestion {
	var out []Suggestion
	so := codeset.SearchOptions{Systems: []codeset.System{codeset.ICD10PCS}, Date: opt.Date, Limit: 3}
	for _, it := range items(note, s) {
		text := note[it.start:it.end]
		if negatedRe.MatchString(text) {
			continue
		}
		rs := x.Search(text, so)
		if len(rs) == 0 || !rs[0].Billable || rs[0].Score < pcsMinScore {
			continue
		}
		r := rs[0]
		if containsCode(have, r.Code) || containsCode(out, r.Code) {
			continue
		}
		out = append(out, Suggestion{System: codeset.ICD10PCS, Code: r.Code, Title: r.Title, Confidence: min(1, r.Score),
			Start: it.start, End: it.end, Evidence: text, Section: sectionKindNames[s.kind], Rule: "pcs from operative note"})
	}
	return out
}

// pcsMinScore keeps PCS candidates to items whose words name the root
// operation and the body part.
const pcsMinScore = 0.6

// answer is a phrase's lookup, kept for the rest of the note: notes
// restate their diagnoses (history, assessment, discharge list).
type answer struct {
	r  codeset.Result
	ok bool
}

// answers are the lookups of one note. Each is kept twice: by the words
// searched, which several texts can come to, and by the text of the note
// they were read from, which an item's parts and the note's restatements
// bring back, so the rewrites that turn a text into its words run once.
// The concepts of a whole item are kept too, by the item's text.
type answers struct {
	byQuery map[string]answer
	byText  map[string]answer
	byItem  map[string][]concept // positions from the item's start
}

func newAnswers() *answers {
	return &answers{byQuery: map[string]answer{}, byText: map[string]answer{}, byItem: map[string][]concept{}}
}

// concepts returns findConcepts(x, note, it, opt, memo), read once for
// each item text. A note restates its diagnoses word for word (the
// assessment, the discharge diagnoses, the summary's problem list), and
// findConcepts reads the note only inside the item, through positions
// relative to it, with options that hold for the whole note: an item of
// the same text names the same concepts, moved to where it stands.
func (memo *answers) concepts(x *lookups, note string, it item, opt Options) []concept {
	text := note[it.start:it.end]
	rel, done := memo.byItem[text]
	if !done {
		cs := findConcepts(x, note, it, opt, memo)
		rel = make([]concept, len(cs))
		for i, c := range cs {
			c.start -= it.start
			c.end -= it.start
			rel[i] = c
		}
		memo.byItem[text] = rel
	}
	out := make([]concept, len(rel))
	for i, c := range rel {
		c.start += it.start
		c.end += it.start
		out[i] = c
	}
	return out
}

// concept is a phrase of an item that names a code.
type concept struct {
	r          codeset.Result
	start, end int  // the phrase in the note: the suggestion's evidence
	prose      bool // found inside a prose sentence (proseSpans)
}

var (
	// leadIn is the narrative before the condition: "72-year-old man
	// admitted with", "presents with", "found to have".
	leadIn = guard(`(?i)^.*?\b((?:final |discharge |working )?diagnos[ie]s (?:for|of|at) (?:this|today'?s) (?:visit|encounter|admission|stay) (?:are|is|were|was|include)(?: the)?|(?:final |discharge |working |principal |primary )?diagnosis (?:is|was)(?: an?| the)?|(?:my |our |the )?(?:assessment|impression)(?: today)? is(?: an?| the)?|(?:the )?source(?: of (?:the )?(?:infection|sepsis|bacteremia))? (?:is|was)(?: an?| the)?|(?:contributing factors|comorbidities|other problems|active problems|other issues) (?:include|includes|are)|treated (?:this|it|her|him) as|(?:precipitated|triggered|provoked) by|admitted|presents?|presented|presenting|seen|evaluated|treated|here|returns?|found to have|diagnosed with|(?:confident|certain|convinced|satisfied|sure) that|we diagnosed|i diagnosed|consistent with|diagnosis of|evidence of|episode of|together with|along with|accompanied by|(?:with|and) associated|in an? (?:\d+[- ]year[- ]old\s+)?(?:patient|pt|woman|man|female|male|child|gentleman|lady)|(?:maternal |patient |parental )?reports? of)( with| for| to have| of)?\s+`, "diagnoses", "diagnosis is", "diagnosis was", "assessment", "impression", "source", "contributing", "comorbidities", "problems", "issues", "admitted", "present", "seen", "evaluated", "treated", "here", "return", "found to have", "diagnosed", "that", "consistent with", "diagnosis of", "evidence of", "episode of", "together with", "along with", "accompanied by", "associated", "precipitated", "triggered", "provoked", "in a", "report")
	// summaryLead is the lead-in of a prose assessment before the
	// condition: "My assessment is that Ms. Galloway-Strunk has", "In
	// summary, Mr. Lee has an", "Putting this together, she has".
	summaryLead = guard(`(?i)^\W*(?:my (?:assessment|impression|diagnosis) is(?: that)?|in summary|in sum|to summarize|in short|(?:putting|taking) (?:this|it|these|everything|all of this) together|taken together)\b,?\s+(?:(?:[a-z][\w'-]*\.?\s+){0,3}?(?:has|have|had|is having|suffers? from|represents?)|(?:this|it) (?:is|represents))\s+(?:(?:an?|the)\s+)?`,
		"assessment", "impression", "diagnosis", "summar", "in sum", "in short", "together")
	// diagnosedLead is the author's "we diagnosed" before a condition.
	diagnosedLead = regexp.MustCompile(`(?i)^\W*(?:we|i)\s+(?:have\s+|then\s+)?diagnosed\s+(?:(?:him|her|the patient)\s+with\s+)?`)
	// tailOut is where the narrative after a condition begins: "Obstructive
	// sleep apnea on CPAP", "Hypertension, controlled on lisinopril".
	tailOut = guard(`(?i)\s(on (?:home |nightly |chronic )?(?:cpap|bipap|oxygen|insulin|metformin|lisinopril|[a-z]+ \d)|on\s|treated|managed|requiring|which|that|who|was|were|is|are|has|have|had|will|continued?|started|improved|improving|resolved|given|per|now|currently|since|noted|seen|confirmed|diagnosed|as evidenced|reflects?|reflected|removed|predates?|predated|antedates?|preceded)\b`, " removed", " predate", " antedate", " preceded", " on", " treated", " managed", " requiring", " which", " that", " who", " was", " were", " is", " are", " has", " have", " had", " will", " continue", " started", " improv", " resolved", " given", " per", " now", " currently", " since", " noted", " seen", " confirmed", " diagnosed", " as evidenced", " reflect")
	// segmentSep separates the parts of an item: the condition, then its
	// details ("Persistent atrial fibrillation: rate controlled…"), and
	// the conditions a plus joins ("ulcer with necrosis of bone + acute
	// osteomyelitis + cellulitis"). Every separator holds one of the
	// guard's characters; most short items ("Essential hypertension")
	// hold none.
	segmentSep = guard(`[:;()]|,\s|\s+(?:-+|–|—|->|/|\+)\s+`, ":", ";", "(", ")", ",", "-", "–", "—", "/", "+")
	// connector joins a condition to its cause or circumstance: "atrial
	// fibrillation with rapid ventricular response", "SIADH from small
	// cell lung cancer". When the whole phrase names no code, the words
	// before it are looked up alone.
	connector = regexp.MustCompile(`(?i)\s(with|w/|due to|d/t|from|secondary to|2/2|in (?:the )?setting of|complicated by|triggered by|precipitated by|provoked by|caused by|after|following|during|on|in)\s`)
	// abbreviations coders read without thinking; the encoder's synonym
	// list holds the conditions, these are the joining words.
	shorthand = strings.NewReplacer(
		// preeclampsia "without severe features" is the index's "mild
		// to moderate" (O14.0-), not severe (O14.1-)
		"without severe features", "mild to moderate", "w/o severe features", "mild to moderate", "Without severe features", "mild to moderate",
		// a wound "w/o FB" is without foreign body (S61.21-), not with it
		"w/o FB", "without foreign body", "without FB", "without foreign body", "w/ FB", "with foreign body", "with FB", "with foreign body",
		"w/o ", "without ", "W/O ", "without ", "w/ ", "with ", "W/ ", "with ", "w/", "with ", "2/2 ", "due to ", " & ", " and ",
		// "an acute exacerbation of his COPD"
		" of his ", " of ", " of her ", " of ", " of their ", " of ",
		// "type 1 diabetes mellitus presenting in diabetic ketoacidosis"
		" presenting in ", " with ", " presenting with ", " with ", " presented in ", " with ", " presented with ", " with ",
		"d/t ", "due to ", "D/T ", "due to ", "c/w ", "consistent with ", "b/l ", "bilateral ", "B/L ", "bilateral ", " bilat ", " bilateral ", "Bilat ", "Bilateral ",
		"hypoxic respiratory failure", "respiratory failure with hypoxia", "hypoxemic respiratory failure", "respiratory failure with hypoxia",
		"hypercapnic respiratory failure", "respiratory failure with hypercapnia", "hypercarbic respiratory failure", "respiratory failure with hypercapnia",
		// ICD-10-CM has one aphasia (R47.01) whatever its kind, and
		// indexes hemiparesis under hemiplegia.
		"expressive aphasia", "aphasia", "receptive aphasia", "aphasia", "global aphasia", "aphasia", "nonfluent aphasia", "aphasia",
		"Expressive aphasia", "Aphasia", "Receptive aphasia", "Aphasia", "Global aphasia", "Aphasia",
		"hemiparesis", "hemiplegia", "Hemiparesis", "Hemiplegia",
		// arteries and organisms notes abbreviate
		" MCA ", " middle cerebral artery ", " ACA ", " anterior cerebral artery ", " PCA ", " posterior cerebral artery ",
		" ICA ", " internal carotid artery ",
		"Pseudomonas aeruginosa", "Pseudomonas", "pseudomonas aeruginosa", "pseudomonas", "P. aeruginosa", "Pseudomonas",
		"H. flu ", "Haemophilus influenzae ", "H flu ", "Haemophilus influenzae ", "H. influenzae", "Haemophilus influenzae", " ATN", " acute tubular necrosis")
	// clinicalWord is a word notes shorten that the code set spells out.
	clinicalWord  = guard(`(?i)\b(fx|fxs|lac|pna|exac)\b`, "fx", "lac", "pna", "exac")
	clinicalWords = map[string]string{"fx": "fracture", "fxs": "fractures", "lac": "laceration", "pna": "pneumonia", "exac": "exacerbation"}
	// side is the L or R of "L forearm", "R ankle".
	side = regexp.MustCompile(`\b([LR])\s+([A-Za-z1-5])`)
	// measurement is a part that reports a value, not a condition:
	// "EF 60-65%", "Cr peak 2.6", "2 L NC". Each match holds a digit or a
	// comparison, which most parts lack.
	measurement = guard(`(?i)\d\s*(%|mg|ml|l\b|kg|lb|mmhg|cm|mm|u\b|units?\b)|\b(ef|cr|bnp|a1c|hba1c|wbc|hr|bp|spo2|sat|egfr|gfr|ldl|na|k|hgb|inr|plt|temp|t|bmi|wt|weight|glucose|lactate|troponin|trop|creatinine|tsh)\b[^a-z]*\d|[<>=]`, "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "<", ">", "=")
)

// conditionWordInRe is a word of a part that names a condition, whatever
// values the part reports beside it.
var conditionWordInRe = regexp.MustCompile(`(?i)\b[a-z]+(?:uria|emia|aemia|itis|osis|algia|pathy|penia|cytosis|plegia|paresis|megaly|ectasis|oma)\b|\b(?:disease|disorder|syndrome|failure|injury|insufficiency|deficiency|infection|fracture|obesity|overweight|diabetes|hypertension)\b`)

// deniedLeadRe is a part that opens by denying: "no factor V Leiden".
var deniedLeadRe = regexp.MustCompile(`(?i)^\W*(?:no|without|w/o|negative for)\s`)

// withoutListRe is a part that opens a list of what the condition is
// without: "Acute appendicitis without perforation", "no bleeding".
var withoutListRe = guard(`(?i)\b(?:without|w/o|no)\s+\w+`, "without", "w/o", "no ")

// differentialListRe is a part that opens a differential's list, which
// is no diagnosis: "differential includes peptic stricture, Schatzki
// ring, eosinophilic esophagitis, or motility disorder".
var differentialListRe = guard(`(?i)\b(?:differential(?:\s+diagnosis)?(?:\s+[a-z]+){0,3}?\s+(?:includes?|included)|ddx(?:\s+includes?)?\s*:?)\s+\w+`, "differential", "ddx")

// saysWithoutToo reports whether a title's "without" clause holds a word
// of a part that says what the condition is without.
func saysWithoutToo(part, title string) bool {
	t := strings.ToLower(title)
	k := strings.Index(t, "without ")
	if k < 0 {
		return false
	}
	t = t[k:]
	for _, w := range strings.Fields(strings.ToLower(part))[1:] {
		if w = strings.Trim(w, ",;.()"); len(w) >= 4 && strings.Contains(t, w) {
			return true
		}
	}
	return false
}

// memberLeads open the last member of a list, or a cause a part names
// after its condition was cut off ("… (PaO2 49) caused by an acute
// exacerbation of his COPD").
var memberLeads = []string{"and", "&", "caused by", "due to", "secondary to", "triggered by", "precipitated by"}

// memberLead returns the length of the lead (memberLeads, with the spaces
// around it and an article after it) that t opens with, or 0. (A prefix
// test, not a regexp: trim runs it on every part.)
func memberLead(t string) int {
	// word reports whether t has w at i, followed by a space
	word := func(i int, w string) bool {
		return len(t)-i > len(w) && strings.EqualFold(t[i:i+len(w)], w) && isSpace(t[i+len(w)])
	}
	i := skipSpace(t, 0)
	// "likely secondary to GERD": the hedge is the part's context, read
	// apart (an inpatient's uncertain cause is coded as if established)
	for _, h := range [...]string{"most likely", "more likely", "likely", "probably", "possibly", "presumably"} {
		if word(i, h) {
			if k := skipSpace(t, i+len(h)); word(k, "due to") || word(k, "secondary to") || word(k, "caused by") {
				i = k
			}
			break
		}
	}
	for _, l := range memberLeads {
		if word(i, l) {
			k := skipSpace(t, i+len(l))
			for _, a := range [...]string{"an", "a", "the"} {
				if word(k, a) {
					return skipSpace(t, k+len(a))
				}
			}
			return k
		}
	}
	return 0
}

// metastasesToRe is an organ's metastases and the sites "to" which they
// went (group 1: up to "metastases").
var metastasesToRe = regexp.MustCompile(`(?i)^(\s*(?:bone|osseous|brain|liver|hepatic|lung|pulmonary|adrenal|nodal|lymph node|peritoneal)\s+metasta(?:sis|ses|tic disease))\s+(?:to|in|involving)\s`)

// withoutDenyingAsides returns an item without its parenthetical asides
// that deny: "Neonatal jaundice (nonphysiologic causes excluded, no
// hemolysis)" specifies no cause.
func withoutDenyingAsides(item string) string {
	for {
		open := strings.IndexByte(item, '(')
		if open < 0 {
			return item
		}
		closing := strings.IndexByte(item[open:], ')')
		if closing < 0 {
			closing = len(item) - open
		} else {
			closing++
		}
		if !asideDeniesRe.MatchString(item[open : open+closing]) {
			return item
		}
		item = item[:open] + item[open+closing:]
	}
}

// asideDeniesRe is an aside that denies or excludes what it names.
var asideDeniesRe = regexp.MustCompile(`(?i)\b(?:excluded|ruled out|no|not|negative|without)\b`)

// withoutOrRe is a "without" list of two joined by "or" that runs to the
// end of its text.
var withoutOrRe = regexp.MustCompile(`(?i)\s(?:without|w/o)\s([^,;()]*)\sor\s[^,;()]*$`)

// withoutPartRe opens a part that says what a condition is without.
var withoutPartRe = regexp.MustCompile(`(?i)^\s*(?:without|w/o)\s+\w`)

// listCloseRe is the last member of a list of alternatives: "or
// peritonitis", "fistula or abscess" ("without complications,
// hypertension, and hyperlipidemia" lists conditions beside the first).
var listCloseRe = regexp.MustCompile(`(?i)^\s*(?:or|nor)\s+\w+|^\s*\w+\s+(?:or|nor)\s+\w+\s*$`)

// patientLead is the patient an item describes before its condition,
// and the dash or colon after it: "26 y/o G1P0 at 24w3d - ", "67 yo male:",
// "39 y/o man with".
var patientLead = regexp.MustCompile(`^\s*\d{1,3}\s*(?:y/?o|yo|years?[- ]old|-year-old)\s*(?:[MF]\b|male|female|man|woman|boy|girl)?\s*(?:G\d{1,2}\s*P\d{1,4}\s*)?(?:(?:at|@)\s+\d{1,2}\s*(?:w(?:ks?)?\s*\d?\s*d?|weeks?)\s*)?[-–—:]+\s+|^\s*\d{1,3}\s*(?:y/?o|yo|years?[- ]old|-year-old)\s*(?:[MF]\b|male|female|man|woman|boy|girl)\s+with\s+`)

// agentWordRe names an infection's agent: "norovirus", "probable viral",
// "C. diff".
var agentWordRe = regexp.MustCompile(`(?i)\b(?:\w*virus|viral|bacterial|fungal|candida\w*|salmonella|shigella|campylobacter|giardia\w*|c\.?\s*diff\w*|difficile|rsv|hsv|cmv|ebv|vzv|influenza|covid(?:-19)?)\b`)

// findConcepts looks up an item's conditions. The first part of the item
// (before a colon, semicolon or comma) is its main condition: the whole
// item, the part, and the part without its narrative lead-in and tail are
// each looked up and the best match is kept, so detail that refines the
// code ("…, left, intertrochanteric") counts when it matches. A later
// comma-separated part ("Hypertension, hyperlipidemia, GERD") adds a code
// when it names one on its own with a strong match.
//
// It reads the note only between the item's start and end, and depends
// on where the item stands only through positions relative to it:
// answers.concepts reuses its concepts for every item of the same text.
func findConcepts(x *lookups, note string, it item, opt Options, memo *answers) []concept {
	// "In summary, Ms. Hollingwood has an acute segmental pulmonary
	// embolism, …": the summary's lead-in, commas and all, goes first
	if m := summaryLead.FindStringIndex(note[it.start:it.end]); m != nil && it.start+m[1] < it.end {
		it.start += m[1]
	} else if m := diagnosedLead.FindStringIndex(note[it.start:it.end]); m != nil && it.start+m[1] < it.end {
		// "We diagnosed acute pyelonephritis in pregnancy, third
		// trimester, due to E. coli"
		it.start += m[1]
	} else if m := patientLead.FindStringIndex(note[it.start:it.end]); m != nil && it.start+m[1] < it.end {
		// "26 y/o G1P0 at 24w3d - routine supervision of normal first
		// pregnancy, second trimester": the patient, then the condition
		it.start += m[1]
	} else if m := sentenceNumberRe.FindStringIndex(note[it.start:it.end]); m != nil && it.start+m[1] < it.end {
		// "Diagnoses: 1) … calculus. 2) Essential hypertension. 3)
		// Obesity class 2": a list numbered in sentences (no class 3)
		it.start += m[1]
	}
	// "… persistent headache and visual symptoms = postpartum
	// pre-eclampsia with severe features": findings summed up as a
	// condition name that condition (not "culprit = proximal RCA",
	// "source = acute left femoral DVT": one word, a label of its
	// condition's attribute)
	if i := strings.LastIndex(note[it.start:it.end], " = "); i > 0 && it.start+i+3 < it.end && isLetter(note[it.start+i+3]) {
		lhs := note[it.start : it.start+i]
		lhs = lhs[strings.LastIndexAny(lhs, ",:;(")+1:]
		if wordCount(lhs) >= 2 {
			it.start += i + 3
		}
	}
	var parts []span
	at := it.start
	// ("Diarrhea + abd pain = manifestations of IBS-D": a sum that
	// equals another condition names no conditions of its own)
	equation := strings.Contains(note[it.start:it.end], "=")
	for _, m := range segmentSep.FindAllStringIndex(note[it.start:it.end], -1) {
		if equation && strings.TrimSpace(note[it.start+m[0]:it.start+m[1]]) == "+" {
			continue
		}
		parts = append(parts, span{at, it.start + m[0]})
		at = it.start + m[1]
	}
	parts = append(parts, span{at, it.end})
	// "prostate cancer with progressive osseous metastases": the primary
	// and its secondary sites are coded apart (C61, C79.51); so is "adenocarcinoma of the right upper lobe
	// metastatic to bone" (C34.11, C79.51), whose second part reads as
	// "metastatic to bone"
	if m := withMetastasesRe.FindStringSubmatchIndex(note[parts[0].start:parts[0].end]); m != nil {
		first := parts[0]
		parts = append([]span{{first.start, first.start + m[2]}, {first.start + m[3], first.end}}, parts[1:]...)
	} else if m := metastaticToRe.FindStringSubmatchIndex(note[parts[0].start:parts[0].end]); m != nil {
		first := parts[0]
		parts = append([]span{{first.start, first.start + m[2]}, {first.start + m[3], first.end}}, parts[1:]...)
	} else if m := metastaticCancerToRe.FindStringSubmatchIndex(note[parts[0].start:parts[0].end]); m != nil {
		// "Metastatic sigmoid colon cancer to liver": the primary, and
		// "to liver" read as "metastatic to liver"
		first := parts[0]
		parts = append([]span{{first.start, first.start + m[2]}, {first.start + m[2] + 1, first.end}}, parts[1:]...)
	}
	trim := func(p span) span {
		t := note[p.start:p.end]
		if m := leadIn.FindStringIndex(t); m != nil && m[1] < len(t) {
			// (not "Elevated BP reading without diagnosis of
			// hypertension": the reading is the condition)
			if !undiagnosedBeforeRe.MatchString(t[:m[1]]) {
				p.start += m[1]
			}
		} else if m := treatsFor.FindStringIndex(t); m != nil && m[1] < len(t) && !notTreatedCondition.MatchString(t[m[1]:]) {
			p.start += m[1]
		}
		// "…, in the setting of class 2 obesity (BMI 37.2)": a part that
		// opens with it names the condition after it (only there: "poor
		// intake in the setting of bronchiolitis" is the intake's)
		if m := settingLeadRe.FindStringIndex(note[p.start:p.end]); m != nil && p.start+m[1] < p.end {
			p.start += m[1]
		}
		// "He was also dehydrated on arrival": the subject and its verb
		// go before the tail is looked for, or " was" would cut at "He"
		if m := storyLead.FindStringIndex(note[p.start:p.end]); m != nil && p.start+m[1] < p.end {
			p.start += m[1]
		}
		// "…, BMI 42.3, and hypertension who was admitted": the last
		// member of a list, without its "and"
		if k := memberLead(note[p.start:p.end]); k > 0 && p.start+k < p.end {
			p.start += k
		}
		if m := tailOut.FindStringIndex(note[p.start:p.end]); m != nil && m[0] > 0 && !dependenceOn(note[p.start:p.start+m[0]]) &&
			!strings.HasPrefix(strings.ToLower(note[p.start+m[0]:p.end]), " on chronic") && !newlyDiagnosedRe.MatchString(note[p.start:p.start+m[1]]) {
			p.end = p.start + m[0]
		}
		// "displaced midcervical fracture of the LEFT femoral neck after
		// mechanical fall from standing": how an injury happened is its
		// external cause, no words of the injury's code
		if m := mechanismTailRe.FindStringIndex(note[p.start:p.end]); m != nil && m[0] > 0 && injuryWordRe.MatchString(note[p.start:p.start+m[0]]) {
			p.end = p.start + m[0]
		}
		for p.start < p.end && strings.ContainsRune(" \t\r\n,.:-", rune(note[p.start])) {
			p.start++
		}
		for p.end > p.start && strings.ContainsRune(" \t\r\n,.:-", rune(note[p.end-1])) {
			p.end--
		}
		return p
	}
	// answerText is what the note's text names, if anything: the text
	// rewritten into the words the code set's titles use, looked up
	answerText := func(text string) answer {
		// "Supervision of pregnancy with history of preterm labor" is
		// O09.21-: there the history is the code's, not a trigger
		keptHistory := pregnancyHistoryRe.MatchString(text)
		if keptHistory {
			text = pregnancyHistoryWords.ReplaceAllString(text, "HISTORYOF")
		}
		q := strings.TrimSpace(stripRe.ReplaceAllString(shorthand.Replace(spellOut(sides(arabic(calcium(spineRegion(primaryCancer(withoutLobe(footOsteomyelitis(withoutBMI(rewriteLookup(text))))), "")))))), " "))
		if keptHistory {
			q = strings.ReplaceAll(q, "HISTORYOF", "history of")
		}
		// "Hypertension," and "HIV disease,   on therapy" are looked up as
		// the same words without the stray punctuation and spaces.
		q = strings.Join(strings.Fields(strings.TrimRight(q, ",;:.- ")), " ")
		// "Pseudophakia OS", "… glaucoma, moderate stage OS": the eye an
		// ophthalmologist names last, in the titles' words (not "OD",
		// also an overdose)
		eyeBare := "" // (and without it, for a condition no title gives a side)
		if strings.HasSuffix(q, " OS") {
			eyeBare, q = q[:len(q)-3], q[:len(q)-3]+" left eye"
		} else if strings.HasSuffix(q, " OU") {
			eyeBare, q = q[:len(q)-3], q[:len(q)-3]+" bilateral"
		}
		// "His thrombocytopenia", "He has portal hypertension": the
		// sentence's subject is not part of the condition
		for {
			m := storyLead.FindStringIndex(q)
			if m == nil || m[1] >= len(q) {
				break
			}
			q = q[m[1]:]
		}
		// "Dog bite L forearm" is the injury, an open bite of the site;
		// the animal is an external cause
		if m := biteRe.FindStringSubmatch(q); m != nil && countLetters(m[1]) >= 4 {
			q = "open bite of " + m[1]
		}
		// "he declined", "declines cardioversion": a refusal, not a
		// decline in health
		if countLetters(q) < 3 && !knownAbbreviation(q) || notAConditionRe.MatchString(q) || honorificName.MatchString(q) {
			return answer{}
		}
		a, done := memo.byQuery[q]
		if !done {
			// A code the patient's age or sex rules out ("Sepsis of
			// newborn due to E. coli" for an adult) gives way to the next.
			fitting := func(q string) []codeset.Result {
				rs := x.Search(q, codeset.SearchOptions{Systems: []codeset.System{codeset.ICD10CM}, Date: opt.Date, Limit: 8, Phrase: 2})
				for i := range rs {
					otherSex(&rs[i], x, opt)
				}
				return slices.DeleteFunc(rs, func(r codeset.Result) bool { return !fits(r.Code, opt) || x.SexConflict(r.Code, opt.Sex) })
			}
			rs := fitting(q)
			a.r, a.ok = pick(rs, opt.MinScore)
			if !a.ok && eyeBare != "" {
				rs = fitting(eyeBare)
				a.r, a.ok = pick(rs, opt.MinScore)
			}
			// "Acute otitis media, left ear": the condition is named by
			// its words, the side chosen after (sided); a title that
			// holds the side but adds a word the phrase does not say
			// ("Acute serous otitis media, left ear") gives way to the
			// condition looked up without it
			if a.ok && a.r.Score < 0.95 && !injury(a.r.Code) && sideRe.MatchString(q) {
				bare := strings.TrimSpace(sideWordsRe.ReplaceAllString(q, ""))
				if extra, _ := measureText(saidWords(q), a.r.Title); extra > 0 && bare != q && countLetters(bare) >= 6 {
					brs := fitting(bare)
					if b, ok := pick(brs, opt.MinScore); ok && b.Code[:3] != a.r.Code[:3] && b.Score > a.r.Score+0.03 && !injury(b.Code) && names(bare, b) {
						a.r, rs = b, brs
					}
				}
			}
			// "…, with left axillary lymph node metastasis": a side no
			// code of the condition's holds is no word the title lacks
			// (C77.3 is scored as "axillary lymph node metastasis")
			// (one phrase, not a list whose side is another member's)
			if a.ok && a.r.Score < 0.95 && sideRe.MatchString(q) && !titleSideRe.MatchString(a.r.Title) && !strings.Contains(q, ",") && wordCount(q) <= 8 {
				if bare := strings.TrimSpace(sideWordsRe.ReplaceAllString(q, "")); bare != q && countLetters(bare) >= 6 {
					if b, ok := pick(fitting(bare), opt.MinScore); ok && b.Code == a.r.Code && b.Score > a.r.Score {
						a.r = b
					}
				}
			}
			// "Pneumonia due to Pseudomonas" is J15.1, which names the
			// organism; the B95–B97 code is for a condition whose code
			// does not.
			if a.ok && organismCode(a.r.Code) {
				var rest []codeset.Result
				for _, r := range rs {
					if !organismCode(r.Code) {
						rest = append(rest, r)
					}
				}
				if r, ok := pick(rest, opt.MinScore); ok && names(q, r) && r.Score >= 0.8*a.r.Score {
					a.r = r
				}
			}
			// a code whose title is the phrase itself ("Threatened
			// abortion", O20.0) beats an index path that only holds its
			// words ("Threatened abortion with subsequent abortion", O03.9)
			if a.ok && !strings.EqualFold(a.r.Title, q) {
				for _, r := range rs {
					if r.Billable && strings.EqualFold(r.Title, q) && r.Score >= 0.9*a.r.Score {
						a.r = r
						break
					}
				}
			}
			if a.ok {
				a.r = refine(q, a.r, rs)
				a.r = episode(a.r, x, opt)
			}
			if a.ok && fits(a.r.Code, opt) && !names(q, a.r) {
				// "Acute viral gastroenteritis": the index's subterm
				// "acute infectious" (A08.39) asks for a word the phrase
				// does not say; the code of the entry above it, which
				// the phrase does name (A08.4), is meant
				for _, r := range rs[1:] {
					if r.Score < 0.6*a.r.Score || r.Score < opt.MinScore {
						break
					}
					if r.Billable && strings.HasPrefix(a.r.Matched, r.Matched+" ") && names(q, r) && !refuses(q, r) {
						// (as strong a match as the subterm's: the
						// phrase's words are all the entry's)
						r.Score = a.r.Score
						a.r = episode(r, x, opt)
						break
					}
				}
			}
			// "Carcinoma of the left breast": the first result asks for
			// what the phrase does not say ("in situ", D05.92); one as
			// strong after it that the phrase names (C50.912) is meant
			// (only for a carcinoma in situ: other codes a phrase does not
			// name have their own ways back above)
			if a.ok && strings.HasPrefix(a.r.Code, "D0") && !names(q, a.r) && len(rs) > 1 {
				for _, r := range rs[1:] {
					if r.Score < 0.97*a.r.Score {
						break
					}
					if r.Billable && r.Code[0] == 'C' && names(q, r) && !refuses(q, r) {
						a.r = episode(r, x, opt)
						break
					}
				}
			}
			a.ok = a.ok && fits(a.r.Code, opt) && names(q, a.r) && !refuses(q, a.r) && !screenedFor(q, a.r.Code)
			// "UTI in pregnancy": the first result, an ectopic
			// pregnancy's (O08.83), asks for a word that makes the
			// condition another; the next as strong that the phrase
			// names is meant (O23.40)
			if !a.ok && len(rs) > 1 && definingUnsaid(q, a.r.Title) {
				for _, r := range rs[1:] {
					if r.Score < 0.9*a.r.Score {
						break
					}
					// (of another category: the first one's siblings
					// are the same other condition, "Abdominal
					// pregnancy with intrauterine pregnancy")
					if r.Billable && r.Code[:3] != a.r.Code[:3] && fits(r.Code, opt) && names(q, r) && !refuses(q, r) && !definingUnsaid(q, r.Title) {
						a.r, a.ok = episode(refine(q, r, rs), x, opt), true
						break
					}
				}
			}
			// "In ED", "presented to the ED": the emergency department,
			// not erectile dysfunction
			if a.ok && strings.HasPrefix(a.r.Code, "N52") && edPlaceRe.MatchString(q) {
				a.ok = false
			}
			memo.byQuery[q] = a
		}
		return a
	}
	lookText := func(text string, p span) (concept, bool) {
		a, done := memo.byText[text]
		if !done {
			a = answerText(text)
			memo.byText[text] = a
		}
		if !a.ok {
			return concept{}, false
		}
		return concept{r: a.r, start: p.start, end: p.end}, true
	}
	var extra []concept // concepts a lookup finds beside its own (a drug's adverse effect)
	look := func(p span) (concept, bool) {
		// "Secondary stroke prevention on DAPT": a phrase cut before
		// "prevention" names what is prevented, no condition
		if preventionAfterRe.MatchString(note[p.end:min(len(note), p.end+16)]) {
			return concept{}, false
		}
		c, ok := lookText(note[p.start:p.end], p)
		if !ok {
			// "Acute headache": the acuity led to a code the phrase does
			// not name (G44.319, post-traumatic); the condition without
			// it is R51.9. The symptom must be all the rest says: "acute
			// chest syndrome" is no "Syndrome, chest wall" (R07.1).
			if m := acuityLeadRe.FindStringIndex(note[p.start:p.end]); m != nil && wordCount(note[p.start+m[1]:p.end]) >= 1 {
				if c2, ok2 := lookText(note[p.start+m[1]:p.end], span{p.start + m[1], p.end}); ok2 && symptomCode(c2.r.Code) && !strings.HasPrefix(c2.r.Code, "R69") && !strings.HasPrefix(c2.r.Code, "R68") && addsNothing(note[p.start+m[1]:p.end], c2.r) {
					c, ok = c2, true
				}
			}
		}
		if !ok {
			// "Chronic lymphedema": the index's "(chronic)" is the
			// hereditary kind's modifier (Q82.0), which the phrase does
			// not name; the condition without it is I89.0 (on a strong
			// match of a code's own title, not a bare index term such as
			// "Dependence", and not to a code whose title is acute)
			if m := chronicLeadRe.FindStringIndex(note[p.start:p.end]); m != nil && wordCount(note[p.start+m[1]:p.end]) >= 1 {
				if c2, ok2 := lookText(note[p.start+m[1]:p.end], span{p.start + m[1], p.end}); ok2 && c2.r.Score >= 0.75 && c2.r.Source == "title" && !strings.Contains(strings.ToLower(c2.r.Title), "acute") {
					c, ok = c2, true
				}
			}
		}
		if !ok {
			// "Acute duodenal ulcer with hemorrhage, NSAID-induced": a
			// part that only names the drug the condition before it came
			// from is the drug's adverse effect (the drug the note names
			// for a class it names: ibuprofen, T39.315A)
			// (a later part, after its condition's comma: not "Chemotherapy-
			// induced (oxaliplatin) peripheral polyneuropathy")
			if m := drugInducedPartRe.FindStringSubmatch(note[p.start:p.end]); m != nil && strings.HasSuffix(strings.TrimRight(note[:p.start], " "), ",") {
				drug := m[1]
				if strings.EqualFold(strings.TrimSuffix(drug, "s"), "nsaid") {
					if n := namedNSAIDRe.FindString(note); n != "" {
						drug = n
					}
				}
				if ae, aeOK := adverseEffectOf(drug, x, opt); aeOK {
					c, ok = concept{r: ae, start: p.start, end: p.end}, true
				}
			}
		}
		if !ok {
			// "E. coli urinary tract infection": the infection without its
			// organism, which infectiousAgent codes from the same line
			// (only for an infection coded beside its agent)
			if t, cut := withoutOrganism(note[p.start:p.end]); cut {
				if c, ok = lookText(t, trim(p)); ok && !needsAgent(c.r.Code) {
					c, ok = concept{}, false
				}
			}
		}
		if !ok {
			// "Hypothyroidism complicating pregnancy, second trimester":
			// the condition, whose chapter-15 code pregnancyCodes adds
			// beside it (O99.28-), for the conditions coded that way
			if m := complicatingPregnancyRe.FindStringIndex(note[p.start:p.end]); m != nil && m[0] > 0 {
				if c2, ok2 := lookText(note[p.start:p.start+m[0]], trim(span{p.start, p.start + m[0]})); ok2 && pregnancyCompanion(c2.r.Code) {
					c, ok = c2, true
				}
			}
		}
		if !ok {
			// "Transient complete heart block complicating inferior
			// STEMI": the complication, which the condition it
			// complicates (coded from its own item) does not change
			if m := complicatingRe.FindStringIndex(note[p.start:p.end]); m != nil && m[0] > 0 && !containsAny(strings.ToLower(note[p.start+m[1]:p.end]), "pregnan", "puerper", "childbirth", "labor", "labour", "delivery", "gestation", "trimester") {
				c, ok = lookText(note[p.start:p.start+m[0]], trim(span{p.start, p.start + m[0]}))
			}
		}
		if !ok {
			// "Coagulopathy/hemorrhagic disorder due to warfarin": each
			// name before the slash with the cause, the first that names
			// a code
			if m := slashNamesCauseRe.FindStringSubmatch(note[p.start:p.end]); m != nil {
				for _, name := range m[1:3] {
					if c, ok = lookText(name+" "+m[3], trim(p)); ok {
						break
					}
				}
			}
		}
		if !ok {
			// "Chemotherapy-induced oral mucositis" as the titles write
			// it: "oral mucositis due to chemotherapy"
			if m := inducedRe.FindStringSubmatchIndex(note[p.start:p.end]); m != nil {
				t := note[p.start:p.end]
				// (the condition ends at a dash: "… polyneuropathy, grade
				// 2 - dose reduced as above")
				if d := dashCut.FindStringIndex(t[m[4]:m[5]]); d != nil {
					m[5] = m[4] + d[0]
				}
				c, ok = lookText(t[m[4]:m[5]]+" due to "+t[m[2]:m[3]], trim(p))
				// "Steroid-induced hyperglycemia (no diabetes)": a drug's
				// effect no title names is the condition with the drug's
				// adverse effect beside it (R73.9 + T38.0X5A); one with
				// a drug-induced code is that code ("Oxaliplatin-induced
				// peripheral neuropathy": G62.0 + T45.1X5A)
				if !ok {
					if ae, aeOK := adverseEffectOf(t[m[2]:m[3]], x, opt); aeOK {
						c2, ok2 := lookText("drug-induced "+t[m[4]:m[5]], trim(p))
						if !ok2 || !strings.Contains(strings.ToLower(c2.r.Title), "drug-induced") {
							c2, ok2 = lookText(t[m[4]:m[5]], span{p.start + m[4], p.end})
						}
						if ok2 {
							c, ok = c2, true
							extra = append(extra, concept{r: ae, start: p.start + m[2], end: p.start + m[3]})
						}
					}
				}
			}
		}
		return c, ok
	}
	var out []concept
	// The main condition: the best of the whole item, its first part, and
	// that part trimmed. A shorter phrase must match clearly better.
	// A long item is narrative: its whole text is not looked up, only its
	// parts.
	// A later part with a context of its own ("…, s/p cholecystectomy",
	// "…, no gangrene") is not read with the condition.
	qualified := make([]bool, len(parts))
	anyQualified := false
	denying := false  // the parts so far are a list a "without" governs
	listEnds := false // a later part closes a list ("…, or peritonitis")
	for _, p := range parts[1:] {
		listEnds = listEnds || listCloseRe.MatchString(note[p.start:p.end])
	}
	for i, p := range parts[1:] {
		prev := note[parts[i].start:parts[i].end]
		denying = withoutListRe.MatchString(prev) || differentialListRe.MatchString(prev) || denying && wordCount(prev) <= 3
		qualified[i+1] = ownContext(note[p.start:p.end], opt) ||
			// "- working diagnosis: eosinophilic esophagitis": a label
			// that doubts or denies what follows its colon
			strings.TrimSpace(note[parts[i].end:p.start]) == ":" && i > 0 && ownContext(note[parts[i].start:parts[i].end], opt) ||
			// "…, not a fluency disorder (stuttering)": the aside of a
			// qualified part is qualified with it
			qualified[i] && i > 0 && strings.HasSuffix(strings.TrimRight(note[parts[i].start:p.start], " "), "(") ||
			// "Acute appendicitis without perforation, gangrene, abscess,
			// or peritonitis": the list goes on under its "without"
			listEnds && denying && wordCount(note[p.start:p.end]) <= 3 && note[parts[i].end] == ',' ||
			// "(no factor V Leiden / prothrombin mutation)": the
			// denial goes on past the slash
			deniedLeadRe.MatchString(prev) && wordCount(prev) <= 5 && strings.TrimSpace(note[parts[i].end:p.start]) == "/"
		anyQualified = anyQualified || qualified[i+1]
	}
	// "…, osteopenia, hypothyroid? - no, TSH normal": a part asked and
	// answered "no" in the next
	for k := 1; k+1 < len(parts); k++ {
		if strings.HasSuffix(strings.TrimSpace(note[parts[k].start:parts[k].end]), "?") && answeredNoPartRe.MatchString(note[parts[k+1].start:parts[k+1].end]) {
			qualified[k], qualified[k+1] = true, true
			anyQualified = true
		}
	}
	// The whole condition: the item up to its first qualified part (or
	// its first part naming metastases: "…, upper outer quadrant, with
	// liver metastases" is a primary cancer and its secondary, not a
	// secondary of the breast).
	whole := span{it.start, it.end}
	for i, q := range qualified {
		if q || i > 0 && withMetastasesPartRe.MatchString(note[parts[i].start:parts[i].end]) {
			whole.end = parts[i-1].end
			break
		}
	}
	// …and without the measurements beside it: "HFpEF (EF 60-65%),
	// chronic, compensated" is looked up as "HFpEF chronic compensated".
	var clean []string
	var cleanEnd []int // where each clean part ends
	measured := false
	for i, p := range parts {
		if p.start >= whole.end {
			break
		}
		if i > 0 && measurement.MatchString(note[p.start:p.end]) {
			measured = true
			continue
		}
		// (and the malleoli a bi- or trimalleolar fracture's aside lists:
		// "…trimalleolar fracture, right ankle (lateral malleolus,
		// medial malleolus, posterior malleolus)" is S82.851A)
		if i > 0 && malleolusPartRe.MatchString(note[p.start:p.end]) && containsAny(strings.ToLower(note[it.start:p.start]), "bimalleolar", "trimalleolar") {
			measured = true
			continue
		}
		if strings.TrimSpace(note[p.start:p.end]) == "" {
			continue
		}
		clean = append(clean, note[p.start:p.end])
		cleanEnd = append(cleanEnd, p.end)
	}
	var best concept
	ok := false
	// heads are the spans read as the item's condition: its first part,
	// and the whole item when it is short enough to be one condition
	wholeShort := whole == parts[0] || wordCount(note[whole.start:whole.end]) <= 12
	heads := []span{parts[0]}
	if wholeShort {
		best, ok = look(whole)
		if whole != parts[0] {
			heads = []span{whole, parts[0]}
		}
	}
	if measured && len(clean) > 1 {
		if c, ok2 := lookText(strings.Join(clean, ", "), whole); ok2 && (!ok || c.r.Score > best.r.Score) {
			best, ok = c, true
		}
	}
	// "Pneumonia, right lower lobe, due to Haemophilus influenzae": a
	// lung lobe is no axis of the pneumonia codes, so a part that only
	// names one is left out of the lookup.
	if len(clean) > 1 {
		var kept []string
		for _, c := range clean {
			if !lobeOnly(c) {
				kept = append(kept, c)
			}
		}
		if len(kept) > 0 && len(kept) < len(clean) {
			if c, ok2 := lookText(strings.Join(kept, ", "), whole); ok2 && (!ok || c.r.Score > best.r.Score) {
				best, ok = c, true
			}
		}
	}
	// "Acute segmental pulmonary embolism of the right lower lobe without
	// acute cor pulmonale": a lobe named inside the condition's words is
	// no axis of its code either; the lookup without it is kept when it
	// matches better (a lung cancer's lobe is an axis of its code, and
	// stays)
	for _, p := range heads {
		t := note[p.start:p.end]
		if !containsAny(strings.ToLower(t), "lobe") || neoplasmWordRe.MatchString(t) {
			continue
		}
		if m := lobeInRe.FindStringIndex(t); m != nil {
			if c, ok2 := lookText(t[:m[0]]+t[m[1]:], p); ok2 && (!ok || c.r.Score > best.r.Score) {
				best, ok = c, true
			}
		}
	}
	// "Elias has acute bronchiolitis due to RSV": the patient named by name
	// before the condition; when the item names nothing as it stands, it
	// is looked up without the name ("Pneumonia has resolved" keeps its
	// own words)
	for _, p := range heads {
		t := note[p.start:p.end]
		if ok {
			break
		}
		if m := nameLead.FindStringIndex(t); m != nil && m[1] < len(t) {
			if c, ok2 := lookText(t[m[1]:], span{p.start + m[1], p.end}); ok2 && (!ok || c.r.Score > best.r.Score) {
				best, ok = c, true
			}
		}
	}
	// "Acute calculous cholecystitis without gallbladder or common bile
	// duct obstruction": a "without" list that shares its last noun names
	// no other site or organ of the condition; it is read as without the
	// noun alone
	for _, p := range heads {
		t := note[p.start:p.end]
		if ok {
			break
		}
		// (not "without cholecystitis or obstruction": two conditions)
		if m := withoutOrRe.FindStringSubmatchIndex(t); m != nil && !slices.ContainsFunc(strings.Fields(t[m[2]:m[3]]), conditionWordRe.MatchString) {
			if c, ok2 := lookText(t[:m[0]]+" without "+lastWord(t), p); ok2 {
				best, ok = c, true
			}
		}
	}
	// "Cellulitis, left lower leg -- nonpurulent": a last part the code
	// does not say is left off, while the site before it is kept; so is
	// one that only weakens the match ("…, with neurogenic claudication
	// -- classic history").
	if len(clean) > 2 && (!ok || best.r.Score < 0.6) {
		for n := len(clean) - 1; n >= 2; n-- {
			if c, ok2 := lookText(strings.Join(clean[:n], ", "), span{whole.start, cleanEnd[n-1]}); ok2 && c.r.Score >= 0.55 && (!ok || c.r.Score > best.r.Score) {
				best, ok = c, true
				break
			}
		}
	}
	// "Chronic diastolic (HFpEF) heart failure": an aside in parentheses
	// inside the condition's words is left out, not cut at.
	var aside span // the aside left out, not a condition of its own
	if t, end, found := withoutAside(note, it.start, whole.end); found {
		// the condition up to its first comma, or its whole with the
		// site after it ("Torus (buckle) fracture, distal right radius":
		// "Torus" alone is a bone of the jaw)
		open, closing := strings.IndexByte(note[it.start:end], '('), strings.IndexByte(note[it.start:end], ')')
		variants := []member{{t, span{it.start, end}}}
		if end < whole.end && open >= 0 && closing > open {
			full := strings.TrimSpace(note[it.start:it.start+open]) + " " + strings.TrimSpace(note[it.start+closing+1:whole.end])
			variants = append(variants, member{full, span{it.start, whole.end}})
		}
		// (an aside that denies — "(nonphysiologic causes excluded, no
		// hemolysis)" — says nothing the code should take from it)
		denying := open >= 0 && closing > open && asideDeniesRe.MatchString(note[it.start+open:it.start+closing])
		for _, v := range variants {
			if c, ok2 := lookText(v.text, v.at); ok2 && (!ok || denying || c.r.Score > best.r.Score && !specifies(v.text, c.r, best.r)) {
				best, ok = c, true
				aside.start = it.start + open
				aside.end = it.start + closing + 1
			}
		}
	}
	// "Rheumatoid arthritis with rheumatoid factor, multiple sites,
	// without lung or other organ involvement": a "without" part the
	// condition's own code says (M05.79 "… without organ or systems
	// involvement") is read with it, not cut off as a negation
	if t := strings.ToLower(best.r.Title); ok && (strings.HasPrefix(t, "other ") || strings.Contains(t, "unspecified")) {
		for i, q := range qualified {
			pt := note[parts[i].start:parts[i].end]
			if !q || i == 0 || !withoutPartRe.MatchString(pt) {
				continue
			}
			if c, ok2 := lookText(note[whole.start:parts[i].end], span{whole.start, parts[i].end}); ok2 && c.r.Code != best.r.Code &&
				c.r.Code[:3] == best.r.Code[:3] && saysWithoutToo(pt, c.r.Title) {
				best = c
			}
			break
		}
	}
	for _, p := range []span{parts[0], trim(parts[0])} {
		// a part must beat the whole by 0.02, which a whole scoring 0.99 or
		// more leaves no room for
		// (nor the words before an aside the condition's words go on
		// after: "Torus" of "Torus (buckle) fracture, distal radius")
		if p == whole || ok && best.r.Score >= 0.99 || aside.end > 0 && p.end <= aside.start {
			continue
		}
		if c, ok2 := look(p); ok2 && (!ok || min(1, c.r.Score) > min(1, best.r.Score)+0.02 && !moreSpecific(c.r.Code, c.r.Title, best.r.Code, best.r.Title) &&
			!specifies(note[p.start:p.end], c.r, best.r) && !completes(c.r, best.r) && !saysOpposite(note[whole.start:whole.end], c.r.Title) &&
			!deniedInTitle(strings.ToLower(note[whole.start:whole.end]), c.r.Title) && !titleDenies(c.r.Title, strings.ToLower(note[whole.start:whole.end])) &&
			// (nor does the first part's "unspecified" code displace the
			// whole's sibling that says more: "Acute suppurative
			// appendicitis with localized peritonitis, …" is K35.30, not
			// K35.80 "Unspecified acute appendicitis")
			!(ok && c.r.Code[0] != 'Z' && c.r.Code[:3] == best.r.Code[:3] && strings.Contains(strings.ToLower(c.r.Title), "unspecified") && !strings.Contains(strings.ToLower(best.r.Title), "unspecified")) &&
			// (an injury's site is in the whole: "Laceration without
			// foreign body, left index finger" is no laceration of the
			// scalp, the first part's best)
			!(ok && injury(c.r.Code) && injury(best.r.Code) && c.r.Code[:3] != best.r.Code[:3]) &&
			// (nor is its external cause the injury: "Dog bite, L
			// forearm (open bite wound)" is S51.852A, not W54.0XXA)
			!(ok && injury(best.r.Code) && c.r.Code[0] >= 'V' && c.r.Code[0] <= 'Y') &&
			// (nor is a whole that names the infection's agent the first
			// part's condition of no agent: "Acute gastroenteritis,
			// probable norovirus" is A08.11, not K52.9)
			!(ok && best.r.Code[0] <= 'B' && c.r.Code[0] > 'B' && best.r.Score >= 0.5 && p.end < whole.end && agentWordRe.MatchString(note[p.end:whole.end]))) {
			best, ok = c, true
		}
	}
	var rest []span
	var local span  // the local infection of a sepsis, among rest
	var second span // a diabetes's second complication, among rest
	// "HTN w/ CKD stage 3a": a whole that matched, weakly, only what
	// follows its one "with" is the condition before the connector, and
	// what follows it as a condition of its own (only where what follows
	// names the whole's code alone: "Cellulitis of the left lower leg with
	// cutaneous abscess" keeps its abscess's site)
	if ok && best.r.Score < 0.6 && best.r.Code[0] != 'Z' {
		p := trim(parts[0])
		if cuts := connector.FindAllStringSubmatchIndex(note[p.start:p.end], -1); len(cuts) == 1 && p.start+cuts[0][1] < p.end &&
			withConnector[strings.ToLower(note[p.start+cuts[0][2]:p.start+cuts[0][3]])] {
			k := cuts[0]
			before, okB := look(span{p.start, p.start + k[0]})
			after, okA := look(span{p.start + k[1], p.end})
			if okB && okA && before.r.Score >= 0.9 && before.r.Code[0] != 'Z' && before.r.Code[:3] != best.r.Code[:3] && after.r.Code == best.r.Code &&
				!names(note[p.start:p.start+k[0]], best.r) {
				best = before
				rest = append(rest, span{p.start + k[1], p.end})
			}
		}
	}
	// "Angioedema of lips, adverse effect of lisinopril (ACE inhibitor)
	// taken as prescribed": a whole that names the drug's adverse effect
	// after its condition codes the condition too (T78.3XXA beside
	// T46.4X5A)
	if ok && drugIntent(best.r.Code) == '5' && len(parts) > 1 && best.start == parts[0].start {
		if c, ok2 := look(trim(parts[0])); ok2 && c.r.Score >= 0.75 && drugIntent(c.r.Code) == 0 && c.r.Code[0] != 'Z' {
			extra = append(extra, c)
		}
	}
	// "Type 2 diabetes mellitus with diabetic nephropathy and diabetic
	// peripheral polyneuropathy": a diabetes whose code holds the
	// complication before "and"; the one after it is a complication of
	// its own
	if ok && diabetesComplication(best.r.Code) {
		p := trim(parts[0])
		if w := withAndRe.FindStringSubmatchIndex(note[p.start:p.end]); w != nil {
			if c, ok2 := look(span{p.start, p.start + w[2]}); ok2 && c.r.Code == best.r.Code {
				second = span{p.start + w[4], p.end}
				rest = append(rest, second)
			}
		}
	}
	if !ok {
		// "Paroxysmal atrial fibrillation with rapid ventricular response":
		// the condition before the connector, and what follows it as a
		// condition of its own when it names one clearly.
		// The longest cut that names a code wins: "iron deficiency anemia
		// secondary to chronic blood loss from menorrhagia".
		p := trim(parts[0])
		// "Acute on chronic HFrEF exacerbation", "severe sepsis d/t E.
		// coli bacteremia": a last word or two the code does not say.
		for drop := 1; drop <= 2 && !ok; drop++ {
			end := dropWords(note, p, drop)
			if end <= p.start || meaningWord.MatchString(note[end:p.end]) {
				break
			}
			if countLetters(note[p.start:end]) >= 4 && wordCount(note[p.start:end]) >= 2 && !danglingEnd.MatchString(note[p.start:end]) {
				best, ok = look(span{p.start, end})
				// "Facial weakness and dysarthria": the word dropped is
				// a condition of its own
				if m := andWordRe.FindStringSubmatchIndex(note[end:p.end]); ok && m != nil && (conditionWordRe.MatchString(note[end+m[2]:end+m[3]]) || knownAbbreviation(note[end+m[2]:end+m[3]])) {
					rest = append(rest, span{end + m[2], end + m[3]})
				}
				// "Growth hormone-secreting pituitary macroadenoma with
				// acromegaly": the words dropped after "with" are a
				// condition of their own when they name one clearly
				if m := withWordsRe.FindStringSubmatchIndex(note[end:p.end]); ok && m != nil {
					if c, ok2 := look(span{end + m[2], end + m[3]}); ok2 && c.r.Score >= 0.9 && c.r.Code[:3] != best.r.Code[:3] {
						rest = append(rest, span{end + m[2], end + m[3]})
					}
				}
			}
		}
		// "Actinic keratoses of the scalp and forehead": a condition no
		// code gives a site, named before the sites it is found at
		if k := strings.Index(note[p.start:p.end], " of "); !ok && k > 0 && wordCount(note[p.start:p.start+k]) >= 2 {
			if c, ok2 := look(span{p.start, p.start + k}); ok2 && c.r.Score >= 0.85 && !injury(c.r.Code) {
				best, ok = c, true
			}
		}
		// "…stroke due to cardioembolism from paroxysmal atrial
		// fibrillation": when the words after the last connector add
		// nothing to the code the cut found, or the words before it
		// match a code of the same category far better than the cut's
		// weak match ("febrile neutropenia secondary to antineoplastic
		// chemotherapy": D70.9, not D70.4), what follows the connector is
		// read on its own
		if ok {
			if cuts := connector.FindAllStringIndex(note[p.start:p.end], -1); len(cuts) > 0 {
				k := cuts[len(cuts)-1]
				if p.start+k[1] < best.end {
					// (not for the category's unspecified code against the
					// cut's sibling that names what follows: "Acute
					// suppurative appendicitis with localized peritonitis
					// of the right lower …" is K35.30, not K35.80)
					if c, ok2 := look(span{p.start, p.start + k[0]}); ok2 && (c.r.Code == best.r.Code ||
						c.r.Code[:3] == best.r.Code[:3] && best.r.Score < 0.6 && c.r.Score >= best.r.Score+0.2 &&
							!(strings.Contains(strings.ToLower(c.r.Title), "unspecified") && !strings.Contains(strings.ToLower(best.r.Title), "unspecified") &&
								titleSaysAny(best.r.Title, note[p.start+k[1]:p.end]))) {
						best = c
						rest = append(rest, span{p.start + k[1], p.end})
					}
				}
			}
		}
		cuts := connector.FindAllStringIndex(note[p.start:p.end], -1)
		for k := len(cuts) - 1; k >= 0 && !ok; k-- {
			if best, ok = look(span{p.start, p.start + cuts[k][0]}); ok {
				rest = append(rest, span{p.start + cuts[k][1], p.end})
			}
		}
		// "Troponin elevation due to demand ischemia": a finding that
		// names no code, and the cause that does
		if !ok {
			if m := causeConnectorRe.FindStringIndex(note[p.start:p.end]); m != nil {
				best, ok = look(span{p.start + m[1], p.end})
			}
		}
	}
	// "R proximal ureteral calculus, 5 mm, w/ moderate R hydronephrosis":
	// when nothing else matched, the sides, positions, sizes and mild degrees
	// no code of the condition holds are left out
	if !ok {
		type variant struct {
			text string
			at   span
		}
		var vs []variant
		if wholeShort {
			vs = append(vs, variant{note[whole.start:whole.end], whole})
		}
		for n := len(clean); n >= 2 && n >= len(clean)-2; n-- {
			vs = append(vs, variant{strings.Join(clean[:n], ", "), span{whole.start, cleanEnd[n-1]}})
		}
		vs = append(vs, variant{note[parts[0].start:parts[0].end], parts[0]})
		for _, v := range vs {
			if bare := plainModifierRe.ReplaceAllString(v.text, " "); bare != v.text && countLetters(bare) >= 6 {
				if c, ok2 := lookText(bare, v.at); ok2 {
					best, ok = c, true
					// ("… causing moderate hydronephrosis and AKI": the
					// last member a condition of its own)
					if m := andLastWordRe.FindStringSubmatchIndex(note[v.at.start:v.at.end]); m != nil && (conditionWordRe.MatchString(note[v.at.start+m[2]:v.at.start+m[3]]) || knownAbbreviation(note[v.at.start+m[2]:v.at.start+m[3]])) {
						rest = append(rest, span{v.at.start + m[2], v.at.start + m[3]})
					}
					break
				}
			}
		}
	}
	// "Aphasia/R hemiparesis": an item that opens with two conditions
	// joined by a slash, when nothing names them whole, each naming a
	// code ("Hyperactive/mixed" is one delirium's kinds), in an item
	// that neither denies nor doubts ("Gout/CPPD excluded")
	// pair looks up two members and keeps them when each names a code, of
	// another category, on a match of at least least
	pair := func(ms []member, least float64) {
		var cs []concept
		for _, m := range ms {
			if c, ok2 := lookText(m.text, m.at); ok2 && c.r.Score >= least {
				cs = append(cs, c)
			}
		}
		if len(cs) == 2 && (cs[0].r.Code[:3] != cs[1].r.Code[:3] || cs[0].r.Code != cs[1].r.Code && separateInCategory[cs[0].r.Code[:3]]) {
			best, ok = cs[0], true
			out = append(out, cs[1])
		}
	}
	if p := trim(parts[0]); !ok && p.start == trim(span{it.start, it.end}).start && !slashDoubtRe.MatchString(note[it.start:it.end]) {
		pair(slashMembers(note, p), 0.6)
	}
	// "Dysuria and urinary frequency": two conditions joined by "and",
	// when nothing names them together, each naming a code of its own
	if p := trim(parts[0]); !ok && wordCount(note[p.start:p.end]) <= 6 {
		pair(andMembers(note, p), 0.75)
	}
	// "acute viral gastroenteritis - norovirus": the part after a
	// condition that is only the virus names the infection's agent, which
	// combination codes hold (A08.11)
	withVirus := func(c concept) concept {
		for k, p := range parts {
			if p.start < c.end || k == 0 || qualified[k] {
				continue
			}
			v := strings.TrimSpace(note[p.start:p.end])
			m := virusPartRe.FindStringSubmatchIndex(v)
			if strings.TrimSpace(note[c.end:p.start]) != "" && !segmentSep.MatchString(note[c.end:p.start]) || m == nil {
				return c
			}
			// (a probable virus is the stay's diagnosis, not the
			// visit's: Guidelines II.H and IV.H)
			if m[2] >= 0 {
				if !opt.Inpatient {
					return c
				}
				v = v[m[3]:]
			}
			if c2, ok2 := lookText(note[c.start:c.end]+" due to "+v, span{c.start, c.end}); ok2 && c2.r.Code != c.r.Code && c2.r.Code[0] == c.r.Code[0] && c2.r.Score >= 0.6 && titleNamesVirus(c2.r.Title) {
				// (as strong a match as the condition's: the virus is
				// said beside it)
				c2.r.Score = max(c2.r.Score, c.r.Score)
				return c2
			}
			return c
		}
		return c
	}
	if ok {
		best = withVirus(best)
	}
	// "Sepsis due to cellulitis of left lower extremity": a whole that
	// matched its local infection's code names no sepsis; the sepsis is
	// the item's code, and the infection its local one (Guidelines
	// I.C.1.d.4)
	if ok && local.end == 0 && !hasAnyPrefix(best.r.Code, "A40", "A41", "R65") && !containsAny(strings.ToLower(best.r.Title), "sepsis", "septic") {
		p := trim(parts[0])
		if m := connector.FindStringIndex(note[p.start:p.end]); m != nil && containsAny(strings.ToLower(note[p.start:p.start+m[0]]), "sepsis", "septicemia") {
			if c, ok2 := look(span{p.start, p.start + m[0]}); ok2 && hasAnyPrefix(c.r.Code, "A40", "A41") {
				best = c
				local = span{p.start + m[1], whole.end}
				rest = append(rest, local)
			}
		}
	}
	if ok {
		out = append(out, best)
		// "Allergic reaction to shellfish with acute allergic
		// urticaria": an adverse reaction's code asks for the type of
		// reaction beside it ("use additional code"), named after "with"
		if strings.HasPrefix(best.r.Code, "T78") {
			if m := withTypeRe.FindStringIndex(note[best.start:it.end]); m != nil {
				at, end := best.start+m[1], it.end
				for _, stop := range []string{",", ";", "(", ")", "\n", " - ", " — ", " – "} {
					if k := strings.Index(note[at:end], stop); k >= 0 {
						end = at + k
					}
				}
				if c, ok2 := lookText(note[at:end], span{at, end}); ok2 && c.r.Code[0] != 'T' && c.r.Score >= 0.6 {
					out = append(out, c)
				}
			}
		}
		// "Acute hypoxic respiratory failure secondary to … pneumonia":
		// a cause after "secondary to" or "due to" that the code found
		// does not name is a condition of its own (J96.01 and J18.9)
		if m := causeConnectorRe.FindStringIndex(note[best.start:best.end]); m != nil && local.end == 0 {
			// the cause runs to the end of its part, past where a cut
			// lookup stopped ("due to accidental insulin| overdose")
			after := span{best.start + m[1], best.end}
			for _, p := range parts {
				if p.start <= best.start && best.end <= p.end {
					after.end = p.end
				}
			}
			// (a poisoning is coded beside the condition it caused,
			// whatever the condition's title names: "hypoglycemia due to
			// accidental insulin overdose" is T38.3X1A too)
			// (the cause as the lookup reads it: "dense adhesive
			// band" is the title's adhesions)
			if !titleNames(best.r, note[after.start:after.end]) && !titleNames(best.r, rewriteLookup(note[after.start:after.end])) || poisonedRe.MatchString(note[after.start:after.end]) {
				rest = append(rest, after)
			}
		}
		// "Acute kidney injury on chronic kidney disease stage 3a": two
		// conditions, the acute one on the chronic one, when the whole
		// matched only one of them
		// …and "Cellulitis of the left lower leg with cutaneous
		// abscess": the whole matched the abscess (L02.416), the part
		// before "with" is the cellulitis (L03.116)
		// "Intentional overdose (suicide attempt) of sertraline (SSRI) and
		// acetaminophen": a poisoning by two drugs is two poisonings, each
		// of the same intent
		if c := best.r.Code; c >= "T36" && c < "T51" && best.end < it.end {
			if m := secondDrugRe.FindStringSubmatchIndex(note[best.end:it.end]); m != nil {
				t := note[best.start:best.end]
				if k := strings.LastIndex(strings.ToLower(t), " of "); k > 0 {
					at := span{best.end + m[2], best.end + m[3]}
					if c2, ok2 := lookText(t[:k+4]+note[at.start:at.end], at); ok2 && c2.r.Code >= "T36" && c2.r.Code < "T51" && c2.r.Code != best.r.Code {
						out = append(out, c2)
					}
				}
			}
		}
		// "Second-degree burns right forearm and dorsum right hand": a
		// burn of two sites is two burns, each of its degree
		if c := best.r.Code; c >= "T20" && c < "T26" {
			if m := burnSitesRe.FindStringSubmatchIndex(note[best.start:best.end]); m != nil {
				deg, s1, s2 := note[best.start+m[2]:best.start+m[3]], note[best.start+m[4]:best.start+m[5]], note[best.start+m[6]:best.start+m[7]]
				for _, site := range [...]struct {
					text string
					at   span
				}{{s1, span{best.start + m[4], best.start + m[5]}}, {s2, span{best.start + m[6], best.start + m[7]}}} {
					if c2, ok2 := lookText(deg+" burn of "+site.text, site.at); ok2 && c2.r.Score >= 0.75 && c2.r.Code >= "T20" && c2.r.Code < "T26" && c2.r.Code != best.r.Code {
						out = append(out, c2)
					}
				}
			}
		}
		if m := withPartRe.FindStringIndex(note[best.start:best.end]); m != nil && withBoth[best.r.Code[:3]] {
			if c, ok2 := look(span{best.start, best.start + m[0]}); ok2 && c.r.Score >= 0.75 && withBoth[c.r.Code[:3]] && c.r.Code[:3] != best.r.Code[:3] {
				out = append(out, c)
			}
		}
		if m := onChronicRe.FindStringIndex(note[best.start:best.end]); m != nil {
			if c, ok2 := look(span{best.start, best.start + m[0] + 1}); ok2 && c.r.Score >= 0.75 && c.r.Code[:3] != best.r.Code[:3] {
				out = append(out, c)
			}
		}
		// "Severe sepsis due to MRSA pneumonia": the systemic infection
		// and the local one it came from are both coded (Guidelines
		// I.C.1.d.4); what follows the connector is looked up too.
		// The local infection follows the connector after the sepsis's
		// own words ("Severe sepsis due to E. coli bacteremia secondary to
		// acute right pyelonephritis"), or the first one.
		if c := best.r.Code; strings.HasPrefix(c, "A40") || strings.HasPrefix(c, "A41") || strings.HasPrefix(c, "R65") {
			if m := connector.FindStringIndex(note[best.end:whole.end]); m != nil {
				local = span{best.end + m[1], whole.end}
				rest = append(rest, local)
			} else if m := connector.FindStringIndex(note[best.start:whole.end]); m != nil {
				local = span{best.start + m[1], whole.end}
				rest = append(rest, local)
			}
		}
	}
	for i, p := range parts[1:] {
		if qualified[i+1] || p.start >= aside.start && p.end <= aside.end {
			continue
		}
		rest = append(rest, p)
	}
	// "…, presenting with acute diastolic (HFpEF) heart failure": a later
	// part an abbreviation in parentheses interrupts is read whole,
	// without it
	var joined map[int]span // the aside, by the joined part's end
	for k := 0; k+2 < len(rest); k++ {
		a, b, c := rest[k], rest[k+1], rest[k+2]
		if b.start == a.end+1 && c.start == b.end+1 && c.start+1 < c.end && note[a.end] == '(' && note[b.end] == ')' &&
			note[c.start] == ' ' && note[c.start+1] >= 'a' && note[c.start+1] <= 'z' && b.end-b.start <= 8 && abbreviationAsideRe.MatchString(note[b.start:b.end]) && countLetters(note[a.start:a.end]) >= 3 {
			if joined == nil {
				joined = map[int]span{}
			}
			joined[c.end] = span{a.end, b.end + 1}
			rest = slices.Replace(rest, k, k+3, span{a.start, c.end})
		}
	}
	// "…, with HTN and hyperlipidemia": a later part that opens with
	// "with" and joins conditions with "and" is read member by member
	var members []span
	listed := map[span]bool{} // members of such a list: three letters name one ("HTN")
	for _, p := range rest {
		t := note[p.start:p.end]
		if k := len(t) - len(strings.TrimLeft(t, " ")); strings.HasPrefix(strings.ToLower(t[k:]), "with ") && strings.Contains(t, " and ") {
			base := p.start + k + len("with ")
			// (sites sharing the noun after them stay one part, which
			// andMembers reads: "…(head of pancreas) with liver and bone
			// metastases" is liver metastases and bone metastases)
			if sharedNounList(note[base:p.end]) {
				members = append(members, span{base, p.end})
				continue
			}
			at := base
			// (the matches' offsets are from base: a third member's
			// must not be counted from the second's start)
			for _, m := range andRe.FindAllStringIndex(note[base:p.end], -1) {
				members = append(members, span{at, base + m[0]})
				listed[trim(span{at, base + m[0]})] = true
				at = base + m[1]
			}
			members = append(members, span{at, p.end})
			listed[trim(span{at, p.end})] = true
			continue
		}
		members = append(members, p)
	}
	rest = members
	// "…following radioactive iodine ablation for Graves disease": what a
	// past treatment was for is the treatment's history
	pastIndication := func(c concept) bool { return treatedForBefore.MatchString(note[max(it.start, c.start-60):c.start]) }
	for _, p := range rest {
		// the local infection a sepsis came from is coded on a weaker
		// match than a condition of its own ("acute right pyelonephritis")
		least := 0.75
		if p.start == local.start && local.end > 0 {
			least = 0.6
		}
		// (and the diabetes's second complication, on a weaker match
		// still, when its code is the diabetes's)
		diabetic := p.start == second.start && second.end > 0
		if diabetic {
			least = 0.45
		}

		// "vasovagal (reflex) syncope": a word in parentheses inside a
		// condition's name is the name's aside, no condition
		if asideInName(note, p, it) {
			continue
		}
		p = trim(p)
		// "…, no concussion sx (no LOC, amnesia, confusion, HA,
		// nausea)": a part inside an aside that denies its list
		// (or the last member of a list a negation opens: "… with no
		// identified exposure, drug, or connective tissue disease")
		if negatedAside(note[max(it.start, strings.LastIndexAny(note[:p.start], ".\n")+1):p.start]) || lastMemberDenied(note, p.start) {
			continue
		}
		// "Depression screen negative; B12 deficiency excluded": a later
		// part that takes its own condition back
		if partTakenBack(note[p.start:p.end]) {
			continue
		}
		// "…, complicated by acute osteomyelitis of the L 1st metatarsal
		// head due to MSSA": a later part's lead names no condition
		if m := complicatedByRe.FindStringIndex(note[p.start:p.end]); m != nil && p.start+m[1] < p.end {
			p.start += m[1]
		}
		// "…; fasting glucose 78–92 on logs": a value reported, no
		// condition
		if t := note[p.start:p.end]; measurement.MatchString(t) && !conditionWordInRe.MatchString(t) && !slices.ContainsFunc(strings.Fields(t), knownAbbreviation) {
			continue
		}
		if n := countLetters(note[p.start:p.end]); n < 5 && !(listed[p] && n >= 3) && !knownAbbreviation(note[p.start:p.end]) {
			continue
		}
		if len(out) > 0 && restates(note[p.start:p.end], out[0].r) || descriptorAlone[strings.ToLower(note[p.start:p.end])] {
			continue
		}
		c, ok := look(p)
		if a, j := joined[p.end]; j && p.start < a.start {
			c, ok = lookText(strings.TrimSpace(note[p.start:a.start])+" "+strings.TrimSpace(note[a.end:p.end]), p)
		}
		if diabetic && ok && !diabetesComplication(c.r.Code) {
			least = 0.75
		}
		// "Chronic systolic HF (HFrEF), NYHA II, d/t nonischemic dilated
		// cardiomyopathy": a later part that names a cause, a condition
		// of its own (not an organism, which the condition before it
		// takes: "Sepsis, due to E. coli")
		if m := causeLeadRe.FindStringIndex(note[p.start:p.end]); !ok && m != nil && p.start+m[1] < p.end {
			if c2, ok2 := look(span{p.start + m[1], p.end}); ok2 && !organismCode(c2.r.Code) {
				c, ok = c2, true
			}
		}
		if ok {
			c = withVirus(c)
		}
		// "…, likely secondary to acute L ethmoid sinusitis following
		// viral URI": the condition before what it followed
		if k := strings.Index(note[p.start:p.end], " following "); (!ok || c.r.Score < least) && k > 0 {
			if c2, ok2 := look(span{p.start, p.start + k}); ok2 && c2.r.Score >= least {
				c, ok = c2, true
			}
		}
		// "bone metastases to thoracic spine and right iliac bone": the
		// bones a bone metastasis reached are no axis of C79.51
		if m := metastasesToRe.FindStringSubmatchIndex(note[p.start:p.end]); (!ok || c.r.Score < least) && m != nil {
			if c2, ok2 := lookText(note[p.start:p.start+m[3]], span{p.start, p.start + m[3]}); ok2 && c2.r.Score >= least {
				c, ok = c2, true
			}
		}
		if !ok || c.r.Score < least {
			// "…, expressive aphasia and oropharyngeal dysphagia", "brain
			// and bone metastases", "metastatic to brain and bone": a
			// later part of a short list that no code names well whole
			// is two conditions joined by "and" (not in a sentence: "his
			// tachycardia and hypotension corrected with fluids")
			// (or one of sites sharing their noun, however long the item)
			if wordCount(note[it.start:it.end]) <= 16 || sharedNounList(note[p.start:p.end]) {
				for _, m := range append(andMembers(note, p), versusMembers(note, p)...) {
					if c, ok := lookText(m.text, m.at); ok && c.r.Score >= 0.75 && (len(out) == 0 || c.r.Code[:3] != out[0].r.Code[:3]) {
						out = append(out, c)
					}
				}
			}
			// "…, admitted with acute exacerbation of COPD triggered by
			// LLL community-acquired pneumonia": the condition and its
			// cause, each on its own
			// (only when the words before it name a condition: "stopped
			// risperidone due to weight gain" codes no weight gain)
			// "…, cardioembolic mechanism - embolism from newly diagnosed
			// atrial fibrillation": an embolism's source is a condition
			// of its own (the embolism is the stroke's)
			if m := embolismSourceRe.FindStringIndex(note[p.start:p.end]); m != nil && p.start+m[1] < p.end {
				if c, ok := look(span{p.start + m[1], p.end}); ok && c.r.Score >= least && !pastIndication(c) && !slices.ContainsFunc(out, func(o concept) bool { return o.r.Code == c.r.Code }) {
					out = append(out, c)
				}
				continue
			}
			if m := causeConnectorRe.FindStringIndex(note[p.start:p.end]); m != nil {
				if c, ok := look(span{p.start, p.start + m[0]}); ok && c.r.Score >= least && !pastIndication(c) {
					for _, c := range []concept{c} {
						switch {
						case len(out) > 0 && namesVagueFirst(c, out[0]):
							out[0] = c // (as below: "Conn syndrome due to …")
						case !slices.ContainsFunc(out, func(o concept) bool { return o.r.Code == c.r.Code }):
							out = append(out, c)
						}
					}
					if c, ok := look(span{p.start + m[1], p.end}); ok && c.r.Score >= least && !pastIndication(c) && !slices.ContainsFunc(out, func(o concept) bool { return o.r.Code == c.r.Code }) {
						out = append(out, c)
					}
				}
			}
			continue
		}
		// ("Chronic hepatitis C, genotype 1a, viremic": the infection's
		// viremia is its own, no unspecified viral infection beside it)
		// "Primary hyperaldosteronism — Conn syndrome due to …": a later
		// part that names its category's condition the first part left
		// "other" or "unspecified" is that condition
		if len(out) > 0 && c.r.Score >= least && namesVagueFirst(c, out[0]) && !diabetic {
			out[0] = c
			continue
		}
		// (a diabetes's second complication has its category)
		if c.r.Score < least || len(out) > 0 && (c.r.Code[:3] == out[0].r.Code[:3] && !diabetic || mechanismOf(c.r.Code, out[0].r.Code) || c.r.Code == "B34.9" && (out[0].r.Code[0] == 'A' || out[0].r.Code[0] == 'B')) || pastIndication(c) {
			continue
		}
		out = append(out, c)
	}
	// A sentence of a prose assessment: the conditions its frames
	// introduce, each read in its own clause.
	if wordCount(note[it.start:it.end]) > 12 {
	spans:
		for _, sp := range proseSpans(note[it.start:it.end]) {
			p := span{it.start + sp[0], it.start + sp[1]}
			if countLetters(note[p.start:p.end]) < 4 {
				continue
			}
			clause := it.start + strings.LastIndexAny(note[it.start:p.start], ",;:(") + 1
			after := p.end
			if k := strings.IndexAny(note[p.end:it.end], ",;:()"); k >= 0 {
				after += k
			} else {
				after = it.end
			}
			if ownContext(note[clause:p.end], opt) || negatedJustBefore.MatchString(note[clause:p.start]) || proseQualifierAfter.MatchString(note[p.end:after]) ||
				laterRe.MatchString(note[clause:p.start]) || treatedForBefore.MatchString(note[clause:p.start]) {
				continue
			}
			c, ok := look(p)
			// a symptom or sign in a sentence is the story, not a
			// diagnosis
			if !ok || c.r.Score < proseMinScore || c.r.Code[0] == 'R' || strings.HasPrefix(c.r.Code, "K92.") {
				continue
			}
			c.prose = true
			for _, o := range out {
				if o.r.Code[:3] == c.r.Code[:3] || c.start < o.end && o.start < c.end {
					continue spans
				}
			}
			out = append(out, c)
		}
	}
	return append(out, extra...)
}

// withMetastasesRe is a cancer named with its metastases: the " with "
// between them is submatch 1.
var withMetastasesRe = guard(`(?i)\b(?:cancer|carcinoma|adenocarcinoma|malignancy|neoplasm|tumou?r|lymphoma|melanoma|sarcoma)\b[^,;]*?(\s+(?:with|w/)\s*)[^,;]*\b(?:metastas[ie]s|mets)\b`, "metasta", "mets")

// withMetastasesPartRe is a part that adds a cancer's metastases: "with
// liver metastases".
var withMetastasesPartRe = regexp.MustCompile(`(?i)^\s*(?:and\s+)?with\s+[^,;]*\b(?:metastas[ie]s|mets)\b`)

// metastaticToRe is a cancer named, then where it spread: "adenocarcinoma
// of the right upper lobe metastatic to bone", "prostate cancer with
// progression in bone"; the space before "metastatic" is submatch 1.
var metastaticToRe = guard(`(?i)\b(?:cancer|carcinoma|adenocarcinoma|malignancy|neoplasm|tumou?r|lymphoma|melanoma|sarcoma)\b[^,;]*?(\s+)(?:metastatic\s+to|with\s+(?:disease\s+)?progression\s+(?:in|to))\b`, "metastatic to", "progression")

// drugNonadherenceRe is a drug the patient did not take as prescribed:
// "lithium nonadherence", "noncompliance with insulin" (the drug is group
// 1 or group 2).
var drugNonadherenceRe = guard(`(?i)\b([a-z]{5,})\s+(?:non-?adherence|non-?compliance)\b|\b(?:non-?adherence|non-?compliance)\s+(?:to|with)\s+(?:his\s+|her\s+|their\s+)?([a-z]{5,})\b`, "adheren", "complian")

// territoryInfarctRe is an infarction a brain artery's territory places:
// "Acute ischemic infarction, left MCA territory" is the stroke the
// titles call a cerebral infarction (group 1 "ischemic ", group 2 the
// territory's words).
var territoryInfarctRe = guard(`(?i)\b(ischemic\s+)?infarct(?:ion)?(,?\s+(?:of\s+the\s+|in\s+the\s+)?(?:left\s+|right\s+|l\s+|r\s+)?(?:MCA|ACA|PCA|middle cerebral|anterior cerebral|posterior cerebral)\b)`, "infarct")

// hyponatremiaKindRe is a hyponatremia with the words that class it,
// which its one code (E87.1) does not: "symptomatic hypotonic
// hyponatremia", "severe euvolemic hyponatremia".
var hyponatremiaKindRe = guard(`(?i)\b(?:(?:symptomatic|hypotonic|hypo-?osmolar|euvolemic|hypervolemic|hypovolemic|severe|mild|moderate|chronic|acute|profound)\s+)+hyponatremia\b`, "hyponatremia")

// progressionSiteRe opens a part with where a metastatic cancer
// progressed, which is its spread: "with progression in bone" is
// "metastatic to bone".
var progressionSiteRe = guard(`(?i)^\s*(?:with\s+)?(?:disease\s+)?progression\s+(?:in|to)\s+(?:the\s+)?`, "progression")

// metastaticCancerToRe is a cancer called metastatic, then where it
// spread: "Metastatic sigmoid colon cancer to liver", "63F with
// metastatic pancreatic head adenocarcinoma to liver".
var metastaticCancerToRe = guard(`(?i)^\W*(?:\d{1,3}\s*(?:y/?o\s*|-?year-old\s+)?(?:[MF]|man|woman|male|female)\s+with\s+)?metastatic\s+(?:[a-z-]+\s+){0,4}?(?:cancer|carcinoma|adenocarcinoma|malignancy|neoplasm|tumou?r|melanoma|sarcoma)(\s)to\s+(?:the\s+)?`+metastaticSites+`\b`, "metastatic")

// metastaticSites are the sites a cancer spreads to, as notes name them.
const metastaticSites = `(?:liver|bones?|brain|lungs?|peritoneum|adrenals?|adrenal glands?|lymph nodes|nodes|spine|pleura|omentum|ovar(?:y|ies))`

// toMetastaticSiteRe is the second part of such a cancer: "to liver".
var toMetastaticSiteRe = guard(`(?i)^to\s+(?:the\s+)?(`+metastaticSites+`)\b`, "to")

// pregnancyHistoryRe is the supervision of a pregnancy with a history
// (O09.-: "high-risk pregnancy with history of preterm labor"), where the
// history belongs to the code; pregnancyHistoryWords are its history words.
var (
	pregnancyHistoryRe    = guard(`(?i)\b(?:supervision|pregnan\w*)\b[^.;]*?\bwith\s+(?:a\s+)?(?:history|hx|h/o)\s+of\b`, "pregnan", "supervision")
	pregnancyHistoryWords = regexp.MustCompile(`(?i)\b(?:history|hx|h/o)\s+of\b`)
)

// treatsFor is a plan's lead-in before the condition a drug treats:
// "Sertraline 100 mg continues for generalized anxiety disorder", "For the
// bipolar I disorder with a current moderate depressive episode, we will
// add …".
var treatsFor = guard(`(?i)^(?:.*?\b(?:continues?|continued|started|restarted|resumed|prescribed|increased|decreased|titrated|added|refilled)\s+for|\s*for)\s+(?:the\s+|his\s+|her\s+|their\s+)?`, "for")

// notTreatedCondition is what a drug is started for that is no diagnosis:
// "amlodipine started for blood pressure", "for rate control".
var notTreatedCondition = regexp.MustCompile(`(?i)^(?:blood pressure|bp|heart rate|rate control|rhythm control|glucose|sugars?|pain|comfort|sleep|prophylaxis|dvt prophylaxis|vte prophylaxis|nausea|symptoms?)\b`)

// sepsisBacteremiaRe is a sepsis named by its bacteremia: "Severe sepsis
// due to E. coli bacteremia" is the sepsis due to E. coli (A41.51); the
// bacteremia (R78.81) is part of it.
var sepsisBacteremiaRe = guard(`(?i)\b(sepsis|septicemia)\b([^,;]*?)\s+bacteremia\b`, "bacteremia")

// lookupRewrites are words a lookup leaves out, each a guarded pattern and
// what replaces its match.
var lookupRewrites = []struct {
	re   *guarded
	repl string
}{
	{organLacerationGradeRe, "$3 laceration of $1"}, // (before the grades are dropped)
	{progressionSiteRe, "metastatic to "},
	{hyponatremiaKindRe, "hyponatremia"},
	{territoryInfarctRe, "${1}stroke$2"},
	{sepsisBacteremiaRe, "$1$2"},
	{sprainGradeRe, "$1"},
	{severityWordRe, "$1"},
	{castrationRe, ""},
	{jointInfectionOnsetRe, "$1"},
	{degreeAdverbRe, ""},
	{esophagitisGradeRe, ""},
	{metabolicPancreatitisRe, "$1$2"},
	{severeDegreeRe, "$1"},
	{nonobstructingStoneRe, "$1"},
	{visitAgeRe, "$1"},
	{gradeLeadRe, ""},
	{allergenIngestedRe, "$1 due to "},
	{embolismExtentRe, "$1"},
	{riskClassRe, ", $1 "},
	{comorbidLeadRe, ""},
	{acuteInfarctionRe, "$1"},
	{acuteInjuryRe, "$1"},
	{adrenalCrisisRe, "$1"},
	{boneSarcomaRe, "malignant neoplasm of $1$2"},
	{allergenAsideRe, "$1 due to $2"},
	{chemoMucositisRe, "${1}mucositis due to antineoplastic therapy"},
	{skinInfectionArmRe, "${1}${2}arm"},
	{adrenalAdenomaRe, "benign neoplasm of $1 adrenal gland"},
	{hypertensionGroupRe, "group $1 pulmonary hypertension"},
	{osteoporoticVertebraRe, "osteoporotic fracture of vertebra"},
	{vertebraFractureOfOsteoporosisRe, "osteoporotic fracture of vertebra"},
	{pollenRe, "pollen"},
	{colonSegmentsRe, "$1"},
	{toMetastaticSiteRe, "metastatic to $1"},
	{neuropathyDescriptorRe, "$1"},
	{countLeadRe, ""},
	{sidedColonRe, "colonic $1"},
	{metastaticPrimaryRe, "$1"},
	{pancreasPartRe, "$1 of pancreas $2"},
	{followingSurgeryRe, "$1 following a procedure"},
	{underlyingDiabetesRe, "${1}diabetes mellitus due to underlying condition"},
	{strokeLateEffectRe, "following cerebral infarction"},
	{gangrenousHerniaRe, "$1"},
	{heydeSyndromeRe, ""},
	{completeCuffTearRe, "complete $1"},
	{groupAStrepRe, "group A streptococcus"},
	{valveDiseaseGradeRe, "$1"},
	{discPositionRe, "$1"},
	{slipGradeRe, "$1"},
	{urologicBleedRe, "postprocedural hemorrhage following genitourinary procedure"},
	{mastoidAbscessRe, "subperiosteal abscess of mastoid$1"},
	{underdosingSlashRe, "$1"},
	{thyroidHistologyRe, "$1"},
	{ironDeficiencyBloodLossRe, "$1 secondary to blood loss (chronic)"},
	{sidedHerniaRe, "unilateral$1"},
	{alcoholPancreatitisAfterRe, "${1}alcohol induced $2"},
	{alcoholCauseAfterRe, "${1}alcoholic $2"},
	{completeRemissionRe, "remission"},
	{slidingScaleRe, "sliding scale insulin"},
	{chemoCauseNamedRe, "${1}cancer chemotherapy"},
	{roomAirRe, "on room air"},
	{arteryDivisionRe, "$1"},
	{endocarditisOrganismRe, "$1"},
	{infectiveValveRe, "$1"},
	{symptomSeverityRe, "$1"},
	{anoxicInjuryRe, "anoxic brain damage"},
	{cancerPainCrisisRe, "$1"},
	{drugClassNamedRe, "$1 $2"},
	{gravesStormRe, "thyrotoxicosis with diffuse goiter with thyrotoxic crisis or storm"},
	{drugDiabetesRe, "drug induced diabetes mellitus due to $1"},
	{uncomplicatedDissectionRe, "$1"},
	{foodReactionRe, "adverse food reaction"},
	{lateralSprainRe, "$1"},
	{colitisFlareRe, "$1"},
	{jointRegionPainRe, "$1 $2"},
	{neoplasticFractureRe, "pathological fracture in neoplastic disease $1"},
	{metastasesExtentRe, "$1"},
	{pregnancyWeeksTailRe, "$1"},
	{siteRashRe, "$1"},
	{symptomaticOfLeadRe, ""},
	{clabsiLineRe, "$1"},
	{candidaSpeciesRe, "$1"},
	{osteopeniaSitesRe, "other specified disorders of bone density and structure, multiple sites"},
	{armSkinInfectionRe, "$1 of $2 upper limb"},
	{armSiteInfectionRe, "$2 of ${1}upper limb"},
	{sitedParesthesiaRe, "$1"},
	{continuationLeadRe, ""},
	{sourceLeadRe, ""},
	{dressRe, "DRESS syndrome"},
	{stenosisPercentRe, "$1"},
	{exitSeekingRe, "wandering"},
	{poisonRelatedRe, ""},
	{symptomaticFibroidRe, "$1"},
	{gestationTokenRe, ""},
	{adhesiveBandRe, "adhesions"},
	{gradeAfterRe, ""},
	{ulcerBulbRe, "$1"},
	{visibleVesselRe, " with hemorrhage"},
	{residualLeadRe, ""},
	{newlyDiagnosedRe, ""},
	{raWithRFRe, "rheumatoid arthritis with rheumatoid factor"},
	{pumpInUseRe, "presence of insulin pump"},
	{exposureWordsRe, "$1 to "},
	{ligamentTearRe, "sprain of ${1}${2}"},
	{digestiveBleedAfterRe, "postprocedural $1 of a digestive system organ or structure following a digestive system procedure"},
	{superficialDehiscenceRe, "disruption of external operation wound"},
	{breechKindRe, "$1"},
	{ribRangeRe, "multiple fractures of ${1}ribs"},
	{ribNumberedRe, "fracture of one rib, ${1}side"},
	{numberedRibRe, "fracture of one rib, ${1}side"},
	{recurrentFallsRe, "at risk for falling"},
	{severeFeaturesRe, "severe $1"},
	{siteInfectionOfRe, "$1"},
	{risingPSAAfterRe, "rising PSA following treatment for malignant neoplasm of prostate"},
	{angioedemaSiteRe, "$1"},
}

// organLacerationGradeRe is a solid organ's laceration with its AAST grade
// and the size word the codes name: "Splenic laceration, AAST grade III
// (moderate)" is a moderate laceration of the spleen (S36.031A).
var organLacerationGradeRe = guard(`(?i)\b(splenic|spleen|liver|hepatic|kidney|renal)\s+laceration,?\s+(?:AAST\s+)?grade\s+(I{1,3}|IV|V|[1-5])\s*[(,]?\s*(minor|moderate|major|superficial)\)?`, "laceration")

// angioedemaSiteRe is an angioedema with the parts it swells, which its
// code does not name: "Angioedema of lip/tongue due to ACE inhibitor" is
// the angioedema (T78.3XXA) with the drug's adverse effect.
var angioedemaSiteRe = guard(`(?i)\b(angio-?edema)\s+of\s+(?:the\s+)?(?:(?:upper|lower)\s+)?(?:lips?|tongue|face|eyelids?|throat|mouth|hands?|feet)(?:\s*(?:/|and|&|,)\s*(?:the\s+)?(?:lips?|tongue|face|eyelids?|throat|mouth))*\b`, "edema")

// risingPSAAfterRe is a PSA rising after the prostate cancer's treatment
// (R97.21), which notes name by the treatment: "Rising PSA following
// radical prostatectomy for prostate cancer".
var risingPSAAfterRe = guard(`(?i)\b(?:rising|increasing|detectable)\s+PSA\s+(?:level\s+)?(?:following|after|post|s/p)\s+(?:[a-z-]+\s+){0,3}?(?:prostatectomy|radiation|radiotherapy|brachytherapy|treatment|therapy|RALP|RRP)\b(?:\s+for\s+(?:his\s+)?prostate\s+(?:cancer|adenocarcinoma|carcinoma|ca)\b)?`, "psa")

// sentenceNumberRe numbers a sentence of a list run into one line: "3)
// Obesity class 2".
var sentenceNumberRe = regexp.MustCompile(`^\s*\d{1,2}\)\s+`)

// noLUTSRe denies an enlarged prostate's urinary symptoms: "BPH on
// tamsulosin (no current LUTS)".
var noLUTSRe = regexp.MustCompile(`\bno (?:current |active |significant |bothersome |new )?(?:luts|lower urinary tract symptoms|urinary symptoms)\b`)

// flareOfRe opens a condition with its flare, which names no code of its
// own: "Acute flare of primary (idiopathic) gout, right knee" is the
// idiopathic gout of the right knee (M10.061; the index files the flare
// as gout itself, "Gout, gouty (acute) (attack) (flare)"), "Acute severe
// flare of ulcerative pancolitis with rectal bleeding" the pancolitis
// with its bleeding (K51.011). A flare of a disease whose codes name an
// exacerbation (COPD, asthma) is read as the search reads it.
var (
	flareOfRe        = guard(`(?i)\b(?:an?\s+)?(?:(?:acute|severe|mild|moderate|moderate-to-severe)\s+)*flare\s+of\s+(?:(?:his|her|the|known)\s+)?`, "flare")
	exacerbationOfRe = regexp.MustCompile(`(?i)\b(?:copd|asthma|bronchiectasis|emphysema|bronchitis|myasthenia|pulmonary disease|heart failure|chf)\b`)
)

// exposureWordsRe is an exposure with the words around it that no code
// holds: "close household exposure to confirmed COVID-19" is an exposure
// to COVID-19 (Z20.822).
var exposureWordsRe = guard(`(?i)\b(?:(?:close|household|known|direct|recent|significant)\s+)+(exposure|contact)\s+(?:with|to)\s+(?:an?\s+|the\s+)?(?:(?:confirmed|lab-confirmed|known|positive|documented)\s+)?`, "exposure", "contact")

// pumpInUseRe is an insulin pump an item says the patient uses ("Insulin
// pump in use (Control-IQ)"): its presence (Z96.41), not an encounter to
// fit or adjust it (Z46.81).
var pumpInUseRe = guard(`(?i)^\s*(?:on\s+(?:an?\s+)?)?insulin pump(?:\s+(?:in use|therapy|user))?\s*$`, "pump")

// raWithRFRe is a rheumatoid arthritis written with its factor present:
// "RA w/ RF" (a bare "RF" is left alone: "RA, RF negative").
var raWithRFRe = guard(`(?i)\b(?:RA|rheumatoid arthritis)\s+(?:with|w/)\s*RF\b`, "rf")

// embolismSourceRe is a later part's embolism named before its source:
// "embolism from atrial fibrillation", "cardioembolism due to LV
// thrombus".
var embolismSourceRe = regexp.MustCompile(`(?i)^\s*(?:cardio|thrombo)?embol(?:ism|i|us)\s+(?:from|due to|secondary to|caused by|d/t|2/2)\s+`)

// newlyDiagnosedRe is "newly diagnosed" before a condition ("embolism from
// newly diagnosed atrial fibrillation"): when it was found codes nothing,
// and the condition after it is no tail to cut.
var newlyDiagnosedRe = guard(`(?i)\b(?:newly|recently|just|first)\s+diagnosed\s*$|\b(?:newly|recently|just|first)\s+diagnosed\s+`, "diagnosed")

// residualLeadRe opens a deficit a stroke left: "Residual R hemiparesis
// (dominant side)" is looked up as the hemiparesis; the evidence keeps the
// word, by which strokeSequelae tells an earlier stroke's sequela (I69.-)
// from a current stroke's deficit.
var residualLeadRe = guard(`(?i)^\s*residual(?:\s+(?:deficits?|neuro(?:logic(?:al)?)? deficits?))?\s*[:,-]?\s+`, "residual")

// withTypeRe opens the type of a reaction named after it.
var withTypeRe = regexp.MustCompile(`(?i)\s(?:with|manifest(?:ed|ing) as|presenting as)\s+`)

// adhesiveBandRe is an obstruction's cause written as its band: the
// titles' "intestinal adhesions [bands]" (K56.5-).
var adhesiveBandRe = guard(`(?i)\b(?:(?:a\s+)?(?:single\s+|dense\s+|fibrous\s+)*adhesive bands?|(?:a\s+)?(?:single\s+|dense\s+)*(?:adhesion|fibrous) bands?)\b`, "band")

// lateralSprainRe is an ankle sprain called lateral or medial, which the
// codes give by the ligament, not the side of the ankle.
var lateralSprainRe = guard(`(?i)\b(?:lateral|medial)\s+(ankle\s+sprain)\b`, "lateral", "medial")

// gradeAfterRe is a sprain's or strain's grade written after it, as a part
// of its own (", grade II,"): no code holds it.
var gradeAfterRe = guard(`(?i),\s*grade\s+(?:[1-3]|i{1,3})\b`, "grade")

// foodReactionRe is an allergic reaction to a food short of anaphylaxis:
// the titles' "other adverse food reactions" (T78.19-; milk and egg have
// codes of their own, by the baked form's tolerance).
var foodReactionRe = guard(`(?i)\ballergic reaction (?:to|from) (?:(?:shell)?fish|shrimp|crab|lobster|crustaceans?|peanuts?|tree nuts?|nuts?|sesame|wheat|soy|strawberr(?:y|ies)|(?:a )?food)\b`, "allergic reaction")

// symptomaticOfLeadRe opens a later part with the cause its condition is
// a symptom of: "…, symptomatic of left mesial temporal sclerosis" is the
// sclerosis (G93.81).
var symptomaticOfLeadRe = guard(`(?i)^\s*symptomatic\s+of\s+`, "symptomatic")

// siteRashRe is a rash named by where it is, which R21 does not hold:
// "Right groin rash".
var siteRashRe = guard(`(?i)\b(?:(?:right|left|bilateral|R|L)\s+)?(?:groin|inguinal|axillary|facial|truncal|perineal|buttock|abdominal|neck|chest|back)\s+(rash|skin eruption)\b`, "rash", "eruption")

// clabsiLineRe is a central line's bloodstream infection named with the
// line, which T80.211A does not hold: "Central line-associated
// bloodstream infection of tunneled right IJ Hickman catheter".
var clabsiLineRe = guard(`(?i)\b(central[- ]line[- ]associated bloodstream infection|CLABSI)\s+(?:of|from|involving|related to|due to)\s+(?:the\s+|a\s+|his\s+|her\s+)?[^,;()]*?\b(?:catheter|line|port|PICC|Hickman|CVC)\b`, "bloodstream", "clabsi")

// osteopeniaSitesRe is an osteopenia of two sites or more: "Osteopenia of
// the lumbar spine and bilateral hips" is of multiple sites (M85.89).
var osteopeniaSitesRe = guard(`(?i)\bosteopenia\s+(?:of|in|at)\s+(?:the\s+)?[a-z ]+?\s+and\s+(?:the\s+)?(?:bilateral\s+|both\s+|left\s+|right\s+)?(?:hips?|spine|femurs?|femoral necks?|forearms?|wrists?)\b`, "osteopenia")

// candidaSpeciesRe is a Candida named by its species, which the candidal
// codes do not hold: "Candida parapsilosis sepsis" is a candidal sepsis.
var candidaSpeciesRe = guard(`(?i)\b(candida)\s+(?:albicans|glabrata|parapsilosis|tropicalis|krusei|auris|lusitaniae|dubliniensis)\b`, "candida")

// pregnancyWeeksTailRe is a pregnancy's weeks after its outcome, which
// weeks of gestation (Z3A) code and the outcome's code does not hold:
// "Incomplete spontaneous abortion at approximately 10 weeks by LMP".
var pregnancyWeeksTailRe = guard(`(?i)\b(abortion|miscarriage|pregnancy loss|pregnancy|fetal demise|iufd)\s+at\s+(?:approximately\s+|approx\.?\s+|about\s+|~\s*)?\d{1,2}(?:\s*\+\s*\d|\s*w\s*\d\s*d)?\s*(?:weeks?|wks?)?(?:\s+(?:and\s+)?\d\s+days?)?(?:\s+(?:gestation|GA))?(?:\s+(?:by|per)\s+(?:LMP|US|ultrasound|dates|dating))?`, "abortion", "miscarriage", "pregnan", "demise", "iufd")

// metastasesExtentRe is how far metastases spread, which no code says:
// "diffuse osseous metastases" are bone metastases (C79.51).
var metastasesExtentRe = guard(`(?i)\b(?:diffuse|widespread|extensive|multifocal|multiple|numerous|scattered|innumerable|bulky|progressive|progressing)\s+((?:[a-z]+\s+)?(?:metastas[ie]s|mets|metastatic disease))\b`, "metasta", "mets")

// neoplasticFractureRe is a pathological fracture through a metastasis or
// a tumor: "Pathologic fracture of the right femoral shaft through a
// metastatic lesion" is the fracture in neoplastic disease (M84.551A), not
// the one of no named cause (M84.451A).
var neoplasticFractureRe = guard(`(?i)\bpatholog(?:ic|ical)\s+fracture\s+(of\s+(?:the\s+)?[^,;()]*?)\s+(?:through|due to|from|secondary to|at|in)\s+(?:a|an|the)\s+(?:known\s+)?(?:lytic\s+)?(?:metastatic|malignant|neoplastic)\s+(?:lytic\s+)?(?:lesion|deposit|focus|tumou?r|disease)\b`, "patholog")

// jointRegionPainRe is a joint's pain written with the region it spreads
// to: "Left hip/groin pain" is the hip's pain (M25.552), not the groin's
// (R10.3-).
var jointRegionPainRe = guard(`(?i)\b((?:(?:left|right|L|R|bilateral)\s+)?(?:hip|knee|shoulder|ankle|elbow|wrist))\s*/\s*(?:groin|thigh|buttock|calf|arm|upper arm|forearm|leg|shin)\s+(pain)\b`, "/")

// colitisFlareRe is an inflammatory bowel disease's activity, which no
// code says: "Ulcerative colitis, left-sided, moderately active flare with
// rectal bleeding" is the colitis with rectal bleeding (K51.511).
var colitisFlareRe = guard(`(?i)\b((?:colitis|crohn'?s(?:\s+disease)?|proctitis|pancolitis|ileitis)\b[^.;]*?)(?:,\s*|\s+)(?:(?:mild(?:ly)?|moderate(?:ly)?|severe(?:ly)?)\s+)?(?:active\s+)?(?:flare|disease\s+activity)\b`, "flare", "activity")

// symptomSeverityRe is a symptom's severity, which its code does not hold
// ("acute severe headache" is R51.9; "severe" led the search to SARS and
// severe asthma).
var symptomSeverityRe = guard(`(?i)\b(?:severe|mild|moderate|intense|excruciating)\s+(headache|nausea|dizziness|vertigo|fatigue|cough|pruritus|itching)\b`, "severe", "mild", "moderate", "intense", "excruciating")

// anoxicInjuryRe is a brain injury from lack of oxygen, with its grade:
// "severe hypoxic-ischemic (anoxic) brain injury" is anoxic brain damage
// (G93.1), not an intracranial injury (S06) nor a newborn's
// encephalopathy.
var anoxicInjuryRe = guard(`(?i)\b(?:(?:severe|mild|moderate|diffuse|global)\s+)?(?:hypoxic[- ]ischemic|hypoxic|anoxic)(?:\s*\((?:anoxic|hypoxic)\))?\s+brain\s+(?:injury|damage)\b`, "brain")

// cancerPainCrisisRe is a cancer's pain called a crisis: "cancer-related
// pain crisis" is the neoplasm-related pain (G89.3), the crisis no code
// of its own (unlike a sickle-cell crisis, which is not matched here).
var cancerPainCrisisRe = guard(`(?i)\b((?:cancer|neoplasm|tumou?r|malignancy|malignant)[- ]related\s+pain)\s+crisis\b`, "crisis")

// drugClassNamedRe is a substance's class with the substance after it in
// parentheses: "Stimulant (methamphetamine) use disorder, mild" is read
// as "methamphetamine use disorder", and so is the part read with the
// parenthesis as commas (which had led the search to a stimulant abuse
// "with mood disorder").
var drugClassNamedRe = guard(`(?i)\b(?:stimulant|opioid|opiate|sedative|hypnotic|hallucinogen|inhalant)s?\s*[(,]\s*([a-z][a-z -]{2,30}?)\s*[),]\s*(use disorder|use|abuse|dependence|intoxication|withdrawal)\b`, "stimulant", "opioid", "opiate", "sedative", "hypnotic", "hallucinogen", "inhalant")

// gravesStormRe is a Graves disease in a thyroid storm, in either order:
// "Graves disease off methimazole presenting with likely thyroid storm",
// "Thyroid storm (Graves)": E05.01, which the search missed for the
// words between.
var gravesStormRe = guard(`(?i)\bgraves'?(?:\s+disease)?\b[^.;]{0,60}?\b(?:thyroid|thyrotoxic)\s+(?:storm|crisis)\b|\b(?:thyroid|thyrotoxic)\s+(?:storm|crisis)\s*(?:\(\s*|,\s*)?(?:(?:due to|from|secondary to|in)\s+)?graves'?(?:\s+disease)?\)?`, "graves")

// drugDiabetesRe is a diabetes a drug caused: "Post-transplant diabetes
// mellitus due to tacrolimus" is drug-induced diabetes (E09), not the
// post-transplant lymphoproliferative disorder the index's
// "post-transplant" led to; the drug is submatch 1.
var drugDiabetesRe = guard(`(?i)\b(?:post-?transplant(?:ation)?\s+|new-onset\s+)?diabetes(?:\s+mellitus)?\s+(?:due to|secondary to|induced by|from|caused by|related to)\s+(?:(?:his|her|the|chronic|long-term|high-dose)\s+)*(tacrolimus|cyclosporine|sirolimus|everolimus|prednisone|prednisolone|dexamethasone|methylprednisolone|hydrocortisone|steroids?|glucocorticoids?|corticosteroids?|olanzapine|clozapine|quetiapine|risperidone|antipsychotics?)\b`, "diabetes")

// uncomplicatedDissectionRe is an aortic dissection called
// uncomplicated, a word of its management (no rupture, no
// malperfusion) that no dissection code holds and that kept the phrase
// from its code: "Acute uncomplicated Stanford type B aortic dissection".
var uncomplicatedDissectionRe = guard(`(?i)\buncomplicated\s+((?:(?:stanford|debakey)\s+)?(?:type\s+(?:[ab]|i{1,3}a?|i{1,3}b)\s+)?(?:aortic\s+)?dissection)\b`, "dissection")

// endocarditisOrganismRe is an infective endocarditis named with its
// organism before it, which I33.0 does not hold (the organism is coded
// beside it): "Acute MSSA infective endocarditis".
var endocarditisOrganismRe = guard(`(?i)\b(?:MSSA|MRSA|VRE|staph(?:ylococcal|ylococcus)?(?:\s+aureus)?|S\.\s*aureus|strep(?:tococcal)?|enterococcal|viridans(?:\s+strep\w*)?)\s+((?:infective|infectious|bacterial)\s+endocarditis)`, "endocarditis")

// infectiveValveRe is an infective endocarditis named with its valve:
// the valve is no axis of I33.0, and "tricuspid" alone leads the index to
// the rheumatic codes (I01.1, I07.-).
var infectiveValveRe = guard(`(?i)\b((?:(?:acute|subacute)\s+)?(?:infective|infectious|bacterial)\s+endocarditis)\s+(?:of|involving|on)\s+(?:the\s+)?(?:native\s+|prosthetic\s+)?(?:tricuspid|mitral|aortic|pulmonic|pulmonary)(?:\s+valve)?`, "endocarditis")

// arteryDivisionRe is a cerebral artery's division or branch, which no
// code names ("left MCA superior division territory").
var arteryDivisionRe = guard(`(?i)\b(MCA|middle cerebral artery)\s+(?:superior|inferior|anterior|posterior)\s+(?:division|branch)\b`, "division", "branch")

// otherSmokerRe names someone else in a sentence about smoking: "Mom
// smokes cigarettes", "husband smokes on the porch" (secondhand smoke).
var otherSmokerRe = regexp.MustCompile(`(?i)\b(?:mom|mum|dad|parents?|caregivers?|grandma|grandpa|stepfather|stepmother|step-?dad|step-?mom|husband|wife|spouse|partner|boyfriend|girlfriend|roommates?|household)\b`)

// roomAirRe is "on RA", room air, which the synonym list otherwise reads
// as rheumatoid arthritis ("PaO2 54 on RA").
var roomAirRe = guard(`(?i)\b(?:on|at|@)\s+RA\b`, " ra")

// ulcerBulbRe is the duodenal bulb, which no ulcer code names apart from
// the duodenum.
var ulcerBulbRe = guard(`(?i)\b(duodenal)\s+bulb\b`, "bulb")

// visibleVesselRe is an ulcer's visible vessel or adherent clot, the
// stigmata of its bleeding ("chronic duodenal ulcer w/ visible vessel" is
// K26.4, with hemorrhage).
var visibleVesselRe = guard(`(?i)\s+(?:with|w/)\s+(?:an?\s+)?(?:non-?bleeding\s+)?(?:visible vessel|adherent clot)\b`, "visible vessel", "adherent clot")

// chemoCauseNamedRe is a cause written as a cancer chemotherapy's regimen
// ("secondary to adjuvant FOLFOX chemotherapy"): the titles say
// "secondary to cancer chemotherapy" (D70.1, D61.810).
var chemoCauseNamedRe = guard(`(?i)(\b(?:due to|secondary to|from|related to|induced by|d/t|2/2)\s+)(?:the\s+|recent\s+|his\s+|her\s+)?(?:(?:adjuvant|neoadjuvant|palliative|systemic)\s+)*(?:FOLFIRINOX|FOLFOX\d*|FOLFIRI|CAPOX|XELOX|R-?CHOP|ABVD|ddAC|AC-T|TCHP|FLOT)(?:\s+chemo(?:therapy)?)?\b`,
	"due to", "secondary to", "from", "related to", "induced by", "d/t", "2/2")

// slidingScaleRe is an insulin's sliding scale written "SSI" ("lispro
// SSI"), which is otherwise a surgical site infection.
var slidingScaleRe = guard(`(?i)\b(?:insulin|lispro|aspart|glulisine|regular|humalog|novolog|admelog|apidra)\s+SSI\b`, "ssi")

// completeRemissionRe is a remission counted or called complete: "in first
// complete remission" is the titles' "in remission".
var completeRemissionRe = guard(`(?i)\b(?:(?:first|second|third|1st|2nd|3rd)\s+)?(?:complete|cr1|cr2)\s+remission\b|\b(?:first|second|third|1st|2nd|3rd)\s+remission\b`, "remission")

// underlyingDiabetesRe is a diabetes put down to a disease of the
// pancreas or the glands ("Diabetes secondary to chronic pancreatitis
// (type 3c)", "pancreatogenic diabetes"): E08, diabetes due to an
// underlying condition, which is coded beside it (not E13, nor the
// "chronic" kidney disease of E08.22). A pancreas removed (E13) and a
// drug (E09) are not underlying conditions.
var underlyingDiabetesRe = guard(`(?i)^(\W*)(?:(?:type 3c|pancreatogenic|pancreatic|secondary)\s+)?diabetes(?:\s+mellitus)?,?\s+(?:(?:due to|secondary to|from|caused by|related to|2/2|d/t)\s+(?:(?:his|her|the|known|underlying)\s+)?(?:(?:chronic|recurrent|acute|alcoholic|alcohol-induced|calcific|hereditary)\s+)*(?:pancreatitis|cystic fibrosis|hemochromatosis|cushing'?s?(?:\s+(?:syndrome|disease))?|acromegaly)\b|\(?(?:type 3c|pancreatogenic)\)?).*$`, "diabetes")

// alcoholCauseAfterRe is a condition whose cause, alcohol, follows it
// ("Chronic calcific pancreatitis, alcohol-related", "Cirrhosis,
// alcohol-related"): read as "alcoholic" before the condition (K86.0,
// K70.30), not as a part of its own (an "alcohol-related" epilepsy).
// thyroidHistologyRe is a thyroid cancer's histology, which no code holds
// ("Papillary thyroid carcinoma" is C73, not the index's papillary serous
// carcinoma of the ovary).
var thyroidHistologyRe = guard(`(?i)\b(?:papillary|follicular|medullary|anaplastic|hurthle cell|differentiated)\s+(thyroid\s+(?:carcinoma|cancer|malignancy|microcarcinoma))`, "papillary", "follicular", "medullary", "anaplastic", "hurthle", "differentiated")

// underdosingSlashRe is an underdosing with the way of it after a slash
// ("insulin underdosing/rationing"): the underdosing (T38.3X6A), whose
// intent underdosingIntent reads from the note.
var underdosingSlashRe = guard(`(?i)\b(underdos(?:ing|ed|e))\s*/\s*(?:rationing|non-?adherence|non-?compliance|missed doses|skipped doses|omission)\b`, "underdos")

// mastoidAbscessRe is an acute mastoiditis with its subperiosteal abscess,
// which the H70.01- titles name alone ("Acute mastoiditis, RIGHT, with
// subperiosteal abscess" is H70.011, not H70.001 "without complications"
// beside an osteomyelitis); group 1 is the side between.
var mastoidAbscessRe = guard(`(?i)\b(?:acute\s+)?mastoiditis((?:,?\s*(?:right|left|bilateral|R|L)\b)?),?\s*(?:with|complicated by|w/)\s+(?:an?\s+)?subperiosteal abscess\b`, "mastoiditis")

// urologicBleedRe is a bleed after a urologic procedure ("Post-TURP
// hemorrhage"): the genitourinary system's postprocedural hemorrhage
// following its own procedure (N99.820).
var urologicBleedRe = guard(`(?i)\bpost[- ]?(?:TURP|TURBT|cystoscopy|prostatectomy|prostate biopsy|nephrectomy|ureteroscopy|PCNL|lithotripsy|vasectomy)\s+(?:hemorrhage|bleed(?:ing)?|hematuria)\b`, "turp", "turbt", "cystoscopy", "prostatectomy", "prostate biopsy", "nephrectomy", "ureteroscopy", "pcnl", "lithotripsy", "vasectomy")

// slipGradeRe is a spondylolisthesis's grade of slip, which no code holds
// ("Grade I degenerative spondylolisthesis, L4 on L5": M43.16).
var slipGradeRe = guard(`(?i)\b(?:meyerding\s+)?grade\s+(?:[1-4]|i{1,3}|iv)\s+((?:degenerative\s+|isthmic\s+)?spondylolisthesis)`, "grade")

// discPositionRe is where in the canal a disc herniates, which no code
// holds ("left paracentral/foraminal disc herniation").
var discPositionRe = guard(`(?i)\b(?:(?:left|right|central|paracentral|foraminal|extraforaminal|far[- ]lateral|lateral|posterior|posterolateral|broad[- ]based|subarticular|recess)(?:\s*/\s*|\s+))+((?:dis[ck])\s+(?:herniation|protrusion|extrusion|bulge))\b`, "disc", "disk")

// valveDiseaseGradeRe is a heart valve's stenosis or regurgitation with
// the grade and look an echo gives it, which no code holds ("Severe
// calcific nonrheumatic aortic stenosis" is I35.0); group 1 keeps a
// "nonrheumatic" (a mitral stenosis is rheumatic unless said otherwise).
var valveDiseaseGradeRe = guard(`(?i)\b(?:(?:severe|critical|moderate|mild|moderate-severe|moderate-to-severe|mild-to-moderate|calcific|calcified|degenerative|senile|symptomatic|asymptomatic)\s+)+((?:non-?rheumatic\s+)?(?:aortic|mitral|tricuspid)\s+(?:valve\s+)?(?:stenosis|regurgitation|insufficiency))\b`, "severe", "critical", "moderate", "mild", "calcif", "degenerative", "senile", "symptomatic", "asymptomatic")

// groupAStrepRe is "GAS" in capitals: group A streptococcus ("L
// peritonsillar abscess, GAS"), not the flatulence the word's index entry
// is (R14.3).
var groupAStrepRe = guard(`\b(?-i:GAS)\b`, "gas")

// completeCuffTearRe is a complete (full-thickness) rotator cuff tear
// with the look and cause words a shoulder surgeon lists before it
// ("Complete, full-thickness, nontraumatic (degenerative) rotator cuff
// tear of the right shoulder": M75.121, "not specified as traumatic").
var completeCuffTearRe = guard(`(?i)\b(?:(?:nontraumatic|non-traumatic|atraumatic|degenerative|chronic|massive)[\s,()]+)*(?:complete|full[- ]thickness)(?:[\s,()]+(?:complete|full[- ]thickness|nontraumatic|non-traumatic|atraumatic|degenerative|chronic|massive))*[\s,()]+(rotator cuff tear)`, "complete", "full")

// heydeSyndromeRe is Heyde syndrome, the bleeding of angiodysplasia beside
// aortic stenosis, each coded as the note names it: no condition of its
// own (and not the index's "Heyd's syndrome", hepatorenal, K76.7).
var heydeSyndromeRe = guard(`(?i)\bheyde'?s?\s+syndrome\b`, "heyde")

// ironDeficiencyBloodLossRe is an iron deficiency anemia put down to a
// blood loss, as the D50.0 title says it ("Iron deficiency anemia due to
// chronic occult GI blood loss").
var ironDeficiencyBloodLossRe = guard(`(?i)\b(iron[- ]deficiency\s+an(?:a)?emia)\s+(?:due to|secondary to|from|2/2|d/t|related to|caused by)\s+(?:(?:chronic|occult|slow|ongoing|recurrent|intermittent)\s+)*(?:(?:gi|gastrointestinal|menstrual|uterine|rectal|lower gi|upper gi)\s+)?(?:blood loss|bleeding)\b`, "iron")

// gangrenousHerniaRe is a hernia strangulated or incarcerated with
// gangrene: the gangrene's code includes the obstruction ("Strangulated
// left femoral hernia with gangrenous segment of ileum" is K41.40, not the
// index's strangulated hernia "without gangrene", K41.30).
var gangrenousHerniaRe = guard(`(?i)\b(?:strangulated|incarcerated|obstructed|obstructing)\s+((?:[a-z-]+\s+){0,3}?hernia\b[^,;()]*?\bgangren)`, "strangulated", "incarcerated", "obstruct")

// sidedHerniaRe is a groin hernia of one side: the titles say
// "unilateral" ("left femoral hernia" is K41.90, not the bilateral
// K41.20 its words tie with).
var sidedHerniaRe = guard(`(?i)\b(?:left|right|lt|rt|L|R)(\s+(?:[a-z-]+\s+){0,2}?(?:inguinal|femoral)\s+hernia)`, "inguinal", "femoral")

// strokeLateEffectRe is a deficit's stroke named as what it is the late
// effect of ("Left hemiparesis (non-dominant side) as late effect of R MCA
// cerebral infarction"): the I69.3- titles' "following cerebral
// infarction" (I69.354).
var strokeLateEffectRe = guard(`(?i)\b(?:as\s+(?:an?\s+)?)?(?:late\s+effects?|sequelae?|residua?l?)\s+(?:of|from)\s+(?:(?:his|her|the|a|an|prior|previous|old|remote|recent)\s+)*(?:(?:right|left|R|L)\s+)?(?:(?:MCA|ACA|PCA|middle|anterior|posterior|cerebral|artery|territory|ischemic|embolic|thrombotic|lacunar|cerebellar|pontine|thalamic|brainstem|hemispheric)\s+)*(?:infarction|infarct|stroke|CVA)\b`, "late effect", "sequela", "residua")

// (a pancreatitis's titles say "alcohol induced": K85.20, K86.0)
var alcoholPancreatitisAfterRe = guard(`(?i)^(\W*)([^,;()]*?pancreatitis),\s*(?:alcohol|etoh)[- ](?:related|induced|associated)\b`, "alcohol", "etoh")

var alcoholCauseAfterRe = guard(`(?i)^(\W*)([^,;()]+?),\s*(?:alcohol|etoh)[- ](?:related|induced|associated)\b`, "alcohol", "etoh")

// followingSurgeryRe is a surgical site infection named with the operation
// it followed ("organ/space surgical site infection following lap
// chole"): the T81.4- titles say "following a procedure".
var followingSurgeryRe = guard(`(?i)\b(surgical site infection|infection|sepsis|abscess)\s+following\s+(?:the\s+|a\s+|an\s+|his\s+|her\s+)?(?:lap(?:aroscopic)?\s+|open\s+|robotic\s+)?(?:chole|cholecystectomy|appendectomy|colectomy|hysterectomy|surgery|operation|[a-z]+ectomy|[a-z]+otomy|[a-z]+plasty)\b`, "following")

// pancreasPartRe is a cancer named by the part of the pancreas as an
// adjective, "pancreatic head adenocarcinoma": the titles say "head of
// pancreas" (C25.0), and "pancreatic" alone leads to the duct (C25.3).
var pancreasPartRe = guard(`(?i)\bpancreatic\s+(head|tail|body|neck)\s+((?:adeno)?carcinoma|cancer|malignancy|neoplasm)\b`, "pancreatic")

// metastaticPrimaryRe is a cancer "metastatic" of an organ that is a
// primary site ("metastatic carcinoma of the left breast"): the organ's
// primary cancer, which has spread (its metastases are coded where the
// note names them), not a secondary of the organ.
var metastaticPrimaryRe = guard(`(?i)\bmetastatic\s+((?:invasive\s+|ductal\s+|lobular\s+)*(?:carcinoma|adenocarcinoma|cancer)\s+of\s+(?:the\s+)?(?:(?:left|right)\s+)?(?:breast|prostate|colon|rectum|pancreas|kidney|ovary|bladder|stomach|esophagus|thyroid|endometrium|uterus|cervix)|(?:(?:left|right|sigmoid|ascending|descending|transverse)\s+)*(?:breast|prostate|colon|rectal|pancreatic|renal|ovarian|bladder|gastric|esophageal|thyroid|endometrial|uterine|cervical)\s+(?:(?:adeno)?carcinoma|cancer))\b`, "metastatic")

// sidedColonRe is a colonic finding named by the side of the colon
// ("Left-sided diverticulosis"), which is no laterality of the body.
var sidedColonRe = guard(`(?i)\b(?:left|right)[- ]sided\s+(diverticul(?:osis|ar disease))`, "sided")

// countLeadRe is how many, and how big, before a finding: "Two small
// colon polyps", "A 6 mm sessile polyp".
var countLeadRe = guard(`(?i)^(?:one|two|three|four|five|several|multiple|numerous|few|a few|an?|\d+)\s+(?:(?:small|tiny|diminutive|large|sessile|pedunculated|flat|\d+(?:\.\d+)?\s*(?:-\s*\d+\s*)?(?:mm|cm))\s+)+`, "small", "tiny", "diminutive", "large", "sessile", "pedunculated", "flat", "mm", "cm")

// neuropathyDescriptorRe is how a neuropathy is described, which no code
// holds: "symmetric distal diabetic peripheral polyneuropathy".
var neuropathyDescriptorRe = guard(`(?i)\b(?:(?:symmetric(?:al)?|distal|length[- ]dependent|painful|sensory|sensorimotor|stocking[- ]glove)\s+)+((?:diabetic\s+)?(?:peripheral\s+)?(?:poly)?neuropathy)`, "neuropathy")

// colonSegmentsRe is two segments of the colon a finding spans
// ("Sigmoid/descending diverticulosis", "sigmoid and descending colon
// diverticulosis"): the codes name the large intestine, which the first
// names as well as both.
var colonSegmentsRe = guard(`(?i)\b(sigmoid|descending|ascending|transverse|cecal|rectosigmoid)\s*(?:/|,|\band\b|&)\s*(?:the\s+)?(?:sigmoid|descending|ascending|transverse|cecal|rectosigmoid)\b`, "sigmoid", "descending", "ascending", "transverse", "cecal", "rectosigmoid")

// pollenRe is the plants a pollen allergy names, which its code does not
// ("allergic rhinitis due to tree and grass pollen" is J30.1, due to
// pollen).
var pollenRe = guard(`(?i)\b(?:(?:tree|grass|weed|ragweed|birch|oak|timothy|cedar|mold)s?\s*(?:/|,|and|or|&)?\s*)+pollens?\b`, "pollen")

// embolismExtentRe is a pulmonary embolism's side and extent, which no
// code holds ("bilateral segmental pulmonary emboli", "submassive PE"):
// the codes ask for its kind (saddle, septic) and the cor pulmonale.
// hasPrefixFold is strings.HasPrefix with ASCII case folded.
func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// riskClassRe is a pulmonary embolism's risk class between the condition
// and its "with" part, which no code holds: "Acute bilateral pulmonary
// emboli, intermediate-high risk, WITH acute cor pulmonale" is I26.09.
var riskClassRe = guard(`(?i),\s*(?:low|intermediate|high|intermediate-(?:low|high))(?:-|\s+)risk\s*,\s*(with|w/)\s`, "risk")

// unspecifiedBehaviourGroup returns the D49 subcategory digit of the
// organ a primary malignancy's code names (C67 bladder is D49.4), or 0.
func unspecifiedBehaviourGroup(code string) byte {
	if len(code) < 3 || code[0] != 'C' {
		return 0
	}
	n, err := strconv.Atoi(code[1:3])
	if err != nil {
		return 0
	}
	switch {
	case n >= 15 && n <= 26:
		return '0' // digestive organs
	case n >= 30 && n <= 39:
		return '1' // respiratory
	case n == 40 || n == 41 || n >= 43 && n <= 49:
		return '2' // bone, soft tissue, skin
	case n == 50:
		return '3' // breast
	case n == 67:
		return '4' // bladder
	case n >= 51 && n <= 68:
		return '5' // other genitourinary organs
	case n == 71:
		return '6' // brain
	case n == 70 || n >= 72 && n <= 75:
		return '7' // endocrine glands and other parts of the nervous system
	}
	return 0
}

// alcoholIntoxication gives an alcohol intoxication the use disorder its
// line names ("Acute alcohol intoxication; alcohol use disorder, mild" is
// abuse with intoxication, F10.12-; moderate or severe, dependence,
// F10.22-) and, when the line names no delirium or perceptual
// disturbance, the uncomplicated intoxication (…0), not the unspecified
// one (…9).
func alcoholIntoxication(out []Suggestion, x *lookups, opt Options) {
	for i, s := range out {
		if !hasAnyPrefix(s.Code, "F10.12", "F10.22", "F10.92") || len(s.Code) != 7 {
			continue
		}
		l := strings.ToLower(suggestionLine(opt.note, s))
		code := []byte(s.Code)
		switch {
		case strings.Contains(l, "use disorder, mild") || strings.Contains(l, "mild alcohol use disorder") || strings.Contains(l, "alcohol abuse"):
			code[4] = '1'
		case containsAny(l, "use disorder, moderate", "use disorder, severe", "moderate alcohol use disorder", "severe alcohol use disorder", "alcohol dependence"):
			code[4] = '2'
		}
		if code[6] == '9' && !containsAny(l, "delirium", "perceptual", "hallucinat") {
			code[6] = '0'
		}
		if c := string(code); c != s.Code {
			recode(&out[i], c, "alcohol intoxication as its line gives it", x, opt)
		}
	}
}

// routineSymptoms are the symptoms a condition routinely brings, which a
// note's "from …" gives to it: diarrhea, nausea and vomiting, abdominal
// pain, fever, confusion, agitation, tremor, palpitations, tachycardia,
// dyspnea, cough, fatigue, headache, dizziness, anorexia, weight loss (not
// a bacteremia, a shock, a sepsis's organ failure or a seizure, which
// are coded beside their cause).
var routineSymptoms = []string{"R19.7", "R11.", "R10.", "R50.9", "R41.0", "R45.1", "R25.1", "R00.0", "R00.2", "R06.0", "R05", "R53.", "R51", "R42", "R63.0", "R63.4"}

// symptomCauseRe follows a symptom with the condition its line says
// causes it, whose first word is submatch 1: "- from thyrotoxicosis",
// ": CNS manifestation of storm", ", due to the pneumonia".
var symptomCauseRe = regexp.MustCompile(`(?i)^[^.;(]{0,40}?(?:\bfrom|\bdue to|\bsecondary to|\b2/2|\bcaused by|\bmanifestation of|\bpart of)\s+(?:(?:the|his|her|known|underlying|likely|probable)\s+)*([a-z]{4,})`)

// sourceOfRe opens a part that names what the condition before it
// explains.
var sourceOfRe = regexp.MustCompile(`(?i)^(?:the\s+)?(?:likely\s+|probable\s+)?(?:source|cause|etiology)\s+of\b|^(?:explaining|accounting for|responsible for)\b`)

// symptomLike reports whether a code names a symptom or sign: chapter
// 18, or a bleeding the classification puts with its organ
// (postmenopausal, abnormal uterine, gastrointestinal), or a runny nose
// (J34.89, the index's "Rhinorrhea").
func symptomLike(code string) bool {
	return code[0] == 'R' || hasAnyPrefix(code, "N95.0", "N93.", "K92.0", "K92.1", "K92.2", "J34.89")
}

// dropOnLine removes the suggestions whose code starts with one of
// prefixes and that were read from the line of s, which holds them.
func dropOnLine(out []Suggestion, note string, s Suggestion, prefixes ...string) []Suggestion {
	line := suggestionLine(note, s)
	return slices.DeleteFunc(out, func(o Suggestion) bool { return hasAnyPrefix(o.Code, prefixes...) && suggestionLine(note, o) == line })
}

// rcaNamedRe and ladNamedRe name a coronary artery in a lower-case text
// (as words: no "bladder", no "circa").
var (
	rcaNamedRe = regexp.MustCompile(`\b(?:rca|right coronary)\b`)
	ladNamedRe = regexp.MustCompile(`\b(?:lad|left anterior descending)\b`)
)

// recentInfarctRe is a time within an infarction's four weeks.
var recentInfarctRe = regexp.MustCompile(`(?i)\b(?:[1-4]|one|two|three|four|a|few|several)\s+(?:days?|weeks?|wks?)\s+(?:after|ago|since|post)\b|\brecent\b`)

// lobeNamedRe is a lung lobe: group 1 the side's word, group 2 the lobe's
// word, or group 3 its abbreviation.
var lobeNamedRe = regexp.MustCompile(`(?i)\b(?:(right|left|R|L)\s+(upper|middle|lower)\s+lobe|(RUL|RML|RLL|LUL|LLL))\b`)

// lobeCancerCode is the lung cancer code of the lobe lobeNamedRe matched.
func lobeCancerCode(m []string) string {
	side, lobe := strings.ToUpper(m[1]), strings.ToLower(m[2])
	if m[3] != "" {
		a := strings.ToUpper(m[3])
		side, lobe = a[:1], map[byte]string{'U': "upper", 'M': "middle", 'L': "lower"}[a[1]]
	}
	right := strings.HasPrefix(side, "R")
	switch {
	case lobe == "middle" && right:
		return "C34.2"
	case lobe == "upper" && right:
		return "C34.11"
	case lobe == "upper":
		return "C34.12"
	case lobe == "lower" && right:
		return "C34.31"
	case lobe == "lower":
		return "C34.32"
	}
	return ""
}

// lobeFindingRe is a mass or nodule by the lobe it is in, which its code
// (R91.-) does not hold: "Right upper lobe lung mass", "RUL nodule".
var lobeFindingRe = guard(`(?i)\b(?:(?:right|left|R|L)\s+(?:upper|middle|lower)\s+lobe|RUL|RML|RLL|LUL|LLL|lingular?)\s+(?:lung\s+|pulmonary\s+|spiculated\s+)*(mass|nodule|opacity|density)\b`, "lobe", "rul", "rml", "rll", "lul", "lll", "lingul")

// osteoporoticVertebraRe is an osteoporotic fracture of a vertebra by its
// level, which its code (M80.08-) does not hold: "Acute osteoporotic
// compression fracture L1".
var osteoporoticVertebraRe = guard(`(?i)\b(?:acute\s+)?osteoporotic\s+(?:(?:compression|vertebral|wedge|burst)\s+)*fractures?\s+(?:of\s+)?(?:the\s+)?(?:[TL]\d{1,2}|thoracic|lumbar|thoracolumbar|vertebra\w*|spine)(?:\s*(?:-|and|,)\s*[TL]?\d{1,2})*\b(?:\s+(?:vertebra\w*|vertebral body))?`, "osteoporotic")

// vertebraFractureOfOsteoporosisRe is a vertebra's fracture the note puts
// down to osteoporosis: "Acute pathological compression fracture of L1 due
// to age-related (postmenopausal) osteoporosis" (M80.08XA).
var vertebraFractureOfOsteoporosisRe = guard(`(?i)\b(?:acute\s+)?(?:(?:pathologic(?:al)?|fragility|insufficiency|compression|vertebral|wedge|burst)\s+)*fractures?\s+(?:of\s+)?(?:the\s+)?(?:[TL]\d{1,2}|(?:\w+\s+)?(?:thoracic|lumbar|thoracolumbar)|vertebra\w*|spine)(?:\s+(?:vertebra\w*|vertebral body))?\s+(?:due\s+to|from|secondary\s+to|2/2)\s+(?:(?:age-related|postmenopausal|senile)\s+)?(?:\([^)]*\)\s+)?osteoporosis\b`, "osteoporosis")

// hypertensionGroupRe is a pulmonary hypertension's WHO group written
// after it ("Pulmonary hypertension, WHO group 3"), which the synonym list
// reads before it.
var hypertensionGroupRe = guard(`(?i)\bpulmonary hypertension,?\s+(?:\(?WHO\s+)?group\s+([1-5]|I{1,3}|IV|V)\b\)?`, "group")

// injuryKinds are the words that name an injury's kind.
var injuryKinds = []string{"abrasion", "laceration", "contusion", "puncture", "bite", "fracture", "dislocation", "subluxation", "sprain", "avulsion", "amputation", "crush"}

// adrenalAdenomaRe is an adrenal adenoma by its side, which the index
// reaches as a benign neoplasm of the gland (D35.0-): "right adrenal
// aldosterone-producing adenoma".
var adrenalAdenomaRe = guard(`(?i)\b(?:(right|left)\s+)?adrenal\s+(?:gland\s+)?(?:(?:[a-z]+-(?:producing|secreting)|non-?functioning|functioning|lipid-rich|benign)\s+)*adenoma\b`, "adrenal")

// skinInfectionArmRe is a skin infection of a part of the arm, which the
// index names as the arm (L02.41-, L03.11-: "upper limb"): "Cutaneous
// abscess, left forearm".
var skinInfectionArmRe = guard(`(?i)\b(abscess|cellulitis|furuncle|carbuncle|lymphangitis)(,?\s+(?:of\s+)?(?:the\s+)?(?:(?:right|left|R|L)\s+)?)(?:forearm|upper arm|elbow|antecubital(?: fossa)?)\b`, "forearm", "upper arm", "elbow", "antecubital")

// chemoMucositisRe is a mucositis due to a chemotherapy drug, which its
// code names as due to antineoplastic therapy (K12.31): "Oral mucositis
// due to methotrexate, grade 2".
var chemoMucositisRe = guard(`(?i)\b((?:oral\s+)?)mucositis\s+(?:due to|from|secondary to|related to|induced by)\s+(?:the\s+)?(?:high-dose\s+|HD-)?(?:methotrexate|MTX|chemo(?:therapy)?|cytarabine|5-?FU|fluorouracil|capecitabine|doxorubicin|irinotecan|docetaxel|melphalan|antineoplastic\w*)\b`, "mucositis")

// allergenAsideRe is an allergic condition with its allergen in
// parentheses: "Seasonal allergic rhinitis (tree pollen)" is due to pollen
// (J30.1).
var allergenAsideRe = guard(`(?i)\b((?:allergic\s+)?(?:rhinitis|rhinoconjunctivitis|conjunctivitis))\s*\(\s*((?:tree|grass|weed|ragweed|birch|oak)?\s*pollens?|dust mites?|house dust mites?|animal dander|cat dander|dog dander|molds?)\s*\)`, "rhinitis", "conjunctivitis")

// boneSarcomaRe is a bone sarcoma by the bone it arose in, which the
// neoplasm table reaches by the bone (C40.-, C41.-): "Osteosarcoma, left
// distal femur" is C40.22.
var boneSarcomaRe = guard(`(?i)\b(?:(?:high-grade|low-grade|conventional|osteoblastic|chondroblastic|parosteal|periosteal)\s+)*(?:osteosarcoma|osteogenic sarcoma|ewing(?:'s)? sarcoma|chondrosarcoma)(?:\s+of\s+(?:the\s+)?|,\s*)((?:right|left|R|L)\s+)?(?:(?:distal|proximal|mid|midshaft)\s+)*(femur|tibia|fibula|humerus|radius|ulna|pelvis|ilium|sacrum|scapula)\b`, "sarcoma")

// adrenalCrisisRe is an adrenal crisis with the insufficiency it came in,
// which its code (E27.2, Addisonian crisis) holds: "Adrenal (Addisonian)
// crisis in known primary adrenal insufficiency".
var adrenalCrisisRe = guard(`(?i)\b((?:adrenal|addisonian|adrenocortical)\s+crisis)\b\s+(?:in|of|due to|with|from)\b.*$`, "crisis")

// acuteInjuryRe is "acute" before an injury, which says nothing its
// codes hold: "Acute anterior dislocation, L shoulder".
var acuteInjuryRe = guard(`(?i)\bacute\s+((?:[a-z]+\s+){0,2}?(?:dislocation|subluxation|sprain|laceration|contusion|abrasion)s?)\b`, "dislocation", "subluxation", "sprain", "laceration", "contusion", "abrasion")

// acuteInfarctionRe is "acute" before an infarction's abbreviation,
// which says it already: "Acute NSTEMI" is the NSTEMI (I21.4).
var acuteInfarctionRe = guard(`(?i)\bacute\s+((?:[a-z]+\s+){0,2}?n?stemi)\b`, "stemi")

// comorbidLeadRe is the word that calls a condition a comorbidity before
// its name, which no title holds: "Comorbid OSA on nightly CPAP".
var comorbidLeadRe = guard(`(?i)^\W*(?:co-?morbid|coexisting|concomitant)\s+`, "comorbid", "co-morbid", "coexisting", "concomitant")

// complicatingRe is the word between a complication and the condition it
// complicates.
var complicatingRe = guard(`(?i)\s+complicating\s`, "complicating")

// riskLeadRe is a risk class after a comma at the start of a text.
var riskLeadRe = regexp.MustCompile(`(?i)^,\s*(?:low|intermediate|high|intermediate-(?:low|high))(?:-|\s+)risk\s*`)

var embolismExtentRe = guard(`(?i)\b(?:(?:bilateral|unilateral|right|left|main|lobar|segmental|subsegmental|multiple|massive|submassive|small|large|multifocal)[\s,/]+(?:and\s+)?)+(pulmonary\s+(?:emboli|embolus|embolism)|PE)\b`, "pulmonary", "pe")

// allergenIngestedRe is an allergic reaction written with how the allergen
// was met: "anaphylaxis due to accidental ingestion of peanut" is the
// anaphylaxis due to peanuts (T78.01XA).
var allergenIngestedRe = guard(`(?i)\b(anaphyla\w*|allergic reaction)\s+due to\s+(?:an?\s+)?(?:accidental\s+|inadvertent\s+)?(?:ingestion|exposure|consumption|eating)\s+(?:of|to)\s+`, "ingestion", "exposure", "consumption", "eating")

// gradeLeadRe is a liver disease's scale or state written before a
// condition that no code holds: "West Haven grade 2 hepatic
// encephalopathy", "decompensated" cirrhosis. (Other grades and classes
// are axes: obesity class, hemorrhoid degree.)
var gradeLeadRe = guard(`(?i)\b(?:west haven|child[- ]pugh)\s+(?:grade|class)\s+(?:[0-4a-c]|i{1,3}v?|iv)\s+|\bdecompensated\s+`, "west haven", "child", "decompensated")

// visitAgeRe is the age a well visit is named for: "24 month well child
// visit", "2-year-old well check".
var visitAgeRe = guard(`(?i)\b\d{1,2}[- ]?(?:months?|mos?|years?|yrs?)(?:[- ]old)?\s+(well|routine)\b`, "well", "routine")

// esophagitisGradeRe is an esophagitis's Los Angeles grade, which no code
// holds: "Reflux esophagitis LA grade B".
var esophagitisGradeRe = guard(`(?i)\s*\b(?:LA|Los Angeles)\s+(?:grade|class)\s+[A-D]\b`, "la grade", "la class", "los angeles")

// metabolicPancreatitisRe is a pancreatitis named with a metabolic cause
// no index term holds ("Hypertriglyceridemia-induced acute pancreatitis",
// which searches to the alcohol-induced kind; "Acute necrotizing
// pancreatitis (HTG-induced)"): the pancreatitis is looked
// up alone, and otherPancreatitis makes it K85.8- from the cause.
var metabolicPancreatitisRe = guard(`(?i)\b(?:hypertriglyceridemi[ac]|hypercalcemi[ac]|triglyceride|HTG)[- ](?:induced|related|associated|mediated)?\s*((?:acute\s+)?(?:necrotizing\s+)?pancreatitis)\b|\b((?:acute\s+)?(?:necrotizing\s+)?pancreatitis)\s*[(,]\s*(?:HTG|hypertriglyceridemia|triglyceride|hypercalcemia)[- ](?:induced|related|associated)\b\s*\)?`, "hypertriglyceridemi", "hypercalcemi", "triglyceride", "htg")

// nonobstructingStoneRe is a stone said not to obstruct, which no title
// says: "Left nonobstructing renal calculus, 3 mm" is N20.0.
var nonobstructingStoneRe = guard(`(?i)\bnon-?obstruct(?:ing|ive)\s+((?:[a-z0-9]+\s+){0,3}?(?:calcul[a-z]*|stones?|nephrolith[a-z]*))`, "nonobstruct", "non-obstruct")

// severeDegreeRe is the degree of a lipid, electrolyte or blood count
// disorder, which no title holds: "Severe hypertriglyceridemia" is E78.1,
// "Severe hyponatremia (Na 114)" E87.1.
var severeDegreeRe = guard(`(?i)\b(?:severe|marked|extreme|profound|critical)\s+((?:pure\s+)?(?:hyper|hypo)[a-z]*(?:emia|aemia)|thrombocytopenia|neutropenia|leukocytosis|dehydration)\b`, "severe", "marked", "extreme", "profound", "critical")

// degreeAdverbRe is an adverb of degree (or "also") no code's title holds:
// "moderately dehydrated", "mildly hypokalemic", "markedly elevated".
var degreeAdverbRe = guard(`(?i)\b(?:also|mildly|moderately|markedly|significantly|slightly|profoundly|quite)\s+`, "also", "mildly", "moderately", "markedly", "significantly", "slightly", "profoundly", "quite")

// A noteFlag is a fact about a note found the first time it is asked.
type noteFlag struct{ done, v bool }

// noteWeeks is a note's weeks of gestation (gestationCode), found the
// first time they are asked for.
type noteWeeks struct {
	done       bool
	code       string
	start, end int
}

// gestation returns gestationCode(o.note), read once for each note.
func (o Options) gestation() (code string, start, end int) {
	w := o.weeks
	if w == nil {
		return gestationCode(o.note)
	}
	if !w.done {
		w.done = true
		w.code, w.start, w.end = gestationCode(o.note)
	}
	return w.code, w.start, w.end
}

// pregnancySaid reports whether the note speaks of a pregnancy, a
// delivery or their aftermath, in words or in shorthand (true for an
// Options not made by Suggest).
func (o Options) pregnancySaid() bool {
	f := o.pregnancy
	if f == nil {
		return true
	}
	if !f.done {
		f.done = true
		f.v = pregnancyWords.may(o.note) || pregnancyMarkRe.FindLineIndex(o.note) != nil
	}
	return f.v
}

// pregnancyWords are the words that speak of a pregnancy, a delivery or
// their aftermath, found in one pass over a note (pregnancySaid asks only
// whether one is there; the pattern is theirs).
var pregnancyWords = guard(`(?i)pregnan|gravid|partum|deliver|cesarean|c-section|obstetric|trimester|gestation|puerper|prenatal|antenatal|abortion|miscarriage|ectopic|lactating|lactation|breastfe|fetal|fetus|placent|rupture of membranes`,
	"pregnan", "gravid", "partum", "deliver", "cesarean", "c-section", "obstetric", "trimester", "gestation",
	"puerper", "prenatal", "antenatal", "abortion", "miscarriage", "ectopic", "lactating", "lactation", "breastfe", "fetal", "fetus", "placent", "rupture of membranes")

// pregnancyMarkRe is a pregnancy's mark in a note's shorthand: "G2P1",
// "24w2d", "IUP", "EGA", "LMP", "EDD", "L&D" (run over the lines that hold
// one of its words: over a whole long note it cost a tenth of its time).
var pregnancyMarkRe = guard(`\bG\d{1,2}\s*P\d|\b\d{1,2}\s*w(?:ks?)?\s*\+?\s*\d\s*d\b|\b(?:IUP|EGA|LMP|EDD|L&D)\b`,
	append([]string{"g0", "g1", "g2", "g3", "g4", "g5", "g6", "g7", "g8", "g9", "0 w", "1 w", "2 w", "3 w", "4 w", "5 w", "6 w", "7 w", "8 w", "9 w",
		"iup", "ega", "lmp", "edd", "l&d"}, weekWords...)...)

// infantAgeRe is an infant's age as a note introduces the patient: "a
// 5-week-old", "10 day old male".
var infantAgeRe = regexp.MustCompile(`(?i)\b\d{1,2}[- ](?:day|week|wk|month|mo)s?[- ]old\b`)

// gestationTokenRe is a pregnancy's weeks written after its condition,
// which its own code (Z3A) gives and no condition's title holds:
// "Threatened abortion, 9w1d" (not a spontaneous abortion's O03.9).
var gestationTokenRe = guard(`(?i),?\s*\b\d{1,2}w(?:ks?)?\s*\+?\s*\d\s*d\b`, weekWords...)

// weekWords are the starts of a span of weeks written "24w2d".
var weekWords = []string{"0w", "1w", "2w", "3w", "4w", "5w", "6w", "7w", "8w", "9w"}

// armSkinInfectionRe is a cellulitis or an abscess of a part of the arm,
// which the codes name by the upper limb (L03.11-, L02.41-; the index has
// "arm" but no "forearm"): "Cellulitis of right forearm".
var armSkinInfectionRe = guard(`(?i)\b(cellulitis|abscess)(?:\s+of)?\s+(?:the\s+)?((?:right|left|r|l)\s+)?(?:forearm|upper arm|elbow)\b`, "cellulitis", "abscess")

// armSiteInfectionRe is the same written site first: "L forearm abscess".
var armSiteInfectionRe = guard(`(?i)\b((?:right|left|r|l)\s+)?(?:(?:volar|dorsal|anterior|posterior)\s+)?(?:forearm|upper arm|elbow)\s+(cellulitis|abscess)\b`, "cellulitis", "abscess")

// sitedParesthesiaRe is a paresthesia or numbness with the part of the
// body it is felt in, which its code (R20.-, of skin) does not name: "R
// hand paresthesia".
var sitedParesthesiaRe = guard(`(?i)\b(?:(?:right|left|r|l|bilateral)\s+)?(?:hands?|feet|foot|fingers?|toes?|arms?|legs?)\s+(paresthesias?|numbness|tingling)\b`, "paresthesia", "numbness", "tingling")

// continuationLeadRe is a label that adds an item to those above it:
// "Also: L ICA stenosis".
var continuationLeadRe = guard(`(?i)^\s*(?:also|additionally|in addition)\s*:\s*|^\s*plus\s+`, "also", "additionally", "in addition", "plus")

// sourceLeadRe opens a sepsis's source named after it: "E. coli sepsis,
// source acute pyelonephritis (left)".
var sourceLeadRe = guard(`(?i)^\s*source(?:\s+of\s+(?:infection|sepsis|bacteremia))?\s*(?::\s*|\s+)`, "source")

// dressRe is a DRESS syndrome by its long name, whose "with" would cut
// it: "drug reaction with eosinophilia and systemic symptoms (DRESS)".
var dressRe = guard(`(?i)\bdrug (?:reaction|rash) with eosinophilia and systemic symptoms(?:\s+syndrome)?(?:\s*\(DRESS\))?`, "eosinophilia")

// stenosisPercentRe is a stenosis's degree in percent, which no title
// holds: "L ICA stenosis 70-79%".
var stenosisPercentRe = guard(`(?i)\b(stenosis|occlusion)\s+(?:of\s+)?\d{1,3}(?:\s*(?:-|–|to)\s*\d{1,3})?\s*%`, "stenosis", "occlusion")

// exitSeekingRe is a dementia patient's wandering with its other name
// beside it: "Wandering/exit-seeking" (Z91.83). (Exit-seeking alone, in
// a list of an agitation's signs, is the agitation's.)
var exitSeekingRe = guard(`(?i)\bwandering\s*(?:/|and|or|,)\s*exit[- ]seeking(?:\s+behaviou?rs?)?`, "exit")

// poisonRelatedRe is the drug a poisoning's manifestation is put down
// to, which the poisoning's code holds: "with acetaminophen-related
// elevated transaminases" is R74.01 beside T39.1X-.
var poisonRelatedRe = guard(`(?i)\b(?:acetaminophen|APAP|paracetamol)[- ](?:related|induced|associated)\s+`, "acetaminophen", "apap", "paracetamol")

// poisoningCauseRe is a manifestation put down to a poisoning, which is
// coded beside the poisoning (Guidelines I.C.19.e.5.b): "Somnolence due to
// opioid poisoning" is looked up as the somnolence (R40.0), the poisoning
// after "due to" as a condition of its own.
var poisoningCauseRe = guard(`(?i)^(\W*[a-z][a-z -]{2,40}?)\s+(?:due to|secondary to|from|d/t|2/2)\s+(?:an?\s+)?(?:[a-z]+\s+){0,2}(?:poisoning|overdose|toxicity|intoxication)\b.*$`, "poisoning", "overdose", "toxicity", "intoxication")

// symptomaticFibroidRe is a fibroid called symptomatic, which no title
// says: "Symptomatic uterine leiomyomata" is D25.9.
var symptomaticFibroidRe = guard(`(?i)\bsymptomatic\s+((?:uterine\s+)?(?:leiomyom[a-z]*|fibroids?|myomas?))`, "symptomatic")

// achillesRuptureRe is an Achilles tendon torn by an injury, which the
// index codes as its strain (S86.01-: "Rupture, tendon, traumatic — see
// Strain"), where the search reads the spontaneous rupture's M66.-:
// "Acute traumatic rupture of the left Achilles tendon" is S86.012A.
// (a tear the note does not call spontaneous, degenerative or chronic:
// "complete midsubstance tear of the left Achilles tendon")
var achillesRuptureRe = guard(`(?i)\b(?:(?:acute|traumatic|complete|midsubstance|full-thickness)\s+)+(?:rupture|tear)\s+of\s+(?:the\s+)?((?:right|left)\s+)?achilles(?:\s+tendon)?`, "rupture", "tear")

// occurrences yields the index of each occurrence of sub in s, left to
// right, each after the end of the one before.
func occurrences(s, sub string) iter.Seq[int] {
	return func(yield func(int) bool) {
		for at := 0; ; {
			k := strings.Index(s[at:], sub)
			if k < 0 || !yield(at+k) {
				return
			}
			at += k + len(sub)
		}
	}
}

// atRiskOnlyRe is an item whose condition the patient was only at risk
// of, or whose criteria were never met: "Tumor lysis syndrome - was at
// risk at start of induction …; labs never met … TLS criteria".
var atRiskOnlyRe = guard(`(?i)^[^-–—:;,.]{3,60}\s[-–—:]+\s*(?:(?:he|she|pt|patient)\s+)?(?:was\s+|is\s+|remains\s+)?(?:only\s+)?at\s+(?:high\s+|increased\s+|intermediate\s+|some\s+)?risk\b|\bnever met\b[^.;]{0,40}\bcriteria\b`, "risk", "never met")

// neoplasticAnemiaRe is an anemia put down to a cancer, the index's
// anemia in neoplastic disease (D63.0).
var neoplasticAnemiaRe = guard(`(?i)^(\W*)(?:(?:normocytic|normochromic|mild|moderate|severe|chronic|symptomatic)\s+)*an(?:a)?emia\s+(?:due to|secondary to|of|from|related to|in)\s+(?:(?:his|her|the|known|underlying|active|metastatic|newly diagnosed)\s+)*(?:[a-z-]+\s+){0,3}(?:cancer|carcinoma|malignancy|myeloma|lymphoma|leuka?emia|neoplasm|neoplastic disease|tumou?r)\b.*$`, "anemia", "anaemia")

// severityWordRe is a degree written with "severity" after it, which
// the titles give alone: "Bipolar I disorder, current episode depressed,
// moderate severity" is F31.32 "…, moderate", not F31.30 "… mild or
// moderate severity, unspecified".
var severityWordRe = guard(`(?i)\b(mild|moderate|severe)\s+severity\b`, "severity")

// castrationRe is a prostate cancer's response to hormone therapy, which
// no code names: "Metastatic castration-resistant adenocarcinoma of the
// prostate with … osseous metastases" is C61 with C79.51, not a
// secondary of the genital organs.
var castrationRe = guard(`(?i)\b(?:castration|castrate|hormone|androgen)[- ](?:resistant|sensitive|naive|naïve|refractory|dependent|independent)\s+`, "castrat", "hormone", "androgen")

// jointInfectionOnsetRe is a prosthetic joint infection's onset and
// route, which its codes (T84.5-) do not name: "Acute hematogenous
// periprosthetic joint infection of the LEFT total knee arthroplasty" is
// T84.54XA.
var jointInfectionOnsetRe = guard(`(?i)\b(?:(?:acute|chronic|early|late|delayed|subacute)\s+)?(?:hematogenous\s+)?((?:peri-?)?prosthetic\s+(?:joint\s+)?infection)`, "prosthetic")

// malleolusPartRe is a part of an item that only names a malleolus.
var malleolusPartRe = regexp.MustCompile(`(?i)^\W*(?:(?:lateral|medial|posterior)\s+)?malleol(?:us|i|ar)(?:\s+fracture)?\W*$`)

// guardedRewrites are lookup rewrites that a phrase holding one of their
// unless words keeps out of (rewriteLookup applies them after
// lookupRewrites, in order).
var guardedRewrites = []struct {
	re     *guarded
	repl   string
	unless []string
}{
	// (a diabetic's hypoglycemia from an overdose of the diabetes's own
	// drug is its combination code, read whole)
	{poisoningCauseRe, "$1", []string{"insulin", "hypoglyc", "glipizide", "glyburide", "glimepiride", "sulfonylurea"}},
	// ("Anemia due to multiple myeloma": the index's anemia in neoplastic
	// disease, D63.0; one from chemotherapy is the drug's, D64.81)
	{neoplasticAnemiaRe, "${1}anemia in neoplastic disease", []string{"chemo"}},
	{achillesRuptureRe, "strain of ${1}Achilles tendon", []string{"spontaneous", "nontraumatic", "non-traumatic", "degenerative", "chronic"}},
	// (a mass the item calls a cancer keeps its lobe, an axis of C34)
	{lobeFindingRe, "lung $1", []string{"carcinoma", "cancer", "malignan", "neoplasm", "tumor", "tumour", "metasta", "nsclc", "sclc", "adenocarcinoma"}},
}

// rewriteLookup applies lookupRewrites and guardedRewrites to a phrase before its lookup.
func rewriteLookup(text string) string {
	// "… late effect (sequela) of old displaced trimalleolar fracture R
	// ankle": a part the aside cut after its "of" is the condition
	if t := strings.TrimLeft(text, " "); len(t) > 3 && (t[:3] == "of " || t[:3] == "Of ") {
		text = strings.TrimPrefix(strings.TrimPrefix(t[3:], "old "), "remote ")
	}
	// (before the grades are dropped; a size said beside the grade is
	// read by organLacerationGradeRe below)
	if !organLacerationGradeRe.MatchString(text) {
		text = organGradeRe.ReplaceAllStringFunc(text, organGradeWords)
	}
	// (the text's print rules out most rewrites' words at once; a
	// rewrite that changes the text prints it again)
	p := printOf(text)
	for _, r := range lookupRewrites {
		if !r.re.mayIn(&p) {
			continue
		}
		if t := r.re.ReplaceAllString(text, r.repl); t != text {
			text, p = t, printOf(t)
		}
	}
	if flareOfRe.may(text) && !exacerbationOfRe.MatchString(text) {
		text = flareOfRe.ReplaceAllString(text, "")
	}
	for _, r := range guardedRewrites {
		if r.re.may(text) && !containsAny(strings.ToLower(text), r.unless...) {
			text = r.re.ReplaceAllString(text, r.repl)
		}
	}
	return text
}

// organGradeRe is a solid organ's laceration by its AAST grade alone,
// before or after it: "Grade II splenic laceration (AAST)" (groups 1 and
// 2, or 3 and 4: the grade and the organ).
var organGradeRe = guard(`(?i)\b(?:(?:AAST\s+)?grade\s+(I{1,3}|IV|V|[1-5])\s+(splenic|spleen|liver|hepatic|kidney|renal)\s+laceration|(splenic|spleen|liver|hepatic|kidney|renal)\s+laceration,?\s+(?:\(?AAST\)?\s+)?grade\s+(I{1,3}|IV|V|[1-5]))\b(?:\s*\(AAST\))?`, "laceration")

// organGradeWords writes an organGradeRe match as the size of laceration
// the organ's codes name for its grade (the index's depths: a spleen's
// grade II, 1–3 cm, is moderate, S36.031; a kidney's grade II, under 1
// cm, minor, S37.04-).
func organGradeWords(m string) string {
	g := organGradeRe.re.FindStringSubmatch(m)
	grade, organ := g[1], g[2]
	if grade == "" {
		grade, organ = g[4], g[3]
	}
	n := gradeNumbers[strings.ToUpper(grade)]
	noun := organNouns[strings.ToLower(organ)]
	if n == 0 || noun == "" {
		return m
	}
	return gradeSizes[noun][n-1] + " laceration of " + noun
}

// gradeNumbers, organNouns and gradeSizes are organGradeWords's tables.
var (
	gradeNumbers = map[string]int{"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "1": 1, "2": 2, "3": 3, "4": 4, "5": 5}
	organNouns   = map[string]string{"splenic": "spleen", "spleen": "spleen", "liver": "liver", "hepatic": "liver", "kidney": "kidney", "renal": "kidney"}
	gradeSizes   = map[string][5]string{
		"spleen": {"superficial", "moderate", "major", "major", "major"},
		"liver":  {"minor", "moderate", "major", "major", "major"},
		"kidney": {"minor", "minor", "moderate", "major", "major"},
	}
)

// digestiveBleedAfterRe is a hemorrhage or hematoma after an operation on
// the digestive system, which its complication codes name by the system
// (K91.840, K91.870) where the search read the words of other organs':
// "Postoperative intra-abdominal hemorrhage from the cystic artery stump
// following laparoscopic cholecystectomy, requiring return to OR" was the
// spleen's D78.22.
var digestiveBleedAfterRe = guard(`(?i)\b(?:post-?op(?:erative)?|post-?procedur(?:al|e))\s+(?:(?:intra-?abdominal|intraperitoneal|intraluminal)\s+)?(hemorrhage|hematoma)\b.*?\b(?:following|after|from|s/p)\s+(?:a\s+|an\s+|the\s+|his\s+|her\s+)?(?:(?:laparoscopic|lap|open|robotic|robotic-assisted|elective|emergent|sigmoid|right|left|total|partial|subtotal|distal)\s+)*(?:cholecystectomy|chole|colectomy|hemicolectomy|appendectomy|gastrectomy|bowel resection|whipple|pancreatectomy|hepatectomy|esophagectomy|polypectomy|colonoscopy|egd|ercp|sphincterotomy|ileostomy|colostomy|gastric bypass|sleeve gastrectomy|fundoplication)\b.*$`, "hemorrhage", "hematoma")

// superficialDehiscenceRe is a surgical wound's dehiscence of the skin and
// subcutaneous tissue only, the index's external one (T81.31: "Dehiscence,
// wound, operation, external (superficial)"), where the search read the
// abdominal wound's words as the internal one's (T81.32-): "Superficial
// (skin/subcutaneous) dehiscence of midline laparotomy wound".
var superficialDehiscenceRe = guard(`(?i)\b(?:superficial|skin(?:\s*(?:/|and|&)\s*subcutaneous)?|subcutaneous|skin[- ]level)\s*(?:\((?:skin|subcutaneous|subq|/|\s|and|&)+\)\s*)?(?:(?:surgical|incisional|operative)\s+)?(?:wound\s+)?(?:dehiscence|separation|disruption)\b(?:\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:wound|incision))?`, "dehiscence", "separation", "disruption")

// breechKindRe is a breech presentation's kind that maternal care for it
// (O32.1-) includes ("frank breech", "complete breech"), which the search
// read as the obstructed labor's (O64.1-) without any labor said.
var breechKindRe = guard(`(?i)\b(?:frank|complete)\s+(breech)\b`, "breech")

// ribNumberedRe and numberedRibRe are a fracture of one rib by its
// number, which its code (S22.3-) names by side only: "Nondisplaced
// fracture L 8th rib", "left 8th rib fracture".
var (
	ribNumberedRe = guard(`(?i)\b(?:(?:non-?)?displaced\s+)?(?:fracture|fx)\s+(?:of\s+)?(?:the\s+)?((?:left|right|l|r)\s+)?\d{1,2}(?:st|nd|rd|th)\s+rib\b`, "rib")
	numberedRibRe = guard(`(?i)\b((?:left|right|l|r)\s+)?(?:(?:non-?)?displaced\s+)?\d{1,2}(?:st|nd|rd|th)\s+rib\s+(?:fracture|fx)\b`, "rib")
)

// ribRangeRe is fractures of a run of ribs, which are multiple fractures
// of ribs (S22.4-) whatever their numbers: "Left rib fractures 5 through
// 8".
var ribRangeRe = guard(`(?i)\b((?:right|left|bilateral)\s+)?rib\s+fractures\s*(?:#\s*)?\d{1,2}\s*(?:through|thru|to|-|–)\s*\d{1,2}\b`, "rib")

// recurrentFallsRe is falls a patient keeps having, who is at risk of the
// next: looked up as "at risk for falling", an inclusion term of the
// history of falling (Z91.81) every writer codes for "Recurrent falls"
// (eleven notes in eight sets; the search found nothing for the words).
var recurrentFallsRe = guard(`(?i)\b(?:recurrent|frequent|multiple)\s+(?:prior\s+)?falls\b`, "recurrent", "frequent", "multiple")

// severeFeaturesRe is a pre-eclampsia "with severe features", the index's
// severe pre-eclampsia (O14.1-): "Postpartum preeclampsia w/ severe
// features" (without them it is mild to moderate: shorthand).
var severeFeaturesRe = guard(`(?i)\b(?:post-?partum\s+)?(pre-?eclampsia)\s+(?:with|w/)\s*severe\s+features\b`, "eclampsia")

// siteInfectionOfRe is a surgical site infection with the incision it is
// in, which the code does not name ("Superficial incisional surgical site
// infection of umbilical hernia repair incision": T81.41X-, whose words
// the incision's left under the bar).
var siteInfectionOfRe = guard(`(?i)\b((?:superficial|deep)(?:\s+incisional)?\s+(?:surgical site|wound)\s+infection)\s+(?:of|at|following|after|in)\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,5}?(?:incision|wound|site|repair)\b`, "infection")

// ligamentTearRe is a torn ligament of a joint, which the index sends to
// its sprain ("Tear, ligament — see Sprain"): "Acute complete ACL tear,
// right knee", "Tear of anterior cruciate ligament of left knee", "torn
// MCL" (S83.5-, S93.4-, S63.6-); the tear's extent is no code's.
var ligamentTearRe = guard(`(?i)\b(?:(?:acute\s+)?(?:complete|partial|full[- ]thickness|high[- ]grade)\s+)?(?:tear|torn)\s+(?:of\s+)?(?:the\s+)?((?:(?:right|left)\s+)?`+jointLigament+`)\b|\b(?:(?:acute\s+)?(?:complete|partial|full[- ]thickness|high[- ]grade)\s+)?(`+jointLigament+`)\s+tear\b`, "tear", "torn")

// jointLigament names the ligaments whose tears notes name most.
const jointLigament = `(?:(?:(?:anterior|posterior)\s+cruciate|(?:medial|lateral|ulnar|radial)\s+collateral|anterior\s+talofibular|calcaneofibular|deltoid)\s+ligament|acl|pcl|mcl|lcl|ucl|atfl)`

// sprainGradeRe is a sprain's, a strain's or a cartilage's grade, which
// no code holds: "Grade II sprain of the right anterior talofibular
// ligament", "Grade III chondromalacia".
var sprainGradeRe = guard(`(?i)\bgrade\s+(?:[1-4]|i{1,3}|iv)\s+((?:(?:partial|complete)\s+)?(?:sprain|strain|tear|chondromalacia))\b`, "grade")

// bmiAfterRe is a body mass index written after a weight diagnosis
// ("obesity with BMI 36.1", "morbid obesity (BMI 41)").
var bmiAfterRe = guard(`(?i)\s*[,(]?\s*(?:with\s+)?(?:an?\s+)?BMI(?:\s+of|\s+is|:|=)?\s*\d{2}(?:\.\d+)?(?:\s*kg/m2)?\s*\)?`, "bmi")

// withoutBMI leaves the body mass index out of a weight diagnosis's
// lookup: the diagnosis is coded from its words (E66.-) and the index
// beside it as a status (Z68.-), which status codes from the note.
func withoutBMI(text string) string {
	if m := bmiAfterRe.FindStringIndex(text); m != nil && m[0] > 0 && countLetters(text[:m[0]]) >= 4 {
		return text[:m[0]] + " " + text[m[1]:]
	}
	return text
}

// span is a stretch of the note, by byte offsets.
type span struct{ start, end int }

// member is one condition of a part joined by "and": its words, and the
// note's span that holds them.
type member struct {
	text string
	at   span
}

// andMembers splits a part of at most eight words joined by one "and"
// into the two conditions it names: two of two words or more ("expressive
// aphasia and oropharyngeal dysphagia"), two sites sharing the noun after
// them ("brain and bone metastases": brain metastases, bone metastases),
// or two sharing the words before them ("metastatic to brain and bone").
func andMembers(note string, p span) []member {
	t := note[p.start:p.end]
	m := onlySplit(andRe, t)
	if m == nil {
		return nil
	}
	a, b := t[:m[0]], t[m[1]:]
	sa, sb := span{p.start, p.start + m[0]}, span{p.start + m[1], p.end}
	na, nb := wordCount(a), wordCount(b)
	switch {
	case na >= 2 && nb >= 2:
		return []member{{a, sa}, {b, sb}}
	case na == 1 && nb == 1:
		// "hypoxemia and dehydration": two conditions of a word each
		return []member{{a, sa}, {b, sb}}
	case na == 1 && nb >= 2 && conditionWordRe.MatchString(strings.TrimSpace(a)):
		// "nocturia and weak urinary stream": a condition of one word is
		// its own member, sharing no noun
		return []member{{a, sa}, {b, sb}}
	case na == 1 && nb >= 2:
		noun := b[strings.IndexByte(b, ' ')+1:]
		return []member{{strings.TrimSpace(a) + " " + noun, p}, {b, sb}}
	case na >= 2 && nb == 1 && conditionWordRe.MatchString(strings.TrimSpace(b)) && !causalHeadRe.MatchString(a):
		// "facial weakness and dysarthria": a condition of one word
		// after two is its own member too
		return []member{{a, sa}, {b, sb}}
	case na >= 2 && nb == 1:
		head := strings.TrimSpace(a)
		head = head[:strings.LastIndexByte(head, ' ')]
		// ("metastatic to left axillary lymph nodes and liver": the
		// sites share the words up to "to")
		if k := strings.LastIndex(head, " to "); k > 0 && !strings.HasSuffix(head, " to") && containsAny(strings.ToLower(head[:k]), "metasta", "spread") {
			head = head[:k+3]
		}
		if !strings.HasSuffix(head, " to") && !strings.HasSuffix(head, " of") && !strings.HasSuffix(head, " in") ||
			causalHeadRe.MatchString(head) {
			// ("due to diabetes and hypertension" names causes, which the
			// combination codes hold, not two conditions)
			return nil
		}
		return []member{{a, sa}, {head + " " + strings.TrimSpace(b), p}}
	}
	return nil
}

// sharedNounList reports whether t is two members joined by one "and"
// whose first is a single word naming no condition of its own and whose
// second has two words or more: sites sharing the noun after them ("liver
// and bone metastases"), not conditions ("HTN and hyperlipidemia").
func sharedNounList(t string) bool {
	m := onlySplit(andRe, t)
	if m == nil {
		return false
	}
	a, b := strings.TrimSpace(t[:m[0]]), t[m[1]:]
	return wordCount(a) == 1 && wordCount(b) >= 2 && !conditionWordRe.MatchString(a) && !knownAbbreviation(a)
}

// versusMembers splits a part of at most eight words at its one
// "versus" into the two conditions it weighs ("vasovagal versus
// orthostatic hypotension"): an inpatient's comparative diagnoses are
// each coded as if established (Guidelines II.D); an outpatient's part
// never reaches here, its doubt qualifies it.
func versusMembers(note string, p span) []member {
	t := note[p.start:p.end]
	m := onlySplit(versusRe, t)
	if m == nil {
		return nil
	}
	return []member{{t[:m[0]], span{p.start, p.start + m[0]}}, {t[m[1]:], span{p.start + m[1], p.end}}}
}

var versusRe = regexp.MustCompile(`(?i)\s(?:versus|vs\.?)\s`)

// onlySplit returns the one match of a connector in a part of at most
// eight words, or nil: a longer part, or one joined twice, is no pair.
func onlySplit(re *regexp.Regexp, t string) []int {
	ms := re.FindAllStringIndex(t, -1)
	if len(ms) != 1 || wordCount(t) > 8 {
		return nil
	}
	return ms[0]
}

// slashDoubtRe is an item's word that denies or doubts what it names.
var slashDoubtRe = regexp.MustCompile(`(?i)\b(?:no|not|neg|negative|excluded|ruled out|r/o|vs|versus|unlikely|possible|probable|suspected|denies|without)\b`)

// slashMembers splits a part of at most eight words at its one slash
// into the two conditions it names ("Aphasia/R hemiparesis",
// "anxiety / depression"), each of four letters or more or an
// abbreviation the synonym list knows ("s/p", "PT/OT" are not two).
func slashMembers(note string, p span) []member {
	t := note[p.start:p.end]
	i := strings.IndexByte(t, '/')
	if i < 0 || strings.IndexByte(t[i+1:], '/') >= 0 || wordCount(t) > 8 {
		return nil
	}
	a, b := t[:i], t[i+1:]
	// (an abbreviation the synonym list spells out counts whole:
	// "CAD/HLD", "HTN/CKD 3a")
	short := func(m string) bool { return countLetters(m) < 4 && !knownAbbreviation(m) }
	if short(a) || short(b) || countLetters(lastWord(a)) < 3 {
		return nil
	}
	return []member{{a, span{p.start, p.start + i}}, {b, span{p.start + i + 1, p.end}}}
}

// separateInCategory are the categories two members of an item joined by
// "and" or a slash are each coded in, their codes having no combination:
// "Snoring and witnessed apneas" is R06.83 and R06.81 (where "nausea and
// vomiting" is R11.2 alone).
var separateInCategory = map[string]bool{"R06": true}

// conditionWordRe is a word whose ending makes it a condition of its
// own: nocturia, dysuria, anemia, arthritis, fibrosis, neuralgia.
var conditionWordRe = regexp.MustCompile(`(?i)^(?:[a-z]+(?:uria|emia|aemia|itis|osis|algia|pathy|rrhea|rrhoea|pnea|cardia|plegia|paresis|megaly|ectasis|arthria|phagia|phasia)|snoring|fatigue|malaise|nausea|vomiting|dizziness|vertigo|syncope|insomnia|constipation|cough|wheezing|pruritus|obesity|delirium|dementia|depression|anxiety|jaundice|ascites|dyspepsia|heartburn|hypertension|headache|palpitations)$`)

// likelyCauseRe opens a symptom's likely cause right after it: ",
// likely", " - probably".
var likelyCauseRe = regexp.MustCompile(`(?i)^\s*[,-]?\s*(?:most\s+)?(?:likely|probably|probable|presumed|suspected)\s`)

// withConnector are the connectors that join two conditions, not a
// condition and its cause.
var withConnector = map[string]bool{"with": true, "w/": true}

// causeLeadRe opens a later part that names a cause: "d/t nonischemic
// dilated cardiomyopathy", "secondary to hypothyroidism".
var causeLeadRe = regexp.MustCompile(`(?i)^\s*(?:due to|d/t|secondary to|2/2|caused by)\s+`)

// causeConnectorRe is the connector before a cause: "secondary to", "due
// to", "caused by".
var causeConnectorRe = regexp.MustCompile(`(?i)\s(?:secondary to|due to|caused by|in the setting of|triggered by|precipitated by|provoked by)\s`)

// titleNames reports whether r's title or matched text holds every word
// of five letters or more of text: the code already names the cause.
func titleNames(r codeset.Result, text string) bool {
	have := strings.ToLower(r.Title + " " + r.Matched)
	named := false
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(c rune) bool { return c < 'a' || c > 'z' }) {
		if len(w) < 5 || w == "disease" || w == "disorder" {
			continue
		}
		// (every word of the cause: "due to hypertensive heart
		// disease" is not named by "… heart failure")
		if !strings.Contains(have, w[:5]) {
			return false
		}
		named = true
	}
	return named
}

// deniedHistoryRe is a history the text opens by denying: "No personal
// history of colon polyps".
var deniedHistoryRe = regexp.MustCompile(`(?i)^\W*(?:(?:he|she|they|patient|pt)\s+(?:has|had|reports|with)\s+)?(?:no|not|never|denies|denied|negative for)\b`)

// familyDoubtRe doubts a relative's condition.
var familyDoubtRe = regexp.MustCompile(`(?i)[a-z]\?|\b(?:unsure|not sure|uncertain|possibly|maybe|may have had|questionable)\b`)

// screeningScoreRe is a screening instrument's score.
var screeningScoreRe = regexp.MustCompile(`(?i)\b(?:screen(?:ing)?|PHQ-?\d*|GAD-?\d*|AUDIT(?:-C)?|CAGE|EPDS|score)\b[^.;]{0,20}?\d`)

// deniedBeforeHistoryRe ends the words before a "history of" that deny
// it: "no personal history of", "denies any prior history of".
var deniedBeforeHistoryRe = regexp.MustCompile(`(?i)\b(?:no|not|never|denies|denied|negative for|without)\s+(?:(?:any|known|prior|previous|past|personal|significant|family)\s+)*$`)

// historyOfRe is the words before a history's condition.
// fractureWordRe names a fracture.
var fractureWordRe = regexp.MustCompile(`(?i)\b(?:fracture[sd]?|fx)\b`)

// mrsaRe names a methicillin-resistant Staphylococcus aureus infection.
var mrsaRe = regexp.MustCompile(`(?i)\bMRSA\b|\bmethicillin[- ]resistant\b`)

var historyOfRe = regexp.MustCompile(`(?i)\b(?:history|hx)\s+(?:of|significant for)\s+|^\W*hx\s+`)

// familyTailRe is a family history written after the condition or
// encounter an item names: "Screening colonoscopy, family history of
// colorectal cancer in a first-degree relative".
var familyTailRe = guard(`(?i),\s+(?:(?:and|with|given)\s+)?(?:a\s+)?(?:family history|fh|family hx)\b`, "family history", "fh", "family hx")

// splitFamilyTail splits an item at a family history written after its
// own condition, so each is read for what it is (Z12.11 and Z80.0).
func splitFamilyTail(note string, its []item) []item {
	var out []item
	for _, it := range its {
		if m := familyTailRe.FindStringIndex(note[it.start:it.end]); m != nil && countLetters(note[it.start:it.start+m[0]]) >= 4 {
			out = append(out, item{it.start, it.start + m[0]}, item{it.start + m[0] + 1, it.end})
			continue
		}
		out = append(out, it)
	}
	return out
}

// descriptorAlone are words a later part may hold by itself that describe
// the condition before them, not one of their own ("Tobacco use disorder
// -- smokes a pack a day, dependent": no F19.20).
var descriptorAlone = map[string]bool{"dependent": true, "independent": true, "stable": true, "unstable": true, "improving": true,
	"worsening": true, "uncomplicated": true, "complicated": true, "active": true, "inactive": true, "chronic": true, "acute": true,
	// ("Syncope, vasovagal (reflex)")
	"reflex": true,
	// (a cause the whole item's lookup reads: "Cirrhosis, alcohol-related")
	"alcohol-related": true, "alcohol-induced": true, "alcohol related": true, "alcohol induced": true,
	// (the symptom of the stones named before it: "Symptomatic
	// cholelithiasis (biliary colic)" is K80.20, not the index's bile duct
	// stone for the colic, K80.50)
	"biliary colic": true,
	// (a cancer's histology, after its site: "non-small cell lung cancer,
	// adenocarcinoma" is no adenocarcinoma of the stomach)
	"adenocarcinoma": true, "carcinoma": true, "squamous cell carcinoma": true, "small cell carcinoma": true, "large cell carcinoma": true,
	"adenocarcinoma histology": true, "squamous histology": true}

// causalHeadRe is a connector that opens a part: what follows are causes.
var causalHeadRe = regexp.MustCompile(`(?i)^(?:(?:likely|probably|possibly|presumed|felt to be|thought to be)\s+)?(?:due|secondary|related|attributed|attributable|owing|caused)\s+to$|^because of$|^from$`)

// mechanismOf reports whether a later part's code only names how the
// main condition came about: "Acute ischemic stroke, left MCA,
// cardioembolic" is one cerebral infarction due to embolism (I63.4), not
// also an arterial embolism (I74).
func mechanismOf(part, main string) bool {
	return strings.HasPrefix(part, "I74") && strings.HasPrefix(main, "I63")
}

// proseMinScore is the match a condition inside a prose sentence must
// reach: the frame is a weaker sign than a line of its own.
const proseMinScore = 0.85

// mechanismTailRe is how an injury happened, after it: "after mechanical
// fall from standing", "following an MVC".
var mechanismTailRe = guard(`(?i)\s+(?:after|following|from|s/p)\s+(?:an?\s+|the\s+|his\s+|her\s+)?(?:[a-z-]+\s+){0,3}?(?:falls?|fell|mvc|mva|collision|crash|accident|assault|trip|slip|fight|tackle)\b`,
	"fall", "fell", "mvc", "mva", "collision", "crash", "accident", "assault", "trip", "slip", "fight", "tackle")

// injuryWordRe names an injury.
var injuryWordRe = regexp.MustCompile(`(?i)\b(?:fracture|fx|laceration|sprain|strain|dislocation|contusion|injury|tear|wound|abrasion|hematoma)\b`)

// storyLead is the subject a prose sentence puts before its condition,
// or the episode it opens with ("first episode of", "de novo").
var storyLead = regexp.MustCompile(`(?i)^(?:(?:this|it)\s+(?:is|was)\s+(?:an?\s+)?|(?:an?\s+|the\s+)?(?:first|1st|initial)\s+(?:episode|presentation|occurrence)\s+of\s+|de\s+novo\s+|\d+[- ]?(?:years?|yrs?|months?|mos?|weeks?|wks?|days?)[- ]old\s+(?:(?:[a-z]+\s+){0,2}?(?:woman|man|male|female|patient|gentleman|lady|boy|girl|child|infant|pt)\s+)?(?:with|who has)\s+|\d{1,3}\s?(?:yo|y/o|y\.o\.)?\s?(?:m|f|male|female)\s+(?:[a-z-]+\s+){0,3}?(?:with|w/)\s+|\d{1,3}\s?(?:yo|y/o|y\.o\.)\s+(?:[a-z-]+\s+){1,2}?(?:m|f|male|female|man|woman)\s+(?:with|w/)\s+|\d{1,3}(?:yo|y/o)?[mf]\s+|(?:he|she|they|patient|pt|(?:` + honorificTitles + `)\.?\s+[a-z][\w'-]*\.?)\s+(?:has|had|have|is|was|also has)\s+|(?:his|her|their|the|a|an|(?:` + honorificTitles + `)\.?\s+[a-z][\w-]*['’]s)\s+)`)

// edPlaceRe is "ED" as a place: the emergency department.
var edPlaceRe = regexp.MustCompile(`(?i)\b(?:in|to|from|at|via|per|left|leaving|arrival|arrived|presented|returned|back)\s+(?:the\s+|our\s+)?ED\b|\bED\s+(?:visit|course|physician|provider|triage|staff|team|doc)\b`)

// plainModifierRe are the words of a condition's side, position, size
// and mild degree: "right", "proximal", "5 mm", "moderate".
var plainModifierRe = regexp.MustCompile(`(?i)\b(?:right|left|r|l|proximal|distal|mid|moderate|mild|small|tiny|large|\d+(?:\.\d+)?\s?(?:mm|cm))\b`)

// nameLead is a name and "has" before a condition: "Elias has", "Mrs.
// Palfrey also has".
var nameLead = regexp.MustCompile(`^\s*(?:(?:` + honorificTitles + `)\.?\s+)?[A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+)?\s+(?:also\s+)?(?:has|had)\s+(?:(?:an?|the)\s+)?`)

// saysOpposite reports whether a title says "not" a word that the text
// says without a "not": "Migraine without aura, intractable, …" is not
// G43.009 "…, not intractable, …".
func saysOpposite(text, title string) bool {
	t := strings.ToLower(title)
	l := strings.ToLower(text)
	for i := strings.Index(t, "not "); i >= 0; {
		w := t[i+4:]
		if k := strings.IndexAny(w, " ,;()"); k >= 0 {
			w = w[:k]
		}
		if len(w) >= 5 && strings.Contains(l, w) && !strings.Contains(l, "not "+w) && !strings.Contains(l, "non-"+w) && !strings.Contains(l, "non"+w) {
			return true
		}
		j := strings.Index(t[i+4:], "not ")
		if j < 0 {
			break
		}
		i += 4 + j
	}
	return false
}

// asideInName reports whether p is one word in parentheses that the
// item's words go on after: "vasovagal (reflex) syncope".
func asideInName(note string, p span, it item) bool {
	if p.start <= it.start || p.end >= it.end || note[p.start-1] != '(' || note[p.end] != ')' || wordCount(note[p.start:p.end]) != 1 {
		return false
	}
	next := strings.TrimLeft(note[p.end+1:it.end], " ")
	return next != "" && (next[0] >= 'a' && next[0] <= 'z' || next[0] >= 'A' && next[0] <= 'Z')
}

// drugInducedPartRe is a part that names only the drug a condition came
// from: "NSAID-induced", "steroid induced".
var drugInducedPartRe = guard(`(?i)^\W*([a-z][a-z0-9]+)[- ]induced\W*$`, "induced")

// namedNSAIDRe is a nonsteroidal anti-inflammatory drug by its name.
var namedNSAIDRe = regexp.MustCompile(`(?i)\b(?:ibuprofen|naproxen|meloxicam|diclofenac|ketorolac|celecoxib|indomethacin|ketoprofen|nabumetone|etodolac|piroxicam)\b`)

// preventionAfterRe follows a condition a treatment prevents.
var preventionAfterRe = regexp.MustCompile(`(?i)^\s+(?:prevention|prophylaxis)\b`)

// notAConditionRe is a lookup that names no condition, whatever its
// words match: a denial ("(This is) not acute kidney injury"), a refusal
// ("declined cardioversion"), the heart's normal rhythm ("in sinus
// rhythm", "NSR"), anesthesia or analgesia given (not the skin's loss of
// feeling, R20.0), and what was done for the patient ("counseled on
// orthostasis", "improved w/ analgesia", "offered NRT/varenicline, she
// declines": no decline, R53.81).
var notAConditionRe = guard(`(?i)^(?:`+
	`(?:not|no|never)\b`+
	`|(?:(?:he|she|they|patient|pt)\s+)?(?:declined|declines|refused|refuses)\b`+
	`|(?:in\s+|back in\s+|now in\s+)?(?:normal\s+)?sinus rhythm\b|nsr\b`+
	`|(?:with |w/ |under |after |on )?(?:general |local |spinal |regional |epidural |ga |mac |multimodal |multi-modal |opioid-sparing |patient-controlled |pca )?(?:anesthesia|anaesthesia|analgesia)$`+
	`|(?:counsell?ed|educated|advised|reassured|instructed|discussed|reviewed|offered|improved|improving|resolving|better|reassess|recheck|re-?evaluate|consider)\b`+
	`|(?:doing|progressing) (?:well|fine|ok|okay|better|great|good|normally|appropriately)\b`+ // not Wells's cellulitis
	`|(?:thrombophilia|hypercoagulab\w*)\s+(?:work-?up|evaluation|eval|testing|panel|studies)\b`+ // tests for a condition not found
	`|(?:prescribed\s+and\s+)?taken\s+correctly$`+ // how a drug with an adverse effect was taken, no adverse effect NEC (T78.8)
	`|(?:(?:daily|physiologically|physically|nicotine|tobacco)\s+and\s+)?dependent$`+ // "daily and dependent": the substance named before, no other drug's dependence
	`|(?:bidirectional\s+)?(?:cti|cavotricuspid isthmus|isthmus)(?:[- ]dependent)?(?:\s+conduction)?\s+block\b|bidirectional (?:conduction )?block\b`+ // an ablation's endpoint, no heart block
	`|(?:hyper|hypo)active$`+ // a delirium's subtype, no ADHD
	`|[a-z][a-z -]*\s(?:chronicity|acuity)$`+ // "Ulcer chronicity not certain": a remark on an attribute, no chronic ulcer
	`|(?:(?:can |may |will |to )?(?:raise|raises|lower|lowers|check|recheck|order|measure)\s+)?(?:serum\s+|blood\s+)?uric acid(?:\s+(?:level|pending|ordered))?$`+ // "HCTZ can raise uric acid", "uric acid pending": a test, no hyperuricemia
	`|(?:liver |kidney |renal |heart |lung )?transplant(?:ation)?(?:\s+(?:evaluation|eval|work-?up|referral|candidacy|listing|planning|hepatology|surgery|nephrology|cardiology|medicine|center|clinic|coordinator|team|service|program))?$`+ // "Transplant: MELD 14, not yet at listing threshold": a topic, no transplanted organ
	`|(?:with\s+)?(?:necrosis of (?:bone|muscle)|(?:bone|muscle) (?:involvement|necrosis)|fat layer exposed|exposed (?:bone|muscle|tendon))$`+ // an ulcer's depth, no osteonecrosis
	`|(?:(?:continue|cont\.?|resume|use|uses|using|wears?|change)\s+)?(?:the\s+|his\s+|her\s+)?(?:\d+\s+)?(?:light\s+|incontinence\s+)?(?:pads?|diapers?|briefs?|liners?)(?:/d(?:ay)?)?$`+ // incontinence pads, no PAD
	`|(?:[a-z/]+\s+){0,2}met with\b|(?:sw|social work(?:er)?|case manag(?:er|ement)|cm|pt|ot|rd|dietitian|chaplain|pharmacy|palliative(?: care)?|team|family)\s+met$`+ // "SW met with pt": a meeting, no metastasis
	`|(?:secondary\s+|primary\s+)?(?:stroke|cva|vte|dvt|fall|falls)\s+(?:prevention|prophylaxis)\b`+
	`|placenta\s+(?:(?:was\s+)?delivered\s+)?(?:complete|intact)\b`+ // "placenta complete, no accreta": delivered whole, no complete previa (O44.03)
	`|(?:predisposing|predisposes|predisposed)\s+(?:(?:him|her|them|the patient)\s+)?to\b|(?:a\s+)?risk factors?\s+for\b`+ // "Chronic venous insufficiency - predisposing to cellulitis": the consequence, coded as its own item // "Secondary stroke prevention on DAPT": the care given, no stroke
	`|(?:notify|consult|call|page|contact|refer(?:red)? to)\s`+ // a service: "notify addiction medicine"
	`|(?:the\s+)?(?:probability|likelihood|chance|pretest probability)\s+of\b`+ // "Probability of malignancy is high": an estimate, no malignancy
	`|(?:\d+\s*%\s+)?(?:healthy\s+|red\s+|beefy\s+|pink\s+)?granulation(?:\s+tissue)?$`+ // a wound bed's or a biopsy's finding, no granulomatous disorder (L92.9)
	`|ivf\s+(?:lr|ns|d5\w*|fluids?|at|@|\d|bolus|rate|maintenance|running|continued?|held|stopped|off)\b`+ // IV fluids, not in vitro fertilization
	`|(?:on\s+)?(?:long[- ]term|chronic|current|ongoing)\s+(?:use|therapy|treatment)$`+ // "(long-term use)" of a drug named before it
	`|(?:ct|cta|mri|mra|cxr|kub|x-?ray|us|ultrasound|echo|tte|tee|pet|pet-ct)\s+(?:of\s+(?:the\s+)?)?(?:abdomen|abd|chest|head|pelvis|brain|a/p|abdomen/pelvis|neck|spine)\b`+ // imaging: "CTA abdomen" is no acute abdomen
	`|counsell?ing(?:\s+(?:given|provided|done|offered|completed))?$|autoimmune$`+ // counseling given in a visit or stay (no Z71.9), "autoimmune" describing the diabetes before it
	`|pain$|activity$|screening$|devices?(?:\s+(?:check|interrogation|clinic|settings))?$|transient(?:\s+[lr])?$|(?:an?\s+)?(?:post-?operative|postprocedural|surgical|procedural) complication\b|(?:medical |past |surgical |social |family )?history\s*\([^)]*\)?\s*:?$|fleischner\b|accessory muscles?(?: use)?$|(?:hcv|hiv|hbv|hep(?:atitis)?\s*[abc])\s+(?:rna|dna|viral load|vl|ab|antibody|antigen|ag|pcr|genotype)\b|(?:medical |past |social |family |personal |other |relevant |pertinent )?(?:history|hx)$)`, notAConditionWords...) // a bare "Pain:" names no site, "Device:" no Devic's disease, "activity" no activity, "screening" nothing screened for, "transient" no homelessness, "accessory muscles" no malformation, a virus's test no infection, "history" no condition

// notAConditionWords are the words one of which each alternative of
// notAConditionRe holds.
var notAConditionWords = []string{"probability", "likelihood", "chance", "granulation", "prevention", "prophylaxis", "predispos", "risk factor", "placenta", "met with", "sw met", "work met", "worker met", "cm met", "pt met", "ot met", "rd met", "dietitian met", "chaplain met", "pharmacy met", "care met", "palliative met", "team met", "family met", "management met", "manager met", "no", "never", "declin", "refus", "sinus rhythm", "nsr", "anesthesia", "anaesthesia", "analgesia", "counsel", "educated", "advised", "reassured", "instructed", "discussed", "reviewed", "offered", "improv", "resolving", "better", "reassess", "recheck", "evaluate", "consider", "doing", "progressing", "active", "chronicity", "acuity", "uric acid", "transplant", "necrosis", "involvement", "fat layer", "exposed", "pad", "diaper", "brief", "liner", "notify", "consult", "call", "page", "contact", "refer", "ivf", "use", "therapy", "treatment", "abd", "chest", "head", "pelvis", "brain", "a/p", "neck", "spine", "autoimmune", "pain", "activity", "screening", "transient", "complication", "history", "fleischner", "accessory", "hcv", "hiv", "hbv", "hep", "hx", "block", "thrombophilia", "hypercoagulab", "dependent", "taken", "device"}

// honorificName is a name after its title ("Ms. Hollingwood"): no
// condition, whatever the title's letters spell (MS).
var honorificName = regexp.MustCompile(`^(?:` + honorificTitles + `)\.?\s+[A-Z][\w'-]*$`)

// withoutAside returns the condition that starts at start with its first
// parenthetical aside left out, when the aside has condition words on both
// sides ("Chronic diastolic (HFpEF) heart failure, compensated" gives
// "Chronic diastolic heart failure"), and where in the note that phrase
// ends.
func withoutAside(note string, start, end int) (string, int, bool) {
	t := note[start:end]
	open := strings.IndexByte(t, '(')
	if open <= 0 || countLetters(t[:open]) < 3 {
		return "", 0, false
	}
	closing := strings.IndexByte(t[open:], ')')
	if closing < 0 || closing > 64 {
		return "", 0, false
	}
	closing += open
	rest := t[closing+1:]
	k := 0
	for k < len(rest) && rest[k] == ' ' {
		k++
	}
	// (or a "with" part after a comma: "chronic migraine without aura,
	// intractable (refractory to …), with status migrainosus")
	// (past a risk class: "…, intermediate-high risk, WITH acute cor
	// pulmonale")
	if m := riskLeadRe.FindStringIndex(rest[k:]); m != nil && k+m[1] < len(rest) && rest[k+m[1]] == ',' {
		k += m[1]
	}
	join := " "
	if k < len(rest) && rest[k] == ',' && hasPrefixFold(strings.TrimLeft(rest[k+1:], " "), "with ") {
		join = ", "
		for k++; k < len(rest) && rest[k] == ' '; k++ {
		}
	}
	if k == len(rest) || !isLetter(rest[k]) {
		return "", 0, false
	}
	stop := len(rest)
	if m := segmentSep.FindStringIndex(rest[k:]); m != nil {
		stop = k + m[0]
	}
	return strings.TrimSpace(t[:open]) + join + strings.TrimSpace(rest[k:stop]), start + closing + 1 + stop, true
}

// restates reports whether every word of a part is in the title or the
// matched text of the condition already found: "(congestive)" in "Acute
// systolic (congestive) heart failure" is not a condition of its own.
func restates(part string, r codeset.Result) bool {
	ws := codeset.Words(part)
	if len(ws) == 0 {
		return true
	}
	in := map[string]bool{}
	for _, w := range codeset.Words(r.Title + " " + r.Matched) {
		in[w] = true
	}
	// (an open wound's code says "open" where the part says "wound":
	// "Dog bite, L forearm (open bite wound)")
	if injury(r.Code) {
		for _, w := range codeset.Words("wound injury") {
			in[w] = true
		}
	}
	for _, w := range ws {
		if !in[w] {
			return false
		}
	}
	return true
}

// dependenceOn reports whether a phrase cut before "on" is a dependence
// ("dependence on home oxygen"), where "on" names what is depended on
// rather than a treatment.
func dependenceOn(before string) bool {
	b := strings.ToLower(strings.TrimSpace(before))
	return strings.HasSuffix(b, "dependence") || strings.HasSuffix(b, "dependent") || strings.HasSuffix(b, "dependency")
}

// patientPastOperationRe opens an item with the patient and an operation
// she is status post, and the condition she now has with it: "72F s/p
// cholecystectomy with …" (group 1 the operation).
var patientPastOperationRe = regexp.MustCompile(`(?i)^\W*\d{1,3}\s*(?:-?\s*(?:y/?o|yo|year[- ]old|yr[- ]old)\s*)?(?:F|M|female|male|woman|man|lady|gentleman)\s+(?:s/p|status post)\s+([^,;()]{3,60}?)\s+(?:with|w/|now with|presenting with)\s+`)

// operationWordRe names an operation.
var operationWordRe = regexp.MustCompile(`(?i)(?:ectomy|plasty|otomy|ostomy|pexy|scopy)\b|\b(?:repair|replacement|stent(?:ing)?|cabg|pci|transplant|surgery|resection|fixation|orif|bypass|ablation|tavr|amputation)\b`)

// historyAfter returns where a history trigger begins in an item's head
// when words that name a condition come before it ("CAD s/p stent"), or 0.
func historyAfter(head string) int {
	m := historyRe.FindStringIndex(head)
	if m == nil || m[0] == 0 || countLetters(head[:m[0]]) < 3 {
		return 0
	}
	if explicitHistory.MatchString(head[:m[1]]) {
		return 0 // "history of" reads forward only from its start
	}
	return m[0]
}

// spellOut writes out the clinical words notes shorten.
func spellOut(text string) string {
	return clinicalWord.ReplaceAllStringFunc(text, func(w string) string { return clinicalWords[strings.ToLower(w)] })
}

// romanRe is a stage, class, type or grade written in Roman numerals:
// "obesity class II", "CKD stage IIIb", "type II diabetes".
var romanRe = regexp.MustCompile(`(?i)\b(class|stage|type|grade)\s+(IV|V|I{1,3})([ab]?)\b`)

var romanValue = map[string]string{"i": "1", "ii": "2", "iii": "3", "iv": "4", "v": "5"}

// arabic writes a stage, class, type or grade in Arabic numerals, as the
// code set does.
func arabic(text string) string {
	if !containsAny(strings.ToLower(text), "class", "stage", "type", "grade") {
		return text
	}
	return romanRe.ReplaceAllStringFunc(text, func(m string) string {
		p := romanRe.FindStringSubmatch(m)
		return p[1] + " " + romanValue[strings.ToLower(p[2])] + strings.ToLower(p[3])
	})
}

// calcium spells out "Ca" written as the element ("Phos and Ca at goal"),
// which the synonym list would read as cancer ("CA").
func calcium(text string) string {
	if strings.Contains(text, "Ca") {
		text = caRe.ReplaceAllString(text, "calcium")
	}
	if strings.ContainsAny(text, "12345") {
		// "5th metatarsal", "2nd degree burn": the titles spell ordinals
		text = ordinalRe.ReplaceAllStringFunc(text, func(m string) string { return ordinals[strings.ToLower(m)] })
	}
	if strings.Contains(text, "nfarct") {
		// "embolic infarct": the classification says infarction
		text = infarctRe.ReplaceAllString(text, "${1}nfarction")
	}
	return text
}

var (
	caRe      = regexp.MustCompile(`\bCa\b`)
	infarctRe = regexp.MustCompile(`\b([Ii])nfarct\b`)
	biteRe    = regexp.MustCompile(`(?i)^(?:dog|cat|animal|human|rodent|raccoon|horse)\s+bites?,?\s+(?:to\s+|of\s+(?:the\s+)?)?(.+)$`)
	ordinalRe = regexp.MustCompile(`(?i)\b(1st|2nd|3rd|4th|5th)\b`)
	ordinals  = map[string]string{"1st": "first", "2nd": "second", "3rd": "third", "4th": "fourth", "5th": "fifth"}
)

// sidedWordRe is a side written as an adjective, "left-sided".
var sidedWordRe = regexp.MustCompile(`(?i)\b(left|right)[- ]sided\b`)

// sidedColitisRe is an ulcerative colitis named by the side of the colon
// it reaches.
var sidedColitisRe = regexp.MustCompile(`(?i)\bleft[- ]sided\s+(?:ulcerative\s+)?colitis\b|\bulcerative\s+colitis,?\s+left[- ]sided\b`)

// sides spells out a side written as a letter, or as an adjective
// ("left-sided sciatica" is "left sciatica").
func sides(text string) string {
	// (a left-sided ulcerative colitis is the colitis's type, K51.5-)
	if strings.Contains(text, "sided") && !sidedColitisRe.MatchString(text) {
		text = sidedWordRe.ReplaceAllString(text, "$1")
	}
	// a side written last: "Acute suppurative otitis media R"
	if n := len(text); n > 2 && text[n-2] == ' ' && (text[n-1] == 'R' || text[n-1] == 'L') && isLetter(text[n-3]) {
		side := "right"
		if text[n-1] == 'L' {
			side = "left"
		}
		text = text[:n-1] + side
	}
	if !strings.Contains(text, "L ") && !strings.Contains(text, "R ") {
		return text
	}
	var b strings.Builder
	last := 0
	for _, m := range side.FindAllStringIndex(text, -1) {
		// "2 L NC" is two litres by nasal cannula.
		if k := strings.TrimRight(text[:m[0]], " "); k != "" && k[len(k)-1] >= '0' && k[len(k)-1] <= '9' {
			continue
		}
		b.WriteString(text[last:m[0]])
		if text[m[0]] == 'L' {
			b.WriteString("left ")
		} else {
			b.WriteString("right ")
		}
		last = m[1] - 1
	}
	b.WriteString(text[last:])
	return b.String()
}

// withPartRe is " with " joining two conditions of one item.
var withPartRe = regexp.MustCompile(`(?i)\s+(?:with|and)\s+`)

// withBoth are the categories that an item joining two of them with
// "with" codes both of: a cellulitis with an abscess (L03, L02).
var withBoth = map[string]bool{"L02": true, "L03": true}

// namesVagueFirst reports whether a later part's concept names, in the
// first part's category, the condition the first part's code left
// "other" or "unspecified" ("Primary hyperaldosteronism — Conn syndrome
// …": E26.01 for E26.09).
func namesVagueFirst(c, first concept) bool {
	return c.r.Code[:3] == first.r.Code[:3] && c.r.Code != first.r.Code && vagueTitle(first.r.Title) && !vagueTitle(c.r.Title)
}

// vagueTitle reports whether a code's title leaves its condition "other"
// or "unspecified".
func vagueTitle(title string) bool {
	t := strings.ToLower(title)
	return strings.HasPrefix(t, "other ") || strings.Contains(t, "unspecified")
}

// abbreviationAsideRe is an abbreviation alone in parentheses: two
// capitals or more among at most eight letters ("HFpEF", not "sequela").
var abbreviationAsideRe = regexp.MustCompile(`^[a-z]*[A-Z][a-z]*[A-Z][A-Za-z]*$`)

// withAndRe is a "with" part whose second member follows "and": group 1
// the "and", group 2 the second member.
var withAndRe = regexp.MustCompile(`(?i)\bwith\s+\S.*?(\s+and\s+)(\S.*)$`)

// andLastWordRe is a text's last member of one word, after "and".
var andLastWordRe = regexp.MustCompile(`\s+and\s+([A-Za-z]+)\s*$`)

// andWordRe is a last member of one word, after "and".
var andWordRe = regexp.MustCompile(`^\s+and\s+([A-Za-z]+)\s*$`)

// secondDrugRe is a second drug after a poisoning's first: " (SSRI) and
// acetaminophen" (group 1).
var secondDrugRe = regexp.MustCompile(`(?i)^\s*(?:\([^)]*\)\s*)?(?:and|&|\+)\s+([a-z][a-z-]{3,}(?:\s+[a-z][a-z-]{3,})?)\s*(?:[,;.(]|$)`)

// burnSitesRe is a burn of one degree at two sites: group 1 the degree,
// groups 2 and 3 the sites.
var burnSitesRe = regexp.MustCompile(`(?i)^\W*((?:first|second|third)[- ]degree|(?:superficial |deep )?partial[- ]thickness|full[- ]thickness)\s+burns?\s+(?:of\s+|to\s+)?(?:the\s+)?([a-z][a-z ]{2,40}?)\s+(?:and|&)\s+(?:the\s+)?([a-z][a-z ]{2,40}?)\s*$`)

// withWordsRe is a last word or two after "with": " with acromegaly".
var withWordsRe = regexp.MustCompile(`(?i)^\s*(?:with|w/)\s+(\S+(?:\s+\S+)?)\s*$`)

// andRe joins the members of a list of conditions.
var andRe = regexp.MustCompile(`\s+and\s+`)

// onChronicRe is an acute condition "on" a chronic one ("AKI on CKD 3a",
// "acute kidney injury on chronic kidney disease"); "acute on chronic"
// itself is one condition's acuity.
var onChronicRe = regexp.MustCompile(`(?i)[a-z]\s+on\s+(?:(?:his|her|the|known|underlying|baseline)\s+)?(?:chronic|ckd|copd|esrd|cirrhosis)\b`)

// familyJoinRe joins a relative's condition, or the history of a cancer's
// primary, to the patient's current condition in one item: "… and family
// history of colon cancer", "… + FHx colon CA", "… metastatic to liver,
// history of primary left upper arm melanoma excised 2022".
var familyJoinRe = guard(`(?i)\s(?:and|\+|&)\s+((?:a\s+)?(?:family history|fhx|fh)\b)|,\s+((?:history of|h/o)\s+(?:the\s+)?primary\b)`, "fh", "family history", "primary")

// slashNamesCauseRe is two names of one condition joined by a slash,
// then its cause: groups 1 and 2 the names, 3 the cause with its
// connector.
var slashNamesCauseRe = regexp.MustCompile(`(?i)^\W*([a-z][a-z ]{3,40}?)\s*/\s*([a-z][a-z ]{3,40}?)\s+((?:due to|secondary to|from|caused by)\s+.+)$`)

// inducedRe is a condition named by what induced it: "chemotherapy-induced
// oral mucositis", "steroid-induced hyperglycemia", "chemotherapy-induced
// (oxaliplatin) peripheral polyneuropathy" (the drug named in passing),
// "warfarin-associated coagulopathy".
var inducedRe = regexp.MustCompile(`(?i)^\W*([a-z]+)-(?:induced|associated)\s+(?:\([a-z -]+\)\s*)?(.+)$`)

var (
	// meaningWord is a word that turns a condition into something else —
	// a screening, a history, an exposure — and so is never dropped.
	meaningWord = regexp.MustCompile(`(?i)\b(screening|history|exposure|exposed|risk|status|prophylaxis|counsel\w*|follow|surveillance|evaluation|work-?up|test\w*|vaccin\w*|immuniz\w*|encounter|monitoring|removal|fitting|adjustment|carrier|contact|suspected|concern|rule|ruled|negative|absent|free)\b`)
	// danglingEnd is a phrase cut after a connector: "sepsis due to".
	danglingEnd = regexp.MustCompile(`(?i)\b(due to|due|to|of|with|w/|from|and|or|secondary|in|on|d/t|after|during|by|for|as)\s*$|\band\s+(?:right|left|r|l|bilateral)\s*$`)
)

// dropWords returns the end of span p less its last n words.
func dropWords(note string, p struct{ start, end int }, n int) int {
	end := p.end
	for ; n > 0; n-- {
		i := strings.LastIndexAny(note[p.start:end], " \t")
		if i <= 0 {
			return p.start
		}
		end = p.start + i
		for end > p.start && (note[end-1] == ' ' || note[end-1] == ',') {
			end--
		}
	}
	return end
}

// ownContext reports whether a part of an item carries a context trigger
// of its own: negated, historical, about a relative, or — for an
// outpatient — uncertain.
func ownContext(text string, opt Options) bool {
	return negatedRe.MatchString(text) || historyRe.MatchString(text) || familyRe.MatchString(text) || resolvedRe.MatchString(text) ||
		!opt.Inpatient && uncertainRe.MatchString(text)
}

// headEnd is where an item's first part ends: the condition, before its
// details. A context trigger there governs the whole item.
func headEnd(note string, it item) int {
	if m := segmentSep.FindStringIndex(note[it.start:it.end]); m != nil {
		return it.start + m[0]
	}
	return it.end
}

// pastDateRe is a month and year or a year: "CAP 02/2025".
// agoRe is a time before this encounter: "last month", "3 weeks ago".
var agoRe = regexp.MustCompile(`(?i)\blast (?:week|month|year|spring|summer|fall|autumn|winter)\b|\b(?:\d+|a|one|two|three|several|few) (?:days?|weeks?|months?|years?) ago\b`)

var pastDateRe = regexp.MustCompile(`\b(?:\d{1,2}/)?(?:19|20)\d\d\b`)

// notConfirmedRe says a condition is not yet established.
var notConfirmedRe = guard(`(?i)\b(?:not (?:yet )?confirmed|unconfirmed|yet to be confirmed|awaiting confirmation)\b`, "confirm")

// curedRe says a condition was treated to its end: "Graves disease is not
// active -- treated definitively with RAI".
// dictatedNumberRe is a dictated list's number: "Number two, ".
var dictatedNumberRe = regexp.MustCompile(`(?i)^\W*number (?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|\d{1,2})\b[,.:]?\s*`)

// settingLeadRe opens a part with the setting of what came before it.
var settingLeadRe = regexp.MustCompile(`(?i)^\W*in the (?:setting|context) of\s+`)

// pastStatusCellRe is a table cell that gives a problem's status as over:
// "| Resolved |", "| Inactive |", "| Historical |"; pastStatusColumnRe
// the same in a table laid out with spaces ("COPD with (acute)
// exacerbation     J44.1     Resolved   01/2026").
var (
	pastStatusCellRe   = regexp.MustCompile(`(?i)\|\s*(?:resolved|inactive|historical|history|ruled out|entered in error|deleted|removed)\s*\|`)
	pastStatusColumnRe = regexp.MustCompile(`(?i)\S\s{3,}(?:resolved|inactive|historical|entered in error)\b`)
)

// pastStatusRow reports whether a line is a problem table's row whose
// status column says the problem is over.
func pastStatusRow(line string) bool {
	if strings.HasPrefix(strings.TrimSpace(line), "|") {
		return pastStatusCellRe.MatchString(line)
	}
	return strings.Count(line, "   ") >= 2 && pastStatusColumnRe.MatchString(line)
}

// vapingRe is the use of an electronic nicotine product.
var vapingRe = regexp.MustCompile(`(?i)\b(?:vape[sd]?|vaping|e-?cig(?:arette)?s?|e cig(?:arette)?s?|electronic cigarettes?)\b`)

// ivDoseAfterRe follows a drug given intravenously: "20 mg IV q8h".
var ivDoseAfterRe = regexp.MustCompile(`^\s*(?:sodium succinate\s+)?(?:\d+(?:\.\d+)?\s*(?:mg|mcg|g)(?:/kg)?\s+)?(?:iv|ivp|ivpb|intravenous(?:ly)?)\b`)

// removedOrganItemRe is an item that is an organ's removal: "Status post
// total hysterectomy …", "S/p partial colectomy (sigmoid)".
var removedOrganItemRe = regexp.MustCompile(`(?i)^\W*(?:status post|s/p)\s+(?:[a-z-]+\s+){0,3}?(?:hysterectomy|oophorectomy|salpingo-?oophorectomy|colectomy|hemicolectomy|cholecystectomy|TAH|BSO)\b`)

// removedOrganCodes returns the acquired absence codes an item of
// removedOrganItemRe names: the uterus with its cervix (Z90.710) or
// without (supracervical, Z90.711), the ovaries (Z90.722 both, Z90.721
// one), a part of the bowel or the gallbladder (Z90.49).
func removedOrganCodes(text string) []string {
	l := strings.ToLower(text)
	var codes []string
	switch {
	case strings.Contains(l, "supracervical"):
		codes = append(codes, "Z90.711")
	case strings.Contains(l, "hysterectomy") || strings.Contains(l, "tah"):
		codes = append(codes, "Z90.710")
	}
	if containsAny(l, "oophorectomy", "bso") {
		if containsAny(l, "bilateral", "bso", "both") {
			codes = append(codes, "Z90.722")
		} else {
			codes = append(codes, "Z90.721")
		}
	}
	if containsAny(l, "colectomy", "cholecystectomy") {
		codes = append(codes, "Z90.49")
	}
	return codes
}

// suggestionLine returns the line of the note a suggestion was read from,
// or "" when it holds no place in the note.
func suggestionLine(note string, s Suggestion) string {
	if s.Start < 0 || s.Start >= len(note) {
		return ""
	}
	return lineOf(note, s.Start)
}

// removalLaterRe sets a removal of sutures or staples for later: "in 10
// days", "7-10 d", "at follow-up", "by PCP".
var removalLaterRe = regexp.MustCompile(`(?i)\bremoval\b[^.;\n]{0,30}?(?:\b(?:in|at|after|within)\s+\d+|\b\d+\s*(?:-|–|to)\s*\d+\s*(?:d|days?|wks?|weeks?)\b|\b\d+\s*(?:d|days?|wks?|weeks?)\b|\bfollow[- ]?up\b|\bnext\b|\bby\s+(?:PCP|primary|pediatrician)\b)`)

// rheumatoidLungRe names a rheumatoid arthritis's lung disease.
var rheumatoidLungRe = regexp.MustCompile(`(?i)\brheumatoid lung\b|\bRA[- ]ILD\b|\bRA[- ]associated interstitial lung\b`)

// affirmedOnLine returns where on the line a suggestion was read from re
// first matches what the note does not deny, or nil.
func affirmedOnLine(note string, s Suggestion, re *regexp.Regexp) []int {
	l := suggestionLine(note, s)
	if l == "" {
		return nil
	}
	ls := strings.LastIndexByte(note[:s.Start], '\n') + 1
	for _, m := range re.FindAllStringIndex(l, -1) {
		if !negatedAt(note, ls+m[0]) {
			return []int{ls + m[0], ls + m[1]}
		}
	}
	return nil
}

// lupusRe names systemic lupus.
var lupusRe = regexp.MustCompile(`(?i)\b(?:lupus|SLE)\b`)

// postopComplicationRe says a condition is a complication of the surgery.
var postopComplicationRe = regexp.MustCompile(`(?i)\b(?:post-?operative|post-?procedural|surgical)\s+complication\b|\bcomplication\s+(?:of|following|after)\s+(?:the\s+|his\s+|her\s+|recent\s+)*(?:surgery|procedure|operation|\w+ectomy|\w+plasty|\w+otomy)\b`)

// treatedResolvedRe is a condition an item calls treated and over
// ("Appendicitis treated, resolved" in a visit for the appendectomy's
// wound infection): its history.
var treatedResolvedRe = guard(`(?i)^[^,;.]{3,40}\btreated(?:,\s*|\s+and\s+)resolved\b`, "resolved")

// resolvedBeforeStayRe marks a listed condition as over before the stay:
// "- resolved (January)", "resolved in 2024", "resolved prior to
// admission".
var resolvedBeforeStayRe = guard(`(?i)[-–—:]\s*(?:completely\s+|fully\s+)?resolved\s*(?:\(\s*|in\s+|by\s+)(?:jan(?:uary)?|feb(?:ruary)?|march|apr(?:il)?|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|\d{1,2}/\d{2,4}|(?:19|20)\d\d)\b|\bresolved\s+(?:prior to|before)\s+(?:this\s+)?(?:admission|presentation|arrival|hospitali[sz]ation)`, "resolved")

// resolvedUntreatedRe says a condition went away by itself, untreated.
var resolvedUntreatedRe = regexp.MustCompile(`(?i)\bresolved\s+(?:spontaneously|on its own|by itself)\b[^.\n]*\b(?:no treatment|not treated|no intervention|without treatment)\b|\bresolved\s+without\s+(?:treatment|intervention)\b`)

// admissionNoteRe titles a note written at an admission.
var admissionNoteRe = regexp.MustCompile(`(?i)\b(?:history\s+(?:and|&)\s+physical|h\s*&\s*p|admission\s+(?:note|history)|admit\s+note)\b`)

// resolvedDashRe is a listed condition marked resolved after a dash or
// colon, or after it alone: "Hyperkalemia - resolved", "AOM: resolved",
// "Eczema resolved", "Hypoglycemia — resolved after glipizide stopped;",
// "Chemo-induced neuropathy resolved - no residual deficit", "R heel
// pressure injury - healed".
var resolvedDashRe = regexp.MustCompile(`(?i)^(?:[^-–—:;,.]|[a-z]-[a-z]){3,60}\s(?:[-–—:]+\s*)?(?:now\s+|since\s+|completely\s+|fully\s+|has\s+)?(?:resolved|healed)(?:\s+(?:radiographically|clinically|completely|fully)(?:\s+and\s+(?:radiographically|clinically))?)?(?:\s+(?:after|since|with|following|once|when|per|on)\s[^;,.]{1,40})?(?:\s*[-–—]+\s*no (?:residual|lasting|further)\b[^;,.]{0,30})?\s*(?:[;,.]|$)`)

// doubtedCauseRe opens an item's detail with a doubted condition:
// "— suspected ruptured ovarian cyst, not confirmed"; symptomHeadRe is
// a head that names a symptom.
var (
	doubtedCauseRe = regexp.MustCompile(`(?i)^\s*[-–—:]+\s*(?:suspected|possible|probable|likely|presumed|query|questionable|\?|r/o|rule out)\s+[a-z]`)
	symptomHeadRe  = regexp.MustCompile(`(?i)\b(?:pain|ache|tenderness|fever|cough|dyspnea|shortness of breath|nausea|vomiting|diarrh(?:o)?ea|dizziness|vertigo|syncope|headache|rash|swelling|bleeding|hematuria|palpitations|fatigue|weakness|numbness|lump|mass)\b`)
)

// historyOnlyRe is an item's detail that puts its condition in the past:
// "Breast cancer — this is history only, remains in remission".
var historyOnlyRe = regexp.MustCompile(`(?i)^\W*(?:(?:this|it)\s+is\s+|is\s+)?(?:a\s+)?(?:history|historical)(?:\s+only)?\b(?:\s*[,;.]|\s*$|\s+only)`)

// ("Graves is treated - no hyperthyroidism since ablation": treated and
// over, said of the condition alone)
var curedRe = guard(`(?i)\b(?:treated definitively|definitively treated|cured|eradicated|eradication confirmed)\b|^\W*[a-z' -]{3,30}\s(?:is|was|has been)\s+(?:now\s+)?treated\s*(?:[-–—;,.]|$)`, "definitively", "cured", "eradicat", "treated")

// oldLeadRe opens an item about an old condition: "Old (healed) inferior
// MI" (I25.2).
var oldLeadRe = regexp.MustCompile(`(?i)^\W*old\b`)

// healedLeadRe opens an item about a condition that has healed: "Healed
// pressure ulcer — no current ulcer".
var healedLeadRe = regexp.MustCompile(`(?i)^\W*(?:old\s+|remote\s+)?healed\b`)

// socialSection reports whether a section is the social history, where a
// relative is named as the patient's company ("daughter nearby"), not for
// a disease of the family.
func socialSection(name string) bool {
	n := strings.ToUpper(name)
	return strings.Contains(n, "SOCIAL") || n == "SH" || n == "SHX"
}

// relativeIllRe is a relative named with an illness: "mother has
// dementia", "father died of an MI", "family history of".
var relativeIllRe = regexp.MustCompile(`(?i)\bfamily history\b|\b(?:mother|father|brother|sister|son|daughter|grandmother|grandfather|aunt|uncle|sibling)s?\b(?:'s)?\s+(?:has|had|have|with|died|passed|was diagnosed|diagnosed)\b`)

// relativeOnlyMentioned reports whether a long item names a relative only
// as a bystander after its condition: "52-year-old man with … alcohol use
// disorder …, brought in by his sister" is his, not the sister's.
func relativeOnlyMentioned(text string) bool {
	m := familyRe.FindStringIndex(text)
	return m != nil && (m[0] > 80 && bystanderRe.MatchString(text[max(0, m[0]-30):m[0]]) ||
		m[0] > 10 && sickContactRe.MatchString(text[max(0, m[0]-30):m[0]]) ||
		// "exploratory ingestion of grandmother's medication": the
		// relative's drug the patient took
		relativesDrugRe.MatchString(text[m[0]:]))
}

// relativesDrugRe is a relative's drug or pills: "grandmother's
// medication", "his mother's oxycodone tablets".
var relativesDrugRe = regexp.MustCompile(`(?i)^\w+(?:'s|’s|s')?\s+(?:[a-z]+\s+)?(?:medications?|meds|pills?|tablets?|prescriptions?|patch(?:es)?|gummies)\b`)

// sickContactRe puts a relative beside the condition as where the patient
// caught it: "likely viral trigger (sick grandson)", "exposure to her
// sick son".
var sickContactRe = regexp.MustCompile(`(?i)\b(?:sick|ill|exposure to|exposed to|contact with|caught (?:it )?from)\s+(?:(?:a|his|her|their)\s+)?(?:sick\s+|ill\s+)?$`)

// bystanderRe is what puts a relative beside the patient, not with a
// condition: "brought in by his", "accompanied by her", "knows his".
var bystanderRe = regexp.MustCompile(`(?i)\b(?:brought(?: in)? by|accompanied by|found by|called by|with (?:his|her) (?:adult )?|per (?:his|her)|according to (?:his|her)|lives with|knows|recognizes|recognises|visited by|cared for by)\s*(?:his|her|their)?\s*$`)

// spouseLeadRe opens a family history's item with a spouse or partner.
var spouseLeadRe = regexp.MustCompile(`(?i)^\W*(?:(?:his|her|pt'?s|patient'?s)\s+)?(?:wife|husband|spouse|partner|boyfriend|girlfriend|fianc[ée]e?)\b`)

// otherPersonRe is someone other than the patient or a blood relative
// whose condition an item speaks of: "wife's diagnosis", "her husband
// has", "dependent wife at home (Parkinson disease)", "caregiver for his
// mother".
var otherPersonRe = guard(`(?i)\b(?:wife|husband|spouse|partner|boyfriend|girlfriend|roommate|co-?worker|friend|classmate)(?:'s|’s|\s+(?:has|had|was|is|with)\b|\b[^.;:()]{0,30}\()|\b(?:primary\s+)?caregiver\s+(?:for|of|to)\b|\bbelongs?\s+to\s+(?:his|her|their|the patient's)\s+\w+`, "belong", "wife", "husband", "spouse", "partner", "boyfriend", "girlfriend", "roommate", "worker", "friend", "classmate", "caregiver")

// historicalHeadRe opens a condition with the time it belonged to:
// "Childhood asthma", "Remote peptic ulcer", "Hx atopic dermatitis"; with
// "resolved" it is past.
var (
	historicalHeadRe = regexp.MustCompile(`(?i)^\W*(?:childhood|remote|prior|previous|past|old|hx)\b`)
	resolvedWordRe   = guard(`(?i)\b(?:resolved|outgrew|outgrown|no longer)\b`, "resolved", "outgr", "no longer")
)

// poisonedRe names a drug taken wrongly: an overdose, a poisoning.
var poisonedRe = regexp.MustCompile(`(?i)\b(?:overdose|overdosed|poisoning|toxicity|ingestion)\b`)

// questionedRe is a condition written with a question mark after it:
// "Hypertension? - she states she was borderline".
var questionedRe = regexp.MustCompile(`^[^?]{3,40}\?`)

// asAboveRe is a history item that points at what the note said above
// ("PMH: RA as above"): coded there, more specifically, not here.
var asAboveRe = guard(`(?i)\b(?:as (?:noted |described |discussed |detailed )?above|see above|per above)\b`, "above")

// laterEncounterRe puts an encounter in the future: "in 10-12 days",
// "in 2 weeks", "will", "next visit".
var laterEncounterRe = regexp.MustCompile(`(?i)\bin\s+\d+(?:\s*(?:[-–]|to)\s*\d+)?\s+(?:days?|weeks?|months?)\b|\b(?:will|next visit|at follow[- ]?up|scheduled)\b`)

// procedureSepsisAgent adds, beside a sepsis following a procedure
// (T81.44-), the sepsis of the organism its evidence names ("Sepsis
// following the procedure, due to E. coli": A41.51), as its entry says to
// code also.
func procedureSepsisAgent(out []Suggestion, x *lookups, opt Options) []Suggestion {
	i := firstWithPrefix(out, "T81.44")
	if i < 0 || firstWithPrefix(out, "A40", "A41") >= 0 {
		return out
	}
	m := dueToAgentRe.FindStringSubmatch(out[i].Evidence)
	if m == nil {
		return out
	}
	for _, r := range x.Search("sepsis due to "+m[1], codeset.SearchOptions{Systems: []codeset.System{codeset.ICD10CM}, Date: opt.Date, Limit: 3}) {
		if r.Billable && (strings.HasPrefix(r.Code, "A40") || strings.HasPrefix(r.Code, "A41")) && r.Code != "A41.9" && r.Score >= 0.8 {
			out = addBeside(out, out[i], r.Code, "sepsis following a procedure: its organism", x, opt)
			// (the organism's B96 code for the same infection goes)
			return dropRedundantOrganism(out, "")
		}
	}
	return out
}

// anticoagulantBleeding codes a hemorrhagic disorder or coagulopathy its
// line puts down to an anticoagulant as D68.32 (hemorrhagic disorder due
// to extrinsic circulating anticoagulants), not D69.9 or D68.9.
func anticoagulantBleeding(out []Suggestion, x *lookups, opt Options) []Suggestion {
	for i, s := range out {
		if s.Code != "D69.9" && s.Code != "D68.9" {
			continue
		}
		if anticoagulantCauseRe.MatchString(lineAt(opt.note, s.Start)) {
			if containsCode(out, "D68.32") {
				return append(out[:i], out[i+1:]...)
			}
			recode(&out[i], "D68.32", "coagulopathy due to an anticoagulant", x, opt)
		}
		return out
	}
	return out
}

// anticoagulantCauseRe puts a bleeding disorder down to an anticoagulant.
var anticoagulantCauseRe = regexp.MustCompile(`(?i)\b(?:due to|from|secondary to|induced|related to|associated with)\s+(?:his\s+|her\s+|the\s+)?(?:warfarin|coumadin|heparin|enoxaparin|apixaban|rivaroxaban|dabigatran|edoxaban|anticoagula\w*)|\b(?:warfarin|coumadin|heparin|anticoagulant)[- ](?:induced|associated|related)\b`)

// dueToAgentRe is the organism a condition is due to.
var dueToAgentRe = regexp.MustCompile(`(?i)\bdue to\s+([A-Z][A-Za-z.]*(?:\s+[a-z][a-z.]*)?)`)

// respiratoryFailureGases codes a respiratory failure "with hypoxia and
// hypercapnia" as both (J96.x1 and J96.x2: the category has no code for
// the two together), not as the unspecified J96.x0.
func respiratoryFailureGases(out []Suggestion, x *lookups, opt Options) []Suggestion {
	for i := range out {
		c := out[i].Code
		if len(c) != 6 || !strings.HasPrefix(c, "J96.") || c[4] > '2' {
			continue
		}
		l := strings.ToLower(out[i].Evidence)
		if !containsAny(l, "hypox") || !containsAny(l, "hypercap", "hypercarb") {
			continue
		}
		s := out[i]
		recode(&out[i], c[:5]+"1", s.Rule, x, opt)
		return addBeside(out, s, c[:5]+"2", s.Rule, x, opt)
	}
	return out
}

// chronicLeadRe is "chronic" before a condition's name.
var chronicLeadRe = regexp.MustCompile(`(?i)^\s*chronic\s+`)

// acuityLeadRe is an acuity before a condition's name.
var acuityLeadRe = regexp.MustCompile(`(?i)^\s*(?:acute|subacute|new|recent)\s+`)

// questionedSmoker reports whether a former smoker's mention is asked, not
// told: "former smoker? - per daughter \"never smoked.\"".
func questionedSmoker(note string, m []int) bool {
	after := strings.TrimLeft(note[m[1]:min(len(note), m[1]+3)], " ")
	// ("Smoking status: Never smoker (corrected 2024 -- was mis-entered
	// as \"former smoker\" at intake)")
	return strings.HasPrefix(after, "?") || strings.Contains(strings.ToLower(sentenceAround(note, m[0])), "never smoked") ||
		containsAny(strings.ToLower(lineOf(note, m[0])), "never smoker", "mis-entered", "entered in error")
}

// screeningWordsRe names a screening or a vaccine.
var screeningWordsRe = regexp.MustCompile(`(?i)\b(?:screening|colonoscopy|mammogram|vaccin\w*|immuniz\w*|ldct)\b`)

// screeningOrderedRe says a screening is referred elsewhere, or none done
// at this encounter (a screening visit orders its tests: that stays):
// "Eligible for LDCT lung screening", "LDCT lung screening due".
var screeningOrderedRe = regexp.MustCompile(`(?i)\b(?:referral|referred|none done|due (?:at|in|next)|next due|will schedule|to (?:be )?schedule|eligible for|(?:screening|ldct|mammogram|colonoscopy) (?:is |now )?(?:over)?due)\b`)

// symptomCode reports whether a code is a symptom's: chapter 18's, or a
// pain or disturbance a body system's chapter lists (otalgia H92.0-, eye
// pain H57.1-, limb and joint pain M79.6-, M25.5-, low back pain M54.5-).
func symptomCode(code string) bool {
	return code[0] == 'R' || hasAnyPrefix(code, "H92.0", "H57.1", "M79.6", "M25.5", "M54.5", "N64.4")
}

// explainedRe says a symptom is the diagnosis's own: "Fever is
// attributable to the ear infection", "Fever attributed to #1",
// "Leukocytosis attributed to DKA/stress".
var explainedRe = regexp.MustCompile(`(?i)\b(?:(?:is|are|was|were)\s+(?:likely\s+|probably\s+|all\s+|fully\s+)?(?:attributable|attributed|explained|accounted for)|(?:is|are|was|were)\s+(?:all\s+)?(?:a\s+)?(?:manifestations?|symptoms?|features?)\s+of\b|(?:is|are|was|were)\s+(?:all\s+)?(?:a\s+)?part of (?:the|her|his|their|its|this|that)\s|(?:is|are|was|were)\s+(?:all\s+)?(?:from|due to|caused by|secondary to) (?:(?:the|her|his|their|its|this|that)\s)?|(?:attributed|attributable) to\b)`)

// allergyItemRe is an item that speaks of a drug or food allergy (not of
// an allergic reaction happening now: "Allergic reaction to shellfish with
// acute allergic urticaria").
var allergyItemRe = regexp.MustCompile(`(?i)\ballerg(?:y|ies)\b|\ballergic to\b`)

// allergyReactionCode reports whether code is a reaction an allergy list
// records (hives, rash, angioedema, itching).
func allergyReactionCode(code string) bool {
	return strings.HasPrefix(code, "L50.") || code == "R21" || strings.HasPrefix(code, "T78.3") || strings.HasPrefix(code, "L29.") || code == "L27.0"
}

// itemWithdrawnRe is an item that takes its own condition back:
// "Hypertension - … has never been diagnosed or treated; … No diagnosis at
// this time.", "GAD removed."
var itemWithdrawnRe = guard(`(?i)\b(?:has never been diagnosed(?: or treated)?\s*[;.,]|never (?:been )?diagnosed or treated|no diagnosis at this time|not a (?:current|real|true) diagnosis)|^\W*[\w' -]{2,40}?\s+(?:removed|deleted)(?: from (?:the |her |his )?(?:problem )?list)?\s*\.?$`, "diagnos", "removed", "deleted")

// listExcludedRe ends a list its verb excludes whole: "Biliary
// pancreatitis, hypertriglyceridemia, necrotizing pancreatitis and
// pseudocyst were all excluded."
var listExcludedRe = guard(`(?i)(?:,|\band)\b.*\b(?:were|are|have been) (?:all |both |each )?(?:excluded|ruled out|absent|not present|not found)\b`, "excluded", "ruled out", "absent", "not present", "not found")

// excludedSubjectRe is an item whose condition is the subject of the
// verb that excludes it: "Pulmonary embolism was excluded by CT
// angiography.", "Liver metastases excluded." (a few words, so that "chest pain for which ACS was
// excluded" keeps its chest pain).
var excludedSubjectRe = guard(`(?i)^\W*((?:[a-z'/-]+\s+){1,5})(?:(?:is|was|are|were|has been|have been) )?(?:(?:definitively|effectively|also|then|subsequently) )?(?:excluded|ruled out)\b`, "excluded", "ruled out")

func excludedSubject(head string) bool {
	m := excludedSubjectRe.FindStringSubmatch(head)
	if m == nil {
		return false
	}
	for _, w := range strings.Fields(strings.ToLower(m[1])) {
		if clauseWords[w] {
			return false
		}
	}
	return true
}

// planLabelRe is an item of a plan's routine, labelled by what it
// orders, not by a problem: "Activity: ad lib", "VTE ppx: heparin",
// "Secondary stroke prevention - clopidogrel".
// (Guarded: a label ends with its colon; a prevention names itself, and
// "prophyla" leaves out the s that (?i) would also match as ſ.)
var planLabelRe = guard(`(?i)^[\s*•-]*(?:(?:diet|activity|dispo\w*|code status|(?:vte |dvt |gi )?(?:prophylaxis|ppx)|fen|fluids|nutrition|pt/ot|access|lines?|(?:vaccines?|vaccinations?|immunizations?|shots)(?:\s+(?:today|given|administered|due|updated))?)\s*:|(?:primary |secondary )?(?:[a-z]+ ){0,2}(?:prevention|prophylaxis)\b\s*(?:[-–—:]|$))`,
	":", "prevention", "prophyla")

// immunizedRe is an item that gives a vaccination's status, not the
// disease it prevents: "Tetanus: UTD", "Influenza vaccine up to date".
var immunizedRe = regexp.MustCompile(`(?i)^\W*(?:tetanus|tdap|td|dtap|pertussis|influenza|flu|pneumococcal|hepatitis [ab]|hep [ab]|mmr|measles|varicella|zoster|shingles|covid(?:-19)?|hpv|rabies)(?:\s+(?:vaccine|vaccination|shot|immunization|status|toxoid|booster))?\s*[:,-]?\s*(?:is\s+|was\s+)?(?:utd|up[- ]to[- ]date|current|immune|vaccinated|immunized|updated|given|boosted)\b`)

// prophylaxisNotNeededRe is an item that says a prophylaxis after an
// exposure is not needed: "Rabies PEP NOT indicated (provoked bite)".
// (Guarded by its "not".)
var prophylaxisNotNeededRe = guard(`(?i)\b(?:pep|post-?exposure(?: prophylaxis)?)\b[^.;]*\bnot\s+(?:indicated|needed|required|necessary|recommended)\b`, "not")

// excludedLabelRe is an item labelled as a list of what was excluded:
// "- Excluded: celiac (serology + bx neg), microscopic colitis (bx neg)".
var excludedLabelRe = regexp.MustCompile(`(?i)^[\s*•-]*(?:excluded|ruled[ -]out|r/o'd|not present|absent|negative(?: for)?|no evidence (?:of|for)|(?:problems|diagnoses|conditions|issues)\s+(?:\w+\s+){0,2}?(?:excluded|ruled[ -]out)(?:\s+\w+){0,3})\s*:`)

// clauseWords open a clause inside an item's first part: the condition
// before them is not the one the clause speaks of.
var clauseWords = map[string]bool{"which": true, "for": true, "after": true, "but": true, "although": true, "though": true, "while": true,
	"when": true, "since": true, "because": true, "so": true, "and": true, "with": true, "where": true, "whom": true, "who": true}

// backward is a later part that qualifies the condition before it: "…,
// ruled out", "… - resolved".
var backward = regexp.MustCompile(`(?i)^\W*(?:(?:clinically|radiographically|definitively|effectively|now|since)\s+)?(ruled out|excluded|unlikely|not likely|doubtful|resolved (?:issue|problem)|not present|none seen|none found|not seen|no recurrence|without recurrence|not addressed|no current (?:symptoms|treatment|issues)|no longer (?:active|present|an issue)|outgr[eo]wn?|not confirmed|not (?:yet )?established|not (?:consistent|compatible) with (?:the |his |her |this )?(?:presentation|picture|exam|examination|findings|history|clinical)|negative|does not meet|not (?:a )?separate (?:problem|diagnosis|issue|condition)|not supported|no personal history|(?:is|was|are|were) not (?:a )?(?:concern|concerning|suspected|present|seen|likely|favored|consideration|considered|diagnosed|found|identified|established)|(?:(?:is|was|are|were)\s+)?not (?:felt|thought|believed) to be|(?:is|was|are|were) (?:considered |felt |thought )?less likely|(?:is|was|are|were|came back)\s+negative|(?:i|we) (?:disagree|do not agree)\b)\b`)

// backwardIn reports whether a later part of an item, rest, negates the
// condition its head names.
func backwardIn(rest, head string) bool {
	rest = withoutPOA(rest)
	seen := false      // a part with words came before
	suspected := false // a part named a suspected condition of its own
	for _, p := range segmentSep.Split(rest, -1) {
		// ("…: no bladder tumor, …, negative cytology, sterile urine": a
		// test's result deep in a work-up's list, not the item taken
		// back; "Influenza - negative PCR" and a doubted item's
		// "?COVID — negative PCR" are answered by it)
		if m := negativeResultPartRe.FindStringSubmatch(p); m != nil && m[1] != "for" && seen && strings.IndexByte(head, '?') < 0 && !uncertainRe.MatchString(head) {
			continue
		}
		// ("Jar 1 (ascending colon polyp): Tubular adenoma, negative for
		// high-grade dysplasia": what a later part finds absent is
		// another thing than the item's, which none of its words name)
		if m := negativeForPartRe.FindStringSubmatch(p); m != nil && seen && !sharesWord(m[1], head+" "+rest[:strings.Index(rest, p)]) {
			continue
		}
		seen = seen || countLetters(p) > 0
		// ("Right great toe pain, acute - suspect acute gout flare (…)
		// but not confirmed": the part's own suspected condition is what
		// is not confirmed, not the symptom before it)
		// (nor the part after it that answers it: "… but not confirmed")
		if ownSuspicionRe.MatchString(p) {
			suspected = true
			continue
		}
		if backward.MatchString(p) {
			if suspected || withinHoursRe.MatchString(p) {
				continue
			}
			return true
		}
	}
	return false
}

// withinHoursRe is a later part that describes the event it follows, not
// one that says it is over: "Simple febrile seizure - single generalized
// seizure <15 min, no recurrence within 24 h".
var withinHoursRe = regexp.MustCompile(`(?i)^\W*no recurrence\s+(?:within|in|over)\s+(?:the\s+)?(?:first\s+)?\d+\s*(?:h|hrs?|hours?)\b`)

// laterSuspicion reports whether what an item takes back is a suspicion
// a later part names of its own, not the item's certain head: "Right
// great toe pain, acute - suspect acute gout flare but not confirmed".
func laterSuspicion(head, rest string) bool {
	if uncertainRe.MatchString(head) {
		return false
	}
	for _, p := range segmentSep.Split(rest, -1) {
		if ownSuspicionRe.MatchString(p) {
			return true
		}
	}
	return false
}

// otherRuledOut reports whether the "ruled out" of an item with a doubt
// in it is a later clause's own, about a condition the head does not name:
// "Atypical chest pain, likely musculoskeletal/costochondral - ACS ruled
// out" keeps its chest pain.
func otherRuledOut(head, text string) bool {
	m := dashRuledOutRe.FindStringSubmatch(text)
	if m == nil {
		return false
	}
	have := saidWords(head)
	for _, w := range codeset.Words(m[1]) {
		if have[w] {
			return false
		}
	}
	return true
}

// dashRuledOutRe is a clause after a dash that rules out a condition it
// names: "- ACS ruled out", "— PE excluded".
var dashRuledOutRe = regexp.MustCompile(`(?i)\s[-–—]+\s*((?:[A-Za-z0-9/']+\s+){1,4}?)(?:was\s+|has been\s+|is\s+)?(?:ruled out|excluded)\b`)

// ownSuspicionRe is a later part that names a suspected condition of its
// own: "suspect acute gout flare", "possible early cellulitis".
var ownSuspicionRe = regexp.MustCompile(`(?i)^\W*(?:suspect(?:ed)?|possible|probable|questionable|concern for)\s+(?:(?:acute|early|mild|recurrent)\s+)?([a-z]{4,})\b`)

// negativeForPartRe is a part that opens with "negative for" before what
// it finds absent (group 1).
var negativeForPartRe = regexp.MustCompile(`(?i)^\W*negative\s+for\s+(.+)$`)

// sharesWord reports whether b holds a word of four letters or more of a,
// by its stem (codeset.Words).
func sharesWord(a, b string) bool {
	bw := codeset.Words(strings.ToLower(b))
	for _, w := range codeset.Words(strings.ToLower(a)) {
		if len(w) >= 4 && slices.Contains(bw, w) {
			return true
		}
	}
	return false
}

// negativeResultPartRe is a part that opens with "negative" before a word.
var negativeResultPartRe = regexp.MustCompile(`(?i)^\W*negative\s+([a-z]+)`)

// answeredNoPartRe is a part that answers the one before it "no".
var answeredNoPartRe = regexp.MustCompile(`(?i)^\s*(?:no|negative|not|denies)\s*$`)

// refutedQuestionRe is a past condition asked about and then refuted:
// "Hx of kidney stone? — pt thought so, but records show 2018 ED visit
// was for musculoskeletal back strain".
var refutedQuestionRe = regexp.MustCompile(`(?i)^[^?\n]{3,60}\?[^.\n]{0,40}\bbut\s+(?:(?:the\s+)?(?:old\s+)?(?:records?|chart|notes?|imaging|workup|ed visit)\s+(?:show|shows|showed|indicate|indicates|reveal|revealed)|(?:it\s+)?(?:was|is)\s+(?:actually|really|in fact))\b`)

// lowRiskItemRe is an item that rates a risk low: "Fall risk low".
var lowRiskItemRe = regexp.MustCompile(`(?i)^[^.;:]{0,30}\brisk\s+(?:is\s+)?(?:low|minimal|negligible)\b`)

// answeredNoRe is a listed condition answered "no", or not known either
// way: "Hypothyroidism — NO; TSH normal", "MRSA colonization - unknown;
// not tested".
var answeredNoRe = regexp.MustCompile(`(?i)^[^:;,.—–-]{3,60}\s[-–—:]+\s*(?:no|none|absent|(?:status\s+)?unknown|untested|not\s+(?:yet\s+)?tested)\s*(?:[;,.]|$)`)

// backwardAfter reports whether the clause after an item's semicolon
// takes the item back: "Renal artery stenosis was considered; not
// supported by duplex."
func backwardAfter(note string, start, end int) bool {
	if end >= len(note) || note[end] != ';' {
		return false
	}
	// (not what an item's own suspicion leaves unconfirmed: "Subacute
	// cough, 3 weeks, … - possible cough-variant asthma vs post-viral
	// cough; not confirmed" keeps its cough)
	if refutedAfterRe.MatchString(note[end+1:min(len(note), end+81)]) && !suspicionPartRe.MatchString(note[start:end]) {
		return true
	}
	// "Gallstone pancreatitis was on the ED differential; lipase normal
	// and pancreas normal on imaging, so pancreatitis is not present"
	if onDifferentialRe.MatchString(note[start:end]) {
		rest := note[end:min(len(note), end+200)]
		if k := strings.IndexAny(rest, ".\n"); k >= 0 {
			rest = rest[:k]
		}
		if differentialAnsweredRe.MatchString(rest) {
			return true
		}
	}
	// "Community-acquired pneumonia considered …; empiric antibiotics …; a
	// separate pneumonia diagnosis is not made": a later clause of the
	// sentence that denies the item's condition by name
	rest := note[end:min(len(note), end+300)]
	if k := strings.IndexAny(rest, ".\n"); k >= 0 {
		rest = rest[:k]
	}
	m := notMadeRe.FindStringSubmatch(rest)
	return m != nil && strings.Contains(strings.ToLower(note[start:end]), strings.ToLower(m[1]))
}

// suspicionPartRe is a later part of an item that opens with a suspicion
// of its own: " - possible cough-variant asthma".
var suspicionPartRe = regexp.MustCompile(`(?i)\s[-–—:,]\s*(?:possible|probable|suspect(?:ed)?|questionable|concern for)\s`)

// onDifferentialRe is an item weighed on a differential, and
// differentialAnsweredRe the work-up after it that set it aside.
var (
	onDifferentialRe       = regexp.MustCompile(`(?i)\b(?:was|were|is|are)\s+on\s+the\s+(?:\w+\s+)?differential(?:\s+(?:because|given|due to|for)\b[^;]*)?\s*$|\s[-–—:]\s*considered\s*$`)
	differentialAnsweredRe = regexp.MustCompile(`(?i)\b(?:is|was|are|were)\s+not\s+present\b|\bruled\s+out\b|\bexcluded\b|\b(?:is|was|are|were)\s+(?:clear|normal|negative)\b`)
)

// notMadeRe is a diagnosis said not to be made, named by its word before
// "diagnosis".
var notMadeRe = regexp.MustCompile(`(?i)\b([a-z]{5,}) diagnosis (?:is|was) not (?:made|established)\b`)

// virusPartRe is a part that only names a virus, perhaps doubted (group
// 1).
var virusPartRe = regexp.MustCompile(`(?i)^(?:(?:due to|from|d/t|2/2)\s+)?(?:(probable|likely|presumed|suspected|possible)\s+)?(?:noro ?virus|norwalk|rota ?virus|adeno ?virus|astro ?virus|sapo ?virus|calici ?virus|rsv|respiratory syncytial virus|(?:human )?metapneumo ?virus|hmpv|rhino ?virus|entero ?virus|parainfluenza(?: virus)?)(?:\s+(?:positive|\+|pcr\s*\+?|confirmed))?$`)

// titleNamesVirus reports whether a title names a virus or its agent.
func titleNamesVirus(title string) bool {
	return containsAny(strings.ToLower(title), "virus", "viral", "norwalk", "syncytial", "adenovir", "rotavir")
}

// deniesItsHead reports whether the rest of an item says it is not its
// own head: "PID: no CMT, afebrile, GC/CT neg - not consistent with PID"
// (not "Atypical chest pain - not c/w ACS", which denies another).
func deniesItsHead(head, rest string) bool {
	h := strings.ToLower(strings.Trim(strings.TrimSpace(head), " -–—*•#:\"“”"))
	if len(h) < 3 {
		return false
	}
	for _, m := range notConsistentRe.FindAllStringSubmatchIndex(rest, -1) {
		if strings.HasPrefix(strings.ToLower(rest[m[2]:]), h) {
			return true
		}
	}
	// "Pneumonia: … no focal consolidation. Not pneumonia.",
	// "tension-type headache - features are migrainous, not tension-type"
	if f := strings.Fields(h); len(f) > 0 && len(f[0]) >= 4 {
		for _, m := range notHeadRe.FindAllStringSubmatchIndex(rest, -1) {
			if strings.EqualFold(strings.Trim(rest[m[2]:m[3]], ".,;:()"), f[0]) {
				return true
			}
		}
	}
	// a doubted head a later clause refutes: "R/O bowel ischemia - no
	// ischemia", "\"influenza vs COVID\" -> … PCR negative"
	if !uncertainRe.MatchString(head) && !strings.ContainsAny(head, "?\"“") {
		return false
	}
	if k := strings.Index(rest, "->"); k >= 0 && workupNegativeRe.MatchString(rest[k:]) {
		return true
	}
	lr := strings.ToLower(rest)
	if f := strings.Fields(h); len(f) > 0 {
		noun := strings.Trim(f[len(f)-1], ".,;:)(")
		if len(noun) >= 4 && strings.Contains(lr, "no "+noun) {
			return true
		}
	}
	// "?CHF (ED started furosemide) — no heart failure": the head by
	// what the synonym list spells it out as
	for _, alt := range synonymList()[strings.Trim(h, "? ")] {
		if n := strings.Join(alt, " "); len(n) >= 4 && strings.Contains(lr, "no "+n) {
			return true
		}
	}
	return false
}

// refutedLater reports whether a condition doubted in its sentence
// (considered, possible, suspected, r/o, concern for) is denied by name
// later in its paragraph: "no pulmonary embolism", "PE was excluded". The
// name is the evidence's words or what the synonym list spells them out
// as ("PE": pulmonary embolism).
func refutedLater(note string, start, end int) bool {
	if !uncertainRe.MatchString(sentenceAround(note, start)) {
		return false
	}
	block := note[end:min(len(note), end+600)]
	if k := strings.Index(block, "\n\n"); k >= 0 {
		block = block[:k]
	}
	if k := nextItemLineRe.FindStringIndex(block); k != nil {
		block = block[:k[0]]
	}
	lb := asciiLower(block)
	name := strings.Join(strings.Fields(uncertainRe.ReplaceAllString(asciiLower(note[start:end]), " ")), " ")
	names := []string{name}
	for _, alt := range synonymList()[names[0]] {
		names = append(names, strings.Join(alt, " "))
	}
	for _, n := range names {
		if len(n) < 2 {
			continue
		}
		for _, lead := range []string{"no ", "no evidence of ", "without ", "negative for ", "no acute "} {
			if i := strings.Index(lb, lead+n); i >= 0 && (i+len(lead)+len(n) == len(lb) || !isLetter(lb[i+len(lead)+len(n)])) {
				return true
			}
		}
		if i := strings.Index(lb, n); i >= 0 && excludedAfterRe.MatchString(lb[i+len(n):]) {
			return true
		}
	}
	return false
}

// nextItemLineRe is a line that opens the next item of a list.
var nextItemLineRe = regexp.MustCompile(`\n[ \t]*(?:\d+[.)]|#|-|•|\*)`)

// excludedAfterRe follows a condition's name to exclude it.
var excludedAfterRe = regexp.MustCompile(`^\s+(?:(?:was|is|has been)\s+)?(?:ruled out|excluded)\b`)

// toolAfterRe is a word after a condition's name that makes it a tool's
// or a protocol's name, or a risk's ("trisomy 21 risk low").
var toolAfterRe = regexp.MustCompile(`(?i)^\s*(?:scale|score|alert|protocol|team|activation|bundle|pathway|order set|screen(?:ing)? tool|risk)\b`)

// underRuledOutIntro reports whether an item is a bullet of a list whose
// opening line says its members were ruled out: "Problems addressed and
// ruled out this admission (NOT active diagnoses):" then "- Pneumonia:
// …".
func underRuledOutIntro(note string, at int) bool {
	ls := strings.LastIndexByte(note[:at], '\n') + 1
	for ls > 0 {
		t := strings.TrimSpace(note[ls:lineEnd(note, ls)])
		if t == "" {
			return false
		}
		if !strings.HasPrefix(t, "-") && !strings.HasPrefix(t, "•") && !strings.HasPrefix(t, "*") {
			return strings.HasSuffix(t, ":") && ruledOutIntroRe.MatchString(t)
		}
		ls = strings.LastIndexByte(note[:ls-1], '\n') + 1
	}
	return false
}

// ruledOutIntroRe is a list's opening line that rules its members out.
var ruledOutIntroRe = regexp.MustCompile(`(?i)\b(?:ruled out|excluded|not active|not confirmed|were not|considered and)\b`)

// nextSentenceDenies reports whether the sentence after an item, on its
// line, opens by denying the item's head: "- Pneumonia: CXR … no focal
// consolidation, afebrile. Not pneumonia."
func nextSentenceDenies(note string, end int, head string) bool {
	f := strings.Fields(strings.ToLower(strings.Trim(strings.TrimSpace(head), " -–—*•#:")))
	if len(f) == 0 || len(f[0]) < 4 || end >= len(note) {
		return false
	}
	next := strings.TrimLeft(note[end:lineEnd(note, end)], ". ;")
	// ("- Sepsis: evaluated; he does not meet sepsis criteria")
	if m := notMeetRe.FindStringSubmatch(next); m != nil && strings.EqualFold(m[1], strings.Trim(f[0], ".,;:()")) {
		return true
	}
	// ("- Empyema: small right effusion …, too small to tap; not felt to
	// be empyema")
	if m := notFeltToBeRe.FindStringSubmatch(next); m != nil && strings.EqualFold(m[1], strings.Trim(f[0], ".,;:()")) {
		return true
	}
	m := notHeadRe.FindStringSubmatchIndex(next)
	if m == nil || m[0] != 0 || !strings.EqualFold(strings.Trim(next[m[2]:m[3]], ".,;:()"), f[0]) {
		return false
	}
	// ("Bipolar I disorder, …. Not bipolar II - …": another kind of it
	// denied, by the numeral after the word)
	if g := strings.Fields(strings.ToLower(next[m[3]:])); len(g) > 0 && len(f) > 1 {
		a, b := strings.Trim(f[1], ".,;:()"), strings.Trim(g[0], ".,;:()-")
		if a != b && kindNumeral[a] && kindNumeral[b] {
			return false
		}
		// ("Postpartum depression …. Not postpartum psychosis.": another
		// condition the word opens, by the noun after it)
		if a != b && len(a) >= 4 && len(b) >= 4 && isWord(a) && isWord(b) && !notFillerWords[b] {
			return false
		}
	}
	return true
}

// notFillerWords may follow a denied condition's word without naming
// another condition: "Not pneumonia currently".
var notFillerWords = map[string]bool{"this": true, "that": true, "currently": true, "clinically": true, "present": true, "likely": true, "anymore": true, "given": true, "based": true, "per": true, "either": true, "today": true, "felt": true, "thought": true, "seen": true, "suspected": true, "confirmed": true, "active": true}

// isWord reports whether w is letters only.
func isWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if !isLetter(w[i]) {
			return false
		}
	}
	return w != ""
}

// notMeetRe opens a clause that says the patient does not meet a
// condition's criteria: "he does not meet sepsis criteria", "does not
// meet criteria for sepsis" (group 1 the condition's first word).
var notMeetRe = regexp.MustCompile(`(?i)^(?:(?:he|she|they|pt|patient)\s+)?(?:does|did|do)\s*(?:not|n't)\s+meet\s+(?:the\s+)?(?:criteria\s+for\s+)?([a-z]+)`)

// notFeltToBeRe opens a clause that denies the condition it names (group
// 1, its first word): "not felt to be empyema".
var notFeltToBeRe = regexp.MustCompile(`(?i)^(?:(?:this|it)\s+(?:is|was)\s+)?not\s+(?:felt|thought|believed|considered)\s+to\s+be\s+(?:an?\s+)?([a-z]+)`)

// kindNumeral are the numerals that name a condition's kind: bipolar I
// and II, type 1 and 2.
var kindNumeral = map[string]bool{"i": true, "ii": true, "iii": true, "1": true, "2": true, "3": true}

// leftAloneLine reports whether a line of the note names a condition,
// written as words, and says it was not addressed.
func leftAloneLine(lower, words string) bool {
	w := strings.ToLower(strings.TrimSpace(words))
	if len(w) < 3 {
		return false
	}
	for i := range occurrences(lower, "not addressed") {
		if l := lower[strings.LastIndexByte(lower[:i], '\n')+1 : lineEnd(lower, i)]; strings.Contains(l, w) {
			return true
		}
	}
	return false
}

// notAddressedLater reports whether a later clause of an item's line says
// the condition was not addressed: "6. Hyperlipidemia - per pt report
// takes a cholesterol pill; not on med rec; not addressed, defer to PCP."
func notAddressedLater(note string, from int, head string) bool {
	if from >= len(note) {
		return false
	}
	// (from the first semicolon after the head on its line, within the
	// item or after it)
	k := strings.IndexByte(note[from:lineEnd(note, from)], ';')
	if k < 0 {
		return false
	}
	end := from + k
	// ("Cellulitis - minimal erythema …; podiatry and medicine agree no
	// separate cellulitis": the head's word denied in a later clause)
	word := ""
	if f := strings.Fields(strings.Trim(strings.TrimSpace(head), " -–—*•#:0123456789.")); len(f) > 0 && len(f[0]) >= 5 {
		word = strings.ToLower(strings.Trim(f[0], ",.:;()"))
	}
	for _, part := range strings.Split(note[end:lineEnd(note, end)], ";") {
		if notAddressedRe.MatchString(part) {
			return true
		}
		if word != "" {
			if m := noSeparateRe.FindStringSubmatch(part); m != nil && strings.EqualFold(m[1], word) {
				return true
			}
		}
	}
	return false
}

// noSeparateRe denies a condition named next (group 1): "no separate
// cellulitis".
var noSeparateRe = regexp.MustCompile(`(?i)\bno\s+(?:separate|additional|true|concurrent|evidence of|definite)\s+(\w+)`)

// leftAloneRe says a listed condition is neither treated nor addressed:
// "HTN - \"told once,\" never treated, normotensive here, not
// addressed".
var leftAloneRe = regexp.MustCompile(`(?i)\b(?:not addressed|never (?:been )?treated)\b`)

// notAddressedRe opens a clause that says a condition was left alone.
var notAddressedRe = regexp.MustCompile(`(?i)^\s*(?:not addressed|not treated|not managed)\b`)

// notHeadRe is "not" before a word: "Not pneumonia".
var notHeadRe = regexp.MustCompile(`(?i)\bnot\s+(?:an?\s+)?(\S+)`)

// workupNegativeRe is a work-up's result that refutes: "-> influenza A/B
// and SARS-CoV-2 PCR negative".
var workupNegativeRe = regexp.MustCompile(`(?i)^->[^.;]*\b(?:negative|neg|not detected|normal|unremarkable|ruled out|excluded)\b`)

// notConsistentRe says findings are not those of a condition, named next.
var notConsistentRe = guard(`(?i)\bnot (?:(?:consistent|compatible) with|c/w)\s+(?:an?\s+|the\s+)?(\S)`, "not consistent", "not compatible", "not c/w")

// setAsideRe says diagnoses were worked up and not confirmed: "Initial /
// working diagnoses that were NOT confirmed: inferior STEMI (ED read),
// aortic dissection, …" ("not yet confirmed" still doubts).
var setAsideRe = guard(`(?i)\b(?:was|were|is|are|been)\s+not\s+confirmed\b`, "confirmed")

// labelDenied reports whether an item names a condition as a label and
// denies it after the colon: "4. CAD: no evidence - CAC 0 on CTA".
func labelDenied(text string) bool {
	k := strings.IndexByte(text, ':')
	d, dl := strings.Index(text, " - "), 3
	// (or a long dash: "Infection as trigger — evaluated and excluded")
	for _, sep := range []string{" — ", " – "} {
		if e := strings.Index(text, sep); e > 0 && (d < 0 || e < d) {
			d, dl = e, len(sep)
		}
	}
	if d > 0 && (k < 0 || d < k) {
		// "3. Bladder cancer - no evidence on cystoscopy" (a dash's
		// "resolved" is a course, not a denial)
		// ("Hx nephrolithiasis - none current" keeps its history)
		return wordCount(text[:d]) <= 5 && dashDeniedRe.MatchString(text[d+dl:]) && !historyRe.MatchString(text[:d]) && !hxLeadRe.MatchString(text[:d])
	}
	if k <= 0 || wordCount(text[:k]) > 5 || exposureWordRe.MatchString(text[:k]) {
		return false // ("COVID exposure: PCR negative" denies the infection, not the exposure)
	}
	// "Infection: no UTI": a search for an infection that found none
	if l := strings.ToLower(strings.TrimSpace(text[:k])); (l == "infection" || l == "infections" || l == "infectious") && strings.HasPrefix(strings.ToLower(strings.TrimSpace(text[k+1:])), "no ") {
		return true
	}
	m := deniedLabelRe.FindStringIndex(text[k+1:])
	// ("R hip contusion: imaging negative for fracture" denies another)
	return m != nil && !negativeForRe.MatchString(text[k+1+m[1]:])
}

// exposureWordRe names a label that is not the condition its test rules
// out.
var exposureWordRe = regexp.MustCompile(`(?i)\b(?:exposure|exposed|contact|screen(?:ing)?|risk)\b`)

// negativeForRe opens what a negative result was negative for.
var negativeForRe = regexp.MustCompile(`(?i)^\s+for\b`)

// hxLeadRe opens a history item: "Hx nephrolithiasis".
var hxLeadRe = regexp.MustCompile(`(?i)^\W*(?:hx|pmhx|phx)\b`)

// dashDeniedRe is what follows a condition and a dash to deny it.
var dashDeniedRe = regexp.MustCompile(`(?i)^\W*(?:none\b|no evidence|(?:(?:evaluated|assessed|worked up|considered|investigated) and )?(?:ruled out|excluded)|not present|absent)`)

// consideredButRe is an item whose condition was considered and set aside:
// "#Pneumonia - considered in ED given crackles and hypoxia, but afebrile,
// …", "Gallstone pancreatitis was considered but there are no stones", "PE
// considered, low pretest probability".
var consideredButRe = guard(`(?i)^[^-–—:.;]{2,60}\s(?:[-–—:]+\s*|(?:was|were)\s+)?(?:was\s+|initially\s+|briefly\s+|also\s+)?considered\b[^.;]{0,120}\b(?:but|however|low (?:pre-?test |clinical )?(?:probability|suspicion|likelihood)|unlikely|less likely|not favou?red|doubtful)\b`, "considered")

// refutedAfterRe opens a clause that refutes what came before it (not
// "does not meet criteria for moderate/severe", which grades it).
var refutedAfterRe = regexp.MustCompile(`(?i)^\s*(?:(?:this|that|it|which)\s+(?:was|is)\s+)?(?:not supported|ruled out|excluded|not confirmed|not suspected|(?:considered |felt |thought )?(?:less likely|unlikely))\b`)

// listRuledOut reports whether an item opens with a list of short
// members that its end rules out: "Influenza, COVID-19 and strep
// pharyngitis ruled out by testing" ("Atypical chest pain - ACS and PE
// ruled out" rules out what follows the dash, not the pain).
func listRuledOut(text string) bool {
	// (a prefix test first: the pattern runs on every item)
	if !containsAny(strings.ToLower(text), "ruled out", "excluded", "negative", "not ") {
		return false
	}
	if i := strings.IndexAny(text, ";:.()—–"); i >= 0 {
		text = text[:i]
	}
	if i := strings.Index(text, " -"); i >= 0 {
		text = text[:i]
	}
	m := listRuledOutRe.FindStringSubmatchIndex(text)
	if m == nil {
		return false
	}
	for _, member := range strings.Split(text[:m[0]], ",") {
		if wordCount(member) > 4 {
			return false
		}
	}
	return true
}

// partTakenBackRe is a part of an item that ends by taking its condition
// back: "B12 deficiency excluded", "PE ruled out", "DVT was ruled out on
// prior duplex".
var partTakenBackRe = regexp.MustCompile(`(?i)^[^,;:()/\-–—]{3,60}?\s+(?:(?:was|is|has been|were|are)\s+)?(?:excluded|ruled out|not present|not supported)(?:\s+(?:on|by|per|with)\s+[^,;:()]{1,40}?)?\s*\.?$`)

// partTakenBack reports whether a part of an item takes its own condition
// back at its end (not another it names: "chest pain for which ACS was
// excluded").
func partTakenBack(text string) bool {
	return partTakenBackRe.MatchString(text) && !containsAny(strings.ToLower(text), " which ", " whom ", " for ", " that ")
}

// otherCausesExcludedRe is an item's aside that the other causes of its
// condition were excluded, which affirms the item.
var otherCausesExcludedRe = regexp.MustCompile(`(?i)[,;\-–—]\s*(?:and\s+)?(?:all\s+)?(?:other|alternative)\s+(?:causes|etiologies|diagnoses|explanations)\s+(?:were\s+|have\s+been\s+|are\s+)?(?:excluded|ruled out)\b`)

// listRuledOutRe is a list's "and", "or" or slash and the words after it
// that rule the list out ("…, Wilson, A1AT and hemochromatosis screens
// negative", "gestational HTN / preeclampsia ruled out", "reactive airway
// disease / asthma not diagnosed").
var listRuledOutRe = regexp.MustCompile(`(?i)(?:\s(and|or|nor)|\s?(/))\s(?:\S+\s){1,4}?(?:(?:were|was|are|is|have|has|had|been|all|each|both)\s+)*(?:ruled out|excluded|not (?:diagnosed|present|found|seen|confirmed|identified|supported)|(?:screens?|tests?|studies|serolog(?:y|ies)|work-?ups?|panels?)\s+(?:(?:were|are|all)\s+)*negative)\b`)

// modifiers say how or where, not what: a phrase made of them alone
// ("acute", "right knee", "initial encounter") names no condition.
var modifiers = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range codeset.Words(`acute chronic subacute severe moderate mild left right bilateral unilateral unspecified other
		initial encounter subsequent sequela without due secondary recurrent episode current controlled uncontrolled
		type stage primary essential specified site part classified elsewhere condition disease disorder not
		upper lower first single multiple complicated uncomplicated intractable status accidental unintentional undetermined dominant nondominant side affecting`) {
		m[w] = true
	}
	return m
}()

var unspecifiedWord = codeset.Words("unspecified")[0]

var (
	synOnce  sync.Once
	synonyms map[string][][]string
)

// synonymList returns the encoder's default synonym list, parsed once.
func synonymList() map[string][][]string {
	synOnce.Do(func() { synonyms, _ = codeset.ParseSynonyms(codeset.DefaultSynonyms()) })
	return synonyms
}

// quoted reports whether note[start:end] is wholly in quotation marks, or
// its last word is.
func quoted(note string, start, end int) bool {
	t := strings.TrimSpace(note[start:end])
	before := strings.TrimRight(note[:start], " ")
	after := strings.TrimLeft(note[end:], " ")
	open := strings.HasPrefix(t, `"`) || strings.HasPrefix(t, "“") || strings.HasSuffix(before, `"`) || strings.HasSuffix(before, "“")
	closed := strings.HasSuffix(t, `"`) || strings.HasSuffix(t, "”") || strings.HasPrefix(after, `"`) || strings.HasPrefix(after, "”")
	// (or its condition word, after a site: 'Knee "osteoarthritis"
	// listed on old problem list')
	if !open && (strings.HasSuffix(t, `"`) || strings.HasSuffix(t, "”")) {
		_, q := utf8.DecodeLastRuneInString(t)
		if i := strings.LastIndexAny(t[:len(t)-q], `"“`); i > 0 && t[i-1] == ' ' && countLetters(t[i:]) >= 4 {
			open = true
		}
	}
	return open && closed && len(t) > 2
}

// knownAbbreviation reports whether a short part of a list is a clinical
// abbreviation the synonym list spells out, written in capitals ("HTN",
// "CAD", "DM2" after "OA (both knees replaced),"), not a stray letter or
// side.
func knownAbbreviation(t string) bool {
	t = strings.TrimSpace(t)
	if len(t) < 3 || len(t) > 4 || strings.ToUpper(t) != t || countLetters(t) < 2 {
		return false
	}
	return len(synonymList()[strings.ToLower(t)]) > 0
}

// names reports whether a phrase names the condition a result codes: more
// than half of the words that carry the concept in the code's title, or in
// the index path or inclusion term that matched, are in the phrase (with
// the encoder's abbreviations expanded). The search is forgiving, as a
// coder typing wants; reading a note, a phrase such as "right lower lobe"
// must not become a neoplasm of the lower lobe.
// definingWords are title words that make a condition another one; a
// phrase that does not say them names none of their codes.
var definingWords = []string{"ectopic", "molar", "hydatidiform", "transplant", "congenital"}

// definingUnsaid reports whether a title has a defining word
// (definingWords) the phrase does not say.
func definingUnsaid(phrase, title string) bool {
	t, l := strings.ToLower(title), strings.ToLower(phrase)
	return slices.ContainsFunc(definingWords, func(w string) bool { return strings.Contains(t, w) && !strings.Contains(l, w) })
}

func names(phrase string, r codeset.Result) bool {
	syn := synonymList()
	// A species named in Latin ("Streptococcus pneumoniae") is named only
	// by its own word: the stem of "pneumoniae" is that of "pneumonia".
	lowerPhrase := strings.ToLower(phrase)
	latinMissing := func(text string) bool {
		for _, w := range strings.FieldsFunc(strings.ToLower(text), func(c rune) bool { return c < 'a' || c > 'z' }) {
			if len(w) >= 6 && strings.HasSuffix(w, "ae") && !strings.Contains(lowerPhrase, w) {
				return true
			}
		}
		return false
	}
	words := codeset.Words(joinHyphens(phrase))
	have := map[string]bool{}
	if strings.IndexByte(phrase, '-') >= 0 {
		// "alcohol-induced" names "Alcohol induced …" as well
		for _, w := range codeset.Words(strings.ReplaceAll(phrase, "-", " ")) {
			have[w] = true
		}
	}
	// …and "sickle cell" names a title's "sickle-cell" (read as one
	// word); only a hyphenated title needs the joined pairs
	hyphenated := strings.IndexByte(r.Title, '-') >= 0 || strings.IndexByte(r.Matched, '-') >= 0
	if hyphenated {
		raw := strings.FieldsFunc(lowerPhrase, func(c rune) bool { return c < 'a' || c > 'z' })
		for i := 0; i+1 < len(raw); i++ {
			for _, w := range codeset.Words(raw[i] + raw[i+1]) {
				have[w] = true
			}
		}
	}
	var expanded [][]string // what the abbreviations stand for
	// (the synonym list keys a hyphenated name by its parts: "Mallory-
	// Weiss tear" is looked up as "mallory weiss tear")
	lists := [][]string{words}
	if strings.IndexByte(phrase, '-') >= 0 {
		if split := codeset.Words(strings.ReplaceAll(phrase, "-", " ")); !slices.Equal(split, words) {
			lists = append(lists, split)
		}
	}
	for _, w := range words {
		have[w] = true
		if w == examWord && strings.HasPrefix(r.Code, "Z01.41") {
			// "Routine gynecologic exam" names the gynecological
			// examination (not so a general one: "annual eye exam",
			// "on exam" are no general examination's)
			have[examinationWord] = true
		}
	}
	for li, keyWords := range lists {
		for i := range keyWords {
			// (the parts of a hyphenated name only as one key: "LNG-IUD"
			// is no "IUD" of its own)
			for n := 1 + li; n <= 4 && i+n <= len(keyWords); n++ {
				for _, alt := range syn[strings.Join(keyWords[i:i+n], " ")] {
					var ws []string
					for k, a := range alt {
						have[a] = true
						ws = append(ws, codeset.Words(joinHyphens(a))...)
						// "post traumatic" names a title's "post-traumatic"
						if hyphenated && k+1 < len(alt) {
							for _, w := range codeset.Words(a + alt[k+1]) {
								have[w] = true
							}
						}
					}
					expanded = append(expanded, ws)
				}
			}
		}
	}
	// ("Corneal abrasion, right eye" names S05.01XA "Injury of
	// conjunctiva and corneal abrasion …": an injury code's "Injury of"
	// need not be said, by a phrase that names the injury's kind)
	if injury(r.Code) && containsAny(lowerPhrase, injuryKinds...) {
		for _, w := range codeset.Words("injury") {
			have[w] = true
		}
	}
	has := func(w string) bool {
		if have[w] {
			return true
		}
		// "calculous" and "calculus", "hypertensive" and "hypertension":
		// one root, endings of at most three letters.
		for _, p := range words {
			if similar(p, w) {
				return true
			}
		}
		return false
	}
	covered := func(ws []string) bool {
		n, in := 0, 0
		absent := false
		for i, w := range ws {
			// What a title says is absent ("without macular edema") need
			// not be said, but counts when it is.
			if w == withoutWord {
				absent = true
			}
			if absent {
				if has(w) && !modifiers[w] {
					n, in = n+1, in+1
				}
				continue
			}
			// "unspecified organism", "unspecified site": what follows
			// "unspecified" is not said, so it need not be in the phrase.
			if modifiers[w] || i > 0 && ws[i-1] == unspecifiedWord {
				continue
			}
			n++
			if has(w) {
				in++
			}
		}
		return n == 0 || 2*in > n
	}
	// "… of skin of right ear and external auricular canal": a site the
	// title groups with the one the phrase names need not be said
	siteWords := func(title string) []string {
		t := strings.ToLower(title)
		of, and := strings.LastIndex(t, " of "), strings.LastIndex(t, " and ")
		if of < 0 || and < of || strings.ContainsAny(t[of:], ",(") {
			return titleWords(title)
		}
		named := slices.ContainsFunc(titleWords(t[of:and]), func(w string) bool { return !modifiers[w] && has(w) })
		if !named {
			return titleWords(title)
		}
		return titleWords(t[:and])
	}
	// ("Multiple myeloma not having achieved remission": the titles'
	// default state of a leukemia or myeloma need not be said)
	title, matched := strings.Replace(r.Title, " not having achieved remission", "", 1), strings.Replace(r.Matched, " not having achieved remission", "", 1)
	// ("Pyelonephritis NOS", an inclusion term: "not otherwise
	// specified" need not be said)
	matched = strings.TrimSuffix(matched, " NOS")
	if !(covered(siteWords(title)) && !latinMissing(title)) && !(covered(siteWords(matched)) && !latinMissing(matched)) {
		return false
	}
	// a word that makes the condition another one must be said: an
	// "intrauterine pregnancy" is no ectopic one with an intrauterine
	// pregnancy (O00.91)
	if definingUnsaid(phrase, title) {
		return false
	}
	// ("serology positive" of an H. pylori is no latent syphilis, A53.0,
	// the index's "Positive, serology")
	if strings.Contains(strings.ToLower(title), "syphilis") && !containsAny(lowerPhrase, "syphil", "rpr", "vdrl", "treponem", "lues", "luetic", "fta") {
		return false
	}
	// A coder starts from the condition's main term: the phrase must name
	// the head of the title ("lump" in "Unspecified lump in the right
	// breast, upper outer quadrant") or the main term of the index entry
	// that matched ("Disease" in "Disease, sinus"). Status and encounter
	// codes (Z) are named in many ways and are exempt.
	if r.Code[0] != 'Z' && !headNamed(r, has) {
		return false
	}
	// A short phrase that is an abbreviation must be named by what it
	// stands for: "TSH" (thyroid stimulating hormone) is not a thyroid
	// disorder.
	if len(words) > 2 || len(expanded) == 0 {
		return true
	}
	in := map[string]bool{}
	for _, w := range titleWords(r.Title + " " + r.Matched) {
		in[w] = true
	}
	// (a phrase that is the title's own first words is no abbreviation:
	// "Depression" is F32.A, "Depression, unspecified", whatever else the
	// synonym list makes of it)
	if tw := titleWords(r.Title); len(tw) >= len(words) && slices.Equal(tw[:len(words)], words) {
		return true
	}
	// …unless the phrase is the index entry's own words: "septic
	// encephalopathy" is the index's "Encephalopathy, septic", whatever
	// "septic" stands for besides
	if r.Source == "index" && len(words) == 2 {
		m := titleWords(r.Matched)
		if !slices.ContainsFunc(words, func(w string) bool { return !slices.Contains(m, w) }) {
			return true
		}
	}
	for _, alt := range expanded {
		n := 0
		for _, w := range alt {
			if in[w] || modifiers[w] {
				n++
			}
		}
		if 2*n >= len(alt) {
			return true
		}
	}
	return false
}

// headNamed reports whether has holds the head noun of r's title (the last
// word before its first preposition or comma, of either side of an "and")
// or the main term (first word) of the index entry it matched.
func headNamed(r codeset.Result, has func(string) bool) bool {
	named := func(w string) bool {
		ws := codeset.Words(joinHyphens(w))
		return len(ws) == 0 || has(ws[0])
	}
	if m := strings.Fields(r.Matched); r.Source == "index" && len(m) > 0 && named(m[0]) {
		return true
	}
	// a substance's withdrawal or intoxication names its use ("Opioid
	// withdrawal" is F11.93, "Use, opioid, with withdrawal")
	if strings.HasPrefix(r.Code, "F1") && strings.Contains(strings.ToLower(r.Title), " use") && (named("withdrawal") || named("intoxication")) {
		return true
	}
	// an inclusion term is a title of its own ("Cholelithiasis with
	// cholecystitis NOS" under K80.10, "Calculus of gallbladder …")
	return r.Source == "inclusion term" && titleHeadNamed(r.Matched, named) || titleHeadNamed(r.Title, named)
}

// titleHeadNamed reports whether named holds the head noun of a title:
// the last word before its first preposition or comma, of either side of
// an "and".
func titleHeadNamed(title string, named func(string) bool) bool {
	t := strings.ToLower(title)
	// (every aside: "Venous insufficiency (chronic) (peripheral)")
	for _, br := range [][2]byte{{'(', ')'}, {'[', ']'}} {
		for {
			i := strings.IndexByte(t, br[0])
			if i < 0 {
				break
			}
			j := strings.IndexByte(t[i:], br[1])
			if j < 0 {
				break
			}
			t = t[:i] + t[i+j+1:]
		}
	}
	// ("Multiple myeloma not having achieved remission", "Multiple
	// myeloma NOS": the head is the myeloma)
	t = strings.TrimSuffix(t, " nos")
	cut := len(t)
	for _, sep := range []string{",", " of ", " in ", " with ", " without ", " due to ", " from ", " on ", " for ", " by ", " at ", " to ", " as the cause", " following ", " complicating ", " during ", " not having achieved "} {
		if i := strings.Index(t, sep); i >= 0 && i < cut {
			cut = i
		}
	}
	// (of either side of an "and" or an "or": "Complete rotator cuff tear
	// or rupture of right shoulder" is named by its tear)
	for _, part := range strings.Split(strings.ReplaceAll(t[:cut], " or ", " and "), " and ") {
		if f := strings.Fields(part); len(f) == 0 || named(f[len(f)-1]) {
			return true
		}
	}
	return false
}

// hasSimilar reports whether a set of words holds w or a word similar to
// it.
func hasSimilar(have map[string]bool, w string) bool {
	if have[w] {
		return true
	}
	for p := range have {
		if similar(p, w) {
			return true
		}
	}
	return false
}

// similar reports whether two words share a root of at least six letters
// and differ only in endings of at most three.
func similar(a, b string) bool {
	k := 0
	for k < len(a) && k < len(b) && a[k] == b[k] {
		k++
	}
	return k >= 6 && len(a)-k <= 3 && len(b)-k <= 3
}

var withoutWord = codeset.Words("without")[0]

// examWord and examinationWord are the short and long forms of an
// examination, which a phrase names by either.
var examWord, examinationWord = codeset.Words("exam")[0], codeset.Words("examination")[0]

// joinHyphens makes "post-term" one word, so that it does not match
// "term".
func joinHyphens(s string) string {
	b := []byte(s)
	out := b[:0]
	for i, c := range b {
		if c == '-' && i > 0 && i+1 < len(b) && isLetter(b[i-1]) && isLetter(b[i+1]) {
			continue
		}
		out = append(out, c)
	}
	return string(out)
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// medicalHistory reports whether a section lists the patient's conditions
// (past medical history, problem list) rather than past operations or
// social history.
func medicalHistory(name string) bool {
	n := strings.ToUpper(name)
	return n == "PMH" || strings.HasPrefix(n, "PMH ") || strings.HasPrefix(n, "PMH/") || n == "INLINE PMH" || n == "HISTORY" || n == "PAST HISTORY" || n == "PERTINENT HISTORY" || n == "RELEVANT HISTORY" || strings.Contains(n, "MEDICAL HISTORY") || strings.Contains(n, "PROBLEM") || strings.HasPrefix(n, "INDICATION") || strings.HasPrefix(n, "COMORBID")
}

// resolvedRe marks a listed condition as over.
// ("Generalized anxiety as a teen, treated w/ counseling": a condition of
// an earlier age of life)
var resolvedRe = regexp.MustCompile(`(?i)\b(resolved|remote|childhood|as an? (?:child|kid|teen|teenager|adolescent|young adult)|in (?:high school|college|adolescence)|in remission|cured|treated in|completed|s/p|status post|\d{4})\b`)

// chronicCategories are the ICD-10-CM categories of lasting conditions
// that a past medical history lists as current: hypertensive, ischaemic
// and other chronic heart disease, diabetes, thyroid and lipid disorders,
// obesity, chronic kidney and lung disease, chronic neurological and
// mental conditions, chronic digestive, joint and bone disease, HIV.
var chronicCategories = func() map[string]bool {
	m := map[string]bool{}
	for _, c := range strings.Fields(`I10 I11 I12 I13 I15 I20 I25 I27 I42 I48 I50 I73 E03 E05 E08 E09 E10 E11 E13 E66 E78 N18 N40
		J44 J45 J47 J84 G20 G30 G35 G40 G43 G47 F01 F02 F03 F20 F25 F31 F32 F33 F41 F90 K21 K50 K51 K58 K70 K74
		M05 M06 M10 M15 M16 M17 M19 M81 D63 B20 H40 L40 E28 D50 D61 D69 N31 E43 E44 E46 I69`) {
		m[c] = true
	}
	return m
}()

func chronic(code string) bool { return len(code) >= 3 && chronicCategories[code[:3]] }

// Status codes come from what a note says in passing: tobacco use, the
// body mass index beside a weight diagnosis, and the long-term drugs in a
// medication list (Official Guidelines I.C.21.c.3 and I.C.4.a.3).
var (
	cigarettesRe    = guard(`(?i)\b(cigarettes?|pack[- ]years?|packs? (per|a) day|ppd)\b`, "cigarette", "pack", "ppd")
	cessationRe     = regexp.MustCompile(`(?i)\b(?:counsel(?:ed|ing|led|ling)?|advised|encouraged|discussed)\b[^.\n]{0,60}\b(?:smoking|tobacco|cigarette|nicotine)\s+(?:cessation|quit|abstinence)|\b(?:smoking|tobacco)\s+cessation\s+(?:counsel(?:ed|ing|led|ling)?|discussed|advised|education)|\b(?:counsel(?:ed|ing|led|ling)?|advised|encouraged)\b[^.\n]{0,40}\bto\s+(?:quit|stop)\s+smoking`)
	currentSmokerRe = regexp.MustCompile(`(?i)\b(current(ly)?\s+(?:every\s?day\s+|daily\s+|some\s?day\s+)?(?:cigarette\s+|tobacco\s+)?smok\w*|smokes|still smok\w*|continues to smoke|active smoker|active (?:cigarette |tobacco )?smoking|(?:is a|daily|every\s?day)\s+(?:cigarette\s+)?smoker)\b`)
	secondhandRe    = regexp.MustCompile(`(?i)\b(second[- ]?hand smoke(?: exposure)?|passive smok\w*|(?:tobacco |cigarette )?smoke exposure|exposed to (?:tobacco |cigarette )?smoke|(?:mother|father|mom|dad|parents?|caregivers?|grandmother|grandfather|stepfather|stepmother) smokes)\b`)
	formerSmokerRe  = guard(`(?i)\b(former (?:tobacco |cigarette |heavy |pipe |cigar )?smoker|former (?:tobacco|cigarette|pipe|cigar) (?:use|user|smoking)|ex-smoker|quit smoking|remote smoker|smoking history|stopped smoking|quit (?:tobacco|cigarettes)|(?:tobacco|nicotine) dependence,? in remission)\b`, "former", "ex-smoker", "quit", "remote smoker", "smoking history", "stopped smoking", "dependence")
	bmiRe           = regexp.MustCompile(`\bBMI(?: of| is|:|=)?\s*(\d{2}(?:\.\d+)?)`)
	medSectionRe    = regexp.MustCompile(`(?im)^[ \t]*((?:home|current|discharge|outpatient)?\s*(?:medications|meds)(?: at discharge| on admission| on discharge)?)\s*:|^[ \t]*((?:home|current|outpatient|discharge)\s+(?:medications|meds)|(?:medications|meds) (?:on|prior to) admission|(?:medications|meds) (?:at|on) discharge)[ \t]*$`)
	ongoingBefore   = regexp.MustCompile(`(?i)\b(?:on|continues?|continued|continuing|resumes?|resumed?|home|discharged on|takes|taking)\s+(?:(?:home|his|her|oral|basal|bolus|long-acting|daily|low-dose)\s+)*(?:[a-z]+\s*(?:\band\b|\+|&|,)\s*){0,3}$`)
	// homeDrugBefore is a drug the stay went on giving: "continued
	// aspirin 81 mg", "resumed home apixaban" (not a steroid, which a
	// stay gives in courses)
	homeDrugBefore = regexp.MustCompile(`(?i)\b(?:continued|resumed|continue|resume)\s+(?:(?:his|her|home|the)\s+)*$`)
	longTermRe     = regexp.MustCompile(`(?i)\b(long[- ]term|chronic(?:ally)?|lifelong|indefinite(?:ly)?|continues? (?:on|to take))\b`)
)

// longTermDrugs maps the drugs of a medication list to the Z79 code of
// their class; "oral contraceptive" is matched as two words.
// givenBeforeRe follows a vaccine "given" at an earlier date: "given 2031
// per records", "given in 03/2030"; or elsewhere or
// earlier in a pregnancy: "given at pharmacy 10/2026", "Tdap given
// antepartum at 28 wks".
var givenBeforeRe = regexp.MustCompile(`(?i)^\s*(?:in\s+|on\s+)?(?:\d{1,2}/)?(?:19|20)\d\d\b|^\s*per (?:records?|chart|registry|outside)|^\s*(?:antepartum|antenatally|prenatally|during (?:the |her )?pregnancy|elsewhere|at (?:the |a |an )?(?:pharmacy|outside|other|\d{1,2}\s*(?:wks?|weeks)\b))`)

// utdBeforeRe is "up to date" as charts abbreviate it, in the same
// clause.
var utdBeforeRe = regexp.MustCompile(`(?i)\butd\b[^;]*$`)

var vaccineGivenRe = guardStart(`(?i)\b(vaccines?|vaccinations?|immunizations?|tdap|boosters?|shingrix|prevnar|pcv ?\d\d|ppsv ?23|gardasil|flu shot)\b(?:[^.\n]|\.\d){0,60}\b(given|administered)\b|\b(?:vaccines?|vaccinations?|immunizations?)\s+(?:given\s+|administered\s+)?today\b`, "vaccin", "immuniz", "tdap", "booster", "shingrix", "prevnar", "pcv", "ppsv", "gardasil", "flu shot")

var longTermDrugs = byWord(map[string]string{
	// a visit's maintenance drugs of no class of their own: lithium, and
	// a person with HIV's antiretroviral therapy (Z79.899)
	"Z79.899": "lithium antiretroviral antiretrovirals bictegravir dolutegravir biktarvy emtricitabine tenofovir raltegravir darunavir efavirenz rilpivirine cabotegravir",
	"Z79.4":   "insulin glargine lispro aspart detemir degludec",
	"Z79.84":  "metformin glipizide glimepiride glyburide sitagliptin linagliptin pioglitazone empagliflozin dapagliflozin canagliflozin",
	"Z79.01":  "apixaban rivaroxaban warfarin dabigatran edoxaban",
	"Z79.02":  "clopidogrel ticagrelor prasugrel",
	"Z79.3":   "ocp ocps norethindrone levonorgestrel drospirenone norgestimate",
	"Z79.85":  "semaglutide dulaglutide liraglutide exenatide tirzepatide ozempic trulicity victoza mounjaro",
	"Z79.82":  "aspirin asa",
	"Z79.83":  "alendronate risedronate ibandronate",
	"Z79.51":  "budesonide-formoterol fluticasone-salmeterol fluticasone-vilanterol mometasone-formoterol advair symbicort breo trelegy dulera wixela beclomethasone ciclesonide flovent pulmicort qvar asmanex arnuity alvesco",
	"Z79.52":  "prednisone prednisolone methylprednisolone hydrocortisone fludrocortisone",
	"Z79.810": "tamoxifen raloxifene",
	"Z79.811": "anastrozole letrozole exemestane",
	"Z79.621": "tacrolimus cyclosporine",
	"Z79.624": "mycophenolate azathioprine leflunomide",
	"Z79.631": "methotrexate mtx",
	"Z79.622": "tofacitinib baricitinib upadacitinib",
	"Z79.620": "adalimumab infliximab etanercept certolizumab golimumab abatacept tocilizumab sarilumab ustekinumab vedolizumab secukinumab ixekizumab guselkumab risankizumab",
})

func status(note string, out []Suggestion, x *lookups, opt Options) []Suggestion {
	add := func(code string, start, end int, rule string) {
		// (nor an allergy whose sibling the note names more closely:
		// "Allergy to eggs with tolerance to baked egg" beside "egg")
		if containsCode(out, code) || rule == "allergy status" && len(code) >= 7 && containsCodePrefix(out, code[:len(code)-1]) {
			return
		}
		r, ok := x.Code(codeset.ICD10CM, code, opt.Date)
		if !ok || !r.Billable {
			return
		}
		out = append(out, Suggestion{System: codeset.ICD10CM, Code: code, Title: r.Title, Confidence: 0.8, Start: start, End: end,
			Evidence: note[start:end], Section: "other", Rule: rule})
	}
	has := func(prefix string) int { return firstWithPrefix(out, prefix) }
	lower := opt.lower
	if lower == "" {
		lower = asciiLower(note)
	}
	cigarettes := (strings.Contains(lower, "cigar") || strings.Contains(lower, "pack") || strings.Contains(lower, "ppd")) && smokesCigarettes(note)
	// Tobacco: nicotine dependence on cigarettes is F17.21-; a former
	// smoker has a personal history of nicotine dependence.
	// "Smoker" is indexed to nicotine dependence (Smoker — see Dependence,
	// drug, nicotine); tobacco use (Z72.0) is for use without dependence
	// (not a use the note says falls short of dependence: "Tobacco use,
	// non-daily", "no cravings, no morning use")
	lightUse := func(at int) bool {
		return containsAny(strings.ToLower(lineAt(note, at)), "non-daily", "nondaily", "not daily", "no cravings", "no morning use", "social smoker", "smokes socially", "occasional smoker")
	}
	if i := has("Z72.0"); i >= 0 && has("F17") < 0 && (cigarettes || containsAny(lower, "smoker", "smokes", "smoking")) && !containsAny(lower, "former smoker", "ex-smoker", "quit smoking") &&
		!lightUse(out[i].Start) {
		code := "F17.200"
		if cigarettes {
			code = "F17.210"
		}
		if r, ok := x.Code(codeset.ICD10CM, code, opt.Date); ok {
			out[i].Code, out[i].Title, out[i].Rule = code, r.Title, "smoker: nicotine dependence"
		}
	}
	if i := has("F17.20"); i >= 0 && cigarettes {
		out[i].Code = "F17.210"
		if r, ok := x.Code(codeset.ICD10CM, "F17.210", opt.Date); ok {
			out[i].Title = r.Title
		}
	}
	// ("Tobacco: nicotine dependence, cigarettes" found the chewing
	// tobacco's code by its label's word)
	if i := has("F17.22"); i >= 0 && cigarettes && !containsAny(lower, "chewing tobacco", "chew", "snuff", "smokeless", "dip ") {
		if r, ok := x.Code(codeset.ICD10CM, "F17.21"+out[i].Code[6:], opt.Date); ok && r.Billable {
			out[i].Code, out[i].Title = r.Code, r.Title
		}
	}
	// "Nicotine dependence (cigarettes), in remission": the remission its
	// line gives it (F17.211)
	if i := has("F17.2"); i >= 0 && strings.HasSuffix(out[i].Code, "0") && len(out[i].Code) == 7 {
		if l := strings.ToLower(lineAt(note, out[i].Start)); strings.Contains(l, "in remission") && !containsAny(l, "not in remission", "no longer in remission") {
			if r, ok := x.Code(codeset.ICD10CM, out[i].Code[:6]+"1", opt.Date); ok && r.Billable {
				out[i].Code, out[i].Title = r.Code, r.Title
			}
		}
	}
	// Nicotine dependence by product: vaping and e-cigarettes are "other
	// tobacco product" (F17.29-), chewing tobacco and snuff F17.22-.
	if i := has("F17.2"); i >= 0 && !cigarettes {
		switch {
		case containsAny(lower, "vape", "vaping", "e-cig", "e cig", "electronic cigarette") && affirmedIn(note, vapingRe):
			// (not "Never smoked cigarettes. No vaping.")
			if r, ok := x.Code(codeset.ICD10CM, "F17.29"+out[i].Code[6:], opt.Date); ok && r.Billable {
				out[i].Code, out[i].Title = r.Code, r.Title
			}
		case containsAny(lower, "chewing tobacco", "chew", "snuff", "smokeless", "dip "):
			if r, ok := x.Code(codeset.ICD10CM, "F17.22"+out[i].Code[6:], opt.Date); ok && r.Billable {
				out[i].Code, out[i].Title = r.Code, r.Title
			}
		}
	}
	if has("F17.") < 0 && has("Z87.891") < 0 && (strings.Contains(lower, "smok") || strings.Contains(lower, "quit") || strings.Contains(lower, "remission") || strings.Contains(lower, "former tobacco") || strings.Contains(lower, "former cigarette")) {
		var current []int // the patient's own smoking: not negated, not a relative's
		for _, m := range findAround(currentSmokerRe, note, lower, []string{"smok"}) {
			// (nor a template's words a note quotes to correct: 'auto-
			// populated "current every day smoker" - corrected')
			if s := sentenceAround(note, m[0]); !negatedAt(note, m[0]) && !familyRe.MatchString(s) && !otherSmokerRe.MatchString(s) && !quoted(note, m[0], m[1]) {
				current = m
				break
			}
		}
		if current != nil && cigarettes && lightUse(current[0]) {
			add("Z72.0", current[0], current[1], "tobacco use")
		} else if current != nil && cigarettes {
			add("F17.210", current[0], current[1], "tobacco use")
		} else if m := formerSmokerRe.FindLineIndex(note); m != nil && !questionedSmoker(note, m) {
			add("Z87.891", m[0], m[1], "tobacco use")
		}
	}
	// Exposure to someone else's smoke (Z77.22): "secondhand smoke", "father
	// smokes in the car".
	if has("Z77.22") < 0 && strings.Contains(lower, "smok") {
		for _, m := range findAround(secondhandRe, note, lower, []string{"smok"}) {
			if !negatedAt(note, m[0]) {
				add("Z77.22", m[0], m[1], "exposure to tobacco smoke")
				break
			}
		}
	}
	// Counselling a smoker to quit is coded with the dependence (Z71.6), at
	// a visit (a stay's advice to quit is not coded as an encounter for
	// counselling)
	if !opt.Inpatient && (has("F17.") >= 0 || has("Z72.0") >= 0) && containsAny(lower, "counsel", "advised", "cessation", "encouraged") {
		if m := cessationRe.FindStringIndex(note); m != nil && !negatedAt(note, m[0]) {
			add("Z71.6", m[0], m[1], "tobacco cessation counseling")
		}
	}
	// A vaccine given at this visit is an encounter for immunization; one
	// given "last visit", or "none given today", is not.
	for _, m := range vaccineGivenRe.FindAllStartSubmatchIndex(note) {
		// …nor one only planned ("Tdap will be given at 28 weeks",
		// "parents requested hepatitis B vaccine be given at first
		// pediatric visit")
		// (in the vaccine's own clause: "Tdap given today; flu vaccine
		// already received this season")
		// ("Immunizations UTD incl. influenza vaccine (given 9/20)":
		// up to date, before it on its line)
		if s := strings.ToLower(clauseAround(note, m[0])); !containsAny(s, "last visit", "previous", "already", "prior", "up to date", "up-to-date", "earlier this", "last year", "last month") &&
			!utdBeforeRe.MatchString(note[strings.LastIndexByte(note[:m[0]], '\n')+1:m[0]]) &&
			!containsAny(strings.ToLower(note[m[0]:m[1]]), "will be", "be given", "be administered", "requested", "should be", "can be", "not given", "not yet given", "none given", "not administered", "never given", "next visit", "declined", "deferred", "refused", "utd") && !negatedAt(note, m[0]) &&
			!givenBeforeRe.MatchString(note[m[1]:min(len(note), m[1]+24)]) {
			add("Z23", m[0], m[1], "immunization given")
			break
		}
	}
	// After a delivery: the routine postpartum visit (Z39.2), an IUD put
	// in at it (Z30.430, the insertion, not contraceptive management
	// unspecified), and a gestational diabetes over with the pregnancy
	// (Z86.32) — not while pregnant.
	if !opt.Inpatient && strings.Contains(lower, "postpartum") && !pregnant(out) {
		// (not the routine visit a visit for something else is kept
		// apart from: "separate from her routine 6-week postpartum
		// exam, which will be done at a later date")
		if m := postpartumVisitRe.FindStringIndex(note); m != nil && !negatedAt(note, m[0]) && !laterVisitRe.MatchString(sentenceAround(note, m[0])) {
			add("Z39.2", m[0], m[1], "routine postpartum visit")
		}
		if m := iudInsertedRe.FindStringIndex(note); m != nil && !negatedAt(note, m[0]) {
			out = slices.DeleteFunc(out, func(s Suggestion) bool { return s.Code == "Z30.9" })
			add("Z30.430", m[0], m[1], "IUD insertion")
		}
		if m := gestationalDiabetesOverRe.FindStringIndex(note); m != nil && !negatedAt(note, m[0]) {
			add("Z86.32", m[0], m[1], "history of gestational diabetes")
		}
	}
	// A screening colonoscopy is the encounter for screening (Z12.11),
	// coded even when it finds a polyp (Official Guidelines I.C.21.c.5);
	// "Screening exam in patient with family history of colon cancer"
	// is read as the family history alone.
	if !opt.Inpatient && has("Z12.1") < 0 && strings.Contains(lower, "colonoscopy") && strings.Contains(lower, "screening") {
		for _, m := range screeningColonoscopyRe.FindAllStringIndex(note, -1) {
			// this visit's, not one done or due at another time
			// ("Screening colonoscopy 2022 was normal", "due for")
			if !negatedAt(note, m[0]) && !pastDateRe.MatchString(sentenceAround(note, m[0])) &&
				!containsAny(strings.ToLower(sentenceAround(note, m[0])), " due", "next", "last", "prior", "previous", " was ", "ago", "overdue", "schedul", "recommend", "refer", "declin", "up to date", "utd") {
				add("Z12.11", m[0], m[1], "screening colonoscopy")
				break
			}
		}
	}
	// "T2DM — metformin held while NPO, SSI per admitting team": "SSI"
	// on a diabetes line with no wound is a sliding scale of insulin, no
	// surgical site infection
	if has("T81.4") >= 0 {
		out = slices.DeleteFunc(out, func(s Suggestion) bool {
			if !strings.HasPrefix(s.Code, "T81.4") || !strings.EqualFold(strings.TrimSpace(s.Evidence), "SSI") {
				return false
			}
			l := strings.ToLower(lineAt(note, s.Start))
			return containsAny(l, "insulin", "metformin", "diabet", "dm", "glucose", "npo", "hyperglyc", "a1c") &&
				!containsAny(l, "wound", "incision", "surgical site", "post-op", "postop", "drain", "erythema", "purulen", "dehisc")
		})
	}
	// A bare "cancer" beside a cancer's personal history is that cancer
	// ("The cancer is resected and treatment is complete"), not a
	// malignancy of unspecified site.
	if has("Z85.") >= 0 {
		out = slices.DeleteFunc(out, func(s Suggestion) bool {
			return s.Code == "C80.1" && bareCancerRe.MatchString(s.Evidence)
		})
	}
	// A visit for surveillance after a cancer's completed treatment is the
	// follow-up examination (Z08), with the personal history (Z85.-), when
	// no malignancy is coded as current.
	if !opt.Inpatient && has("Z85.") >= 0 && has("C") < 0 && containsAny(lower, "surveillance", "follow-up exam", "follow up exam") {
		for _, m := range cancerSurveillanceRe.FindAllStringIndex(note, -1) {
			if !negatedAt(note, m[0]) {
				add("Z08", m[0], m[1], "follow-up after completed cancer treatment")
				break
			}
		}
	}
	// A replaced heart valve is a prosthetic one's presence (Z95.2):
	// "warfarin for his mechanical aortic valve (On-X, replaced 2017)"
	// (not one still to come: "referred for aortic valve replacement")
	if strings.Contains(lower, "valve") || strings.Contains(lower, "avr") || strings.Contains(lower, "tavi") {
		for _, m := range prostheticValveRe.FindAllStringIndex(note, -1) {
			s := strings.ToLower(sentenceAround(note, m[0]))
			if !negatedAt(note, m[0]) && !familyRe.MatchString(s) && !containsAny(s, "refer", "candidate", "consider", "evaluation for", "will ", "plan", "scheduled", "discussed") {
				add("Z95.2", m[0], m[1], "prosthetic heart valve")
				break
			}
		}
	}
	// Severe sepsis is coded with the infection (R65.2-, Official
	// Guidelines I.C.1.d.1.a), with septic shock R65.21.
	if (has("A40") >= 0 || has("A41") >= 0) && has("R65.2") < 0 && strings.Contains(lower, "severe sepsis") {
		// ("…so severe sepsis was NOT diagnosed" denies it after)
		for i := range occurrences(lower, "severe sepsis") {
			at := i + len("severe sepsis")
			if !negatedAt(note, i) && !labelDenied(lineAt(note, i)) && !backward.MatchString(note[at:]) {
				add("R65.20", i, at, "severe sepsis")
				break
			}
		}
	}
	// …and septic shock, R65.21, when the sepsis's own words held it
	// ("Sepsis due to methicillin-resistant Staphylococcus aureus with
	// septic shock" matched A41.02 whole)
	// (a note that denies it anywhere has none: "no septic shock" in
	// the diagnoses, "Septic shock was therefore not present" after)
	if (has("A40") >= 0 || has("A41") >= 0) && has("R65.2") < 0 && strings.Contains(lower, "septic shock") {
		first, denied := -1, false
		for i := range occurrences(lower, "septic shock") {
			at := i + len("septic shock")
			if negatedAt(note, i) || labelDenied(lineAt(note, i)) || backward.MatchString(note[at:]) || containsAny(lower[at:min(len(lower), at+50)], "not present", "ruled out", "excluded") ||
				strings.Contains(lower[max(0, i-40):i], "history") {
				denied = true
			} else if first < 0 {
				first = i
			}
		}
		if first >= 0 && !denied {
			add("R65.21", first, first+len("septic shock"), "septic shock")
		}
	}
	// …as is a sepsis "with acute organ dysfunction" (R65.20, or R65.21
	// with septic shock, which its own lookup codes)
	if (has("A40") >= 0 || has("A41") >= 0) && has("R65.2") < 0 && strings.Contains(lower, "organ dysfunction") {
		if m := sepsisOrganRe.FindStringIndex(note); m != nil && !negatedAt(note, m[0]) {
			add("R65.20", m[0], m[1], "severe sepsis")
		}
	}
	// The BMI is coded with the weight diagnosis it supports, for adults:
	// obesity, underweight, malnutrition or cachexia.
	// (Not in pregnancy: Official Guidelines I.C.21.c.3.)
	if opt.Age >= 20 && (has("E66.") >= 0 || has("R63.6") >= 0 || has("E4") >= 0 || has("R64") >= 0) && strings.Contains(note, "BMI") && !pregnant(out) {
		if m := bmiRe.FindStringSubmatchIndex(note); m != nil {
			if code := bmiCode(note[m[2]:m[3]]); code != "" {
				add(code, m[0], m[1], "body mass index")
			}
		}
	}
	// A child's BMI is its percentile for age (Z68.5-, ages 2 to 19), with
	// the weight diagnosis it supports.
	if opt.Age >= 2 && opt.Age < 20 && (has("E66.") >= 0 || has("R63.6") >= 0 || has("E4") >= 0) && containsAny(lower, "percentile", "%ile") && !pregnant(out) {
		if code, m := pediatricBMI(note); code != "" {
			add(code, m[0], m[1], "body mass index")
		}
	}
	// Diet and exercise counselling given at a child's visit (Z71.3,
	// Z71.82).
	// (a child's: an adult's chronic-disease visit counsels in passing)
	if !opt.Inpatient && opt.Age < 20 && strings.Contains(lower, "counsel") {
		for _, c := range []struct {
			code string
			re   *regexp.Regexp
		}{{"Z71.3", dietCounselRe}, {"Z71.82", exerciseCounselRe}} {
			if m := c.re.FindStringIndex(note); m != nil && !negatedAt(note, m[0]) {
				add(c.code, m[0], m[1], "counseling given")
			}
		}
	}
	// An injury whose late effect the note codes is coded too, as the
	// injury's sequela (7th character S; Guidelines I.C.19.a): "Post-
	// traumatic osteoarthritis, R knee - sequela of remote displaced R
	// lateral tibial plateau fracture (2021)".
	if containsAny(lower, "sequela", "late effect") && !slices.ContainsFunc(out, func(s Suggestion) bool { return injury(s.Code) && strings.HasSuffix(s.Code, "S") }) {
		for _, m := range injurySequelaRe.FindAllLineSubmatchIndex(note) {
			if negatedAt(note, m[0]) {
				continue
			}
			q := strings.Join(strings.Fields(sequelaNoiseRe.ReplaceAllString(sides(note[m[2]:m[3]]), " ")), " ")
			// ("Post-traumatic osteoarthritis, R ankle — sequela of prior
			// trimalleolar fx": the line's one side is the injury's)
			if limbSide(q) == '9' {
				switch limbSide(lineOf(note, m[2])) {
				case '1':
					q = "right " + q
				case '2':
					q = "left " + q
				}
			}
			rs := x.Search(q, codeset.SearchOptions{Systems: []codeset.System{codeset.ICD10CM}, Date: opt.Date, Limit: 8, Phrase: 2})
			if r, ok := pick(rs, 0.6); ok && injury(r.Code) && strings.HasSuffix(r.Code, "A") {
				if e, ok := x.Code(codeset.ICD10CM, r.Code[:len(r.Code)-1]+"S", opt.Date); ok {
					add(e.Code, m[2], m[3], "sequela of injury")
				}
			}
		}
	}
	// A myocardial infarction the note calls old, prior or past, or dates
	// before this year, is coded as old (I25.2) wherever it is said: "CAD
	// w/ old MI", "s/p NSTEMI 2019", "remote inferior MI".
	if has("I25.2") < 0 && containsAny(lower, "mi", "infarction", "heart attack") {
		if m := oldInfarct(note, lower, opt.Date.Year()); m != nil {
			add("I25.2", m[0], m[1], "old myocardial infarction")
		}
	}
	// A deficit an earlier stroke left ("R MCA infarct 2023 (residual mild
	// dysarthria)") is that stroke's sequela (I69.-), though the stroke
	// itself is history.
	if has("I69") < 0 && strings.Contains(lower, "residual") {
		for _, m := range strokeResidualRe.FindAllLineSubmatchIndex(note) {
			// (not one the note quotes and denies: the H&P lists "CVA with
			// residual ataxia"; on my exam he has no ataxia)
			deficit := strings.ToLower(strings.Fields(note[m[4]:m[5]])[0])
			if deniedBeforeRe.MatchString(note[max(0, m[2]-12):m[2]]) || familyRe.MatchString(sentenceAround(note, m[0])) ||
				strings.Contains(lower, "no "+deficit) || strings.Contains(lower, "without "+deficit) || strings.Contains(note[max(0, m[0]-2):m[0]], `"`) {
				continue
			}
			code := residualCodes[deficit]
			if strings.HasPrefix(deficit, "hemip") {
				code = hemiplegiaSequela(note[m[2]:m[5]], note)
			}
			code = code[:4] + strokeKind(note[m[0]:m[1]]) + code[5:]
			if _, ok := x.Code(codeset.ICD10CM, code, opt.Date); ok {
				add(code, m[4], m[5], "sequela of stroke")
			}
			break
		}
	}
	// A stroke or TIA the note says left no residual deficit is a
	// personal history (Z86.73), wherever it is said: "CVA 2021 - no
	// residual", "remote CVA 2018 with full recovery". (One with a late
	// effect coded is that effect's, I69.-.)
	if has("Z86.73") < 0 && has("I69") < 0 && containsAny(lower, "residual", "recover", "deficit") {
		for _, m := range recoveredStrokeRe.FindAllLineIndex(note) {
			if !negatedAt(note, m[0]) && !familyRe.MatchString(sentenceAround(note, m[0])) && !otherwiseRe.MatchString(note[m[0]:m[1]]) {
				add("Z86.73", m[0], m[1], "personal history of stroke")
				break
			}
		}
	}
	statusCodes(note, lower, !opt.Inpatient, add)
	// a burn's extent, which the note gives as a share of the body's
	// surface ("total approximately 3% TBSA"): T31.- beside the burns
	// (T20–T25: "use additional code from category T31")
	if code, i, j := burnExtent(note, out); code != "" {
		add(code, i, j, "extent of burns")
	}
	// aftercare following a joint replacement names the joint (Z47.1:
	// "use additional code to identify the joint (Z96.6-)"): "Routine
	// aftercare following left total knee arthroplasty" is Z96.652 beside it
	if i := has("Z47.1"); i >= 0 && has("Z96.6") < 0 {
		if code := replacedJoint(out[i].Evidence + " " + lineOf(note, out[i].Start)); code != "" {
			add(code, out[i].Start, out[i].End, "joint of the aftercare")
		}
	}
	if containsCodePrefix(out, "F17") {
		// tobacco use excludes nicotine dependence (Z72.0 Excludes1 F17.-)
		out = slices.DeleteFunc(out, func(s Suggestion) bool { return s.Code == "Z72.0" })
	}
	if containsCode(out, "Z96.41") {
		// a pump in place is a status, not an encounter to fit one
		out = slices.DeleteFunc(out, func(s Suggestion) bool { return s.Code == "Z46.81" })
	}
	if containsCode(out, "Z90.81") {
		// a spleen removed is acquired asplenia, not the congenital Q89.01
		out = slices.DeleteFunc(out, func(s Suggestion) bool { return s.Code == "Q89.01" })
	}
	allergyCodes(note, lower, add)
	// The stroke scale score goes with an acute stroke, an infarction or
	// a haemorrhage (R29.7-: "code first the type of cerebrovascular
	// accident").
	if (has("I63") >= 0 || has("I61") >= 0 || has("I60") >= 0) && has("R29.7") < 0 && strings.Contains(lower, "nihss") {
		if code, i, j := nihssCode(note); code != "" {
			add(code, i, j, "NIH stroke scale")
		}
	}
	// Weeks of gestation go with a pregnancy code (Z3A: "code first
	// complications of pregnancy, childbirth and the puerperium").
	// (not for a pregnancy with an abortive outcome, O00–O08: Z3A
	// Excludes1)
	// (and with the supervision of a normal pregnancy, Z34)
	// (nor after the pregnancy: a puerperal complication's readmission,
	// O85–O92 without a delivery, gives no weeks of a current pregnancy)
	if (has("O") >= 0 || has("Z34") >= 0) && has("Z3A") < 0 && has("O00") < 0 && has("O01") < 0 && has("O02") < 0 && has("O03") < 0 && !afterPregnancy(out) &&
		has("O04") < 0 && has("O05") < 0 && has("O06") < 0 && has("O07") < 0 && has("O08") < 0 {
		if code, i, j := opt.gestation(); code != "" {
			add(code, i, j, "weeks of gestation")
		}
	}
	// Long-term drugs: those in a medication list, or said to be taken
	// long term. Not insulin or oral hypoglycaemics in type 1 or
	// gestational diabetes, whose codes say how the diabetes is treated.
	meds := medicationLists(note)
	// (a stay for a new infarction, embolism or thrombosis starts the
	// antithrombotic a bare discharge list gives)
	acuteThrombosis := opt.Inpatient && (has("I21") >= 0 || has("I22") >= 0 || has("I26") >= 0 || has("I63") >= 0 || has("I74") >= 0 || has("I82.4") >= 0)
	done := map[string]bool{}
	// (read once, and only when a steroid is met: the lines that say
	// "course")
	steroidCourse, courseRead := false, false
	courseOfSteroids := func() bool {
		if !courseRead {
			courseRead = true
			for at := 0; !steroidCourse; {
				k := strings.Index(lower[at:], "course")
				if k < 0 {
					break
				}
				ls := strings.LastIndexByte(lower[:at+k], '\n') + 1
				le := lineEnd(note, at+k)
				steroidCourse = steroidCourseRe.MatchString(note[ls:le])
				at = le
			}
		}
		return steroidCourse
	}
	// a drug the note starts ("Start methotrexate 15 mg weekly") is no
	// long-term use yet, wherever else the note names it ("EtOH
	// avoidance on MTX")
	started := map[string]bool{}
	if strings.Contains(lower, "start") || strings.Contains(lower, "initiat") || strings.Contains(lower, "begin") {
		for _, m := range drugStartedRe.FindAllStartSubmatchIndex(lower) {
			if w := lower[m[2]:m[3]]; !negatedAt(note, m[0]) {
				if _, ok := longTermDrugs[w]; ok {
					started[drugKey(w)] = true
				}
			}
		}
	}
	// a stay's new drug ("Induction with mycophenolate mofetil started HD4
	// (titrating to 1.5 g BID) - new this admission") is no
	// long-term use the patient came with, under any of its names (Z79
	// is for the drugs a patient takes; the stay's treatment is coded by
	// its procedures)
	newStay := map[string]bool{}
	newDrug := map[string]bool{} // (by the drug, not its code)
	if opt.Inpatient && (strings.Contains(lower, "admission") || strings.Contains(lower, "stay") || strings.Contains(lower, "hospital") || strings.Contains(lower, " hd")) {
		for ls := 0; ls < len(lower); {
			le := lineEnd(note, ls)
			// (not one the stay starts for good: "apixaban 5 mg BID
			// started HD4 - to continue long-term")
			if l := lower[ls:le]; (strings.Contains(l, "new this") || strings.Contains(l, "started") || strings.Contains(l, "(new")) && (newThisStayRe.MatchString(l) || newMarkRe.MatchString(l)) && !containsAny(l, "long-term", "long term", "indefinite", "lifelong") {
				// (only the drugs of the clause that says so: "starting
				// insulin glargine (NEW this admission), continue
				// metformin")
				for from := 0; from <= len(l); {
					seg := listEntryAfter(l, from, len(l))
					from += len(seg) + 1
					// (a discharge list's "Glipizide 5 mg daily (NEW)" is
					// that drug alone: "Metformin 1000 mg BID (continue)"
					// beside it is the same code's long-term use)
					marked := !newThisStayRe.MatchString(seg)
					if marked {
						// (the words before the mark, back to its clause's
						// start: "Restarted metformin 1000 mg BID at
						// discharge and added empagliflozin 10 mg daily
						// (new)")
						k := newMarkRe.FindStringIndex(seg)
						if k == nil {
							continue
						}
						head := seg[:k[0]]
						for _, sep := range []string{". ", "; ", " and ", " plus ", " + "} {
							if i := strings.LastIndex(head, sep); i >= 0 {
								head = head[i+len(sep):]
							}
						}
						seg = head
					}
					// (a combination by its slash too: "budesonide/formoterol")
					for _, w := range strings.FieldsFunc(strings.ReplaceAll(seg, "/", "-"), func(c rune) bool { return c > 127 || !isLetter(byte(c)) && c != '-' }) {
						if code, ok := longTermDrugs[w]; ok && marked {
							newDrug[drugKey(w)] = true
						} else if ok {
							newStay[code] = true
						}
					}
				}
			}
			ls = le + 1
		}
	}
	// (a newborn's record names its mother's drugs: "IDM - mother on
	// insulin" is no long-term use of the infant's)
	newborn := opt.Age == 0 && (opt.infant || containsAny(lower, "newborn", "nursery", "neonat", "nicu") && newbornRe.MatchString(note))
	for i := 0; i < len(lower) && !newborn; {
		for i < len(lower) && !isLetter(lower[i]) {
			i++
		}
		j := i
		for j < len(lower) && (isLetter(lower[j]) || lower[j] == '-' && j+1 < len(lower) && isLetter(lower[j+1])) {
			j++
		}
		w := lower[i:j]
		key := drugKey(w)
		code, ok := longTermDrugs[w]
		// "budesonide/formoterol": a combination written with a slash
		if j+1 < len(lower) && lower[j] == '/' && isLetter(lower[j+1]) {
			k := j + 1
			for k < len(lower) && isLetter(lower[k]) {
				k++
			}
			if c, ok2 := longTermDrugs[w+"-"+lower[j+1:k]]; ok2 {
				key = w + "-" + lower[j+1:k]
				code, ok, j = c, true, k
			}
		}
		if !ok && (w == "contraceptive" || w == "contraceptives") && strings.HasSuffix(strings.TrimRight(lower[:i], " "), "oral") {
			code, ok = "Z79.3", true
		}
		switch {
		case !ok || done[code]:
		case started[drugKey(w)] && !opt.Inpatient:
		case newStay[code] || newDrug[key]:
		case code == "Z79.52" && opt.Inpatient && ivDoseAfterRe.MatchString(lower[j:min(len(lower), j+40)]):
			// "Methylprednisolone 20 mg IV q8h": a stay's intravenous
			// steroid is its treatment, no long-term systemic steroid
		case (code == "Z79.4" || code == "Z79.84") && (has("E10.") >= 0 || has("O24.4") >= 0):
			// (a type 1 diabetes's insulin and a gestational diabetes's
			// control, which its own code holds, are no long-term use;
			// a pre-existing diabetes in pregnancy's are: O24.1 "use
			// additional code … (Z79.4, Z79.84)")
		case code == "Z79.899" && opt.Inpatient:
			// (a stay's coders leave the other drugs to the list)
		case code == "Z79.84" && has("E1") < 0 && has("E08") < 0 && has("E09") < 0:
		case avoidBeforeRe.MatchString(note[max(0, i-60):i]):
			// "Avoid all oral NSAIDs (ibuprofen, naproxen, aspirin)"
		case restartLaterRe.MatchString(lower[j:min(len(lower), j+40)]):
			// "Metformin to be restarted at postpartum visit": not taken
			// now
		case negatedAt(note, i):
			// "He has never been on insulin", "we are not starting insulin"
		case (code == "Z79.82" || code == "Z79.02") && opt.Inpatient && (has("I21") >= 0 || has("I22") >= 0 || has("I63") >= 0) && !homeAntiplateletRe.MatchString(note):
			// a stay for an acute infarction starts the antiplatelets it
			// discharges the patient on: its treatment, not a long-term
			// use the patient came in with
		case (familyLineRe.MatchString(lineOf(note, i)) || relativeLineRe.MatchString(lineOf(note, i))) && !inSpans(meds, i):
			// "FHx: mother - rheumatoid arthritis (on methotrexate)",
			// "- Mother: type 1 diabetes since age 11, on insulin pump": a
			// relative's drug
		case code == "Z79.3" && iudAfterRe.MatchString(note[j:min(len(note), j+40)]):
			// "levonorgestrel IUD": a device in place (Z97.5), not a
			// contraceptive drug taken
		case stoppedColumnRe.MatchString(note[j:lineEnd(note, i)]):
			// "Anastrozole 1 mg   PO daily   2015   08/2020
			// Discontinued (5-yr course complete)": a medication table's
			// stopped row
		case notSentOnRe.MatchString(note[max(0, i-40):i]):
			// "she is not being sent home on insulin"
		case notTakingRe.MatchString(listEntryAfter(note, i, 120)):
			// "ASA 81 (pt stopped on her own in 2023 - not taking)"
		case code == "Z79.4" && dripAfterRe.MatchString(note[j:min(len(note), j+24)]):
			// "on insulin gtt as above": a drip, no long-term use
		case code == "Z79.52" && topicalAfterRe.MatchString(note[j:min(len(note), j+30)]):
			// "hydrocortisone 2.5% cream": a topical steroid, not a
			// systemic one
		case shortCourseRe.MatchString(doseAround(note, i)):
			// "prednisone 40 mg daily x 5 days", "aspirin 325 mg given
			// in the ED": a course or a dose, not long-term use.
		case code == "Z79.52" && courseOfSteroids() && !longTermRe.MatchString(sentenceAround(note, i)):
			// "methylprednisolone 40 mg IV q12 -> prednisone" where the
			// note says "Steroids to PO, 5-day total course"
		case antithrombotic(code) && acuteThrombosis && onDischargeList(note, i) && !homeMarkRe.MatchString(lineOf(note, i)):
			// "Discharge medications: apixaban 5 mg BID (start tonight)"
			// after a stay's new stroke: the stay's treatment
		case inSpans(meds, i) && !newOnDischargeList(note, lower, w, i, antithrombotic(code) && acuteThrombosis) || longTermRe.MatchString(sentenceAround(note, i)) ||
			(code == "Z79.4" || code == "Z79.84" || !opt.Inpatient) && ongoingBefore.MatchString(note[max(0, i-40):i]) ||
			opt.Inpatient && code != "Z79.52" && homeDrugBefore.MatchString(note[max(0, i-40):i]):
			// (a diabetic "on metformin", "resumed insulin glargine":
			// the drug that treats the coded diabetes; at a visit, any
			// drug the patient is on: "On atorvastatin + aspirin")
			done[code] = true
			add(code, i, j, "long-term drug")
		}
		i = j
	}
	// A pacemaker or defibrillator implanted during the stay is its
	// procedure, not a status the patient came with (Z95.0, Z95.810):
	// "Dual-chamber PPM implanted 09/15 via left cephalic vein"
	if opt.Inpatient && (has("Z95.0") >= 0 || has("Z95.810") >= 0) {
		for _, m := range findAround(deviceImplantedRe, note, lower, []string{"implant"}) {
			if s := strings.ToLower(sentenceAround(note, m[0])); !containsAny(s, "prior", "previous", "years ago", "history", "s/p", "since") && !pastDateRe.MatchString(s) {
				out = slices.DeleteFunc(out, func(sg Suggestion) bool { return sg.Code == "Z95.0" || sg.Code == "Z95.810" })
				break
			}
		}
	}
	return out
}

// dripAfterRe follows a drug given by continuous infusion.
var dripAfterRe = regexp.MustCompile(`(?i)^\s*(?:\([^)]{0,12}\)\s*)?(?:gtt|drip|infusion|iv infusion)\b`)

// topicalAfterRe follows a drug applied to the skin, ear or eye.
var topicalAfterRe = regexp.MustCompile(`(?i)^(?:[^.;\n]|\.\d){0,20}?(?:%|\b(?:cream|ointment|oint|lotion|topical|otic|ophthalmic|drops|enema|suppositor(?:y|ies)|foam|gel)\b)`)

// misuseRe is a drug taken wrongly: an overdose, a poisoning, a wrong
// dose.
var misuseRe = regexp.MustCompile(`(?i)\b(?:overdos(?:e|ed|ing)|poisoning|wrong dose|medication error|dosing error)\b`)

// misuseSaid reports whether the note says a drug was taken wrongly,
// other than to deny it ("adverse effect, not an overdose").
func misuseSaid(note string) bool {
	for _, m := range misuseRe.FindAllStringIndex(note, -1) {
		if !negatedAt(note, m[0]) {
			return true
		}
	}
	return false
}

// poaRe is a present-on-admission statement, whose "not" denies no
// condition: "(adverse effect, not present on admission)", "not POA".
var poaRe = regexp.MustCompile(`(?i)\bnot\s+(?:present\s+on\s+admission|POA)\b`)

// withoutPOA leaves a text's present-on-admission statements out of what
// its negations are read in: the condition arose later.
func withoutPOA(s string) string {
	if !strings.Contains(s, "dmission") && !strings.Contains(s, "POA") {
		return s
	}
	return poaRe.ReplaceAllString(s, " ")
}

// signatureLineRe is a clinician's signature line: "Brianna
// Castellano, MD", "J. Ruiz-Ortega, DO, FACP", "Y. Castellanos MD" (whose
// surname may spell an eponym: Castellani's bronchospirochetosis).
var signatureLineRe = regexp.MustCompile(`^[ \t]*(?:Dr\.?\s+)?[A-Z][A-Za-z'.-]*(?:\s+[A-Z][A-Za-z'.-]*){1,3}(?:,\s*|\s+)(?:MD|DO|NP|PA-C|PA|RN|FNP-C|FNP-BC|FNP|APRN|DNP|MBBS|CNM|AGNP|ANP)\b[^\n]*$`)

// familyContextRe is a family history an item adds to the patient's own
// finding, naming no condition of its own: "… and strong FHx (father +
// uncle)" (not "with family history of colon cancer", the relative's).
var familyContextRe = regexp.MustCompile(`(?i)(?:\b(?:and|with|plus)|,)\s+(?:a\s+)?(?:(?:strong|strongly|positive|significant|notable)\s+)*(?:FHx|FH|family history)(?:\s*[(.,;]|\s*$)`)

// immunityHeadRe ends an item's head that names an immunity, not a
// disease: "Hepatitis B non-immune - no chronic HBV infection", "Rubella
// immune" (not "Immune thrombocytopenia").
var immunityHeadRe = regexp.MustCompile(`(?i)\s(?:non-?immune|not immune|immune)\s*(?:\(.*)?$`)

// glucoseLineRe is a line about the blood glucose, whose "SSI" is the
// insulin's sliding scale.
var glucoseLineRe = regexp.MustCompile(`(?i)\b(?:hyperglycemi\w*|hypoglycemi\w*|glucose|BG|blood sugars?|A1c|diabet\w*|DM|T[12]DM|insulin|steroid-induced)\b`)

// slidingScaleNotInfection drops a surgical site infection read from "SSI"
// on a line about the blood glucose ("Hyperglycemia, steroid-induced -
// SSI, expect resolution off steroids"): the insulin's sliding scale.
func slidingScaleNotInfection(out []Suggestion, note string) []Suggestion {
	return slices.DeleteFunc(out, func(s Suggestion) bool {
		return strings.HasPrefix(s.Code, "T81.4") && strings.EqualFold(strings.TrimSpace(s.Evidence), "SSI") && glucoseLineRe.MatchString(lineOf(note, s.Start))
	})
}

// pressureListRe is a pressure injury item that lists its sites with
// their stages: "Pressure injuries - sacrum unstageable, R heel stage 4,
// L heel DTPI".
var pressureListRe = guard(`(?im)^[ \t]*(?:#?\d{1,2}[.)]?\s+)?(?:pressure (?:injur(?:y|ies)|ulcers?)|decubitus ulcers?)\s*(?:-|:|–)\s*([^\n.]+)`, "pressure", "decubitus")

// deepTissueRe is a deep tissue pressure injury as notes write it.
var deepTissueRe = regexp.MustCompile(`(?i)\b(?:DTPI|deep tissue(?: pressure)?(?: injury)?)\b`)

// pressureStageRe is a stage a site of that list is given.
var pressureStageRe = regexp.MustCompile(`(?i)\b(?:stage\s*(?:[1-4]|i{1,3}|iv)|unstageable|dtpi|deep tissue(?: pressure)?(?: injury)?)\b`)

// pressureInjurySites codes each site of a pressure injury list
// (pressureListRe) that has its own stage, beside the one the item's
// lookup found for its first: "R heel stage 4" is L89.614, "L heel DTPI"
// L89.626.
func pressureInjurySites(out []Suggestion, x *lookups, opt Options) []Suggestion {
	if firstWithPrefix(out, "L89") < 0 {
		return out
	}
	for _, m := range pressureListRe.FindAllStringSubmatchIndex(opt.note, -1) {
		if negatedAt(opt.note, m[0]) {
			continue
		}
		at := m[2]
		for _, part := range strings.Split(opt.note[m[2]:m[3]], ",") {
			start := at
			at += len(part) + 1
			if !pressureStageRe.MatchString(part) {
				continue
			}
			ev := strings.TrimSpace(part)
			evStart := start + strings.Index(part, ev)
			q := deepTissueRe.ReplaceAllString(ev, "deep tissue damage")
			q = sides(q)
			rs := x.Search("pressure ulcer of "+q, codeset.SearchOptions{Systems: []codeset.System{codeset.ICD10CM}, Date: opt.Date, Limit: 1})
			if len(rs) == 0 || !rs[0].Billable || !strings.HasPrefix(rs[0].Code, "L89") || rs[0].Score < 0.6 || containsCode(out, rs[0].Code) {
				continue
			}
			// (a site the list's first part already coded at another stage
			// is that part's)
			if firstWithPrefix(out, rs[0].Code[:6]) >= 0 {
				continue
			}
			out = append(out, Suggestion{System: codeset.ICD10CM, Code: rs[0].Code, Title: rs[0].Title, Confidence: 0.85,
				Start: evStart, End: evStart + len(ev), Evidence: ev, Section: sectionKindNames[secDiagnosis], Rule: "pressure injury site"})
		}
	}
	return out
}

// pneumoniaeRe is an organism named "pneumoniae"; pneumoniaSaidRe a
// pneumonia said.
var (
	pneumoniaeRe    = regexp.MustCompile(`(?i)\bpneumoniae\b`)
	pneumoniaSaidRe = regexp.MustCompile(`(?i)\bpneumonias?\b|\bPNA\b|\b[CH]AP\b`)
)

// organismNotPneumonia drops a pneumonia read from an organism's name
// alone ("Klebsiella pneumoniae" in "Septic shock d/t Klebsiella
// pneumoniae, source acute cholangitis") in a note that speaks of no
// pneumonia: the organism is no pneumonia.
func organismNotPneumonia(out []Suggestion, note string) []Suggestion {
	if firstWithPrefix(out, "J13", "J15", "J16.0") < 0 || pneumoniaSaidRe.MatchString(note) {
		return out
	}
	return slices.DeleteFunc(out, func(s Suggestion) bool {
		return hasAnyPrefix(s.Code, "J13", "J15", "J16.0") && pneumoniaeRe.MatchString(s.Evidence) && !pneumoniaSaidRe.MatchString(s.Evidence)
	})
}

// varicesCause codes the portal hypertension that secondary esophageal
// varices are named with ("Portal HTN w/ small esophageal varices":
// I85.10, whose "code also underlying cause" is K76.6), when the
// varices' own evidence names it.
func varicesCause(out []Suggestion, x *lookups, opt Options) []Suggestion {
	i := firstWithPrefix(out, "I85.1")
	if i < 0 || containsCode(out, "K76.6") {
		return out
	}
	if l := strings.ToLower(out[i].Evidence); strings.Contains(l, "portal htn") || strings.Contains(l, "portal hypertension") {
		return addBeside(out, out[i], "K76.6", "underlying cause of secondary varices", x, opt)
	}
	return out
}

// drugKey names a drug the same way by its name and its abbreviation:
// MTX is methotrexate, ASA aspirin.
func drugKey(w string) string {
	switch w {
	case "mtx":
		return "methotrexate"
	case "asa":
		return "aspirin"
	}
	return w
}

// inSituRe names a neoplasm in situ.
var inSituRe = regexp.MustCompile(`(?i)\bin[- ]situ\b|\b(?:DCIS|LCIS|CIN ?(?:3|III))\b`)

// cancerCareNowRe says a cancer is under treatment now, whatever year it
// was found: "metastatic RUL lung adenocarcinoma … diagnosed 03/2026, now
// on cycle 5 of carboplatin/pemetrexed/pembrolizumab" is no history.
var cancerCareNowRe = regexp.MustCompile(`(?i)\b(?:now on|currently on|currently receiving|now receiving|undergoing|on cycle|cycle \d+|C\d+D\d+|on (?:active |palliative |systemic )?(?:chemo(?:therapy)?|immunotherapy|treatment)|metastatic)\b`)

// newMarkRe is a discharge list's mark on a drug the stay started:
// "Glipizide 5 mg daily (NEW)".
var newMarkRe = regexp.MustCompile(`\(new(?: medication| med)?\)`)

// restartLaterRe follows a drug not taken now: one a later visit is to
// restart ("to be restarted at postpartum visit") or taken before the
// pregnancy ("on metformin before conception, transitioned to insulin").
var restartLaterRe = regexp.MustCompile(`^\s*(?:[a-z0-9.]+\s+){0,3}?(?:(?:to be|will be|may be)\s+(?:restarted|resumed|re-?started)|(?:before|prior to)\s+(?:conception|pregnancy))\b`)

// newThisStayRe is a line that gives a drug as the stay's own: "new this
// admission", "started HD4", "started 11/06" (a day of the stay, no
// year).
var newThisStayRe = regexp.MustCompile(`\bnew this (?:admission|hospitali[sz]ation|stay)\b|\bstarted (?:on )?(?:hd|hospital day) ?#?\d|\bstarted (?:on )?\d{1,2}/\d{1,2}(?:[^/\d]|$)|\b(?:new therapy )?started (?:during|in) this (?:admission|hospitali[sz]ation|stay)\b|\bnewly started (?:during |in )?this (?:admission|hospitali[sz]ation|stay)\b`)

// drugStartedRe is a drug the note starts: "start methotrexate",
// "starting insulin glargine", "will initiate semaglutide" (lower case).
var drugStartedRe = guardStart(`\b(?:start|starting|begin|beginning|initiate|initiating)\s+(?:on\s+)?([a-z]+(?:-[a-z]+)?)\b`, "start", "begin", "initiat")

// deviceImplantedRe is a cardiac device implanted: "PPM implanted
// 09/15", "PPM implant: 09/15".
var deviceImplantedRe = regexp.MustCompile(`(?i)\b(?:ppm|pacemaker|icd|aicd|defibrillator)\b[^.\n]{0,30}?\bimplant(?:ed|ation)?\b`)

// homeAntiplateletRe says the patient took an antiplatelet before the
// stay: "home aspirin 81 mg", "already takes aspirin", "aspirin at home".
var homeAntiplateletRe = regexp.MustCompile(`(?i)\b(?:home|prior to admission|PTA|outpatient|chronic|long[- ]?term|already (?:on|takes|taking)|takes|taking|was on|has been on|continued?|resumed?)\b[^.\n]{0,30}\b(?:aspirin|asa|clopidogrel|plavix|ticagrelor|brilinta|prasugrel)\b|\b(?:aspirin|asa|clopidogrel|plavix|ticagrelor|prasugrel)\b[^.\n]{0,30}\b(?:at home|daily at baseline|for years|prior to admission|long[- ]?term)\b`)

// notSentOnRe ends the words before a drug the patient will not go home
// on: "not being sent home on", "not discharged on".
var notSentOnRe = regexp.MustCompile(`(?i)\bnot\s+(?:being\s+)?(?:sent|discharged|going)\s+(?:home\s+)?on\s+$|\b(?:does|did|do)\s+not\s+take\s+(?:any\s+)?$`)

// stoppedColumnRe is a medication table's status column that says the
// drug was stopped.
var stoppedColumnRe = regexp.MustCompile(`(?i)\S\s{3,}(?:discontinued|stopped|inactive|completed|expired)\b|\|\s*(?:discontinued|stopped|inactive|completed|expired)\s*\|`)

// relativeLineRe is a line about a relative, as a family history lists
// them: "- Mother: type 1 diabetes", "Brother (8) - ADHD".
var relativeLineRe = regexp.MustCompile(`(?i)^\W*(?:maternal\s+|paternal\s+)?(?:mother|mom|father|dad|brother|sister|son|daughter|grandmother|grandfather|aunt|uncle|sibling|cousin)s?\b(?:\s*\([^)]{1,12}\))?\s*[:\-–—]`)

// familyLineRe is a line of family history.
var familyLineRe = regexp.MustCompile(`(?i)^\W*(?:fhx|fh|family history|family hx|fam hx)\b`)

// steroidCourseRe is a systemic steroid given as a course: "Steroids to
// PO, 5-day total course", "a 5-day prednisone course".
var steroidCourseRe = regexp.MustCompile(`(?i)\b(?:steroids?|prednisone|methylprednisolone|solu-?medrol|dexamethasone)\b[^.\n]{0,60}?\b\d+[- ]day\s+(?:total\s+)?course\b|\b\d+[- ]day\s+(?:total\s+)?(?:steroid|prednisone|dexamethasone)\s+(?:course|burst|taper)\b`)

// shortCourseRe is a drug given for a course or once, or stopped, or only
// during the stay ("basal glargine while inpatient (temporary)").
var shortCourseRe = regexp.MustCompile(`(?i)\b(x\s*\d+\s*(?:more\s+)?(?:days?|d|doses?|weeks?)|for\s+\d+\s+(?:more\s+)?(?:days?|doses?)|taper(?:ing|ed)?|burst|course|once|given|loaded|load|stat|in the ed|nasal|spray|stopped|stopping|stop|discontinued|d/c'?d|held|hold|off|completed|finished|to complete|prn|as needed|occasionally|(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d|while (?:inpatient|hospitali[sz]ed|admitted|in (?:the )?hospital)|inpatient only|temporary|temporarily)\b`)

// avoidBeforeRe ends the words of an instruction to avoid or stop the
// drugs that follow it, in the same sentence.
var avoidBeforeRe = regexp.MustCompile(`(?i)\b(?:avoid|stop|no more|do not take|don't take)\b[^.;\n]{0,50}$`)

// notTakingRe says a listed drug is not taken: "not taking", "NOT used",
// "declined", "Low-dose aspirin none", "aspirin was offered".
var notTakingRe = regexp.MustCompile(`(?i)\b(?:not taking|no longer taking|not currently taking|stopped (?:taking|on (?:his|her|their) own)|self[- ]discontinued|never started|never took|never filled|not used|not taken|declined)\b|^[\w-]+\s*(?:[:-]\s*)?none\b|^[\w-]+\b[^.]{0,40}?\b(?:was|were) offered\b`)

// listEntryAfter returns a list's entry from offset i, its asides in
// parentheses included: up to the next comma or semicolon outside them,
// the line's end, or n bytes.
func listEntryAfter(note string, i, n int) string {
	end, depth := min(len(note), i+n), 0
	for k := i; k < end; k++ {
		switch note[k] {
		case '(':
			depth++
		case ')':
			depth = max(0, depth-1)
		case ',', ';':
			if depth == 0 {
				return note[i:k]
			}
		case '\n':
			return note[i:k]
		}
	}
	return note[i:end]
}

// doseAround returns what a medication list says of the drug at offset i:
// up to the next comma, semicolon, parenthesis or line end.
func doseAround(note string, i int) string {
	end := i + min(len(note)-i, 80)
	if k := strings.IndexAny(note[i:end], ",;()\n"); k >= 0 {
		end = i + k
	}
	return note[i:end]
}

// findNear is re.FindStringIndex(note) for an expression every match of
// which holds the word anchor (in lower case) and spans at most width bytes
// either side of it: only the lines around the anchor are searched.
func findNear(re *regexp.Regexp, note, lower, anchor string, width int) []int {
	for at := 0; ; {
		i := strings.Index(lower[at:], anchor)
		if i < 0 {
			return nil
		}
		i += at
		lo := max(0, i-width)
		if k := strings.LastIndexByte(note[:lo], '\n'); k >= 0 {
			lo = k + 1
		} else {
			lo = 0
		}
		hi := len(note)
		if k := strings.IndexByte(note[i:], '\n'); k >= 0 {
			hi = i + k
		}
		if m := re.FindStringIndex(note[lo:hi]); m != nil {
			return []int{lo + m[0], lo + m[1]}
		}
		at = hi
		if at >= len(note) {
			return nil
		}
	}
}

// negatedAt reports whether the sentence before offset i negates it.
func negatedAt(note string, i int) bool {
	start := strings.LastIndexAny(note[:i], ".\n") + 1
	return negatedRe.MatchString(note[start:i]) || negatedJustBefore.MatchString(note[start:i]) || negatedAside(note[start:i])
}

// notSuggestiveRe says the work-up does not suggest the condition before
// it (not "not suggestive of" another).
var notSuggestiveRe = regexp.MustCompile(`(?i)\bnot suggestive(?:\s*[(;,.)]|\s*$)`)

// lastMemberDenied reports whether the item at i is the last member of a
// list its sentence denies: "He denies any chest pain, pressure, or
// anginal equivalent with exertion", "… with no identified exposure,
// drug, or connective tissue disease" (an item of its own after the
// commas, in a history read item by item).
func lastMemberDenied(note string, i int) bool {
	rest := strings.ToLower(note[i:min(len(note), i+5)])
	if !strings.HasPrefix(rest, "or ") && !strings.HasPrefix(rest, "nor ") {
		return false
	}
	start := strings.LastIndexAny(note[:i], ".;:\n") + 1
	before := note[start:i]
	return strings.HasSuffix(strings.TrimRight(before, " "), ",") && (negatedRe.MatchString(before) || deniedListRe.MatchString(before)) && !containsAny(strings.ToLower(before), " but ", " except ", " however ")
}

// deniedListRe ends a text with a list a negation opens, its members
// only words and commas: "… with no identified exposure, drug, ".
var deniedListRe = regexp.MustCompile(`(?i)\b(?:no|without|denies|denied|negative for)\s+[a-z/ -]+(?:,\s*[a-z/ -]+)*,\s*$`)

// negatedAside reports whether before ends inside a parenthesis that
// opens with a denial and lists on: "(no LOC, amnesia, confusion, HA,
// nausea)" denies the nausea too.
func negatedAside(before string) bool {
	open := strings.LastIndexByte(before, '(')
	if open < 0 || strings.IndexByte(before[open:], ')') >= 0 {
		return false
	}
	in := before[open+1:]
	return negatedAsideRe.MatchString(in) && !strings.Contains(in, " but ") && !strings.ContainsAny(in, ";:")
}

// negatedAsideRe opens an aside that denies what it lists.
var negatedAsideRe = regexp.MustCompile(`(?i)^\s*(?:no|denies|without|negative for)\s`)

// negatedJustBefore is a negation a few words before a mention: "patient
// is not on dialysis", "never had a stent", "no prior cath/PCI".
// (or after a list the negation covers: "no prior cardiac history or
// prior MI")
var negatedJustBefore = regexp.MustCompile(`(?i)\b(not|no|never|denies|denied|without)\s+(?:[a-z/-]+\s+){0,3}(?:(?:or|nor)\s+(?:[a-z/-]+\s+){0,2})?(?:[a-z-]+/)?$`)

// medicationLists returns the spans of a note's medication sections.
func medicationLists(note string) [][2]int {
	var out [][2]int
	locs := noteHeadings(note)
	for k, l := range locs {
		if name := strings.ToLower(note[l.nameStart:l.nameEnd]); (strings.Contains(name, "medication") || strings.Contains(name, "meds")) && medSectionRe.MatchString(note[l.start:l.end]) {
			end := len(note)
			if k+1 < len(locs) {
				end = locs[k+1].start
			}
			out = append(out, [2]int{l.end, end})
		}
	}
	return out
}

// dischargeListRe is a bare heading (no colon) of the medications a stay
// discharges the patient on.
var dischargeListRe = regexp.MustCompile(`(?i)^[ \t]*(?:discharge\s+(?:medications|meds)|(?:medications|meds)\s+(?:at|on)\s+discharge)[ \t]*$`)

// startedHereRe says a clause's drug was started at this stay.
var startedHereRe = regexp.MustCompile(`(?i)\b(?:start(?:ed|ing)?|initiat(?:ed|ing)|began|begun|load(?:ed|ing)|new(?:ly)?|transition(?:ed)? to|switched to|added|bridg(?:ed|ing)|given|received)\b`)

// iudAfterRe follows a hormone an intrauterine device releases:
// "levonorgestrel IUD", "levonorgestrel-releasing intrauterine system".
var iudAfterRe = regexp.MustCompile(`(?i)^[\s-]*(?:\d+(?:\.\d+)?\s*mg\s+)?(?:releasing\s+)?(?:IUD|IUS|intrauterine)\b`)

// dischargeMedsRe names a list of the medications a stay discharges the
// patient on, with or without a colon.
var dischargeMedsRe = regexp.MustCompile(`(?i)\bdischarge\s+(?:medications|meds)\b|\b(?:medications|meds)\s+(?:at|on)\s+discharge\b`)

// onDischargeList reports whether offset i stands on a discharge
// medication list: on its heading's line or in the block below it.
func onDischargeList(note string, i int) bool {
	ls := strings.LastIndexByte(note[:i], '\n') + 1
	return dischargeMedsRe.MatchString(note[ls:i]) || dischargeMedsRe.MatchString(note[blockStart(note, ls):ls])
}

// blockStart returns where the block of lines holding the line that
// starts at ls begins: after the nearest blank line above it, or at the
// note's start.
func blockStart(note string, ls int) int {
	for ls > 0 {
		ps := strings.LastIndexByte(note[:ls-1], '\n') + 1
		if strings.TrimSpace(note[ps:ls-1]) == "" {
			return ls
		}
		ls = ps
	}
	return 0
}

// antithrombotic reports whether a long-term use code is an
// anticoagulant's or an antiplatelet's.
func antithrombotic(code string) bool {
	return code == "Z79.01" || code == "Z79.02" || code == "Z79.82"
}

// homeMarkRe marks a discharge list's drug as one the patient came in on.
var homeMarkRe = regexp.MustCompile(`(?i)\b(?:home|resumed?|continued?|unchanged|chronic|long-term|same dose|prior to admission|PTA)\b`)

// newOnDischargeList reports whether the drug w at note[i:] stands on a
// bare "DISCHARGE MEDICATIONS" list as one the stay started: its line
// says so ("-- START 9/24"), or forNewClot (an antithrombotic after the
// stay's new infarction, embolism or thrombosis), or the note names it
// before the list only as started — unless its line marks it the
// patient's own ("home", "resumed", "continued"). Such a drug is no
// long-term use to code; a "Discharge medications:" list is read as
// before, and "Home medications" lists what the patient came in on.
func newOnDischargeList(note, lower, w string, i int, forNewClot bool) bool {
	ls := strings.LastIndexByte(note[:i], '\n') + 1
	line := note[ls:lineEnd(note, i)]
	if homeMarkRe.MatchString(line) {
		return false
	}
	// the list's heading: the first line of its block
	hs := blockStart(note, ls)
	heading := note[hs:lineEnd(note, hs)]
	// (a "Discharge medications:" list counts its drugs as it always
	// has; a bare "DISCHARGE MEDICATIONS" heading, new to the sections
	// read, counts only the drugs it shows the patient came in on)
	if hs == ls || !dischargeListRe.MatchString(heading) {
		return false
	}
	if startedHereRe.MatchString(line) || forNewClot {
		// "apixaban 5 mg BID -- START 9/24"; an antithrombotic the
		// stay's new infarction, embolism or thrombosis calls for
		return true
	}
	// (named before the list as a drug the stay did not start:
	// "metformin (home, long-standing) held while NPO")
	for at := 0; ; {
		k := strings.Index(lower[at:hs], w)
		if k < 0 {
			return true
		}
		if !startedHereRe.MatchString(clauseAround(lower, at+k)) {
			return false
		}
		at += k + len(w)
	}
}

func inSpans(spans [][2]int, i int) bool {
	for _, s := range spans {
		if i >= s[0] && i < s[1] {
			return true
		}
	}
	return false
}

// sentenceAround returns the sentence holding offset i.
func sentenceAround(note string, i int) string { return stretchAround(note, i, ".\n") }

// clauseAround returns the clause of note around offset i: its sentence
// cut at semicolons.
func clauseAround(note string, i int) string { return stretchAround(note, i, ".;\n") }

// stretchAround returns the text around offset i between the nearest of
// the stops on either side.
func stretchAround(note string, i int, stops string) string {
	start := strings.LastIndexAny(note[:i], stops) + 1
	end := strings.IndexAny(note[i:], stops)
	if end < 0 {
		end = len(note) - i
	}
	return note[start : i+end]
}

// bmiCode maps an adult body mass index to its Z68 code.
var (
	// dietCounselRe and exerciseCounselRe are counselling given:
	// "Dietary counseling provided", "counseled on diet and exercise".
	dietCounselRe     = regexp.MustCompile(`(?i)\b(?:diet(?:ary)?|nutrition(?:al)?)\s+counsel(?:ing|ling)\b|\bcounsell?ed\s+(?:on|about|regarding)\s+(?:[a-z]+\s+){0,3}?(?:diet|nutrition|eating)\b`)
	exerciseCounselRe = regexp.MustCompile(`(?i)\b(?:exercise|physical activity)\s+counsel(?:ing|ling)\b|\bcounsell?ed\s+(?:on|about|regarding)\s+(?:[a-z]+\s+){0,3}?(?:exercise|physical activity)\b`)
	// pediatricPercentileRe is a child's BMI percentile; ofP95Re the
	// percent of the 95th percentile it reaches.
	pediatricPercentileRe = regexp.MustCompile(`(?i)\bBMI\b(?:[^.\n]|\.\d){0,40}?\b(\d{1,2})(?:st|nd|rd|th)\s*(?:percentile|%ile|%-ile)`)
	ofP95Re               = regexp.MustCompile(`(?i)\b(\d{2,3})\s*%\s+of\s+(?:the\s+)?95(?:th)?\s+percentile`)
)

// pediatricBMI returns the Z68.5- code of a child's BMI percentile and
// where the note gives it.
func pediatricBMI(note string) (string, []int) {
	var m []int
	for _, c := range pediatricPercentileRe.FindAllStringSubmatchIndex(note, -1) {
		// (not "Previous visit (age 4): BMI 91st percentile")
		if !containsAny(strings.ToLower(lineOf(note, c[0])), "previous", "prior", "last visit", "last year", " ago") {
			m = c
			break
		}
	}
	if m == nil {
		return "", nil
	}
	p, _ := strconv.Atoi(note[m[2]:m[3]])
	switch {
	case p < 5:
		return "Z68.51", m[:2]
	case p < 85:
		return "Z68.52", m[:2]
	case p < 95:
		return "Z68.53", m[:2]
	}
	// ("below 120% of the 95th percentile" says less, not 120%)
	if k := ofP95Re.FindStringSubmatchIndex(note); k != nil && !containsAny(strings.ToLower(note[max(0, k[0]-12):k[0]]), "below", "under", "less than", "<") {
		switch pct, _ := strconv.Atoi(note[k[2]:k[3]]); {
		case pct >= 140:
			return "Z68.56", m[:2]
		case pct >= 120:
			return "Z68.55", m[:2]
		}
	}
	return "Z68.54", m[:2]
}

func bmiCode(v string) string {
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || f < 10 || f > 120 {
		return ""
	}
	switch {
	case f < 20:
		return "Z68.1"
	case f < 40:
		return "Z68." + strconv.Itoa(int(f))
	case f < 45:
		return "Z68.41"
	case f < 50:
		return "Z68.42"
	case f < 60:
		return "Z68.43"
	case f < 70:
		return "Z68.44"
	}
	return "Z68.45"
}

var poisoningRe = regexp.MustCompile(`(?i)\b(overdose|poisoning|ingestion|ingested)\b`)

func organismCode(code string) bool {
	return strings.HasPrefix(code, "B95") || strings.HasPrefix(code, "B96") || strings.HasPrefix(code, "B97")
}

var selfHarmRe = regexp.MustCompile(`(?i)\b(intentional(ly)?|self[- ]harm|suicid\w*|deliberate)\b`)

// poisoningIntent gives a poisoning the intent the note documents: the
// search offers the accidental code (6th character 1) first; a note that
// says the overdose was intentional self-harm gets the 6th character 2,
// and then the separate "suicide attempt" code (T14.91) is not used
// (Official Guidelines I.C.19.e.5).
// saysSelfHarm reports whether the note says the patient meant the harm,
// in a sentence that does not deny it ("He firmly denies any intent to
// harm himself" says nothing of the kind).
func saysSelfHarm(note string) bool {
	for _, m := range selfHarmRe.FindAllStringIndex(note, -1) {
		if screeningAfterRe.MatchString(note[m[1]:min(len(note), m[1]+30)]) {
			// "Intentional self-harm screening done": a question asked
			continue
		}
		if !negatedAt(note, m[0]) && !deniesIntentRe.MatchString(note[strings.LastIndexAny(note[:m[0]], ".\n")+1:m[0]]) {
			return true
		}
	}
	return false
}

// screeningAfterRe follows words of intent that name a screening or an
// assessment, not an intent: "self-harm screening", "suicide risk
// assessment", "suicidal ideation screen".
var screeningAfterRe = regexp.MustCompile(`(?i)^(?:\s+self[- ]harm|\s+ideation)?\s+(?:screen\w*|risk\s+(?:assessment|screen\w*)|assessment|questionnaire)\b`)

// accidentalRe is a poisoning's own words that it was not meant.
var accidentalRe = regexp.MustCompile(`(?i)\b(?:accidental(?:ly)?|unintentional(?:ly)?|inadvertent(?:ly)?)\b`)

// deniesIntentRe is a sentence's denial before its words of intent.
var deniesIntentRe = regexp.MustCompile(`(?i)\b(?:denies|denied|denying|no|not|without|never)\b`)

func poisoningIntent(note string, out []Suggestion, x *lookups, opt Options) []Suggestion {
	selfHarm := -1
	for i, s := range out {
		if drugIntent(s.Code) == '1' && containsAny(opt.lower, "intentional", "self", "suicid", "deliberate") && !accidentalRe.MatchString(lineOf(note, s.Start)) && saysSelfHarm(note) {
			at := 6 // the intent character: T43.221A, T42.71XA
			if s.Code[6] == 'X' {
				at = 5
			}
			code := s.Code[:at] + "2" + s.Code[at+1:]
			if r, ok := x.Code(codeset.ICD10CM, code, opt.Date); ok {
				out[i].Code, out[i].Title = code, r.Title
			}
		}
		if drugIntent(out[i].Code) == '2' {
			selfHarm = i
		}
	}
	// a drug's poisoning is not also its adverse effect ("Opioid
	// (oxycodone) poisoning, accidental - not an adverse effect at
	// therapeutic dose")
	out = slices.DeleteFunc(out, func(s Suggestion) bool {
		return drugIntent(s.Code) == '5' && slices.ContainsFunc(out, func(o Suggestion) bool {
			i := drugIntent(o.Code)
			return i >= '1' && i <= '4' && sameDrug(o.Code, s.Code)
		})
	})
	if selfHarm < 0 && !(containsAny(opt.lower, "overdose", "poisoning", "ingest") && poisoningRe.MatchString(note)) {
		return out
	}
	kept := out[:0]
	for _, s := range out {
		if !strings.HasPrefix(s.Code, "T14.91") {
			kept = append(kept, s)
		}
	}
	return kept
}

// dropRedundantOrganism leaves out a B95–B97 "as the cause of diseases
// classified elsewhere" code when another suggested code already names the
// organism (J15.1 Pneumonia due to Pseudomonas).
func dropRedundantOrganism(out []Suggestion, note string) []Suggestion {
	kept := out[:0]
	for _, s := range out {
		drop := false
		if organismCode(s.Code) {
			// the organism's first word: "Unspecified Escherichia coli
			// [E. coli] as the cause…" is named by "escherichia"
			words := strings.Fields(strings.ToLower(strings.NewReplacer("(", " ", ")", " ", "[", " ").Replace(s.Title)))
			for len(words) > 1 && (words[0] == "unspecified" || words[0] == "other") {
				words = words[1:]
			}
			organism := words[0]
			byPneumonia := true // only a pneumonia's code names it
			for _, o := range out {
				if o.Code != s.Code && !strings.HasPrefix(o.Code, "B9") && strings.Contains(strings.ToLower(o.Title), organism) {
					drop = true
					byPneumonia = byPneumonia && o.Code >= "J12" && o.Code < "J17"
				}
			}
			// (not the agent of another infection whose category asks
			// for one, on the organism's own line, when only a
			// pneumonia's code names the organism: "Empyema … due to S.
			// pneumoniae" beside J13 keeps its B95.3; a pyelonephritis
			// beside A41.51 takes no B96.20)
			if drop && byPneumonia && note != "" && slices.ContainsFunc(out, func(o Suggestion) bool {
				return needsAgent(o.Code) && lineOf(note, o.Start) == lineOf(note, s.Start)
			}) {
				drop = false
			}
		}
		if !drop {
			kept = append(kept, s)
		}
	}
	return kept
}

// refine chooses between a code and its siblings from the phrase: when
// the search's choice leaves something unspecified ("…, unspecified whether
// with hypoxia or hypercapnia") and a sibling in the same category names
// more of the phrase's words ("with hypoxia"), the sibling is the code.
func refine(phrase string, best codeset.Result, rs []codeset.Result) codeset.Result {
	have := saidWords(phrase)
	best = refineExtra(have, best, rs)
	// "Rheumatoid arthritis w/ positive RF, multiple sites": a seropositive
	// rheumatoid arthritis that names no organ involved is M05.7- (without
	// organ or systems involvement), not the index's "specified NEC"
	// M05.8- ("Other rheumatoid arthritis with rheumatoid factor")
	if strings.HasPrefix(best.Code, "M05.8") && !containsAny(strings.ToLower(phrase), "other", "organ", "involvement", "nodul", "lung", "vasculitis", "heart", "myopathy", "neuropathy", "felty") {
		for _, r := range rs {
			if r.Billable && r.Code == "M05.7"+best.Code[5:] {
				r.Score = best.Score
				return r
			}
		}
	}
	// a part of the face the phrase names is one of its "other parts"
	// (the cheek's basal cell carcinoma is C44.319, not C44.310)
	if strings.Contains(strings.ToLower(best.Title), "unspecified parts of face") && facePartRe.MatchString(phrase) {
		want := strings.Replace(strings.ToLower(best.Title), "unspecified parts", "other parts", 1)
		for _, r := range rs {
			if r.Billable && strings.ToLower(r.Title) == want {
				r.Score = best.Score
				return r
			}
		}
	}
	if !strings.Contains(strings.ToLower(best.Title), "unspecified") {
		return refineOther(have, best, rs)
	}
	// a word counts as often as the phrase says it: "Acute kidney failure
	// with acute cortical necrosis" says no more of "with acute kidney
	// injury" than "Acute kidney failure", while "first pregnancy, first
	// trimester" says more of "first pregnancy … first trimester"
	times := map[string]int{}
	for _, w := range titleWords(phrase) {
		times[w]++
	}
	// a part of a limb names the limb, which is as far as some titles go:
	// "cellulitis of right foot" is L03.115 "Cellulitis of right lower
	// limb", not L03.111 "… of right axilla"
	if m := limbPartRe.FindStringSubmatch(phrase); m != nil {
		have["limb"] = true
		if m[1] != "" {
			have["lower"] = true
		} else {
			have["upper"] = true
		}
	}
	count := func(title string) (in int) {
		used := map[string]int{}
		for _, w := range titleWords(title) {
			if w != unspecifiedWord && hasSimilar(have, w) && used[w] < max(1, times[w]) {
				used[w]++
				in++
			}
		}
		return in
	}
	// (what the code has "with" that the phrase says, a sibling must
	// have too: "low back pain with sciatica" is M54.40 "Lumbago with
	// sciatica, unspecified side", not M54.59 "Other low back pain")
	var with []string
	if k := strings.Index(asciiLower(best.Title), " with "); k >= 0 {
		for _, w := range titleWords(best.Title[k+len(" with "):]) {
			if w != unspecifiedWord && hasSimilar(have, w) {
				with = append(with, w)
			}
		}
	}
	n := count(best.Title)
	for _, r := range rs {
		if r.Code != best.Code && r.Billable && len(r.Code) >= 3 && r.Code[:3] == best.Code[:3] && !strings.Contains(strings.ToLower(r.Title), "unspecified") {
			if c := count(r.Title); c > n && !addsKind(have, r.Title) && !slices.ContainsFunc(with, func(w string) bool { return !slices.Contains(titleWords(r.Title), w) }) {
				best, n = r, c
			}
		}
	}
	return best
}

// onTrunk moves a skin lesion's code with no site, or one the search
// found elsewhere, to the trunk when the phrase names a part of it ("Benign
// melanocytic nevus, left upper back" is D22.5, trunk, not D22.9): the
// titles say "trunk", the notes the back, the chest wall, the flank.
func onTrunk(q string, r codeset.Result, x *lookups, opt Options) codeset.Result {
	if !hasAnyPrefix(r.Code, "D22", "D23", "C43", "C44", "D03", "D04", "L82") || strings.Contains(strings.ToLower(r.Title), "trunk") || !trunkPartRe.MatchString(q) {
		return r
	}
	l := strings.ToLower(r.Title)
	if !strings.Contains(l, "unspecified") && !strings.Contains(l, "limb") && !strings.Contains(l, "eyelid") {
		return r
	}
	for _, c := range x.Search(trunkPartRe.ReplaceAllString(q, " ")+" of trunk", codeset.SearchOptions{Systems: []codeset.System{codeset.ICD10CM}, Date: opt.Date, Limit: 10}) {
		if c.Billable && c.Code[:3] == r.Code[:3] && strings.Contains(strings.ToLower(c.Title), "trunk") {
			c.Score = r.Score
			return c
		}
	}
	return r
}

// notRecurrent gives a code "…, recurrent" its sibling "…, not specified
// as recurrent" when the item does not say recurrent ("C. diff colitis" is
// A04.72, not A04.71, which the search ties with it; an inguinal hernia
// K40.90, not K40.91): the siblings differ in their last digit.
func notRecurrent(r codeset.Result, item string, x *lookups, opt Options) codeset.Result {
	if !strings.HasSuffix(strings.ToLower(r.Title), ", recurrent") || strings.Contains(strings.ToLower(item), "recurren") {
		return r
	}
	n := len(r.Code)
	for _, d := range [...]byte{r.Code[n-1] - 1, r.Code[n-1] + 1} {
		code := r.Code[:n-1] + string(d)
		if e, ok := x.Code(codeset.ICD10CM, code, opt.Date); ok && e.Billable && strings.HasSuffix(strings.ToLower(e.Title), "not specified as recurrent") {
			r.Code, r.Title = code, e.Title
			return r
		}
	}
	return r
}

// seropositiveRA gives a rheumatoid arthritis with rheumatoid factor that
// the index's "seropositive, specified NEC" path leads to "other" (M05.8-)
// its code without organ or systems involvement (M05.7-, same site) when
// the item names no organ involvement: "Seropositive RA (RF+, CCP+),
// multiple sites" is M05.79.
func seropositiveRA(r codeset.Result, item string, x *lookups, opt Options) codeset.Result {
	if !strings.HasPrefix(r.Code, "M05.8") || organInvolvementRe.MatchString(noOrganInvolvementRe.ReplaceAllString(item, " ")) {
		return r
	}
	if e, ok := x.Code(codeset.ICD10CM, "M05.7"+r.Code[5:], opt.Date); ok && e.Billable {
		r.Code, r.Title = e.Code, e.Title
	}
	return r
}

// noOrganInvolvementRe denies a rheumatoid arthritis's organ or system
// involvement: "without extra-articular or organ involvement", "no
// extra-articular manifestations".
var noOrganInvolvementRe = regexp.MustCompile(`(?i)\b(?:without|no|denies|negative for)\s+(?:any\s+|other\s+)?(?:(?:extra-?articular|organ|systemic|systems?)(?:\s+(?:or|and|/)\s+|\s*,\s*|\s+))+(?:involvement|manifestations?|disease|features)\b`)

// organInvolvementRe names a rheumatoid arthritis's organ or system
// involvement.
var organInvolvementRe = regexp.MustCompile(`(?i)\b(?:lung|pulmonary|interstitial|vasculitis|heart|carditis|myopathy|polyneuropathy|neuropathy|felty|nodul|organ|systemic|extra-?articular)`)

// limbPartRe names a part of a lower limb (group 1) or of an upper one.
var limbPartRe = regexp.MustCompile(`(?i)\b(?:(feet|foot|toes?|heels?|ankles?|legs?|knees?|thighs?|calf|calves|shins?)|(hands?|fingers?|thumbs?|wrists?|forearms?|arms?|elbows?))\b`)

// trunkPartRe names a part of the trunk.
var trunkPartRe = regexp.MustCompile(`(?i)\b(?:(?:upper|lower|mid|left|right)\s+)*(?:back|chest wall|chest|abdomen|abdominal wall|flank|scapular?|shoulder blade|trunk|torso|lumbar|thoracic|sacral|buttock)\b`)

func hasAnyPrefix(s string, prefixes ...string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// facePartRe names a part of the face with no code of its own.
var facePartRe = regexp.MustCompile(`(?i)\b(?:cheeks?|forehead|temples?|chin|jaw|brow|malar|zygoma\w*|preauricular|nasolabial|glabella)\b`)

// kindWords are the acuity, type and site a title may add to a condition.
var kindWords = map[string]bool{"acute": true, "chronic": true, "systolic": true, "diastolic": true, "combined": true,
	"eyelid": true, "canthus": true, "lip": true, "ear": true, "nose": true, "scalp": true, "neck": true, "trunk": true,
	"scrotum": true, "vulva": true, "penis": true, "breast": true, "finger": true, "toe": true, "limb": true, "shoulder": true,
	"arm": true, "forearm": true, "leg": true, "thigh": true, "hip": true, "knee": true, "ankle": true, "foot": true, "hand": true,
	"wrist": true, "elbow": true, "axilla": true}

// addsKind reports whether a title names an acuity, a type or a site the
// phrase does not say: "congestive heart failure" is I50.9, not I50.21
// "Acute systolic (congestive) heart failure"; a basal cell carcinoma of
// the left cheek is not C44.1191 "… of left upper eyelid".
func addsKind(have map[string]bool, title string) bool {
	for _, w := range titleWords(title) {
		if kindWords[w] && !hasSimilar(have, w) {
			return true
		}
	}
	return false
}

var (
	// subsequentRe: the visit is for healing or recovery after active
	// treatment (7th character D); sequelaRe: for a late effect (S).
	// An emergency note plans the suture removal; that does not make it
	// the healing visit.
	subsequentRe = guard(`(?i)\b(subsequent encounter|routine healing|delayed healing|healing (?:routinely|normally|as expected|appropriately|satisfactorily|without complication)|fractures? (?:is |are )?healing|cast (?:was )?removed|cast check|here for (suture|staple) removal|follow[- ]up visit (for|of) (the |his |her )?(fracture|injury))\b`, "subsequent encounter", "healing", "cast check", "cast was removed", "cast removed", "removal", "follow")
	sequelaRe    = regexp.MustCompile(`(?i)\b(sequela|late effect)\b`)
)

// refineExtra prefers, among close siblings, the code whose title adds
// the fewest words the phrase does not say: "pulmonary embolism without
// acute cor pulmonale" is I26.99 (other), not I26.90 (septic).
func refineExtra(have map[string]bool, best codeset.Result, rs []codeset.Result) codeset.Result {
	measure := func(r codeset.Result) (extra, in int) {
		extra, in = measureText(have, r.Title)
		if e, i := measureText(have, r.Matched); r.Matched != "" && e < extra {
			extra, in = e, i
		}
		return extra, in
	}
	be, bi := measure(best)
	if be == 0 || bi == 0 {
		// (a phrase that says none of the title's words, "Hx DVT",
		// found it through the synonyms: the fewest unsaid words would
		// only choose the shortest title)
		return best
	}
	for _, r := range rs {
		if r.Code == best.Code || !r.Billable || len(r.Code) < 3 || r.Code[:3] != best.Code[:3] || r.Score < 0.9*best.Score {
			continue
		}
		if e, i := measure(r); e < be && i >= bi {
			best, be, bi = r, e, i
		}
	}
	return best
}

// addsNothing reports whether r's title or the text it matched says no
// word the phrase does not ("Headache, unspecified" for "headache"; not
// "Syndrome, chest wall" for "chest syndrome").
func addsNothing(phrase string, r codeset.Result) bool {
	have := saidWords(phrase)
	et, _ := measureText(have, r.Title)
	em, _ := measureText(have, r.Matched)
	return et == 0 || em == 0
}

// measureText counts a title's words the phrase does not say (extra) and
// those it does (in); modifiers, "other" and "unspecified" are neither.
// What a title says is absent ("without coma") need not be said; said
// present, it contradicts the phrase and counts twice against the title,
// as does a word the title says present and the phrase absent.
func measureText(have map[string]bool, title string) (extra, in int) {
	if strings.Contains(title, "without") && strings.IndexByte(title, ',') >= 0 {
		// "…without spontaneous rupture of ear drum, left ear": a
		// "without" governs its own comma-separated part only
		for _, part := range strings.Split(title, ",") {
			e, i := measureText(have, part)
			extra += e
			in += i
		}
		return extra, in
	}
	absent := false
	for _, w := range titleWords(title) {
		switch {
		case w == withoutWord:
			absent = true
		case modifiers[w] || w == otherWord || w == unspecifiedWord:
		case absent && have[absentMark+w]:
			in++
		case absent && hasSimilar(have, w):
			extra += 2
		case absent:
		case have[absentMark+w]:
			extra += 2
		case hasSimilar(have, w):
			in++
		default:
			extra++
		}
	}
	return extra, in
}

// absentMark marks, in saidWords, a word the phrase says is absent.
const absentMark = "-"

// saidWords returns the words of a phrase; a word after "without" is kept
// as absentMark+word.
func saidWords(phrase string) map[string]bool {
	have := map[string]bool{}
	absent := false
	for _, w := range codeset.Words(joinHyphens(phrase)) {
		switch {
		case w == withoutWord:
			absent = true
		case absent:
			have[absentMark+w] = true
		default:
			have[w] = true
		}
	}
	for _, e := range saidAlike {
		for _, mark := range []string{"", absentMark} {
			if have[mark+e[0]] {
				have[mark+e[1]] = true
			}
		}
	}
	return have
}

// saidAlike are the stems of words a note says that a title says another
// way: a bleeding ulcer is the ulcer "with hemorrhage".
var saidAlike = func() (out [][2]string) {
	for _, p := range [][2]string{{"bleeding", "hemorrhage"}, {"bleed", "hemorrhage"}} {
		a, b := codeset.Words(p[0]), codeset.Words(p[1])
		if len(a) == 1 && len(b) == 1 {
			out = append(out, [2]string{a[0], b[0]})
		}
	}
	return out
}()

// refineOther replaces an "other" code when a sibling names what the
// phrase says: "STEMI of the inferior wall involving the right coronary
// artery" is I21.11 (right coronary artery), not I21.19 (other coronary
// artery of inferior wall). The sibling's own words — those not in the
// "other" code's title — must all be in the phrase.
func refineOther(have map[string]bool, best codeset.Result, rs []codeset.Result) codeset.Result {
	bw := titleWords(best.Title)
	if !slices.Contains(bw, otherWord) {
		return best
	}
	inBest := map[string]bool{}
	for _, w := range bw {
		inBest[w] = true
	}
	for _, r := range rs {
		if r.Code == best.Code || !r.Billable || len(r.Code) < 3 || r.Code[:3] != best.Code[:3] {
			continue
		}
		own, all := 0, true
		for _, w := range titleWords(r.Title) {
			if inBest[w] {
				continue
			}
			own++
			all = all && have[w]
		}
		if own > 0 && all {
			return r
		}
	}
	return best
}

var otherWord = codeset.Words("other")[0]

// initialRe is an item that says its encounter is the first.
var initialRe = regexp.MustCompile(`(?i)\binitial (?:encounter|visit|evaluation|presentation)\b`)

// itemEpisode gives an injury the encounter its own item states, over the
// note's: "fx of L 5th metatarsal - routine healing" is a subsequent
// encounter (D) in a note whose other item is a late effect (S), a
// fracture's delayed healing, nonunion or malunion its G, K or P.
func itemEpisode(r codeset.Result, item string, x *lookups, opt Options) codeset.Result {
	if !injury(r.Code) || len(r.Code) != 8 {
		return r
	}
	want := healingOf(item, r)
	switch {
	case strings.ContainsAny(r.Code[7:], "BC"):
		// an initial encounter's open fracture: its Gustilo type
		// chooses between I–II (B) and IIIA–IIIC (C)
		want = gustiloType(item)
		if want == 0 {
			return r
		}
	case want != 0:
	case sequelaRe.MatchString(item):
		want = 'S'
	case subsequentRe.MatchString(item):
		want = 'D'
	case initialRe.MatchString(item):
		want = 'A' // "closed - initial visit" in a note that plans its follow-up visit
	default:
		return r
	}
	if last := r.Code[7]; last == want || !strings.ContainsRune("ADSGKPBC", rune(last)) || strings.ContainsRune("BC", rune(last)) != strings.ContainsRune("BC", rune(want)) {
		return r
	}
	code := r.Code[:7] + string(want)
	if e, ok := x.Code(codeset.ICD10CM, code, opt.Date); ok {
		r.Code, r.Title = code, e.Title
	}
	return r
}

// episode gives an injury code the 7th character of the encounter the note
// describes: A while the injury is actively treated, D at a visit for
// healing, S for a sequela.
func episode(r codeset.Result, x *lookups, opt Options) codeset.Result {
	ep := opt.episode
	if r.Code >= "T36" && r.Code < "T51" {
		ep = opt.drugEpisode()
	}
	if ep == 0 || ep == 'A' || !injury(r.Code) || !strings.HasSuffix(r.Code, "A") {
		return r
	}
	code := r.Code[:len(r.Code)-1] + string(ep)
	if e, ok := x.Code(codeset.ICD10CM, code, opt.Date); ok {
		r.Code, r.Title = code, e.Title
	}
	return r
}

// drugEpisode is the 7th character of a drug's adverse effect, underdosing
// or poisoning: the note's, except that at a visit for a healing injury
// (D) the drug's effect is a new one under active treatment
// ("Constipation due to oxycodone" at a hip fracture's rehabilitation is
// T40.2X5A).
func (o Options) drugEpisode() byte {
	if o.episode == 'D' {
		return 'A'
	}
	return o.episode
}

// afterPregnancy reports whether a record's obstetric codes are all of the
// puerperium (O85–O92, or titled for it) and none is a delivery's: the
// pregnancy was over before this encounter.
func afterPregnancy(out []Suggestion) bool {
	puerperal := false
	for _, s := range out {
		switch {
		case strings.HasPrefix(s.Code, "Z37") || strings.HasPrefix(s.Code, "O80"):
			return false
		case s.Code[0] != 'O':
		case s.Code >= "O85" && s.Code < "O93" || strings.Contains(s.Title, "puerperium"):
			puerperal = true
		default:
			return false
		}
	}
	return puerperal
}

// burnSurfaceRe is the share of the body's surface a note says is burned:
// "3% TBSA", "~1.5% TBSA" (first), "Total body surface area burned
// approximately 3%", "TBSA: 12%" (second).
var burnSurfaceRe = regexp.MustCompile(`(?i)(?:[<>]\s*)?(\d{1,2}(?:\.\d+)?)\s*%\s*(?:TBSA|BSA|total body surface|of (?:the )?(?:total )?body surface)|\b(?:TBSA|BSA|total body surface area|body surface area)\s*(?:burned|burnt|involved|involvement)?\s*(?:of|:|=|is|was)?\s*(?:approximately|approx\.?|about|~|estimated)?\s*~?\s*(\d{1,2}(?:\.\d+)?)\s*%`)

// thirdDegreeShareRe is the share of the body's surface a note says is
// burned to the third degree: "full thickness 12%", "third-degree ~5% TBSA".
var thirdDegreeShareRe = regexp.MustCompile(`(?i)(?:third[- ]degree|3rd[- ]degree|full[- ]thickness)[^.\n%]{0,30}?(\d{1,2}(?:\.\d+)?)\s*%|(\d{1,2}(?:\.\d+)?)\s*%\s*(?:third[- ]degree|3rd[- ]degree|full[- ]thickness)`)

// burnExtent returns the T31.- code of the burned share of the body's
// surface a note gives for its burns (T20–T25, T30), with where it says
// it, or "" when it gives none or the record has its code.
func burnExtent(note string, out []Suggestion) (code string, start, end int) {
	burn := false
	for _, s := range out {
		if strings.HasPrefix(s.Code, "T31") || strings.HasPrefix(s.Code, "T32") {
			return "", 0, 0
		}
		if len(s.Code) > 4 && s.Code[0] == 'T' && s.Code[1] == '2' && s.Code[2] <= '5' && s.Code[4] >= '0' && s.Code[4] <= '3' {
			burn = true
		}
	}
	if !burn {
		return "", 0, 0
	}
	// the total: the share said to be the total, else the largest (a
	// note gives each site's share too: "Right forearm … ~4.5% TBSA",
	// then "Total 22% TBSA")
	var m []int
	pct, total := 0.0, false
	for _, c := range burnSurfaceRe.FindAllStringSubmatchIndex(note, -1) {
		if negatedAt(note, c[0]) || thirdDegreeShareRe.MatchString(note[max(0, c[0]-24):c[1]]) {
			continue
		}
		g := 2
		if c[2] < 0 {
			g = 4
		}
		v, err := strconv.ParseFloat(note[c[g]:c[g+1]], 64)
		if err != nil || v <= 0 {
			continue
		}
		before := strings.ToLower(note[max(0, c[0]-40):c[0]])
		if lead := strings.TrimRight(before, " ~"); note[c[0]] == '<' || strings.HasSuffix(lead, "under") || strings.HasSuffix(lead, "less than") || strings.HasSuffix(lead, "below") {
			v -= 0.01 // "< 10% TBSA", "under 10% TBSA" are under ten
		}
		saysTotal := strings.Contains(before, "total")
		if m == nil || saysTotal && !total || saysTotal == total && v > pct {
			m, pct, total = c, v, saysTotal
		}
	}
	if m == nil {
		return "", 0, 0
	}
	if pct < 10 {
		return "T31.0", m[0], m[1]
	}
	third := 0.0
	if t := thirdDegreeShareRe.FindStringSubmatch(note); t != nil {
		v := t[1] + t[2]
		third, _ = strconv.ParseFloat(v, 64)
	}
	tens, thirdTens := min(int(pct)/10, 9), min(int(third)/10, int(pct)/10, 9)
	return "T31." + strconv.Itoa(tens) + strconv.Itoa(thirdTens), m[0], m[1]
}

// replacedJoint returns the Z96.6- code of the one replaced joint a text
// names, by its side, or "".
func replacedJoint(text string) string {
	var joint string
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(c rune) bool { return c > 127 || !isLetter(byte(c)) }) {
		switch w {
		case "knee", "knees", "tka", "tkr":
			joint += "5"
		case "hip", "hips", "tha", "thr":
			joint += "4"
		case "shoulder", "shoulders", "tsa":
			joint += "1"
		}
	}
	if joint == "" || strings.Trim(joint, joint[:1]) != "" {
		return ""
	}
	side := limbSide(text)
	if joint[:1] == "1" && side == '3' {
		side = '9' // (no code for both shoulders)
	}
	return "Z96.6" + joint[:1] + string(side)
}

// gustiloRe is an open fracture's Gustilo(-Anderson) type: "Gustilo type
// IIIA", "Gustilo-Anderson grade 3B", "Gustilo II".
// typeIIIRe is a Gustilo type III written without the name, with its
// letter: "type IIIA".
var typeIIIRe = regexp.MustCompile(`(?i)\btype\s+(?:III|3)\s*[ABC]\b`)

var gustiloRe = regexp.MustCompile(`(?i)\bgustilo(?:[- ]anderson)?\s*(?:type|grade|classification)?\s*(III|3|II|2|I|1)\s*[ABC]?\b`)

// gustiloType returns the 7th character of an initial encounter for the
// open fracture whose Gustilo type an item gives: C for IIIA–IIIC, B for
// I or II, or 0.
func gustiloType(item string) byte {
	m := gustiloRe.FindStringSubmatch(item)
	if m == nil {
		// ("…fracture of the shaft of the right fibula, type IIIA (same
		// wound)": a type III with its letter is Gustilo's)
		if typeIIIRe.MatchString(item) {
			return 'C'
		}
		return 0
	}
	if m[1] == "3" || strings.EqualFold(m[1], "III") {
		return 'C'
	}
	return 'B'
}

// fractureHealingRe is a fracture's healing named with it, each the 7th
// character of a subsequent encounter for a closed fracture: delayed
// healing (G), nonunion (K), malunion (P).
var fractureHealingRe = guard(`(?i)\b(?:(delayed\s+(?:union|healing))|(non-?union|non-?united)|(mal-?union|mal-?united))\b`, "delayed", "nonunion", "non-union", "nonunited", "non-united", "malunion", "mal-union", "malunited", "mal-united")

// healingOf returns the 7th character of the healing an item names with a
// closed fracture's code ("Malunion of right distal radius fracture
// (Colles)": P; "tibial shaft fracture … with delayed healing": G), or 0;
// a healing the item denies ("I would not call this a nonunion") is
// passed over.
func healingOf(item string, r codeset.Result) byte {
	if r.Code[0] != 'S' || !strings.ContainsAny(r.Code[7:], "ADGKPS") || !strings.Contains(strings.ToLower(r.Title), "fracture") {
		return 0
	}
	for _, m := range fractureHealingRe.FindAllStringSubmatchIndex(item, -1) {
		before := strings.ToLower(item[max(0, m[0]-40):m[0]])
		if strings.Contains(before, "not ") || strings.Contains(before, "no ") || strings.Contains(before, "without") {
			continue
		}
		switch {
		case m[4] >= 0:
			return 'K'
		case m[6] >= 0:
			return 'P'
		}
		return 'G'
	}
	return 0
}

// notNowRe is what says the cigarettes are past or not the patient's
// habit: "quit cigarettes", "rather than cigarettes".
var notNowRe = regexp.MustCompile(`(?i)\b(quit|quitting|stopped|former|formerly|rather than|instead of|no longer|used to smoke|switched from)\b[^.;]{0,12}$`)

// smokesCigarettes reports whether a note says the patient smokes
// cigarettes: an "e-cigarette" or "electronic cigarette" is a vape, and
// "no cigarettes" is not smoking them.
func smokesCigarettes(note string) bool {
	for _, m := range cigarettesRe.FindAllLineIndex(note) {
		before := strings.ToLower(note[max(0, m[0]-11):m[0]])
		n := len(before)
		eCig := n >= 2 && before[n-2] == 'e' && (before[n-1] == '-' || before[n-1] == ' ') && (n == 2 || !isLetter(before[n-3]))
		if eCig || strings.HasSuffix(before, "electronic ") || negatedAt(note, m[0]) || notNowRe.MatchString(note[max(0, m[0]-24):m[0]]) ||
			familyRe.MatchString(sentenceAround(note, m[0])) {
			continue
		}
		return true
	}
	return false
}

// titleWords is codeset.Words(joinHyphens(s)) for the titles and index
// entries a note's lookups compare again and again, remembered (a few
// thousand at most: the table is emptied when it fills). The slice is
// shared: callers only read it.
func titleWords(s string) []string {
	titleMu.Lock()
	ws, ok := titleCache[s]
	titleMu.Unlock()
	if ok {
		return ws
	}
	ws = codeset.Words(joinHyphens(s))
	titleMu.Lock()
	if len(titleCache) >= 8192 {
		clear(titleCache)
	}
	titleCache[s] = ws
	titleMu.Unlock()
	return ws
}

var (
	titleMu    sync.Mutex
	titleCache = map[string][]string{}
)

var (
	// financialRe says a patient could not pay: the reason the Z91.1-
	// "due to financial hardship" codes name.
	financialRe = regexp.MustCompile(`(?i)\b(financial hardship|financial(?:ly)? (?:strain|reasons?|difficult(?:y|ies)|constraints?)|(?:cannot|can't|could not|couldn't|unable to) afford|too expensive|cost of (?:the )?(?:medications?|meds|insulin|copays?)|(?:because of|due to|owing to|d/t)\s+(?:(?:its|the|high|out-of-pocket)\s+)*costs?|no insurance|uninsured|lost (?:his|her|their) insurance)\b`)
	// reasonRe says why a patient did not follow the treatment.
	reasonRe = regexp.MustCompile(`(?i)\b(because|due to|d/t|ran out|forgot|transportation|traveled|travelled|chose|decided|did not want|didn't want|side effects?|personal)\b`)
)

// noncomplianceReason keeps a "due to financial hardship" noncompliance or
// underdosing code (Z91.1-) only when the note says the patient could not
// pay; otherwise the sibling "for other reason" when the note gives
// another reason, or "due to unspecified reason" where there is one.
func noncomplianceReason(out []Suggestion, note string, x *lookups, opt Options) {
	for i, s := range out {
		if strings.HasPrefix(s.Code, "Z91.19") {
			noncomplianceWith(&out[i], note, x, opt)
			continue
		}
		if !strings.HasPrefix(s.Code, "Z91.1") || !strings.Contains(strings.ToLower(s.Title), "financial hardship") {
			continue
		}
		if financialSaid(note) {
			continue
		}
		base := s.Code[:len(s.Code)-1]
		if !reasonRe.MatchString(note) && recode(&out[i], base+"9", "noncompliance: reason unspecified", x, opt) {
			continue
		}
		recode(&out[i], base+"8", "noncompliance: other reason", x, opt)
	}
}

var (
	// postpartumVisitRe is a routine visit after a delivery.
	// laterVisitRe is a visit put off or kept apart from this one.
	laterVisitRe      = regexp.MustCompile(`(?i)\b(?:separate from|at a later date|will be (?:done|performed|completed)|scheduled for|upcoming|next visit|at (?:her |the )?\d{1,2}/\d{1,2}\b)`)
	postpartumVisitRe = regexp.MustCompile(`(?i)\b(?:(?:two|four|six|2|4|6)[- ]week |routine )?postpartum (?:check|visit|exam(?:ination)?|follow[- ]?up)\b`)
	// iudInsertedRe is an intrauterine device put in at this visit.
	iudInsertedRe = regexp.MustCompile(`(?i)\b(?:IUD|intrauterine (?:contraceptive )?device|mirena|kyleena|liletta|skyla|paragard)\b[^.\n]{0,40}?\b(?:was |were )?(?:inserted|placed)\b[^.\n]{0,40}?\btoday\b|\b(?:IUD|intrauterine device) (?:insertion|placement) (?:today|performed|done)\b`)
	// gestationalDiabetesOverRe is a gestational diabetes of a pregnancy
	// that has ended.
	gestationalDiabetesOverRe = regexp.MustCompile(`(?i)\b(?:history of|h/o|prior|previous) gestational diabetes\b|\bgestational diabetes (?:has |had )?resolved\b`)
)

// screeningColonoscopyRe says a colonoscopy was done to screen: "Screening
// colonoscopy", "colonoscopy for colorectal cancer screening".
var screeningColonoscopyRe = regexp.MustCompile(`(?i)\bscreening colonoscopy\b|\bcolonoscopy\b[^.\n]{0,30}\bfor (?:colorectal cancer |colon cancer |crc )?screening\b`)

// bareCancerRe is a malignancy named by no site or kind.
var bareCancerRe = regexp.MustCompile(`(?i)^\W*(?:the\s+|his\s+|her\s+)?(?:cancer|malignancy|malignant neoplasm|carcinoma|tumou?r)\W*$`)

// cancerSurveillanceRe says a visit is the examination after a cancer's
// completed treatment: "follow-up exam after completed treatment", "here
// for routine post-treatment surveillance", "surveillance skin exam".
var cancerSurveillanceRe = regexp.MustCompile(`(?im)^[ \t]*(?:reason for (?:visit|consult(?:ation)?)|chief complaint|cc|visit type|reason)[ \t]*:[ \t]*(?:annual|routine|scheduled|yearly)\s+(?:oncologic\s+|cancer\s+|survivorship\s+)?surveillance\b|^[ \t]*(?:[A-Za-z]+[ \t]+){0,3}survivorship[ \t]+(?:clinic|visit)(?:[ \t]+(?:note|visit|follow-up))?[ \t]*$|(?i:\bfollow[- ]?up exam(?:ination)?s? after (?:completed |completion of )?(?:treatment|therapy)\b|\bpost[- ]?treatment surveillance\b|\bsurveillance (?:after|following) (?:completed |completion of )?(?:treatment|therapy)\b|\bsurveillance (?:visit|exam(?:ination)?|skin exam)\b|\b(?:here|presents?|seen|returns?) for (?:routine |scheduled |annual )?(?:post[- ]?treatment |cancer |oncologic )?surveillance\b)`)

// regimens are the treatments a patient's noncompliance (Z91.1-) can be
// with, by the words that name them, and each one's category.
var regimens = []struct {
	re        *regexp.Regexp
	base      string
	financial string // the last character of its "due to financial hardship" code
}{
	{regexp.MustCompile(`(?i)\b(?:(?:hemo|peritoneal )?dialysis|HD)\b`), "Z91.15", "1"},
	{regexp.MustCompile(`(?i)\b(?:medications?|meds|pills|insulin|inhalers?|antihypertensives?|anticoagulants?|antiretrovirals?|ART|HAART)\b`), "Z91.14", "1"},
	{regexp.MustCompile(`(?i)\b(?:diet|dietary|low[- ]salt|low[- ]sodium)\b`), "Z91.11", "0"},
}

// financialSaid reports whether the note puts a noncompliance down to
// money: financialRe, not denied and not "non-financial".
func financialSaid(note string) bool {
	for _, m := range financialRe.FindAllStringIndex(note, -1) {
		if !negatedAt(note, m[0]) && !strings.HasSuffix(strings.ToLower(note[max(0, m[0]-4):m[0]]), "non-") {
			return true
		}
	}
	return false
}

// noncomplianceWith gives a noncompliance the index found without its
// treatment ("Missed dialysis sessions (noncompliance)": Z91.199, other
// treatment) the code of the treatment its line names — renal dialysis
// (Z91.15-), medication (Z91.14-) or diet (Z91.11-) — with the reason the
// note gives: financial hardship, another reason, or none said where the
// category has that code.
func noncomplianceWith(s *Suggestion, note string, x *lookups, opt Options) {
	line := lineOf(note, s.Start)
	for _, r := range regimens {
		if !r.re.MatchString(line) {
			continue
		}
		if financialSaid(note) && recode(s, r.base+r.financial, "noncompliance: financial hardship", x, opt) {
			return
		}
		if !reasonRe.MatchString(note) && recode(s, r.base+"9", "noncompliance: reason unspecified", x, opt) {
			return
		}
		recode(s, r.base+"8", "noncompliance: other reason", x, opt)
		return
	}
}

// replacedSideRe names the side of a joint already replaced: "R now
// replaced", "s/p left TKA".
var replacedSideRe = regexp.MustCompile(`(?i)\b(?:(r|l|rt|lt|right|left)\b[^.;,()]{0,25}?\b(?:replaced|replacement|tka|tha|tkr|thr|arthroplasty)|(?:s/p|status post)\s+(r|l|rt|lt|right|left)\b)`)

// bilateralArthritis are the primary osteoarthritis codes of both knees and
// both hips, with the right and left codes and artificial-joint statuses.
var bilateralArthritis = map[string][4]string{
	"M17.0": {"M17.11", "M17.12", "Z96.651", "Z96.652"},
	"M16.0": {"M16.11", "M16.12", "Z96.641", "Z96.642"},
}

// replacedSide codes a bilateral osteoarthritis whose line says one side
// has been replaced ("Primary OA both knees (R now replaced)") as the
// arthritis of the other side, with the replaced side's artificial joint
// (M17.12 and Z96.651): a replaced joint has no arthritis left.
func replacedSide(out []Suggestion, note string, x *lookups, opt Options) []Suggestion {
	for i := range out {
		codes, ok := bilateralArthritis[out[i].Code]
		if !ok {
			continue
		}
		line := lineOf(note, out[i].Start)
		m := replacedSideRe.FindStringSubmatch(line)
		if m == nil || containsAny(strings.ToLower(line), "planned", "scheduled", "candidate", "consider", "will ", "awaiting") {
			continue
		}
		side := strings.ToLower(m[1] + m[2])
		other, status := codes[1], codes[2] // the right replaced
		if side[0] == 'l' {
			other, status = codes[0], codes[3]
		}
		s := out[i]
		if !recode(&s, other, "osteoarthritis: the other side replaced", x, opt) {
			continue
		}
		out = addBeside(out, s, status, "artificial joint", x, opt)
		if containsCode(out, other) {
			out[i].Code = "" // the other side is coded already
			continue
		}
		out[i] = s
	}
	return slices.DeleteFunc(out, func(s Suggestion) bool { return s.Code == "" })
}

var (
	// intentionalUnderdosingRe says the patient took less on purpose.
	intentionalUnderdosingRe = regexp.MustCompile(`(?i)\b(?:ration(?:ed|ing)|stretch(?:ed|ing)|skipp(?:ed|ing)|intentional(?:ly)?|chose|decided|stopped taking|self-discontinu\w*|on (?:his|her|their) own|did not want|didn't want|could not afford|couldn't afford|cannot afford|can't afford)\b`)
	// unintentionalUnderdosingRe says the patient meant to take it all.
	unintentionalUnderdosingRe = regexp.MustCompile(`(?i)\b(?:forgot|forgetting|unintentional(?:ly)?|accidentally|misunderst(?:ood|anding)|confused about|mix-?up)\b`)
)

// affirmedIn reports whether re matches the note somewhere it is not
// negated.
func affirmedIn(note string, re *regexp.Regexp) bool {
	for _, m := range re.FindAllStringIndex(note, -1) {
		if !negatedAt(note, m[0]) {
			return true
		}
	}
	return false
}

// drugIntent returns the intent character of a poisoning, adverse effect
// or underdosing code (T36–T50): the 6th character (T38.3X6A), or the
// 5th where the 6th is a placeholder (T42.76XA); 0 for other codes.
// sameDrug reports whether two drug codes (T36–T50) name the same drug,
// whatever their intent: T40.2X1A and T40.2X5A, T43.221A and T43.225A.
func sameDrug(a, b string) bool {
	if a[6] == 'X' || b[6] == 'X' {
		return a[:5] == b[:5] && a[6] == b[6]
	}
	return a[:6] == b[:6]
}

func drugIntent(code string) byte {
	if len(code) != 8 || code[0] != 'T' || code[1] < '3' || code[1] > '5' {
		return 0
	}
	if code[6] == 'X' {
		return code[5]
	}
	return code[6]
}

// underdosedDrugs adds, beside a patient's underdosing (Z91.12-, Z91.13-,
// Z91.14-) that names no drug, the underdosing of each drug the note says
// the patient stopped or is not taking (T36–T50 with 6th character 6,
// Official Guidelines I.C.19.e.5.c): "stopping antihypertensives
// (amlodipine + lisinopril) 3 wks ago because of cost" is T46.1X6A and
// T46.4X6A.
func underdosedDrugs(out []Suggestion, note string, x *lookups, opt Options) []Suggestion {
	i := firstWithPrefix(out, "Z91.12", "Z91.13", "Z91.14")
	if i < 0 || slices.ContainsFunc(out, func(s Suggestion) bool { return drugIntent(s.Code) == '6' }) {
		return out
	}
	at := out[i]
	for _, m := range stoppedDrugRe.FindAllStringIndex(note, -1) {
		if negatedAt(note, m[0]) {
			continue
		}
		// the drugs named after the words, to the clause's end (or an
		// aside's: "(self-discontinued methimazole) = 95 → … thyroid
		// storm"), or
		// before them on a medication line ("lisinopril 40 mg daily -
		// NOT taking x 3 wks")
		end := m[1] + strings.IndexAny(note[m[1]:min(len(note), m[1]+80)]+".", ".;)\n")
		// (not the reason after: "stopped taking it ~6 weeks ago because
		// she did not want to take pills")
		if k := stopReasonRe.FindStringIndex(note[m[1]:end]); k != nil {
			end = m[1] + k[0]
		}
		from := m[0]
		if strings.TrimSpace(note[m[1]:end]) == "" || notTakingRe.MatchString(note[m[0]:m[1]]) {
			from = strings.LastIndexAny(note[:m[0]], "(:;\n") + 1
		}
		out = addDrugUnderdosings(out, note[from:end], at, "underdosing of the drug stopped", x, opt)
	}
	return out
}

// addDrugUnderdosings adds, beside at, the underdosing of each drug the
// drug table holds among the words of text.
func addDrugUnderdosings(out []Suggestion, text string, at Suggestion, rule string, x *lookups, opt Options) []Suggestion {
	for _, w := range strings.FieldsFunc(text, func(c rune) bool { return !isLetter(byte(c)) || c > 127 }) {
		if len(w) < 5 || modifiers[strings.ToLower(w)] {
			continue
		}
		if r, ok := drugTableCode(w, "underdosing of ", '6', x, opt); ok && !containsCode(out, r.Code) {
			out = addBeside(out, at, r.Code, rule, x, opt)
		}
	}
	return out
}

// nonadherentDrugs adds the underdosing of a drug a diagnosis's line
// says the patient did not adhere to ("… in setting of lithium
// nonadherence" is T43.596A; Official Guidelines I.C.19.e.5.c), when no
// underdosing is coded; underdosingIntent then gives its intent.
func nonadherentDrugs(out []Suggestion, note string, x *lookups, opt Options) []Suggestion {
	if !drugNonadherenceRe.may(note) || slices.ContainsFunc(out, func(s Suggestion) bool { return drugIntent(s.Code) == '6' }) {
		return out
	}
	for _, m := range drugNonadherenceRe.FindAllStringSubmatchIndex(note, -1) {
		w := ""
		for g := 1; g <= 2; g++ {
			if m[2*g] >= 0 {
				w = strings.ToLower(note[m[2*g]:m[2*g+1]])
			}
		}
		if w == "" || notDrugWords[w] || negatedAt(note, m[0]) {
			continue
		}
		// (on a line a diagnosis was read from)
		ls, le := strings.LastIndexByte(note[:m[0]], '\n')+1, lineEnd(note, m[0])
		i := slices.IndexFunc(out, func(s Suggestion) bool { return s.Start >= ls && s.Start < le && s.Code[0] != 'Z' })
		if i < 0 {
			continue
		}
		if r, ok := drugTableCode(w, "underdosing of ", '6', x, opt); ok && !containsCode(out, r.Code) {
			at := out[i]
			at.Start, at.End, at.Evidence = m[0], m[1], note[m[0]:m[1]]
			out = addBeside(out, at, r.Code, "underdosing of the drug not adhered to", x, opt)
		}
	}
	return out
}

// nonadherenceItemRe opens a list item that names the patient's
// nonadherence: "5. Medication nonadherence - stopped methimazole on her
// own".
var nonadherenceItemRe = regexp.MustCompile(`(?im)^[ \t]*(?:[-*•#]|\d{1,2}[.)])[ \t]*(?:medication\s+|drug\s+|treatment\s+)?(?:non-?adherence|non-?compliance|non-?adherent|non-?compliant)\b`)

// nonadherenceItemDrugs adds the underdosing of each drug a list item of
// nonadherence says the patient stopped, when no underdosing is coded;
// underdosingIntent then gives its intent.
func nonadherenceItemDrugs(out []Suggestion, note string, x *lookups, opt Options) []Suggestion {
	if slices.ContainsFunc(out, func(s Suggestion) bool { return drugIntent(s.Code) == '6' }) || !containsAny(opt.lower, "adheren", "complian") {
		return out
	}
	for _, m := range nonadherenceItemRe.FindAllStringIndex(note, -1) {
		end := lineEnd(note, m[0])
		k := stoppedDrugRe.FindStringIndex(note[m[1]:end])
		if k == nil || negatedAt(note, m[1]-1) {
			continue
		}
		rest := note[m[1]+k[1] : end]
		if r := stopReasonRe.FindStringIndex(rest); r != nil {
			rest = rest[:r[0]]
		}
		// (the item, without its list mark, is the evidence)
		line := note[m[0]:end]
		ev := strings.TrimRight(strings.TrimLeft(line, " \t-*•#0123456789.)"), " \t")
		start := m[0] + strings.Index(line, ev)
		at := Suggestion{System: codeset.ICD10CM, Confidence: 0.8, Start: start, End: start + len(ev), Evidence: ev, Section: sectionKindNames[secDiagnosis]}
		out = addDrugUnderdosings(out, rest, at, "underdosing of the drug not adhered to", x, opt)
	}
	return out
}

// notDrugWords name what a patient may not adhere to that is no drug.
var notDrugWords = map[string]bool{"medication": true, "medications": true, "dialysis": true, "dietary": true, "treatment": true, "regimen": true,
	"therapy": true, "follow": true, "appointment": true, "appointments": true, "fluid": true, "sodium": true, "salt": true, "visit": true, "visits": true}

// stopReasonRe opens the reason a drug was stopped.
var stopReasonRe = regexp.MustCompile(`(?i)\b(?:because|since|as|due to|after|when|for)\b`)

// stoppedDrugRe is a patient's stopping or going without a drug.
var stoppedDrugRe = regexp.MustCompile(`(?i)\b(?:stopped taking|stopping|stopped|ran out of|run out of|not taking|has not taken|hasn't taken|quit taking|skipping|skipped|self-discontinued|off (?:his|her|all) (?:meds|medications))\b`)

// underdosingIntent adds, beside an underdosing code (T36–T50 with 6th
// character 6), the patient's noncompliance that says its intent, when the
// note gives it (Official Guidelines I.C.19.e.5.c): intentional — because
// of cost (Z91.120) or for another reason (Z91.128) — or unintentional
// (Z91.138).
func underdosingIntent(out []Suggestion, note string, x *lookups, opt Options) []Suggestion {
	i := slices.IndexFunc(out, func(s Suggestion) bool { return drugIntent(s.Code) == '6' })
	if i < 0 || firstWithPrefix(out, "Z91.12", "Z91.13", "Z91.14") >= 0 {
		return out
	}
	code := ""
	switch {
	case financialSaid(note):
		code = "Z91.120"
	case affirmedIn(note, intentionalUnderdosingRe):
		code = "Z91.128"
	case affirmedIn(note, unintentionalUnderdosingRe):
		code = "Z91.138"
	default:
		return out
	}
	return addBeside(out, out[i], code, "underdosing: the patient's intent", x, opt)
}

// embolicRe names an embolism as a stroke's mechanism: "cardioembolic",
// "embolic", "embolus".
var embolicRe = regexp.MustCompile(`(?i)\b(?:cardio)?embol(?:ic|ism|us|i)\b`)

// hemorrhageSites are the places an intracerebral hemorrhage's fifth
// character names (I61.0–I61.5), by the words that say them: the deep
// nuclei are subcortical ("R deep (putaminal) intracerebral
// hemorrhage"), a lobe cortical.
var hemorrhageSites = []struct {
	re   *regexp.Regexp
	code string
}{
	{regexp.MustCompile(`(?i)\b(?:subcortical|deep|putam(?:en|inal)|basal ganglia|thalam(?:ic|us)|internal capsule|caudate|lentiform)\b`), "I61.0"},
	{regexp.MustCompile(`(?i)\b(?:cortical|lobar|(?:frontal|parietal|temporal|occipital)(?: lobe)?)\b`), "I61.1"},
	{regexp.MustCompile(`(?i)\b(?:brain\s?stem|pons|pontine|midbrain|medullary)\b`), "I61.3"},
	{regexp.MustCompile(`(?i)\bcerebell(?:ar|um)\b`), "I61.4"},
}

// hemorrhageSite gives an intracerebral hemorrhage coded without its
// place (I61.9) the one place its sentence names, when it names one and
// denies none ("no IVH"): more than one place, or none, leaves I61.9.
func hemorrhageSite(out []Suggestion, note string, x *lookups, opt Options) {
	i := slices.IndexFunc(out, func(s Suggestion) bool { return s.Code == "I61.9" })
	if i < 0 {
		return
	}
	start := strings.LastIndexAny(note[:out[i].Start], ".\n") + 1
	sentence := sentenceAround(note, out[i].Start)
	code := ""
	for _, h := range hemorrhageSites {
		m := h.re.FindStringIndex(sentence)
		if m == nil || negatedAt(note, start+m[0]) {
			continue
		}
		if code != "" {
			return
		}
		code = h.code
	}
	if code != "" {
		recode(&out[i], code, "intracerebral hemorrhage: its site", x, opt)
	}
}

// strokeMechanism gives a cerebral infarction coded as a thrombosis of a
// cerebral artery (I63.3-) the embolism its line names instead ("Acute
// ischemic stroke, left MCA territory, cardioembolic from atrial
// fibrillation" is I63.412, not I63.312).
func strokeMechanism(out []Suggestion, note string, x *lookups, opt Options) {
	for i, s := range out {
		if !strings.HasPrefix(s.Code, "I63.3") {
			continue
		}
		line := lineOf(note, s.Start)
		if m := embolicRe.FindStringIndex(line); m != nil && !negatedJustBefore.MatchString(line[:m[0]]) {
			recode(&out[i], "I63.4"+s.Code[5:], "stroke: embolic", x, opt)
		}
	}
}

// acuteStrokeDeficits codes a deficit of the stroke being treated by
// itself ("Expressive aphasia due to acute stroke" is R47.01 beside
// I63.-), not as the sequela of an earlier one (I69.320): the I69 codes
// are for deficits that outlast a stroke treated before (Official
// Guidelines I.C.9.d).
func acuteStrokeDeficits(out []Suggestion, x *lookups, opt Options) []Suggestion {
	if firstWithPrefix(out, "I60", "I61", "I62", "I63") < 0 {
		return dysphagiaPhase(out, x, opt)
	}
	// a rehabilitation stay after the stroke's own ("admitted to acute
	// inpatient rehabilitation … to address his residual deficits") codes
	// the deficits as its sequelae, and the stroke, treated before, not
	if firstWithPrefix(out, "I69") >= 0 && rehabStay(opt.note) {
		out = slices.DeleteFunc(out, func(s Suggestion) bool {
			return firstWithPrefix([]Suggestion{s}, "I60", "I61", "I62", "I63") >= 0
		})
		return dysphagiaPhase(out, x, opt)
	}
	var coded []Suggestion
	for i, s := range out {
		if !strings.HasPrefix(s.Code, "I69") {
			continue
		}
		m := causeConnectorRe.FindStringIndex(s.Evidence)
		if m == nil {
			if m = strokeAfterRe.FindStringIndex(s.Evidence); m == nil {
				continue
			}
		}
		deficit := s.Evidence[:m[0]]
		r, ok := x.Code(codeset.ICD10CM, currentDeficit(s.Code), opt.Date)
		if !ok || !r.Billable {
			rs := x.Search(deficit, codeset.SearchOptions{Systems: []codeset.System{codeset.ICD10CM}, Date: opt.Date, Limit: 5, Phrase: 2})
			r, ok = pick(rs, 0.75)
		}
		if ok && !strings.HasPrefix(r.Code, "I69") && fits(r.Code, opt) {
			out[i].Code, out[i].Title, out[i].Rule = r.Code, r.Title, "deficit of the acute stroke"
			out[i].End = out[i].Start + m[0]
			out[i].Evidence = deficit
			coded = append(coded, out[i])
		}
	}
	// the deficit read again without its side ("hemiparesis", G81.90)
	return slices.DeleteFunc(out, func(s Suggestion) bool {
		for _, c := range coded {
			if s.Code != c.Code && sameFamily(s.Code, c.Code) && (moreSpecific(s.Code, s.Title, c.Code, c.Title) || unsided(s.Title) && !unsided(c.Title)) {
				return true
			}
		}
		return false
	})
}

// rehabStay reports whether a note is a rehabilitation facility's own:
// its title names the facility ("INPATIENT REHABILITATION FACILITY -
// ADMISSION HISTORY AND PHYSICAL") and it says the patient was admitted
// there, not discharged to it.
func rehabStay(note string) bool {
	title := strings.TrimSpace(note)
	if i := strings.IndexByte(title, '\n'); i >= 0 {
		title = title[:i]
	}
	return rehabTitleRe.MatchString(title) && rehabAdmittedRe.MatchString(note)
}

var (
	rehabTitleRe    = regexp.MustCompile(`(?i)\b(?:rehabilitation|rehab|IRF)\b`)
	rehabAdmittedRe = regexp.MustCompile(`(?i)\badmitted\s+(?:to|for)\s+(?:the\s+|an?\s+)?(?:acute\s+)?(?:inpatient\s+)?(?:rehab(?:ilitation)?|IRF)\b`)
)

// currentDeficit is the code of a deficit as a current condition, for
// its code as a stroke's sequela: I69.351 (hemiparesis following
// cerebral infarction, right dominant side) is G81.91, I69.320 (aphasia)
// R47.01. The sixth character of a paralysis keeps its side and
// dominance; its "unspecified side" moves from 9 to 0. It returns "" for
// a sequela with no such counterpart.
func currentDeficit(code string) string {
	if len(code) < 6 || !strings.HasPrefix(code, "I69.") {
		return ""
	}
	side := func(prefix string) string {
		if len(code) != 7 {
			return ""
		}
		if code[6] == '9' {
			return prefix + "0"
		}
		return prefix + code[6:]
	}
	switch code[5:] {
	case "20":
		return "R47.01" // aphasia
	case "21":
		return "R47.02" // dysphasia
	case "22":
		return "R47.1" // dysarthria
	case "92":
		return "R29.810" // facial weakness
	}
	switch {
	case strings.HasPrefix(code[5:], "5"):
		return side("G81.9") // hemiplegia and hemiparesis
	case strings.HasPrefix(code[5:], "3"):
		return side("G83.1") // monoplegia of a lower limb
	case strings.HasPrefix(code[5:], "4"):
		return side("G83.2") // monoplegia of an upper limb
	}
	return ""
}

// unsided reports whether a title leaves the side unspecified.
func unsided(title string) bool { return strings.Contains(title, "unspecified side") }

// dysphagiaPhase codes a dysphagia's phase beside its sequela ("use
// additional code"): "Oropharyngeal dysphagia following cerebral
// infarction" (or "as sequela of") is I69.391 and R13.12.
func dysphagiaPhase(out []Suggestion, x *lookups, opt Options) []Suggestion {
	i := slices.IndexFunc(out, func(s Suggestion) bool { return strings.HasPrefix(s.Code, "I69.") && strings.HasSuffix(s.Code, "91") })
	if i < 0 || firstWithPrefix(out, "R13.1") >= 0 {
		return out
	}
	m := strokeAfterRe.FindStringIndex(out[i].Evidence)
	if m == nil {
		m = strokeLateEffectRe.FindStringIndex(out[i].Evidence)
	}
	if m == nil {
		return out
	}
	rs := x.Search(out[i].Evidence[:m[0]], codeset.SearchOptions{Systems: []codeset.System{codeset.ICD10CM}, Date: opt.Date, Limit: 5, Phrase: 2})
	if r, ok := pick(rs, 0.75); ok && strings.HasPrefix(r.Code, "R13.1") && r.Code != "R13.10" {
		out = addBeside(out, out[i], r.Code, "sequela of stroke: the dysphagia's phase", x, opt)
	}
	return out
}

// strokeAfterRe joins a deficit to its stroke: "aphasia following the
// stroke", "weakness after the infarct".
var strokeAfterRe = regexp.MustCompile(`(?i)\s(?:following|after|from)\s`)

// sepsisOfOrganism is the sepsis code of an organism the organisms table
// names by its agent code.
var sepsisOfOrganism = map[string]string{
	"B95.62": "A41.02", // MRSA
	"B95.61": "A41.01", // MSSA, S. aureus
	"B96.20": "A41.51", // E. coli
	"B96.5":  "A41.52", // Pseudomonas
	"B95.3":  "A40.3",  // Streptococcus pneumoniae
	"B96.1":  "A41.59", // Klebsiella pneumoniae
}

// sepsisDueTo codes a sepsis of unspecified organism whose words are
// followed by the organism it is due to ("Sepsis due to Klebsiella
// pneumoniae (bacteremia)": A41.59, which the index reaches only through
// "gram-negative") by the sepsis code of that organism.
func sepsisDueTo(out []Suggestion, note string, x *lookups, opt Options) {
	for i, s := range out {
		if s.Code != "A41.9" {
			continue
		}
		if c := sepsisOfOrganismAfter(note, s.End); c != "" {
			recode(&out[i], c, "sepsis due to its organism", x, opt)
		}
	}
}

// sepsisOfOrganismAfter returns the sepsis code of the organism the words
// after offset end name first, behind a cause's lead ("… due to
// Klebsiella pneumoniae": A41.59), or "".
func sepsisOfOrganismAfter(note string, end int) string {
	rest := note[end:lineEnd(note, end)]
	m := causeLeadRe.FindStringIndex(rest)
	if m == nil {
		return ""
	}
	for _, o := range organisms {
		if c, ok := sepsisOfOrganism[o.code]; ok {
			if k := o.re.FindStringIndex(rest[m[1]:]); k != nil && k[0] == 0 {
				return c
			}
		}
	}
	return ""
}

// sepsisOfShock adds the sepsis a septic shock or severe sepsis (R65.2-)
// presumes when no sepsis code is suggested: the systemic infection is
// coded first, by the organism its line names (A41.02 for "Septic shock
// due to MRSA pneumonia"), else A41.9 (Official Guidelines I.C.1.d.2).
func sepsisOfShock(out []Suggestion, note string, x *lookups, opt Options) []Suggestion {
	i := firstWithPrefix(out, "R65.2")
	if i < 0 {
		return out
	}
	code := "A41.9"
	if line := lineAt(note, out[i].Start); !unconfirmedOrganismRe.MatchString(line) {
		for _, o := range organisms {
			if c, ok := sepsisOfOrganism[o.code]; ok && o.re.MatchString(line) {
				code = c
				break
			}
		}
	}
	// a sepsis of unspecified organism read elsewhere ("AKI -
	// septic/hemodynamic") is the one the shock is put down to right
	// after its words ("Septic shock d/t Klebsiella pneumoniae": A41.59)
	if j := firstWithPrefix(out, "A41.9"); j >= 0 && code != "A41.9" && firstWithPrefix(out, "A40", "A41.0", "A41.1", "A41.2", "A41.3", "A41.4", "A41.5", "A41.8") < 0 {
		if sepsisOfOrganismAfter(note, out[i].End) == code {
			recode(&out[j], code, "sepsis of septic shock", x, opt)
			return out
		}
	}
	if firstWithPrefix(out, "A40", "A41", "A02.1", "A22.7", "A26.7", "A32.7", "A42.7", "A54.86", "B37.7", "O85", "O03.87", "T81.44") >= 0 {
		return out
	}
	return addBeside(out, out[i], code, "sepsis of septic shock", x, opt)
}

// secondaryVarices codes esophageal varices beside a coded cirrhosis or
// portal hypertension as secondary (I85.1-, the index's "Varix,
// esophagus, in cirrhosis of liver"), keeping their bleeding.
func secondaryVarices(out []Suggestion, x *lookups, opt Options) {
	i := firstWithPrefix(out, "I85.0")
	if i < 0 || firstWithPrefix(out, "K70.3", "K70.4", "K74.6", "K76.6", "K74.3", "K74.4", "K74.5") < 0 {
		return
	}
	recode(&out[i], "I85.1"+out[i].Code[5:], "varices in cirrhosis", x, opt)
}

// provokedRe is a seizure with a cause of its own, no epilepsy: "acute
// symptomatic (provoked) generalized seizure due to hyponatremia".
var provokedRe = regexp.MustCompile(`(?i)\b(?:provoked|acute symptomatic|due to|secondary to|induced|in the setting of|from)\b`)

// provokedSeizure codes a seizure the note gives a cause, and calls no
// epilepsy, as a seizure (R56.9), not the epilepsy a "generalized
// seizure" index entry leads to (G40.409).
func provokedSeizure(out []Suggestion, note string, x *lookups, opt Options) {
	for i, s := range out {
		if !strings.HasPrefix(s.Code, "G40") {
			continue
		}
		sentence := sentenceAround(note, s.Start)
		if !containsAny(strings.ToLower(sentence), "epilep") && provokedRe.MatchString(sentence) && !containsCode(out, "R56.9") {
			recode(&out[i], "R56.9", "provoked seizure", x, opt)
		}
	}
}

// atnRe is acute tubular necrosis, the cause of an acute kidney injury
// that N17.0 names.
var atnRe = regexp.MustCompile(`\b(ATN|[Aa]cute tubular necrosis|ischemic tubular injury)\b`)

// tubularNecrosis codes an acute kidney injury the note ascribes to acute
// tubular necrosis as N17.0, not N17.9. "Likely ATN" counts for an
// inpatient (uncertain diagnoses are coded at discharge), not for an
// outpatient.
func tubularNecrosis(out []Suggestion, note string, x *lookups, opt Options) {
	i := firstWithPrefix(out, "N17.9")
	if i < 0 {
		return
	}
	for _, m := range atnRe.FindAllStringIndex(note, -1) {
		s := sentenceAround(note, m[0])
		// ("septic ATN was not diagnosed")
		if negatedAt(note, m[0]) || ruledOutAfter.MatchString(s) || atnDoubtedRe.MatchString(s) || backward.MatchString(note[m[1]:]) || !opt.Inpatient && uncertainRe.MatchString(s) ||
			hedgedATNRe.MatchString(note[m[0]:min(len(note), m[1]+12)]) || hedgedBeforeATNRe.MatchString(note[max(0, m[0]-24):m[0]]) {
			// ("prerenal to early ATN physiology": a course between two
			// kinds, not a diagnosis of necrosis)
			continue
		}
		recode(&out[i], "N17.0", "acute kidney injury with tubular necrosis", x, opt)
		return
	}
}

// complicatedDiverticulitis codes a diverticulitis whose sentence names a
// perforation, an abscess or peritonitis as "with perforation and
// abscess" (the index: Diverticulitis, with abscess, perforation or
// peritonitis): "acute sigmoid diverticulitis complicated by contained
// perforation and a 4 cm pericolic abscess" is K57.20, not K57.32.
func complicatedDiverticulitis(out []Suggestion, note string, x *lookups, opt Options) {
	for i, s := range out {
		c := s.Code
		if len(c) != 6 || !strings.HasPrefix(c, "K57.") || !strings.ContainsRune("1359", rune(c[4])) || (c[5] != '2' && c[5] != '3') {
			continue
		}
		at := max(s.Start, 0)
		sent := sentenceAround(note, at)
		base := strings.LastIndexAny(note[:at], ".\n") + 1 // where sent starts
		for _, m := range complicationWordRe.FindAllStringIndex(sent, -1) {
			if negatedAt(note, base+m[0]) || negatedJustBefore.MatchString(sent[:m[0]]) {
				continue
			}
			// (K57.1-, .3-, .5-, .9- "without perforation or abscess" sit
			// one above their "with" categories; their diverticulitis
			// codes, x2 and x3, two above the "with" codes x0 and x1)
			recode(&out[i], "K57."+string(c[4]-1)+string(c[5]-2), "diverticulitis with perforation or abscess", x, opt)
			break
		}
	}
}

// adhesiveObstruction codes an intestinal obstruction its line puts down
// to adhesions as the adhesions' obstruction (K56.5-), keeping whether
// it is partial or complete: "Partial small bowel obstruction, presumed
// secondary to adhesions" is K56.51, not K56.690.
func adhesiveObstruction(out []Suggestion, note string, x *lookups, opt Options) {
	for i, s := range out {
		if !hasAnyPrefix(s.Code, "K56.60", "K56.69") || len(s.Code) != 7 {
			continue
		}
		line := asciiLower(lineOf(note, s.Start))
		k := strings.Index(line, "adhesi")
		if k < 0 || negatedJustBefore.MatchString(line[:k]) || (!opt.Inpatient && uncertainRe.MatchString(line)) {
			continue
		}
		// (the sixth character: 0 partial, 1 complete, 9 unspecified)
		code := map[byte]string{'0': "K56.51", '1': "K56.52", '9': "K56.50"}[s.Code[6]]
		if code != "" {
			recode(&out[i], code, "obstruction due to adhesions", x, opt)
		}
	}
}

// sickleCellCrisis codes an Hb-SS disease (D57.1, "without crisis") by
// the crisis the note gives it: acute chest syndrome D57.01, a
// vaso-occlusive or pain crisis D57.00 ("22 y/o F with HbSS disease,
// admitted with vaso-occlusive crisis, now with acute chest syndrome").
func sickleCellCrisis(out []Suggestion, note string, x *lookups, opt Options) {
	i := firstWithPrefix(out, "D57.1")
	if i < 0 {
		return
	}
	affirmed := func(re *regexp.Regexp) bool {
		for _, m := range re.FindAllStringIndex(note, -1) {
			// (a "?" question is no diagnosis; a doubt is one only for
			// a stay, coded as if established)
			if !negatedAt(note, m[0]) && !strings.HasSuffix(strings.TrimRight(note[:m[0]], " "), "?") && (opt.Inpatient || !uncertainRe.MatchString(sentenceAround(note, m[0]))) {
				return true
			}
		}
		return false
	}
	switch {
	case affirmed(acuteChestRe):
		recode(&out[i], "D57.01", "sickle-cell disease with acute chest syndrome", x, opt)
	case affirmed(sickleCrisisRe):
		recode(&out[i], "D57.00", "sickle-cell disease with crisis", x, opt)
	}
}

// thyroidStorm codes a thyrotoxicosis of a named kind (E05.00 Graves
// disease, "without thyrotoxic crisis or storm") by the storm the note
// gives it (E05.01): "Thyroid storm (Burch-Wartofsky score 55), due to
// likely Graves disease". The storm's own code of no kind (E05.91) then
// goes.
func thyroidStorm(out []Suggestion, note string, x *lookups, opt Options) []Suggestion {
	i := slices.IndexFunc(out, func(s Suggestion) bool {
		return strings.HasPrefix(s.Code, "E05.") && len(s.Code) == 6 && s.Code[5] == '0' && s.Code != "E05.90"
	})
	if i < 0 || !containsAny(opt.lower, "storm", "thyrotoxic crisis") {
		return out
	}
	for _, m := range thyroidStormRe.FindAllStringIndex(note, -1) {
		if negatedAt(note, m[0]) || strings.HasSuffix(strings.TrimRight(note[:m[0]], " "), "?") || !opt.Inpatient && uncertainRe.MatchString(sentenceAround(note, m[0])) {
			continue
		}
		if recode(&out[i], out[i].Code[:5]+"1", "thyrotoxicosis with storm", x, opt) {
			return slices.DeleteFunc(out, func(s Suggestion) bool { return s.Code == "E05.91" || s.Code == "E05.90" })
		}
		return out
	}
	return out
}

// kidneyAndUreterCalculus codes a stone in the kidney and one in the
// ureter as the one combination the classification has for them, N20.2
// ("Calculus of kidney with calculus of ureter"), not N20.0 and N20.1.
func kidneyAndUreterCalculus(out []Suggestion, x *lookups, opt Options) []Suggestion {
	i, j := slices.IndexFunc(out, func(s Suggestion) bool { return s.Code == "N20.0" }), slices.IndexFunc(out, func(s Suggestion) bool { return s.Code == "N20.1" })
	if i < 0 || j < 0 {
		return out
	}
	if first := min(i, j); recode(&out[first], "N20.2", "calculus of kidney and ureter", x, opt) {
		return slices.Delete(out, max(i, j), max(i, j)+1)
	}
	return out
}

// brainImagingRe names the brain or its imaging; heartWordRe the heart.
var (
	brainImagingRe = regexp.MustCompile(`(?i)\b(?:MRI|CT head|head CT|brain|cerebral|lacunar|cortical|stroke|CVA|MCA|ACA|PCA|white matter)\b`)
	heartWordRe    = regexp.MustCompile(`(?i)\b(?:MI|myocardial|STEMI|NSTEMI|cardiac|heart|ECG|EKG|Q waves?)\b`)
)

// brainOldInfarct leaves out an old myocardial infarction (I25.2) read
// from "Old infarct" in a sentence about the brain ("Old infarct on MRI
// 2023; no new stroke symptoms today"): an old cerebral infarct is no
// heart's.
func brainOldInfarct(out []Suggestion, note string) []Suggestion {
	return slices.DeleteFunc(out, func(s Suggestion) bool {
		if s.Code != "I25.2" || heartWordRe.MatchString(s.Evidence) {
			return false
		}
		sentence := sentenceAround(note, s.Start)
		return brainImagingRe.MatchString(sentence) && !heartWordRe.MatchString(sentence)
	})
}

// fibroidPlaces are the layers of the uterus a leiomyoma's code names.
var fibroidPlaces = []struct {
	re   *regexp.Regexp
	code string
}{
	{regexp.MustCompile(`(?i)\bsubmuc(?:osal|ous)\b`), "D25.0"},
	{regexp.MustCompile(`(?i)\bintramural\b`), "D25.1"},
	{regexp.MustCompile(`(?i)\bsubseros(?:al|ous)\b`), "D25.2"},
}

// fibroidLocations codes a uterine leiomyoma coded without its place
// (D25.9) by the places the note finds fibroids in ("multiple intramural
// and subserosal fibroids": D25.1 and D25.2), each one not denied ("No
// submucosal component").
func fibroidLocations(out []Suggestion, note string, x *lookups, opt Options) []Suggestion {
	i := slices.IndexFunc(out, func(s Suggestion) bool { return s.Code == "D25.9" })
	if i < 0 || !containsAny(opt.lower, "fibroid", "leiomyom", "myoma") {
		return out
	}
	var codes []string
	for _, p := range fibroidPlaces {
		for _, m := range p.re.FindAllStringIndex(note, -1) {
			if !negatedAt(note, m[0]) && containsAny(strings.ToLower(sentenceAround(note, m[0])), "fibroid", "leiomyom", "myoma") {
				codes = append(codes, p.code)
				break
			}
		}
	}
	if len(codes) == 0 {
		return out
	}
	s := out[i]
	if !recode(&out[i], codes[0], "leiomyoma: its place", x, opt) {
		return out
	}
	for _, c := range codes[1:] {
		out = addBeside(out, s, c, "leiomyoma: its place", x, opt)
	}
	return out
}

// recurrentRe says a condition has come back; notRecurrentRe that it has
// not.
var (
	recurrentRe    = regexp.MustCompile(`(?i)\brecurren(?:t|ce)\b`)
	notRecurrentRe = regexp.MustCompile(`(?i)\b(?:non|not|no)[- ]recurren(?:t|ce)\b`)
)

// recodeToTitle gives s the billable code of its category whose title is
// want, when there is one.
func recodeToTitle(s *Suggestion, want, rule string, x *lookups, opt Options) {
	for _, r := range x.Search(want, codeset.SearchOptions{Systems: []codeset.System{codeset.ICD10CM}, Date: opt.Date, Limit: 5}) {
		if r.Billable && r.Title == want && r.Code[:3] == s.Code[:3] {
			recode(s, r.Code, rule, x, opt)
			return
		}
	}
}

// intractableWordRe says a condition is intractable; notIntractableRe
// that it is not.
var (
	intractableWordRe = regexp.MustCompile(`(?i)\bintractable\b`)
	notIntractableRe  = regexp.MustCompile(`(?i)\b(?:non|not)[- ]intractable\b`)
)

// intractableSaid gives a condition coded "not intractable" its
// intractable sibling when its line says so ("Medication overuse
// headache (drug-induced headache), intractable": G44.41, not G44.40).
func intractableSaid(out []Suggestion, note string, x *lookups, opt Options) {
	for i, s := range out {
		// (an epilepsy's intractability is read by its own rule)
		if !strings.Contains(s.Title, "not intractable") || strings.HasPrefix(s.Code, "G40") {
			continue
		}
		ls := strings.LastIndexByte(note[:s.Start], '\n') + 1
		line := note[ls:lineEnd(note, ls)]
		m := intractableWordRe.FindStringIndex(line)
		if m == nil || notIntractableRe.MatchString(line) || negatedAt(note, ls+m[0]) {
			continue
		}
		recodeToTitle(&out[i], strings.Replace(s.Title, "not intractable", "intractable", 1), "intractability said", x, opt)
	}
}

// recurrenceSaid gives a condition coded "not specified as recurrent"
// its recurrent sibling when its line says it came back ("C. diff
// colitis, recurrent (1st recurrence)": A04.71, not A04.72).
func recurrenceSaid(out []Suggestion, note string, x *lookups, opt Options) {
	for i, s := range out {
		if !strings.HasSuffix(s.Title, "not specified as recurrent") {
			continue
		}
		line := lineAt(note, s.Start)
		if !recurrentRe.MatchString(line) || notRecurrentRe.MatchString(line) {
			continue
		}
		recodeToTitle(&out[i], strings.TrimSuffix(s.Title, "not specified as recurrent")+"recurrent", "recurrence said", x, opt)
	}
}

// followUpAfterRe is a visit's reason, a follow-up examination after a
// completed treatment, and the condition treated (group 1).
var followUpAfterRe = regexp.MustCompile(`(?im)^[ \t]*(?:\d+[.)]\s*|[-*•]\s*)?(?:encounter for\s+)?follow[- ]?up\s+(?:exam(?:ination)?|visit)\s+(?:after|following)\s+(?:completed\s+|completion of\s+)?(?:treatment|therapy)\s+(?:for|of)\s+([^,;.\n(]+?)(?:\s+with\b|\s+-|[,;.(\n]|$)`)

// followUpAfterTreatment codes a visit that follows up a condition whose
// treatment is completed as that follow-up (Z09, or Z08 after a cancer's)
// with the condition's personal history beside it (Official Guidelines
// I.C.21.c.8): "Follow-up exam after completed treatment for acute
// pyelonephritis" is Z09 and Z87.440.
func followUpAfterTreatment(out []Suggestion, note string, x *lookups, opt Options) []Suggestion {
	if opt.Inpatient || !containsAny(opt.lower, "completed treatment", "completed therapy", "completion of treatment", "completion of therapy") {
		return out
	}
	m := followUpAfterRe.FindStringSubmatchIndex(note)
	if m == nil || negatedAt(note, m[2]) {
		return out
	}
	cond := note[m[2]:m[3]]
	code := "Z09"
	if cancerWordRe.MatchString(cond) {
		code = "Z08"
	}
	at := Suggestion{System: codeset.ICD10CM, Start: m[0], End: m[1], Evidence: note[m[0]:m[1]], Confidence: 0.8, Section: sectionKindNames[secDiagnosis]}
	out = addBeside(out, at, code, "follow-up after completed treatment", x, opt)
	if h, ok := historyCode(x, "history of "+cond, "history", opt); ok && (h.Code[0] == 'Z') {
		out = addBeside(out, at, h.Code, "follow-up after completed treatment: its history", x, opt)
	}
	return out
}

// aftercareInjuryRe is the injury an aftercare item names after its dash:
// "Aftercare - L displaced intertrochanteric femur fracture s/p ORIF".
var aftercareInjuryRe = regexp.MustCompile(`(?i)^\s*aftercare\s*(?:[-–—:]|for|of|following)\s*([^,;.(]+?\b(?:fracture|fx)\b)`)

// injuryAftercare codes the aftercare of an injury as the injury with the
// seventh character for a subsequent encounter (Official Guidelines
// I.C.19.a: the aftercare Z codes are not used for injuries): "Aftercare -
// L displaced intertrochanteric femur fracture s/p ORIF" is S72.142D,
// not Z51.89.
func injuryAftercare(out []Suggestion, note string, x *lookups, opt Options) {
	for i, s := range out {
		if s.Code != "Z51.89" && s.Code != "Z47.89" && s.Code != "Z09" {
			continue
		}
		ls := s.Start
		m := aftercareInjuryRe.FindStringSubmatchIndex(note[ls:lineEnd(note, ls)])
		if m == nil {
			continue
		}
		q := sides(note[ls+m[2] : ls+m[3]])
		r, ok := pick(x.Search(q, codeset.SearchOptions{Systems: []codeset.System{codeset.ICD10CM}, Date: opt.Date, Limit: 5, Phrase: 2}), 0.6)
		if !ok || r.Code[0] != 'S' || len(r.Code) != 8 {
			continue
		}
		if recode(&out[i], r.Code[:7]+"D", "aftercare of an injury", x, opt) {
			out[i].Start, out[i].End, out[i].Evidence = ls+m[2], ls+m[3], note[ls+m[2]:ls+m[3]]
		}
	}
}

// excludedPairs are codes a note's words often give beside a code whose
// Excludes1 note (or theirs) rules them out, and which of the two the
// documentation means: bipolar disorder with its manic episode is F31.-,
// not mania (F30.-); pre-existing essential hypertension in pregnancy is
// O10.0- alone; croup is J05.0, not acute laryngotracheitis; a newborn's
// hypoglycemia is P70.-; a cracked nipple in lactation O92.1-; septic
// shock R65.21, not shock unspecified; a bilateral sensorineural hearing
// loss H90.3, not the unspecified one; a disc disorder or spondylosis
// with radiculopathy M51.16, not the radiculopathy (M54.1-) beside it.
var excludedPairs = []struct{ keep, drop string }{
	{"F31", "F30"}, {"O10.0", "I10"}, {"J05.0", "J04.2"}, {"P70", "E16.1"}, {"O92.1", "N64.0"},
	{"R65.21", "R57.9"}, {"H90", "H91.9"}, {"M51.1", "M54.1"}, {"M50.1", "M54.1"}, {"M47.2", "M54.1"},
}

// excludedBeside leaves out the second code of each of excludedPairs found
// beside the first, when the loaded tabular's Excludes1 notes say the two
// are not coded together.
func excludedBeside(out []Suggestion, x *lookups) []Suggestion {
	for _, p := range excludedPairs {
		i := firstWithPrefix(out, p.keep)
		if i < 0 {
			continue
		}
		keep := out[i].Code
		out = slices.DeleteFunc(out, func(s Suggestion) bool {
			if !strings.HasPrefix(s.Code, p.drop) {
				return false
			}
			n1, _ := x.Excludes1(keep, s.Code)
			n2, _ := x.Excludes1(s.Code, keep)
			return n1 != "" || n2 != ""
		})
	}
	return out
}

// trimEvidence takes the white space a span was cut with off its ends
// ("Morbid obesity " before "(BMI 42)"), so that what the workbench
// highlights is the words alone.
func trimEvidence(out []Suggestion, note string) {
	for i := range out {
		s := &out[i]
		if s.Start < 0 || s.End > len(note) || s.Start >= s.End || note[s.Start:s.End] != s.Evidence {
			continue
		}
		for s.End > s.Start && isSpace(note[s.End-1]) {
			s.End--
		}
		for s.Start < s.End && isSpace(note[s.Start]) {
			s.Start++
		}
		s.Evidence = note[s.Start:s.End]
	}
}

// otherPancreatitis codes an acute pancreatitis of a cause the
// classification names no code for as "other acute pancreatitis" (K85.8-,
// not the unspecified K85.9-): "Hypertriglyceridemia-induced acute
// pancreatitis", "pancreatitis secondary to hypercalcemia".
func otherPancreatitis(out []Suggestion, note string, x *lookups, opt Options) {
	i := firstWithPrefix(out, "K85.9")
	if i < 0 || !containsAny(opt.lower, "triglycerid", "hypercalc", "htg") {
		return
	}
	for _, m := range otherPancreatitisRe.FindAllStringIndex(note, -1) {
		if !negatedAt(note, m[0]) {
			recode(&out[i], "K85.8"+out[i].Code[5:], "other acute pancreatitis", x, opt)
			return
		}
	}
}

// otherPancreatitisRe is a pancreatitis of a metabolic cause.
var otherPancreatitisRe = regexp.MustCompile(`(?i)\b(?:hypertriglyceridemi[ac]|hypercalcemi[ac]|triglyceride|HTG)[- ](?:induced|related|associated|mediated)?\s*(?:acute\s+)?(?:necrotizing\s+)?pancreatitis\b|\bpancreatitis\s*\(\s*(?:HTG|hypertriglyceridemia|triglyceride|hypercalcemia)[- ](?:induced|related|associated)\s*\)|\bpancreatitis\b[^.;\n]{0,40}?\b(?:due to|secondary to|from|caused by|2/2|d/t)\s+(?:severe\s+|marked\s+)?(?:hypertriglyceridemia|hypercalcemia|(?:elevated|high|very high)\s+triglycerides)\b`)

// asymptomaticHIV leaves out HIV disease (B20) beside the asymptomatic
// infection status (Z21) when B20 was read from "HIV" alone ("1. HIV:
// continue bictegravir …" in a plan below "Asymptomatic HIV infection"):
// Z21 Excludes1 B20, and only an AIDS, an HIV-related condition or
// "disease" said makes it B20.
func asymptomaticHIV(out []Suggestion) []Suggestion {
	if firstWithPrefix(out, "Z21") < 0 || firstWithPrefix(out, "B20") < 0 {
		return out
	}
	return slices.DeleteFunc(out, func(s Suggestion) bool {
		ev := strings.ToLower(s.Evidence)
		return s.Code == "B20" && !containsAny(ev, "aids", "disease", "related") && !(strings.Contains(ev, "symptomatic") && !strings.Contains(ev, "asymptomatic"))
	})
}

var thyroidStormRe = regexp.MustCompile(`(?i)\b(?:thyroid|thyrotoxic)\s+(?:storm|crisis)\b`)

var (
	acuteChestRe   = regexp.MustCompile(`(?i)\bacute chest syndrome\b`)
	sickleCrisisRe = regexp.MustCompile(`(?i)\b(?:vaso-?occlusive|pain(?:ful)?|sickle(?: cell)?)\s+(?:pain\s+)?crisis\b|\bvoc\b`)
)

// prostheticValveRe is a replaced heart valve.
var prostheticValveRe = regexp.MustCompile(`(?i)\b(?:mechanical|prosthetic|bioprosthetic|on-x)\s+(?:aortic\s+|mitral\s+|tricuspid\s+|pulmonic\s+|heart\s+)?valve\b|\b(?:s/p|status post)\s+(?:tavr|tavi|savr|avr|mvr)\b`)

// complicationWordRe names what makes a diverticulitis "with perforation
// and abscess".
var complicationWordRe = regexp.MustCompile(`(?i)\b(?:perforat\w*|abscess\w*|peritonitis)\b`)

// atnDoubtedRe is a sentence that weighs ATN and sets it aside: "ATN was
// considered … but the urine sediment was bland and the rapid recovery
// argues strongly against ATN".
var atnDoubtedRe = regexp.MustCompile(`(?i)\bargu(?:es|ed|ing)\s+(?:strongly\s+)?against\b|\bwas considered\b[^.]{0,120}\bbut\b`)

// sepsisOrganRe is a sepsis said to have acute organ dysfunction.
var sepsisOrganRe = regexp.MustCompile(`(?i)\bsepsis\b[^.;]{0,80}?\b(?:with|causing|and)\s+(?:acute\s+)?(?:end[- ])?organ dysfunction\b`)

// hedgedATNRe and hedgedBeforeATNRe read an ATN mention as a physiology
// or a point on a way, not a diagnosis: "ATN physiology", "prerenal to
// early ATN", "prerenal vs ATN", "Prerenal/ATN".
var (
	hedgedATNRe       = regexp.MustCompile(`(?i)^\S+\s+(?:physiology|picture|pattern|spectrum)\b`)
	hedgedBeforeATNRe = regexp.MustCompile(`(?i)\b(?:to|vs\.?|versus|or)\s+(?:early\s+|evolving\s+|possible\s+)?$|\bpre-?renal\s*/\s*$`)
)

// lobelessLungRe says a lookup speaks of a pneumonia or a lung nodule,
// whose codes name no lobe (guarded: the test runs on every lookup).
var lobelessLungRe = guard(`(?i)pneumon|pulmonary nodule|lung nodule`, "pneumon", "nodule")

// lobePhraseRe is a lung lobe named inside a pneumonia's phrase: "of the
// right upper lobe", "in the RLL", "left lower lobe".
var lobePhraseRe = regexp.MustCompile(`(?i)\s*\b(?:(?:of|in|involving)\s+(?:the\s+)?)?(?:(?:right|left|bilateral)\s+)?(?:(?:upper|middle|lower)\s+lobes?|RLL|RUL|RML|LLL|LUL|lingula)\b`)

// withoutLobe drops the lung lobe from a pneumonia's or a lung nodule's
// phrase, as a lobe is no axis of their codes and its words would only
// weaken the match: "pneumonia of the right upper lobe due to Klebsiella
// pneumoniae" is looked up as "pneumonia due to Klebsiella pneumoniae"
// (J15.0), "LUL 8 mm solid pulmonary nodule" as R91.1.
func withoutLobe(text string) string {
	if !lobelessLungRe.MatchString(text) {
		return text
	}
	return lobePhraseRe.ReplaceAllString(text, "")
}

// lobeWords name a part of the lungs; sideWords say which one.
var (
	lobeWords = map[string]bool{"lobe": true, "lobes": true, "lobar": true, "multilobar": true, "rll": true, "rul": true,
		"rml": true, "lll": true, "lul": true, "lingula": true, "lingular": true, "base": true, "bases": true,
		"basilar": true, "bibasilar": true, "apical": true}
	sideWords = map[string]bool{"right": true, "left": true, "bilateral": true, "upper": true, "lower": true, "middle": true}
)

// lobeOnly reports whether a part of an item names only a place in the
// lungs ("right lower lobe", "RLL").
// neoplasmWordRe names a tumour, whose lobe its code keeps.
var neoplasmWordRe = regexp.MustCompile(`(?i)\b(?:cancer|carcinoma|adenocarcinoma|malignan\w*|neoplasm|tumou?r|mass|nodule|metasta\w*|lymphoma|sarcoma|mets)\b`)

// lobeInRe is a lung lobe named inside a condition's words: "of the
// right lower lobe", "in the left upper lobe".
var lobeInRe = regexp.MustCompile(`(?i)\s+(?:of|in|involving|within) the (?:(?:right|left) )?(?:(?:upper|middle|lower) )?lobes?\b`)

func lobeOnly(part string) bool {
	lobe := false
	for _, w := range strings.Fields(strings.ToLower(part)) {
		w = strings.Trim(w, ".,;:()")
		if !lobeWords[w] && !sideWords[w] {
			return false
		}
		lobe = lobe || lobeWords[w]
	}
	return lobe
}

// noLOCRe denies a loss of consciousness: "without loss of
// consciousness", "no LOC", "denies LOC", "did not lose consciousness".
var noLOCRe = regexp.MustCompile(`(?i)\b(?:without|w/o|no|denies|denied|negative for)\s+(?:any\s+)?(?:loss of consciousness|LOC)\b|\b(?:did|does) not lose consciousness\b|\bLOC\s*[:=]?\s*(?:no|none|denied|negative)\b`)

// locAffirmedRe is a loss of consciousness a note affirms: "+LOC", "LOC
// x 2 min", "with brief loss of consciousness", "lost consciousness".
var locAffirmedRe = regexp.MustCompile(`(?i)(?:\+\s*LOC\b|\bpositive LOC\b|\bLOC\s+(?:for|x|of|~|<|about|approximately|\d)|\b(?:with|w/|had|reports|endorses)\s+(?:a\s+)?(?:brief\s+|momentary\s+|transient\s+)?(?:loss of consciousness|LOC)\b|\blost consciousness\b)`)

// locSaidRe is a loss of consciousness said at all.
var locSaidRe = regexp.MustCompile(`(?i)\b(?:loss of consciousness|LOC|lost consciousness|unconscious|unresponsive|passed out|knocked out)\b`)

// deathSaidRe is a death a note records.
var deathSaidRe = regexp.MustCompile(`(?i)\b(?:died|death|expired|deceased|pronounced)\b`)

// consciousnessStatus gives an intracranial injury's code (S06.-, whose
// 6th character is the loss of consciousness) the status its item and
// sentence state: none (0) when they deny one, unknown (A) when they say
// nothing of it; and no death before regaining consciousness (7, 8) that
// the note does not record — the search ranks the siblings alike
// ("Traumatic subdural hematoma, no loss of consciousness" had been
// S06.5X7A).
func consciousnessStatus(out []Suggestion, note string, x *lookups, opt Options) {
	for i, s := range out {
		if !strings.HasPrefix(s.Code, "S06") || len(s.Code) != 8 || !strings.Contains(strings.ToLower(s.Title), "consciousness") {
			continue
		}
		ctx := lineOf(note, s.Start) + " " + sentenceAround(note, s.Start)
		var want byte
		switch {
		case noLOCRe.MatchString(ctx):
			want = '0'
		case !locSaidRe.MatchString(ctx) && noLOCRe.MatchString(note) && !locAffirmedRe.MatchString(note):
			// (the item silent, the note's story denies one: "he did
			// NOT lose consciousness", "… subdural hemorrhage, no LOC")
			want = '0'
		case !locSaidRe.MatchString(ctx):
			want = 'A'
		case (s.Code[6] == '7' || s.Code[6] == '8') && !deathSaidRe.MatchString(note):
			want = '9'
		default:
			continue
		}
		if s.Code[6] != want {
			recode(&out[i], s.Code[:6]+string(want)+s.Code[7:], "loss of consciousness as stated", x, opt)
		}
	}
}

// briefLOCRe is a loss of consciousness the note says lasted 30 minutes or
// less: "brief", "momentary", "about 1 minute", "<30 min", "a few seconds".
var briefLOCRe = regexp.MustCompile(`(?i)\b(brief|momentary|transient|few seconds|(?:<|less than|under)\s*30\s*min\w*|30 minutes or less|(?:about|approximately|~|<|less than)?\s*(?:[1-9]|[12][0-9]|30|one|two|three|five|ten)\s*(?:sec\w*|s\b|min\w*))`)

// consciousnessLost gives a head injury coded with a loss of
// consciousness of unspecified duration (S06.-X9-, 6th character 9) the
// duration the note states, when that is 30 minutes or less (6th
// character 1), reading the suggestion's evidence and its sentence.
func consciousnessLost(out []Suggestion, note string, x *lookups, opt Options) {
	for i, s := range out {
		if !strings.HasPrefix(s.Code, "S06") || len(s.Code) != 8 || s.Code[6] != '9' ||
			!strings.Contains(strings.ToLower(s.Title), "loss of consciousness of unspecified duration") {
			continue
		}
		ctx := s.Evidence + " " + sentenceAround(note, s.Start)
		lower := strings.ToLower(ctx)
		k := strings.Index(lower, "consciousness")
		if k < 0 {
			k = strings.Index(lower, "loc")
		}
		if k < 0 {
			continue
		}
		if briefLOCRe.MatchString(ctx[k:min(len(ctx), k+60)]) || briefLOCRe.MatchString(ctx[max(0, k-30):k]) {
			recode(&out[i], s.Code[:6]+"1"+s.Code[7:], "loss of consciousness of 30 minutes or less", x, opt)
		}
	}
}
