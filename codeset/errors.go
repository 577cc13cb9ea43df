package codeset

import (
	"fmt"
	"strings"
)

// ParseError says where a release file is wrong: the file (with the zip it
// came from), the line or XML element, and the problem.
type ParseError struct {
	File    string // "2026.zip!icd10cm_order_2026.txt"
	Line    int    // 1-based line, 0 when not known
	Element string // XML element path or field name, when known
	Err     error
}

func (e *ParseError) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	if e.Element != "" {
		fmt.Fprintf(&b, ": <%s>", e.Element)
	}
	b.WriteString(": ")
	b.WriteString(e.Err.Error())
	return b.String()
}

func (e *ParseError) Unwrap() error { return e.Err }

func perr(file string, line int, format string, args ...any) error {
	return &ParseError{File: file, Line: line, Err: fmt.Errorf(format, args...)}
}
