// Package hl7 parses and encodes HL7 version 2 messages: the pipe-delimited
// segments (MSH, PID, OBX, …) that carry registrations, results, documents and
// charges between hospital systems.
//
// Parsing is one pass over the bytes that records offsets into the original
// buffer; nothing is copied and escape sequences are decoded only when a value
// is read as text. A parsed Message keeps its bytes, so encoding it gives back
// the input byte for byte. Values are addressed by path ("PID-3[2].1",
// "OBX[3]-5", "MSH-9.2"). Validate reports every problem with the segment,
// field, repetition and component it concerns, and Ack builds the matching
// acknowledgement. Scanner reads many messages, batches (BHS/BTS) and files
// (FHS/FTS) from an io.Reader.
package hl7

import (
	"bytes"
	"fmt"
	"io"
	"math/bits"
	"sync"
)

// Delimiters are the separator and escape characters a message declares in
// MSH-1 and MSH-2. A zero byte means the message does not declare that
// character (old messages may omit the escape or subcomponent character, and
// only v2.7 and later declare a truncation character).
type Delimiters struct {
	Field        byte // MSH-1, normally '|'
	Component    byte // MSH-2 first character, normally '^'
	Repetition   byte // MSH-2 second character, normally '~'
	Escape       byte // MSH-2 third character, normally '\'
	Subcomponent byte // MSH-2 fourth character, normally '&'
	Truncation   byte // MSH-2 fifth character (v2.7+), normally '#'
}

// DefaultDelimiters returns the delimiters almost every message uses: |^~\&.
func DefaultDelimiters() Delimiters {
	return Delimiters{Field: '|', Component: '^', Repetition: '~', Escape: '\\', Subcomponent: '&'}
}

// EncodingCharacters returns the MSH-2 form of d ("^~\&").
func (d Delimiters) EncodingCharacters() string {
	b := make([]byte, 0, 5)
	for _, c := range []byte{d.Component, d.Repetition, d.Escape, d.Subcomponent, d.Truncation} {
		if c == 0 {
			break
		}
		b = append(b, c)
	}
	return string(b)
}

// parseDelimiters reads the field separator and encoding characters of a
// header segment (MSH, BHS or FHS) starting at seg. It returns the delimiters
// and the length of the MSH-2 text.
func parseDelimiters(seg []byte) (Delimiters, int, error) {
	var d Delimiters
	if len(seg) < 4 {
		return d, 0, Problem{Segment: 1, SegmentID: headerID(seg), Field: 1, Code: CodeSegmentSequence,
			Msg: "segment too short to hold the field separator"}
	}
	fs := seg[3]
	if !isDelimiterByte(fs) {
		return d, 0, Problem{Segment: 1, SegmentID: headerID(seg), Field: 1, Code: CodeDataType,
			Msg: fmt.Sprintf("field separator %q is not a usable delimiter", fs)}
	}
	d.Field = fs
	n := 0
	for n < 6 && 4+n < len(seg) && seg[4+n] != fs && seg[4+n] != '\r' && seg[4+n] != '\n' {
		n++
	}
	enc := seg[4 : 4+n]
	if n < 2 {
		return d, n, Problem{Segment: 1, SegmentID: headerID(seg), Field: 2, Code: CodeDataType,
			Msg: fmt.Sprintf("encoding characters %q: at least the component and repetition separators are required", enc)}
	}
	if n > 5 {
		return d, n, Problem{Segment: 1, SegmentID: headerID(seg), Field: 2, Code: CodeDataType,
			Msg: fmt.Sprintf("encoding characters %q: more than 5 characters", enc)}
	}
	var seen [256]bool
	seen[fs] = true
	for i, c := range enc {
		if !isDelimiterByte(c) {
			return d, n, Problem{Segment: 1, SegmentID: headerID(seg), Field: 2, Comp: 0, Code: CodeDataType,
				Msg: fmt.Sprintf("encoding characters %q: character %d %q is not a usable delimiter", enc, i+1, c)}
		}
		if seen[c] {
			return d, n, Problem{Segment: 1, SegmentID: headerID(seg), Field: 2, Code: CodeDataType,
				Msg: fmt.Sprintf("encoding characters %q: %q is used twice (each delimiter must be distinct)", enc, c)}
		}
		seen[c] = true
	}
	d.Component, d.Repetition = enc[0], enc[1]
	if n > 2 {
		d.Escape = enc[2]
	}
	if n > 3 {
		d.Subcomponent = enc[3]
	}
	if n > 4 {
		d.Truncation = enc[4]
	}
	return d, n, nil
}

func headerID(seg []byte) string {
	if len(seg) >= 3 {
		return string(seg[:3])
	}
	return string(seg)
}

// isDelimiterByte reports whether c may serve as a delimiter: printable
// ASCII punctuation (letters, digits, space and control bytes may not).
func isDelimiterByte(c byte) bool {
	switch {
	case c <= ' ' || c >= 0x7f:
		return false
	case c >= '0' && c <= '9', c >= 'A' && c <= 'Z', c >= 'a' && c <= 'z':
		return false
	}
	return true
}

// segRec is the number of int32 slots a segment takes in the index:
// start, end (before the terminator), first field slot, field count.
const segRec = 4

// Message is one parsed HL7 v2 message. It refers to the bytes it was parsed
// from, which must not be modified while the Message is in use.
type Message struct {
	raw     []byte
	d       Delimiters
	bom     bool
	charset Charset
	nseg    int
	idx     []int32 // nseg records of segRec
	fidx    []int32 // where each field starts, built on first use
	fields  sync.Once
}

// Parse parses one message. raw must begin with MSH (a UTF-8 byte-order mark
// before it is skipped and reported by Validate). Segments may end in CR, LF
// or CRLF. Parse fails only when the message cannot be read at all: no MSH
// or unusable delimiters; everything else is left to Validate.
//
// Parse makes two allocations: the Message and its segment index. The
// field index is built (a third allocation) the first time a field is
// asked for by number; a Cursor reads the whole message without it.
func Parse(raw []byte) (*Message, error) {
	m := &Message{}
	if err := m.parse(raw, nil); err != nil {
		return nil, err
	}
	return m, nil
}

// Parser parses messages reusing its memory. The Message it returns is valid
// until the next call to Parse; a Parser in steady state does not allocate.
type Parser struct {
	m Message
}

// Parse parses raw as Parse does, into memory owned by p.
func (p *Parser) Parse(raw []byte) (*Message, error) {
	idx, fidx := p.m.idx, p.m.fidx
	p.m = Message{fidx: fidx}
	if err := p.m.parse(raw, idx); err != nil {
		return nil, err
	}
	return &p.m, nil
}

var bom = []byte{0xEF, 0xBB, 0xBF}

// parse parses raw into the zero Message m, reusing idx if it is big enough.
func (m *Message) parse(raw []byte, idx []int32) error {
	m.raw = raw
	start := 0
	if bytes.HasPrefix(raw, bom) {
		m.bom = true
		start = 3
	}
	if len(raw)-start < 3 || string(raw[start:start+3]) != "MSH" {
		got := raw[start:min(len(raw), start+3)]
		return Problem{Segment: 1, SegmentID: string(got), Code: CodeSegmentSequence,
			Msg: fmt.Sprintf("no MSH segment: message starts with %q", got)}
	}
	if len(raw) >= 1<<31-1 {
		return Problem{Segment: 1, SegmentID: "MSH", Code: CodeSegmentSequence, Msg: "message larger than 2 GiB"}
	}
	d, _, err := parseDelimiters(raw[start:])
	if err != nil {
		return err
	}
	m.d = d
	fs := d.Field
	body := raw[start:]
	// Almost every message ends its segments in CR alone: look for LFs
	// (once, stopping at the first) only to know whether to count them and
	// to search each segment for one.
	hasLF := bytes.IndexByte(body, '\n') >= 0
	maxSeg := bytes.Count(body, []byte{'\r'}) + 1
	if hasLF {
		maxSeg += bytes.Count(body, []byte{'\n'})
	}
	need := maxSeg * segRec
	if cap(idx) < need {
		idx = make([]int32, need)
	}
	idx = idx[:need]
	si := 0
	n := len(raw)
	pos := start
	noCR := false // no CR left after pos: search for LF only
	for pos < n {
		c := raw[pos]
		if c == '\r' || c == '\n' {
			pos++
			continue
		}
		// Find the segment's end with SIMD byte searches: the next CR, and an
		// LF before it.
		e := n
		if !noCR {
			if k := bytes.IndexByte(raw[pos:], '\r'); k >= 0 {
				e = pos + k
			} else {
				noCR = true
			}
		}
		if hasLF {
			if k := bytes.IndexByte(raw[pos:e], '\n'); k >= 0 {
				e = pos + k
			}
		}
		r := idx[si*segRec : si*segRec+segRec : si*segRec+segRec]
		var flag int32
		if e-pos >= 4 && raw[pos+3] == fs && isHeaderID(raw[pos:pos+3]) {
			flag = headerFlag
		}
		r[0], r[1], r[2], r[3] = int32(pos), int32(e), 0, flag
		si++
		pos = e + 1
	}
	m.idx, m.nseg = idx, si
	m.charset = charsetOf(mshField(raw[idx[0]:idx[1]], fs, 18))
	return nil
}

// mshField returns field n (n ≥ 3) of an MSH segment, first repetition,
// without the field index.
func mshField(seg []byte, fs byte, n int) []byte {
	b := seg[min(4, len(seg)):]
	for i := 2; i < n; i++ {
		k := bytes.IndexByte(b, fs)
		if k < 0 {
			return nil
		}
		b = b[k+1:]
	}
	if k := bytes.IndexByte(b, fs); k >= 0 {
		b = b[:k]
	}
	return b
}

// indexFields records where every field starts, the first time a field is
// asked for. A Cursor reads a whole message without it.
func (m *Message) indexFields() {
	idx, raw, fs := m.idx, m.raw, m.d.Field
	need := m.nseg + bytes.Count(raw, []byte{fs})
	if cap(m.fidx) < need {
		m.fidx = make([]int32, need)
	}
	fidx := m.fidx[:need]
	fi := 0
	for si := 0; si < m.nseg; si++ {
		r := idx[si*segRec : si*segRec+segRec : si*segRec+segRec]
		pos, e := int(r[0]), int(r[1])
		first := fi
		fidx[fi] = int32(pos)
		fi++
		for p := pos; ; {
			k := bytes.IndexByte(raw[p:e], fs)
			if k < 0 {
				break
			}
			p += k + 1
			fidx[fi] = int32(p)
			fi++
		}
		r[2] = int32(first)
		r[3] |= int32(fi - first)
	}
}

// Delimiters returns the delimiters the message declares.
func (m *Message) Delimiters() Delimiters { return m.d }

// Charset returns the character set MSH-18 declares.
func (m *Message) Charset() Charset { return m.charset }

// Bytes returns the bytes the message was parsed from, unchanged.
func (m *Message) Bytes() []byte { return m.raw }

// NumSegments returns the number of segments (empty lines are not segments).
func (m *Message) NumSegments() int { return m.nseg }

// Segment returns the i'th segment, counting from 0 (MSH).
// It panics if i is out of range, like a slice index.
func (m *Message) Segment(i int) Segment {
	if i < 0 || i >= m.nseg {
		panic(fmt.Sprintf("hl7: segment index %d out of range [0,%d)", i, m.nseg))
	}
	return m.segment(i)
}

func (m *Message) segment(i int) Segment { return Segment{m: m, i: i} }

// Find returns the n'th segment (counting from 1) whose ID is id.
func (m *Message) Find(id string, n int) (Segment, bool) {
	if n < 1 {
		n = 1
	}
	for i := 0; i < m.nseg; i++ {
		s := m.segment(i)
		if s.Is(id) {
			n--
			if n == 0 {
				return s, true
			}
		}
	}
	return Segment{}, false
}

// Count returns how many segments have the ID id.
func (m *Message) Count(id string) int {
	c := 0
	for i := 0; i < m.nseg; i++ {
		if m.segment(i).Is(id) {
			c++
		}
	}
	return c
}

// AppendEncode appends the encoded message to dst: every segment followed by
// a CR. For a message whose segments all ended in CR this is exactly the
// input; LF and CRLF line ends become CR.
func (m *Message) AppendEncode(dst []byte) []byte {
	for i := 0; i < m.nseg; i++ {
		s := m.segment(i)
		for f := 0; f < s.nstored(); f++ {
			if f > 0 {
				dst = append(dst, m.d.Field)
			}
			dst = append(dst, s.stored(f)...)
		}
		dst = append(dst, '\r')
	}
	return dst
}

// Encode returns the encoded message (see AppendEncode).
func (m *Message) Encode() []byte {
	return m.AppendEncode(make([]byte, 0, len(m.raw)+1))
}

// WriteTo writes the encoded message to w.
func (m *Message) WriteTo(w io.Writer) (int64, error) {
	n, err := w.Write(m.Encode())
	return int64(n), err
}

// Clone returns a copy of m that owns its bytes.
func (m *Message) Clone() *Message {
	c := &Message{}
	if err := c.parse(bytes.Clone(m.raw), nil); err != nil {
		panic("hl7: Clone of a message that does not parse: " + err.Error())
	}
	return c
}

// Segment is one segment of a message. The zero Segment has no fields.
type Segment struct {
	m *Message
	i int
}

func (s Segment) rec() []int32 { return s.m.idx[s.i*segRec : s.i*segRec+segRec] }

// Index returns the segment's position in its message, counting from 0.
func (s Segment) Index() int { return s.i }

// Bytes returns the segment's bytes without its terminator.
func (s Segment) Bytes() []byte {
	if s.m == nil {
		return nil
	}
	r := s.rec()
	return s.m.raw[r[0]:r[1]]
}

// ID returns the segment ID ("PID").
func (s Segment) ID() string { return string(s.id()) }

// Is reports whether the segment's ID is id, without allocating.
func (s Segment) Is(id string) bool { return s.m != nil && string(s.id()) == id }

// id returns the bytes before the first field separator.
func (s Segment) id() []byte {
	if s.m == nil {
		return nil
	}
	b := s.Bytes()
	if k := bytes.IndexByte(b, s.m.d.Field); k >= 0 {
		return b[:k]
	}
	return b
}

// headerFlag marks, in a segment's field count, an MSH, BHS or FHS segment.
const headerFlag = 1 << 30

func isHeaderID(id []byte) bool {
	return string(id) == "MSH" || string(id) == "BHS" || string(id) == "FHS"
}

// isHeader reports whether the segment is MSH, BHS or FHS, whose first field
// is the field separator itself.
func (s Segment) isHeader() bool {
	return s.m != nil && s.rec()[3]&headerFlag != 0
}

func (s Segment) nstored() int {
	if s.m == nil {
		return 0
	}
	s.m.fields.Do(s.m.indexFields)
	return int(s.rec()[3] &^ headerFlag)
}

// stored returns the k'th stored field: 0 is the segment ID, then the fields
// as they appear after each field separator.
func (s Segment) stored(k int) []byte {
	s.m.fields.Do(s.m.indexFields)
	r := s.rec()
	fb := int(r[2])
	n := int(r[3] &^ headerFlag)
	st := int(s.m.fidx[fb+k])
	var end int
	if k+1 < n {
		end = int(s.m.fidx[fb+k+1]) - 1
	} else {
		end = int(r[1])
	}
	return s.m.raw[st:end]
}

// NumFields returns the number of fields present, not counting the ID.
func (s Segment) NumFields() int {
	n := s.nstored()
	if n == 0 {
		return 0
	}
	if s.isHeader() {
		return n
	}
	return n - 1
}

// Field returns field n (counting from 1, as in "PID-3"). A field beyond the
// end of the segment is absent: its Present method reports false. For MSH,
// BHS and FHS, field 1 is the field separator and field 2 the encoding
// characters, both returned verbatim.
func (s Segment) Field(n int) Value {
	if s.m == nil || n < 1 {
		return Value{}
	}
	v := Value{d: s.m.d, cs: s.m.charset, present: true}
	if s.isHeader() {
		switch {
		case n <= 2 && s.nstored() < 2:
			return Value{}
		case n == 1:
			st := s.rec()[0] + 3
			v.b, v.level = s.m.raw[st:st+1], levelAtomic
			return v
		case n == 2:
			v.b, v.level = s.stored(1), levelAtomic
			return v
		}
		n--
	}
	if n >= s.nstored() {
		return Value{}
	}
	v.b = s.stored(n)
	return v
}

// Walk calls fn for every subcomponent of every field of every segment, in
// order, with the field, repetition, component and subcomponent numbers
// (from 1). MSH-1 and MSH-2 are given whole. A Cursor does the same without
// a callback, which is faster.
func (m *Message) Walk(fn func(seg Segment, field, rep, comp, sub int, leaf Value)) {
	var c Cursor
	c.Reset(m)
	for c.Next() {
		fn(c.Segment(), c.Field, c.Rep, c.Comp, c.Sub, c.Value())
	}
}

// Character classes for Cursor.
const (
	cField = iota + 1
	cRep
	cComp
	cSub
	cEsc
)

// Cursor visits every subcomponent of a message in order, in one pass over
// the bytes: the fastest way to read a whole message.
//
//	var c hl7.Cursor
//	c.Reset(m)
//	for c.Next() {
//		buf = c.AppendText(buf[:0]) // field c.Field, repetition c.Rep, …
//	}
//
// The cursor reads a segment 64 bytes at a time into a bit mask of where
// the delimiters and escape characters are, without a branch per byte, and
// then steps from one delimiter to the next with the mask: a byte loop that
// stops at every delimiter costs a mispredicted branch per leaf, and HL7
// leaves are short (five or six bytes on average). The current leaf is kept
// as offsets rather than a slice, because storing a pointer for every leaf
// costs a write barrier while the garbage collector is marking.
type Cursor struct {
	// Field, Rep, Comp and Sub number the current leaf (from 1).
	Field, Rep, Comp, Sub int

	class   [256]uint8 // cField … cEsc for the delimiters, 0 for other bytes
	isDelim [256]uint8 // 1 for the delimiters and the escape character
	d       Delimiters // the delimiters the tables are for
	ready   bool       // the tables are built
	m       *Message
	b       []byte // the current segment's bytes
	si      int    // current segment
	pos     int    // start of the next leaf in b; -1 at the segment's end
	base    int    // offset in b of the block that mask covers
	mask    uint64 // delimiters in b[base:base+64] not yet passed, bit i for byte base+i
	lo, hi  int    // the current leaf is b[lo:hi]
	last    uint8  // class of the delimiter that ended the current leaf
	mode    uint8  // the current leaf is leafEscaped, leafPlain or leafAtomic
	fast    bool   // plain leaves need no conversion (not ISO 8859-1)
	hdr     int    // MSH-1/MSH-2 leaves still to give
	encEnd  int
}

// What a Cursor's current leaf needs to be read as text.
const (
	leafEscaped uint8 = iota // holds an escape character
	leafPlain                // holds none: its bytes are its text
	leafAtomic               // MSH-1 or MSH-2: never split or unescaped
)

// Reset starts the cursor at the beginning of m.
func (c *Cursor) Reset(m *Message) {
	d := m.d
	if !c.ready || c.d != d {
		c.class = [256]uint8{}
		c.class[d.Field] = cField
		c.class[d.Repetition] = cRep
		c.class[d.Component] = cComp
		if d.Subcomponent != 0 {
			c.class[d.Subcomponent] = cSub
		}
		if d.Escape != 0 {
			c.class[d.Escape] = cEsc
		}
		for i, k := range c.class {
			c.isDelim[i] = 0
			if k != 0 {
				c.isDelim[i] = 1
			}
		}
		c.d, c.ready = d, true
	}
	c.m = m
	c.b = nil
	c.si, c.pos, c.hdr = -1, -1, 0
	c.lo, c.hi, c.last = 0, 0, 0
	c.fast = m.charset != CharsetLatin1
}

// scan returns the mask of the delimiters in the first 64 bytes of blk.
func (c *Cursor) scan(blk []byte) uint64 {
	t := &c.isDelim
	var m uint64
	n := min(len(blk), 64)
	j := 0
	for ; j+8 <= n; j += 8 {
		w := blk[j : j+8 : j+8]
		m |= (uint64(t[w[0]]) | uint64(t[w[1]])<<1 | uint64(t[w[2]])<<2 | uint64(t[w[3]])<<3 |
			uint64(t[w[4]])<<4 | uint64(t[w[5]])<<5 | uint64(t[w[6]])<<6 | uint64(t[w[7]])<<7) << j
	}
	for ; j < n; j++ {
		m |= uint64(t[blk[j]]) << j
	}
	return m
}

// startAt makes b[p:] the rest of the segment still to read.
func (c *Cursor) startAt(p int) {
	c.pos, c.base, c.mask = p, p, c.scan(c.b[p:])
}

// Next advances to the next leaf and reports whether there is one.
func (c *Cursor) Next() bool {
	if c.pos < 0 || c.hdr > 0 {
		return c.nextSlow()
	}
	// Number the leaf after the delimiter of class c.last with conditional
	// moves, not a switch: which delimiter comes next is as good as random,
	// so a switch would mispredict at almost every leaf.
	k, f, r, cc, sub := c.last, c.Field, c.Rep, c.Comp, c.Sub
	sub++
	if k != cSub {
		sub = 1
	}
	nc := cc + 1
	if k != cComp {
		nc = cc
	}
	if k < cComp {
		nc = 1
	}
	nr := r + 1
	if k != cRep {
		nr = r
	}
	if k == cField {
		nr = 1
		f++
	}
	c.Field, c.Rep, c.Comp, c.Sub = f, nr, nc, sub
	b, st, base, mask := c.b, c.pos, c.base, c.mask
	mode := leafPlain
	for {
		for mask == 0 {
			base += 64
			if base >= len(b) {
				c.lo, c.hi, c.pos, c.last, c.mode = st, len(b), -1, 0, mode
				return true
			}
			mask = c.scan(b[base:])
		}
		i := base + bits.TrailingZeros64(mask)
		mask &= mask - 1
		k := c.class[b[i]]
		if k == cEsc {
			mode = leafEscaped
			continue
		}
		c.lo, c.hi, c.pos, c.last, c.mode = st, i, i+1, k, mode
		c.base, c.mask = base, mask
		return true
	}
}

// nextSlow moves to the next segment's first leaf, or gives MSH-1 and MSH-2.
func (c *Cursor) nextSlow() bool {
	for c.hdr == 0 && c.pos < 0 {
		c.si++
		if c.m == nil || c.si >= c.m.nseg {
			return false
		}
		seg := c.m.segment(c.si)
		r := seg.rec()
		c.b = c.m.raw[r[0]:r[1]]
		if seg.isHeader() {
			c.hdr = 2
			c.encEnd = len(c.b)
			if k := bytes.IndexByte(c.b[4:], c.m.d.Field); k >= 0 {
				c.encEnd = 4 + k
			}
			continue
		}
		if id := len(seg.id()); id < len(c.b) {
			c.startAt(id + 1)
			c.Field, c.Rep, c.Comp, c.Sub, c.last = 0, 1, 1, 1, cField
		}
	}
	if c.hdr > 0 {
		c.mode = leafAtomic
		c.Rep, c.Comp, c.Sub = 1, 1, 1
		if c.hdr == 2 {
			c.Field, c.lo, c.hi = 1, 3, 4
		} else {
			c.Field, c.lo, c.hi = 2, 4, c.encEnd
			if c.encEnd < len(c.b) {
				c.startAt(c.encEnd + 1)
				c.last = cField
			}
		}
		c.hdr--
		return true
	}
	return c.Next()
}

// Segment returns the segment of the current leaf.
func (c *Cursor) Segment() Segment { return c.m.segment(c.si) }

// Value returns the current leaf.
func (c *Cursor) Value() Value {
	v := Value{b: c.b[c.lo:c.hi], d: c.m.d, cs: c.m.charset, level: levelSub, present: true, plain: c.mode != leafEscaped}
	if c.mode == leafAtomic {
		v.level = levelAtomic
	}
	return v
}

// AppendText appends the current leaf's decoded text to dst.
func (c *Cursor) AppendText(dst []byte) []byte {
	if c.mode != leafEscaped && c.fast {
		return append(dst, c.b[c.lo:c.hi]...)
	}
	return c.appendDecoded(dst)
}

// appendDecoded is AppendText for a leaf with escapes or in ISO 8859-1.
func (c *Cursor) appendDecoded(dst []byte) []byte { return c.Value().AppendText(dst) }

// Charset is a character set named in MSH-18.
type Charset uint8

// The character sets Chartroom reads. Text is always returned as UTF-8.
const (
	CharsetASCII   Charset = iota // no MSH-18 or "ASCII": bytes are passed through
	CharsetLatin1                 // "8859/1": bytes 0x80–0xFF are converted to UTF-8
	CharsetUTF8                   // "UNICODE UTF-8": bytes must be valid UTF-8
	CharsetUnknown                // anything else: bytes are passed through; Validate reports it
)

func charsetOf(b []byte) Charset {
	switch string(b) {
	case "", "ASCII":
		return CharsetASCII
	case "8859/1":
		return CharsetLatin1
	case "UNICODE UTF-8", "UNICODE":
		return CharsetUTF8
	}
	return CharsetUnknown
}

// String returns the MSH-18 name of the character set.
func (c Charset) String() string {
	switch c {
	case CharsetASCII:
		return "ASCII"
	case CharsetLatin1:
		return "8859/1"
	case CharsetUTF8:
		return "UNICODE UTF-8"
	}
	return "unknown"
}
