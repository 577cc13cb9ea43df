// Package demogen writes the fictitious demo hospital that 'chartroom serve
// --demo' loads: Harbor View Medical Center and its clinic, their providers,
// about two hundred patients with encounters, and the clinical documents of
// each visit (H&Ps, progress notes, discharge summaries, operative notes,
// ED and clinic notes, imaging and pathology reports, scanned consents).
// It is deterministic: the same seed writes the same hospital. Every name,
// number and note is invented.
package demogen

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/chartroom/chartroom"
)

// Hospital is everything the generator wrote.
type Hospital struct {
	Facilities []*chartroom.Facility
	Providers  []*chartroom.Provider
	Patients   []*Patient
}

// Patient is a patient with their visits.
type Patient struct {
	*chartroom.Patient
	Visits []*Visit
	// DuplicateOf is the index of the patient this registration duplicates,
	// or -1: a few demo patients were registered twice, with a typo or a
	// nickname, so the duplicate worklist has work.
	DuplicateOf int
}

// Visit is an encounter with its documents and the codes a coder would
// assign.
type Visit struct {
	*chartroom.Encounter
	Scenario  string
	Documents []*Document
	Codes     []string // ICD-10-CM, principal or first-listed first
	PCS       []string // ICD-10-PCS procedures
	MustNot   []string // codes the notes mention only as negated, ruled out or historical
	attending *chartroom.Provider
}

// Document is a document with its content.
type Document struct {
	*chartroom.Document
	Text        string
	ContentType string
	Binary      []byte
	attending   *chartroom.Provider
}

// Store is what Load needs from the store.
type Store interface {
	CreateFacility(ctx context.Context, f *chartroom.Facility) error
	Facilities(ctx context.Context) ([]*chartroom.Facility, error)
	CreateProvider(ctx context.Context, p *chartroom.Provider) error
	CreatePatient(ctx context.Context, p *chartroom.Patient) error
	CreateEncounter(ctx context.Context, e *chartroom.Encounter) error
	CreateDocument(ctx context.Context, d *chartroom.Document, c chartroom.DocumentContent) error
}

// generator carries the random source and the running counters.
type generator struct {
	r      *rand.Rand
	now    time.Time
	mrn    int
	acct   int
	h      *Hospital
	byServ map[string][]*chartroom.Provider
}

// Generate writes a hospital with n patients. now anchors the dates (visits
// fall in the two years before it); pass a fixed time for a fixed output.
func Generate(seed uint64, n int, now time.Time) *Hospital {
	g := &generator{r: rand.New(rand.NewPCG(seed, 0xC4A27)), now: now.UTC().Truncate(time.Minute), mrn: 400100, acct: 7700100, h: &Hospital{}, byServ: map[string][]*chartroom.Provider{}}
	g.h.Facilities = []*chartroom.Facility{{Code: "MAIN", Name: "Harbor View Medical Center"}, {Code: "CLIN", Name: "Harbor View Family Clinic"}}
	g.providers()
	for i := 0; i < n; i++ {
		g.patient(i)
	}
	return g.h
}

var services = []struct{ code, specialty string }{
	{"MED", "Internal Medicine"}, {"CAR", "Cardiology"}, {"SUR", "General Surgery"}, {"ORT", "Orthopaedic Surgery"}, {"NEU", "Neurology"},
	{"GI", "Gastroenterology"}, {"OBS", "Obstetrics and Gynecology"}, {"PED", "Pediatrics"}, {"EM", "Emergency Medicine"}, {"FM", "Family Medicine"},
	{"END", "Endocrinology"}, {"PSY", "Psychiatry"}, {"ID", "Infectious Disease"}, {"RAD", "Radiology"}, {"PATH", "Pathology"},
}

func (g *generator) providers() {
	for i := 0; i < 26; i++ {
		s := services[i%len(services)]
		base := fmt.Sprintf("19%07d", 4400000+i*37) // nine digits in a range no real NPI uses for this demo
		npi := chartroom.NPI(base + string(chartroom.NPICheckDigit(base)))
		given := femaleGiven
		if i%2 == 1 {
			given = maleGiven
		}
		p := &chartroom.Provider{NPI: npi, Name: chartroom.PersonName{Family: families[(i*7+3)%len(families)], Given: given[(i*5)%len(given)], Suffix: "MD"}, Specialty: s.specialty, Active: true}
		g.h.Providers = append(g.h.Providers, p)
		g.byServ[s.code] = append(g.byServ[s.code], p)
	}
}

func (g *generator) pick(xs []string) string { return xs[g.r.IntN(len(xs))] }

func (g *generator) patient(i int) {
	r := g.r
	sex := chartroom.SexFemale
	given := g.pick(femaleGiven)
	if r.IntN(2) == 0 {
		sex, given = chartroom.SexMale, g.pick(maleGiven)
	}
	// Ages spread from newborns to the very old, weighted to adults.
	age := []int{0, 3, 8, 16, 25, 34, 42, 51, 58, 63, 67, 71, 76, 82, 88, 94}[r.IntN(16)] + r.IntN(5)
	birth := g.now.AddDate(-age, -r.IntN(12), -r.IntN(28))
	g.mrn += 1 + r.IntN(7)
	town := towns[r.IntN(len(towns))]
	p := &chartroom.Patient{
		Name:        chartroom.PersonName{Family: g.pick(families), Given: given, Middle: string(rune('A' + r.IntN(26)))},
		BirthDate:   chartroom.DateOf(birth),
		Sex:         sex,
		Identifiers: []chartroom.Identifier{{Type: "MR", Facility: "MAIN", Value: fmt.Sprintf("H%07d", g.mrn)}},
		SSN:         chartroom.SSN(fmt.Sprintf("%03d%02d%04d", 700+r.IntN(60), 10+r.IntN(89), 1000+r.IntN(8999))),
		Addresses:   []chartroom.Address{{Use: "home", Line1: fmt.Sprintf("%d %s %s", 10+r.IntN(980), g.pick(streets), g.pick(suffixes)), City: town.city, State: "ME", Postal: town.zip}},
		Telecoms:    []chartroom.Telecom{{Use: "mobile", System: "phone", Value: fmt.Sprintf("207-555-01%02d", r.IntN(100))}},
	}
	if r.IntN(3) == 0 {
		p.Identifiers = append(p.Identifiers, chartroom.Identifier{Type: "MR", Facility: "CLIN", Value: fmt.Sprintf("C%06d", g.mrn-300000)})
	}
	if age >= 18 {
		rel := []string{"spouse", "child", "sibling", "friend"}[r.IntN(4)]
		p.Contacts = []chartroom.Contact{{Relationship: rel, Name: chartroom.PersonName{Family: p.Name.Family, Given: g.pick(femaleGiven)}, Phone: fmt.Sprintf("207-555-01%02d", r.IntN(100))}}
	} else {
		p.Contacts = []chartroom.Contact{{Relationship: "parent", Name: chartroom.PersonName{Family: p.Name.Family, Given: g.pick(maleGiven)}, Phone: fmt.Sprintf("207-555-01%02d", r.IntN(100))}}
	}
	switch i % 41 {
	case 7:
		p.Confidentiality.VIP = true
	case 19:
		p.Confidentiality.Employee = true
	case 33:
		p.Confidentiality.Restricted = true
	}
	dp := &Patient{Patient: p, DuplicateOf: -1}
	g.h.Patients = append(g.h.Patients, dp)
	nv := 1 + r.IntN(4)
	for v := 0; v < nv; v++ {
		if sc, ok := g.scenarioFor(age, sex); ok {
			g.visit(dp, sc, age)
		}
	}
	if age > 85 && r.IntN(4) == 0 && len(dp.Visits) > 0 {
		last := dp.Visits[len(dp.Visits)-1]
		if last.DischargeAt != nil {
			d := last.DischargeAt.Add(72 * time.Hour)
			if d.Before(g.now) {
				p.DeceasedAt = &d
			}
		}
	}
	// Every twenty-third patient was registered a second time at the
	// clinic with a registrar's slip: a nickname, a transposed birth date or
	// a typo in the family name.
	if i%23 == 11 {
		g.duplicate(len(g.h.Patients) - 1)
	}
}

func (g *generator) duplicate(of int) {
	src := g.h.Patients[of].Patient
	d := *src
	d.Identifiers = []chartroom.Identifier{{Type: "MR", Facility: "CLIN", Value: fmt.Sprintf("C%06d", 900000+of)}}
	d.Contacts, d.DeceasedAt, d.Confidentiality = nil, nil, chartroom.Confidentiality{}
	switch of % 3 {
	case 0:
		if nick, ok := nicknames[d.Name.Given]; ok {
			d.Name.Given = nick
		} else {
			d.Name.Given = d.Name.Given[:len(d.Name.Given)-1]
		}
	case 1:
		t := d.BirthDate.Time()
		if t.Day() <= 12 && t.Day() != int(t.Month()) {
			d.BirthDate = chartroom.NewDate(t.Year(), time.Month(t.Day()), int(t.Month()))
		} else {
			d.BirthDate = d.BirthDate.AddDays(1)
		}
	default:
		f := []byte(d.Name.Family)
		if len(f) > 3 {
			f[2], f[3] = f[3], f[2]
		}
		d.Name.Family = string(f)
	}
	dp := &Patient{Patient: &d, DuplicateOf: of}
	g.h.Patients = append(g.h.Patients, dp)
}

// scenarioFor picks a scenario that fits the patient's age and sex.
func (g *generator) scenarioFor(age int, sex chartroom.Sex) (*scenario, bool) {
	for tries := 0; tries < 40; tries++ {
		s := &scenarios[g.r.IntN(len(scenarios))]
		if age >= s.minAge && age <= s.maxAge && (s.sex == "" || s.sex == sex) {
			return s, true
		}
	}
	return nil, false
}
