package codeset

import (
	"fmt"
	"strings"
)

// ValidateOptions describe the encounter a list of codes is checked for.
type ValidateOptions struct {
	Date      Date   // date of service; zero: the newest release
	Age       int    // patient's age in years; negative: unknown
	Sex       byte   // 'F', 'M' or 0 for unknown
	Setting   string // "inpatient" or "outpatient"; "" treated as inpatient
	Principal string // principal (first-listed) diagnosis; "" uses the first ICD-10-CM code
}

// Problem is one thing wrong with a list of codes: the rule it breaks, what
// is wrong, and a suggested fix.
type Problem struct {
	Code     string `json:"code"`
	Rule     string `json:"rule"`     // "header-code", "seventh-character", "excludes1", …
	Severity string `json:"severity"` // "error" or "warning"
	Message  string `json:"message"`
	Fix      string `json:"fix,omitempty"`
}

// Validate checks codes (ICD-10-CM, ICD-10-PCS, HCPCS or CPT, with or
// without dots) for one encounter and returns every problem found. An
// empty result means the list passes every check the loaded data supports.
func (s *Set) Validate(codes []string, opt ValidateOptions) []Problem {
	s.prepare()
	var out []Problem
	d := opt.Date
	add := func(p Problem) { out = append(out, p) }
	type ok struct {
		sys  System
		code string
	}
	var valid []ok
	principal := NormalizeCode(opt.Principal)
	all := codes
	if principal != "" {
		found := false
		for _, c := range codes {
			if NormalizeCode(c) == principal {
				found = true
			}
		}
		if !found {
			all = append([]string{opt.Principal}, codes...)
		}
	}
	for _, raw := range all {
		c := NormalizeCode(raw)
		sys := s.guessSystem(c)
		if sys == 0 {
			sys = s.guessSystemByShape(c)
		}
		rel := s.ReleaseAt(sys, d)
		if d == 0 {
			rel = s.Latest(sys)
		}
		disp := FormatCode(sys, c)
		if rel == nil {
			add(Problem{Code: disp, Rule: "no-release", Severity: "error", Message: fmt.Sprintf("no %s release is loaded for %s", sys, dateOrLatest(d))})
			continue
		}
		e := rel.lookup(c)
		if e != nil && ((e.From != 0 && d != 0 && d < e.From) || (e.To != 0 && d != 0 && d > e.To)) {
			e = nil
		}
		if e == nil {
			add(s.invalidCode(sys, c, rel, d))
			continue
		}
		if !e.Billable {
			p := Problem{Code: disp, Rule: "header-code", Severity: "error",
				Message: fmt.Sprintf("%s %q is a header, not a billable code", disp, e.Title())}
			if sys == ICD10CM {
				if seventh, at := s.seventhFor(c); len(seventh) > 0 && len(c) < 7 {
					p.Rule = "seventh-character"
					p.Message = fmt.Sprintf("%s needs a 7th character (category %s)", disp, at)
					p.Fix = "use " + seventhExamples(c, seventh)
				}
			}
			if p.Fix == "" {
				p.Fix = childrenFix(sys, rel, c)
			}
			add(p)
			continue
		}
		valid = append(valid, ok{sys, c})
	}
	// principal diagnosis
	if principal == "" {
		for _, v := range valid {
			if v.sys == ICD10CM {
				principal = v.code
				break
			}
		}
	}
	inpatient := !strings.EqualFold(opt.Setting, "outpatient")
	for _, v := range valid {
		disp := FormatCode(v.sys, v.code)
		t := "D"
		if v.sys == ICD10PCS {
			t = "P"
			if !inpatient {
				add(Problem{Code: disp, Rule: "pcs-outpatient", Severity: "warning", Message: "ICD-10-PCS codes are for inpatient procedures", Fix: "report outpatient procedures with CPT/HCPCS"})
			}
		}
		if v.sys != ICD10CM && v.sys != ICD10PCS {
			continue
		}
		for _, edit := range s.mceFor(t, v.code) {
			if p, bad := ageSexProblem(edit, disp, opt); bad {
				add(p)
			}
			if v.sys == ICD10CM && v.code == principal && inpatient {
				switch edit {
				case "Principal_Manifestation":
					add(Problem{Code: disp, Rule: "manifestation-principal", Severity: "error", Message: disp + " is a manifestation code and may not be the principal diagnosis", Fix: "sequence the underlying condition (\"code first\") as principal and this code after it"})
				case "Principal_Unacceptable":
					add(Problem{Code: disp, Rule: "unacceptable-principal", Severity: "error", Message: disp + " is not acceptable as a principal diagnosis (MCE)", Fix: "choose the condition chiefly responsible for the admission as principal"})
				case "Principal_Questionable_Admit":
					add(Problem{Code: disp, Rule: "questionable-admission", Severity: "warning", Message: disp + " as principal diagnosis is a questionable reason for admission (MCE)", Fix: "check that the record supports inpatient admission for it"})
				}
			}
		}
		if v.sys == ICD10CM && v.code == principal && inpatient && !contains(s.mceFor("D", v.code), "Principal_Manifestation") && s.isManifestation(v.code) {
			add(Problem{Code: disp, Rule: "manifestation-principal", Severity: "error", Message: disp + " carries a \"code first\" note for its underlying condition and is titled \"in diseases classified elsewhere\"", Fix: "sequence the underlying condition first"})
		}
	}
	// Excludes1 between listed diagnosis codes
	for i, a := range valid {
		if a.sys != ICD10CM {
			continue
		}
		for j, b := range valid {
			if i == j || b.sys != ICD10CM || a.code == b.code {
				continue
			}
			if note, at := s.excludes1(a.code, b.code); note != "" {
				if j < i {
					if n2, _ := s.excludes1(b.code, a.code); n2 != "" {
						continue // reported from the other side
					}
				}
				add(Problem{Code: FormatCode(ICD10CM, a.code), Rule: "excludes1", Severity: "error",
					Message: fmt.Sprintf("%s and %s may not be reported together: Excludes1 at %s: %q", FormatCode(ICD10CM, a.code), FormatCode(ICD10CM, b.code), at, note),
					Fix:     "keep the code that matches the documentation and remove the other"})
			}
		}
	}
	return out
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

func dateOrLatest(d Date) string {
	if d == 0 {
		return "the newest release"
	}
	return d.String()
}

func (s *Set) guessSystemByShape(c string) System {
	switch {
	case cptRE.MatchString(c):
		return CPT
	case len(c) == 5 && c[0] >= 'A' && c[0] <= 'Z' && isDigits(c[1:]):
		return HCPCS
	case len(c) == 7 && isDigit(c[0]):
		return ICD10PCS
	}
	return ICD10CM
}

func (s *Set) mceFor(t, code string) []string {
	var out []string
	for p := len(code); p >= 3; p-- {
		out = append(out, s.mceIdx[t+code[:p]]...)
		if t == "P" {
			break
		}
	}
	return out
}

func ageSexProblem(edit, disp string, opt ValidateOptions) (Problem, bool) {
	age := opt.Age
	mk := func(rule, msg string) (Problem, bool) {
		return Problem{Code: disp, Rule: rule, Severity: "error", Message: msg, Fix: "check the patient's age and sex or choose a code for this patient"}, true
	}
	switch edit {
	case "Newborn_Only":
		if age > 0 {
			return mk("age", fmt.Sprintf("%s is for newborns (age 0); the patient is %d", disp, age))
		}
	case "Pediatric_Only":
		if age > 17 {
			return mk("age", fmt.Sprintf("%s is for patients aged 0-17; the patient is %d", disp, age))
		}
	case "Maternity_Only":
		if age >= 0 && (age < 9 || age > 64) {
			return mk("age", fmt.Sprintf("%s is a maternity code (ages 9-64); the patient is %d", disp, age))
		}
		if opt.Sex == 'M' {
			return mk("sex", disp+" is a maternity code; the patient is male")
		}
	case "Adult_Only":
		if age >= 0 && age < 15 {
			return mk("age", fmt.Sprintf("%s is for patients aged 15-124; the patient is %d", disp, age))
		}
	case "Female_Only":
		if opt.Sex == 'M' {
			return mk("sex", disp+" is for female patients; the patient is male")
		}
	case "Male_Only":
		if opt.Sex == 'F' {
			return mk("sex", disp+" is for male patients; the patient is female")
		}
	}
	return Problem{}, false
}

// seventhFor returns the 7th characters that apply to code and the level
// that defines them.
func (s *Set) seventhFor(code string) ([]SeventhChar, string) {
	chain := s.tabularChain(code)
	for i := len(chain) - 1; i >= 0; i-- {
		if len(chain[i].Seventh) > 0 {
			return chain[i].Seventh, FormatCode(ICD10CM, chain[i].Code)
		}
	}
	return nil, ""
}

func seventhExamples(c string, seventh []SeventhChar) string {
	var ex []string
	for i, sc := range seventh {
		if i == 4 {
			ex = append(ex, "…")
			break
		}
		ex = append(ex, fmt.Sprintf("%s (%s)", FormatCode(ICD10CM, padX(c)+string(sc.Char)), sc.Meaning))
	}
	return strings.Join(ex, ", ")
}

func childrenFix(sys System, r *Release, c string) string {
	var ch []string
	for _, e := range r.descendants(c) {
		if e.Billable {
			ch = append(ch, FormatCode(sys, e.Code))
			if len(ch) == 6 {
				ch = append(ch, "…")
				break
			}
		}
	}
	if len(ch) == 0 {
		return ""
	}
	return "use a more specific code: " + strings.Join(ch, ", ")
}

// invalidCode explains a code that does not exist on the date.
func (s *Set) invalidCode(sys System, c string, r *Release, d Date) Problem {
	disp := FormatCode(sys, c)
	p := Problem{Code: disp, Rule: "invalid-code", Severity: "error"}
	if sys == ICD10CM {
		if seventh, at := s.seventhFor(c); len(seventh) > 0 {
			// S13.4A typed for S13.4XXA, or a 7th character that is not allowed
			last := c[len(c)-1]
			base := c[:len(c)-1]
			if len(c) < 7 && len(base) < 6 {
				if fixed := padX(base) + string(last); r.lookup(fixed) != nil {
					p.Rule = "placeholder"
					p.Message = fmt.Sprintf("%s is missing the X placeholder", disp)
					p.Fix = "use " + FormatCode(ICD10CM, fixed)
					return p
				}
			}
			if len(c) == 7 && r.lookup(base) != nil || len(c) == 7 && len(r.descendants(base)) > 0 {
				var allowed []string
				for _, sc := range seventh {
					allowed = append(allowed, string(sc.Char))
				}
				p.Rule = "seventh-character"
				p.Message = fmt.Sprintf("7th character %q is not valid for category %s", string(last), at)
				p.Fix = "valid 7th characters: " + strings.Join(allowed, ", ")
				return p
			}
		}
	}
	hist := s.History(sys, c)
	if len(hist) > 0 {
		h := hist[len(hist)-1]
		to := "until superseded"
		if h.To != 0 {
			to = "until " + h.To.String()
		}
		p.Rule = "not-valid-on-date"
		p.Message = fmt.Sprintf("%s is not valid on %s (it was valid from %s %s)", disp, dateOrLatest(d), h.From, to)
		if fix := childrenFix(sys, r, c); fix != "" {
			p.Fix = fix
		} else if repl := s.replacements(c, r); len(repl) > 0 {
			p.Fix = "possible replacements: " + strings.Join(repl, ", ")
		}
		return p
	}
	p.Message = fmt.Sprintf("%s is not a %s code", disp, sys)
	if fix := childrenFix(sys, r, c); fix != "" {
		p.Rule = "header-code"
		p.Message = fmt.Sprintf("%s is a category, not a billable code", disp)
		p.Fix = fix
	}
	return p
}

// replacements finds valid codes for a deleted one through the GEMs.
func (s *Set) replacements(c string, r *Release) []string {
	var out []string
	seen := map[string]bool{}
	for _, gi := range s.gemIdx[string('0'+byte(GEMDx10to9))+c] {
		for _, bi := range s.gemIdx[string('0'+byte(GEMDx9to10))+s.GEMs[gi].Target] {
			t := s.GEMs[bi].Target
			if e := r.lookup(t); e != nil && e.Billable && !seen[t] {
				seen[t] = true
				out = append(out, FormatCode(ICD10CM, t))
			}
		}
	}
	return out
}

func (s *Set) isManifestation(code string) bool {
	chain := s.tabularChain(code)
	if len(chain) == 0 {
		return false
	}
	hasCodeFirst := false
	for _, d := range chain {
		for _, n := range d.Notes {
			if n.Kind == NoteCodeFirst {
				hasCodeFirst = true
			}
		}
	}
	title := strings.ToLower(chain[len(chain)-1].Title)
	return hasCodeFirst && strings.Contains(title, "in diseases classified elsewhere")
}

// excludes1 returns the Excludes1 note of a (or of its category, section or
// chapter) that covers b, and where it is written.
func (s *Set) excludes1(a, b string) (string, string) {
	chain := s.tabularChain(a)
	if len(chain) == 0 {
		return "", ""
	}
	check := func(ns []Note, at string) (string, string) {
		for _, n := range ns {
			if n.Kind == NoteExcludes1 && noteCovers(n.Text, b) {
				return n.Text, at
			}
		}
		return "", ""
	}
	for i := len(chain) - 1; i >= 0; i-- {
		if t, at := check(chain[i].Notes, FormatCode(ICD10CM, chain[i].Code)); t != "" {
			return t, at
		}
	}
	sec := &s.Tabular.Sections[chain[0].Section]
	if t, at := check(sec.Notes, "section "+sec.ID); t != "" {
		return t, at
	}
	ch := &s.Tabular.Chapters[sec.Chapter]
	return check(ch.Notes, "chapter "+ch.Num)
}

// Excludes1 returns the Excludes1 note of ICD-10-CM code a, or of its
// category, section or chapter, that names code b, and where the note is
// written ("F30" for a note of category F30); "" when none does. Codes
// are written with or without their dot.
func (x *Searcher) Excludes1(a, b string) (note, at string) {
	if x.set == nil {
		return "", ""
	}
	return x.set.excludes1(NormalizeCode(a), NormalizeCode(b))
}

// SexConflict reports whether the MCE lists an ICD-10-CM code (written
// with or without its dot) for the other sex than sex ('F' or 'M'; 0
// conflicts with nothing): N73.5 "Female pelvic peritonitis" for a man.
func (x *Searcher) SexConflict(code string, sex byte) bool {
	if sex != 'F' && sex != 'M' || x.set == nil {
		return false
	}
	code = strings.ReplaceAll(code, ".", "")
	for p := len(code); p >= 3; p-- { // as mceFor, without its slice
		for _, edit := range x.set.mceIdx["D"+code[:p]] {
			if edit == "Female_Only" && sex == 'M' || edit == "Male_Only" && sex == 'F' || edit == "Maternity_Only" && sex == 'M' {
				return true
			}
		}
	}
	return false
}
