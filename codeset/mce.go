package codeset

import (
	"io"
	"strings"
)

// MCEEdit is one code on a Medicare Code Editor list: an age, sex,
// manifestation, questionable-admission or unacceptable-principal edit.
type MCEEdit struct {
	Edit string // "Adult_Only", "Female_Only", "Principal_Manifestation", …
	Type byte   // 'D' diagnosis, 'P' procedure
	Code string // normalized
	Desc string
}

// ParseMCE reads the tab-delimited MCE code list extract (header row
// MCE_Version, ICD_Version, MCE_Section, MCE_Subsection, MCE_Edit_Type,
// ICD_Code_Type, ICD_Code, ICD_Desc).
func ParseMCE(name string, r io.Reader) ([]MCEEdit, int, error) {
	lr := newLineReader(name, r)
	var out []MCEEdit
	ver := 0
	for lr.next() {
		if err := lr.checkText(); err != nil {
			return nil, 0, err
		}
		if lr.n == 1 {
			if !strings.HasPrefix(lr.line, "MCE_Version\t") {
				return nil, 0, perr(name, 1, "header row must start with MCE_Version")
			}
			continue
		}
		if strings.TrimSpace(lr.line) == "" {
			continue
		}
		f := strings.Split(lr.line, "\t")
		if len(f) < 7 {
			return nil, 0, perr(name, lr.n, "%d fields, want 8 (MCE_Version … ICD_Desc)", len(f))
		}
		if f[1] != "10" {
			continue
		}
		code := NormalizeCode(f[6])
		if !codeRE.MatchString(code) || (f[5] != "D" && f[5] != "P") {
			return nil, 0, perr(name, lr.n, "bad ICD_Code %q or ICD_Code_Type %q", f[6], f[5])
		}
		if v := atoi(f[0]); isDigits(f[0]) && v > ver {
			ver = v
		}
		e := MCEEdit{Edit: f[4], Type: f[5][0], Code: code}
		if len(f) > 7 {
			e.Desc = f[7]
		}
		out = append(out, e)
	}
	if err := lr.err(); err != nil {
		return nil, 0, err
	}
	if len(out) == 0 {
		return nil, 0, perr(name, 0, "no MCE rows")
	}
	return out, ver, nil
}

// ParsePOAExempt reads a list of codes exempt from present-on-admission
// reporting: a heading line that mentions POA and exempt, then one code (with
// or without a dot) at the start of each line, optionally followed by its title.
func ParsePOAExempt(name string, r io.Reader) ([]string, error) {
	lr := newLineReader(name, r)
	var out []string
	for lr.next() {
		if err := lr.checkText(); err != nil {
			return nil, err
		}
		l := strings.TrimSpace(lr.line)
		if l == "" || strings.Contains(strings.ToUpper(l), "POA") {
			continue
		}
		f := strings.FieldsFunc(l, func(r rune) bool { return r == ' ' || r == '\t' || r == ',' })
		code := NormalizeCode(f[0])
		if !codeRE.MatchString(code) {
			return nil, perr(name, lr.n, "bad code %q at the start of the line", f[0])
		}
		out = append(out, code)
	}
	if err := lr.err(); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, perr(name, 0, "no codes")
	}
	return out, nil
}
