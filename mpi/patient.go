package mpi

import (
	"strconv"

	"github.com/chartroom/chartroom"
)

// FromPatient gives the matcher's view of a patient record: the legal name,
// birth date, sex, home (or first) address, first phone and SSN. The ID is
// the patient's database id.
func FromPatient(p *chartroom.Patient) Record {
	r := Record{
		ID:     strconv.FormatInt(p.ID, 10),
		Given:  p.Name.Given,
		Middle: p.Name.Middle,
		Family: p.Name.Family,
		Sex:    string(p.Sex),
		SSN:    string(p.SSN),
	}
	if !p.BirthDate.IsZero() {
		r.BirthDate = p.BirthDate.Time().Format("20060102")
	}
	for i, a := range p.Addresses {
		if i == 0 || a.Use == "home" {
			r.Street, r.Line2, r.City, r.State, r.Postal = a.Line1, a.Line2, a.City, a.State, a.Postal
			if a.Use == "home" {
				break
			}
		}
	}
	for _, t := range p.Telecoms {
		if t.System == "" || t.System == "phone" {
			r.Phone = t.Value
			break
		}
	}
	return r
}
