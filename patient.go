package chartroom

import (
	"context"
	"strings"
	"time"
)

// Facility is a hospital, clinic or other site that assigns medical record
// numbers and where encounters happen.
type Facility struct {
	ID   int64  `json:"id"`
	Code string `json:"code"` // short code used in identifiers and HL7 (MSH-4, PID-3.4)
	Name string `json:"name"`
}

// ParseFacilityCode validates a facility code: 1–20 letters, digits, dashes
// or underscores.
func ParseFacilityCode(s string) (string, error) {
	t, err := parseCode(s, 20)
	if err != nil {
		return "", err
	}
	for _, r := range t {
		if !(r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r == '-' || r == '_') {
			return "", Invalid("code", "a facility code has only letters, digits, dashes and underscores")
		}
	}
	return strings.ToUpper(t), nil
}

// PersonName is a person's name in its parts.
type PersonName struct {
	Family string `json:"family"`
	Given  string `json:"given"`
	Middle string `json:"middle,omitempty"`
	Prefix string `json:"prefix,omitempty"`
	Suffix string `json:"suffix,omitempty"`
}

// Display formats the name as "Family, Given Middle".
func (n PersonName) Display() string {
	s := n.Family + ", " + n.Given
	if n.Middle != "" {
		s += " " + n.Middle
	}
	if n.Suffix != "" {
		s += " " + n.Suffix
	}
	return s
}

// Validate reports the first problem with the name.
func (n PersonName) Validate(field string) error {
	if strings.TrimSpace(n.Family) == "" {
		return Invalid(field+".family", "family name is required")
	}
	if strings.TrimSpace(n.Given) == "" {
		return Invalid(field+".given", "given name is required")
	}
	for part, v := range map[string]string{"family": n.Family, "given": n.Given, "middle": n.Middle, "prefix": n.Prefix, "suffix": n.Suffix} {
		if len(v) > 100 {
			return Invalid(field+"."+part, "longer than 100 characters")
		}
		if strings.ContainsAny(v, "\x00\r\n\t") {
			return Invalid(field+"."+part, "contains a control character")
		}
	}
	return nil
}

// NormName folds a name for matching and prefix search: upper case, letters
// only (so "O'Brien" and "OBRIEN" meet).
func NormName(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range strings.ToUpper(s) {
		if r >= 'A' && r <= 'Z' || r > 127 && r != 0xFFFD {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Address is a postal address.
type Address struct {
	Use     string `json:"use,omitempty"` // home, work, mailing
	Line1   string `json:"line1"`
	Line2   string `json:"line2,omitempty"`
	City    string `json:"city"`
	State   string `json:"state"`
	Postal  string `json:"postal"`
	Country string `json:"country,omitempty"`
}

// Telecom is a phone number or an e-mail address.
type Telecom struct {
	Use    string `json:"use,omitempty"`    // home, work, mobile
	System string `json:"system,omitempty"` // phone, email
	Value  string `json:"value"`
}

// Contact is a next of kin, guardian or other person to contact.
type Contact struct {
	Relationship string     `json:"relationship"` // spouse, parent, guardian, …
	Name         PersonName `json:"name"`
	Phone        string     `json:"phone,omitempty"`
}

// Identifier is one of a patient's identifiers. A medical record number
// (type MR) always names the facility that assigned it.
type Identifier struct {
	Type     string `json:"type"`     // MR (medical record number), PI, AN (account), …
	Facility string `json:"facility"` // assigning facility code
	Value    string `json:"value"`
	Retired  bool   `json:"retired,omitempty"` // kept as an alias after a merge
}

// Confidentiality flags restrict who may see a patient.
type Confidentiality struct {
	VIP        bool `json:"vip,omitempty"`
	Employee   bool `json:"employee,omitempty"`
	Restricted bool `json:"restricted,omitempty"`
}

// Any reports whether any flag is set.
func (c Confidentiality) Any() bool { return c.VIP || c.Employee || c.Restricted }

// Patient is a person with a health record: the entry of the master patient
// index. Sensitive parts (SSN, addresses, telecoms, contacts) are encrypted
// at rest by the storage engines.
type Patient struct {
	ID              int64           `json:"id"`
	Name            PersonName      `json:"name"`
	Aliases         []PersonName    `json:"aliases,omitempty"`
	BirthDate       Date            `json:"birth_date"`
	Sex             Sex             `json:"sex"`
	Identifiers     []Identifier    `json:"identifiers"`
	SSN             SSN             `json:"ssn,omitempty"`
	Addresses       []Address       `json:"addresses,omitempty"`
	Telecoms        []Telecom       `json:"telecoms,omitempty"`
	Contacts        []Contact       `json:"contacts,omitempty"`
	Confidentiality Confidentiality `json:"confidentiality"`
	DeceasedAt      *time.Time      `json:"deceased_at,omitempty"`
	MergedInto      int64           `json:"merged_into,omitempty"` // set on a retired record after a merge
	Version         int64           `json:"version"`
	CreatedAt       time.Time       `json:"created_at"`
	UpdatedAt       time.Time       `json:"updated_at"`
}

// MRN returns the patient's active medical record number at facility, or
// the first active one when facility is "".
func (p *Patient) MRN(facility string) string {
	for _, id := range p.Identifiers {
		if id.Type == "MR" && !id.Retired && (facility == "" || id.Facility == facility) {
			return id.Value
		}
	}
	return ""
}

// Validate checks a patient before it is stored.
func (p *Patient) Validate() error {
	if err := p.Name.Validate("name"); err != nil {
		return err
	}
	if p.BirthDate.IsZero() {
		return Invalid("birth_date", "birth date is required")
	}
	if p.BirthDate.Time().After(time.Now().Add(24 * time.Hour)) {
		return Invalid("birth_date", "birth date is in the future")
	}
	if p.BirthDate.Time().Year() < 1880 {
		return Invalid("birth_date", "birth date is before 1880")
	}
	if _, err := ParseSex(string(p.Sex)); err != nil {
		return Invalid("sex", "%v", err)
	}
	var mr int
	for i, id := range p.Identifiers {
		f := "identifiers[" + itoa(i) + "]"
		if id.Type == "" {
			return Invalid(f+".type", "identifier type is required")
		}
		if id.Type == "MR" {
			mr++
			if _, err := ParseMRN(id.Value); err != nil {
				return Invalid(f+".value", "%v", err)
			}
			if id.Facility == "" {
				return Invalid(f+".facility", "a medical record number needs its assigning facility")
			}
		} else if _, err := parseCode(id.Value, 40); err != nil {
			return Invalid(f+".value", "%v", err)
		}
	}
	if mr == 0 {
		return Invalid("identifiers", "a patient needs at least one medical record number (type MR)")
	}
	if p.SSN != "" {
		if _, err := ParseSSN(string(p.SSN)); err != nil {
			return Invalid("ssn", "%v", err)
		}
	}
	if p.DeceasedAt != nil && p.DeceasedAt.Before(p.BirthDate.Time()) {
		return Invalid("deceased_at", "death is before birth")
	}
	return nil
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}

// PatientFilter selects patients. Empty fields do not filter.
type PatientFilter struct {
	Family    string // prefix of the family name, folded by NormName
	Given     string // prefix of the given name
	BirthDate Date
	MRN       string // any identifier value, including retired aliases
	Facility  string // limit to patients with an identifier at this facility
	SSN       SSN    // exact match, through a keyed blind index (never stored in clear)
	// SSNIndex is the blind index of SSN, set by the store for its engines'
	// query builders.
	SSNIndex []byte
	Cursor   string // from the previous page's NextCursor
	Limit    int    // default 50, at most 500
}

// Page is one page of a list and the cursor for the next.
type Page[T any] struct {
	Items      []T    `json:"items"`
	NextCursor string `json:"next_cursor,omitempty"`
}

// PatientService keeps patients.
type PatientService interface {
	CreatePatient(ctx context.Context, p *Patient) error
	Patient(ctx context.Context, id int64) (*Patient, error)
	UpdatePatient(ctx context.Context, p *Patient) error // optimistic: p.Version must match
	FindPatients(ctx context.Context, f PatientFilter) (Page[*Patient], error)
	PatientByIdentifier(ctx context.Context, facility, value string) (*Patient, error)
}

// FacilityService keeps facilities.
type FacilityService interface {
	CreateFacility(ctx context.Context, f *Facility) error
	Facilities(ctx context.Context) ([]*Facility, error)
}

// Merge records that one patient record (the retired one, a duplicate) was
// folded into another (the survivor), and exactly what moved, so that an
// unmerge can undo it.
type Merge struct {
	ID         int64      `json:"id"`
	SurvivorID int64      `json:"survivor_id"`
	RetiredID  int64      `json:"retired_id"`
	Reason     string     `json:"reason"`
	Moved      MergeMoved `json:"moved"`
	MergedBy   int64      `json:"merged_by,omitempty"`
	MergedAt   time.Time  `json:"merged_at"`
	UndoneBy   int64      `json:"undone_by,omitempty"`
	UndoneAt   *time.Time `json:"undone_at,omitempty"`
}

// MergeMoved lists the items a merge moved from the retired record to the
// survivor.
type MergeMoved struct {
	Encounters  []int64 `json:"encounters"`
	Documents   []int64 `json:"documents"`
	Identifiers []int64 `json:"identifiers"`
	// RetiredBefore holds, for each moved identifier, whether it was
	// already retired before the merge.
	RetiredBefore []bool  `json:"retired_before"`
	Scans         []int64 `json:"scans,omitempty"`
}

// MergeService merges duplicate patient records and undoes merges.
type MergeService interface {
	// MergePatients folds retired into survivor in one transaction: its
	// encounters and documents move, its identifiers stay findable as
	// retired aliases of the survivor, and it is marked merged.
	MergePatients(ctx context.Context, survivorID, retiredID, by int64, reason string) (*Merge, error)
	// Unmerge restores the state before merge id: what it moved goes back;
	// what was added to the survivor since stays.
	Unmerge(ctx context.Context, id, by int64) (*Merge, error)
	Merges(ctx context.Context, patientID int64) ([]*Merge, error)
}
