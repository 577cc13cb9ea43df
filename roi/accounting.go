package roi

import "time"

// Disclosure is one release of a patient's information, as recorded.
type Disclosure struct {
	At         time.Time
	Basis      Basis
	Recipient  string
	ToPatient  bool // to the patient or their personal representative
	Incidental bool
}

// Accountable reports whether a disclosure belongs in the patient's
// accounting under 164.528(a)(1): not those for treatment, payment or
// operations, not those to the patient, not those under an authorization,
// not incidental ones, and not the others the rule lists.
func Accountable(d Disclosure) bool {
	if d.ToPatient || d.Incidental {
		return false
	}
	switch d.Basis {
	case Treatment, Payment, Operations, RightOfAccess, Authorization:
		return false
	}
	return true
}

// AccountingWindow returns the start of the period an accounting covers:
// up to six years before the request (164.528(a)(1)), or fewer years when
// the patient asks for fewer.
func AccountingWindow(asOf time.Time, years int) time.Time {
	if years <= 0 || years > 6 {
		years = 6
	}
	return asOf.AddDate(-years, 0, 0)
}

// Suspended reports whether a disclosure must be left out of an accounting
// given now because a health oversight agency or law enforcement official
// asked for a suspension that is still in force (164.528(a)(2)).
func Suspended(d Disclosure, suspensions []Suspension, now time.Time) bool {
	for _, s := range suspensions {
		if d.Recipient == s.Agency && !d.At.Before(s.From) && now.Before(s.Until) {
			return true
		}
	}
	return false
}

// Suspension is an agency's request to keep its disclosures out of a
// patient's accounting until a date.
type Suspension struct {
	Agency string
	From   time.Time
	Until  time.Time
	Reason string
}
