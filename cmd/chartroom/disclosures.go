package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strconv"
	"time"

	"github.com/chartroom/chartroom/audit"
	"github.com/chartroom/chartroom/roi"
)

func init() {
	register(&command{name: "disclosures", summary: "the patient's accounting of disclosures", run: runDisclosures})
}

func runDisclosures(ctx context.Context, env *Env, args []string) error {
	return dispatch(ctx, env, "disclosures", map[string]verb{
		"report": {"print a patient's accounting of disclosures (HIPAA 164.528)", disclosuresReport},
	}, args)
}

func disclosuresReport(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "disclosures report", "disclosures report [--data DIR] [--db DSN] --patient MRN [--facility CODE] [--years 6] [--format pdf|html|csv] [--out FILE]", `
Write the patient-facing accounting of disclosures (45 CFR 164.528): every
disclosure in the period that the rule requires, each in its latest
corrected form, leaving out those it excludes (treatment, payment and
operations, disclosures to the patient or under their authorization) and
those under a law-enforcement suspension. Producing it is recorded on the
audit trail.`)
	var sf storeFlags
	sf.register(fs, env)
	mrn := fs.String("patient", "", "the patient's MRN (required)")
	facility := fs.String("facility", "", "the facility that assigned the MRN (any when empty)")
	years := fs.Int("years", 6, "how many years back, at most 6")
	format := fs.String("format", "pdf", "pdf, html or csv")
	out := fs.String("out", "", "file to write (default standard output)")
	if err := parseFlags(env, fs, args); err != nil {
		return err
	}
	if *mrn == "" {
		return errors.New("--patient MRN is required")
	}
	if *years < 1 || *years > 6 {
		return errors.New("--years must be from 1 to 6")
	}
	s, err := sf.open(ctx, env, slog.New(slog.NewJSONHandler(io.Discard, nil)), false)
	if err != nil {
		return err
	}
	defer s.Close()
	p, err := s.PatientByIdentifier(ctx, *facility, *mrn)
	if err != nil {
		return fmt.Errorf("no patient with MRN %s", *mrn)
	}
	if p.MergedInto != 0 {
		if p, err = s.Patient(ctx, p.MergedInto); err != nil {
			return err
		}
	}
	recs, err := s.Disclosures(ctx, p.ID)
	if err != nil {
		return err
	}
	facilityName := "Chartroom"
	if fs, err := s.Facilities(ctx); err == nil && len(fs) > 0 {
		facilityName = fs[0].Name
	}
	now := time.Now()
	rep := &roi.AccountingReport{Facility: facilityName, PatientName: p.Name.Given + " " + p.Name.Family, MRN: p.MRN(*facility), Generated: now, Years: *years,
		Records: roi.Accounting(recs, now, *years, nil)}
	w := env.Stdout
	if *out != "" {
		f, err := os.OpenFile(*out, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
		if err != nil {
			return err
		}
		defer f.Close()
		w = f
	}
	switch *format {
	case "pdf":
		err = rep.WritePDF(w)
	case "html":
		err = rep.WriteHTML(w)
	case "csv":
		err = rep.WriteCSV(w)
	default:
		return errors.New("--format must be pdf, html or csv")
	}
	if err != nil {
		return err
	}
	return recordCLI(ctx, env, s, sf.data, audit.Entry{Action: audit.Print, ObjectType: "accounting", PatientID: p.ID, ObjectID: strconv.FormatInt(p.ID, 10),
		Detail: fmt.Sprintf("accounting of disclosures, %d years, %d entries, %s", *years, len(rep.Records), *format)})
}
