package codeset

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"regexp"
	"strings"
	"unicode/utf8"
)

// lineReader yields lines without their CR LF, counting them, and rejects
// text that is not ASCII-compatible UTF-8 so a wrongly encoded file is named.
type lineReader struct {
	name string
	sc   *bufio.Scanner
	n    int
	line string
}

func newLineReader(name string, r io.Reader) *lineReader {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 4*1024*1024)
	return &lineReader{name: name, sc: sc}
}

func (l *lineReader) next() bool {
	if !l.sc.Scan() {
		return false
	}
	l.n++
	b := bytes.TrimRight(l.sc.Bytes(), "\r")
	l.line = string(b)
	return true
}

func (l *lineReader) err() error {
	if err := l.sc.Err(); err != nil {
		return perr(l.name, l.n+1, "read: %v", err)
	}
	return nil
}

func (l *lineReader) checkText() error {
	if !utf8.ValidString(l.line) {
		return perr(l.name, l.n, "not UTF-8/ASCII text (wrong encoding?)")
	}
	return nil
}

var codeRE = regexp.MustCompile(`^[A-Z0-9]{3,7}$`)

// parseNoFlagRecord parses a PCS addenda record: the code in 7 columns, a
// space, the short title in 60 columns, a space and the long title.
func parseNoFlagRecord(rec string) (Entry, error) {
	var e Entry
	if len(rec) < 9 || rec[7] != ' ' {
		return e, fmt.Errorf("bad width: want the code in 7 columns then a space")
	}
	code := strings.TrimRight(rec[:7], " ")
	if !codeRE.MatchString(code) {
		return e, fmt.Errorf("bad code field %q: want 3 to 7 letters or digits", rec[:7])
	}
	e.Code = code
	t := rec[8:]
	if len(t) > 61 {
		if t[60] != ' ' {
			return e, fmt.Errorf("bad width: no space between the short and long titles")
		}
		e.Short = strings.TrimRight(t[:60], " ")
		e.Long = strings.TrimSpace(t[61:])
	} else {
		e.Short = strings.TrimSpace(t)
		e.Long = e.Short
	}
	return e, nil
}

func firstN(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

// ParseOrderFile reads an ICD-10-CM or ICD-10-PCS order file: order number,
// code, valid flag, short and long title in fixed columns. name is used in
// errors.
func ParseOrderFile(name string, r io.Reader) ([]Entry, error) {
	lr := newLineReader(name, r)
	var out []Entry
	for lr.next() {
		if err := lr.checkText(); err != nil {
			return nil, err
		}
		l := lr.line
		if l == "" {
			continue
		}
		if len(l) < 16 || !isDigits(l[:5]) || l[5] != ' ' {
			return nil, perr(name, lr.n, "bad width: want a 5-digit order number in columns 1-5 and a space (line is %d characters)", len(l))
		}
		e, err := parseOrderBody(l[6:])
		if err != nil {
			return nil, perr(name, lr.n, "%v", err)
		}
		out = append(out, e)
	}
	if err := lr.err(); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, perr(name, 0, "no records")
	}
	return out, nil
}

// parseOrderBody parses "CODE    F SHORT… LONG…" (code 7 columns, space,
// flag, space, short 60 columns, space, long).
func parseOrderBody(rec string) (Entry, error) {
	var e Entry
	if len(rec) < 11 {
		return e, fmt.Errorf("bad width: record is %d characters, want code, flag and titles", len(rec)+6)
	}
	code := strings.TrimRight(rec[:7], " ")
	if !codeRE.MatchString(code) || rec[7] != ' ' {
		return e, fmt.Errorf("bad code field %q in columns 7-13 (bad width?)", rec[:7])
	}
	if (rec[8] != '0' && rec[8] != '1') || rec[9] != ' ' {
		return e, fmt.Errorf("bad valid flag %q in column 15: want 0 or 1 (bad width?)", rec[8:9])
	}
	e.Code = code
	e.Billable = rec[8] == '1'
	t := rec[10:]
	if len(t) > 61 {
		if t[60] != ' ' {
			return e, fmt.Errorf("bad width: column 77 between short and long titles is %q, want a space", t[60:61])
		}
		e.Short = strings.TrimRight(t[:60], " ")
		e.Long = strings.TrimSpace(t[61:])
	} else {
		e.Short = strings.TrimSpace(t)
		e.Long = e.Short
	}
	if e.Short == "" {
		return e, fmt.Errorf("empty short title")
	}
	return e, nil
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// ParseCodesFile reads an ICD-10-CM codes file: the code in columns 1-7, a
// space, and the long title. Every code in it is billable.
func ParseCodesFile(name string, r io.Reader) ([]Entry, error) {
	lr := newLineReader(name, r)
	var out []Entry
	for lr.next() {
		if err := lr.checkText(); err != nil {
			return nil, err
		}
		l := lr.line
		if l == "" {
			continue
		}
		if len(l) < 10 || l[7] != ' ' {
			return nil, perr(name, lr.n, "bad width: want the code in columns 1-7, a space, then the title")
		}
		code := strings.TrimRight(l[:7], " ")
		if !codeRE.MatchString(code) {
			return nil, perr(name, lr.n, "bad code %q in columns 1-7", l[:7])
		}
		out = append(out, Entry{Code: code, Billable: true, Long: strings.TrimSpace(l[8:])})
	}
	if err := lr.err(); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, perr(name, 0, "no records")
	}
	return out, nil
}

// addendaLayout says which record follows the 13-column action prefix.
type addendaLayout uint8

const (
	addendaOrder    addendaLayout = iota // "1 B8801   short… long…" (ICD-10-CM order addenda)
	addendaPCSOrder                      // "00H033J short… long…" (PCS order addenda, no flag)
	addendaCodes                         // "B8801   long…" (codes addenda)
)

// ParseAddenda reads an addenda file: "Add:", "Delete:", "Revise from:" and
// "Revise to:" in 13 columns before an order- or codes-file record. It stops
// at the first blank line (the summary block follows). It also returns the
// release year named in the summary ("74719 codes in icd10cm_order_2026.txt"),
// or 0.
func ParseAddenda(name string, r io.Reader) ([]Change, int, error) {
	lr := newLineReader(name, r)
	var out []Change
	var pendingFrom *Change
	layout := addendaLayout(255)
	year := 0
	inSummary := false
	for lr.next() {
		if err := lr.checkText(); err != nil {
			return nil, 0, err
		}
		l := lr.line
		if inSummary {
			if m := summaryYearRE.FindStringSubmatch(l); m != nil {
				y := atoi(m[1])
				if y > year {
					year = y
				}
			}
			continue
		}
		if strings.TrimSpace(l) == "" {
			if len(out) > 0 || pendingFrom != nil {
				inSummary = true
			}
			continue
		}
		if len(l) < 14 {
			return nil, 0, perr(name, lr.n, "bad width: want a 13-column action (Add:, Delete:, Revise from:, Revise to:) and a record")
		}
		action := strings.TrimSpace(l[:13])
		rec := l[13:]
		if layout == 255 {
			layout = detectAddendaLayout(rec)
		}
		var e Entry
		var err error
		switch layout {
		case addendaOrder:
			e, err = parseAddendaOrder(rec)
		case addendaPCSOrder:
			e, err = parseNoFlagRecord(rec)
			e.Billable = len(e.Code) == 7
		default:
			if len(rec) < 9 || rec[7] != ' ' || !codeRE.MatchString(strings.TrimRight(rec[:7], " ")) {
				err = fmt.Errorf("bad code field %q in columns 14-20", firstN(rec, 7))
			} else {
				e = Entry{Code: strings.TrimRight(rec[:7], " "), Billable: true, Long: strings.TrimSpace(rec[8:])}
			}
		}
		if err != nil {
			return nil, 0, perr(name, lr.n, "%v", err)
		}
		switch action {
		case "Add:":
			out = append(out, Change{Kind: Added, Entry: e, Line: lr.n})
		case "Delete:":
			out = append(out, Change{Kind: Deleted, Entry: e, Line: lr.n})
		case "Revise from:":
			pendingFrom = &Change{Kind: Revised, Old: e, Line: lr.n}
		case "Revise to:":
			if pendingFrom == nil || pendingFrom.Old.Code != e.Code {
				return nil, 0, perr(name, lr.n, "\"Revise to:\" for %s without a matching \"Revise from:\" line before it", e.Code)
			}
			pendingFrom.Entry = e
			out = append(out, *pendingFrom)
			pendingFrom = nil
		default:
			return nil, 0, perr(name, lr.n, "unknown action %q: want Add:, Delete:, Revise from: or Revise to:", action)
		}
	}
	if err := lr.err(); err != nil {
		return nil, 0, err
	}
	if pendingFrom != nil {
		return nil, 0, perr(name, pendingFrom.Line, "\"Revise from:\" without \"Revise to:\"")
	}
	return out, year, nil
}

var summaryYearRE = regexp.MustCompile(`codes in \S*?(20\d\d)\S*\.txt`)

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

func detectAddendaLayout(rec string) addendaLayout {
	if len(rec) > 2 && (rec[0] == '0' || rec[0] == '1') && rec[1] == ' ' {
		return addendaOrder
	}
	if len(rec) > 69 && rec[7] == ' ' && rec[68] == ' ' {
		return addendaPCSOrder
	}
	return addendaCodes
}

func parseAddendaOrder(rec string) (Entry, error) {
	if len(rec) < 4 || (rec[0] != '0' && rec[0] != '1') || rec[1] != ' ' {
		return Entry{}, fmt.Errorf("bad valid flag in column 14")
	}
	// rebuild as an order body: code, space, flag, space, titles
	rest := rec[2:]
	if len(rest) < 9 || rest[7] != ' ' {
		return Entry{}, fmt.Errorf("bad code field %q in columns 16-22", firstN(rest, 7))
	}
	body := rest[:8] + rec[:2] + rest[8:]
	return parseOrderBody(body)
}
