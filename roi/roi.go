// Package roi holds the rules of release of information: what kind of
// disclosure needs what (45 CFR 164.502, .506, .508, .510, .512, .524), the
// check of an authorization against the core elements and required
// statements of 164.508(c), the sensitive categories that are left out of a
// release unless the authorization names them (42 CFR Part 2 among them),
// due dates, fees, and which disclosures belong in a patient's accounting
// (164.528). It is pure: the store and the UI call it.
package roi

import (
	"fmt"
	"strings"
	"time"
)

// Requester is who asks for the records.
type Requester string

// The requesters.
const (
	Patient                Requester = "patient"
	PersonalRepresentative Requester = "personal-representative"
	Attorney               Requester = "attorney"
	Insurer                Requester = "insurer"
	Provider               Requester = "provider"
	GovernmentAgency       Requester = "government-agency"
	LawEnforcement         Requester = "law-enforcement"
	Court                  Requester = "court"
	Subpoena               Requester = "subpoena"
	Researcher             Requester = "researcher"
)

// Requesters lists every requester kind.
func Requesters() []Requester {
	return []Requester{Patient, PersonalRepresentative, Attorney, Insurer, Provider, GovernmentAgency, LawEnforcement, Court, Subpoena, Researcher}
}

// Basis is the legal ground a disclosure is made on.
type Basis string

// The bases.
const (
	Treatment       Basis = "treatment"       // 164.506: no authorization
	Payment         Basis = "payment"         // 164.506: minimum necessary
	Operations      Basis = "operations"      // 164.506: minimum necessary
	RightOfAccess   Basis = "right-of-access" // 164.524: the patient or their representative
	Authorization   Basis = "authorization"   // 164.508: a valid signed authorization
	SubpoenaOnly    Basis = "subpoena"        // 164.512(e)(1)(ii): subpoena without court order: satisfactory assurance
	CourtOrder      Basis = "court-order"     // 164.512(e)(1)(i): only what the order expressly authorizes
	PublicHealth    Basis = "public-health"   // 164.512(b)
	LawEnforcementB Basis = "law-enforcement" // 164.512(f)
	Research        Basis = "research"        // 164.512(i): IRB/privacy board waiver, or an authorization
)

// Bases lists every basis.
func Bases() []Basis {
	return []Basis{Treatment, Payment, Operations, RightOfAccess, Authorization, SubpoenaOnly, CourtOrder, PublicHealth, LawEnforcementB, Research}
}

// ParseBasis parses a basis name.
func ParseBasis(s string) (Basis, error) {
	for _, b := range Bases() {
		if string(b) == strings.TrimSpace(s) {
			return b, nil
		}
	}
	return "", fmt.Errorf("%q is not a disclosure basis", s)
}

// Needs is what a basis requires before release.
type Needs struct {
	Authorization     bool // a valid 164.508 authorization
	MinimumNecessary  bool // release only what the purpose needs (not for treatment or the patient)
	Assurance         bool // satisfactory assurance (notice to the patient, or a qualified protective order)
	CourtOrderText    bool // only what the order expressly names
	Waiver            bool // an IRB or privacy board waiver, when there is no authorization
	Accountable       bool // the disclosure goes in the patient's accounting (164.528)
	PatientAccessRule bool // 164.524 timeliness and fee limits apply
}

// Requirements returns what basis b needs.
func Requirements(b Basis) Needs {
	switch b {
	case Treatment:
		return Needs{}
	case Payment, Operations:
		return Needs{MinimumNecessary: true}
	case RightOfAccess:
		return Needs{PatientAccessRule: true}
	case Authorization:
		return Needs{Authorization: true}
	case SubpoenaOnly:
		return Needs{Assurance: true, MinimumNecessary: true, Accountable: true}
	case CourtOrder:
		return Needs{CourtOrderText: true, Accountable: true}
	case PublicHealth, LawEnforcementB:
		return Needs{MinimumNecessary: true, Accountable: true}
	case Research:
		return Needs{Waiver: true, MinimumNecessary: true, Accountable: true}
	}
	return Needs{Authorization: true}
}

// DueDate returns when a request received on received must be answered.
// Patient access gets 30 days and, with a documented reason, one 30-day
// extension (164.524(b)(2)); other requests use the site's days.
func DueDate(b Basis, received time.Time, extended bool, otherDays int) time.Time {
	if b == RightOfAccess {
		d := received.AddDate(0, 0, 30)
		if extended {
			d = d.AddDate(0, 0, 30)
		}
		return d
	}
	if otherDays <= 0 {
		otherDays = 30
	}
	return received.AddDate(0, 0, otherDays)
}
