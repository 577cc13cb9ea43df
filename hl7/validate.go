package hl7

import (
	"fmt"
	"unicode/utf8"
)

// supportedVersions are the MSH-12 versions Chartroom accepts.
var supportedVersions = map[string]bool{
	"2.1": true, "2.2": true, "2.3": true, "2.3.1": true, "2.4": true,
	"2.5": true, "2.5.1": true, "2.6": true, "2.7": true, "2.7.1": true,
	"2.8": true, "2.8.1": true, "2.8.2": true, "2.9": true,
}

// valueTypes is HL7 table 0125 (OBX-2 value type) across versions 2.1–2.9.
var valueTypes = map[string]bool{
	"AD": true, "CE": true, "CF": true, "CK": true, "CN": true, "CNE": true,
	"CP": true, "CWE": true, "CX": true, "DR": true, "DT": true, "DTM": true,
	"ED": true, "EI": true, "FT": true, "HD": true, "ID": true, "IS": true,
	"MA": true, "MO": true, "NA": true, "NM": true, "PN": true, "RP": true,
	"SN": true, "ST": true, "TM": true, "TN": true, "TS": true, "TX": true,
	"XAD": true, "XCN": true, "XON": true, "XPN": true, "XTN": true,
	"CM": true, "CQ": true, "PL": true, "SI": true, "NR": true, "GTS": true,
	"CD": true, "EIP": true, "VR": true, "ERL": true, "NDL": true,
}

// Validate checks the message and returns every problem found, in segment
// order; the message is acceptable when none is an error (see HasErrors).
// An unknown OBX-2 value type, or none where OBX-5 is valued, is a warning. It checks: a byte-order mark
// before MSH; the segment IDs; MSH-9 (message type), MSH-10 (control ID)
// and MSH-12 (a supported version) present; MSH-18 a known character set,
// and the bytes valid in it (UTF-8 under UNICODE UTF-8, 7-bit under ASCII);
// escape sequences well formed; OBX-2 a value type from table 0125; no
// second MSH and no batch envelope segments inside the message.
func (m *Message) Validate() []Problem {
	var ps []Problem
	add := func(p Problem) { ps = append(ps, p) }
	msh := m.segment(0)
	if m.bom {
		add(Problem{Segment: 1, SegmentID: "MSH", Code: CodeSegmentSequence,
			Msg: "UTF-8 byte-order mark before MSH (HL7 v2 messages must start with MSH)"})
	}
	if msh.Field(9).Comp(1).IsEmpty() {
		add(Problem{Segment: 1, SegmentID: "MSH", Field: 9, Code: CodeRequiredFieldMissing,
			Msg: "message type (MSH-9) is missing"})
	}
	if msh.Field(10).IsEmpty() {
		add(Problem{Segment: 1, SegmentID: "MSH", Field: 10, Code: CodeRequiredFieldMissing,
			Msg: "message control ID (MSH-10) is missing"})
	}
	switch v := msh.Field(12).Comp(1); {
	case v.IsEmpty():
		add(Problem{Segment: 1, SegmentID: "MSH", Field: 12, Code: CodeRequiredFieldMissing,
			Msg: "version ID (MSH-12) is missing"})
	case !supportedVersions[string(v.Bytes())]:
		add(Problem{Segment: 1, SegmentID: "MSH", Field: 12, Comp: 1, Code: CodeUnsupportedVersion,
			Msg: fmt.Sprintf("unsupported version %q (supported: 2.1 to 2.9)", v.Bytes())})
	}
	if m.charset == CharsetUnknown {
		add(Problem{Segment: 1, SegmentID: "MSH", Field: 18, Code: CodeTableValue,
			Msg: fmt.Sprintf("unsupported character set %q (supported: ASCII, 8859/1, UNICODE UTF-8)",
				msh.Field(18).Rep(1).Bytes())})
	}
	for i := 0; i < m.nseg; i++ {
		s := m.segment(i)
		ps = m.validateSegment(ps, s)
	}
	return ps
}

func (m *Message) validateSegment(ps []Problem, s Segment) []Problem {
	segN := s.i + 1
	idb := s.id()
	id := string(idb)
	if !validSegmentID(idb) {
		shown := idb
		if len(shown) > 20 {
			shown = shown[:20]
		}
		return append(ps, Problem{Segment: segN, SegmentID: string(shown), Code: CodeSegmentSequence,
			Msg: fmt.Sprintf("segment ID %q is not three upper-case letters or digits followed by %q", shown, m.d.Field)})
	}
	switch {
	case s.i > 0 && id == "MSH":
		ps = append(ps, Problem{Segment: segN, SegmentID: id, Code: CodeSegmentSequence,
			Msg: "a second MSH starts another message; read several messages with a Scanner"})
	case id == "FHS" || id == "BHS" || id == "BTS" || id == "FTS":
		ps = append(ps, Problem{Segment: segN, SegmentID: id, Code: CodeSegmentSequence,
			Msg: "batch envelope segment inside a message; read batch files with a Scanner"})
	}
	for f := 1; f <= s.NumFields(); f++ {
		v := s.Field(f)
		if v.level == levelAtomic {
			continue
		}
		b := v.Bytes()
		switch m.charset {
		case CharsetUTF8:
			if !utf8.Valid(b) {
				off := invalidUTF8(b)
				r, c, sc := locate(v, off)
				ps = append(ps, Problem{Segment: segN, SegmentID: id, Field: f, Rep: r, Comp: c, Sub: sc,
					Code: CodeDataType,
					Msg:  fmt.Sprintf("invalid UTF-8 (byte 0x%02X at offset %d of the field) under MSH-18 UNICODE UTF-8", b[off], off)})
			}
		case CharsetASCII:
			if string(msh(m).Field(18).Rep(1).Bytes()) != "ASCII" {
				break // not declared: bytes are taken as they come
			}
			for k, c := range b {
				if c >= 0x80 {
					r, cc, sc := locate(v, k)
					ps = append(ps, Problem{Segment: segN, SegmentID: id, Field: f, Rep: r, Comp: cc, Sub: sc,
						Code: CodeDataType,
						Msg:  fmt.Sprintf("byte 0x%02X is not 7-bit ASCII, which MSH-18 declares", c)})
					break
				}
			}
		}
		if off, why := checkEscapes(b, m.d); off >= 0 {
			r, c, sc := locate(v, off)
			ps = append(ps, Problem{Segment: segN, SegmentID: id, Field: f, Rep: r, Comp: c, Sub: sc,
				Code: CodeDataType, Msg: why})
		}
	}
	if id == "OBX" {
		vt := s.Field(2)
		switch {
		case vt.NumReps() > 1 || vt.NumComps() > 1 || vt.NumSubs() > 1:
			ps = append(ps, Problem{Segment: segN, SegmentID: id, Field: 2, Code: CodeDataType,
				Msg: fmt.Sprintf("value type (OBX-2) %q must be a single code, not repeated or split into components", vt.Bytes())})
		case !vt.IsEmpty() && !valueTypes[string(vt.Bytes())]:
			ps = append(ps, Problem{Segment: segN, SegmentID: id, Field: 2, Code: CodeTableValue, Warning: true,
				Msg: fmt.Sprintf("value type (OBX-2) %q is not in HL7 table 0125", vt.Bytes())})
		case vt.IsEmpty() && !s.Field(5).IsEmpty():
			ps = append(ps, Problem{Segment: segN, SegmentID: id, Field: 2, Code: CodeRequiredFieldMissing, Warning: true,
				Msg: "value type (OBX-2) is missing although OBX-5 holds a value"})
		}
	}
	return ps
}

func msh(m *Message) Segment { return m.segment(0) }

func validSegmentID(b []byte) bool {
	if len(b) != 3 || b[0] < 'A' || b[0] > 'Z' {
		return false
	}
	for _, c := range b[1:] {
		if !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

func invalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return 0
}

// locate returns the repetition, component and subcomponent (from 1) that
// byte off of field v falls in.
func locate(v Value, off int) (rep, comp, sub int) {
	rep, comp, sub = 1, 1, 1
	d := v.d
	for i := 0; i < off && i < len(v.b); i++ {
		switch c := v.b[i]; {
		case c == d.Repetition:
			rep, comp, sub = rep+1, 1, 1
		case c == d.Component:
			comp, sub = comp+1, 1
		case c == d.Subcomponent && c != 0:
			sub++
		}
	}
	return rep, comp, sub
}
