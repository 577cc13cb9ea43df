package codeset

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"unicode/utf8"
)

var cptRE = regexp.MustCompile(`^[0-9]{4}[0-9FTU]$`)

// ParseCPT reads a site's licensed CPT file: comma- or tab-delimited rows of
// code, short descriptor and long descriptor, with an optional header row.
// Every bad row is reported by line; one bad row rejects the whole file.
func ParseCPT(name string, r io.Reader) ([]Entry, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, perr(name, 0, "read: %v", err)
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(data) {
		line := 1 + bytes.Count(data[:firstInvalidUTF8(data)], []byte("\n"))
		return nil, perr(name, line, "not UTF-8 text (wrong encoding? save the file as UTF-8)")
	}
	first, _, _ := bytes.Cut(data, []byte("\n"))
	cr := csv.NewReader(bytes.NewReader(data))
	if bytes.Contains(first, []byte("\t")) {
		cr.Comma = '\t'
		cr.LazyQuotes = true
	}
	cr.FieldsPerRecord = -1
	var out []Entry
	var bad []string
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		line := 0
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				line = pe.Line
			}
			bad = append(bad, fmt.Sprintf("line %d: %v", line, err))
			if len(bad) >= 20 {
				break
			}
			continue
		}
		line, _ = cr.FieldPos(0)
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue
		}
		code := strings.TrimSpace(rec[0])
		if len(out) == 0 && len(bad) == 0 && !cptRE.MatchString(code) && strings.Contains(strings.ToLower(code), "code") {
			continue // header row
		}
		switch {
		case !cptRE.MatchString(code):
			bad = append(bad, fmt.Sprintf("line %d: code %q is not a CPT code (4 digits then a digit, F, T or U)", line, code))
		case len(rec) < 2:
			bad = append(bad, fmt.Sprintf("line %d: code %s has no descriptor (want code, short, long)", line, code))
		case len(rec) > 3:
			bad = append(bad, fmt.Sprintf("line %d: %d fields, want code, short and long descriptor", line, len(rec)))
		default:
			e := Entry{Code: code, Billable: true, Short: strings.TrimSpace(rec[1])}
			if len(rec) == 3 {
				e.Long = strings.TrimSpace(rec[2])
			}
			if e.Long == "" {
				e.Long = e.Short
			}
			if e.Short == "" {
				bad = append(bad, fmt.Sprintf("line %d: code %s has an empty short descriptor", line, code))
				continue
			}
			out = append(out, e)
		}
		if len(bad) >= 20 {
			break
		}
	}
	if len(bad) > 0 {
		return nil, &ParseError{File: name, Err: fmt.Errorf("%d bad CPT row(s), nothing loaded:\n  %s", len(bad), strings.Join(bad, "\n  "))}
	}
	if len(out) == 0 {
		return nil, perr(name, 0, "no CPT rows")
	}
	return out, nil
}

func firstInvalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(b)
}

// looksLikeCPT reports whether the head of a file reads as a CPT table.
func looksLikeCPT(head []byte) bool {
	sc := bufio.NewScanner(bytes.NewReader(head))
	for i := 0; sc.Scan() && i < 3; i++ {
		l := sc.Text()
		f := strings.FieldsFunc(l, func(r rune) bool { return r == ',' || r == '\t' })
		if len(f) >= 2 && cptRE.MatchString(strings.Trim(strings.TrimSpace(f[0]), `"`)) {
			return true
		}
	}
	return false
}
