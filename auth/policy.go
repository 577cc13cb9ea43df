package auth

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/chartroom/chartroom"
)

// Action is something a user may be allowed to do, named area.verb.
type Action string

// The actions routes and services check.
const (
	PatientRead      Action = "patient.read"
	PatientWrite     Action = "patient.write"
	EncounterRead    Action = "encounter.read"
	EncounterWrite   Action = "encounter.write"
	DocumentRead     Action = "document.read"
	DocumentWrite    Action = "document.write"
	DocumentIndex    Action = "document.index" // scanning and indexing images
	ProviderRead     Action = "provider.read"
	ProviderWrite    Action = "provider.write"
	CodesRead        Action = "codes.read"
	CodesAdmin       Action = "codes.admin"
	UserAdmin        Action = "user.admin"
	AuditRead        Action = "audit.read"
	InterfaceWrite   Action = "interface.write" // HL7/FHIR feeds
	InterfaceMonitor Action = "interface.monitor"
	SeeRestricted    Action = "patient.restricted" // see VIP, employee and restricted patients without breaking the glass
	SeeAllFacilities Action = "facility.all"
	PatientMerge     Action = "patient.merge" // merge and unmerge duplicate records
	ReleaseRead      Action = "release.read"  // see release-of-information requests and disclosures
	ReleaseWrite     Action = "release.write" // take, work and release requests; log disclosures
	ReleaseAdmin     Action = "release.admin" // set the fee schedule and release settings
	CodingRead       Action = "coding.read"   // see abstracts, coding worklists and the DNFB report
	CodingWrite      Action = "coding.write"  // code encounters: edit, finalise and rebill abstracts
)

// Policy maps roles to the actions they may take. It is data: a site
// extends it with Grant rather than by changing code.
type Policy struct {
	grants map[chartroom.Role]map[Action]bool
	// BreakGlassFor is how long a break-the-glass grant lasts.
	BreakGlassFor time.Duration
}

// NewPolicy returns Chartroom's standard permission table.
func NewPolicy() *Policy {
	p := &Policy{grants: map[chartroom.Role]map[Action]bool{}, BreakGlassFor: 30 * time.Minute}
	read := []Action{PatientRead, EncounterRead, DocumentRead, ProviderRead, CodesRead}
	p.Grant(chartroom.RoleAdmin, UserAdmin, CodesAdmin, AuditRead, InterfaceMonitor, ProviderRead, ProviderWrite, SeeAllFacilities, CodesRead)
	p.Grant(chartroom.RoleHIMManager, append(read, ReleaseRead, ReleaseWrite, ReleaseAdmin, CodingRead, CodingWrite, PatientWrite, PatientMerge, EncounterWrite, DocumentWrite, DocumentIndex, ProviderWrite, CodesAdmin, InterfaceMonitor)...)
	p.Grant(chartroom.RoleCoder, append(read, CodingRead, CodingWrite)...)
	p.Grant(chartroom.RoleCDI, append(read, CodingRead)...)
	p.Grant(chartroom.RoleROI, append(read, DocumentIndex, ReleaseRead, ReleaseWrite)...)
	p.Grant(chartroom.RoleClinician, append(read, DocumentWrite, EncounterWrite)...)
	p.Grant(chartroom.RoleBilling, PatientRead, EncounterRead, ProviderRead, CodesRead, CodingRead)
	p.Grant(chartroom.RolePrivacy, append(read, AuditRead, SeeRestricted, SeeAllFacilities, ReleaseRead)...)
	p.Grant(chartroom.RoleResearcher, CodesRead)
	p.Grant(chartroom.RoleInterface, PatientRead, PatientWrite, PatientMerge, EncounterRead, EncounterWrite, DocumentRead, DocumentWrite, ProviderRead, ProviderWrite, InterfaceWrite, SeeAllFacilities)
	return p
}

// Grant lets role take actions.
func (p *Policy) Grant(role chartroom.Role, actions ...Action) {
	m := p.grants[role]
	if m == nil {
		m = map[Action]bool{}
		p.grants[role] = m
	}
	for _, a := range actions {
		m[a] = true
	}
}

// Revoke takes actions away from role.
func (p *Policy) Revoke(role chartroom.Role, actions ...Action) {
	for _, a := range actions {
		delete(p.grants[role], a)
	}
}

// Allows reports whether any of the user's roles grants action.
func (p *Policy) Allows(u *chartroom.User, a Action) bool {
	if u == nil || u.Disabled {
		return false
	}
	for _, r := range u.Roles {
		if p.grants[r][a] {
			return true
		}
	}
	return false
}

// RoleAllows reports whether role grants action.
func (p *Policy) RoleAllows(r chartroom.Role, a Action) bool { return p.grants[r][a] }

// ParseGrants reads site extensions to the table, one "role action…" line
// each, with # comments.
func (p *Policy) ParseGrants(text string) error {
	for i, line := range strings.Split(text, "\n") {
		if j := strings.IndexByte(line, '#'); j >= 0 {
			line = line[:j]
		}
		f := strings.Fields(line)
		if len(f) == 0 {
			continue
		}
		r, err := chartroom.ParseRole(f[0])
		if err != nil {
			return fmt.Errorf("line %d: %w", i+1, err)
		}
		for _, a := range f[1:] {
			if !strings.Contains(a, ".") {
				return fmt.Errorf("line %d: %q is not an action (area.verb)", i+1, a)
			}
			p.Grant(r, Action(a))
		}
	}
	return nil
}

// Table lists role → actions, sorted, for display and documentation.
func (p *Policy) Table() map[chartroom.Role][]Action {
	out := map[chartroom.Role][]Action{}
	for r, m := range p.grants {
		for a := range m {
			out[r] = append(out[r], a)
		}
		sort.Slice(out[r], func(i, j int) bool { return out[r][i] < out[r][j] })
	}
	return out
}

// PatientAccess is the answer to "may this user see this patient?".
type PatientAccess int

// The answers.
const (
	AccessDenied     PatientAccess = iota // not at the user's facilities
	AccessGranted                         // ordinary access
	AccessBreakGlass                      // restricted: the user may break the glass with a reason
)

// SeePatient decides whether u may see p. facilities are the facilities at
// which p has identifiers or encounters. glass reports whether u holds an
// unexpired break-the-glass grant for p.
func (p *Policy) SeePatient(u *chartroom.User, pt *chartroom.Patient, glass bool) PatientAccess {
	if !p.Allows(u, SeeAllFacilities) {
		ok := false
		for _, id := range pt.Identifiers {
			if u.WorksAt(id.Facility) {
				ok = true
				break
			}
		}
		if !ok {
			return AccessDenied
		}
	}
	if pt.Confidentiality.Any() && !p.Allows(u, SeeRestricted) && !glass {
		return AccessBreakGlass
	}
	return AccessGranted
}

// Roles returns every role in the table.
func (p *Policy) Roles() []chartroom.Role {
	rs := chartroom.Roles()
	for r := range p.grants {
		if !slices.Contains(rs, r) {
			rs = append(rs, r)
		}
	}
	return rs
}
