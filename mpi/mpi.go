// Package mpi is the matching engine of the master patient index: it finds
// records that belong to the same person. It compares records field by field
// (Jaro–Winkler and NYSIIS keys for names with a nickname list, dates that
// forgive a day/month swap or one mistyped digit, normalised addresses,
// phone and SSN digits, sex), weighs the agreement with a Fellegi–Sunter
// model whose m and u probabilities it estimates from the data itself
// (random pairs for u, expectation–maximisation for m, so no labelled pairs
// are needed), adjusts name agreement for how common the name is, and
// explains every score as per-field weights. Candidate pairs come from the
// union of several blocking keys. It is pure: the store, the HTTP handlers
// and the command line feed it records.
package mpi

import (
	"fmt"
	"math"
	"strings"
)

// Record is one person's identifying data as the matcher sees it. Empty
// fields are unknown and neither count for nor against a match.
type Record struct {
	ID        string
	Given     string
	Middle    string
	Family    string
	BirthDate string // YYYYMMDD
	Sex       string // M, F, O or U
	Street    string // house number and street
	Line2     string // unit, building or property name
	City      string
	State     string
	Postal    string
	Phone     string
	SSN       string
}

// Field is a compared part of a record.
type Field int

// The compared fields.
const (
	Given Field = iota
	Family
	BirthDate
	Sex
	Street
	Line2
	Area // city, state and postcode together: they are not independent
	Phone
	SSN
	NumFields
)

var fieldNames = [NumFields]string{"given", "family", "birth_date", "sex", "street", "line2", "area", "phone", "ssn"}

// String returns the field's name as it appears in explanations and models.
func (f Field) String() string {
	if f < 0 || f >= NumFields {
		return fmt.Sprintf("field(%d)", int(f))
	}
	return fieldNames[f]
}

// ParseField returns the field named s.
func ParseField(s string) (Field, bool) {
	for i, n := range fieldNames {
		if n == s {
			return Field(i), true
		}
	}
	return 0, false
}

// Level 0 of every field means a value is missing on one side; the last
// level is disagreement. The names in between say how the values agree.
const missing = 0

// levelNames lists each field's agreement levels from level 1 on.
var levelNames = [NumFields][]string{
	Given:     {"exact", "alias", "close", "similar", "differ"}, // alias: a nickname, the middle name, or names swapped
	Family:    {"exact", "close", "similar", "differ"},
	BirthDate: {"exact", "transposed or one digit", "same year", "differ"},
	Sex:       {"exact", "differ"},
	Street:    {"exact", "close", "similar", "differ"},
	Line2:     {"exact", "close", "differ"},
	Area:      {"postcode and city", "postcode or city", "state or near postcode", "differ"},
	Phone:     {"exact", "close", "differ"},
	SSN:       {"exact", "one digit", "differ"},
}

// maxLevels bounds the number of levels of any field, missing included.
const maxLevels = 6

// Levels returns the names of a field's agreement levels, "missing" first.
func (f Field) Levels() []string {
	return append([]string{"missing"}, levelNames[f]...)
}

func numLevels(f Field) int { return len(levelNames[f]) + 1 }

// Pattern is a comparison vector: the agreement level of every field, four
// bits each.
type Pattern uint64

// Level returns the level of field f.
func (p Pattern) Level(f Field) int { return int(p>>(4*uint(f))) & 0xF }

func (p Pattern) with(f Field, level int) Pattern { return p | Pattern(level)<<(4*uint(f)) }

// Decision is what a score means for a pair.
type Decision string

// The decisions.
const (
	AutoLink Decision = "link"     // the same person: safe to link without review
	Review   Decision = "review"   // possibly the same person: a person decides
	NonMatch Decision = "nonmatch" // different people
)

// FieldWeight is one field's part in a score: how the values agreed and the
// weight (log2 of m over u) that added to or took from the score.
type FieldWeight struct {
	Field  string  `json:"field"`
	Level  string  `json:"level"`
	Weight float64 `json:"weight"`
	Left   string  `json:"left,omitempty"`
	Right  string  `json:"right,omitempty"`
}

// Score explains a pair's match weight: the prior, each field's weight and
// the resulting probability that the two records are the same person.
type Score struct {
	Prior       float64       `json:"prior"`  // log2 of the prior odds
	Weight      float64       `json:"weight"` // prior plus the field weights
	Probability float64       `json:"probability"`
	Decision    Decision      `json:"decision"`
	Note        string        `json:"note,omitempty"`
	Fields      []FieldWeight `json:"fields"`
}

// probability turns a match weight (log2 odds) into a probability.
func probability(w float64) float64 {
	if w > 60 {
		return 1
	}
	if w < -60 {
		return 0
	}
	o := math.Exp2(w)
	return o / (1 + o)
}

// prepared is a record folded for fast comparison.
type prepared struct {
	given, family       string // letters only
	givenKey, familyKey string // NYSIIS
	givenFormal         string // formal name of a nickname
	middle              string // letters only
	dob                 string // 8 digits or ""
	sex                 byte
	street, line2, city string
	state, postal       string
	phone, ssn          string // digits
}

func prepare(r *Record, aliases *aliasTable) prepared {
	var p prepared
	p.given = letters(norm(r.Given))
	p.family = letters(norm(r.Family))
	p.givenKey = nysiis(p.given)
	p.familyKey = nysiis(p.family)
	p.givenFormal = aliases.canonical(p.given)
	p.middle = letters(norm(r.Middle))
	p.dob = normDate(r.BirthDate)
	switch s := strings.ToUpper(strings.TrimSpace(r.Sex)); {
	case s == "":
	case s[0] == 'M' || s[0] == 'F':
		p.sex = s[0]
	}
	p.street = normStreet(r.Street)
	p.line2 = normStreet(r.Line2)
	p.city = norm(r.City)
	p.state = norm(r.State)
	p.postal = strings.ReplaceAll(norm(r.Postal), " ", "")
	p.phone = digits(r.Phone)
	if len(p.phone) > 10 {
		p.phone = p.phone[len(p.phone)-10:]
	}
	if len(p.phone) < 7 || allSame(p.phone) {
		p.phone = ""
	}
	p.ssn = digits(r.SSN)
	if len(p.ssn) < 4 || allSame(p.ssn) {
		p.ssn = ""
	}
	return p
}

// normDate reduces a birth date to YYYYMMDD digits, accepting YYYYMMDD,
// YYYY-MM-DD and MM/DD/YYYY; anything else (or an impossible month or day)
// is unknown.
func normDate(s string) string {
	s = strings.TrimSpace(s)
	var d string
	switch {
	case len(s) == 8:
		d = s
	case len(s) == 10 && (s[4] == '-' || s[4] == '/'):
		d = s[0:4] + s[5:7] + s[8:10]
	case len(s) == 10 && (s[2] == '/' || s[2] == '-'):
		d = s[6:10] + s[0:2] + s[3:5]
	default:
		return ""
	}
	for i := 0; i < 8; i++ {
		if d[i] < '0' || d[i] > '9' {
			return ""
		}
	}
	return d
}

// ValidDate reports whether s is a real calendar birth date. A date with an
// impossible month or day (a typing error, such as 19430834) is still
// compared digit by digit, which is how its error is forgiven.
func ValidDate(s string) bool {
	d := normDate(s)
	if d == "" {
		return false
	}
	m := int(d[4]-'0')*10 + int(d[5]-'0')
	day := int(d[6]-'0')*10 + int(d[7]-'0')
	return m >= 1 && m <= 12 && day >= 1 && day <= 31
}

func allSame(s string) bool {
	for i := 1; i < len(s); i++ {
		if s[i] != s[0] {
			return false
		}
	}
	return true
}

// compare computes the comparison vector of two prepared records.
func compare(a, b *prepared, aliases *aliasTable) Pattern {
	var p Pattern
	swapped := a.given != "" && a.family != "" && a.given == b.family && a.family == b.given
	p = p.with(Given, compareGiven(a, b, aliases, swapped))
	p = p.with(Family, compareFamily(a, b, swapped))
	p = p.with(BirthDate, compareDate(a.dob, b.dob))
	switch {
	case a.sex == 0 || b.sex == 0:
	case a.sex == b.sex:
		p = p.with(Sex, 1)
	default:
		p = p.with(Sex, 2)
	}
	p = p.with(Street, compareText(a.street, b.street, 0.92, 0.80, 4))
	p = p.with(Line2, compareText(a.line2, b.line2, 0.88, 2, 3))
	p = p.with(Area, compareArea(a, b))
	p = p.with(Phone, comparePhone(a.phone, b.phone))
	p = p.with(SSN, compareDigits(a.ssn, b.ssn))
	return p
}

func compareGiven(a, b *prepared, aliases *aliasTable, swapped bool) int {
	x, y := a.given, b.given
	switch {
	case x == "" || y == "":
		return missing
	case x == y:
		return 1
	case swapped || aliases.same(x, y):
		return 2
	case len(x) > 1 && x == b.middle, len(y) > 1 && y == a.middle:
		return 2 // known by the middle name
	}
	if len(x) == 1 || len(y) == 1 { // an initial
		if x[0] == y[0] {
			return 4
		}
		return 5
	}
	jw := JaroWinkler(x, y)
	switch {
	case jw >= 0.92 || withinOneEdit(x, y):
		return 3
	case jw >= 0.80 || a.givenKey == b.givenKey:
		return 4
	}
	return 5
}

func compareFamily(a, b *prepared, swapped bool) int {
	x, y := a.family, b.family
	switch {
	case x == "" || y == "":
		return missing
	case x == y, swapped:
		return 1
	}
	jw := JaroWinkler(x, y)
	switch {
	case jw >= 0.92 || withinOneEdit(x, y):
		return 2
	case jw >= 0.80 || a.familyKey == b.familyKey:
		return 3
	}
	return 4
}

// compareDate levels: exact; day and month swapped or one digit mistyped or
// two adjacent digits swapped; the same year (or the same month and day a
// year apart); differ.
func compareDate(a, b string) int {
	switch {
	case a == "" || b == "":
		return missing
	case a == b:
		return 1
	case a[:4] == b[:4] && a[4:6] == b[6:8] && a[6:8] == b[4:6]:
		return 2
	}
	diff := 0
	for i := 0; i < 8; i++ {
		if a[i] != b[i] {
			diff++
		}
	}
	if diff == 1 || withinOneEdit(a, b) {
		return 2
	}
	if a[:4] == b[:4] || a[4:] == b[4:] {
		return 3
	}
	return 4
}

// compareText levels: exact; Jaro–Winkler ≥ close; ≥ similar; differ (the
// level numbers: 1, 2, 3 and last).
func compareText(a, b string, close, similar float64, last int) int {
	switch {
	case a == "" || b == "":
		return missing
	case a == b:
		return 1
	}
	if close > 1 {
		return last
	}
	jw := JaroWinkler(a, b)
	switch {
	case jw >= close:
		return 2
	case similar <= 1 && jw >= similar:
		return 3
	}
	return last
}

// compareArea compares where two people live at the scale of a town.
// City, state and postcode are one comparison because in most countries
// the postcode implies the other two, so counting them separately would
// count the same evidence three times. Where they are independent (as in
// some test data) the "postcode and city" level simply earns a larger
// weight from the data.
func compareArea(a, b *prepared) int {
	postal := compareDigits(a.postal, b.postal) // 1 exact, 2 one digit, 3 differ
	city := compareText(a.city, b.city, 0.88, 2, 3)
	state := compareText(a.state, b.state, 2, 2, 2)
	switch {
	case postal == missing && city == missing && state == missing:
		return missing
	case postal == 1 && (city == 1 || city == 2):
		return 1
	case postal == 1 || city == 1 || city == 2:
		return 2
	case postal == 2 || state == 1:
		return 3
	}
	return 4
}

func compareDigits(a, b string) int {
	switch {
	case a == "" || b == "":
		return missing
	case a == b:
		return 1
	case withinOneEdit(a, b):
		return 2
	}
	return 3
}

func comparePhone(a, b string) int {
	switch {
	case a == "" || b == "":
		return missing
	case a == b:
		return 1
	case len(a) >= 7 && len(b) >= 7 && a[len(a)-7:] == b[len(b)-7:], withinOneEdit(a, b):
		return 2
	}
	return 3
}

// values returns the display form of field f of a record, for explanations.
func (r *Record) value(f Field) string {
	switch f {
	case Given:
		return r.Given
	case Family:
		return r.Family
	case BirthDate:
		return r.BirthDate
	case Sex:
		return r.Sex
	case Street:
		return r.Street
	case Line2:
		return r.Line2
	case Area:
		return strings.TrimSpace(strings.Join([]string{r.City, r.State, r.Postal}, " "))
	case Phone:
		return r.Phone
	case SSN:
		return r.SSN
	}
	return ""
}
