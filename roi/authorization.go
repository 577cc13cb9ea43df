package roi

import (
	"strings"
	"time"
)

// AuthorizationForm is a signed HIPAA authorization as the ROI specialist
// abstracts it from the scanned form.
type AuthorizationForm struct {
	Description    string    // a specific and meaningful description of the information (164.508(c)(1)(i))
	Disclosers     string    // who may disclose: the facility or class of persons ((c)(1)(ii))
	Recipients     string    // to whom ((c)(1)(iii))
	Purpose        string    // each purpose, or "at the request of the individual" ((c)(1)(iv))
	ExpiresOn      time.Time // an expiration date, or …
	ExpiryEvent    string    // … an expiration event ((c)(1)(v))
	SignedOn       time.Time // date of signature ((c)(1)(vi))
	SignedBy       string    // the signer's name
	Representative bool      // signed by a personal representative, who must state …
	Authority      string    // … the representative's authority ((c)(1)(vi))
	RightToRevoke  bool      // the statement of the right to revoke and how ((c)(2)(i))
	Conditioning   bool      // the statement on conditioning of treatment, payment, enrollment ((c)(2)(ii))
	Redisclosure   bool      // the statement that information may be redisclosed ((c)(2)(iii))
	PlainLanguage  bool      // written in plain language ((c)(3))
	// Categories the authorization names explicitly, such as "substance-use"
	// or "hiv"; sensitive categories not named are left out of a release.
	Categories []Category
	// PsychotherapyNotes is true only for an authorization that is for
	// psychotherapy notes alone (164.508(a)(2), (b)(3)(ii)).
	PsychotherapyNotes bool
	RevokedOn          time.Time
	// Part2Consent is set when the form also meets 42 CFR 2.31 (consent to
	// disclose substance-use-disorder records).
	Part2Consent bool
}

// Defect is one missing or defective element of an authorization.
type Defect struct {
	Element string `json:"element"` // the element, with its citation
	Problem string `json:"problem"`
}

// CheckAuthorization returns every defect of a at asOf. An empty list
// means the authorization is valid for release. A revoked or expired
// authorization is a defect, so it is refused.
func CheckAuthorization(a AuthorizationForm, asOf time.Time) []Defect {
	var d []Defect
	add := func(el, problem string) { d = append(d, Defect{el, problem}) }
	blank := func(s string) bool { return len(strings.TrimSpace(s)) < 3 }
	if blank(a.Description) {
		add("description of the information (164.508(c)(1)(i))", "missing: say specifically what may be disclosed")
	} else if vague(a.Description) {
		add("description of the information (164.508(c)(1)(i))", "not specific: \"any and all records\" does not meet the rule without naming the information")
	}
	if blank(a.Disclosers) {
		add("who may disclose (164.508(c)(1)(ii))", "missing")
	}
	if blank(a.Recipients) {
		add("to whom (164.508(c)(1)(iii))", "missing")
	}
	if blank(a.Purpose) {
		add("purpose (164.508(c)(1)(iv))", "missing: a purpose, or \"at the request of the individual\"")
	}
	if a.ExpiresOn.IsZero() && blank(a.ExpiryEvent) {
		add("expiration date or event (164.508(c)(1)(v))", "missing")
	}
	if a.SignedOn.IsZero() || blank(a.SignedBy) {
		add("signature and date (164.508(c)(1)(vi))", "missing signature or date")
	} else if a.SignedOn.After(asOf) {
		add("signature and date (164.508(c)(1)(vi))", "dated in the future")
	}
	if a.Representative && blank(a.Authority) {
		add("representative's authority (164.508(c)(1)(vi))", "signed by a representative without a description of their authority")
	}
	if !a.RightToRevoke {
		add("right to revoke (164.508(c)(2)(i))", "the statement is missing")
	}
	if !a.Conditioning {
		add("conditioning statement (164.508(c)(2)(ii))", "the statement is missing")
	}
	if !a.Redisclosure {
		add("redisclosure statement (164.508(c)(2)(iii))", "the statement is missing")
	}
	if !a.RevokedOn.IsZero() && !a.RevokedOn.After(asOf) {
		add("revocation (164.508(b)(5))", "the authorization was revoked on "+a.RevokedOn.Format("2006-01-02"))
	}
	if !a.ExpiresOn.IsZero() && a.ExpiresOn.Before(startOfDay(asOf)) {
		add("expiration (164.508(b)(2)(i))", "the authorization expired on "+a.ExpiresOn.Format("2006-01-02"))
	}
	if a.PsychotherapyNotes && len(a.Categories) > 0 && !(len(a.Categories) == 1 && a.Categories[0] == PsychotherapyNotes) {
		add("psychotherapy notes (164.508(b)(3)(ii))", "an authorization for psychotherapy notes may not be combined with one for other information")
	}
	return d
}

func startOfDay(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, t.Location())
}

// vague reports descriptions that name no information at all.
func vague(s string) bool {
	t := strings.ToLower(strings.TrimSpace(s))
	for _, v := range []string{"any and all records", "all records", "any records", "entire record", "everything"} {
		if t == v {
			return true
		}
	}
	return false
}
