// Package coding holds the coding abstract — the coded summary of one
// encounter that billing and reporting use — and the edits that check it
// before a coder may finalise it: every code-level check of the encoder on
// the discharge date, present-on-admission indicators, duplicates,
// Excludes1 conflicts, unacceptable and manifestation principal diagnoses,
// age and sex conflicts, "use additional code" and "code first" partners,
// and the outpatient rule against coding uncertain diagnoses. Hard edits
// block finalising; soft edits need a reason to override. It is pure: the
// store keeps abstracts, the workbench shows them.
package coding

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/chartroom/chartroom/codeset"
)

// Setting is inpatient or outpatient: it decides which codes, which
// sequencing words and which rules apply.
type Setting string

// The settings.
const (
	Inpatient  Setting = "inpatient"
	Outpatient Setting = "outpatient"
)

// Status is where an abstract is in its life.
type Status string

// The statuses: a coder works on it, finalises it for billing, and may
// reopen a final one to rebill, with a reason.
const (
	InProgress Status = "in-progress"
	Final      Status = "final"
	Rebill     Status = "rebill"
)

// POA indicators (present on admission), from the UB-04 data
// specifications: Y yes, N no, U documentation insufficient, W clinically
// undetermined, 1 exempt (a code on the official exempt list).
var poaValues = []string{"Y", "N", "U", "W", "1"}

// Diagnosis is one diagnosis line. The first line of an abstract is the
// principal diagnosis (inpatient) or the first-listed one (outpatient).
type Diagnosis struct {
	Code string `json:"code"`
	POA  string `json:"poa,omitempty"`
	// Uncertain marks a diagnosis documented as probable, suspected, likely
	// or "rule out": coded as if established for inpatients, never for
	// outpatients (Official Guidelines, Section IV.H).
	Uncertain bool `json:"uncertain,omitempty"`
}

// Procedure is one ICD-10-PCS procedure line of an inpatient abstract.
type Procedure struct {
	Code     string       `json:"code"`
	Date     codeset.Date `json:"date"`
	Operator string       `json:"operator,omitempty"` // NPI of the surgeon
}

// Service is one CPT or HCPCS line of an outpatient abstract.
type Service struct {
	Code      string       `json:"code"`
	Modifiers []string     `json:"modifiers,omitempty"`
	Units     int          `json:"units"`
	Date      codeset.Date `json:"date"`
	Pointers  []int        `json:"pointers"` // diagnosis lines (from 1) this service is for
}

// Abstract is the coded summary of one encounter.
type Abstract struct {
	EncounterID    int64             `json:"encounter_id"`
	Setting        Setting           `json:"setting"`
	Status         Status            `json:"status"`
	Diagnoses      []Diagnosis       `json:"diagnoses"`
	Admitting      string            `json:"admitting,omitempty"`        // admitting diagnosis (inpatient)
	ReasonForVisit []string          `json:"reason_for_visit,omitempty"` // outpatient
	Procedures     []Procedure       `json:"procedures,omitempty"`
	Services       []Service         `json:"services,omitempty"`
	Disposition    string            `json:"disposition,omitempty"` // UB-04 patient discharge status, "01" home…
	RebillReason   string            `json:"rebill_reason,omitempty"`
	Overrides      map[string]string `json:"overrides,omitempty"` // soft edit key → the coder's reason
	Version        int64             `json:"version"`

	// Kept by the store beside the codes.
	AssignedTo  int64      `json:"assigned_to,omitempty"`
	Hold        string     `json:"hold,omitempty"` // why billing waits: "awaiting discharge summary", "query open"
	UpdatedBy   int64      `json:"updated_by,omitempty"`
	UpdatedAt   time.Time  `json:"updated_at"`
	FinalisedAt *time.Time `json:"finalised_at,omitempty"`
}

// Facts are what the edits need to know about the patient and the stay.
type Facts struct {
	Age       int          // in years at admission; negative when unknown
	Sex       byte         // 'F', 'M' or 0
	Discharge codeset.Date // the date whose code set applies
}

// Edit is one problem with an abstract.
type Edit struct {
	Key     string `json:"key"`  // stable identity, for overrides: rule and code
	Rule    string `json:"rule"` // poa-missing, duplicate, excludes1, …
	Code    string `json:"code,omitempty"`
	Line    int    `json:"line,omitempty"` // diagnosis, procedure or service line, from 1
	Hard    bool   `json:"hard"`
	Message string `json:"message"`
	Fix     string `json:"fix,omitempty"`
	// Override is the coder's reason when a soft edit was overridden.
	Override string `json:"override,omitempty"`
}

// MaxDiagnoses is the principal and 24 secondary diagnoses.
const MaxDiagnoses = 25

// Check runs every edit on the abstract with the code set of the discharge
// date. Soft edits the abstract overrides carry the reason.
func Check(a *Abstract, set *codeset.Set, f Facts) []Edit {
	var out []Edit
	add := func(e Edit) {
		if e.Key == "" {
			e.Key = e.Rule + ":" + e.Code
		}
		if !e.Hard {
			e.Override = a.Overrides[e.Key]
		}
		out = append(out, e)
	}
	if len(a.Diagnoses) == 0 {
		what := "principal diagnosis"
		if a.Setting == Outpatient {
			what = "first-listed diagnosis"
		}
		add(Edit{Rule: "no-principal", Hard: true, Message: "the abstract has no " + what})
	}
	if len(a.Diagnoses) > MaxDiagnoses {
		add(Edit{Rule: "too-many-diagnoses", Hard: true, Message: fmt.Sprintf("%d diagnoses: a claim carries the principal and at most 24 others", len(a.Diagnoses))})
	}
	if set == nil || set.Empty() {
		add(Edit{Rule: "no-code-set", Hard: true, Message: "no code set is loaded: load one with chartroom codes import or fetch"})
		return out
	}
	// The encoder's checks, on the discharge date, in sequence order.
	var codes []string
	for _, d := range a.Diagnoses {
		codes = append(codes, d.Code)
	}
	if a.Setting != Outpatient {
		for _, p := range a.Procedures {
			codes = append(codes, p.Code)
		}
	}
	principal := ""
	if len(a.Diagnoses) > 0 {
		principal = a.Diagnoses[0].Code
	}
	setting := "inpatient"
	if a.Setting == Outpatient {
		setting = "outpatient"
	}
	for _, p := range set.Validate(codes, codeset.ValidateOptions{Date: f.Discharge, Age: f.Age, Sex: f.Sex, Setting: setting, Principal: principal}) {
		add(Edit{Rule: p.Rule, Code: p.Code, Hard: p.Severity == "error", Message: p.Message, Fix: p.Fix})
	}
	// Duplicates.
	seen := map[string]int{}
	for i, d := range a.Diagnoses {
		c := codeset.NormalizeCode(d.Code)
		if j, ok := seen[c]; ok {
			add(Edit{Rule: "duplicate", Code: d.Code, Line: i + 1, Hard: true, Message: fmt.Sprintf("%s is listed on lines %d and %d", d.Code, j, i+1), Fix: "remove one"})
		}
		seen[c] = i + 1
	}
	if a.Setting != Outpatient {
		checkPOA(a, set, add)
		if a.Disposition == "" {
			add(Edit{Rule: "no-disposition", Hard: true, Message: "an inpatient abstract needs the discharge disposition"})
		}
		if a.Admitting == "" {
			add(Edit{Rule: "no-admitting", Message: "no admitting diagnosis: it is reported on inpatient claims"})
		}
	} else {
		for i, d := range a.Diagnoses {
			if d.Uncertain {
				add(Edit{Rule: "outpatient-uncertain", Code: d.Code, Line: i + 1, Hard: true,
					Message: d.Code + " is documented as probable, suspected or to be ruled out: outpatient diagnoses are not coded as if established",
					Fix:     "code the signs, symptoms or abnormal findings instead (Official Guidelines IV.H)"})
			}
		}
		checkServices(a, add)
	}
	checkPartners(a, set, f, add)
	return out
}

// checkPOA checks present-on-admission indicators: required on every
// inpatient diagnosis except those on the exempt list, which take "1" or
// nothing.
func checkPOA(a *Abstract, set *codeset.Set, add func(Edit)) {
	exempt := map[string]bool{}
	for _, c := range set.POAExempt {
		exempt[codeset.NormalizeCode(c)] = true
	}
	for i, d := range a.Diagnoses {
		c := codeset.NormalizeCode(d.Code)
		isExempt := exempt[c] || exemptByPrefix(c, exempt)
		switch {
		case d.POA == "" && !isExempt:
			add(Edit{Rule: "poa-missing", Code: d.Code, Line: i + 1, Hard: true, Message: d.Code + " needs a present-on-admission indicator", Fix: "Y, N, U or W"})
		case d.POA != "" && !slices.Contains(poaValues, d.POA):
			add(Edit{Rule: "poa-invalid", Code: d.Code, Line: i + 1, Hard: true, Message: fmt.Sprintf("%q is not a POA indicator", d.POA), Fix: "Y, N, U, W, or 1 for an exempt code"})
		case d.POA == "1" && !isExempt && len(exempt) > 0:
			add(Edit{Rule: "poa-not-exempt", Code: d.Code, Line: i + 1, Hard: true, Message: d.Code + " is not on the POA exempt list, so it cannot be reported as exempt", Fix: "Y, N, U or W"})
		case isExempt && d.POA != "" && d.POA != "1":
			add(Edit{Rule: "poa-exempt", Code: d.Code, Line: i + 1, Message: d.Code + " is exempt from POA reporting", Fix: "report 1 or leave it blank"})
		}
	}
}

// exemptByPrefix reports whether an exempt entry is a category that covers
// code (the exempt list names categories as well as codes).
func exemptByPrefix(code string, exempt map[string]bool) bool {
	for n := len(code) - 1; n >= 3; n-- {
		if exempt[code[:n]] {
			return true
		}
	}
	return false
}

// checkServices checks outpatient service lines.
func checkServices(a *Abstract, add func(Edit)) {
	for i, s := range a.Services {
		line := i + 1
		if s.Units < 1 {
			add(Edit{Rule: "service-units", Code: s.Code, Line: line, Hard: true, Key: fmt.Sprintf("service-units:%d", line), Message: fmt.Sprintf("service line %d has %d units", line, s.Units), Fix: "at least 1"})
		}
		if len(s.Pointers) == 0 {
			add(Edit{Rule: "service-pointer", Code: s.Code, Line: line, Hard: true, Key: fmt.Sprintf("service-pointer:%d", line), Message: fmt.Sprintf("service line %d points to no diagnosis", line), Fix: "point it to the diagnosis it treats"})
		}
		for _, p := range s.Pointers {
			if p < 1 || p > len(a.Diagnoses) || p > 12 {
				add(Edit{Rule: "service-pointer", Code: s.Code, Line: line, Hard: true, Key: fmt.Sprintf("service-pointer:%d:%d", line, p), Message: fmt.Sprintf("service line %d points to diagnosis %d, which is not on the abstract (or beyond the claim's 12)", line, p)})
			}
		}
		for _, m := range s.Modifiers {
			if len(m) != 2 || strings.ToUpper(m) != m {
				add(Edit{Rule: "service-modifier", Code: s.Code, Line: line, Hard: true, Key: fmt.Sprintf("service-modifier:%d:%s", line, m), Message: fmt.Sprintf("%q is not a modifier (two characters)", m)})
			}
		}
	}
}

// codeRef finds code references in a note: "N18.-", "E08-E13", "(I12.0)".
var codeRef = regexp.MustCompile(`\b([A-TV-Z][0-9][0-9A-Z](?:\.[0-9A-Z]{1,4})?)(?:\.-)?(?:\s*-\s*([A-TV-Z][0-9][0-9A-Z](?:\.[0-9A-Z]{1,4})?))?`)

type codeRange struct{ from, to string }

func (r codeRange) has(code string) bool {
	c := codeset.NormalizeCode(code)
	from, to := codeset.NormalizeCode(r.from), codeset.NormalizeCode(r.to)
	if to == "" {
		return strings.HasPrefix(c, from)
	}
	return c >= from && (c <= to || strings.HasPrefix(c, to))
}

func refsOf(text string) []codeRange {
	var out []codeRange
	for _, m := range codeRef.FindAllStringSubmatch(text, -1) {
		out = append(out, codeRange{m[1], m[2]})
	}
	return out
}

// conditional marks a note that applies only when something is documented.
var conditional = regexp.MustCompile(`(?i)\b(if applicable|where applicable|any associated|if known|if present)\b`)

// checkPartners looks for "code first" and "use additional code" notes
// whose partner is not on the abstract. The notes of one kind at one level
// are read together: a "code first" list names alternatives (any one will
// do, and it must come first); a "use additional code" list is a menu of
// what to add when documented, so only a single, unconditional instruction
// (E11.22's "to identify stage of chronic kidney disease") is checked.
// Notes that say "if applicable", "any associated" and the like are left
// to the coder. Both edits are soft.
func checkPartners(a *Abstract, set *codeset.Set, f Facts, add func(Edit)) {
	type group struct {
		kind  codeset.NoteKind
		at    string
		texts []string
		refs  []codeRange
		cond  bool
	}
	for i, d := range a.Diagnoses {
		info, err := set.Show(codeset.ICD10CM, d.Code, f.Discharge)
		if err != nil || info == nil {
			continue
		}
		var groups []*group
		byKey := map[string]*group{}
		for _, n := range info.Notes {
			if n.Kind != codeset.NoteCodeFirst && n.Kind != codeset.NoteUseAdditional {
				continue
			}
			k := fmt.Sprint(n.Kind, n.At)
			g := byKey[k]
			if g == nil {
				g = &group{kind: n.Kind, at: n.At}
				byKey[k] = g
				groups = append(groups, g)
			}
			g.texts = append(g.texts, n.Text)
			g.refs = append(g.refs, refsOf(n.Text)...)
			g.cond = g.cond || conditional.MatchString(n.Text)
		}
		for _, g := range groups {
			if g.cond || len(g.refs) == 0 || g.kind == codeset.NoteUseAdditional && len(g.texts) > 1 {
				continue
			}
			found, before := false, false
			for j, o := range a.Diagnoses {
				if j == i {
					continue
				}
				for _, r := range g.refs {
					if r.has(o.Code) {
						found = true
						before = before || j < i
					}
				}
			}
			text := strings.Join(g.texts, "; ")
			switch {
			case g.kind == codeset.NoteCodeFirst && !found:
				add(Edit{Rule: "code-first", Code: d.Code, Line: i + 1, Message: d.Code + ": code first " + text, Fix: "add the underlying condition before it, if documented"})
			case g.kind == codeset.NoteCodeFirst && !before:
				add(Edit{Rule: "code-first-sequence", Code: d.Code, Line: i + 1, Message: d.Code + ": the underlying condition must be sequenced before it", Fix: "move the underlying condition above it"})
			case g.kind == codeset.NoteUseAdditional && !found:
				add(Edit{Rule: "use-additional", Code: d.Code, Line: i + 1, Message: d.Code + ": use additional code " + strings.TrimPrefix(text, "code "), Fix: "add it if documented, or override with a reason"})
			}
		}
	}
}

// CanFinalise reports whether the abstract may be finalised: no hard edit,
// and a reason on every soft one. The error lists what stands in the way.
func CanFinalise(edits []Edit) error {
	var hard, soft []string
	for _, e := range edits {
		switch {
		case e.Hard:
			hard = append(hard, e.Message)
		case e.Override == "":
			soft = append(soft, e.Message+" (needs a reason to override)")
		}
	}
	if len(hard)+len(soft) == 0 {
		return nil
	}
	return fmt.Errorf("cannot finalise: %s", strings.Join(append(hard, soft...), "; "))
}

// Change is one difference between two versions of an abstract: what
// changed, from what, to what. Every save records its changes.
type Change struct {
	What string `json:"what"` // "diagnosis 2", "procedure 1", "disposition", …
	From string `json:"from,omitempty"`
	To   string `json:"to,omitempty"`
}

func (d Diagnosis) String() string {
	s := d.Code
	if d.POA != "" {
		s += " POA " + d.POA
	}
	if d.Uncertain {
		s += " (uncertain)"
	}
	return s
}

func (p Procedure) String() string {
	s := p.Code
	if p.Date != 0 {
		s += " on " + p.Date.String()
	}
	if p.Operator != "" {
		s += " by " + p.Operator
	}
	return s
}

func (s Service) String() string {
	out := s.Code
	if len(s.Modifiers) > 0 {
		out += "-" + strings.Join(s.Modifiers, "-")
	}
	return fmt.Sprintf("%s ×%d → %v", out, s.Units, s.Pointers)
}

// Diff lists what changed from a to b, line by line. A nil a is an empty
// abstract.
func Diff(a, b *Abstract) []Change {
	if a == nil {
		a = &Abstract{}
	}
	var out []Change
	lines := func(what string, x, y []string) {
		for i := 0; i < max(len(x), len(y)); i++ {
			var from, to string
			if i < len(x) {
				from = x[i]
			}
			if i < len(y) {
				to = y[i]
			}
			if from != to {
				out = append(out, Change{What: fmt.Sprintf("%s %d", what, i+1), From: from, To: to})
			}
		}
	}
	lines("diagnosis", strs(a.Diagnoses), strs(b.Diagnoses))
	lines("procedure", strs(a.Procedures), strs(b.Procedures))
	lines("service", strs(a.Services), strs(b.Services))
	lines("reason for visit", a.ReasonForVisit, b.ReasonForVisit)
	for _, f := range []struct{ what, from, to string }{
		{"admitting diagnosis", a.Admitting, b.Admitting},
		{"disposition", a.Disposition, b.Disposition},
		{"setting", string(a.Setting), string(b.Setting)},
		{"status", string(a.Status), string(b.Status)},
	} {
		if f.from != f.to {
			out = append(out, Change{What: f.what, From: f.from, To: f.to})
		}
	}
	for k, v := range b.Overrides {
		if a.Overrides[k] != v {
			out = append(out, Change{What: "override " + k, From: a.Overrides[k], To: v})
		}
	}
	return out
}

func strs[T fmt.Stringer](xs []T) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = x.String()
	}
	return out
}
