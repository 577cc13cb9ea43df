package cac

import (
	"regexp"
	"slices"
	"strings"

	"github.com/chartroom/chartroom/codeset"
)

// useDisorderAbbrevRe is a substance use disorder by its abbreviation
// (lower case): OUD, AUD, CUD, StUD.
var useDisorderAbbrevRe = regexp.MustCompile(`\b(?:oud|aud|cud|stud)\b`)

// inducedSaidRe names a disorder a substance induces: "-induced",
// "psychosis", "mood", "sleep", "anxiety", "delirium", "dementia".
var inducedSaidRe = regexp.MustCompile(`(?i)induced|psycho|mood|depress|mania|sleep|insomnia|anxiety|delirium|dementia|amnes|perceptual|sexual|intoxication|withdrawal|hallucinat|delusion`)

// substanceUse reads a DSM-5 substance use disorder as the classification
// codes it (the DSM-5-TR crosswalk): mild is abuse (F1x.1-), moderate or
// severe is dependence (F1x.2-); in early or sustained remission is .11
// for abuse and .21 for dependence. item is the text of the diagnosis.
func substanceUse(r codeset.Result, item string, x *lookups, opt Options) codeset.Result {
	if len(r.Code) < 5 || r.Code[0] != 'F' || r.Code[1] != '1' || r.Code[2] == '7' {
		return r
	}
	// what the item denies is not its severity ("mild … -- not moderate
	// or severe")
	l := strings.ToLower(negatedSpanRe.ReplaceAllString(item, " "))
	// ("Opioid withdrawal in pt w/ OUD, severe")
	l = useDisorderAbbrevRe.ReplaceAllString(l, "use disorder")
	class := byte(0)
	switch {
	case strings.Contains(l, "use disorder") && containsAny(l, "moderate", "severe"), strings.Contains(l, "dependence"):
		class = '2'
	case strings.Contains(l, "use disorder") && strings.Contains(l, "mild"), strings.Contains(l, "abuse"):
		class = '1'
	}
	if class == 0 && strings.Contains(l, "use disorder") {
		// "His opioid use disorder is in sustained remission": the
		// severity the note gives the same disorder elsewhere ("opioid
		// use disorder, severe")
		class = severityElsewhere(l, opt.lower)
	}
	remission := strings.Contains(l, "remission") && !containsAny(l, "not in remission", "no longer in remission")
	if class == 0 && remission && strings.Contains(l, "use disorder") && containsAny(l, "maintenance", "buprenorphine", "methadone", "suboxone", "naltrexone", "vivitrol", "sublocade") {
		// "Opioid use disorder, in sustained remission on buprenorphine
		// maintenance": a disorder kept in remission by maintenance
		// therapy is a dependence's (F11.21)
		class = '2'
	}
	code := ""
	switch {
	case class == '2' && !remission && strings.Contains(l, "withdrawal") && !notInWithdrawalRe.MatchString(l) &&
		(r.Code[4] == '2' || r.Code[4] == '1' || r.Code[4] == '9') && (r.Code[5:] == "0" || r.Code[5:] == "39" && uncomplicatedRe.MatchString(item)):
		// "alcohol dependence … and is in alcohol withdrawal without
		// perceptual disturbance, without delirium": dependence with
		// withdrawal (F10.230), its delirium (.231) or perceptual
		// disturbance (.232) when the item says so
		code = r.Code[:4] + "230"
		switch {
		case r.Code[:3] == "F11":
			// (an opioid's withdrawal has no fifth character: F11.23)
			code = "F11.23"
		case strings.Contains(l, "delirium"):
			code = r.Code[:4] + "231"
		case strings.Contains(l, "perceptual"):
			code = r.Code[:4] + "232"
		}
	case class == 0 && strings.Contains(l, "intoxication") && r.Code[4] == '1' && !containsAny(l, "delirium", "perceptual", "abuse"):
		// intoxication with neither abuse nor dependence documented is
		// use, unspecified, with intoxication (FY2026); uncomplicated
		// unless the note says otherwise
		code = r.Code[:4] + "920"
		if strings.Contains(l, "complicat") {
			code = r.Code[:4] + "929"
		}
	case class != 0 && remission:
		code = r.Code[:4] + string(class) + "1"
	case class != 0 && r.Code[4] != class && !remission:
		// the class changes, the rest of the code may not exist in it
		code = r.Code[:4] + string(class) + r.Code[5:]
		if _, ok := x.Code(codeset.ICD10CM, code, opt.Date); !ok || strings.Contains(r.Title, "-induced") && !inducedSaidRe.MatchString(l) {
			// (nor is a disorder the substance induced one the item
			// does not name: "Stimulant (methamphetamine) use
			// disorder, mild" is F15.10, not the "use … with
			// stimulant-induced sleep disorder" the search ranked
			// first for "use disorder")
			code = r.Code[:4] + string(class) + "0"
		}
	default:
		return r
	}
	if c, ok := x.Code(codeset.ICD10CM, code, opt.Date); ok && c.Billable {
		c.Score, c.Source, c.Matched = r.Score, r.Source, r.Matched
		return c
	}
	return r
}

// severityElsewhere returns the class ('1' abuse, '2' dependence) of the
// substance use disorder item names, from the severity the note writes
// beside the same disorder anywhere else, or 0.
func severityElsewhere(item, note string) byte {
	i := strings.Index(item, "use disorder")
	words := strings.Fields(item[:i])
	if len(words) == 0 || note == "" {
		return 0
	}
	name := strings.Trim(words[len(words)-1], ",.;:()") + " use disorder"
	for at := 0; ; {
		k := strings.Index(note[at:], name)
		if k < 0 {
			return 0
		}
		k += at
		at = k + len(name)
		before := note[max(0, k-12):k]
		after := note[at:min(len(note), at+14)]
		switch {
		case strings.Contains(after, "moderate") || strings.Contains(after, "severe") || strings.Contains(before, "moderate") || strings.Contains(before, "severe"):
			return '2'
		case strings.Contains(after, "mild") || strings.Contains(before, "mild"):
			return '1'
		}
	}
}

// withdrawalUncomplicated codes a substance withdrawal as uncomplicated
// (F10.230, not the unspecified F10.239) when the note says so, or says
// it came without delirium and without perceptual disturbance or seizures.
func withdrawalUncomplicated(out []Suggestion, note string, x *lookups, opt Options) {
	for i, s := range out {
		if len(s.Code) != 7 || s.Code[0] != 'F' || s.Code[1] != '1' || !strings.HasSuffix(s.Code, "239") {
			continue
		}
		lower := asciiLower(note)
		for at := 0; ; {
			w := strings.Index(lower[at:], "withdrawal")
			if w < 0 {
				break
			}
			w += at
			at = w + len("withdrawal")
			ctx := lower[w:min(len(lower), w+400)]
			noDelirium := containsAny(ctx, "no delirium", "without delirium", "not delirious")
			noOther := containsAny(ctx, "no hallucinations", "no perceptual", "no seizures", "no withdrawal seizures", "without seizures", "without hallucinations")
			if strings.Contains(strings.ToLower(s.Evidence), "uncomplicated") || strings.Contains(ctx, "uncomplicated") || noDelirium && noOther {
				recode(&out[i], s.Code[:4]+"230", "withdrawal, uncomplicated", x, opt)
				break
			}
		}
	}
}

// notInWithdrawalRe is a withdrawal that is not going on: a past one, a
// risk, a watch kept for one, a use disorder's criterion ("withdrawal
// when he stops").
var notInWithdrawalRe = regexp.MustCompile(`(?i)\b(?:history of|h/o|prior|previous|past|risk (?:of|for)|at risk|prevent\w*|prophyla\w*|monitor(?:ing|ed)? for|watch(?:ing|ed)? for)\s+(?:\w+\s+){0,2}withdrawal|\bwithdrawal\s+(?:symptoms\s+)?(?:when|if|whenever)\s+(?:he|she|they|the patient|pt)\s+(?:stops|misses|cuts|runs|tries)`)

// uncomplicatedRe says a withdrawal has neither delirium nor perceptual
// disturbance.
var uncomplicatedRe = regexp.MustCompile(`(?i)\buncomplicated\b|\bwithout (?:any )?(?:perceptual|delirium)`)

// substancePsychosisKind gives a substance-induced psychotic disorder of
// unspecified kind (F1x.x59) the kind its evidence or line states: "with
// hallucinations" is …51, "with delusions" …50. The hallucinations are
// then the disorder's own, no symptom code beside it (R44.-).
func substancePsychosisKind(out []Suggestion, note string, x *lookups, opt Options) []Suggestion {
	kinded := false
	for i, s := range out {
		if len(s.Code) != 7 || s.Code[0] != 'F' || s.Code[1] != '1' || !strings.HasSuffix(s.Code, "59") || s.Code[4] == '0' {
			continue
		}
		ctx := asciiLower(s.Evidence + " " + lineAt(note, s.Start))
		hall := containsAny(ctx, "with hallucinations", "with auditory hallucinations", "with visual hallucinations", "w/ hallucinations")
		del := containsAny(ctx, "with delusions", "with paranoid delusions", "w/ delusions")
		switch {
		case hall && !del:
			kinded = recode(&out[i], s.Code[:6]+"1", "substance-induced psychosis: its kind", x, opt) || kinded
		case del && !hall:
			kinded = recode(&out[i], s.Code[:6]+"0", "substance-induced psychosis: its kind", x, opt) || kinded
		}
	}
	if !kinded {
		return out
	}
	return slices.DeleteFunc(out, func(s Suggestion) bool { return strings.HasPrefix(s.Code, "R44.") })
}
