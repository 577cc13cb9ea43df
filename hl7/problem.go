package hl7

import (
	"fmt"
	"strconv"
	"strings"
)

// ErrorCode is an HL7 message error condition code (HL7 table 0357), sent in
// ERR-3 of an acknowledgement.
type ErrorCode int

// The error conditions of HL7 table 0357 that Chartroom reports.
const (
	CodeSegmentSequence      ErrorCode = 100 // segment sequence or structure error
	CodeRequiredFieldMissing ErrorCode = 101 // required field missing
	CodeDataType             ErrorCode = 102 // data type error
	CodeTableValue           ErrorCode = 103 // table value not found
	CodeUnsupportedType      ErrorCode = 200 // unsupported message type
	CodeUnsupportedEvent     ErrorCode = 201 // unsupported event code
	CodeUnsupportedProcID    ErrorCode = 202 // unsupported processing id
	CodeUnsupportedVersion   ErrorCode = 203 // unsupported version id
	CodeUnknownKey           ErrorCode = 204 // unknown key identifier
	CodeDuplicateKey         ErrorCode = 205 // duplicate key identifier
	CodeRecordLocked         ErrorCode = 206 // application record locked
	CodeInternal             ErrorCode = 207 // application internal error
)

// Text returns the HL7 table 0357 description of the code.
func (c ErrorCode) Text() string {
	switch c {
	case CodeSegmentSequence:
		return "Segment sequence error"
	case CodeRequiredFieldMissing:
		return "Required field missing"
	case CodeDataType:
		return "Data type error"
	case CodeTableValue:
		return "Table value not found"
	case CodeUnsupportedType:
		return "Unsupported message type"
	case CodeUnsupportedEvent:
		return "Unsupported event code"
	case CodeUnsupportedProcID:
		return "Unsupported processing id"
	case CodeUnsupportedVersion:
		return "Unsupported version id"
	case CodeUnknownKey:
		return "Unknown key identifier"
	case CodeDuplicateKey:
		return "Duplicate key identifier"
	case CodeRecordLocked:
		return "Application record locked"
	}
	return "Application internal error"
}

// Problem is one thing wrong with a message, located as precisely as it can
// be: the segment (by position from 1 and by ID), then field, repetition,
// component and subcomponent (each from 1; 0 when the problem concerns the
// whole of the enclosing part). Line is the line of the input where the
// segment starts, when the message came from a Scanner. Problem is an error.
type Problem struct {
	Line      int
	Segment   int
	SegmentID string
	Field     int
	Rep       int
	Comp      int
	Sub       int
	Code      ErrorCode
	Warning   bool // a warning leaves the message acceptable; see HasErrors
	Msg       string
}

// HasErrors reports whether any of ps is an error rather than a warning.
func HasErrors(ps []Problem) bool {
	for _, p := range ps {
		if !p.Warning {
			return true
		}
	}
	return false
}

// Location returns where the problem is, in path form ("PID[1]-3[2].1").
func (p Problem) Location() string {
	var b strings.Builder
	id := p.SegmentID
	if id == "" {
		id = "?"
	}
	b.WriteString(id)
	if p.Field > 0 {
		b.WriteByte('-')
		b.WriteString(strconv.Itoa(p.Field))
		if p.Rep > 0 {
			fmt.Fprintf(&b, "[%d]", p.Rep)
		}
		if p.Comp > 0 {
			b.WriteByte('.')
			b.WriteString(strconv.Itoa(p.Comp))
			if p.Sub > 0 {
				b.WriteByte('.')
				b.WriteString(strconv.Itoa(p.Sub))
			}
		}
	}
	return b.String()
}

// Error describes the problem and where it is.
func (p Problem) Error() string {
	var b strings.Builder
	if p.Warning {
		b.WriteString("warning: ")
	}
	if p.Line > 0 {
		fmt.Fprintf(&b, "line %d: ", p.Line)
	}
	if p.Segment > 0 {
		fmt.Fprintf(&b, "segment %d ", p.Segment)
		if p.SegmentID == "" && p.Field == 0 {
			b.WriteString(": ")
		}
	}
	if p.SegmentID != "" || p.Field > 0 {
		b.WriteString(p.Location())
		b.WriteString(": ")
	}
	b.WriteString(p.Msg)
	return b.String()
}
