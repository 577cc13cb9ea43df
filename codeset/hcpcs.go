package codeset

import (
	"bufio"
	"io"
	"strings"
)

// latin1 decodes ISO-8859-1 bytes, which map one to one onto the first 256
// code points.
func latin1(b []byte) string {
	ascii := true
	for _, c := range b {
		if c >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return string(b)
	}
	r := make([]rune, len(b))
	for i, c := range b {
		r[i] = rune(c)
	}
	return string(r)
}

// ParseHCPCS reads the CMS HCPCS Level II "ANWEB" contractor file: fixed
// 320-byte ISO-8859-1 records with a disclaimer block in front. First lines of
// a record (identification 3 for procedures, 7 for modifiers) carry the short
// description and dates; lines 4 and 8 continue the long description. Codes
// get their own dates: added date as From, termination date as To.
func ParseHCPCS(name string, r io.Reader) ([]Entry, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 4096), 1<<20)
	var out []Entry
	n := 0
	started := false
	for sc.Scan() {
		n++
		raw := sc.Bytes()
		if len(raw) > 0 && raw[len(raw)-1] == '\r' {
			raw = raw[:len(raw)-1]
		}
		line := latin1(raw)
		isRec := len(raw) >= 11 && isDigits(string(raw[5:10])) && strings.ContainsRune("3478", rune(raw[10])) && strings.TrimSpace(string(raw[:5])) != ""
		if !isRec {
			if !started || strings.TrimSpace(line) == "" {
				continue // disclaimer block
			}
			return nil, perr(name, n, "not a HCPCS record: want the code in columns 1-5, a sequence number in 6-10 and a record identification 3, 4, 7 or 8 in column 11")
		}
		started = true
		code := strings.TrimSpace(string(raw[:5]))
		ric := raw[10]
		long := ""
		if len(raw) > 11 {
			long = strings.TrimSpace(sliceStr(line, raw, 11, 91))
		}
		switch ric {
		case '3', '7':
			if len(raw) < 293 {
				return nil, perr(name, n, "record is %d bytes, want 320 (short description and dates are missing)", len(raw))
			}
			e := Entry{Code: code, Billable: ric == '3', Long: long, Short: strings.TrimSpace(sliceStr(line, raw, 91, 119))}
			var err error
			if e.From, err = hcpcsDate(string(raw[268:276])); err != nil {
				return nil, perr(name, n, "code added date (columns 269-276): %v", err)
			}
			if e.To, err = hcpcsDate(string(raw[284:292])); err != nil {
				return nil, perr(name, n, "termination date (columns 285-292): %v", err)
			}
			out = append(out, e)
		case '4', '8':
			if len(out) == 0 || out[len(out)-1].Code != code {
				return nil, perr(name, n, "continuation line for %s without its first line", code)
			}
			last := &out[len(out)-1]
			last.Long = strings.TrimSpace(last.Long + " " + long)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, perr(name, n+1, "read: %v", err)
	}
	if len(out) == 0 {
		return nil, perr(name, 0, "no HCPCS records")
	}
	return out, nil
}

// sliceStr cuts columns [from,to) of a Latin-1 line; raw and line differ
// only when the line holds bytes ≥ 0x80, then the rune slice is used.
func sliceStr(line string, raw []byte, from, to int) string {
	if to > len(raw) {
		to = len(raw)
	}
	if from >= to {
		return ""
	}
	if len(line) == len(raw) {
		return line[from:to]
	}
	return latin1(raw[from:to])
}

func hcpcsDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	return ParseDate(s)
}
