package postgres

import (
	"strconv"
	"strings"

	"github.com/chartroom/chartroom"
)

// where collects the conditions and arguments of a list query.
type where struct {
	conds []string
	args  []any
}

// add appends a condition written with ? placeholders, numbering them as
// PostgreSQL's $n.
func (w *where) add(cond string, args ...any) {
	var b strings.Builder
	for _, r := range cond {
		if r == '?' {
			w.args = append(w.args, nil)
			b.WriteString("$" + strconv.Itoa(len(w.args)))
			continue
		}
		b.WriteRune(r)
	}
	copy(w.args[len(w.args)-len(args):], args)
	w.conds = append(w.conds, b.String())
}

// limit returns the placeholder for the LIMIT argument n.
func (w *where) limit(n int) string {
	w.args = append(w.args, n)
	return " LIMIT $" + strconv.Itoa(len(w.args))
}

func (w *where) sql() string {
	if len(w.conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(w.conds, " AND ")
}

// prefixEnd returns the smallest string greater than every string with the
// prefix p, so that "family_norm >= p AND family_norm < end" uses the index.
func prefixEnd(p string) string { return p + "\U0010FFFF" } // columns are COLLATE "C": byte order

// findPatients orders by (family_norm, id). A family prefix with a birth
// date, or an MRN, is answered from an index.
func findPatients(f chartroom.PatientFilter, c chartroom.Cursor, limit int) (string, []any) {
	var w where
	from := ` FROM patients p`
	if f.MRN != "" {
		from = ` FROM patient_identifiers i JOIN patients p ON p.id = i.patient_id`
		w.add(`i.value = ?`, f.MRN)
		if f.Facility != "" {
			w.add(`i.facility = ?`, f.Facility)
		}
	} else if f.Facility != "" {
		w.add(`EXISTS (SELECT 1 FROM patient_identifiers i WHERE i.patient_id = p.id AND i.facility = ?)`, f.Facility)
	}
	w.add(`p.merged_into IS NULL`)
	if f.Family != "" {
		w.add(`p.family_norm >= ? AND p.family_norm < ?`, f.Family, prefixEnd(f.Family))
	}
	if f.Given != "" {
		w.add(`p.given_norm >= ? AND p.given_norm < ?`, f.Given, prefixEnd(f.Given))
	}
	if !f.BirthDate.IsZero() {
		w.add(`p.birth_date = ?`, f.BirthDate.String())
	}
	if c.ID != 0 {
		w.add(`(p.family_norm, p.id) > (?, ?)`, c.Key, c.ID)
	}
	return `SELECT ` + patientCols + from + w.sql() + ` ORDER BY p.family_norm, p.id` + w.limit(limit), w.args
}

func findProviders(f chartroom.ProviderFilter, c chartroom.Cursor, limit int) (string, []any) {
	var w where
	if f.Name != "" {
		w.add(`family_norm >= ? AND family_norm < ?`, f.Name, prefixEnd(f.Name))
	}
	if f.NPI != "" {
		w.add(`npi = ?`, f.NPI)
	}
	if c.ID != 0 {
		w.add(`(family_norm, id) > (?, ?)`, c.Key, c.ID)
	}
	return `SELECT ` + providerCols + ` FROM providers` + w.sql() + ` ORDER BY family_norm, id` + w.limit(limit), w.args
}

// findEncounters orders newest admission first.
func findEncounters(f chartroom.EncounterFilter, c chartroom.Cursor, limit int) (string, []any) {
	var w where
	if f.PatientID != 0 {
		w.add(`patient_id = ?`, f.PatientID)
	}
	if f.Facility != "" {
		w.add(`facility = ?`, f.Facility)
	}
	if f.Class != "" {
		w.add(`class = ?`, string(f.Class))
	}
	if f.Status != "" {
		w.add(`status = ?`, string(f.Status))
	}
	if f.Account != "" {
		w.add(`account = ?`, f.Account)
	}
	if !f.From.IsZero() {
		w.add(`admit_at >= ?`, f.From.UTC())
	}
	if !f.To.IsZero() {
		w.add(`admit_at < ?`, f.To.UTC())
	}
	if c.ID != 0 {
		w.add(`(admit_at, id) < (?::timestamptz, ?)`, c.Key, c.ID)
	}
	return `SELECT ` + encounterCols + ` FROM encounters` + w.sql() + ` ORDER BY admit_at DESC, id DESC` + w.limit(limit), w.args
}

// findDocuments orders newest service date first.
func findDocuments(f chartroom.DocumentFilter, c chartroom.Cursor, limit int) (string, []any) {
	var w where
	if f.PatientID != 0 {
		w.add(`patient_id = ?`, f.PatientID)
	}
	if f.EncounterID != 0 {
		w.add(`encounter_id = ?`, f.EncounterID)
	}
	if f.Type != "" {
		w.add(`type = ?`, string(f.Type))
	}
	if !f.From.IsZero() {
		w.add(`service_at >= ?`, f.From.UTC())
	}
	if !f.To.IsZero() {
		w.add(`service_at < ?`, f.To.UTC())
	}
	if c.ID != 0 {
		w.add(`(service_at, id) < (?::timestamptz, ?)`, c.Key, c.ID)
	}
	return `SELECT ` + documentCols + ` FROM documents` + w.sql() + ` ORDER BY service_at DESC, id DESC` + w.limit(limit), w.args
}
