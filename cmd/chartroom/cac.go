package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/chartroom/chartroom/cac"
	"github.com/chartroom/chartroom/codeset"
)

func init() {
	register(&command{name: "cac", summary: "computer-assisted coding: suggest codes from clinical notes", run: runCAC})
}

func runCAC(ctx context.Context, env *Env, args []string) error {
	return dispatch(ctx, env, "cac", map[string]verb{
		"suggest": {"suggest ICD-10-CM codes for notes, with the evidence for each", cacSuggest},
	}, args)
}

func cacSuggest(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "cac suggest", "cac suggest [--data DIR | --db DSN] [--setting inpatient|outpatient] [--date YYYY-MM-DD] [--format tsv|json] NOTE…", `
Read clinical notes (plain text, UTF-8) and suggest the ICD-10-CM codes
they support, using the code sets loaded into the data folder or database
(chartroom codes import). Negated, ruled-out, historical and family-history
findings are left out; uncertain diagnoses are coded for inpatients only.
TSV output is code, title, confidence, start, end and evidence per line,
best first; start and end are byte offsets of the evidence in the note.`)
	var sf storeFlags
	sf.register(fs, env)
	setting := fs.String("setting", "inpatient", "inpatient or outpatient")
	date := fs.String("date", "", "date of service (default today)")
	format := fs.String("format", "tsv", "tsv or json")
	if err := parseFlags(env, fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return errors.New("name at least one note file")
	}
	if *setting != "inpatient" && *setting != "outpatient" {
		return errors.New("--setting must be inpatient or outpatient")
	}
	day := codeset.DateOf(time.Now())
	if *date != "" {
		d, err := codeset.ParseDate(*date)
		if err != nil {
			return fmt.Errorf("--date: %w", err)
		}
		day = d
	}
	s, err := sf.open(ctx, env, slog.New(slog.NewJSONHandler(io.Discard, nil)), false)
	if err != nil {
		return err
	}
	set, err := codeset.LoadArchive(ctx, s.CodeArchive())
	s.Close()
	if err != nil {
		return err
	}
	if set.Empty() {
		return errors.New("no code set is loaded: run chartroom codes import (or codes fetch) first")
	}
	x := set.Searcher()
	for _, path := range fs.Args() {
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if !utf8.Valid(b) {
			return fmt.Errorf("%s: not UTF-8 text; convert it first (for example iconv -f latin1 -t utf-8)", path)
		}
		if len(b) > 8<<20 {
			return fmt.Errorf("%s: larger than 8 MB; split it", path)
		}
		got, _ := cac.Suggest(string(b), x, cac.Options{Inpatient: *setting == "inpatient", Date: day})
		if *format == "json" {
			enc := json.NewEncoder(env.Stdout)
			if err := enc.Encode(map[string]any{"file": path, "suggestions": got}); err != nil {
				return err
			}
			continue
		}
		if len(fs.Args()) > 1 {
			fmt.Fprintf(env.Stdout, "# %s\n", path)
		}
		for _, g := range got {
			ev := strings.ReplaceAll(strings.ReplaceAll(g.Evidence, "\t", " "), "\n", " ")
			fmt.Fprintf(env.Stdout, "%s\t%s\t%.3f\t%d\t%d\t%s\n", g.Code, g.Title, g.Confidence, g.Start, g.End, ev)
		}
	}
	return nil
}
