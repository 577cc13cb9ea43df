package codeset

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
)

// Level is one step of a code's hierarchy, from chapter down to the code.
type Level struct {
	Kind  string `json:"kind"` // "chapter", "section", "category", "subcategory", "code"
	Code  string `json:"code"` // "2", "C00-C14", "C34", "C34.9", "C34.90"
	Title string `json:"title"`
}

// AppliedNote is an instructional note and the level it is written at.
type AppliedNote struct {
	Kind NoteKind `json:"-"`
	Name string   `json:"kind"` // "Excludes1", …
	At   string   `json:"at"`   // the level that carries it ("C34", "Chapter 2")
	Text string   `json:"text"`
}

// AxisValue is the meaning of one character of a PCS code.
type AxisValue struct {
	Pos        int    `json:"pos"`
	Axis       string `json:"axis"`  // "Body Part"
	Char       string `json:"char"`  // "J"
	Label      string `json:"label"` // "Appendix"
	Definition string `json:"definition,omitempty"`
}

// CodeInfo is everything Show knows about a code on a date of service.
type CodeInfo struct {
	System      System        `json:"system"`
	Code        string        `json:"code"`
	Title       string        `json:"title"`
	Date        string        `json:"date"`
	Valid       bool          `json:"valid"`    // exists on the date
	Billable    bool          `json:"billable"` // and may be reported
	Release     string        `json:"release,omitempty"`
	History     []Span        `json:"history"`
	Hierarchy   []Level       `json:"hierarchy,omitempty"`
	Notes       []AppliedNote `json:"notes,omitempty"`
	Seventh     []SeventhChar `json:"seventh,omitempty"`
	SeventhAt   string        `json:"seventh_at,omitempty"`
	Placeholder string        `json:"placeholder,omitempty"`
	Children    []Level       `json:"children,omitempty"` // billable codes beneath a header
	GEMs        []GEM         `json:"gems,omitempty"`
	Axes        []AxisValue   `json:"axes,omitempty"`  // PCS
	Edits       []string      `json:"edits,omitempty"` // MCE lists the code is on
	POAExempt   bool          `json:"poa_exempt,omitempty"`
}

// Show explains a code on a date of service (zero: the newest release).
// sys zero guesses the system from the code's shape and the loaded releases.
func (s *Set) Show(sys System, code string, d Date) (*CodeInfo, error) {
	s.prepare()
	c := NormalizeCode(code)
	if sys == 0 {
		sys = s.guessSystem(c)
	}
	if sys == 0 {
		return nil, fmt.Errorf("code %s is not in any loaded release", code)
	}
	r := s.ReleaseAt(sys, d)
	if d == 0 {
		r = s.Latest(sys)
		if r != nil {
			d = r.Effective
		}
	}
	info := &CodeInfo{System: sys, Code: FormatCode(sys, c), Date: d.String(), History: s.History(sys, c)}
	if r != nil {
		info.Release = r.ID()
		if e := s.Lookup(sys, c, d); e != nil {
			info.Valid, info.Billable, info.Title = true, e.Billable, e.Title()
		}
	}
	if info.Title == "" && len(info.History) > 0 {
		info.Title = info.History[len(info.History)-1].Title
	}
	if info.Title == "" && len(info.History) == 0 {
		return nil, fmt.Errorf("%s code %s is not in any loaded release", sys, FormatCode(sys, c))
	}
	if r != nil && !info.Billable {
		for _, e := range r.descendants(c) {
			if e.Billable && len(info.Children) < 50 {
				info.Children = append(info.Children, Level{Kind: "code", Code: FormatCode(sys, e.Code), Title: e.Title()})
			}
		}
	}
	switch sys {
	case ICD10CM:
		s.showCM(info, c, r)
		for _, g := range s.gemIdx[string('0'+byte(GEMDx10to9))+c] {
			info.GEMs = append(info.GEMs, s.GEMs[g])
		}
	case ICD10PCS:
		info.Axes = s.pcsAxes(c)
		for _, g := range s.gemIdx[string('0'+byte(GEMPcs10to9))+c] {
			info.GEMs = append(info.GEMs, s.GEMs[g])
		}
	}
	t := "D"
	if sys == ICD10PCS {
		t = "P"
	}
	if sys == ICD10CM || sys == ICD10PCS {
		info.Edits = s.mceIdx[t+c]
	}
	info.POAExempt = s.poa[c]
	return info, nil
}

func (s *Set) guessSystem(c string) System {
	for _, sys := range Systems {
		for _, r := range s.Releases {
			if r.System == sys && r.lookup(c) != nil {
				return sys
			}
		}
	}
	return 0
}

// tabularChain returns the tabular nodes from the category down to the
// deepest node that is a prefix of code (the code itself when present).
func (s *Set) tabularChain(code string) []*TabDiag {
	if s.Tabular == nil {
		return nil
	}
	for p := len(code); p >= 3; p-- {
		if i, ok := s.tabIdx[code[:p]]; ok {
			var chain []*TabDiag
			for j := i; j >= 0; j = s.Tabular.Diags[j].Parent {
				chain = append(chain, &s.Tabular.Diags[j])
			}
			for a, b := 0, len(chain)-1; a < b; a, b = a+1, b-1 {
				chain[a], chain[b] = chain[b], chain[a]
			}
			return chain
		}
	}
	return nil
}

func (s *Set) showCM(info *CodeInfo, c string, r *Release) {
	chain := s.tabularChain(c)
	if len(chain) == 0 {
		return
	}
	sec := &s.Tabular.Sections[chain[0].Section]
	ch := &s.Tabular.Chapters[sec.Chapter]
	chName := "Chapter " + ch.Num
	info.Hierarchy = append(info.Hierarchy, Level{Kind: "chapter", Code: ch.Num, Title: ch.Title}, Level{Kind: "section", Code: sec.ID, Title: sec.Title})
	add := func(at string, ns []Note) {
		for _, n := range ns {
			info.Notes = append(info.Notes, AppliedNote{Kind: n.Kind, Name: n.Kind.String(), At: at, Text: n.Text})
		}
	}
	add(chName, ch.Notes)
	add("Section "+sec.ID, sec.Notes)
	for i, d := range chain {
		kind := "subcategory"
		if i == 0 {
			kind = "category"
		}
		if d.Code == c {
			kind = "code"
		}
		title := d.Title
		if r != nil {
			if e := r.lookup(d.Code); e != nil {
				title = e.Title()
			}
		}
		info.Hierarchy = append(info.Hierarchy, Level{Kind: kind, Code: FormatCode(ICD10CM, d.Code), Title: title})
		add(FormatCode(ICD10CM, d.Code), d.Notes)
		if len(d.Seventh) > 0 {
			info.Seventh, info.SeventhAt = d.Seventh, FormatCode(ICD10CM, d.Code)
		}
	}
	if last := chain[len(chain)-1]; last.Code != c {
		info.Hierarchy = append(info.Hierarchy, Level{Kind: "code", Code: FormatCode(ICD10CM, c), Title: info.Title})
	}
	if len(info.Seventh) > 0 {
		info.Placeholder = fmt.Sprintf("every code in %s needs a 7th character; when the code has fewer than 6 characters, fill the empty places with the placeholder X (for example %s)",
			info.SeventhAt, FormatCode(ICD10CM, padX(NormalizeCode(info.SeventhAt))+string(info.Seventh[0].Char)))
	}
}

// padX fills a code to 6 characters with the placeholder X.
func padX(c string) string {
	for len(c) < 6 {
		c += "X"
	}
	return c
}

func (s *Set) pcsAxes(c string) []AxisValue {
	if len(c) < 3 {
		return nil
	}
	i, ok := s.pcsIdx[c[:3]]
	if !ok {
		return nil
	}
	t := &s.PCSTables[i]
	var out []AxisValue
	for _, a := range t.Axes {
		out = append(out, AxisValue{Pos: a.Pos, Axis: a.Title, Char: string(a.Labels[0].Char), Label: a.Labels[0].Label, Definition: a.Definition})
	}
	if len(c) < 7 {
		return out
	}
	for _, row := range t.Rows {
		ok := true
		for k := 0; k < 4 && ok; k++ {
			ok = labelOf(row[k].Labels, c[3+k]) != ""
		}
		if !ok {
			continue
		}
		for k := 0; k < 4; k++ {
			out = append(out, AxisValue{Pos: 4 + k, Axis: row[k].Title, Char: string(c[3+k]), Label: labelOf(row[k].Labels, c[3+k]), Definition: s.pcsDefinition(c[0], 4+k, labelOf(row[k].Labels, c[3+k]))})
		}
		break
	}
	if len(out) == 3 {
		return out
	}
	if out[2].Definition == "" {
		out[2].Definition = s.pcsDefinition(c[0], 3, out[2].Label)
	}
	return out
}

func labelOf(ls []PCSLabel, c byte) string {
	for _, l := range ls {
		if l.Char == c {
			return l.Label
		}
	}
	return ""
}

func (s *Set) pcsDefinition(section byte, pos int, term string) string {
	for _, d := range s.PCSDefs {
		if d.Section == section && d.Axis == pos && strings.EqualFold(d.Term, term) {
			return d.Definition
		}
	}
	return ""
}

// PCSChoice is one valid value for the next character of a PCS code.
type PCSChoice struct {
	Char       string `json:"char"`
	Label      string `json:"label"`
	Axis       string `json:"axis"`
	Definition string `json:"definition,omitempty"`
	Code       string `json:"code,omitempty"`  // the complete code, when this is the 7th character
	Title      string `json:"title,omitempty"` // its title
}

// PCSNext returns the valid values of the next character after a partial
// ICD-10-PCS code (0 to 6 characters), taken from the tables, so that a
// builder walks section, body system, operation, body part, approach,
// device and qualifier offering only valid choices.
func (s *Set) PCSNext(partial string) ([]PCSChoice, error) {
	s.prepare()
	p := NormalizeCode(partial)
	if len(p) >= 7 {
		return nil, fmt.Errorf("%s is already a complete code", p)
	}
	if len(s.PCSTables) == 0 {
		return nil, fmt.Errorf("no ICD-10-PCS tables are loaded")
	}
	seen := map[byte]bool{}
	var out []PCSChoice
	if len(p) < 3 {
		for i := range s.PCSTables {
			t := &s.PCSTables[i]
			if !strings.HasPrefix(t.Prefix(), p) {
				continue
			}
			a := t.Axes[len(p)]
			ch := a.Labels[0].Char
			if !seen[ch] {
				seen[ch] = true
				out = append(out, PCSChoice{Char: string(ch), Label: a.Labels[0].Label, Axis: a.Title, Definition: a.Definition})
			}
		}
	} else {
		i, ok := s.pcsIdx[p[:3]]
		if !ok {
			return nil, fmt.Errorf("no ICD-10-PCS table %s", p[:3])
		}
		t := &s.PCSTables[i]
		pos := len(p) // 0-based position of the next character
		latest := s.Latest(ICD10PCS)
		for _, row := range t.Rows {
			ok := true
			for k := 3; k < pos && ok; k++ {
				ok = labelOf(row[k-3].Labels, p[k]) != ""
			}
			if !ok {
				continue
			}
			ax := row[pos-3]
			for _, l := range ax.Labels {
				if seen[l.Char] {
					continue
				}
				seen[l.Char] = true
				c := PCSChoice{Char: string(l.Char), Label: l.Label, Axis: ax.Title, Definition: s.pcsDefinition(p[0], pos+1, l.Label)}
				if pos == 6 {
					c.Code = p + string(l.Char)
					if latest != nil {
						if e := latest.lookup(c.Code); e != nil {
							c.Title = e.Title()
						}
					}
				}
				out = append(out, c)
			}
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no valid ICD-10-PCS code starts with %s", p)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Char < out[j].Char })
	return out, nil
}

// DiffEntry is one difference between two releases.
type DiffEntry struct {
	Kind     ChangeKind `json:"-"`
	Change   string     `json:"change"` // "added", "deleted", "retitled"
	Code     string     `json:"code"`
	Title    string     `json:"title"`
	OldTitle string     `json:"old_title,omitempty"`
}

// Diff lists the codes added, deleted and retitled from release a to b,
// in code order.
func Diff(a, b *Release) []DiffEntry {
	var out []DiffEntry
	i, j := 0, 0
	for i < len(a.Entries) || j < len(b.Entries) {
		switch {
		case j >= len(b.Entries) || (i < len(a.Entries) && a.Entries[i].Code < b.Entries[j].Code):
			e := a.Entries[i]
			out = append(out, DiffEntry{Kind: Deleted, Change: "deleted", Code: FormatCode(a.System, e.Code), Title: e.Title()})
			i++
		case i >= len(a.Entries) || b.Entries[j].Code < a.Entries[i].Code:
			e := b.Entries[j]
			out = append(out, DiffEntry{Kind: Added, Change: "added", Code: FormatCode(b.System, e.Code), Title: e.Title()})
			j++
		default:
			ea, eb := a.Entries[i], b.Entries[j]
			if ea.Title() != eb.Title() {
				out = append(out, DiffEntry{Kind: Revised, Change: "retitled", Code: FormatCode(b.System, eb.Code), Title: eb.Title(), OldTitle: ea.Title()})
			}
			i++
			j++
		}
	}
	return out
}

var noteCodeRE = regexp.MustCompile(`\b([A-Z][0-9][0-9A-Z](?:\.[0-9A-Z]{1,4})?)(?:-([A-Z][0-9][0-9A-Z](?:\.[0-9A-Z]{1,4})?))?`)

// noteCovers reports whether a note's code references ("(S78.-)",
// "(T84.040, T84.041)", "(O00-O9A)") cover code.
func noteCovers(text, code string) bool {
	for _, m := range noteCodeRE.FindAllStringSubmatch(text, -1) {
		lo := NormalizeCode(m[1])
		if m[2] == "" {
			if strings.HasPrefix(code, lo) {
				return true
			}
			continue
		}
		hi := NormalizeCode(m[2])
		c3 := code
		if len(c3) > len(hi) {
			c3 = c3[:len(hi)]
		}
		if code >= lo && c3 <= hi {
			return true
		}
	}
	return false
}
