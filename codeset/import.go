package codeset

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"
)

// fileKind is what a file's content says it is.
type fileKind uint8

const (
	kindUnknown fileKind = iota
	kindDoc              // PDF, spreadsheet, schema: documentation, skipped
	kindZip
	kindCMOrder
	kindCMCodes
	kindCMAddenda
	kindPCSOrder
	kindPCSAddenda
	kindTabular
	kindIndex
	kindPCSTables
	kindPCSDefs
	kindPCSIndex
	kindHCPCS
	kindCPT
	kindGEM
	kindMCE
	kindPOA
)

var kindNames = map[fileKind]string{
	kindDoc: "documentation (skipped)", kindZip: "zip", kindCMOrder: "ICD-10-CM order file",
	kindCMCodes: "ICD-10-CM codes file", kindCMAddenda: "ICD-10-CM addenda", kindPCSOrder: "ICD-10-PCS order file",
	kindPCSAddenda: "ICD-10-PCS addenda", kindTabular: "ICD-10-CM tabular XML", kindIndex: "ICD-10-CM index XML",
	kindPCSTables: "ICD-10-PCS tables XML", kindPCSDefs: "ICD-10-PCS definitions XML", kindPCSIndex: "ICD-10-PCS index XML",
	kindHCPCS: "HCPCS Level II file", kindCPT: "CPT file", kindGEM: "GEM file", kindMCE: "MCE code lists", kindPOA: "POA-exempt list",
}

var (
	orderLineRE = regexp.MustCompile(`^\d{5} [A-Z0-9]{3,7} *[01] `)
	codesLineRE = regexp.MustCompile(`^[A-Z][0-9][0-9A-Z]{1,5} {1,5}\S`)
	gemLineRE   = regexp.MustCompile(`^[A-Z0-9]{3,7} +[A-Za-z0-9]{3,7} +[01]{5}\s*$`)
	addendaRE   = regexp.MustCompile(`^(Add:|Delete:|Revise from:|Revise to:) +`)
	xmlRootRE   = regexp.MustCompile(`<([A-Za-z][\w.:-]*)[\s>/]`)
	yearNameRE  = regexp.MustCompile(`(20\d\d)`)
)

// sniff says what a file is from its first bytes.
func sniff(head []byte) fileKind {
	switch {
	case bytes.HasPrefix(head, []byte("%PDF")):
		return kindDoc
	case bytes.HasPrefix(head, []byte("PK\x03\x04")), bytes.HasPrefix(head, []byte("PK\x05\x06")):
		return kindZip
	}
	t := bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	t = bytes.TrimLeft(t, " \t\r\n")
	if bytes.HasPrefix(t, []byte("<")) {
		body := t
		for {
			m := xmlRootRE.FindSubmatchIndex(body)
			if m == nil {
				return kindUnknown
			}
			name := string(body[m[2]:m[3]])
			if strings.HasPrefix(name, "?") || strings.HasPrefix(name, "!") {
				body = body[m[1]:]
				continue
			}
			switch name {
			case "ICD10CM.tabular":
				return kindTabular
			case "ICD10CM.index":
				return kindIndex
			case "ICD10PCS.tabular":
				return kindPCSTables
			case "ICD10PCS.definitions":
				return kindPCSDefs
			case "ICD10PCS.index":
				return kindPCSIndex
			case "xs:schema", "schema":
				return kindDoc
			}
			return kindUnknown
		}
	}
	lines := strings.Split(string(t), "\n")
	first := strings.TrimRight(lines[0], "\r")
	if strings.HasPrefix(first, "MCE_Version\t") {
		return kindMCE
	}
	up := strings.ToUpper(first)
	if strings.Contains(up, "POA") && strings.Contains(up, "EXEMPT") {
		return kindPOA
	}
	if strings.HasPrefix(first, "***Disclaimer") || hcpcsLike(lines) {
		return kindHCPCS
	}
	if orderLineRE.MatchString(first) {
		if isDigit(first[6]) {
			return kindPCSOrder
		}
		return kindCMOrder
	}
	if addendaRE.MatchString(first) {
		// PCS codes often start with a digit, ICD-10-CM codes never do.
		for _, l := range lines {
			l = strings.TrimRight(l, "\r")
			if len(l) < 16 {
				continue
			}
			rec := l[13:]
			if len(rec) > 2 && (rec[0] == '0' || rec[0] == '1') && rec[1] == ' ' {
				return kindCMAddenda // order addenda with flags are CM only
			}
			if isDigit(rec[0]) {
				return kindPCSAddenda
			}
		}
		return kindCMAddenda
	}
	if gemLineRE.MatchString(first) {
		return kindGEM
	}
	if len(first) > 9 && codesLineRE.MatchString(first) && first[7] == ' ' {
		return kindCMCodes
	}
	if looksLikeCPT(t) {
		return kindCPT
	}
	return kindUnknown
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func hcpcsLike(lines []string) bool {
	for i, l := range lines {
		if i > 30 {
			break
		}
		if len(l) >= 293 && isDigits(l[5:10]) && strings.ContainsRune("37", rune(l[10])) {
			return true
		}
	}
	return false
}

// ImportOptions tune an import.
type ImportOptions struct {
	// Year is the fiscal (or calendar) year of the releases in this import,
	// for files that do not say it themselves. Zero: taken from the addenda
	// summary, the XML version, or a year in the file name.
	Year int
	// Effective overrides the date the ICD-10 releases take effect, for an
	// April 1 update (2026-04-01). Zero: October 1 of the fiscal year.
	Effective Date
	// Progress, when set, receives one line per file read.
	Progress func(string)
	// Now is the clock, for CPT files without a year. Nil means time.Now.
	Now func() time.Time
}

// sourceFile is one recognised file found under an import path.
type sourceFile struct {
	name string // path, with "!" between a zip and its member
	base string
	kind fileKind
	data []byte
}

// Import reads release files from zips, folders or single files, recognising
// each by its content, and returns a new Set holding them. A file named
// directly that is not recognised is an error; inside zips and folders such
// files are skipped (and reported through Progress). Nothing is returned
// unless every recognised file parses.
func Import(ctx context.Context, paths []string, opt ImportOptions) (*Set, error) {
	progress := opt.Progress
	if progress == nil {
		progress = func(string) {}
	}
	var files []sourceFile
	seen := map[[32]byte]string{}
	add := func(name string, data []byte, direct bool) error {
		k := sniff(data[:min(len(data), 64<<10)])
		switch k {
		case kindDoc:
			progress(fmt.Sprintf("skip %s: documentation", name))
			return nil
		case kindUnknown:
			if direct {
				return &ParseError{File: name, Line: 1, Err: errors.New("unrecognised content: not an ICD-10-CM, ICD-10-PCS, HCPCS, CPT, GEM, MCE or POA file (or a wrong encoding)")}
			}
			progress(fmt.Sprintf("skip %s: not a code set file", name))
			return nil
		}
		h := sha256.Sum256(data)
		if prev, dup := seen[h]; dup {
			progress(fmt.Sprintf("skip %s: same content as %s", name, prev))
			return nil
		}
		seen[h] = name
		files = append(files, sourceFile{name: name, base: filepath.Base(name), kind: k, data: data})
		return nil
	}
	var addZip func(name string, data []byte) error
	addBlob := func(name string, data []byte, direct bool) error {
		if k := sniff(data[:min(len(data), 8)]); k == kindZip {
			return addZip(name, data)
		}
		return add(name, data, direct)
	}
	addZip = func(name string, data []byte) error {
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			return &ParseError{File: name, Err: fmt.Errorf("bad zip (truncated or damaged?): %w", err)}
		}
		for _, f := range zr.File {
			if f.Name == "[Content_Types].xml" {
				progress(fmt.Sprintf("skip %s: office document", name))
				return nil
			}
		}
		for _, f := range zr.File {
			if f.FileInfo().IsDir() {
				continue
			}
			rc, err := f.Open()
			if err != nil {
				return &ParseError{File: name + "!" + f.Name, Err: fmt.Errorf("bad zip member: %w", err)}
			}
			b, err := io.ReadAll(rc)
			rc.Close()
			if err != nil {
				return &ParseError{File: name + "!" + f.Name, Err: fmt.Errorf("bad zip member (truncated zip?): %w", err)}
			}
			if err := addBlob(name+"!"+f.Name, b, false); err != nil {
				return err
			}
		}
		return nil
	}
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		st, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("import %s: %w", p, err)
		}
		if st.IsDir() {
			err = filepath.WalkDir(p, func(fp string, d os.DirEntry, err error) error {
				if err != nil || d.IsDir() {
					return err
				}
				b, err := os.ReadFile(fp)
				if err != nil {
					return err
				}
				return addBlob(fp, b, false)
			})
		} else {
			var b []byte
			if b, err = os.ReadFile(p); err == nil {
				err = addBlob(p, b, true)
			}
		}
		if err != nil {
			return nil, err
		}
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("import: no code set files found in %s", strings.Join(paths, ", "))
	}
	return build(ctx, files, opt, progress)
}

// ImportReader reads one file (not a zip) from r, recognising it by content.
func ImportReader(ctx context.Context, name string, r io.Reader, opt ImportOptions) (*Set, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, &ParseError{File: name, Err: err}
	}
	k := sniff(b[:min(len(b), 64<<10)])
	if k == kindUnknown || k == kindDoc || k == kindZip {
		return nil, &ParseError{File: name, Line: 1, Err: errors.New("unrecognised content")}
	}
	return build(ctx, []sourceFile{{name: name, base: name, kind: k, data: b}}, opt, func(string) {})
}

type addendaFile struct {
	changes []Change
	year    int
	name    string
}

func build(ctx context.Context, files []sourceFile, opt ImportOptions, progress func(string)) (*Set, error) {
	s := &Set{}
	orders := map[System][]orderFile{}
	addenda := map[System][]addendaFile{}
	// read addenda first: their summary names the year
	sort.SliceStable(files, func(i, j int) bool { return files[i].kind < files[j].kind })
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		t0 := time.Now()
		r := bytes.NewReader(f.data)
		var err error
		detail := ""
		switch f.kind {
		case kindCMOrder, kindPCSOrder:
			var es []Entry
			es, err = ParseOrderFile(f.name, r)
			sys := ICD10CM
			if f.kind == kindPCSOrder {
				sys = ICD10PCS
			}
			orders[sys] = append(orders[sys], orderFile{entries: es, name: f.name})
			detail = fmt.Sprintf("%d codes", len(es))
		case kindCMCodes:
			var es []Entry
			es, err = ParseCodesFile(f.name, r)
			orders[ICD10CM] = append(orders[ICD10CM], orderFile{entries: es, name: f.name, billableOnly: true})
			detail = fmt.Sprintf("%d codes", len(es))
		case kindCMAddenda, kindPCSAddenda:
			var ch []Change
			var y int
			ch, y, err = ParseAddenda(f.name, r)
			sys := ICD10CM
			if f.kind == kindPCSAddenda {
				sys = ICD10PCS
			}
			addenda[sys] = append(addenda[sys], addendaFile{changes: ch, year: y, name: f.name})
			detail = fmt.Sprintf("%d changes", len(ch))
		case kindTabular:
			s.Tabular, err = ParseTabularXML(f.name, r)
			if err == nil {
				detail = fmt.Sprintf("%d chapters, %d sections, %d categories and codes", len(s.Tabular.Chapters), len(s.Tabular.Sections), len(s.Tabular.Diags))
			}
		case kindIndex:
			var ix *Index
			ix, err = ParseIndexXML(f.name, r)
			if err == nil {
				if s.Index == nil {
					s.Index = &Index{Version: ix.Version}
				}
				s.Index.Terms = append(s.Index.Terms, ix.Terms...)
				detail = fmt.Sprintf("%d %s terms", len(ix.Terms), ix.Terms[0].Kind)
			}
		case kindPCSTables:
			s.PCSTables, s.PCSVersion, err = ParsePCSTablesXML(f.name, r)
			detail = fmt.Sprintf("%d tables", len(s.PCSTables))
		case kindPCSDefs:
			s.PCSDefs, _, err = ParsePCSDefinitionsXML(f.name, r)
			detail = fmt.Sprintf("%d definitions", len(s.PCSDefs))
		case kindPCSIndex:
			err = &ParseError{File: f.name, Err: errors.New("the ICD-10-PCS index XML is recognised but not loaded by this version; import the tables and definitions instead")}
		case kindHCPCS:
			var es []Entry
			es, err = ParseHCPCS(f.name, r)
			if err == nil {
				y := opt.Year
				if y == 0 {
					y = yearFromName(f.base)
				}
				if y == 0 {
					y = latestDate(es).Year()
				}
				s.Releases = append(s.Releases, &Release{System: HCPCS, Version: y, Label: fmt.Sprintf("%d", y), Effective: NewDate(y, 1, 1), Entries: sortEntries(es), Sources: []string{f.name}})
				detail = fmt.Sprintf("%d codes, year %d", len(es), y)
			}
		case kindCPT:
			var es []Entry
			es, err = ParseCPT(f.name, r)
			if err == nil {
				y := opt.Year
				if y == 0 {
					y = yearFromName(f.base)
				}
				if y == 0 {
					now := time.Now
					if opt.Now != nil {
						now = opt.Now
					}
					y = now().Year()
				}
				s.Releases = append(s.Releases, &Release{System: CPT, Version: y, Label: fmt.Sprintf("%d", y), Effective: NewDate(y, 1, 1), Entries: sortEntries(es), Sources: []string{f.name}})
				detail = fmt.Sprintf("%d codes, year %d", len(es), y)
			}
		case kindGEM:
			var g []GEM
			g, err = ParseGEM(f.name, r)
			s.GEMs = append(s.GEMs, g...)
			if err == nil {
				detail = fmt.Sprintf("%d %s mappings", len(g), g[0].Dir)
			}
		case kindMCE:
			s.MCE, s.MCEVersion, err = ParseMCE(f.name, r)
			detail = fmt.Sprintf("%d edits, version %d", len(s.MCE), s.MCEVersion)
		case kindPOA:
			s.POAExempt, err = ParsePOAExempt(f.name, r)
			detail = fmt.Sprintf("%d codes", len(s.POAExempt))
		}
		if err != nil {
			return nil, err
		}
		progress(fmt.Sprintf("read %s: %s: %s (%v)", f.name, kindNames[f.kind], detail, time.Since(t0).Round(time.Millisecond)))
	}
	for _, sys := range []System{ICD10CM, ICD10PCS} {
		if err := buildICD(s, sys, orders[sys], addenda[sys], opt, progress); err != nil {
			return nil, err
		}
	}
	if s.Empty() && s.Tabular == nil && s.Index == nil && len(s.PCSTables) == 0 && len(s.GEMs) == 0 && len(s.MCE) == 0 && len(s.POAExempt) == 0 && len(s.PCSDefs) == 0 {
		return nil, errors.New("import: nothing to load")
	}
	if len(s.PCSTables) > 0 {
		if r := s.ReleaseFor(ICD10PCS, s.PCSVersion); r != nil {
			if err := CheckPCSExpansion(s.PCSTables, r); err != nil {
				return nil, err
			}
			progress(fmt.Sprintf("checked: the PCS tables expand to exactly the %d valid codes of %s", countBillable(r), r.ID()))
		}
	}
	s.settle()
	return s, nil
}

func countBillable(r *Release) int {
	n := 0
	for _, e := range r.Entries {
		if e.Billable {
			n++
		}
	}
	return n
}

// CheckPCSExpansion verifies that the tables build exactly the billable codes
// of the order-file release r, and names the first differences when not.
func CheckPCSExpansion(tables []PCSTable, r *Release) error {
	built := map[string]bool{}
	for i := range tables {
		tables[i].Expand(func(c string) { built[c] = true })
	}
	var missing, extra []string
	valid := 0
	for _, e := range r.Entries {
		if !e.Billable {
			continue
		}
		valid++
		if !built[e.Code] {
			missing = append(missing, e.Code)
		}
		delete(built, e.Code)
	}
	for c := range built {
		extra = append(extra, c)
	}
	if len(missing) == 0 && len(extra) == 0 {
		return nil
	}
	sort.Strings(extra)
	return fmt.Errorf("PCS tables do not match the %s order file: %d valid codes not built by the tables (first %v), %d codes built that the order file lacks (first %v)",
		r.ID(), len(missing), missing[:min(5, len(missing))], len(extra), extra[:min(5, len(extra))])
}

func yearFromName(base string) int {
	if m := yearNameRE.FindString(base); m != "" {
		return atoi(m)
	}
	return 0
}

func latestDate(es []Entry) Date {
	var d Date
	for _, e := range es {
		if e.From > d {
			d = e.From
		}
	}
	return d
}

func sortEntries(es []Entry) []Entry {
	sort.SliceStable(es, func(i, j int) bool { return es[i].Code < es[j].Code })
	// keep the last of duplicate codes
	out := es[:0]
	for i, e := range es {
		if i+1 < len(es) && es[i+1].Code == e.Code {
			continue
		}
		out = append(out, e)
	}
	return out
}

// orderFile is a parsed order or codes file awaiting its year.
type orderFile struct {
	entries      []Entry
	name         string
	billableOnly bool // a codes file: billable codes only
}

// addendaFits reports whether the addenda describe the change into es: every
// added code is present and every deleted code that was not re-added is absent.
func addendaFits(a addendaFile, es []Entry) bool {
	r := &Release{Entries: es}
	added := map[string]bool{}
	for _, c := range a.changes {
		if c.Kind == Added {
			added[c.Entry.Code] = true
			if r.lookup(c.Entry.Code) == nil {
				return false
			}
		}
	}
	for _, c := range a.changes {
		if c.Kind == Deleted && !added[c.Entry.Code] && r.lookup(c.Entry.Code) != nil {
			return false
		}
	}
	return true
}

// buildICD turns order (or codes) files and addenda into releases, and when
// a release comes with its addenda and the one before is not loaded,
// reconstructs that earlier release from the addenda.
func buildICD(s *Set, sys System, orders []orderFile, adds []addendaFile, opt ImportOptions, progress func(string)) error {
	type rel struct {
		of      orderFile
		year    int
		changes []Change
		srcs    []string
	}
	var rels []*rel
	used := make([]bool, len(adds))
	for _, of := range orders {
		es := sortEntries(of.entries)
		of.entries = es
		r := &rel{of: of, srcs: []string{of.name}}
		// pair with addenda whose changes fit, preferring order addenda (with flags)
		for i, a := range adds {
			if used[i] || !addendaFits(a, es) {
				continue
			}
			if r.changes == nil || (len(a.changes) > 0 && a.changes[0].Entry.Short != "") {
				r.changes = a.changes
				if a.year != 0 {
					r.year = a.year
				}
				r.srcs = append(r.srcs, a.name)
			}
			used[i] = true
		}
		if opt.Year != 0 {
			r.year = opt.Year
		}
		if r.year == 0 {
			r.year = yearFromName(filepath.Base(of.name))
		}
		if r.year == 0 {
			return &ParseError{File: of.name, Err: errors.New("cannot tell which fiscal year this file is for (no addenda and no year in the name): import it with --year")}
		}
		rels = append(rels, r)
	}
	for i, a := range adds {
		if !used[i] {
			return &ParseError{File: a.name, Err: errors.New("addenda do not match any order or codes file in this import (import them together with their release's order file)")}
		}
	}
	// an order file and a codes file for the same year: keep the order file
	byYear := map[int]*rel{}
	for _, r := range rels {
		if prev, ok := byYear[r.year]; ok {
			if prev.of.billableOnly && !r.of.billableOnly {
				byYear[r.year] = r
			}
			continue
		}
		byYear[r.year] = r
	}
	years := make([]int, 0, len(byYear))
	for y := range byYear {
		years = append(years, y)
	}
	sort.Ints(years)
	for _, y := range years {
		r := byYear[y]
		eff := FiscalYearStart(y)
		label := fmt.Sprintf("FY%d", y)
		if opt.Effective != 0 {
			eff = opt.Effective
			if eff%10000 == 401 {
				label += " April update"
			}
		}
		cur := &Release{System: sys, Version: y, Label: label, Effective: eff, Entries: r.of.entries, Changes: r.changes, Sources: r.srcs}
		s.Releases = append(s.Releases, cur)
		progress(fmt.Sprintf("release %s %s: %d codes (%d billable), effective %s", sys, label, len(cur.Entries), countBillable(cur), eff))
		if len(r.changes) > 0 && byYear[y-1] == nil && opt.Effective == 0 {
			prev := reconstruct(cur)
			s.Releases = append(s.Releases, prev)
			progress(fmt.Sprintf("release %s %s: %d codes (%d billable) reconstructed from the FY%d addenda", sys, prev.Label, len(prev.Entries), countBillable(prev), y))
		}
	}
	return nil
}

// reconstruct rebuilds the release before cur by undoing cur's addenda.
func reconstruct(cur *Release) *Release {
	m := make(map[string]Entry, len(cur.Entries))
	for _, e := range cur.Entries {
		m[e.Code] = e
	}
	for _, c := range cur.Changes {
		if c.Kind == Added {
			delete(m, c.Entry.Code)
		}
	}
	for _, c := range cur.Changes {
		switch c.Kind {
		case Deleted:
			m[c.Entry.Code] = c.Entry
		case Revised:
			old := c.Old
			if e, ok := m[c.Entry.Code]; ok && old.Short == "" {
				old.Short = e.Short
			}
			m[c.Entry.Code] = old
		}
	}
	es := make([]Entry, 0, len(m))
	for _, e := range m {
		es = append(es, e)
	}
	sort.Slice(es, func(i, j int) bool { return es[i].Code < es[j].Code })
	y := cur.Version - 1
	return &Release{System: cur.System, Version: y, Label: fmt.Sprintf("FY%d (reconstructed from FY%d addenda)", y, cur.Version),
		Effective: FiscalYearStart(y), Entries: es, Derived: true, Sources: cur.Sources}
}
