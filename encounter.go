package chartroom

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// Provider is a clinician who attends, authors or operates.
type Provider struct {
	ID        int64      `json:"id"`
	NPI       NPI        `json:"npi"`
	Name      PersonName `json:"name"`
	Specialty string     `json:"specialty,omitempty"`
	Active    bool       `json:"active"`
}

// Validate checks a provider before it is stored.
func (p *Provider) Validate() error {
	if _, err := ParseNPI(string(p.NPI)); err != nil {
		return Invalid("npi", "%v", err)
	}
	return p.Name.Validate("name")
}

// ProviderFilter selects providers.
type ProviderFilter struct {
	Name   string // prefix of the family name
	NPI    string
	Cursor string
	Limit  int
}

// ProviderService keeps providers.
type ProviderService interface {
	CreateProvider(ctx context.Context, p *Provider) error
	Provider(ctx context.Context, id int64) (*Provider, error)
	UpdateProvider(ctx context.Context, p *Provider) error
	FindProviders(ctx context.Context, f ProviderFilter) (Page[*Provider], error)
}

// EncounterClass says what kind of visit an encounter is.
type EncounterClass string

// The encounter classes.
const (
	Inpatient   EncounterClass = "inpatient"
	Outpatient  EncounterClass = "outpatient"
	Emergency   EncounterClass = "emergency"
	Observation EncounterClass = "observation"
)

var encounterClasses = enum[EncounterClass]{"encounter class", []EncounterClass{Inpatient, Outpatient, Emergency, Observation}}

// ParseEncounterClass parses an encounter class.
func ParseEncounterClass(s string) (EncounterClass, error) { return encounterClasses.parse(s) }

// EncounterClasses lists the encounter classes.
func EncounterClasses() []string { return encounterClasses.strings() }

// UnmarshalText implements encoding.TextUnmarshaler by parsing.
func (c *EncounterClass) UnmarshalText(b []byte) error {
	v, err := ParseEncounterClass(string(b))
	*c = v
	return err
}

// EncounterStatus is where an encounter stands.
type EncounterStatus string

// The encounter statuses.
const (
	EncounterPlanned    EncounterStatus = "planned"
	EncounterInProgress EncounterStatus = "in-progress"
	EncounterFinished   EncounterStatus = "finished"
	EncounterCancelled  EncounterStatus = "cancelled"
)

var encounterStatuses = enum[EncounterStatus]{"encounter status", []EncounterStatus{EncounterPlanned, EncounterInProgress, EncounterFinished, EncounterCancelled}}

// ParseEncounterStatus parses an encounter status.
func ParseEncounterStatus(s string) (EncounterStatus, error) { return encounterStatuses.parse(s) }

// UnmarshalText implements encoding.TextUnmarshaler by parsing.
func (c *EncounterStatus) UnmarshalText(b []byte) error {
	v, err := ParseEncounterStatus(string(b))
	*c = v
	return err
}

// Encounter is one visit or stay of a patient at a facility.
type Encounter struct {
	ID          int64           `json:"id"`
	PatientID   int64           `json:"patient_id"`
	Facility    string          `json:"facility"`
	Account     string          `json:"account,omitempty"` // visit or account number (PV1-19)
	Class       EncounterClass  `json:"class"`
	Status      EncounterStatus `json:"status"`
	AdmitAt     time.Time       `json:"admit_at"`
	DischargeAt *time.Time      `json:"discharge_at,omitempty"`
	AdmitSource string          `json:"admit_source,omitempty"` // UB-04 point of origin code
	Disposition string          `json:"disposition,omitempty"`  // UB-04 patient discharge status code
	AttendingID int64           `json:"attending_id,omitempty"`
	Service     string          `json:"service,omitempty"` // MED, SUR, OBS, …
	Payer       string          `json:"payer,omitempty"`
	Reason      string          `json:"reason,omitempty"` // chief complaint or reason for visit
	Version     int64           `json:"version"`
	CreatedAt   time.Time       `json:"created_at"`
	UpdatedAt   time.Time       `json:"updated_at"`
}

// Validate checks an encounter before it is stored.
func (e *Encounter) Validate() error {
	if e.PatientID <= 0 {
		return Invalid("patient_id", "patient is required")
	}
	if _, err := ParseFacilityCode(e.Facility); err != nil {
		return Invalid("facility", "%v", err)
	}
	if _, err := ParseEncounterClass(string(e.Class)); err != nil {
		return Invalid("class", "%v", err)
	}
	if e.Status == "" {
		e.Status = EncounterInProgress
	}
	if _, err := ParseEncounterStatus(string(e.Status)); err != nil {
		return Invalid("status", "%v", err)
	}
	if e.AdmitAt.IsZero() {
		return Invalid("admit_at", "admit date-time is required")
	}
	if e.DischargeAt != nil && e.DischargeAt.Before(e.AdmitAt) {
		return Invalid("discharge_at", "discharge is before admission")
	}
	if e.AdmitSource != "" && !isCodeChars(e.AdmitSource, 2) {
		return Invalid("admit_source", "want a 1–2 character point-of-origin code")
	}
	if e.Disposition != "" && !isCodeChars(e.Disposition, 2) {
		return Invalid("disposition", "want a 2-digit discharge status code")
	}
	if len(e.Service) > 20 || len(e.Payer) > 60 || len(e.Account) > 40 {
		return Invalid("service", "service, payer or account is too long")
	}
	return nil
}

func isCodeChars(s string, max int) bool {
	if len(s) == 0 || len(s) > max {
		return false
	}
	return strings.IndexFunc(s, func(r rune) bool { return !(r >= '0' && r <= '9' || r >= 'A' && r <= 'Z') }) < 0
}

// LengthOfStay returns whole days from admission to discharge (0 while the
// patient is in house).
func (e *Encounter) LengthOfStay() int {
	if e.DischargeAt == nil {
		return 0
	}
	return int(DateOf(*e.DischargeAt).Time().Sub(DateOf(e.AdmitAt).Time()).Hours() / 24)
}

// EncounterFilter selects encounters.
type EncounterFilter struct {
	PatientID int64
	Facility  string
	Class     EncounterClass
	Status    EncounterStatus
	From, To  time.Time // admitted in [From, To)
	Account   string
	Cursor    string
	Limit     int
}

// EncounterService keeps encounters.
type EncounterService interface {
	CreateEncounter(ctx context.Context, e *Encounter) error
	Encounter(ctx context.Context, id int64) (*Encounter, error)
	UpdateEncounter(ctx context.Context, e *Encounter) error
	FindEncounters(ctx context.Context, f EncounterFilter) (Page[*Encounter], error)
}

// Cursor encodes a keyset position for paging: the last item's sort key
// and id. It is opaque to clients.
type Cursor struct {
	Key string
	ID  int64
}

// EncodeCursor returns the opaque form of c.
func EncodeCursor(key string, id int64) string {
	return fmt.Sprintf("%x.%d", key, id)
}

// DecodeCursor parses EncodeCursor's output.
func DecodeCursor(s string) (Cursor, error) {
	if s == "" {
		return Cursor{}, nil
	}
	i := strings.LastIndexByte(s, '.')
	if i < 0 {
		return Cursor{}, Invalid("cursor", "malformed cursor")
	}
	var c Cursor
	if _, err := fmt.Sscanf(s[i+1:], "%d", &c.ID); err != nil {
		return Cursor{}, Invalid("cursor", "malformed cursor")
	}
	var key []byte
	if i > 0 {
		if _, err := fmt.Sscanf(s[:i], "%x", &key); err != nil {
			return Cursor{}, Invalid("cursor", "malformed cursor")
		}
	}
	c.Key = string(key)
	return c, nil
}

// PageLimit clamps a requested page size.
func PageLimit(n int) int {
	switch {
	case n <= 0:
		return 50
	case n > 500:
		return 500
	}
	return n
}
