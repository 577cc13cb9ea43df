package hl7

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
)

// MaxSegment is the longest segment a Scanner accepts (base64 documents in
// OBX-5 make segments of several megabytes).
const MaxSegment = 64 << 20

// Scanner reads messages one at a time from a stream holding any number of
// messages, optionally wrapped in batches (BHS … BTS) and a file envelope
// (FHS … FTS). Segments may end in CR, LF or CRLF; blank lines are skipped.
// Problems with the envelope (a BHS inside an open batch, segments before
// any MSH, a BTS count that does not match, …) do not stop the scan; they
// are collected in Problems.
//
//	sc := hl7.NewScanner(r)
//	for sc.Scan() {
//		m, err := sc.Message()
//		…
//	}
//	if err := sc.Err(); err != nil { … }
type Scanner struct {
	r    io.Reader
	buf  []byte
	off  int
	eof  bool
	err  error
	line int // lines consumed so far

	pending      []byte // a segment read ahead that starts the next message
	pendingSpare []byte // pending's memory, for reuse
	pendingLine  int

	raw      []byte
	msg      *Message
	msgErr   error
	msgLine  int
	count    int
	problems []Problem

	fs              byte
	fileLine        int // line of the open FHS, 0 if none
	batchLine       int // line of the open BHS, 0 if none
	batchesInFile   int
	messagesInBatch int
	envelopeSeen    bool
	implicitBatch   bool // messages outside any BHS form one batch
	bomChecked      bool
}

// NewScanner returns a Scanner reading from r.
func NewScanner(r io.Reader) *Scanner {
	return &Scanner{r: r, buf: make([]byte, 0, 64<<10), fs: '|'}
}

// nextSegment returns the next non-blank segment without its line end and
// the line it starts on. The bytes are valid until the next call.
func (s *Scanner) nextSegment() ([]byte, int, bool) {
	for {
		data := s.buf[s.off:]
		i := 0
		for i < len(data) && data[i] != '\r' && data[i] != '\n' {
			i++
		}
		if i < len(data) || s.eof {
			if i == len(data) && i == 0 {
				return nil, 0, false
			}
			term := 0
			if i < len(data) {
				term = 1
				if data[i] == '\r' {
					if i+1 == len(data) && !s.eof {
						if s.fill() {
							continue
						}
					}
					if i+1 < len(data) && data[i+1] == '\n' {
						term = 2
					}
				}
			}
			s.off += i + term
			s.line++
			if i == 0 {
				continue
			}
			seg := data[:i]
			if !s.bomChecked {
				s.bomChecked = true
				if bytes.HasPrefix(seg, bom) {
					s.problems = append(s.problems, Problem{Line: s.line, Code: CodeSegmentSequence,
						Msg: "UTF-8 byte-order mark before the first segment (HL7 v2 has none)"})
					seg = seg[3:]
				}
			}
			return seg, s.line, true
		}
		if !s.fill() {
			if s.err != nil {
				return nil, 0, false
			}
		}
	}
}

// fill reads more input; it reports whether any was read.
func (s *Scanner) fill() bool {
	if s.eof || s.err != nil {
		return false
	}
	if s.off > 0 {
		n := copy(s.buf, s.buf[s.off:])
		s.buf = s.buf[:n]
		s.off = 0
	}
	if len(s.buf) >= MaxSegment {
		s.err = fmt.Errorf("hl7: line %d: segment longer than %d bytes", s.line+1, MaxSegment)
		return false
	}
	if cap(s.buf)-len(s.buf) < 4096 {
		nb := make([]byte, len(s.buf), 2*cap(s.buf)+4096)
		copy(nb, s.buf)
		s.buf = nb
	}
	n, err := s.r.Read(s.buf[len(s.buf):cap(s.buf)])
	s.buf = s.buf[:len(s.buf)+n]
	if err == io.EOF {
		s.eof = true
	} else if err != nil {
		s.err = err
	}
	return n > 0 || s.eof
}

// Scan advances to the next message. It returns false at the end of the
// input or on a read error (see Err).
func (s *Scanner) Scan() bool {
	s.msg, s.msgErr, s.raw = nil, nil, nil
	var raw []byte
	startLine := 0
	take := func(seg []byte, line int) {
		if raw == nil {
			raw = make([]byte, 0, 4096)
			startLine = line
		}
		raw = append(raw, seg...)
		raw = append(raw, '\r')
	}
	for {
		var seg []byte
		var line int
		if s.pending != nil {
			seg, line = s.pending, s.pendingLine
			s.pendingSpare, s.pending = s.pending, nil
		} else {
			var ok bool
			if seg, line, ok = s.nextSegment(); !ok {
				break
			}
		}
		id := ""
		if len(seg) >= 3 {
			id = string(seg[:3])
		}
		switch id {
		case "MSH", "FHS", "BHS", "BTS", "FTS":
			if raw != nil {
				s.pending = append(s.pendingSpare[:0], seg...)
				s.pendingLine = line
				return s.emit(raw, startLine)
			}
			if id == "MSH" {
				if len(seg) > 3 {
					s.fs = seg[3]
				}
				if s.batchLine == 0 && !s.implicitBatch {
					s.implicitBatch = true
					s.batchesInFile++
					s.messagesInBatch = 0
				}
				s.messagesInBatch++
				take(seg, line)
				continue
			}
			s.envelope(id, seg, line)
		default:
			if raw == nil {
				s.problems = append(s.problems, Problem{Line: line, SegmentID: safeID(seg), Code: CodeSegmentSequence,
					Msg: "segment outside any message (expected MSH)"})
				continue
			}
			take(seg, line)
		}
	}
	if raw != nil {
		return s.emit(raw, startLine)
	}
	s.finish()
	return false
}

func safeID(seg []byte) string {
	if len(seg) > 3 {
		seg = seg[:3]
	}
	return string(bytes.ToValidUTF8(seg, []byte("?")))
}

func (s *Scanner) emit(raw []byte, line int) bool {
	s.count++
	s.raw, s.msgLine = raw, line
	s.msg, s.msgErr = Parse(raw)
	var p Problem
	if errors.As(s.msgErr, &p) {
		p.Line = line + max(p.Segment-1, 0)
		s.msgErr = p
	}
	return true
}

// envelope handles an FHS, BHS, BTS or FTS segment.
func (s *Scanner) envelope(id string, seg []byte, line int) {
	s.envelopeSeen = true
	prob := func(code ErrorCode, format string, args ...any) {
		s.problems = append(s.problems, Problem{Line: line, SegmentID: id, Code: code, Msg: fmt.Sprintf(format, args...)})
	}
	warn := func(format string, args ...any) {
		s.problems = append(s.problems, Problem{Line: line, SegmentID: id, Code: CodeSegmentSequence, Warning: true,
			Msg: fmt.Sprintf(format, args...)})
	}
	if id == "FHS" || id == "BHS" {
		if len(seg) > 3 {
			s.fs = seg[3]
		}
		if _, _, err := parseDelimiters(seg); err != nil {
			var p Problem
			errors.As(err, &p)
			s.problems = append(s.problems, Problem{Line: line, SegmentID: id, Field: p.Field, Code: p.Code, Msg: p.Msg})
		}
	}
	countField := func() (int, bool) {
		f := bytes.Split(seg, []byte{s.fs})
		if len(f) < 2 || len(f[1]) == 0 {
			return 0, false
		}
		n, err := strconv.Atoi(string(f[1]))
		if err != nil {
			prob(CodeDataType, "%s-1 count %q is not a number", id, f[1])
			return 0, false
		}
		return n, true
	}
	// The standard makes BHS/BTS optional around a single batch and FHS/FTS
	// optional around a single file, so a missing header or trailer is a
	// warning; a header nested in an open one, or segments outside any
	// message, are errors.
	switch id {
	case "FHS":
		if s.fileLine != 0 {
			prob(CodeSegmentSequence, "file header inside the file opened by FHS at line %d (no FTS closes it)", s.fileLine)
		}
		if s.batchLine != 0 {
			prob(CodeSegmentSequence, "file header inside the batch opened by BHS at line %d (no BTS closes it)", s.batchLine)
			s.batchLine = 0
		}
		s.fileLine, s.batchesInFile, s.implicitBatch = line, 0, false
	case "BHS":
		if s.batchLine != 0 {
			prob(CodeSegmentSequence, "batch header inside the batch opened by BHS at line %d (no BTS closes it)", s.batchLine)
		}
		s.batchLine, s.messagesInBatch, s.implicitBatch = line, 0, false
		s.batchesInFile++
	case "BTS":
		opened := fmt.Sprintf("the batch opened at line %d", s.batchLine)
		switch {
		case s.batchLine == 0 && s.implicitBatch:
			warn("batch trailer without a batch header (BHS)")
			opened = "the batch"
		case s.batchLine == 0:
			prob(CodeSegmentSequence, "batch trailer without a batch header (BHS) or any message")
			return
		}
		if n, ok := countField(); ok && n != s.messagesInBatch {
			prob(CodeSegmentSequence, "BTS-1 counts %d messages but %s holds %d", n, opened, s.messagesInBatch)
		}
		if s.messagesInBatch == 0 {
			prob(CodeSegmentSequence, "%s holds no message (no MSH)", opened)
		}
		s.batchLine, s.implicitBatch = 0, false
	case "FTS":
		if s.batchLine != 0 {
			warn("file trailer while the batch opened at line %d is still open (no BTS)", s.batchLine)
			s.batchLine = 0
		}
		s.implicitBatch = false
		if s.fileLine == 0 {
			warn("file trailer without a file header (FHS)")
		}
		if n, ok := countField(); ok && n != s.batchesInFile {
			prob(CodeSegmentSequence, "FTS-1 counts %d batches but the file holds %d", n, s.batchesInFile)
		}
		s.fileLine, s.batchesInFile = 0, 0
	}
}

// finish reports envelopes left open at the end of the input.
func (s *Scanner) finish() {
	if s.err != nil {
		return
	}
	if s.batchLine != 0 {
		s.problems = append(s.problems, Problem{Line: s.batchLine, SegmentID: "BHS", Code: CodeSegmentSequence, Warning: true,
			Msg: "batch never closed: no BTS before the end of the input"})
		s.batchLine = 0
	}
	if s.fileLine != 0 {
		s.problems = append(s.problems, Problem{Line: s.fileLine, SegmentID: "FHS", Code: CodeSegmentSequence, Warning: true,
			Msg: "file never closed: no FTS before the end of the input"})
		s.fileLine = 0
	}
}

// Message returns the current message, or the error that kept it from
// parsing (a Problem whose Line says where it starts). The message owns its
// bytes and stays valid after the next Scan.
func (s *Scanner) Message() (*Message, error) { return s.msg, s.msgErr }

// Raw returns the current message's segments, each ending in CR.
func (s *Scanner) Raw() []byte { return s.raw }

// Line returns the input line on which the current message starts.
func (s *Scanner) Line() int { return s.msgLine }

// Count returns how many messages have been scanned so far.
func (s *Scanner) Count() int { return s.count }

// Problems returns the envelope problems found so far (all of them once
// Scan has returned false).
func (s *Scanner) Problems() []Problem { return s.problems }

// Err returns the first read error, or nil at a clean end of input.
func (s *Scanner) Err() error { return s.err }

// Finding is a problem found in a stream of messages: which message (from 1;
// 0 for a problem with the batch or file envelope) and the problem, whose
// Line is the line of the input it concerns.
type Finding struct {
	Message int
	Problem
}

// ValidateAll reads every message from r and returns every problem: those of
// the envelope, messages that do not parse, and what Validate finds in each
// message. It also returns the number of messages read. err is a read
// error only.
func ValidateAll(r io.Reader) (findings []Finding, messages int, err error) {
	sc := NewScanner(r)
	for sc.Scan() {
		m, perr := sc.Message()
		if perr != nil {
			var p Problem
			if !errors.As(perr, &p) {
				p = Problem{Line: sc.Line(), Msg: perr.Error()}
			}
			findings = append(findings, Finding{Message: sc.Count(), Problem: p})
			continue
		}
		for _, p := range m.Validate() {
			if p.Segment > 0 {
				p.Line = sc.Line() + p.Segment - 1
			}
			findings = append(findings, Finding{Message: sc.Count(), Problem: p})
		}
	}
	for _, p := range sc.Problems() {
		findings = append(findings, Finding{Problem: p})
	}
	return findings, sc.Count(), sc.Err()
}
