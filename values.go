package chartroom

import (
	"fmt"
	"strings"
	"time"
	"unicode"
)

// Date is a calendar date without a time zone, such as a birth date or a date
// of service. The zero Date means "unknown".
type Date struct{ t time.Time }

// ParseDate parses an ISO 8601 date (2006-01-02) or an HL7 date (20060102).
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	layouts := []string{"2006-01-02", "20060102"}
	for _, l := range layouts {
		if len(s) != len(l) {
			continue
		}
		if t, err := time.Parse(l, s); err == nil {
			return Date{t}, nil
		}
	}
	return Date{}, fmt.Errorf("%q is not a date: want YYYY-MM-DD", s)
}

// MustDate is ParseDate for constants in tests and generators; it panics on
// bad input.
func MustDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// DateOf returns the calendar date of t in t's location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{time.Date(y, m, d, 0, 0, 0, 0, time.UTC)}
}

// NewDate returns the given calendar date.
func NewDate(y int, m time.Month, d int) Date { return Date{time.Date(y, m, d, 0, 0, 0, 0, time.UTC)} }

// IsZero reports whether d is unknown.
func (d Date) IsZero() bool { return d.t.IsZero() }

// Time returns midnight UTC of d.
func (d Date) Time() time.Time { return d.t }

// String formats d as YYYY-MM-DD, or "" when unknown.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.t.Format("2006-01-02")
}

// Before reports whether d is before e.
func (d Date) Before(e Date) bool { return d.t.Before(e.t) }

// AddDays returns d plus n days.
func (d Date) AddDays(n int) Date { return Date{d.t.AddDate(0, 0, n)} }

// AgeOn returns the age in whole years on day.
func (d Date) AgeOn(day Date) int {
	y := day.t.Year() - d.t.Year()
	if day.t.Month() < d.t.Month() || (day.t.Month() == d.t.Month() && day.t.Day() < d.t.Day()) {
		y--
	}
	return y
}

// MarshalText implements encoding.TextMarshaler.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler; "" is the zero Date.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// Sex is administrative sex as in HL7 table 0001.
type Sex string

// The administrative sexes.
const (
	SexFemale  Sex = "F"
	SexMale    Sex = "M"
	SexOther   Sex = "O"
	SexUnknown Sex = "U"
)

// ParseSex accepts F, M, O, U (and the words female, male, other, unknown).
func ParseSex(s string) (Sex, error) {
	switch strings.ToUpper(strings.TrimSpace(s)) {
	case "F", "FEMALE":
		return SexFemale, nil
	case "M", "MALE":
		return SexMale, nil
	case "O", "OTHER", "A", "N":
		return SexOther, nil
	case "U", "UNKNOWN", "":
		return SexUnknown, nil
	}
	return "", fmt.Errorf("%q is not an administrative sex: want F, M, O or U", s)
}

// UnmarshalText implements encoding.TextUnmarshaler by parsing.
func (s *Sex) UnmarshalText(b []byte) error {
	v, err := ParseSex(string(b))
	*s = v
	return err
}

// NPI is a National Provider Identifier: ten digits whose last is a Luhn
// check digit computed with the 80840 prefix.
type NPI string

// ParseNPI validates the length, the digits and the check digit.
func ParseNPI(s string) (NPI, error) {
	s = strings.TrimSpace(s)
	if len(s) != 10 {
		return "", fmt.Errorf("an NPI has 10 digits, got %d characters", len(s))
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return "", fmt.Errorf("an NPI has only digits")
		}
	}
	if NPICheckDigit(s[:9]) != s[9] {
		return "", fmt.Errorf("NPI check digit is wrong: want %c", NPICheckDigit(s[:9]))
	}
	return NPI(s), nil
}

// NPICheckDigit returns the check digit for the first nine digits of an NPI.
func NPICheckDigit(nine string) byte {
	sum := 24 // the constant contribution of the 80840 prefix
	for i := 0; i < 9; i++ {
		d := int(nine[8-i] - '0')
		if i%2 == 0 {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return byte('0' + (10-sum%10)%10)
}

// UnmarshalText implements encoding.TextUnmarshaler by parsing.
func (n *NPI) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*n = ""
		return nil
	}
	v, err := ParseNPI(string(b))
	*n = v
	return err
}

// SSN is a US Social Security number held as nine digits.
type SSN string

// ParseSSN accepts 123-45-6789 or 123456789 and refuses numbers the SSA never
// issues (area 000, 666 or 9xx, group 00, serial 0000).
func ParseSSN(s string) (SSN, error) {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == '-' || r == ' ':
		default:
			return "", fmt.Errorf("an SSN has only digits and dashes")
		}
	}
	d := b.String()
	if len(d) != 9 {
		return "", fmt.Errorf("an SSN has 9 digits, got %d", len(d))
	}
	if d[:3] == "000" || d[:3] == "666" || d[0] == '9' || d[3:5] == "00" || d[5:] == "0000" {
		return "", fmt.Errorf("not an issuable SSN")
	}
	return SSN(d), nil
}

// Last4 returns the last four digits, for display.
func (s SSN) Last4() string {
	if len(s) != 9 {
		return ""
	}
	return string(s[5:])
}

// Masked returns ***-**-1234.
func (s SSN) Masked() string {
	if len(s) != 9 {
		return ""
	}
	return "***-**-" + string(s[5:])
}

// Code is a short identifier chosen by a site or a standard: a facility
// code, an MRN, a service code. It is 1–40 printable characters with no
// spaces at either end and no control characters.
func parseCode(s string, max int) (string, error) {
	t := strings.TrimSpace(s)
	if t == "" {
		return "", fmt.Errorf("must not be empty")
	}
	if len(t) > max {
		return "", fmt.Errorf("longer than %d characters", max)
	}
	for _, r := range t {
		if unicode.IsControl(r) {
			return "", fmt.Errorf("contains a control character")
		}
	}
	return t, nil
}

// MRN is a medical record number, unique within its assigning facility.
type MRN string

// ParseMRN accepts 1–20 letters, digits, dashes or dots.
func ParseMRN(s string) (MRN, error) {
	t := strings.TrimSpace(s)
	if t == "" || len(t) > 20 {
		return "", fmt.Errorf("an MRN has 1 to 20 characters")
	}
	for _, r := range t {
		if !(r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r == '-' || r == '.') {
			return "", fmt.Errorf("an MRN has only letters, digits, dashes and dots")
		}
	}
	return MRN(strings.ToUpper(t)), nil
}

// UnmarshalText implements encoding.TextUnmarshaler by parsing.
func (m *MRN) UnmarshalText(b []byte) error {
	v, err := ParseMRN(string(b))
	*m = v
	return err
}

// Enum is implemented by the closed vocabularies below so that parsing and
// the API's description share one list.
type enum[T ~string] struct {
	name   string
	values []T
}

func (e enum[T]) parse(s string) (T, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	for _, v := range e.values {
		if string(v) == t {
			return v, nil
		}
	}
	names := make([]string, len(e.values))
	for i, v := range e.values {
		names[i] = string(v)
	}
	return "", fmt.Errorf("%q is not a %s: want one of %s", s, e.name, strings.Join(names, ", "))
}

func (e enum[T]) strings() []string {
	out := make([]string, len(e.values))
	for i, v := range e.values {
		out[i] = string(v)
	}
	return out
}

// Equal reports whether d and e are the same day.
func (d Date) Equal(e Date) bool { return d.t.Equal(e.t) }
