package hl7

import (
	"bytes"
	"strconv"
	"time"
)

// AckCode is the outcome an acknowledgement reports. Ack turns it into the
// original-mode code (AA, AE, AR) or, when the message asked for enhanced
// acknowledgement in MSH-15/16, the enhanced-mode code (CA, CE, CR).
type AckCode int

// The outcomes of an acknowledgement.
const (
	AckAccept AckCode = iota // AA / CA: message accepted
	AckError                 // AE / CE: accepted but in error, or failed to process
	AckReject                // AR / CR: rejected (bad header, unsupported type or version)
)

// Codes returns the MSA-1 code of c in original and in enhanced mode.
func (c AckCode) Codes() (original, enhanced string) {
	switch c {
	case AckAccept:
		return "AA", "CA"
	case AckError:
		return "AE", "CE"
	}
	return "AR", "CR"
}

// Acker builds acknowledgements. The zero Acker works: it leaves MSH-7 empty
// and sends back the message's own receiving application and facility as the
// ACK's sender.
type Acker struct {
	// Now gives the ACK's MSH-7 time; nil leaves MSH-7 empty.
	Now func() time.Time
	// Application and Facility, when set, are the ACK's MSH-3 and MSH-4
	// (already encoded, components separated by ^).
	Application, Facility string
	// ControlID gives the ACK's own MSH-10; nil makes it "A" followed by the
	// acknowledged message's control ID.
	ControlID func() string
}

// Ack builds the acknowledgement of m with a zero Acker.
func Ack(m *Message, code AckCode, problems ...Problem) []byte {
	return Acker{}.Ack(m, code, problems...)
}

// ackSource is what an ACK needs from the message it acknowledges: raw
// (still encoded) MSH fields, which are copied so that MSA-2 equals MSH-10
// byte for byte.
type ackSource struct {
	d        Delimiters
	fields   [19][]byte // MSH-1 … MSH-18 by number
	version  string
	enhanced bool
	segIDs   []string // IDs of the segments, to number occurrences in ERR-2
}

func sourceOf(m *Message) ackSource {
	var src ackSource
	src.d = m.d
	msh := m.segment(0)
	for i := 3; i < len(src.fields); i++ {
		src.fields[i] = msh.Field(i).Bytes()
	}
	src.version = string(msh.Field(12).Comp(1).Bytes())
	src.enhanced = len(src.fields[15]) > 0 || len(src.fields[16]) > 0
	src.segIDs = make([]string, m.nseg)
	for i := range m.nseg {
		src.segIDs[i] = string(m.segment(i).id())
	}
	return src
}

// Ack builds the acknowledgement of m: an MSH answering m's, an MSA whose
// MSA-2 is m's MSH-10 exactly, and an ERR segment per problem pointing at the
// segment and field concerned (ERR-2 location from v2.5 on, ERR-1 before).
// The segments end in CR.
func (a Acker) Ack(m *Message, code AckCode, problems ...Problem) []byte {
	return a.build(sourceOf(m), code, problems)
}

// AckRaw acknowledges a message that may not parse at all (no MSH, bad
// encoding characters): it takes what it can from the start of raw —
// delimiters, sender, control ID — and otherwise uses the defaults. A
// message that parses gets the same ACK as from Ack.
func (a Acker) AckRaw(raw []byte, code AckCode, problems ...Problem) []byte {
	if m, err := Parse(raw); err == nil {
		return a.Ack(m, code, problems...)
	}
	var src ackSource
	src.d = DefaultDelimiters()
	line := raw
	if i := bytes.IndexAny(line, "\r\n"); i >= 0 {
		line = line[:i]
	}
	line = bytes.TrimPrefix(line, bom)
	if len(line) > 3 && string(line[:3]) == "MSH" && isDelimiterByte(line[3]) {
		src.d.Field = line[3]
		fs := bytes.Split(line[4:], []byte{line[3]})
		for i, f := range fs {
			if n := i + 2; n >= 3 && n < len(src.fields) {
				src.fields[n] = f
			}
		}
		if d, _, err := parseDelimiters(line); err == nil {
			src.d = d
		}
		if len(src.fields[12]) > 0 {
			src.version = string(bytes.SplitN(src.fields[12], []byte{src.d.Component}, 2)[0])
		}
		src.enhanced = len(src.fields[15]) > 0 || len(src.fields[16]) > 0
	}
	return a.build(src, code, problems)
}

// versionAtLeast reports whether v (like "2.3.1") is at least major.minor.
func versionAtLeast(v string, major, minor int) bool {
	if v == "" {
		return true // unknown: use the current form
	}
	parts := bytes.Split([]byte(v), []byte{'.'})
	ma, err1 := strconv.Atoi(string(parts[0]))
	mi := 0
	var err2 error
	if len(parts) > 1 {
		mi, err2 = strconv.Atoi(string(parts[1]))
	}
	if err1 != nil || err2 != nil {
		return true
	}
	return ma > major || ma == major && mi >= minor
}

func (a Acker) build(src ackSource, code AckCode, problems []Problem) []byte {
	d := src.d
	fs := d.Field
	b := make([]byte, 0, 256+128*len(problems))
	field := func(v []byte) { b = append(b, fs); b = append(b, v...) }

	// MSH
	b = append(b, "MSH"...)
	b = append(b, fs)
	b = append(b, d.EncodingCharacters()...)
	if a.Application != "" {
		field([]byte(a.Application))
	} else {
		field(src.fields[5])
	}
	if a.Facility != "" {
		field([]byte(a.Facility))
	} else {
		field(src.fields[6])
	}
	field(src.fields[3])
	field(src.fields[4])
	b = append(b, fs)
	if a.Now != nil {
		b = a.Now().AppendFormat(b, "20060102150405-0700")
	}
	b = append(b, fs, fs) // MSH-8 security
	b = append(b, "ACK"...)
	modern := versionAtLeast(src.version, 2, 5)
	trigger := src.fields[9]
	if i := bytes.IndexByte(trigger, d.Component); i >= 0 {
		trigger = trigger[i+1:]
		if j := bytes.IndexByte(trigger, d.Component); j >= 0 {
			trigger = trigger[:j]
		}
	} else {
		trigger = nil
	}
	if versionAtLeast(src.version, 2, 3) && len(trigger) > 0 {
		b = append(b, d.Component)
		b = append(b, trigger...)
		if modern {
			b = append(b, d.Component)
			b = append(b, "ACK"...)
		}
	}
	b = append(b, fs)
	if a.ControlID != nil {
		b = Escape(b, a.ControlID(), d)
	} else {
		b = append(b, 'A')
		b = append(b, src.fields[10]...)
	}
	if len(src.fields[11]) > 0 {
		field(src.fields[11])
	} else {
		field([]byte("P"))
	}
	if len(src.fields[12]) > 0 {
		field(src.fields[12])
	} else {
		field([]byte("2.5.1"))
	}
	if len(src.fields[18]) > 0 {
		b = append(b, fs, fs, fs, fs, fs) // MSH-13 … MSH-17 empty
		field(src.fields[18])
	}
	b = append(b, '\r')

	// MSA
	orig, enh := code.Codes()
	b = append(b, "MSA"...)
	if src.enhanced {
		field([]byte(enh))
	} else {
		field([]byte(orig))
	}
	field(src.fields[10])
	if !modern && len(problems) > 0 {
		b = append(b, fs)
		b = Escape(b, problems[0].Msg, d)
	}
	b = append(b, '\r')

	if len(problems) == 0 {
		return b
	}
	sub := d.Subcomponent
	if sub == 0 {
		sub = ' '
	}
	if !modern {
		// One ERR with ERR-1 (ELD) repeated per problem:
		// segment ID ^ sequence ^ field position ^ code & text & HL70357.
		b = append(b, "ERR"...)
		b = append(b, fs)
		for i, p := range problems {
			if i > 0 {
				b = append(b, d.Repetition)
			}
			b = append(b, p.SegmentID...)
			b = append(b, d.Component)
			if seq := src.occurrence(p); seq > 0 {
				b = strconv.AppendInt(b, int64(seq), 10)
			}
			b = append(b, d.Component)
			if p.Field > 0 {
				b = strconv.AppendInt(b, int64(p.Field), 10)
			}
			b = append(b, d.Component)
			b = strconv.AppendInt(b, int64(p.Code), 10)
			b = append(b, sub)
			b = Escape(b, p.Code.Text(), d)
			b = append(b, sub)
			b = append(b, "HL70357"...)
		}
		return append(b, '\r')
	}
	for _, p := range problems {
		// ERR||ERL|code^text^HL70357|E||||user message
		b = append(b, "ERR"...)
		b = append(b, fs, fs)
		if p.SegmentID != "" {
			b = append(b, p.SegmentID...)
			parts := []int{src.occurrence(p), p.Field, p.Rep, p.Comp, p.Sub}
			last := 0
			for i, n := range parts {
				if n > 0 {
					last = i + 1
				}
			}
			for i := 0; i < last; i++ {
				b = append(b, d.Component)
				if parts[i] > 0 {
					b = strconv.AppendInt(b, int64(parts[i]), 10)
				}
			}
		}
		b = append(b, fs)
		b = strconv.AppendInt(b, int64(p.Code), 10)
		b = append(b, d.Component)
		b = Escape(b, p.Code.Text(), d)
		b = append(b, d.Component)
		b = append(b, "HL70357"...)
		b = append(b, fs)
		if p.Warning {
			b = append(b, 'W')
		} else {
			b = append(b, 'E')
		}
		b = append(b, fs, fs, fs, fs)
		b = Escape(b, p.Msg, d)
		b = append(b, '\r')
	}
	return b
}

// occurrence returns which occurrence of its segment ID the problem's
// segment is (1 for the first PID), or 0 if unknown.
func (src ackSource) occurrence(p Problem) int {
	if p.Segment < 1 {
		return 0
	}
	if p.Segment > len(src.segIDs) {
		if p.Segment == 1 {
			return 1
		}
		return 0
	}
	n := 0
	for i := 0; i < p.Segment; i++ {
		if src.segIDs[i] == src.segIDs[p.Segment-1] {
			n++
		}
	}
	return n
}
