package hl7

import (
	"bytes"
	"unicode/utf8"
)

// Levels of a Value in the field hierarchy.
const (
	levelField uint8 = iota
	levelRep
	levelComp
	levelSub
	levelAtomic // MSH-1 and MSH-2: never split or unescaped
)

// Value is a field, a repetition, a component or a subcomponent: a span of
// the message's bytes, still encoded. Read it as text with String or
// AppendText, which decode escape sequences and the character set; descend
// with Rep, Comp and Sub. The zero Value is absent.
type Value struct {
	b       []byte
	d       Delimiters
	cs      Charset
	level   uint8
	present bool
	plain   bool // known to hold no escape character
}

// Present reports whether the value exists in the message. A field after the
// last field separator of its segment is absent; an empty field between two
// separators is present but empty.
func (v Value) Present() bool { return v.present }

// IsEmpty reports whether the value is absent or has no content.
func (v Value) IsEmpty() bool { return len(v.b) == 0 }

// IsNull reports whether the value is the HL7 null `""`, which tells the
// receiver to delete what it holds (unlike an empty value, which leaves it).
func (v Value) IsNull() bool { return len(v.b) == 2 && v.b[0] == '"' && v.b[1] == '"' }

// Bytes returns the value's encoded bytes, escapes and all.
func (v Value) Bytes() []byte { return v.b }

// String returns the value decoded as UTF-8 text (see AppendText).
func (v Value) String() string {
	if !v.needsDecode() {
		return string(v.b)
	}
	return string(v.AppendText(make([]byte, 0, len(v.b)+8)))
}

func (v Value) sep() byte {
	switch v.level {
	case levelField:
		return v.d.Repetition
	case levelRep:
		return v.d.Component
	case levelComp:
		return v.d.Subcomponent
	}
	return 0
}

// part returns the i'th (from 1) piece of v split at sep, as a value of the
// next level.
func (v Value) part(i int, sep byte, level uint8) Value {
	if !v.present || i < 1 {
		return Value{}
	}
	b := v.b
	if sep == 0 {
		if i != 1 {
			return Value{}
		}
		v.level = level
		return v
	}
	for ; i > 1; i-- {
		k := bytes.IndexByte(b, sep)
		if k < 0 {
			return Value{}
		}
		b = b[k+1:]
	}
	if k := bytes.IndexByte(b, sep); k >= 0 {
		b = b[:k]
	}
	v.b, v.level = b, level
	return v
}

// Rep returns repetition i (from 1) of a field. A repetition, component or
// subcomponent is its own only repetition.
func (v Value) Rep(i int) Value {
	switch v.level {
	case levelField:
		return v.part(i, v.d.Repetition, levelRep)
	case levelAtomic:
		return v.part(i, 0, levelAtomic)
	}
	return v.part(i, 0, v.level)
}

// Comp returns component i (from 1). Of a field it is the component of the
// first repetition.
func (v Value) Comp(i int) Value {
	if !v.present {
		return Value{}
	}
	switch v.level {
	case levelField:
		return v.Rep(1).Comp(i)
	case levelRep:
		return v.part(i, v.d.Component, levelComp)
	case levelAtomic:
		return v.part(i, 0, levelAtomic)
	}
	return v.part(i, 0, v.level)
}

// Sub returns subcomponent i (from 1). Of a field or repetition it is the
// subcomponent of the first component.
func (v Value) Sub(i int) Value {
	if !v.present {
		return Value{}
	}
	switch v.level {
	case levelField, levelRep:
		return v.Comp(1).Sub(i)
	case levelComp:
		return v.part(i, v.d.Subcomponent, levelSub)
	case levelAtomic:
		return v.part(i, 0, levelAtomic)
	}
	return v.part(i, 0, v.level)
}

func count(b []byte, sep byte) int {
	if sep == 0 {
		return 1
	}
	return bytes.Count(b, []byte{sep}) + 1
}

// NumReps returns the number of repetitions (0 if absent).
func (v Value) NumReps() int {
	if !v.present {
		return 0
	}
	if v.level != levelField {
		return 1
	}
	return count(v.b, v.d.Repetition)
}

// NumComps returns the number of components (0 if absent); of a field, those
// of the first repetition.
func (v Value) NumComps() int {
	switch {
	case !v.present:
		return 0
	case v.level == levelField:
		return v.Rep(1).NumComps()
	case v.level == levelRep:
		return count(v.b, v.d.Component)
	}
	return 1
}

// NumSubs returns the number of subcomponents (0 if absent); of a field or
// repetition, those of the first component.
func (v Value) NumSubs() int {
	switch {
	case !v.present:
		return 0
	case v.level == levelField || v.level == levelRep:
		return v.Comp(1).NumSubs()
	case v.level == levelComp:
		return count(v.b, v.d.Subcomponent)
	}
	return 1
}

// Walk calls fn for every subcomponent of a field in order, in one pass over
// its bytes, with the repetition, component and subcomponent numbers (from
// 1). A field with no separators gives one call (1, 1, 1). Absent fields give
// none.
func (v Value) Walk(fn func(rep, comp, sub int, leaf Value)) {
	if !v.present {
		return
	}
	leaf := v
	leaf.level = levelSub
	if v.level == levelAtomic {
		leaf.level = levelAtomic
		fn(1, 1, 1, leaf)
		return
	}
	rs, cs, ss := v.d.Repetition, v.d.Component, v.d.Subcomponent
	switch v.level {
	case levelRep:
		rs = 0
	case levelComp:
		rs, cs = 0, 0
	case levelSub:
		rs, cs, ss = 0, 0, 0
	}
	b := v.b
	r, c, s := 1, 1, 1
	st := 0
	for i := 0; i < len(b); i++ {
		x := b[i]
		if x != rs && x != cs && x != ss || x == 0 {
			continue
		}
		leaf.b = b[st:i]
		fn(r, c, s, leaf)
		st = i + 1
		switch x {
		case ss:
			s++
		case cs:
			c, s = c+1, 1
		default:
			r, c, s = r+1, 1, 1
		}
	}
	leaf.b = b[st:]
	fn(r, c, s, leaf)
}

func (v Value) needsDecode() bool {
	if v.level == levelAtomic {
		return false
	}
	if v.cs == CharsetLatin1 {
		return true
	}
	return v.d.Escape != 0 && bytes.IndexByte(v.b, v.d.Escape) >= 0
}

// AppendText appends the value decoded as UTF-8 text to dst and returns the
// extended buffer. Escape sequences are replaced by what they stand for:
// \F\ \S\ \T\ \R\ \E\ \P\ by the delimiters, \Xhh…\ by the bytes, \.br\ and
// \.sp\ by line feeds, \.sk n\ by spaces; the other formatting and
// highlighting escapes (\.in\ \.ti\ \.fi\ \.nf\ \.ce\ \H\ \N\ \C…\ \M…\) are
// dropped. A malformed or unknown sequence is kept as written. Text in
// 8859/1 is converted to UTF-8. Separators inside the value are kept, so
// AppendText of a whole field keeps its ^ ~ & characters.
func (v Value) AppendText(dst []byte) []byte {
	b := v.b
	if v.level == levelAtomic {
		return append(dst, b...)
	}
	esc := v.d.Escape
	if esc == 0 || v.plain {
		return v.appendCharset(dst, b)
	}
	for {
		i := bytes.IndexByte(b, esc)
		if i < 0 {
			return v.appendCharset(dst, b)
		}
		dst = v.appendCharset(dst, b[:i])
		j := bytes.IndexByte(b[i+1:], esc)
		if j < 0 {
			return v.appendCharset(dst, b[i:]) // unterminated: literal
		}
		seq := b[i+1 : i+1+j]
		var ok bool
		if dst, ok = v.appendEscape(dst, seq); !ok {
			dst = v.appendCharset(dst, b[i:i+j+2])
		}
		b = b[i+j+2:]
	}
}

func (v Value) appendCharset(dst, b []byte) []byte {
	if v.cs != CharsetLatin1 {
		return append(dst, b...)
	}
	for _, c := range b {
		if c < utf8.RuneSelf {
			dst = append(dst, c)
		} else {
			dst = utf8.AppendRune(dst, rune(c))
		}
	}
	return dst
}

// appendEscape decodes one escape sequence (without its escape characters).
// It reports false for a sequence it does not know.
func (v Value) appendEscape(dst, seq []byte) ([]byte, bool) {
	if len(seq) == 0 {
		return dst, false
	}
	d := v.d
	if len(seq) == 1 {
		var c byte
		switch seq[0] {
		case 'F':
			c = d.Field
		case 'S':
			c = d.Component
		case 'T':
			c = d.Subcomponent
		case 'R':
			c = d.Repetition
		case 'E':
			c = d.Escape
		case 'P':
			c = d.Truncation
		case 'H', 'N':
			return dst, true // highlighting on/off
		}
		if c == 0 {
			return dst, false
		}
		return append(dst, c), true
	}
	switch seq[0] {
	case 'X':
		hex := seq[1:]
		if len(hex)%2 != 0 {
			return dst, false
		}
		for k := 0; k < len(hex); k += 2 {
			hi, ok1 := unhex(hex[k])
			lo, ok2 := unhex(hex[k+1])
			if !ok1 || !ok2 {
				return dst, false
			}
			dst = v.appendCharset(dst, []byte{hi<<4 | lo})
		}
		return dst, true
	case 'C', 'M':
		// ISO 2022 character set switches: the bytes that follow are passed
		// through as they are.
		if validHex(seq[1:]) {
			return dst, true
		}
		return dst, false
	case '.':
		cmd, arg := seq[1:], []byte(nil)
		if len(cmd) > 2 {
			cmd, arg = seq[1:3], bytes.TrimSpace(seq[3:])
		}
		switch string(cmd) {
		case "br":
			return append(dst, '\n'), len(arg) == 0
		case "sp":
			n, ok := smallInt(arg, 1)
			for ; ok && n > 0; n-- {
				dst = append(dst, '\n')
			}
			return dst, ok
		case "sk":
			n, ok := smallInt(arg, 1)
			for ; ok && n > 0; n-- {
				dst = append(dst, ' ')
			}
			return dst, ok
		case "ce":
			return append(dst, '\n'), len(arg) == 0
		case "fi", "nf":
			return dst, len(arg) == 0
		case "in", "ti":
			if len(arg) > 0 && (arg[0] == '+' || arg[0] == '-') {
				arg = arg[1:]
			}
			_, ok := smallInt(arg, 0)
			return dst, ok
		}
	}
	return dst, false
}

func unhex(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

func validHex(b []byte) bool {
	if len(b) == 0 || len(b)%2 != 0 {
		return false
	}
	for _, c := range b {
		if _, ok := unhex(c); !ok {
			return false
		}
	}
	return true
}

// smallInt parses a non-negative decimal below 1000; empty gives def.
func smallInt(b []byte, def int) (int, bool) {
	if len(b) == 0 {
		return def, true
	}
	if len(b) > 3 {
		return 0, false
	}
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// checkEscapes returns the offset within b and a description of the first
// malformed escape sequence, or -1.
func checkEscapes(b []byte, d Delimiters) (int, string) {
	esc := d.Escape
	if esc == 0 {
		return -1, ""
	}
	v := Value{d: d, level: levelSub, present: true}
	off := 0
	for {
		i := bytes.IndexByte(b, esc)
		if i < 0 {
			return -1, ""
		}
		j := bytes.IndexByte(b[i+1:], esc)
		if j < 0 {
			return off + i, "escape character " + string(esc) + " without a closing " + string(esc)
		}
		seq := b[i+1 : i+1+j]
		if _, ok := v.appendEscape(nil, seq); !ok && !(len(seq) > 0 && seq[0] == 'Z') {
			return off + i, "unknown escape sequence " + string(b[i:i+j+2])
		}
		off += i + j + 2
		b = b[i+j+2:]
	}
}

// Escape appends text to dst encoded for a message with delimiters d: each
// delimiter becomes its escape sequence and CR and LF become \X0D\ and \X0A\.
// With no escape character declared, delimiters are replaced by spaces.
func Escape(dst []byte, text string, d Delimiters) []byte {
	for i := 0; i < len(text); i++ {
		c := text[i]
		var seq string
		switch {
		case c == '\r':
			seq = "X0D"
		case c == '\n':
			seq = "X0A"
		case c == d.Field:
			seq = "F"
		case c == d.Component:
			seq = "S"
		case c == d.Subcomponent && c != 0:
			seq = "T"
		case c == d.Repetition:
			seq = "R"
		case c == d.Escape && c != 0:
			seq = "E"
		case c == d.Truncation && c != 0:
			seq = "P"
		default:
			dst = append(dst, c)
			continue
		}
		if d.Escape == 0 {
			dst = append(dst, ' ')
			continue
		}
		dst = append(dst, d.Escape)
		dst = append(dst, seq...)
		dst = append(dst, d.Escape)
	}
	return dst
}
