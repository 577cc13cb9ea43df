package mpi

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Warning is a problem with one row of an input file. The row is still
// scored with what could be read.
type Warning struct {
	File    string
	Line    int
	Field   string
	Message string
}

func (w Warning) String() string {
	return fmt.Sprintf("%s:%d: %s: %s", w.File, w.Line, w.Field, w.Message)
}

// Column names the matcher recognises without a mapping, by field: the
// FEBRL layout, the usual registration-export names and the ONC challenge's.
var defaultColumns = map[string][]string{
	"id":            {"rec_id", "id", "record_id", "enterpriseid", "patient_id", "mrn"},
	"given":         {"given_name", "given", "first_name", "first", "firstname", "fname"},
	"middle":        {"middle_name", "middle", "mname"},
	"family":        {"surname", "family", "family_name", "last_name", "last", "lastname", "lname"},
	"birth_date":    {"date_of_birth", "birth_date", "dob", "birthdate"},
	"sex":           {"sex", "gender"},
	"street_number": {"street_number"},
	"street":        {"address_1", "street", "address1", "address", "line1"},
	"line2":         {"address_2", "address2", "line2"},
	"city":          {"suburb", "city", "town"},
	"state":         {"state"},
	"postal":        {"postcode", "postal", "zip", "zipcode", "postal_code"},
	"phone":         {"phone", "phone_number", "telephone"},
	"ssn":           {"soc_sec_id", "ssn", "social_security_number"},
}

// ParseMap reads a column mapping such as "given=given_name,family=surname".
func ParseMap(s string) (map[string]string, error) {
	m := map[string]string{}
	if strings.TrimSpace(s) == "" {
		return m, nil
	}
	for _, kv := range strings.Split(s, ",") {
		k, v, ok := strings.Cut(kv, "=")
		k, v = strings.TrimSpace(k), strings.TrimSpace(v)
		if !ok || k == "" || v == "" {
			return nil, fmt.Errorf("--map: %q is not field=column", kv)
		}
		if _, known := defaultColumns[k]; !known {
			return nil, fmt.Errorf("--map: unknown field %q (fields: id, given, middle, family, birth_date, sex, street_number, street, line2, city, state, postal, phone, ssn)", k)
		}
		m[k] = v
	}
	return m, nil
}

// ReadCSV reads records from a CSV file with a header row. mapping names
// the column of each field (see ParseMap); fields it leaves out are found by
// their usual names, so the FEBRL files read as they are. Rows with missing
// columns, unreadable dates or no name at all are read as far as they go
// and reported as warnings; a file without an id column, or that is not CSV
// at all, is an error.
func ReadCSV(r io.Reader, file string, mapping map[string]string) ([]Record, []Warning, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true
	cr.LazyQuotes = true
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err != nil {
		return nil, nil, fmt.Errorf("%s: reading the header row: %w", file, err)
	}
	col := map[string]int{}
	lower := make([]string, len(header))
	for i, h := range header {
		lower[i] = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
	}
	for field, names := range defaultColumns {
		if want, ok := mapping[field]; ok {
			names = []string{strings.ToLower(want)}
		}
		for _, n := range names {
			if i := indexOf(lower, n); i >= 0 {
				col[field] = i
				break
			}
		}
		if want, ok := mapping[field]; ok {
			if _, found := col[field]; !found {
				return nil, nil, fmt.Errorf("%s: --map names column %q for %s, but the header has no such column (it has: %s)", file, want, field, strings.Join(header, ", "))
			}
		}
	}
	if _, ok := col["id"]; !ok {
		return nil, nil, fmt.Errorf("%s: no id column (looked for %s); name it with --map id=COLUMN", file, strings.Join(defaultColumns["id"], ", "))
	}
	var recs []Record
	var warns []Warning
	for {
		row, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		line, _ := cr.FieldPos(0)
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				warns = append(warns, Warning{file, pe.Line, "row", "unreadable CSV: " + pe.Err.Error()})
				continue
			}
			return recs, warns, fmt.Errorf("%s: %w", file, err)
		}
		get := func(field string) string {
			i, ok := col[field]
			if !ok || i >= len(row) {
				return ""
			}
			return strings.TrimSpace(row[i])
		}
		if len(row) < len(header) {
			warns = append(warns, Warning{file, line, "row", fmt.Sprintf("has %d of the header's %d columns; the missing ones are read as empty", len(row), len(header))})
		}
		rec := Record{
			ID: get("id"), Given: get("given"), Middle: get("middle"), Family: get("family"),
			BirthDate: get("birth_date"), Sex: get("sex"), Line2: get("line2"), City: get("city"),
			State: get("state"), Postal: get("postal"), Phone: get("phone"), SSN: get("ssn"),
		}
		rec.Street = strings.TrimSpace(get("street_number") + " " + get("street"))
		if rec.ID == "" {
			warns = append(warns, Warning{file, line, "id", "empty id; the row is skipped"})
			continue
		}
		if rec.Given == "" && rec.Family == "" {
			warns = append(warns, Warning{file, line, "name", "no given or family name"})
		}
		if rec.BirthDate != "" && !ValidDate(rec.BirthDate) {
			warns = append(warns, Warning{file, line, "birth_date", fmt.Sprintf("%q is not a calendar date (YYYYMMDD, YYYY-MM-DD or MM/DD/YYYY); compared digit by digit", rec.BirthDate)})
		}
		recs = append(recs, rec)
	}
	return recs, warns, nil
}

func indexOf(xs []string, s string) int {
	for i, x := range xs {
		if x == s {
			return i
		}
	}
	return -1
}
