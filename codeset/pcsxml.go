package codeset

import (
	"io"
	"strconv"
)

// PCSLabel is one value of a PCS axis: its character and meaning.
type PCSLabel struct {
	Char  byte
	Label string
}

// PCSAxis is one axis (character position 1-7) of a PCS table or row.
type PCSAxis struct {
	Pos        int    // 1-7
	Title      string // "Body Part"
	Labels     []PCSLabel
	Definition string // the operation's definition (position 3)
}

// PCSTable is one ICD-10-PCS table: the first three characters fixed, and
// rows that list the valid values of characters 4-7.
type PCSTable struct {
	Axes [3]PCSAxis // positions 1-3, one label each
	Rows [][4]PCSAxis
}

// Prefix returns the table's three fixed characters ("0DT").
func (t *PCSTable) Prefix() string {
	b := make([]byte, 3)
	for i := range t.Axes {
		if len(t.Axes[i].Labels) > 0 {
			b[i] = t.Axes[i].Labels[0].Char
		}
	}
	return string(b)
}

// Expand calls fn with every code the table's rows build.
func (t *PCSTable) Expand(fn func(code string)) {
	p := t.Prefix()
	var b [7]byte
	copy(b[:], p)
	for _, row := range t.Rows {
		for _, a := range row[0].Labels {
			b[3] = a.Char
			for _, c := range row[1].Labels {
				b[4] = c.Char
				for _, d := range row[2].Labels {
					b[5] = d.Char
					for _, e := range row[3].Labels {
						b[6] = e.Char
						fn(string(b[:]))
					}
				}
			}
		}
	}
}

// ParsePCSTablesXML reads the ICD-10-PCS tables XML (root ICD10PCS.tabular).
func ParsePCSTablesXML(name string, r io.Reader) ([]PCSTable, int, error) {
	root, err := parseXMLTree(name, r)
	if err != nil {
		return nil, 0, err
	}
	if root.name != "ICD10PCS.tabular" {
		return nil, 0, xerr(name, root, "root element is %q, want ICD10PCS.tabular", root.name)
	}
	ver, _ := strconv.Atoi(root.childText("version"))
	var out []PCSTable
	for _, tn := range root.kids {
		if tn.name != "pcsTable" {
			continue
		}
		var t PCSTable
		n := 0
		for _, k := range tn.kids {
			switch k.name {
			case "axis":
				a, err := parsePCSAxis(name, k)
				if err != nil {
					return nil, 0, err
				}
				if a.Pos < 1 || a.Pos > 3 || len(a.Labels) != 1 {
					return nil, 0, xerr(name, k, "table axis at position %d with %d values: want positions 1-3 with one value each", a.Pos, len(a.Labels))
				}
				t.Axes[a.Pos-1] = a
				n++
			case "pcsRow":
				var row [4]PCSAxis
				seen := 0
				for _, ax := range k.kids {
					if ax.name != "axis" {
						continue
					}
					a, err := parsePCSAxis(name, ax)
					if err != nil {
						return nil, 0, err
					}
					if a.Pos < 4 || a.Pos > 7 {
						return nil, 0, xerr(name, ax, "row axis at position %d: want 4-7", a.Pos)
					}
					row[a.Pos-4] = a
					seen |= 1 << (a.Pos - 4)
				}
				if seen != 15 {
					return nil, 0, xerr(name, k, "row does not define all of positions 4-7")
				}
				out2 := row
				t.Rows = append(t.Rows, out2)
			}
		}
		if n != 3 {
			return nil, 0, xerr(name, tn, "table defines %d of its first 3 axes", n)
		}
		out = append(out, t)
	}
	if len(out) == 0 {
		return nil, 0, xerr(name, root, "no pcsTable elements")
	}
	return out, ver, nil
}

func parsePCSAxis(file string, n *xnode) (PCSAxis, error) {
	pos, err := strconv.Atoi(n.attrVal("pos"))
	if err != nil {
		return PCSAxis{}, xerr(file, n, "bad pos attribute %q", n.attrVal("pos"))
	}
	a := PCSAxis{Pos: pos, Title: n.childText("title"), Definition: n.childText("definition")}
	for _, l := range n.kids {
		if l.name != "label" {
			continue
		}
		c := l.attrVal("code")
		if len(c) != 1 {
			return a, xerr(file, l, "label code %q is not one character", c)
		}
		a.Labels = append(a.Labels, PCSLabel{Char: c[0], Label: l.text})
	}
	if len(a.Labels) == 0 {
		return a, xerr(file, n, "axis %d has no labels", pos)
	}
	return a, nil
}

// PCSDefinition is one term of the ICD-10-PCS definitions: what a value of
// an axis means in a section.
type PCSDefinition struct {
	Section     byte   // section character
	Axis        int    // position 3-7
	AxisTitle   string // "Operation", "Approach", "Device", "Body Part"
	Term        string
	Definition  string
	Explanation string
	Includes    []string
}

// ParsePCSDefinitionsXML reads the ICD-10-PCS definitions XML.
func ParsePCSDefinitionsXML(name string, r io.Reader) ([]PCSDefinition, int, error) {
	root, err := parseXMLTree(name, r)
	if err != nil {
		return nil, 0, err
	}
	if root.name != "ICD10PCS.definitions" {
		return nil, 0, xerr(name, root, "root element is %q, want ICD10PCS.definitions", root.name)
	}
	ver, _ := strconv.Atoi(root.childText("version"))
	var out []PCSDefinition
	for _, sec := range root.kids {
		if sec.name != "section" {
			continue
		}
		sc := sec.attrVal("code")
		if len(sc) != 1 {
			return nil, 0, xerr(name, sec, "section code %q is not one character", sc)
		}
		for _, ax := range sec.kids {
			if ax.name != "axis" {
				continue
			}
			pos, err := strconv.Atoi(ax.attrVal("pos"))
			if err != nil {
				return nil, 0, xerr(name, ax, "bad pos %q", ax.attrVal("pos"))
			}
			at := ax.childText("title")
			for _, tm := range ax.kids {
				if tm.name != "terms" {
					continue
				}
				d := PCSDefinition{Section: sc[0], Axis: pos, AxisTitle: at, Term: tm.childText("title"),
					Definition: tm.childText("definition"), Explanation: tm.childText("explanation")}
				for _, k := range tm.kids {
					if k.name == "includes" && k.text != "" {
						d.Includes = append(d.Includes, k.text)
					}
				}
				out = append(out, d)
			}
		}
	}
	if len(out) == 0 {
		return nil, 0, xerr(name, root, "no definitions")
	}
	return out, ver, nil
}
