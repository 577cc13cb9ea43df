package codeset

import (
	"sort"
	"strings"
	"sync"
)

// Set holds every loaded release of every code system together with the
// ICD-10-CM tabular list and index, the PCS tables and definitions, the GEMs
// and the MCE lists. Build one with Import or ReadFrom; combine with Merge.
// A Set is safe for concurrent reads once built.
type Set struct {
	Releases   []*Release
	Tabular    *Tabular
	Index      *Index
	PCSTables  []PCSTable
	PCSVersion int // fiscal year of PCSTables
	PCSDefs    []PCSDefinition
	GEMs       []GEM
	MCE        []MCEEdit
	MCEVersion int
	POAExempt  []string

	once     sync.Once
	tabIdx   map[string]int32 // tabular code → index into Tabular.Diags
	pcsIdx   map[string]int   // PCS table prefix → index into PCSTables
	mceIdx   map[string][]string
	gemIdx   map[string][]int32 // source code → GEMs
	poa      map[string]bool
	searcher *Searcher
	srchOnce sync.Once
}

// prepare builds the lookup maps. It runs once, lazily.
func (s *Set) prepare() {
	s.once.Do(func() {
		s.tabIdx = map[string]int32{}
		if s.Tabular != nil {
			for i, d := range s.Tabular.Diags {
				s.tabIdx[d.Code] = int32(i)
			}
		}
		s.pcsIdx = map[string]int{}
		for i := range s.PCSTables {
			s.pcsIdx[s.PCSTables[i].Prefix()] = i
		}
		s.mceIdx = map[string][]string{}
		for _, m := range s.MCE {
			k := string(m.Type) + m.Code
			s.mceIdx[k] = append(s.mceIdx[k], m.Edit)
		}
		s.gemIdx = map[string][]int32{}
		for i, g := range s.GEMs {
			k := string('0'+byte(g.Dir)) + g.Source
			s.gemIdx[k] = append(s.gemIdx[k], int32(i))
		}
		s.poa = map[string]bool{}
		for _, c := range s.POAExempt {
			s.poa[c] = true
		}
	})
}

// settle orders releases and works out how long each one applies: until the
// day before the next release of its system, or to the end of its own year
// when the next one leaves a gap; the newest applies until superseded.
func (s *Set) settle() {
	sort.SliceStable(s.Releases, func(i, j int) bool {
		a, b := s.Releases[i], s.Releases[j]
		if a.System != b.System {
			return a.System < b.System
		}
		return a.Effective < b.Effective
	})
	for i, r := range s.Releases {
		r.Until = 0
		if i+1 < len(s.Releases) && s.Releases[i+1].System == r.System {
			next := s.Releases[i+1].Effective
			end := nominalEnd(r)
			if next.AddDays(-1) < end || end == 0 {
				end = next.AddDays(-1)
			}
			r.Until = end
		}
	}
}

func nominalEnd(r *Release) Date {
	switch r.System {
	case ICD10CM, ICD10PCS:
		return NewDate(r.Version, 9, 30)
	default:
		return NewDate(r.Version, 12, 31)
	}
}

// ReleaseAt returns the release of sys that applies on date d, or nil.
func (s *Set) ReleaseAt(sys System, d Date) *Release {
	var best *Release
	for _, r := range s.Releases {
		if r.System == sys && r.Effective <= d && (r.Until == 0 || d <= r.Until) {
			best = r
		}
	}
	return best
}

// Release returns the release with the given ID ("icd10cm-2026"), or nil.
func (s *Set) Release(id string) *Release {
	for _, r := range s.Releases {
		if r.ID() == id {
			return r
		}
	}
	return nil
}

// ReleaseFor returns the latest release of sys with the given version.
func (s *Set) ReleaseFor(sys System, version int) *Release {
	var best *Release
	for _, r := range s.Releases {
		if r.System == sys && r.Version == version {
			best = r
		}
	}
	return best
}

// Latest returns the newest release of sys, or nil.
func (s *Set) Latest(sys System) *Release {
	var best *Release
	for _, r := range s.Releases {
		if r.System == sys {
			best = r
		}
	}
	return best
}

// Empty reports whether no code release is loaded.
func (s *Set) Empty() bool { return s == nil || len(s.Releases) == 0 }

// Lookup returns the entry for code in sys valid on date d, or nil when the
// code does not exist then. The code may be typed with a dot or in lower case.
func (s *Set) Lookup(sys System, code string, d Date) *Entry {
	r := s.ReleaseAt(sys, d)
	if r == nil {
		return nil
	}
	e := r.lookup(NormalizeCode(code))
	if e == nil || (e.From != 0 && d < e.From) || (e.To != 0 && d > e.To) {
		return nil
	}
	return e
}

// Span is a stretch of dates over which a code kept the same title and
// billable status.
type Span struct {
	From, To Date // To zero: until superseded
	Billable bool
	Title    string
	Release  string // IDs of the releases it spans, joined by ","
}

// History returns the spans a code was valid for across loaded releases.
func (s *Set) History(sys System, code string) []Span {
	code = NormalizeCode(code)
	var out []Span
	for _, r := range s.Releases {
		if r.System != sys {
			continue
		}
		e := r.lookup(code)
		if e == nil {
			continue
		}
		from, to := r.Effective, r.Until
		if e.From > from {
			from = e.From
		}
		if e.To != 0 && (to == 0 || e.To < to) {
			to = e.To
		}
		if n := len(out); n > 0 && out[n-1].Title == e.Title() && out[n-1].Billable == e.Billable && out[n-1].To != 0 && out[n-1].To.AddDays(1) == from {
			out[n-1].To = to
			out[n-1].Release += "," + r.ID()
			continue
		}
		out = append(out, Span{From: from, To: to, Billable: e.Billable, Title: e.Title(), Release: r.ID()})
	}
	return out
}

// descendants returns the codes of r that extend prefix (not prefix itself).
func (r *Release) descendants(prefix string) []*Entry {
	i := sort.Search(len(r.Entries), func(i int) bool { return r.Entries[i].Code >= prefix })
	var out []*Entry
	for ; i < len(r.Entries) && strings.HasPrefix(r.Entries[i].Code, prefix); i++ {
		if r.Entries[i].Code != prefix {
			out = append(out, &r.Entries[i])
		}
	}
	return out
}

// Merge adds the content of o to s; o's releases replace those of s with the
// same ID, and o's tabular list, index parts, PCS tables, GEM directions and
// MCE lists replace s's when o has them. s must not be in use by readers.
func (s *Set) Merge(o *Set) {
	for _, r := range o.Releases {
		replaced := false
		for i, old := range s.Releases {
			if old.ID() == r.ID() && old.System == r.System {
				if old.Derived || !r.Derived {
					s.Releases[i] = r
				}
				replaced = true
			}
		}
		if !replaced {
			s.Releases = append(s.Releases, r)
		}
	}
	if o.Tabular != nil && (s.Tabular == nil || o.Tabular.Version >= s.Tabular.Version) {
		s.Tabular = o.Tabular
	}
	if o.Index != nil {
		if s.Index == nil {
			s.Index = &Index{Version: o.Index.Version}
		}
		kinds := map[IndexKind]bool{}
		for _, t := range o.Index.Terms {
			kinds[t.Kind] = true
		}
		var keep []IndexTerm
		for _, t := range s.Index.Terms {
			if !kinds[t.Kind] {
				keep = append(keep, t)
			}
		}
		s.Index.Terms = append(keep, o.Index.Terms...)
		if o.Index.Version > s.Index.Version {
			s.Index.Version = o.Index.Version
		}
	}
	if len(o.PCSTables) > 0 && o.PCSVersion >= s.PCSVersion {
		s.PCSTables, s.PCSVersion = o.PCSTables, o.PCSVersion
	}
	if len(o.PCSDefs) > 0 {
		s.PCSDefs = o.PCSDefs
	}
	if len(o.GEMs) > 0 {
		dirs := map[GEMDirection]bool{}
		for _, g := range o.GEMs {
			dirs[g.Dir] = true
		}
		var keep []GEM
		for _, g := range s.GEMs {
			if !dirs[g.Dir] {
				keep = append(keep, g)
			}
		}
		s.GEMs = append(keep, o.GEMs...)
	}
	if len(o.MCE) > 0 && o.MCEVersion >= s.MCEVersion {
		s.MCE, s.MCEVersion = o.MCE, o.MCEVersion
	}
	if len(o.POAExempt) > 0 {
		s.POAExempt = o.POAExempt
	}
	s.settle()
	s.once = sync.Once{}
	s.srchOnce = sync.Once{}
	s.searcher = nil
}
