package codeset

import (
	"io"
	"strconv"
	"strings"
)

// NoteKind is the kind of an instructional note in the ICD-10-CM tabular list.
type NoteKind uint8

// Kinds of tabular notes, in the order the tabular list prints them.
const (
	NoteInclusion     NoteKind = iota + 1 // inclusion term: another name for the condition
	NoteIncludes                          // "Includes:" further defines the content
	NoteExcludes1                         // "Excludes1:" never coded together
	NoteExcludes2                         // "Excludes2:" not included here, may be coded together
	NoteCodeFirst                         // "Code first" the underlying condition
	NoteUseAdditional                     // "Use additional code"
	NoteCodeAlso                          // "Code also"
	NoteSeventh                           // 7th-character note
	NoteDefinition                        // a plain note or definition
)

var noteElems = map[string]NoteKind{
	"inclusionTerm":     NoteInclusion,
	"includes":          NoteIncludes,
	"excludes1":         NoteExcludes1,
	"excludes2":         NoteExcludes2,
	"codeFirst":         NoteCodeFirst,
	"useAdditionalCode": NoteUseAdditional,
	"codeAlso":          NoteCodeAlso,
	"sevenChrNote":      NoteSeventh,
	"notes":             NoteDefinition,
}

// String names the note kind as the tabular list prints it.
func (k NoteKind) String() string {
	switch k {
	case NoteInclusion:
		return "Inclusion term"
	case NoteIncludes:
		return "Includes"
	case NoteExcludes1:
		return "Excludes1"
	case NoteExcludes2:
		return "Excludes2"
	case NoteCodeFirst:
		return "Code first"
	case NoteUseAdditional:
		return "Use additional code"
	case NoteCodeAlso:
		return "Code also"
	case NoteSeventh:
		return "7th character"
	case NoteDefinition:
		return "Note"
	}
	return "note"
}

// Note is one instructional note.
type Note struct {
	Kind NoteKind
	Text string
}

// SeventhChar is one 7th-character value of a category.
type SeventhChar struct {
	Char    byte
	Meaning string
}

// TabChapter is a chapter of the tabular list.
type TabChapter struct {
	Num   string // "1" … "22"
	Title string // "Certain infectious and parasitic diseases (A00-B99)"
	Notes []Note
}

// TabSection is a block of categories ("A00-A09").
type TabSection struct {
	ID      string // "A00-A09"
	Chapter int32  // index into Tabular.Chapters
	Title   string
	Notes   []Note
}

// TabDiag is a category, subcategory or code of the tabular list.
type TabDiag struct {
	Code    string // normalized, no dot
	Title   string
	Parent  int32 // index of the enclosing TabDiag, -1 for a category
	Section int32 // index into Tabular.Sections
	Notes   []Note
	Seventh []SeventhChar // 7th-character definitions given at this level
}

// Tabular is the ICD-10-CM tabular list: chapters, sections, categories and
// codes with every instructional note.
type Tabular struct {
	Version  int
	Chapters []TabChapter
	Sections []TabSection
	Diags    []TabDiag
}

// ParseTabularXML reads the ICD-10-CM tabular XML (root ICD10CM.tabular).
func ParseTabularXML(name string, r io.Reader) (*Tabular, error) {
	root, err := parseXMLTree(name, r)
	if err != nil {
		return nil, err
	}
	if root.name != "ICD10CM.tabular" {
		return nil, xerr(name, root, "root element is %q, want ICD10CM.tabular", root.name)
	}
	t := &Tabular{}
	t.Version, _ = strconv.Atoi(root.childText("version"))
	for _, ch := range root.kids {
		if ch.name != "chapter" {
			continue
		}
		ci := int32(len(t.Chapters))
		c := TabChapter{Num: ch.childText("name"), Title: ch.childText("desc"), Notes: notesOf(ch)}
		if c.Num == "" {
			return nil, xerr(name, ch, "chapter without <name>")
		}
		t.Chapters = append(t.Chapters, c)
		for _, sec := range ch.kids {
			if sec.name != "section" {
				continue
			}
			si := int32(len(t.Sections))
			id := sec.attrVal("id")
			if id == "" {
				return nil, xerr(name, sec, "section without id attribute")
			}
			t.Sections = append(t.Sections, TabSection{ID: id, Chapter: ci, Title: sec.childText("desc"), Notes: notesOf(sec)})
			for _, d := range sec.kids {
				if d.name == "diag" {
					if err := t.addDiag(name, d, -1, si); err != nil {
						return nil, err
					}
				}
			}
		}
	}
	if len(t.Diags) == 0 {
		return nil, xerr(name, root, "no <diag> elements: not a tabular list")
	}
	return t, nil
}

func (t *Tabular) addDiag(file string, d *xnode, parent, sec int32) error {
	code := NormalizeCode(d.childText("name"))
	if !codeRE.MatchString(code) {
		return xerr(file, d, "bad code %q in <name>", d.childText("name"))
	}
	td := TabDiag{Code: code, Title: d.childText("desc"), Parent: parent, Section: sec, Notes: notesOf(d)}
	if def := d.child("sevenChrDef"); def != nil {
		for _, x := range def.kids {
			if x.name != "extension" {
				continue
			}
			c := x.attrVal("char")
			if len(c) != 1 {
				return xerr(file, x, "7th character %q is not one character", c)
			}
			td.Seventh = append(td.Seventh, SeventhChar{Char: c[0], Meaning: x.text})
		}
	}
	idx := int32(len(t.Diags))
	t.Diags = append(t.Diags, td)
	for _, k := range d.kids {
		if k.name == "diag" {
			if err := t.addDiag(file, k, idx, sec); err != nil {
				return err
			}
		}
	}
	return nil
}

func notesOf(n *xnode) []Note {
	var out []Note
	for _, k := range n.kids {
		kind, ok := noteElems[k.name]
		if !ok {
			continue
		}
		for _, note := range k.kids {
			if note.name == "note" && note.text != "" {
				out = append(out, Note{Kind: kind, Text: note.text})
			}
		}
	}
	return out
}

// IndexKind says which part of the alphabetic index a term comes from.
type IndexKind uint8

// Parts of the ICD-10-CM alphabetic index.
const (
	IndexDisease  IndexKind = 1 // Index to Diseases and Injuries
	IndexExternal IndexKind = 2 // External Cause of Injuries Index
	IndexDrug     IndexKind = 3 // Table of Drugs and Chemicals
	IndexNeoplasm IndexKind = 4 // Neoplasm Table
)

// String names the index part.
func (k IndexKind) String() string {
	switch k {
	case IndexDisease:
		return "index"
	case IndexExternal:
		return "external cause index"
	case IndexDrug:
		return "drug table"
	case IndexNeoplasm:
		return "neoplasm table"
	}
	return "index"
}

// IndexTerm is one line of the alphabetic index or one cell of its tables:
// the path of titles from the main term down, and what it points to.
type IndexTerm struct {
	Kind    IndexKind
	Path    []string // "Infarction", "myocardial", "acute"
	Nemod   string   // nonessential modifiers of the last level, "(acute) (chronic)"
	Code    string   // normalized; "" when the term only points elsewhere
	Manif   string   // manifestation code printed in brackets after Code
	See     string
	SeeAlso string
	Column  string // table column heading ("Malignant Primary", "Poisoning, Accidental (unintentional)")
}

// Text returns the index path as a coder reads it: "Infarction, myocardial, acute".
func (t *IndexTerm) Text() string {
	s := strings.Join(t.Path, ", ")
	if t.Column != "" {
		s += " — " + t.Column
	}
	return s
}

// Index is the ICD-10-CM alphabetic index with its tables.
type Index struct {
	Version int
	Terms   []IndexTerm
}

// ParseIndexXML reads an ICD-10-CM index XML file: the disease index, the
// external cause index, the drug table or the neoplasm table (all share the
// root ICD10CM.index; the tables carry an indexHeading).
func ParseIndexXML(name string, r io.Reader) (*Index, error) {
	root, err := parseXMLTree(name, r)
	if err != nil {
		return nil, err
	}
	if root.name != "ICD10CM.index" {
		return nil, xerr(name, root, "root element is %q, want ICD10CM.index", root.name)
	}
	ix := &Index{}
	ix.Version, _ = strconv.Atoi(root.childText("version"))
	kind := IndexDisease
	heads := map[string]string{}
	if h := root.child("indexHeading"); h != nil {
		for _, x := range h.kids {
			if x.name == "head" {
				heads[x.attrVal("col")] = x.text
			}
		}
		switch {
		case strings.HasPrefix(heads["1"], "Neoplasm"):
			kind = IndexNeoplasm
		case strings.HasPrefix(heads["1"], "Substance") || strings.HasPrefix(heads["1"], "Drug"):
			kind = IndexDrug
		default:
			return nil, xerr(name, h, "unknown table heading %q", heads["1"])
		}
	} else if strings.Contains(strings.ToLower(root.childText("title")), "external cause") {
		kind = IndexExternal
	}
	var walk func(n *xnode, path []string) error
	walk = func(n *xnode, path []string) error {
		titleNode := n.child("title")
		if titleNode == nil {
			return xerr(name, n, "term without <title>")
		}
		p := make([]string, len(path)+1)
		copy(p, path)
		p[len(path)] = titleNode.text
		t := IndexTerm{Kind: kind, Path: p}
		if nm := titleNode.child("nemod"); nm != nil {
			// Nonessential modifiers are the words in parentheses; the
			// files sometimes put a subterm's essential words in the
			// element too ("in <nemod>(due to) schistosomiasis
			// (bilharziasis)</nemod>"), and those belong to the subterm.
			// (A main term's are left as modifiers: "Long-term (current)
			// drug therapy" is looked up by its subterms, "insulin".)
			t.Nemod = nm.text
			if nemod, more := splitNemod(nm.text); more != "" && len(path) > 0 {
				t.Nemod = nemod
				p[len(path)] = strings.TrimSpace(p[len(path)] + " " + more)
			}
		}
		emitted := false
		for _, k := range n.kids {
			switch k.name {
			case "code":
				t.Code = NormalizeCode(k.text)
			case "manif":
				t.Manif = NormalizeCode(k.text)
			case "see":
				t.See = k.fullText()
			case "seeAlso":
				t.SeeAlso = k.fullText()
			case "seecat", "subcat":
				t.Code = NormalizeCode(k.text)
			case "cell":
				v := NormalizeCode(k.text)
				if v == "" {
					continue
				}
				c := t
				c.Code = v
				c.Column = heads[k.attrVal("col")]
				ix.Terms = append(ix.Terms, c)
				emitted = true
			}
		}
		if !emitted {
			ix.Terms = append(ix.Terms, t)
		}
		for _, k := range n.kids {
			if k.name == "term" {
				if err := walk(k, p); err != nil {
					return err
				}
			}
		}
		return nil
	}
	for _, letter := range root.kids {
		if letter.name != "letter" {
			continue
		}
		for _, mt := range letter.kids {
			if mt.name == "mainTerm" {
				if err := walk(mt, nil); err != nil {
					return nil, err
				}
			}
		}
	}
	if len(ix.Terms) == 0 {
		return nil, xerr(name, root, "no index terms")
	}
	return ix, nil
}

// splitNemod splits the text of a nemod element into its parenthesized
// modifiers and the words outside any parentheses.
func splitNemod(text string) (nemod, essential string) {
	var in, out strings.Builder
	depth := 0
	for _, c := range text {
		switch {
		case c == '(':
			depth++
			in.WriteRune(c)
		case c == ')' && depth > 0:
			depth--
			in.WriteRune(c)
		case depth > 0:
			in.WriteRune(c)
		default:
			out.WriteRune(c)
		}
		if depth == 0 && c == ')' {
			in.WriteByte(' ')
		}
	}
	return strings.Join(strings.Fields(in.String()), " "), strings.Trim(strings.Join(strings.Fields(out.String()), " "), " ,")
}
