package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/chartroom/chartroom"
	"github.com/chartroom/chartroom/audit"
	"github.com/chartroom/chartroom/mpi"
	"github.com/chartroom/chartroom/mpi/synth"
)

func init() {
	register(&command{name: "mpi", summary: "master patient index: find duplicate patients, link files", run: runMPI})
}

func runMPI(ctx context.Context, env *Env, args []string) error {
	return dispatch(ctx, env, "mpi", map[string]verb{
		"dedupe": {"find duplicate patients in the index (or in one CSV file with --in)", mpiDedupe},
		"link":   {"link the records of two CSV files that are the same person", mpiLink},
		"synth":  {"write fictitious registrations with known duplicates, for testing and benchmarks", mpiSynth},
	}, args)
}

// matchFlags are the flags every matching verb shares.
type matchFlags struct {
	model, saveModel *string
	workers          *int
}

func (m *matchFlags) register(fs interface {
	String(name, value, usage string) *string
	Int(name string, value int, usage string) *int
}) {
	m.model = fs.String("model", "", "a model file (JSON, as --save-model writes it) whose pinned fields are kept; the rest is estimated")
	m.saveModel = fs.String("save-model", "", "write the fitted model (m, u and weights per field) to this file")
	m.workers = fs.Int("workers", 0, "goroutines comparing pairs (default: one per CPU)")
}

func (m *matchFlags) options(env *Env, label string) (mpi.Options, error) {
	opts := mpi.Options{Workers: *m.workers, Progress: progressLine(env, label)}
	if *m.model != "" {
		b, err := os.ReadFile(*m.model)
		if err != nil {
			return opts, err
		}
		var model mpi.Model
		if err := json.Unmarshal(b, &model); err != nil {
			return opts, fmt.Errorf("%s: %w", *m.model, err)
		}
		opts.Model = &model
	}
	return opts, nil
}

func (m *matchFlags) save(res *mpi.Result) error {
	if *m.saveModel == "" {
		return nil
	}
	b, err := json.MarshalIndent(res.Model, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(*m.saveModel, append(b, '\n'), 0o644)
}

// progressLine returns a Progress callback that redraws one line on
// standard error at most every 200 ms, and a final line at 100%.
func progressLine(env *Env, label string) func(done, total int64) {
	start := time.Now()
	var last time.Time
	return func(done, total int64) {
		now := time.Now()
		if done < total && now.Sub(last) < 200*time.Millisecond {
			return
		}
		last = now
		pct := 100.0
		if total > 0 {
			pct = float64(done) * 100 / float64(total)
		}
		bar := strings.Repeat("#", int(pct/5)) + strings.Repeat("-", 20-int(pct/5))
		fmt.Fprintf(env.Stderr, "\r%s [%s] %5.1f%% %d/%d pairs %s", label, bar, pct, done, total, now.Sub(start).Round(100*time.Millisecond))
		if done >= total {
			fmt.Fprintln(env.Stderr)
		}
	}
}

func readCSVFile(env *Env, path string, mapping map[string]string) ([]mpi.Record, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	recs, warns, err := mpi.ReadCSV(f, path, mapping)
	if err != nil {
		return nil, err
	}
	for i, w := range warns {
		if i == 20 {
			fmt.Fprintf(env.Stderr, "… and %d more warnings\n", len(warns)-20)
			break
		}
		fmt.Fprintln(env.Stderr, "warning:", w)
	}
	fmt.Fprintf(env.Stderr, "%s: %d records, %d warnings\n", path, len(recs), len(warns))
	return recs, nil
}

// writePairs writes left_id,right_id,score,decision: the score is the
// probability that the two are one person.
func writePairs(w io.Writer, res *mpi.Result, left, right []mpi.Record, all bool) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"left_id", "right_id", "score", "decision"})
	for _, p := range res.Pairs {
		if p.Decision == mpi.NonMatch && !all {
			continue
		}
		cw.Write([]string{left[p.Left].ID, right[p.Right].ID, strconv.FormatFloat(p.Probability, 'f', 6, 64), string(p.Decision)})
	}
	cw.Flush()
	return cw.Error()
}

func openOut(env *Env, path string) (io.Writer, func() error, error) {
	if path == "" || path == "-" {
		return env.Stdout, func() error { return nil }, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, nil, err
	}
	return f, f.Close, nil
}

func summary(env *Env, res *mpi.Result) {
	st := res.Stats
	fmt.Fprintf(env.Stderr, "%d records, %d candidate pairs of %d possible (reduction ratio %.6f), %d to link, %d to review",
		st.Records, st.CandidatePairs, st.PossiblePairs, st.ReductionRatio, st.Links, st.Reviews)
	if st.OversizedBlocks > 0 {
		fmt.Fprintf(env.Stderr, "; %d blocks too common to compare were skipped", st.OversizedBlocks)
	}
	fmt.Fprintln(env.Stderr)
}

func mpiLink(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "mpi link", "mpi link --left A.csv --right B.csv [--map given=given_name,…] [--out pairs.csv]", `
Link two CSV files: find the records of the right file that are the same
person as a record of the left. Columns are found by their usual names (the
FEBRL layout reads as it is); --map names the others, field=column, for the
fields id, given, middle, family, birth_date, sex, street_number, street,
line2, city, state, postal, phone and ssn. Rows with missing columns, bad
dates or no name are read as far as they go and reported as warnings.
The output is CSV: left_id,right_id,score,decision, where score is the
probability that the two are one person and decision is link or review.`)
	left := fs.String("left", "", "the left CSV file (required)")
	right := fs.String("right", "", "the right CSV file (required)")
	mapping := fs.String("map", "", "column names for fields: given=given_name,family=surname,…")
	out := fs.String("out", "", "where to write the pairs (default standard output)")
	all := fs.Bool("all", false, "also write candidate pairs scored as non-matches")
	var mf matchFlags
	mf.register(fs)
	if err := parseFlags(env, fs, args); err != nil {
		return err
	}
	if *left == "" || *right == "" {
		return errors.New("--left and --right are required")
	}
	m, err := mpi.ParseMap(*mapping)
	if err != nil {
		return err
	}
	l, err := readCSVFile(env, *left, m)
	if err != nil {
		return err
	}
	r, err := readCSVFile(env, *right, m)
	if err != nil {
		return err
	}
	opts, err := mf.options(env, "linking")
	if err != nil {
		return err
	}
	opts.KeepAll = *all
	res, err := mpi.Link(ctx, l, r, opts)
	if err != nil {
		return err
	}
	return finishFile(env, res, l, r, *out, *all, &mf)
}

// finishFile reports a file run, writes its pairs and saves the model.
func finishFile(env *Env, res *mpi.Result, left, right []mpi.Record, out string, all bool, mf *matchFlags) error {
	summary(env, res)
	w, closeOut, err := openOut(env, out)
	if err != nil {
		return err
	}
	if err := writePairs(w, res, left, right, all); err != nil {
		return err
	}
	if err := closeOut(); err != nil {
		return err
	}
	return mf.save(res)
}

func mpiDedupe(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "mpi dedupe", "mpi dedupe [--data DIR | --db DSN] | --in A.csv [--out pairs.csv]", `
Find records that are the same person. With --in, within one CSV file
(columns as for "mpi link"), writing left_id,right_id,score,decision.
Without it, across the whole patient index: every pair to link or to review
goes onto the duplicate worklist (Patients → Duplicates in the web UI), where
a person merges it or marks it "not a duplicate". Pairs already decided are
left as they were. Reading the index is recorded on the audit trail.`)
	var sf storeFlags
	sf.register(fs, env)
	in := fs.String("in", "", "a CSV file to dedupe instead of the index")
	mapping := fs.String("map", "", "column names for fields (with --in): given=given_name,family=surname,…")
	out := fs.String("out", "", "where to write the pairs (with --in; default standard output)")
	all := fs.Bool("all", false, "also write candidate pairs scored as non-matches (with --in)")
	var mf matchFlags
	mf.register(fs)
	if err := parseFlags(env, fs, args); err != nil {
		return err
	}
	opts, err := mf.options(env, "comparing")
	if err != nil {
		return err
	}
	if *in != "" {
		m, err := mpi.ParseMap(*mapping)
		if err != nil {
			return err
		}
		recs, err := readCSVFile(env, *in, m)
		if err != nil {
			return err
		}
		opts.KeepAll = *all
		res, err := mpi.Dedupe(ctx, recs, opts)
		if err != nil {
			return err
		}
		return finishFile(env, res, recs, recs, *out, *all, &mf)
	}

	s, err := sf.open(ctx, env, slog.New(slog.NewJSONHandler(io.Discard, nil)), false)
	if err != nil {
		return err
	}
	defer s.Close()
	var recs []mpi.Record
	var ids []int64
	f := chartroom.PatientFilter{Limit: 500}
	for {
		page, err := s.FindPatients(ctx, f)
		if err != nil {
			return err
		}
		for _, p := range page.Items {
			if p.MergedInto != 0 {
				continue
			}
			recs = append(recs, mpi.FromPatient(p))
			ids = append(ids, p.ID)
		}
		fmt.Fprintf(env.Stderr, "\rreading the index: %d patients", len(recs))
		if page.NextCursor == "" {
			break
		}
		f.Cursor = page.NextCursor
	}
	fmt.Fprintln(env.Stderr)
	if err := recordCLI(ctx, env, s, sf.data, audit.Entry{Action: audit.Search, ObjectType: "patient-index",
		Detail: fmt.Sprintf("duplicate search over %d patients", len(recs))}); err != nil {
		return err
	}
	res, err := mpi.Dedupe(ctx, recs, opts)
	if err != nil {
		return err
	}
	summary(env, res)
	var cs []*chartroom.MatchCandidate
	for _, p := range res.Pairs {
		if p.Decision == mpi.NonMatch {
			continue
		}
		cs = append(cs, mpi.Candidate(ids[p.Left], ids[p.Right], res.Explain(p, recs, recs)))
	}
	added, err := s.SaveCandidates(ctx, cs)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "%d pairs on the worklist, %d of them new\n", len(cs), added)
	return mf.save(res)
}

func mpiSynth(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "mpi synth", "mpi synth --n N [--seed S] [--out FILE]", `
Write N fictitious registrations as CSV (id,given,middle,family,birth_date,
sex,street,city,state,postal,phone,ssn) with known duplicates: ids P12-0 and
P12-1 are the same person. Duplicates carry typing errors, nicknames, day
and month swapped, moved addresses, new family names and missing values;
about 1% of people have a twin. For testing and benchmarks only.`)
	n := fs.Int("n", 10000, "number of records")
	seed := fs.Uint64("seed", 1, "random seed (the same seed gives the same file)")
	out := fs.String("out", "", "file to write (default standard output)")
	if err := parseFlags(env, fs, args); err != nil {
		return err
	}
	if *n < 1 || *n > 50_000_000 {
		return errors.New("--n must be from 1 to 50,000,000")
	}
	w, closeOut, err := openOut(env, *out)
	if err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.Write([]string{"id", "given", "middle", "family", "birth_date", "sex", "street", "city", "state", "postal", "phone", "ssn"})
	for i, r := range synth.Generate(*n, synth.Options{Seed: *seed}) {
		cw.Write([]string{r.ID, r.Given, r.Middle, r.Family, r.BirthDate, r.Sex, r.Street, r.City, r.State, r.Postal, r.Phone, r.SSN})
		if i%100000 == 0 && *out != "" {
			fmt.Fprintf(env.Stderr, "\rwriting: %d of %d", i, *n)
		}
	}
	cw.Flush()
	if *out != "" {
		fmt.Fprintf(env.Stderr, "\rwriting: %d of %d\n", *n, *n)
	}
	if err := cw.Error(); err != nil {
		return err
	}
	return closeOut()
}
