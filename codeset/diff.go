package codeset

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Versions returns the years loaded for sys (fiscal years for ICD-10,
// calendar years for HCPCS and CPT), oldest first, each once.
func (s *Set) Versions(sys System) []int {
	var out []int
	for _, r := range s.Releases {
		if r.System != sys {
			continue
		}
		if !slices.Contains(out, r.Version) {
			out = append(out, r.Version)
		}
	}
	slices.Sort(out)
	return out
}

// NoReleaseError says a year asked for is not loaded, and which are.
type NoReleaseError struct {
	System System
	Year   int
	Loaded []int
}

func (e *NoReleaseError) Error() string {
	have := make([]string, len(e.Loaded))
	for i, v := range e.Loaded {
		have[i] = strconv.Itoa(v)
	}
	loaded := strings.Join(have, ", ")
	if loaded == "" {
		loaded = "none"
	}
	return fmt.Sprintf("no %s release for %d is loaded; loaded: %s", e.System, e.Year, loaded)
}

// DiffYears lists the codes of sys added, deleted and retitled from the
// release of year from to that of year to, in code order. It is what
// "chartroom codes diff" and the encoder's diff page and API report.
func (s *Set) DiffYears(sys System, from, to int) ([]DiffEntry, error) {
	a, b := s.ReleaseFor(sys, from), s.ReleaseFor(sys, to)
	if a == nil {
		return nil, &NoReleaseError{System: sys, Year: from, Loaded: s.Versions(sys)}
	}
	if b == nil {
		return nil, &NoReleaseError{System: sys, Year: to, Loaded: s.Versions(sys)}
	}
	return Diff(a, b), nil
}
