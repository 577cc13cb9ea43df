package main

import (
	"bufio"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/chartroom/chartroom/audit"
)

func init() {
	register(&command{name: "audit", summary: "verify and export the tamper-evident audit trail", run: runAudit})
}

func runAudit(ctx context.Context, env *Env, args []string) error {
	return dispatch(ctx, env, "audit", map[string]verb{
		"verify": {"walk the hash chain and check its signatures", auditVerify},
		"export": {"export entries as FHIR AuditEvent NDJSON or CSV", auditExport},
	}, args)
}

func auditVerify(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "audit verify", "audit verify [--data DIR] [--db DSN] [--public-key HEX]", `
Walk the audit trail's hash chain from the first entry to the last, check
every signed checkpoint and the signed head, and report. Exits 0 when the
trail is intact; otherwise exits 1 and names the first bad entry and the
kind of damage: edited, deleted, inserted, reordered, truncated, or a bad
signature. The public key defaults to the one in DATA/keys.`)
	var sf storeFlags
	sf.register(fs, env)
	if err := parseFlags(env, fs, args); err != nil {
		return err
	}
	s, err := sf.open(ctx, env, slog.New(slog.NewJSONHandler(io.Discard, nil)), false)
	if err != nil {
		return err
	}
	defer s.Close()
	signer, err := audit.LoadOrCreateKey(filepath.Join(sf.data, "keys", "audit-ed25519.key"), false)
	if err != nil {
		return fmt.Errorf("%w (the audit key is made by the first 'chartroom serve')", err)
	}
	start := time.Now()
	rep, err := audit.Verify(ctx, s, signer.Verifier())
	if err != nil {
		return err
	}
	if rep.Problem != nil {
		fmt.Fprintf(env.Stdout, "DAMAGED: entry %d: %s: %s\n", rep.Problem.Seq, rep.Problem.Damage, rep.Problem.Detail)
		fmt.Fprintf(env.Stdout, "checked %d entries and %d checkpoints in %v\n", rep.Entries, rep.Checkpoints, time.Since(start).Round(time.Millisecond))
		return exitError{1}
	}
	fmt.Fprintf(env.Stdout, "intact: %d entries, %d signed checkpoints, head signed by key %s, in %v\n", rep.Entries, rep.Checkpoints, signer.ID(), time.Since(start).Round(time.Millisecond))
	return nil
}

func auditExport(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "audit export", "audit export [--data DIR] [--db DSN] [--from DATE] [--to DATE] --format fhir-ndjson|csv [--out FILE]", `
Export audit entries as FHIR R4 AuditEvent NDJSON following the IHE Basic
Audit Log Patterns, or as CSV, for a SIEM or an investigation. The export
is itself a disclosure of who accessed what, and is recorded.`)
	var sf storeFlags
	sf.register(fs, env)
	format := fs.String("format", "fhir-ndjson", "fhir-ndjson or csv")
	from := fs.String("from", "", "first date (YYYY-MM-DD), inclusive")
	to := fs.String("to", "", "last date (YYYY-MM-DD), inclusive")
	out := fs.String("out", "", "file to write (default standard output)")
	if err := parseFlags(env, fs, args); err != nil {
		return err
	}
	if *format != "fhir-ndjson" && *format != "csv" {
		return errors.New("--format must be fhir-ndjson or csv")
	}
	var lo, hi time.Time
	var err error
	if *from != "" {
		if lo, err = time.Parse("2006-01-02", *from); err != nil {
			return fmt.Errorf("--from: want YYYY-MM-DD")
		}
	}
	if *to != "" {
		if hi, err = time.Parse("2006-01-02", *to); err != nil {
			return fmt.Errorf("--to: want YYYY-MM-DD")
		}
		hi = hi.AddDate(0, 0, 1)
	}
	s, err := sf.open(ctx, env, slog.New(slog.NewJSONHandler(io.Discard, nil)), false)
	if err != nil {
		return err
	}
	defer s.Close()
	w := env.Stdout
	if *out != "" {
		f, err := os.OpenFile(*out, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
		if err != nil {
			return err
		}
		defer f.Close()
		w = f
	}
	bw := bufio.NewWriter(w)
	n := 0
	each := func(fn func(e *audit.Entry) error) error {
		return s.ScanAudit(ctx, func(e *audit.Entry) error {
			if (!lo.IsZero() && e.At.Before(lo)) || (!hi.IsZero() && !e.At.Before(hi)) {
				return nil
			}
			n++
			return fn(e)
		})
	}
	if *format == "csv" {
		cw := csv.NewWriter(bw)
		cw.Write([]string{"seq", "at", "user_id", "username", "role", "action", "object_type", "object_id", "patient_id", "ip", "purpose", "reason", "outcome", "detail"})
		err = each(func(e *audit.Entry) error {
			return cw.Write([]string{strconv.FormatInt(e.Seq, 10), e.At.Format(time.RFC3339), strconv.FormatInt(e.UserID, 10), e.Username, e.Role, string(e.Action),
				e.ObjectType, e.ObjectID, strconv.FormatInt(e.PatientID, 10), e.IP, e.Purpose, e.Reason, string(e.Outcome), e.Detail})
		})
		cw.Flush()
	} else {
		err = audit.WriteNDJSON(bw, "chartroom", each)
	}
	if err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	// The export is recorded on the trail it exports.
	signer, kerr := audit.LoadOrCreateKey(filepath.Join(sf.data, "keys", "audit-ed25519.key"), false)
	if kerr == nil {
		user := env.Getenv("USER")
		if _, err := s.AppendAudit(ctx, []*audit.Entry{{Username: "cli:" + user, Action: audit.Export, ObjectType: "audit", Outcome: audit.Success,
			Detail: fmt.Sprintf("format=%s entries=%d", *format, n)}}, signer); err != nil {
			return err
		}
	}
	fmt.Fprintf(env.Stderr, "exported %d entries\n", n)
	return nil
}

// recordCLI appends an entry for something an operator did from the
// command line (user and permission changes, exports), signed with the
// trail's key when the data folder has one.
func recordCLI(ctx context.Context, env *Env, s interface {
	AppendAudit(ctx context.Context, entries []*audit.Entry, signer *audit.Signer) (int64, error)
}, data string, e audit.Entry) error {
	signer, err := audit.LoadOrCreateKey(filepath.Join(data, "keys", "audit-ed25519.key"), true)
	if err != nil {
		return err
	}
	if e.Username == "" {
		e.Username = "cli:" + env.Getenv("USER")
	}
	if e.Outcome == "" {
		e.Outcome = audit.Success
	}
	_, err = s.AppendAudit(ctx, []*audit.Entry{&e}, signer)
	return err
}
