package codeset

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// System names a code system.
type System uint8

// The code systems a Set holds.
const (
	ICD10CM  System = 1 // ICD-10-CM diagnoses
	ICD10PCS System = 2 // ICD-10-PCS inpatient procedures
	HCPCS    System = 3 // HCPCS Level II
	CPT      System = 4 // CPT (HCPCS Level I), supplied by the site
)

// Systems lists every system in display order.
var Systems = []System{ICD10CM, ICD10PCS, HCPCS, CPT}

// String returns the system's command-line name ("icd10cm").
func (s System) String() string {
	switch s {
	case ICD10CM:
		return "icd10cm"
	case ICD10PCS:
		return "icd10pcs"
	case HCPCS:
		return "hcpcs"
	case CPT:
		return "cpt"
	}
	return "system" + strconv.Itoa(int(s))
}

// ParseSystem parses a system name as printed by String ("icd10cm", also
// "icd-10-cm", "cm", "pcs").
func ParseSystem(s string) (System, error) {
	switch strings.ReplaceAll(strings.ToLower(strings.TrimSpace(s)), "-", "") {
	case "icd10cm", "cm":
		return ICD10CM, nil
	case "icd10pcs", "pcs":
		return ICD10PCS, nil
	case "hcpcs", "hcpcs2", "hcpcsii":
		return HCPCS, nil
	case "cpt":
		return CPT, nil
	}
	return 0, fmt.Errorf("unknown code system %q (want icd10cm, icd10pcs, hcpcs or cpt)", s)
}

// Date is a calendar date stored as YYYYMMDD, so that dates compare with <.
// The zero Date means "no date" (open-ended).
type Date uint32

// NewDate builds a Date from its parts.
func NewDate(y, m, d int) Date { return Date(y*10000 + m*100 + d) }

// DateOf returns the calendar date of t in t's location.
func DateOf(t time.Time) Date { return NewDate(t.Year(), int(t.Month()), t.Day()) }

// ParseDate parses YYYY-MM-DD or YYYYMMDD.
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	layout := "2006-01-02"
	if len(s) == 8 && !strings.Contains(s, "-") {
		layout = "20060102"
	}
	t, err := time.Parse(layout, s)
	if err != nil {
		return 0, fmt.Errorf("bad date %q: want YYYY-MM-DD", s)
	}
	return DateOf(t), nil
}

// Year returns the date's year.
func (d Date) Year() int { return int(d) / 10000 }

// Time returns the date at midnight UTC.
func (d Date) Time() time.Time {
	return time.Date(int(d)/10000, time.Month(int(d)/100%100), int(d)%100, 0, 0, 0, 0, time.UTC)
}

// AddDays returns the date n days later (earlier when n < 0).
func (d Date) AddDays(n int) Date { return DateOf(d.Time().AddDate(0, 0, n)) }

// String formats the date as YYYY-MM-DD, or "" for the zero Date.
func (d Date) String() string {
	if d == 0 {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", int(d)/10000, int(d)/100%100, int(d)%100)
}

// FiscalYearStart returns October 1 of the year before fy: the day an
// ICD-10 fiscal-year release takes effect.
func FiscalYearStart(fy int) Date { return NewDate(fy-1, 10, 1) }

// FiscalYear returns the federal fiscal year a date falls in.
func FiscalYear(d Date) int {
	if d%10000 >= 1001 {
		return d.Year() + 1
	}
	return d.Year()
}

// Entry is one code of a release as the release file publishes it.
type Entry struct {
	Code     string // as stored: no dot for ICD-10-CM ("I219")
	Billable bool   // valid for submission (order-file flag 1); false for headers
	Short    string // abbreviated title, when the file has one
	Long     string // full title
	From, To Date   // the code's own dates (HCPCS); zero means the release's
}

// Title returns the long title, or the short one when the file had none.
func (e *Entry) Title() string {
	if e.Long != "" {
		return e.Long
	}
	return e.Short
}

// ChangeKind is the kind of an addenda line.
type ChangeKind uint8

// Kinds of addenda lines.
const (
	Added   ChangeKind = 1 // "Add:"
	Deleted ChangeKind = 2 // "Delete:"
	Revised ChangeKind = 3 // "Revise from:" / "Revise to:" pair
)

// String names the change kind.
func (k ChangeKind) String() string {
	switch k {
	case Added:
		return "added"
	case Deleted:
		return "deleted"
	case Revised:
		return "retitled"
	}
	return "change"
}

// Change is one addenda record: what changed at the release's effective date.
// For Revised, Old holds the title before and Entry the title after.
type Change struct {
	Kind  ChangeKind
	Entry Entry
	Old   Entry // Revised only
	Line  int   // line in the addenda file
}

// Release is one publication of a code system: its codes, the changes it made
// to the one before (from its addenda) and the date it took effect.
type Release struct {
	System    System
	Version   int    // fiscal year (ICD-10) or calendar year (HCPCS, CPT)
	Label     string // "FY2026", "FY2026 April update", "FY2025 (from FY2026 addenda)"
	Effective Date   // first date of service it applies to
	// Until is the last date it applies to; zero means "until a later
	// release of the same system is loaded". Set computes it.
	Until   Date
	Entries []Entry  // sorted by Code
	Changes []Change // from the addenda, in file order
	Derived bool     // reconstructed from a later release's addenda
	Sources []string // files it was read from
}

// ID identifies the release inside a Set: "icd10cm-2026".
func (r *Release) ID() string {
	id := fmt.Sprintf("%s-%d", r.System, r.Version)
	if r.Effective%10000 == 401 {
		id += "-april"
	}
	return id
}

// lookup returns the entry for code, or nil.
func (r *Release) lookup(code string) *Entry {
	lo, hi := 0, len(r.Entries)
	for lo < hi {
		m := (lo + hi) / 2
		if r.Entries[m].Code < code {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(r.Entries) && r.Entries[lo].Code == code {
		return &r.Entries[lo]
	}
	return nil
}

// NormalizeCode turns a code as typed ("i21.9 ", "S72.001A") into the stored
// form: upper case, no dot, no spaces, trailing dashes removed.
func NormalizeCode(s string) string {
	s = strings.TrimSpace(s)
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '.' || c == ' ' || c == '-':
		case c >= 'a' && c <= 'z':
			b = append(b, c-32)
		default:
			b = append(b, c)
		}
	}
	return string(b)
}

// FormatCode prints a stored code the way its system publishes it: ICD-10-CM
// with a dot after the third character, every other system as is.
func FormatCode(sys System, code string) string {
	if sys == ICD10CM && len(code) > 3 {
		return code[:3] + "." + code[3:]
	}
	return code
}
