package postgres

import (
	"github.com/chartroom/chartroom"
	"github.com/chartroom/chartroom/sqlstore"
)

// findPatients orders by (family_norm, id). A family prefix with a birth
// date, or an MRN, is answered from an index.
func findPatients(f chartroom.PatientFilter, c chartroom.Cursor, limit int) (string, []any) {
	w := sqlstore.Where{Numbered: true}
	from := ` FROM patients p`
	if f.MRN != "" {
		from = ` FROM patient_identifiers i JOIN patients p ON p.id = i.patient_id`
		w.Add(`i.value = ?`, f.MRN)
		if f.Facility != "" {
			w.Add(`i.facility = ?`, f.Facility)
		}
	} else if f.Facility != "" {
		w.Add(`EXISTS (SELECT 1 FROM patient_identifiers i WHERE i.patient_id = p.id AND i.facility = ?)`, f.Facility)
	}
	w.Add(`p.merged_into IS NULL`)
	if f.SSNIndex != nil {
		w.Add(`p.ssn_bidx = ?`, f.SSNIndex)
	}
	if f.Family != "" {
		w.Add(`p.family_norm >= ? AND p.family_norm < ?`, f.Family, sqlstore.PrefixEnd(f.Family))
	}
	if f.Given != "" {
		w.Add(`p.given_norm >= ? AND p.given_norm < ?`, f.Given, sqlstore.PrefixEnd(f.Given))
	}
	if !f.BirthDate.IsZero() {
		w.Add(`p.birth_date = ?`, f.BirthDate.String())
	}
	if c.ID != 0 {
		w.Add(`(p.family_norm, p.id) > (?, ?)`, c.Key, c.ID)
	}
	return `SELECT ` + patientCols + from + w.SQL() + ` ORDER BY p.family_norm, p.id` + w.Limit(limit), w.Args()
}

func findProviders(f chartroom.ProviderFilter, c chartroom.Cursor, limit int) (string, []any) {
	w := sqlstore.Where{Numbered: true}
	if f.Name != "" {
		w.Add(`family_norm >= ? AND family_norm < ?`, f.Name, sqlstore.PrefixEnd(f.Name))
	}
	if f.NPI != "" {
		w.Add(`npi = ?`, f.NPI)
	}
	if c.ID != 0 {
		w.Add(`(family_norm, id) > (?, ?)`, c.Key, c.ID)
	}
	return `SELECT ` + providerCols + ` FROM providers` + w.SQL() + ` ORDER BY family_norm, id` + w.Limit(limit), w.Args()
}

// findEncounters orders newest admission first.
func findEncounters(f chartroom.EncounterFilter, c chartroom.Cursor, limit int) (string, []any) {
	w := sqlstore.Where{Numbered: true}
	if f.PatientID != 0 {
		w.Add(`patient_id = ?`, f.PatientID)
	}
	if f.Facility != "" {
		w.Add(`facility = ?`, f.Facility)
	}
	if f.Class != "" {
		w.Add(`class = ?`, string(f.Class))
	}
	if f.Status != "" {
		w.Add(`status = ?`, string(f.Status))
	}
	if f.Account != "" {
		w.Add(`account = ?`, f.Account)
	}
	if !f.From.IsZero() {
		w.Add(`admit_at >= ?`, f.From.UTC())
	}
	if !f.To.IsZero() {
		w.Add(`admit_at < ?`, f.To.UTC())
	}
	if c.ID != 0 {
		w.Add(`(admit_at, id) < (?::timestamptz, ?)`, c.Key, c.ID)
	}
	return `SELECT ` + encounterCols + ` FROM encounters` + w.SQL() + ` ORDER BY admit_at DESC, id DESC` + w.Limit(limit), w.Args()
}

// findDocuments orders newest service date first.
func findDocuments(f chartroom.DocumentFilter, c chartroom.Cursor, limit int) (string, []any) {
	w := sqlstore.Where{Numbered: true}
	if f.PatientID != 0 {
		w.Add(`patient_id = ?`, f.PatientID)
	}
	if f.EncounterID != 0 {
		w.Add(`encounter_id = ?`, f.EncounterID)
	}
	if f.Type != "" {
		w.Add(`type = ?`, string(f.Type))
	}
	if !f.From.IsZero() {
		w.Add(`service_at >= ?`, f.From.UTC())
	}
	if !f.To.IsZero() {
		w.Add(`service_at < ?`, f.To.UTC())
	}
	if c.ID != 0 {
		w.Add(`(service_at, id) < (?::timestamptz, ?)`, c.Key, c.ID)
	}
	return `SELECT ` + documentCols + ` FROM documents` + w.SQL() + ` ORDER BY service_at DESC, id DESC` + w.Limit(limit), w.Args()
}
