package roi

import (
	"strings"
	"time"
)

// Attestation is the signed statement 45 CFR 164.509 (added by the 2024
// reproductive health care privacy rule) requires before protected health
// information potentially related to reproductive health care is disclosed
// for health oversight, judicial or administrative proceedings, law
// enforcement, or to coroners and medical examiners: that the use is not
// for a prohibited purpose (164.502(a)(5)(iii)), with the penalty
// statement. Parts of that rule were vacated by a federal court in 2025;
// a site's counsel decides whether to keep requiring it (Chartroom does by
// default).
type Attestation struct {
	Description      string    `json:"description"` // the information requested
	Subject          string    `json:"subject"`     // whose information
	Requester        string    `json:"requester"`   // who asks, and to whom it goes
	NotProhibited    bool      `json:"not_prohibited"`
	PenaltyStatement bool      `json:"penalty_statement"`
	SignedBy         string    `json:"signed_by"`
	SignedOn         time.Time `json:"signed_on"`
	Representative   bool      `json:"representative,omitempty"`
	Authority        string    `json:"authority,omitempty"`
	Standalone       bool      `json:"standalone"` // not combined with another form (164.509(b)(2)(iv))
}

// NeedsAttestation reports whether requests on basis b need an attestation
// before reproductive health information goes out.
func NeedsAttestation(b Basis) bool {
	return b == SubpoenaOnly || b == CourtOrder || b == LawEnforcementB
}

// CheckAttestation returns every defect of an attestation (nil: none given).
func CheckAttestation(a *Attestation) []Defect {
	if a == nil {
		return []Defect{{"attestation (164.509)", "missing: reproductive health information needs a signed attestation for this kind of request"}}
	}
	var d []Defect
	add := func(el, problem string) { d = append(d, Defect{el, problem}) }
	blank := func(s string) bool { return len(strings.TrimSpace(s)) < 3 }
	if blank(a.Description) {
		add("description of the information (164.509(c)(1)(i))", "missing")
	}
	if blank(a.Subject) {
		add("whose information (164.509(c)(1)(ii))", "missing")
	}
	if blank(a.Requester) {
		add("who requests it (164.509(c)(1)(iii))", "missing")
	}
	if !a.NotProhibited {
		add("statement of purpose (164.509(c)(1)(iv))", "missing: that the use or disclosure is not for a prohibited purpose")
	}
	if !a.PenaltyStatement {
		add("penalty statement (164.509(c)(1)(v))", "missing: that obtaining or disclosing the information in violation is a crime (42 U.S.C. 1320d-6)")
	}
	if blank(a.SignedBy) || a.SignedOn.IsZero() {
		add("signature and date (164.509(c)(1)(vi))", "missing")
	}
	if a.Representative && blank(a.Authority) {
		add("representative's authority (164.509(c)(1)(vi))", "missing: describe the authority to act")
	}
	if !a.Standalone {
		add("a separate document (164.509(b)(2)(iv))", "an attestation may not be combined with another form")
	}
	return d
}

// Item is a document the release may include.
type Item struct {
	DocumentID  int64
	EncounterID int64
	Type        string
	Title       string
	Source      string
	Status      string // final, amended, … ; drafts and entered-in-error are never released
	ServiceAt   time.Time
	Sensitivity []string // categories the record carries (set at filing, by codes or by hand)
	Codes       []string // the encounter's diagnosis codes
}

// Selection is an item with the release's decision about it.
type Selection struct {
	Item
	Categories []Category
	Excluded   []Category // why it is left out, when it is
	Reason     string     // why it is left out, in words
	Part2      bool       // included substance-use records: the redisclosure notice travels with them
}

// Included reports whether the item goes into the release.
func (s Selection) Included() bool { return s.Reason == "" }

// Select decides, item by item, what a request releases: what falls in its
// dates, document types and encounters, leaving out drafts and documents
// entered in error, and every sensitive category the basis and the
// authorization do not allow (reproductive health information also needs a
// valid attestation for the bases 164.509 names). It never guesses in
// favour of release: an item with a category the request does not cover is
// left out.
func Select(r *Request, items []Item) []Selection {
	var authorized []Category
	psyOnly := false
	if r.Authorization != nil {
		psyOnly = r.Authorization.PsychotherapyNotes
		// Psychotherapy notes are released only under an authorization for
		// them alone (164.508(a)(2), (b)(3)(ii)), never by naming them in a
		// general one.
		for _, c := range r.Authorization.Categories {
			if c != PsychotherapyNotes || psyOnly {
				authorized = append(authorized, c)
			}
		}
		if psyOnly {
			// The notes are mental-health records by nature.
			authorized = append(authorized, PsychotherapyNotes, MentalHealth)
		}
	}
	attested := !NeedsAttestation(r.Basis) || len(CheckAttestation(r.Attestation)) == 0
	from, _ := time.Parse("2006-01-02", r.From)
	to, _ := time.Parse("2006-01-02", r.To)
	out := make([]Selection, 0, len(items))
	for _, it := range items {
		s := Selection{Item: it, Categories: categoriesOf(it)}
		switch {
		case it.Status == "draft" || it.Status == "entered-in-error" || it.Status == "preliminary":
			s.Reason = "not part of the released record (" + it.Status + ")"
		case it.Source == "roi-authorization":
			s.Reason = "a request's authorization, not a record requested"
		case !from.IsZero() && it.ServiceAt.Before(from), !to.IsZero() && !it.ServiceAt.Before(to.AddDate(0, 0, 1)):
			s.Reason = "outside the requested dates"
		case len(r.DocumentTypes) > 0 && !containsString(r.DocumentTypes, it.Type):
			s.Reason = "not a requested document type"
		case len(r.EncounterIDs) > 0 && !containsInt(r.EncounterIDs, it.EncounterID):
			s.Reason = "not a requested encounter"
		case psyOnly && !contains(s.Categories, PsychotherapyNotes):
			s.Reason = "a psychotherapy-notes authorization covers psychotherapy notes only (164.508(b)(3)(ii))"
		}
		if s.Reason == "" {
			s.Excluded = Excluded(s.Categories, r.Basis, authorized)
			if !attested && contains(s.Categories, Reproductive) && !contains(s.Excluded, Reproductive) {
				s.Excluded = append(s.Excluded, Reproductive)
			}
			if len(s.Excluded) > 0 {
				var names []string
				for _, c := range s.Excluded {
					names = append(names, string(c))
				}
				s.Reason = "sensitive (" + strings.Join(names, ", ") + ") and not covered by the request"
			}
		}
		s.Part2 = s.Reason == "" && contains(s.Categories, SubstanceUse)
		out = append(out, s)
	}
	return out
}

// categoriesOf gathers an item's categories from its type and source, the
// categories recorded on it, and its encounter's codes.
func categoriesOf(it Item) []Category {
	cs := CategoriesOfDocument(it.Type, it.Source)
	add := func(c Category) {
		if !contains(cs, c) {
			cs = append(cs, c)
		}
	}
	for _, s := range it.Sensitivity {
		if c, ok := ParseCategory(s); ok {
			add(c)
		}
	}
	for _, code := range it.Codes {
		for _, c := range CategoriesOfCode(code) {
			add(c)
		}
	}
	return cs
}

func containsString(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

func containsInt(xs []int64, v int64) bool {
	for _, x := range xs {
		if x == v {
			return true
		}
	}
	return false
}
