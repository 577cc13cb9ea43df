package cac

import (
	"regexp"
	"strings"
)

var (
	complexPartialRe = regexp.MustCompile(`(?i)\b(?:complex partial|focal (?:onset )?impaired[- ]awareness|dyscognitive)\b`)
	simplePartialRe  = regexp.MustCompile(`(?i)\b(?:simple partial|focal (?:onset )?aware(?:ness)?)\b`)
	intractableRe    = regexp.MustCompile(`(?i)\b(?:intractable|refractory|pharmaco-?resistant|drug[- ]resistant|medically resistant)\b`)
	statusRe         = regexp.MustCompile(`(?i)\bstatus epilepticus\b`)
	epilepsyRe       = regexp.MustCompile(`(?i)\b(?:epilepsy|epileptic (?:syndrome|disorder))\b`)
	// notEpilepsyRe denies an epilepsy after naming it
	notEpilepsyRe = regexp.MustCompile(`(?i)\bepilepsy (?:is |was |has )?(?:not|never) (?:been )?(?:diagnosed|present|established|confirmed|suspected)\b`)
)

// epilepsyAxes codes an epilepsy its item names by the axes ICD-10-CM
// builds its G40 codes from: the kind (localization-related symptomatic
// with complex partial seizures G40.2-, with simple partial G40.1-,
// absence G40.A-, juvenile myoclonic G40.B-, idiopathic generalized
// G40.3-, otherwise G40.9-), intractable or not, and with or without
// status epilepticus, each as the item affirms it ("Not intractable",
// "No status epilepticus" affirm neither). It recodes the G40 code a
// lookup found, or the seizures (R56.9) of an item that names the
// epilepsy they belong to ("focal symptomatic epilepsy … with complex
// partial seizures").
func epilepsyAxes(out []Suggestion, note string, x *lookups, opt Options) {
	if !strings.Contains(opt.lower, "epilep") {
		return
	}
	for i, s := range out {
		if !strings.HasPrefix(s.Code, "G40") && s.Code != "R56.9" {
			continue
		}
		line := lineOf(note, s.Start)
		l := strings.ToLower(line)
		// (not "nonepileptic events", nor a status epilepticus alone)
		if strings.Count(l, "epilep") == strings.Count(l, "nonepilep")+strings.Count(l, "epilepticus") || !affirmedIn(line, epilepsyRe) || notEpilepsyRe.MatchString(l) {
			continue // ("provoked seizure, not epilepsy", "epilepsy not diagnosed")
		}
		kind := ""
		switch {
		case strings.Contains(l, "juvenile myoclonic"):
			kind = "B"
		case strings.Contains(l, "absence"):
			kind = "A"
		case complexPartialRe.MatchString(l):
			kind = "2"
		case simplePartialRe.MatchString(l):
			kind = "1"
		case strings.Contains(l, "generalized") && containsAny(l, "idiopathic", "genetic"):
			kind = "3"
		case strings.HasPrefix(s.Code, "G40"):
			continue // the lookup's kind stands
		default:
			kind = "9"
		}
		intract := "0"
		if affirmedIn(line, intractableRe) {
			intract = "1"
		}
		status := "9"
		if affirmedIn(line, statusRe) {
			status = "1"
		}
		code := "G40." + kind + intract + status
		if code != s.Code {
			recode(&out[i], code, "epilepsy: kind, intractability and status as the item says them", x, opt)
		}
	}
}
