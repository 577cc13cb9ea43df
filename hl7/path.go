package hl7

import (
	"fmt"
	"strconv"
	"strings"
)

// Path addresses a value in a message: "PID-3[2].1" is the first component
// of the second repetition of field 3 of the first PID segment; "OBX[3]-5"
// is field 5 of the third OBX; "MSH-9.2" the second component of MSH-9.
// Numbers count from 1; a zero SegmentN or Rep means the first, and a zero
// Comp or Sub means the whole of the enclosing part. Build one with
// ParsePath.
type Path struct {
	Segment  string
	SegmentN int
	Field    int
	Rep      int
	Comp     int
	Sub      int
}

// ParsePath parses a path of the form SEG[n]-field[rep].comp.sub, where
// everything after the segment ID except the field number is optional.
func ParsePath(s string) (Path, error) {
	var p Path
	bad := func(why string) (Path, error) {
		return Path{}, fmt.Errorf("hl7: path %q: %s", s, why)
	}
	rest := s
	if len(rest) < 3 {
		return bad("want a three-character segment ID")
	}
	p.Segment, rest = rest[:3], rest[3:]
	for _, c := range []byte(p.Segment) {
		if !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return bad("segment ID must be upper-case letters and digits")
		}
	}
	var err error
	if p.SegmentN, rest, err = bracket(rest); err != nil {
		return bad(err.Error())
	}
	if rest == "" {
		return p, nil
	}
	if rest[0] != '-' {
		return bad("want '-' and a field number after the segment")
	}
	if p.Field, rest, err = number(rest[1:]); err != nil {
		return bad("field: " + err.Error())
	}
	if p.Rep, rest, err = bracket(rest); err != nil {
		return bad(err.Error())
	}
	if rest != "" && rest[0] == '.' {
		if p.Comp, rest, err = number(rest[1:]); err != nil {
			return bad("component: " + err.Error())
		}
	}
	if rest != "" && rest[0] == '.' {
		if p.Sub, rest, err = number(rest[1:]); err != nil {
			return bad("subcomponent: " + err.Error())
		}
	}
	if rest != "" {
		return bad(fmt.Sprintf("unexpected %q", rest))
	}
	return p, nil
}

func number(s string) (int, string, error) {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == 0 {
		return 0, s, fmt.Errorf("want a number")
	}
	n, err := strconv.Atoi(s[:i])
	if err != nil || n < 1 || n > 1<<20 {
		return 0, s, fmt.Errorf("number %q out of range", s[:i])
	}
	return n, s[i:], nil
}

func bracket(s string) (int, string, error) {
	if s == "" || s[0] != '[' {
		return 0, s, nil
	}
	n, rest, err := number(s[1:])
	if err != nil {
		return 0, s, fmt.Errorf("index: %v", err)
	}
	if rest == "" || rest[0] != ']' {
		return 0, s, fmt.Errorf("missing ']'")
	}
	return n, rest[1:], nil
}

// String returns the path in the form ParsePath reads.
func (p Path) String() string {
	var b strings.Builder
	b.WriteString(p.Segment)
	if p.SegmentN > 1 {
		fmt.Fprintf(&b, "[%d]", p.SegmentN)
	}
	if p.Field > 0 {
		fmt.Fprintf(&b, "-%d", p.Field)
		if p.Rep > 1 {
			fmt.Fprintf(&b, "[%d]", p.Rep)
		}
		if p.Comp > 0 {
			fmt.Fprintf(&b, ".%d", p.Comp)
			if p.Sub > 0 {
				fmt.Fprintf(&b, ".%d", p.Sub)
			}
		}
	}
	return b.String()
}

// At returns the value at p. A path that names no field, or a segment or
// part that is not there, gives an absent Value.
func (m *Message) At(p Path) Value {
	seg, ok := m.Find(p.Segment, p.SegmentN)
	if !ok || p.Field < 1 {
		return Value{}
	}
	v := seg.Field(p.Field)
	if p.Rep > 0 || p.Comp > 0 {
		v = v.Rep(max(p.Rep, 1))
	}
	if p.Comp > 0 {
		v = v.Comp(p.Comp)
		if p.Sub > 0 {
			v = v.Sub(p.Sub)
		}
	}
	return v
}

// Get returns the value at the path s (see Path).
func (m *Message) Get(s string) (Value, error) {
	p, err := ParsePath(s)
	if err != nil {
		return Value{}, err
	}
	return m.At(p), nil
}

// Text returns the decoded text at the path s, or "" if the path is invalid
// or the value absent. It is a shorthand for code that reads known paths.
func (m *Message) Text(s string) string {
	v, err := m.Get(s)
	if err != nil {
		return ""
	}
	return v.String()
}
