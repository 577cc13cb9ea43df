package cac

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/chartroom/chartroom/codeset"
)

// pregnancyCompanions are conditions that, in a pregnant patient, are
// coded with the chapter-15 code of a condition complicating pregnancy
// (Official Guidelines I.C.15.a.1: chapter 15 codes have sequencing
// priority; "use additional code to identify the condition").
var pregnancyCompanions = []struct {
	prefixes    []string
	code        string // without its trimester digit, unless byTrimester is false
	byTrimester bool
}{
	{[]string{"D50", "D51", "D52", "D53", "D55", "D56", "D57", "D58", "D59", "D60", "D61", "D62", "D63", "D64"}, "O99.01", true},
	{[]string{"E66"}, "O99.21", true},
	{[]string{"E03", "E05", "E06", "E07"}, "O99.28", true},
	{[]string{"F17"}, "O99.33", true},
	{[]string{"F10"}, "O99.31", true},
	{[]string{"F11", "F12", "F13", "F14", "F15", "F16", "F18", "F19"}, "O99.32", true},
	{[]string{"B15", "B16", "B17", "B18", "B19"}, "O98.41", true}, // viral hepatitis
	{[]string{"F32", "F33", "F41", "F43"}, "O99.34", true},
	{[]string{"J45"}, "O99.51", true},
	{[]string{"U07.1"}, "O98.51", true},    // COVID-19 (Guidelines I.C.1.g.1.c: O98.5- with U07.1)
	{[]string{"Z22.33"}, "O99.820", false}, // in pregnancy; childbirthCodes gives O99.824
}

// companionOf returns the chapter-15 code a condition is coded beside in a
// pregnancy, with the trimester digit tri where the subcategory has one.
func companionOf(code string, tri byte) (string, bool) {
	for _, c := range pregnancyCompanions {
		for _, p := range c.prefixes {
			if strings.HasPrefix(code, p) {
				if c.byTrimester {
					return c.code + string(tri), true
				}
				return c.code, true
			}
		}
	}
	return "", false
}

// pregnancyCompanion reports whether code is a condition pregnancyCodes
// codes beside its chapter-15 code.
func pregnancyCompanion(code string) bool {
	_, ok := companionOf(code, '9')
	return ok
}

// complicatingPregnancyRe is what a condition complicating a pregnancy is
// written with: "complicating pregnancy, second trimester", "in pregnancy".
var complicatingPregnancyRe = guard(`(?i)\s+(?:complicating|in|during|of)\s+(?:the\s+|this\s+)?pregnancy\b.*$`, "pregnancy")

// obesityClassRe is the class of an obesity: "class 1", "class III".
var obesityClassRe = regexp.MustCompile(`(?i)\bclass\s+(1|2|3|iii|ii|i)\b`)

// obesityClassCode returns the E66.81- code of the obesity class a text
// states, or "".
func obesityClassCode(text string) string {
	m := obesityClassRe.FindStringSubmatch(text)
	if m == nil {
		return ""
	}
	return "E66.81" + map[string]string{"1": "1", "i": "1", "2": "2", "ii": "2", "3": "3", "iii": "3"}[strings.ToLower(m[1])]
}

// priorCesareanRe is a cesarean delivery before this pregnancy.
var priorCesareanRe = regexp.MustCompile(`(?i)\b(?:prior|previous|history of|h/o|s/p|one|two|\d) (?:low transverse |classical |primary )?(?:cesarean|c-section|c/s|LTCS)s?\b|\b(?:trial of labor after cesarean|TOLAC|VBAC|repeat cesarean)\b`)

// trimester reads the trimester from the weeks of gestation the note gives
// ('1', '2', '3'), or '9' when it gives none.
func trimester(opt Options) byte {
	w, ok := gestationWeeks(opt)
	switch {
	case !ok:
		return '9'
	case w < 14:
		return '1'
	case w < 28:
		return '2'
	}
	return '3'
}

// gestationWeeks returns the completed weeks of gestation the note gives,
// and whether it gives them.
func gestationWeeks(opt Options) (int, bool) {
	code, _, _ := opt.gestation()
	if code == "" {
		return 0, false
	}
	w, err := strconv.Atoi(strings.TrimPrefix(code, "Z3A."))
	return w, err == nil
}

// pregnant reports whether the suggestions code a pregnancy.
func pregnant(out []Suggestion) bool {
	for _, s := range out {
		if s.Code[0] == 'O' || strings.HasPrefix(s.Code, "Z3A") || strings.HasPrefix(s.Code, "Z34") {
			return true
		}
	}
	return false
}

// prenatalNote reports whether a note is a pregnant woman's though no
// obstetric code was found: it gives weeks of gestation and says the
// pregnancy ("OB return visit … G1P0, GA 24w0d"; "IUP 24w0d").
func prenatalNote(opt Options) bool {
	if opt.Age < 10 || opt.Age > 55 || !containsAny(opt.lower, "iup", "pregnan", "prenatal", "antepartum", "gravid", "g1p", "g2p", "g3p", "g4p", "g5p") {
		return false
	}
	code, i, _ := opt.gestation()
	return code != "" && !negatedAt(opt.note, i) && affirmedIn(opt.note, pregnancyWordRe) // ("Not pregnant (LMP 2 weeks ago)")
}

// gravidaRe is how many pregnancies a note counts, this one among them:
// "G2P1001", "gravida 3", "primigravida", "2nd pregnancy".
var gravidaRe = regexp.MustCompile(`(?i)\bG([1-9])\s*P\d|\bgravida\s*([1-9])\b|\b(primigravida|primigravid|multigravida|multigravid)\b|\b([1-9])(?:st|nd|rd|th)\s+pregnancy\b|\b(first|second|third|fourth)\s+pregnancy\b`)

// gravida returns the pregnancies a note counts (2 for any later one
// only called so), or 0 when it does not say.
func gravida(note string) int {
	m := gravidaRe.FindStringSubmatch(note)
	if m == nil {
		return 0
	}
	for _, g := range []string{m[1], m[2], m[4]} {
		if g != "" {
			return int(g[0] - '0')
		}
	}
	switch w := strings.ToLower(m[3] + m[5]); {
	case strings.HasPrefix(w, "primi"), w == "first":
		return 1
	}
	return 2
}

var pregnancyWordRe = regexp.MustCompile(`(?i)\b(?:IUP|pregnan(?:t|cy)|prenatal|antepartum|gravid\w*|G[1-9]\s*P[0-9])`)

// pregnancyCodes adds, for a pregnant patient, the chapter-15 codes of the
// conditions that complicate the pregnancy, with the trimester, and
// maternal care for the scar of a previous cesarean.
func pregnancyCodes(out []Suggestion, x *lookups, opt Options) []Suggestion {
	// (a postpartum visit, Z39.-, is after the pregnancy: its "6w2d"
	// are weeks since the delivery)
	if opt.Sex == 'M' || !pregnant(out) && !prenatalNote(opt) || firstWithPrefix(out, "Z39") >= 0 {
		return out
	}
	tri := trimester(opt)
	add := func(code string, from Suggestion, rule string) { out = addBeside(out, from, code, rule, x, opt) }
	// an obstetric code of unspecified trimester takes the trimester the
	// weeks of gestation give
	if tri != '9' {
		for i, s := range out {
			// (the unspecified trimester is …9, or …0 where the
			// subcategory numbers trimesters 1–3: O99.210)
			// (and the supervision of a normal pregnancy: Z34.00)
			if last := s.Code[len(s.Code)-1]; s.Code[0] != 'O' && !strings.HasPrefix(s.Code, "Z34") || !strings.Contains(strings.ToLower(s.Title), "unspecified trimester") || last != '9' && last != '0' {
				continue
			}
			code := s.Code[:len(s.Code)-1] + string(tri)
			if r, ok := x.Code(codeset.ICD10CM, code, opt.Date); ok && r.Billable && strings.Contains(strings.ToLower(r.Title), "trimester") {
				out[i].Code, out[i].Title = code, r.Title
			}
		}
	}
	// the supervision of a normal first pregnancy is Z34.0-, of a later
	// one Z34.8- ("G2P1001"), whatever the search found for the words
	if g := gravida(opt.note); g > 0 {
		want := byte('0')
		if g > 1 {
			want = '8'
		}
		for i, s := range out {
			if !strings.HasPrefix(s.Code, "Z34.") || len(s.Code) != 6 || s.Code[4] == want {
				continue
			}
			if r, ok := x.Code(codeset.ICD10CM, s.Code[:4]+string(want)+s.Code[5:], opt.Date); ok && r.Billable {
				out[i].Code, out[i].Title = r.Code, r.Title
			}
		}
	}
	// …and one the search gave the childbirth's or the puerperium's
	// stage at an antepartum visit ("PRE-EXISTING HYPERTENSIVE CHRONIC
	// KIDNEY DISEASE complicating pregnancy" at 22 weeks is O10.212, not
	// O10.22): childbirthCodes gives a delivery's stage where the note
	// codes one
	if tri != '9' && !containsCodePrefix(out, "Z37") && postpartumRe.FindStringIndex(opt.note) == nil {
		name := map[byte]string{'1': "first trimester", '2': "second trimester", '3': "third trimester"}[tri]
		for i, s := range out {
			t := strings.ToLower(s.Title)
			if s.Code[0] != 'O' {
				continue
			}
			var want string
			for _, st := range [][2]string{{" complicating childbirth", " complicating pregnancy, "}, {" in childbirth", " in pregnancy, "}, {" complicating the puerperium", " complicating pregnancy, "}, {" in the puerperium", " in pregnancy, "}} {
				if strings.HasSuffix(t, st[0]) {
					want = strings.TrimSuffix(t, st[0]) + st[1] + name
					break
				}
			}
			if want == "" {
				continue
			}
			for _, c := range x.Search(want, codeset.SearchOptions{Systems: []codeset.System{codeset.ICD10CM}, Date: opt.Date, Limit: 5, Phrase: 2}) {
				if c.Billable && strings.ToLower(c.Title) == want && c.Code[:3] == s.Code[:3] {
					out[i].Code, out[i].Title = c.Code, c.Title
					break
				}
			}
		}
	}
	// …and one the search gave another trimester than the weeks' (the
	// index's "decreased fetal movement" went to the second trimester's
	// O36.8120 at 36 weeks)
	if tri != '9' {
		name := map[byte]string{'1': "first trimester", '2': "second trimester", '3': "third trimester"}[tri]
		for i, s := range out {
			t := strings.ToLower(s.Title)
			if s.Code[0] != 'O' || strings.Contains(t, name) {
				continue
			}
			for _, other := range []string{"first trimester", "second trimester", "third trimester"} {
				if !strings.Contains(t, other) {
					continue
				}
				want := strings.Replace(t, other, name, 1)
				for _, c := range x.Search(want, codeset.SearchOptions{Systems: []codeset.System{codeset.ICD10CM}, Date: opt.Date, Limit: 5, Phrase: 2}) {
					if c.Billable && strings.ToLower(c.Title) == want && c.Code[:3] == s.Code[:3] {
						out[i].Code, out[i].Title = c.Code, c.Title
						break
					}
				}
				break
			}
		}
	}
	for _, s := range out {
		if code, ok := companionOf(s.Code, tri); ok {
			add(code, s, "condition complicating pregnancy")
		}
	}
	// an ectopic pregnancy's complications are the chapter's O08.-, not
	// a pregnancy's: its hemorrhage is O08.1 (R58 "intra-abdominal
	// hemorrhage" from a ruptured tube, K66.1 its hemoperitoneum), its
	// anemia no O99.01-
	if firstWithPrefix(out, "O00") >= 0 {
		for i, s := range out {
			if s.Code == "R58" || s.Code == "K66.1" {
				recode(&out[i], "O08.1", "hemorrhage following ectopic pregnancy", x, opt)
			}
		}
		out = slices.DeleteFunc(out, func(s Suggestion) bool { return strings.HasPrefix(s.Code, "O99.01") })
	}
	// a urinary infection in pregnancy is the chapter's own (O23.-), not
	// the nonpregnant woman's (N30.-, N39.0 …): "Acute cystitis" at 10
	// weeks is O23.11 (after a delivery it is the puerperium's, O86.2-)
	if firstWithPrefix(out, "O80", "O82", "Z37", "O86") < 0 {
		for i, s := range out {
			if code := pregnancyUrinaryInfection(s.Code); code != "" {
				recode(&out[i], code+string(tri), "infection of the urinary tract in pregnancy", x, opt)
			}
		}
	}
	// a group B streptococcus carrier in pregnancy is O99.82- alone: its
	// Excludes1 takes the nonpregnant woman's carrier state (Z22.330)
	if containsCodePrefix(out, "O99.82") {
		out = slices.DeleteFunc(out, func(s Suggestion) bool { return s.Code == "Z22.330" })
	}
	// …and the other way: obesity complicating pregnancy names its type
	// with an E66 code beside it ("use additional code"), the class its
	// line states, else E66.9
	for _, s := range out {
		if !strings.HasPrefix(s.Code, "O99.21") || containsCodePrefix(out, "E66") {
			continue
		}
		code := obesityClassCode(lineAt(opt.note, s.Start))
		if code == "" {
			code = "E66.9"
		}
		add(code, s, "obesity complicating pregnancy")
		break
	}
	if m := priorCesareanRe.FindStringIndex(opt.note); m != nil && !negatedAt(opt.note, m[0]) {
		code := "O34.219"
		if strings.Contains(strings.ToLower(opt.note[m[0]:m[1]]), "transverse") || strings.Contains(opt.note[m[0]:m[1]], "LTCS") ||
			strings.Contains(opt.lower, "low transverse") {
			code = "O34.211"
		}
		add(code, Suggestion{System: codeset.ICD10CM, Start: m[0], End: m[1], Evidence: opt.note[m[0]:m[1]], Confidence: 0.8, Section: "other"}, "previous cesarean")
	}
	return out
}

// pregnancyUrinaryInfection returns the O23 subcategory, without its
// trimester digit, of a urinary infection coded for a nonpregnant
// patient, or "".
func pregnancyUrinaryInfection(code string) string {
	switch {
	case strings.HasPrefix(code, "N10"), strings.HasPrefix(code, "N11"), strings.HasPrefix(code, "N12"):
		return "O23.0" // kidney
	case strings.HasPrefix(code, "N30"):
		return "O23.1" // bladder
	case strings.HasPrefix(code, "N34"):
		return "O23.2" // urethra
	case code == "N39.0":
		return "O23.4" // urinary tract, unspecified
	}
	return ""
}

// highRiskReasons are the reasons a prenatal visit supervises a high-risk
// pregnancy (O09.-), by the words a note gives them; the code lacks its
// trimester digit. An elderly gravida's code is by gravidity (primi- or
// multigravida).
var highRiskReasons = []struct {
	re   *regexp.Regexp
	code string
}{
	{regexp.MustCompile(`(?i)\b(?:AMA|advanced maternal age|elderly (?:multi|primi)gravida)\b`), "O09.5"},
	{regexp.MustCompile(`(?i)\b(?:h/o|hx of|history of|prior|previous)\s+(?:\w+\s+){0,3}?(?:pre-?eclampsia|HELLP|gestational hypertension|placental abruption|abruption|stillbirth|IUFD)\b`), "O09.29"},
	{regexp.MustCompile(`(?i)\b(?:h/o|hx of|history of|prior|previous)\s+(?:\w+\s+){0,3}?(?:preterm (?:labor|delivery|birth)|PTL|PTD)\b`), "O09.21"},
}

// highRiskSupervision codes the supervision of a high-risk pregnancy
// (O09.-) at a prenatal visit, for the reasons the note gives
// ("supervision of high-risk pregnancy d/t elderly multigravida and prior
// obstetric history of preeclampsia": O09.522, O09.292), with the trimester
// of its weeks; the codes are for the prenatal period, not a delivery
// stay.
func highRiskSupervision(out []Suggestion, x *lookups, opt Options) []Suggestion {
	if opt.Inpatient || opt.Sex == 'M' || !prenatalNote(opt) || firstWithPrefix(out, "O80", "Z37", "O00", "O01", "O02", "O03", "Z39") >= 0 {
		return out
	}
	tri := trimester(opt)
	if tri == '9' {
		return out
	}
	for _, r := range highRiskReasons {
		m := r.re.FindStringIndex(opt.note)
		// (a relative's: "Family history of preeclampsia in sister",
		// "Sister's history of preeclampsia")
		if m == nil || negatedAt(opt.note, m[0]) || familyRe.MatchString(sentenceAround(opt.note, m[0])) || strings.HasSuffix(strings.TrimSpace(opt.note[max(0, m[0]-3):m[0]]), "'s") {
			continue
		}
		code := r.code
		if code == "O09.5" {
			code = "O09.52" // multigravida, unless the note says her first
			if gravida(opt.note) == 1 {
				code = "O09.51"
			}
		}
		code += string(tri)
		if containsCodePrefix(out, code[:6]) {
			continue
		}
		if e, ok := x.Code(codeset.ICD10CM, code, opt.Date); ok && e.Billable {
			out = append(out, Suggestion{System: codeset.ICD10CM, Code: code, Title: e.Title, Confidence: 0.8, Start: m[0], End: m[1],
				Evidence: opt.note[m[0]:m[1]], Section: sectionKindNames[secOther], Rule: "supervision of high-risk pregnancy"})
		}
	}
	// the supervision of a high-risk pregnancy "unspecified" (O09.9-)
	// gives way to the reasons coded
	if slices.ContainsFunc(out, func(s Suggestion) bool {
		return strings.HasPrefix(s.Code, "O09.") && !strings.HasPrefix(s.Code, "O09.9")
	}) {
		out = slices.DeleteFunc(out, func(s Suggestion) bool { return strings.HasPrefix(s.Code, "O09.9") })
	}
	return out
}

// preexistingDiabetesType adds the diabetes a pre-existing diabetes in
// pregnancy names (O24.0- type 1, O24.1- type 2), whose tabular entries
// ask for it ("use additional code from category E11 to further identify
// any manifestations"): E10.9 or E11.9 when no code of the category was
// found.
func preexistingDiabetesType(out []Suggestion, x *lookups, opt Options) []Suggestion {
	for _, t := range []struct{ preg, cat, code string }{{"O24.0", "E10", "E10.9"}, {"O24.1", "E11", "E11.9"}} {
		if i := firstWithPrefix(out, t.preg); i >= 0 && firstWithPrefix(out, t.cat) < 0 {
			out = addBeside(out, out[i], t.code, "pre-existing diabetes in pregnancy: its type", x, opt)
		}
	}
	return out
}

// falseLaborWeeks gives false labor (O47.9) the weeks of gestation the
// note states: before 37 completed weeks, by trimester (O47.0-); at or
// after them, O47.1.
func falseLaborWeeks(out []Suggestion, x *lookups, opt Options) {
	i := firstWithPrefix(out, "O47.9")
	if i < 0 {
		return
	}
	w, ok := gestationWeeks(opt)
	switch {
	case !ok:
	case w >= 37:
		recode(&out[i], "O47.1", "false labor: its weeks", x, opt)
	default:
		tri := trimester(opt)
		if tri == '1' {
			tri = '0'
		}
		recode(&out[i], "O47.0"+string(tri), "false labor: its weeks", x, opt)
	}
}

// contraceptionStarts are what a contraceptive management encounter
// (Z30.9) is when its line says the method and that it starts or goes on.
var contraceptionStarts = []struct {
	re   *regexp.Regexp
	code string
}{
	{regexp.MustCompile(`(?i)\b(?:start|initiat|begin|new|prescrib)\w*\b[^.;]{0,40}\b(?:pills?|OCPs?|POPs?|oral contraceptives?|mini-?pill)\b`), "Z30.011"},
	{regexp.MustCompile(`(?i)\b(?:start|initiat|begin|first|prescrib)\w*\b[^.;]{0,40}\b(?:DMPA|depo-?provera|injectable|medroxyprogesterone)\b`), "Z30.013"},
	{regexp.MustCompile(`(?i)\b(?:continu|refill|renew)\w*\b[^.;]{0,30}\b(?:pills?|OCPs?|POPs?|oral contraceptives?)\b`), "Z30.41"},
}

// contraceptionKind gives a contraceptive management encounter (Z30.9)
// the code of what its line does: "Contraception: initiating
// progestin-only pill" is the initial prescription of pills (Z30.011).
// A line that only says the method the patient is on ("Contraception: on
// levonorgestrel IUD") is no contraceptive management.
func contraceptionKind(out []Suggestion, note string, x *lookups, opt Options) []Suggestion {
	for i, s := range out {
		if s.Code != "Z30.9" {
			continue
		}
		line := lineAt(note, s.Start)
		for _, c := range contraceptionStarts {
			if c.re.MatchString(line) {
				recode(&out[i], c.code, "contraceptive management: its kind", x, opt)
				break
			}
		}
	}
	return slices.DeleteFunc(out, func(s Suggestion) bool {
		return s.Code == "Z30.9" && contraceptionOnRe.MatchString(lineAt(note, s.Start))
	})
}

// contraceptionOnRe is a line that gives the method in use.
var contraceptionOnRe = regexp.MustCompile(`(?i)\bcontraception\s*(?::|-)\s*(?:currently\s+)?(?:on|uses|using|has|with)\b`)

// gestationalDiabetesControl gives gestational diabetes (O24.4-) the
// control the note states: diet (…0), insulin (…4), oral hypoglycemic
// drugs (…5); unspecified (…9) otherwise.
func gestationalDiabetesControl(out []Suggestion, x *lookups, opt Options) []Suggestion {
	for i, s := range out {
		if !strings.HasPrefix(s.Code, "O24.4") || len(s.Code) != 7 {
			continue
		}
		// the diagnosis's own words first, then what the note says of
		// diet (a note that mentions insulin may say it is not needed)
		item := strings.ToLower(s.Evidence + " " + sentenceAround(opt.note, s.Start))
		diet := func(l string) bool {
			return containsAny(l, "diet-controlled", "diet controlled", "diet alone", "controlled by diet", "a1gdm", "gdma1", "gdm a1", "class a1",
				"nutrition therapy", "diet only", "diet-managed", "diet managed", "managed with diet", "diet and exercise")
		}
		last := byte(0)
		switch {
		case diet(item):
			last = '0'
		case strings.Contains(item, "insulin") && !negatedJustBefore.MatchString(item[:strings.Index(item, "insulin")]):
			last = '4'
		case containsAny(item, "metformin", "glyburide", "oral hypoglycemic", "oral agent"):
			last = '5'
		case diet(opt.lower):
			last = '0'
		default:
			continue
		}
		code := s.Code[:6] + string(last)
		recode(&out[i], code, "gestational diabetes control", x, opt)
	}
	return out
}

// deliveredRe is a delivery the note reports: "spontaneous vaginal
// delivery of a single live-born female infant", "infant delivered from
// vertex", "NSVD", "Spontaneous vaginal delivery after induction of
// labor", "delivered this admission", a record's "Delivery: Primary low
// transverse cesarean".
var deliveredRe = regexp.MustCompile(`(?i)\b(?:NSVD|SVD|(?:spontaneous |normal |operative |assisted )?vaginal delivery of|(?:spontaneous|normal|operative|assisted|uncomplicated|induced) vaginal delivery|delivered (?:this|during this|during the) (?:admission|hospitalization|stay)|(?:cesarean|c-section) delivery of|(?:infant|baby|neonate|twins?|male|female|boy|girl)s? (?:was |were )?delivered|delivered (?:a |an |the )?(?:single |singleton |healthy |viable |live[- ]?born |liveborn )*(?:male |female )?(?:infant|baby|neonate|twins?|boy|girl)|delivery:\s*(?:primary |repeat |scheduled |urgent |emergent |stat )*(?:low transverse |classical |low vertical )?(?:cesarean|c-section|nsvd|svd|(?:spontaneous |operative |assisted |vacuum[- ]assisted |forceps[- ]assisted )?vaginal)|procedure:\s*(?:primary |repeat |scheduled |urgent |emergent |stat )*(?:low transverse |classical |low vertical )?(?:cesarean section|c-section)|live[- ]?born (?:male |female )?(?:infant|baby|neonate)[^.\n]{0,60}\bdelivered)\b`)

// livebornOutcomeRe is the outcome a mother's delivery record states
// without a verb of delivering: "IUP 37w1d - single liveborn male",
// "Preeclampsia with severe features, delivered".
var livebornOutcomeRe = regexp.MustCompile(`(?i)\b(?:single |singleton )?live[- ]?born (?:male|female|infant|baby|neonate|boy|girl)\b|,\s*delivered\b`)

// deliveryOutcome adds the outcome of delivery (Z37) a delivery record
// carries, twins when the note says so, and O80 for a vaginal delivery
// without any complication coded.
func deliveryOutcome(out []Suggestion, x *lookups, opt Options) []Suggestion {
	// a delivery is an inpatient stay's; a clinic note's deliveries are
	// earlier pregnancies'
	// (nor a newborn's birth record, whose age of 0 is no age not given:
	// "NEWBORN NURSERY … born by NSVD")
	if !opt.Inpatient || opt.Sex == 'M' || (opt.Age > 0 && opt.Age < 10) || containsCodePrefix(out, "Z37") || !containsAny(opt.lower, "deliver", "nsvd", "svd") ||
		opt.Age == 0 && newbornRe.MatchString(opt.note[:min(len(opt.note), 400)]) {
		return out
	}
	var m []int
	atAdmission := admissionNoteRe.MatchString(opt.note[:min(len(opt.note), 300)])
	for _, c := range deliveredRe.FindAllStringIndex(opt.note, -1) {
		s := sentenceAround(opt.note, c[0])
		if strings.HasPrefix(strings.ToLower(opt.note[c[0]:c[1]]), "delivery:") {
			// a record's label, dated: only what precedes it on its line
			// ("Prior delivery:") puts it in the past
			s = opt.note[strings.LastIndexByte(opt.note[:c[0]], '\n')+1 : c[0]]
		}
		// (an admission's story of the delivery before it: "OB
		// READMISSION - HISTORY & PHYSICAL … postpartum day 6 s/p IOL
		// and SVD")
		if atAdmission && postpartumRe.MatchString(s) {
			continue
		}
		if !negatedAt(opt.note, c[0]) && !pastRe.MatchString(s) && !strings.Contains(strings.ToLower(s), "pregnancy") {
			m = c
			break
		}
	}
	if m == nil && opt.Age >= 10 {
		// (a mother's record, not the newborn's)
		for _, c := range livebornOutcomeRe.FindAllStringIndex(opt.note, -1) {
			if !negatedAt(opt.note, c[0]) && !pastRe.MatchString(sentenceAround(opt.note, c[0])) {
				m = c
				break
			}
		}
	}
	if m == nil {
		return out
	}
	code := "Z37.0"
	if containsAny(opt.lower, "twins", "twin gestation", "twin pregnancy") {
		code = "Z37.2"
	}
	sg := Suggestion{System: codeset.ICD10CM, Start: m[0], End: m[1], Evidence: opt.note[m[0]:m[1]], Confidence: 0.8, Section: "other"}
	if r, ok := x.Code(codeset.ICD10CM, code, opt.Date); ok && r.Billable {
		s := sg
		s.Code, s.Title, s.Rule = code, r.Title, "outcome of delivery"
		out = append(out, s)
	}
	// O80: a full-term vaginal delivery with nothing complicating it
	complicated := false
	for _, s := range out {
		if s.Code[0] == 'O' {
			complicated = true
		}
	}
	if l := strings.ToLower(opt.note[m[0]:m[1]]); !complicated && (strings.Contains(l, "vaginal") || strings.Contains(l, "svd")) {
		if r, ok := x.Code(codeset.ICD10CM, "O80", opt.Date); ok && r.Billable {
			s := sg
			s.Code, s.Title, s.Rule = "O80", r.Title, "uncomplicated delivery"
			out = append(out, s)
		}
	}
	return out
}

// stageTitles rewrite a pregnancy code's title into its sibling's for a
// condition present at delivery ("childbirth") or after it ("the
// puerperium"), the stage in place of the %s: "Gestational diabetes
// mellitus in pregnancy, diet controlled" → "… in childbirth, diet
// controlled", "Severe pre-eclampsia, third trimester" → "…, complicating
// the puerperium", "Anemia complicating pregnancy, third trimester" →
// "Anemia complicating childbirth".
var stageTitles = []struct {
	re   *regexp.Regexp
	with string
}{
	{regexp.MustCompile(`(?i)\bin pregnancy\b`), "in %s"},
	{regexp.MustCompile(`(?i)\bcomplicating pregnancy, (?:first|second|third|unspecified) trimester$`), "complicating %s"},
	{regexp.MustCompile(`(?i), (?:first|second|third|unspecified) trimester$`), ", complicating %s"},
	{regexp.MustCompile(`(?i)\bcomplicating pregnancy$`), "complicating %s"},
}

// postpartumRe says an encounter comes after its delivery: "postpartum
// day 6", "PPD #3", "s/p IOL and SVD", "status post repeat cesarean".
var postpartumRe = regexp.MustCompile(`(?i)\b(?:postpartum|post-partum)\s+day\s*#?\s*\d+|\bPPD\s*#?\s*\d+\b|\b(?:s/p|status post)\s+(?:(?:IOL|induction(?: of labor)?)\s+(?:and|&|with|w/)\s+)?(?:(?:primary|repeat|low transverse|urgent|emergent|scheduled)\s+)*(?:NSVD|SVD|vaginal delivery|cesarean(?: section| delivery)?|c-section|C/S|LTCS)\b`)

// childbirthCodes recodes, when the note codes a delivery (Z37), the
// pregnancy codes of conditions present at it to their "in childbirth"
// or "complicating childbirth" siblings (Official Guidelines I.C.15: the
// "in childbirth" codes are for a condition present during the delivery
// encounter), where the category has one; after the delivery (a
// postpartum readmission) to their puerperium's.
func childbirthCodes(out []Suggestion, x *lookups, opt Options) []Suggestion {
	stage, rule := "childbirth", "condition present at delivery"
	if !containsCodePrefix(out, "Z37") {
		// a readmission after the delivery: the puerperium's codes
		// ("postpartum day 6 s/p IOL and SVD": severe pre-eclampsia is
		// O14.15, not O14.13)
		if !containsCodePrefix(out, "O") {
			return out
		}
		m := postpartumRe.FindStringIndex(opt.note)
		if m == nil || negatedAt(opt.note, m[0]) {
			return out
		}
		stage, rule = "the puerperium", "condition after delivery"
	}
	for i, s := range out {
		if s.Code[0] != 'O' {
			continue
		}
		for _, c := range stageTitles {
			if !c.re.MatchString(s.Title) {
				continue
			}
			want := c.re.ReplaceAllString(s.Title, fmt.Sprintf(c.with, stage))
			rs := x.Search(want, codeset.SearchOptions{Systems: []codeset.System{codeset.ICD10CM}, Date: opt.Date, Limit: 5})
			for _, r := range rs {
				// ("Severe pre-eclampsia complicating childbirth" has no comma)
				if r.Billable && strings.EqualFold(strings.ReplaceAll(r.Title, ",", ""), strings.ReplaceAll(want, ",", "")) && r.Code[:3] == s.Code[:3] {
					out[i].Code, out[i].Title, out[i].Rule = r.Code, r.Title, rule
					break
				}
			}
			break
		}
	}
	// an acute blood loss anemia at the delivery is the puerperium's
	// anemia (index: "Anemia, postpartum" O90.81, with D62), not one
	// complicating the childbirth (O99.02, an anemia she came in with)
	for i, s := range out {
		if s.Code == "O99.02" && slices.ContainsFunc(out, func(d Suggestion) bool { return d.Code == "D62" && d.Start == s.Start }) {
			if r, ok := x.Code(codeset.ICD10CM, "O90.81", opt.Date); ok {
				out[i].Code, out[i].Title, out[i].Rule = r.Code, r.Title, "anemia after delivery"
			}
		}
	}
	return out
}

// bornRe is a newborn's birth as the birth stay's summary states it: "born
// by cesarean section", "delivered vaginally", "product of an NSVD".
var bornRe = regexp.MustCompile(`(?i)\b(?:(?:born|delivered)(?:\s+(?:at|in)\s+(?:this\s+|the\s+|our\s+)?hospital)?\s+(?:by|via|through)\s+(?:(?:a|an|the|repeat|primary|scheduled|urgent|emergent|emergency|elective|low transverse)\s+)*(cesarean|c-section|c/s|vaginal|nsvd|svd|spontaneous vaginal)|(?:born|delivered)\s+(vaginally)|product of (?:an?\s+)?(?:(?:uncomplicated|term|repeat|primary)\s+)*(nsvd|svd|vaginal|cesarean|c-section))\b|\b(cesarean|c-section|spontaneous vaginal|vaginal|nsvd|svd)\s+(?:delivery|birth)\b`)

// newbornRe says a note is a newborn's.
var newbornRe = regexp.MustCompile(`(?i)\b(?:newborn|nursery|neonat\w*|NICU)\b`)

// pastBirthAgeRe is an infant's age past the birth stay ("4-month-old
// girl, born at 39 weeks by uncomplicated vaginal delivery"): no birth
// this stay.
var pastBirthAgeRe = regexp.MustCompile(`(?i)\b\d+[- ](?:months?|mos?)[- ]old\b`)

// bornInHospitalRe says a newborn was born in the hospital.
var bornInHospitalRe = regexp.MustCompile(`(?i)\bborn\s+(?:in|at)\s+(?:the\s+|this\s+|our\s+)?hospital\b|\bin-?hospital\s+(?:birth|delivery)\b`)

// twinRe says the newborn is one of twins.
var twinRe = regexp.MustCompile(`(?i)\btwin\b`)

// liveborn adds the liveborn infant code (Z38) a newborn's birth stay is
// coded with first (Official Guidelines I.C.16.a.2): Z38.00 born
// vaginally, Z38.01 by cesarean, Z38.30 and Z38.31 for a twin.
func liveborn(out []Suggestion, note string, x *lookups, opt Options) []Suggestion {
	// "Single liveborn male, born in hospital": the words the lookup
	// shared with "born outside hospital" (Z38.1) say the contrary
	out = slices.DeleteFunc(out, func(s Suggestion) bool { return s.Code == "Z38.1" && bornInHospitalRe.MatchString(s.Evidence) })
	// (an age of 0 is also an age not given: the note must be a
	// newborn's, and not the mother's delivery)
	if !opt.Inpatient || opt.Age != 0 || !containsAny(opt.lower, "newborn", "nursery", "neonat", "nicu") || !containsAny(opt.lower, "born", "deliver", "product of") ||
		containsCodePrefix(out, "Z38") || containsCodePrefix(out, "Z37") || containsCodePrefix(out, "O") || !newbornRe.MatchString(note) || pastBirthAgeRe.MatchString(note) {
		return out
	}
	m := bornRe.FindStringSubmatchIndex(note)
	if m == nil {
		return out
	}
	how := ""
	for g := 1; g < len(m)/2; g++ {
		if m[2*g] >= 0 {
			how = strings.ToLower(note[m[2*g]:m[2*g+1]])
		}
	}
	cesarean := strings.HasPrefix(how, "c")
	code := "Z38.00"
	switch {
	case twinRe.MatchString(note) && cesarean:
		code = "Z38.31"
	case twinRe.MatchString(note):
		code = "Z38.30"
	case cesarean:
		code = "Z38.01"
	}
	r, ok := x.Code(codeset.ICD10CM, code, opt.Date)
	if !ok || !r.Billable {
		return out
	}
	s := Suggestion{System: codeset.ICD10CM, Code: code, Title: r.Title, Confidence: 0.85, Start: m[0], End: m[1],
		Evidence: note[m[0]:m[1]], Section: sectionKindNames[secOther], Principal: true, Rule: "liveborn infant"}
	for i := range out {
		out[i].Principal = false
	}
	return append([]Suggestion{s}, out...)
}

// puerperalDepression codes a postpartum depression (F53.0) beside the
// chapter-15 code of a mental disorder complicating the puerperium
// (O99.345), which has sequencing priority (Official Guidelines
// I.C.15.a.1), unless the note codes the pregnancy's own O99.34-.
func puerperalDepression(out []Suggestion, x *lookups, opt Options) []Suggestion {
	i := firstWithPrefix(out, "F53.0")
	if i < 0 || firstWithPrefix(out, "O99.34") >= 0 {
		return out
	}
	return addBeside(out, out[i], "O99.345", "mental disorder in the puerperium", x, opt)
}
