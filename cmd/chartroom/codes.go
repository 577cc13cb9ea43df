package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/chartroom/chartroom/codeset"
)

func init() {
	register(&command{name: "codes", summary: "load, search, show, validate and diff ICD-10-CM/PCS, HCPCS and CPT code sets", run: runCodes})
}

func runCodes(ctx context.Context, env *Env, args []string) error {
	return dispatch(ctx, env, "codes", map[string]verb{
		"import":   {"load official release files (zips, folders or single files)", codesImport},
		"fetch":    {"download a year's official release files, check and import them", codesFetch},
		"list":     {"list the imported code set releases", codesList},
		"search":   {"find codes by words, abbreviations, misspellings or code prefix", codesSearch},
		"show":     {"explain a code: hierarchy, dates, notes, 7th characters, GEMs, PCS axes", codesShow},
		"validate": {"check a list of codes for an encounter; exits 1 on errors", codesValidate},
		"diff":     {"list codes added, deleted and retitled between two years", codesDiff},
		"build":    {"walk a PCS table: the valid next characters after a partial code", codesBuild},
	}, args)
}

// codesFlags are the flags every codes verb shares.
type codesFlags struct {
	data string
	dsn  string
}

func (f *codesFlags) register(fs *flag.FlagSet, env *Env) {
	fs.StringVar(&f.data, "data", defaultCodesData(env), "the data folder; code sets live in DATA/codesets (env CHARTROOM_DATA)")
	fs.StringVar(&f.dsn, "db", "", "database DSN holding the code set archive (not wired yet)")
}

// load reads every imported release into one Set.
func (f *codesFlags) load(ctx context.Context, env *Env) (*codeset.Set, error) {
	a, closeFn, err := openCodeArchive(ctx, env, f.data, f.dsn)
	if err != nil {
		return nil, err
	}
	defer closeFn()
	// Loading decodes every release and builds the search index in one
	// burst whose garbage is mostly short-lived words; collecting it more
	// often keeps the peak RSS under the 400 MB budget even when another
	// process holds the CPU (the collector then lags behind the build) at
	// a cost of some 0.3 s of the 3.6 s load (docs/bench-codeset.md).
	defer debug.SetGCPercent(debug.SetGCPercent(30))
	s, err := codeset.LoadArchive(ctx, a)
	if err != nil {
		return nil, err
	}
	s.Searcher()
	if s.Empty() {
		return nil, fmt.Errorf("no code set is loaded in %s: run 'chartroom codes import --data %s PATH…' with the official release zips, or 'chartroom codes fetch --year YYYY'", filepath.Join(f.data, "codesets"), f.data)
	}
	return s, nil
}

func parseDateFlag(s string) (codeset.Date, error) {
	if s == "" {
		return codeset.DateOf(time.Now()), nil
	}
	d, err := codeset.ParseDate(s)
	if err != nil {
		return 0, fmt.Errorf("--date: %w", err)
	}
	return d, nil
}

func codesImport(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "codes import", "codes import [--data DIR] [--year YYYY] [--effective DATE] PATH…", `
Load official code set release files: zips as published, folders, or single
files. Each file is recognised by its content, not its name: ICD-10-CM order,
codes and addenda files, tabular, index, drug, neoplasm and external-cause
XML; ICD-10-PCS order file, addenda, tables and definitions XML; the HCPCS
Level II ANWEB file; a site's licensed CPT file (CSV or tab-delimited: code,
short, long); GEMs; the MCE code lists; a POA-exempt list. Documentation
inside zips (PDF, spreadsheets, schemas) is skipped.

The import is all or nothing: when any file is bad the error names the file,
the line or element and the problem, and nothing is saved. When a release
comes with its addenda, the release before it is rebuilt from them, so the
previous fiscal year can be coded too. The PCS tables are checked to build
exactly the valid codes of the order file.

Use --effective 2026-04-01 to load an April 1 update.`)
	var cf codesFlags
	cf.register(fs, env)
	year := fs.Int("year", 0, "fiscal (or calendar) year of files that do not say it themselves")
	eff := fs.String("effective", "", "date the ICD-10 releases take effect (an April update); default October 1 of the fiscal year")
	if err := parseFlags(env, fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errUsage
	}
	opt := codeset.ImportOptions{Year: *year, Progress: func(l string) { fmt.Fprintln(env.Stderr, l) }}
	if *eff != "" {
		d, err := codeset.ParseDate(*eff)
		if err != nil {
			return fmt.Errorf("--effective: %w", err)
		}
		opt.Effective = d
	}
	return importAndSave(ctx, env, &cf, fs.Args(), opt)
}

func importAndSave(ctx context.Context, env *Env, cf *codesFlags, paths []string, opt codeset.ImportOptions) error {
	a, closeFn, err := openCodeArchive(ctx, env, cf.data, cf.dsn)
	if err != nil {
		return err
	}
	defer closeFn()
	start := time.Now()
	s, err := codeset.Import(ctx, paths, opt)
	if err != nil {
		return fmt.Errorf("import failed, nothing was loaded: %w", err)
	}
	pr, pw := io.Pipe()
	go func() { _, err := s.WriteTo(pw); pw.CloseWithError(err) }()
	meta := s.Meta(time.Now())
	if err := a.SaveRelease(ctx, meta, pr); err != nil {
		pr.CloseWithError(err)
		return fmt.Errorf("import failed, the active releases are unchanged: %w", err)
	}
	fmt.Fprintf(env.Stderr, "saved %s in %v\n", meta.ID, time.Since(start).Round(time.Millisecond))
	fmt.Fprintf(env.Stdout, "imported %s\n", meta.Summary)
	return nil
}

func codesList(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "codes list", "codes list [--data DIR]", "List the imported code set blobs and the releases inside each.")
	var cf codesFlags
	cf.register(fs, env)
	if err := parseFlags(env, fs, args); err != nil {
		return err
	}
	a, closeFn, err := openCodeArchive(ctx, env, cf.data, cf.dsn)
	if err != nil {
		return err
	}
	defer closeFn()
	metas, err := a.ListReleases(ctx)
	if err != nil {
		return err
	}
	if len(metas) == 0 {
		fmt.Fprintf(env.Stdout, "no code set is loaded; run 'chartroom codes import PATH…' or 'chartroom codes fetch --year YYYY'\n")
		return nil
	}
	for _, m := range metas {
		fmt.Fprintf(env.Stdout, "%s\t%s\t%d bytes\t%s\n", m.ID, m.Imported.Format(time.RFC3339), m.Bytes, strings.Join(m.Releases, " "))
	}
	return nil
}

func codesSearch(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "codes search", "codes search [--system icd10cm|icd10pcs|hcpcs|cpt] [--date D] [--limit N] [--format tsv|json] [--explain] [--batch FILE] QUERY…", `
Find codes as a coder types: titles, inclusion terms and alphabetic-index
paths ("infarction myocardial acute"), abbreviations (CHF, COPD, NSTEMI),
lay terms, misspellings, any word order, and code prefixes ("E11.2", "0DT").
Only codes valid on the date of service are offered; an index code that is
no longer valid is followed to the valid codes beneath it or its replacement.

TSV output is code, title and score per line, best first; ICD-10-CM codes
are printed with their dot. With --batch, each line of FILE is one query and
each result line starts with the query's line number; the index is loaded
once. --explain adds the reasons for each rank.`)
	var cf codesFlags
	cf.register(fs, env)
	system := fs.String("system", "", "icd10cm, icd10pcs, hcpcs or cpt (default: all)")
	date := fs.String("date", "", "date of service YYYY-MM-DD (default today)")
	limit := fs.Int("limit", 10, "results per query")
	format := fs.String("format", "tsv", "tsv or json")
	explain := fs.Bool("explain", false, "show why each code ranked where it did")
	batch := fs.String("batch", "", "file with one query per line")
	if err := parseFlags(env, fs, args); err != nil {
		return err
	}
	if *format != "tsv" && *format != "json" {
		return errors.New("--format must be tsv or json")
	}
	if *batch == "" && fs.NArg() == 0 {
		fs.Usage()
		return errUsage
	}
	opt := codeset.SearchOptions{Limit: *limit, Explain: *explain}
	if *system != "" {
		sys, err := codeset.ParseSystem(*system)
		if err != nil {
			return err
		}
		opt.Systems = []codeset.System{sys}
	}
	d, err := parseDateFlag(*date)
	if err != nil {
		return err
	}
	opt.Date = d
	s, err := cf.load(ctx, env)
	if err != nil {
		return err
	}
	x := s.Searcher()
	w := bufio.NewWriter(env.Stdout)
	defer w.Flush()
	if *batch == "" {
		res := x.Search(strings.Join(fs.Args(), " "), opt)
		return writeResults(w, *format, "", res)
	}
	f, err := os.Open(*batch)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	var all []map[string]any
	for sc.Scan() {
		n++
		q := strings.TrimSpace(sc.Text())
		if q == "" {
			continue
		}
		res := x.Search(q, opt)
		if *format == "json" {
			all = append(all, map[string]any{"line": n, "query": q, "results": nonNil(res)})
			continue
		}
		if err := writeResults(w, "tsv", strconv.Itoa(n)+"\t", res); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s:%d: %w", *batch, n+1, err)
	}
	if *format == "json" {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(all)
	}
	return nil
}

func nonNil(r []codeset.Result) []codeset.Result {
	if r == nil {
		return []codeset.Result{}
	}
	return r
}

func writeResults(w io.Writer, format, prefix string, res []codeset.Result) error {
	if format == "json" {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(nonNil(res))
	}
	for _, r := range res {
		fmt.Fprintf(w, "%s%s\t%s\t%.3f\n", prefix, r.Code, r.Title, r.Score)
		for _, e := range r.Explain {
			fmt.Fprintf(w, "%s\t  %s\n", prefix, e)
		}
	}
	return nil
}

func codesShow(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "codes show", "codes show [--system S] [--date D] [--format text|json] CODE", `
Explain a code on a date of service: its hierarchy from chapter to code, its
titles with the dates each was valid, whether it is billable, every note that
applies (including those inherited from its category, section and chapter),
its 7th-character choices and placeholder rule, its GEM crosswalk, its MCE
edits and, for ICD-10-PCS, the table row with each character's meaning.`)
	var cf codesFlags
	cf.register(fs, env)
	system := fs.String("system", "", "icd10cm, icd10pcs, hcpcs or cpt (default: guessed)")
	date := fs.String("date", "", "date of service YYYY-MM-DD (default today)")
	format := fs.String("format", "text", "text or json")
	if err := parseFlags(env, fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return errUsage
	}
	var sys codeset.System
	if *system != "" {
		var err error
		if sys, err = codeset.ParseSystem(*system); err != nil {
			return err
		}
	}
	d, err := parseDateFlag(*date)
	if err != nil {
		return err
	}
	s, err := cf.load(ctx, env)
	if err != nil {
		return err
	}
	info, err := s.Show(sys, fs.Arg(0), d)
	if err != nil {
		return err
	}
	if *format == "json" {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(info)
	}
	w := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
	status := "billable"
	switch {
	case !info.Valid:
		status = "NOT VALID on " + info.Date
	case !info.Billable:
		status = "header, not billable"
	}
	fmt.Fprintf(w, "%s\t%s\n%s, %s (%s)\n", info.Code, info.Title, info.System, status, info.Release)
	fmt.Fprintln(w, "\nValid:")
	for _, h := range info.History {
		to := "until superseded"
		if h.To != 0 {
			to = h.To.String()
		}
		b := "billable"
		if !h.Billable {
			b = "header"
		}
		fmt.Fprintf(w, "  %s – %s\t%s\t%s\n", h.From, to, b, h.Title)
	}
	if len(info.Hierarchy) > 0 {
		fmt.Fprintln(w, "\nHierarchy:")
		for i, l := range info.Hierarchy {
			fmt.Fprintf(w, "  %s%s\t%s\t%s\n", strings.Repeat("  ", i), l.Code, l.Kind, l.Title)
		}
	}
	if len(info.Notes) > 0 {
		fmt.Fprintln(w, "\nNotes:")
		for _, n := range info.Notes {
			fmt.Fprintf(w, "  %s\t(at %s)\t%s\n", n.Name, n.At, n.Text)
		}
	}
	if len(info.Seventh) > 0 {
		fmt.Fprintf(w, "\n7th characters (from %s):\n", info.SeventhAt)
		for _, c := range info.Seventh {
			fmt.Fprintf(w, "  %c\t%s\n", c.Char, c.Meaning)
		}
		fmt.Fprintf(w, "  placeholder: %s\n", info.Placeholder)
	}
	if len(info.Axes) > 0 {
		fmt.Fprintln(w, "\nPCS characters:")
		for _, a := range info.Axes {
			fmt.Fprintf(w, "  %d %s\t%s\t%s\t%s\n", a.Pos, a.Char, a.Axis, a.Label, a.Definition)
		}
	}
	if len(info.Children) > 0 {
		fmt.Fprintln(w, "\nBillable codes beneath:")
		for _, c := range info.Children {
			fmt.Fprintf(w, "  %s\t%s\n", c.Code, c.Title)
		}
	}
	if len(info.GEMs) > 0 {
		fmt.Fprintln(w, "\nGEM crosswalk:")
		for _, g := range info.GEMs {
			fmt.Fprintf(w, "  %s → %s\tflags %s\t%s\n", g.Source, g.Target, g.Flags, g.Dir)
		}
	}
	if len(info.Edits) > 0 {
		fmt.Fprintf(w, "\nMCE edits: %s\n", strings.Join(info.Edits, ", "))
	}
	if info.POAExempt {
		fmt.Fprintln(w, "\nExempt from POA reporting")
	}
	return w.Flush()
}

func codesValidate(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "codes validate", "codes validate [--date D] [--age N] [--sex F|M] [--setting inpatient|outpatient] [--principal CODE] [--format text|json] CODE…", `
Check the codes of one encounter and report each problem with its rule and a
suggested fix: header (non-billable) codes; a missing or invalid 7th
character or missing X placeholder; codes not valid on the date of service;
Excludes1 conflicts between listed codes; a manifestation code as principal;
age and sex conflicts and unacceptable principal diagnoses from the MCE
lists. Exits 1 when any error is found, so scripts can use it.`)
	var cf codesFlags
	cf.register(fs, env)
	date := fs.String("date", "", "date of service YYYY-MM-DD (default today)")
	age := fs.Int("age", -1, "patient age in years")
	sex := fs.String("sex", "", "F or M")
	setting := fs.String("setting", "inpatient", "inpatient or outpatient")
	principal := fs.String("principal", "", "principal diagnosis (default: the first ICD-10-CM code)")
	format := fs.String("format", "text", "text or json")
	if err := parseFlags(env, fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 && *principal == "" {
		fs.Usage()
		return errUsage
	}
	opt := codeset.ValidateOptions{Age: *age, Setting: *setting, Principal: *principal}
	switch strings.ToUpper(*sex) {
	case "":
	case "F", "M":
		opt.Sex = strings.ToUpper(*sex)[0]
	default:
		return errors.New("--sex must be F or M")
	}
	if *setting != "inpatient" && *setting != "outpatient" {
		return errors.New("--setting must be inpatient or outpatient")
	}
	d, err := parseDateFlag(*date)
	if err != nil {
		return err
	}
	opt.Date = d
	s, err := cf.load(ctx, env)
	if err != nil {
		return err
	}
	ps := s.Validate(fs.Args(), opt)
	errs := 0
	for _, p := range ps {
		if p.Severity == "error" {
			errs++
		}
	}
	if *format == "json" {
		if ps == nil {
			ps = []codeset.Problem{}
		}
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(ps); err != nil {
			return err
		}
	} else {
		for _, p := range ps {
			fmt.Fprintf(env.Stdout, "%s\t%s\t%s\t%s\n", strings.ToUpper(p.Severity), p.Code, p.Rule, p.Message)
			if p.Fix != "" {
				fmt.Fprintf(env.Stdout, "\t\tfix: %s\n", p.Fix)
			}
		}
		if len(ps) == 0 {
			fmt.Fprintf(env.Stdout, "ok: %d codes pass every check\n", fs.NArg())
		}
	}
	if errs > 0 {
		return exitError{1}
	}
	return nil
}

func codesDiff(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "codes diff", "codes diff [--system icd10cm|icd10pcs|hcpcs|cpt] [--format tsv|json] YEAR1 YEAR2", `
List the codes added, deleted and retitled from one release to another, one
per line: change, code, title (and the old title for retitled codes).`)
	var cf codesFlags
	cf.register(fs, env)
	system := fs.String("system", "icd10cm", "icd10cm, icd10pcs, hcpcs or cpt")
	format := fs.String("format", "tsv", "tsv or json")
	if err := parseFlags(env, fs, args); err != nil {
		return err
	}
	if fs.NArg() != 2 {
		fs.Usage()
		return errUsage
	}
	sys, err := codeset.ParseSystem(*system)
	if err != nil {
		return err
	}
	y1, err1 := strconv.Atoi(fs.Arg(0))
	y2, err2 := strconv.Atoi(fs.Arg(1))
	if err1 != nil || err2 != nil {
		return errors.New("YEAR1 and YEAR2 must be years such as 2025 2026")
	}
	s, err := cf.load(ctx, env)
	if err != nil {
		return err
	}
	diff, err := s.DiffYears(sys, y1, y2)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(env.Stdout)
	defer w.Flush()
	if *format == "json" {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(diff)
	}
	for _, e := range diff {
		if e.OldTitle != "" {
			fmt.Fprintf(w, "%s\t%s\t%s\t(was: %s)\n", e.Change, e.Code, e.Title, e.OldTitle)
		} else {
			fmt.Fprintf(w, "%s\t%s\t%s\n", e.Change, e.Code, e.Title)
		}
	}
	return nil
}

func codesBuild(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "codes build", "codes build [--data DIR] [PARTIAL]", `
Walk an ICD-10-PCS table: print the valid values for the character after
PARTIAL (0 to 6 characters) with their meanings, taken from the tables.`)
	var cf codesFlags
	cf.register(fs, env)
	if err := parseFlags(env, fs, args); err != nil {
		return err
	}
	s, err := cf.load(ctx, env)
	if err != nil {
		return err
	}
	ch, err := s.PCSNext(fs.Arg(0))
	if err != nil {
		return err
	}
	for _, c := range ch {
		if c.Code != "" {
			fmt.Fprintf(env.Stdout, "%s\t%s\t%s\t%s\n", c.Char, c.Axis, c.Label, c.Code+" "+c.Title)
		} else {
			fmt.Fprintf(env.Stdout, "%s\t%s\t%s\n", c.Char, c.Axis, c.Label)
		}
	}
	return nil
}

// fetchFiles are the official release files of a year, relative to the base
// URL (CMS publishes them under https://www.cms.gov/files/zip/).
func fetchFiles(year int) []struct {
	name     string
	required bool
} {
	y := strconv.Itoa(year)
	return []struct {
		name     string
		required bool
	}{
		{y + "-code-descriptions-tabular-order.zip", true},
		{y + "-icd-10-pcs-order-file-long-and-abbreviated-titles.zip", true},
		{y + "-icd-10-pcs-code-tables-and-index.zip", false},
		{y + "-icd-10-cm-code-tables-and-index.zip", false},
	}
}

func codesFetch(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "codes fetch", "codes fetch --year YYYY [--base-url URL] [--data DIR]", `
Download a fiscal year's official ICD-10-CM and ICD-10-PCS release zips from
the publisher, check each one (a whole zip with recognisable content), and
import them as one release. Files the publisher does not offer for that
year (tables and index zips) are skipped with a note; the order-file zips are
required. A progress bar is printed to standard error.`)
	var cf codesFlags
	cf.register(fs, env)
	year := fs.Int("year", 0, "fiscal year to fetch, for example 2026")
	base := fs.String("base-url", "https://www.cms.gov/files/zip/", "where the release zips are published")
	if err := parseFlags(env, fs, args); err != nil {
		return err
	}
	if *year < 2015 || *year > 2100 {
		return errors.New("--year YYYY is required (for example --year 2026)")
	}
	dir, err := os.MkdirTemp("", "chartroom-fetch-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	var paths []string
	client := &http.Client{Timeout: 10 * time.Minute}
	for _, f := range fetchFiles(*year) {
		url := strings.TrimRight(*base, "/") + "/" + f.name
		p := filepath.Join(dir, f.name)
		n, err := download(ctx, env, client, url, p)
		if err != nil {
			if !f.required && errors.Is(err, errNotFound) {
				fmt.Fprintf(env.Stderr, "skip %s: not published (%v)\n", f.name, err)
				continue
			}
			return fmt.Errorf("fetch %s: %w", url, err)
		}
		fmt.Fprintf(env.Stderr, "fetched %s (%d bytes)\n", f.name, n)
		paths = append(paths, p)
	}
	return importAndSave(ctx, env, &cf, paths, codeset.ImportOptions{Year: *year, Progress: func(l string) { fmt.Fprintln(env.Stderr, l) }})
}

var errNotFound = errors.New("not found")

// download copies url to path with a progress bar on stderr.
func download(ctx context.Context, env *Env, c *http.Client, url, path string) (int64, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return 0, err
	}
	resp, err := c.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusNotFound {
		return 0, fmt.Errorf("%w: HTTP %s", errNotFound, resp.Status)
	}
	if resp.StatusCode != http.StatusOK {
		return 0, fmt.Errorf("HTTP %s", resp.Status)
	}
	f, err := os.Create(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	pb := &progressBar{w: env.Stderr, name: filepath.Base(path), total: resp.ContentLength}
	n, err := io.Copy(f, io.TeeReader(resp.Body, pb))
	pb.done()
	if err != nil {
		return n, err
	}
	if resp.ContentLength > 0 && n != resp.ContentLength {
		return n, fmt.Errorf("download cut short: %d of %d bytes", n, resp.ContentLength)
	}
	return n, f.Close()
}

// progressBar draws "name [#####-----]  45%" as bytes arrive.
type progressBar struct {
	w     io.Writer
	name  string
	total int64
	n     int64
	last  int
}

func (p *progressBar) Write(b []byte) (int, error) {
	p.n += int64(len(b))
	pct := 0
	if p.total > 0 {
		pct = int(min(p.n*100/p.total, 100))
	}
	if pct/5 != p.last/5 || p.n == int64(len(b)) {
		p.last = pct
		bar := strings.Repeat("#", pct/5) + strings.Repeat("-", 20-pct/5)
		fmt.Fprintf(p.w, "\r%s [%s] %3d%% %d bytes", p.name, bar, pct, p.n)
	}
	return len(b), nil
}

func (p *progressBar) done() { fmt.Fprintln(p.w) }
