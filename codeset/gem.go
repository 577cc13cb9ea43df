package codeset

import (
	"io"
	"strings"
)

// GEMDirection says which way a General Equivalence Mapping file maps.
type GEMDirection uint8

// GEM files.
const (
	GEMDx10to9  GEMDirection = 1 // ICD-10-CM → ICD-9-CM diagnoses
	GEMDx9to10  GEMDirection = 2 // ICD-9-CM → ICD-10-CM diagnoses
	GEMPcs10to9 GEMDirection = 3 // ICD-10-PCS → ICD-9-CM procedures
	GEMPcs9to10 GEMDirection = 4 // ICD-9-CM procedures → ICD-10-PCS
)

// String names the direction.
func (d GEMDirection) String() string {
	names := [...]string{"GEM", "ICD-10-CM→ICD-9-CM", "ICD-9-CM→ICD-10-CM", "ICD-10-PCS→ICD-9-CM", "ICD-9-CM→ICD-10-PCS"}
	if int(d) < len(names) {
		return names[d]
	}
	return "GEM"
}

// GEM is one line of a GEM file. Flags are the five digits: approximate,
// no map, combination, scenario, choice list.
type GEM struct {
	Dir    GEMDirection
	Source string
	Target string // "NoDx"/"NoPCS" when there is no map
	Flags  string
}

// Approximate reports the approximate flag.
func (g GEM) Approximate() bool { return len(g.Flags) > 0 && g.Flags[0] == '1' }

// NoMap reports the no-map flag.
func (g GEM) NoMap() bool { return len(g.Flags) > 1 && g.Flags[1] == '1' }

// ParseGEM reads a GEM file (source, target and 5-digit flags separated by
// spaces) and works out its direction from the codes.
func ParseGEM(name string, r io.Reader) ([]GEM, error) {
	lr := newLineReader(name, r)
	var out []GEM
	letterSrc, sevenSrc, sevenTgt, n := 0, 0, 0, 0
	for lr.next() {
		if err := lr.checkText(); err != nil {
			return nil, err
		}
		f := strings.Fields(lr.line)
		if len(f) == 0 {
			continue
		}
		if len(f) != 3 || len(f[2]) != 5 || !isDigits(f[2]) || !codeRE.MatchString(f[0]) {
			return nil, perr(name, lr.n, "want source code, target code and 5 flag digits separated by spaces")
		}
		g := GEM{Source: f[0], Target: f[1], Flags: f[2]}
		out = append(out, g)
		n++
		if g.Source[0] >= 'A' && g.Source[0] <= 'Z' && g.Source[0] != 'V' && g.Source[0] != 'E' {
			letterSrc++
		}
		if len(g.Source) == 7 {
			sevenSrc++
		}
		if len(g.Target) == 7 {
			sevenTgt++
		}
	}
	if err := lr.err(); err != nil {
		return nil, err
	}
	if n == 0 {
		return nil, perr(name, 0, "no GEM lines")
	}
	var dir GEMDirection
	switch {
	case sevenSrc == n:
		dir = GEMPcs10to9
	case letterSrc*2 > n:
		dir = GEMDx10to9
	case sevenTgt*10 > n*9:
		dir = GEMPcs9to10
	default:
		dir = GEMDx9to10
	}
	for i := range out {
		out[i].Dir = dir
	}
	return out, nil
}
