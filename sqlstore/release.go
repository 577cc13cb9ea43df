package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"time"

	"github.com/chartroom/chartroom"
	"github.com/chartroom/chartroom/roi"
)

var (
	aadRequest    = []byte("release.request")
	aadDisclosure = []byte("release.disclosure")
)

func (s *Store) sealJSON(v any, aad []byte) ([]byte, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	return s.vault.Encrypt(b, aad)
}

func (s *Store) openJSON(data, aad []byte, v any) error {
	b, err := s.vault.Decrypt(data, aad)
	if err != nil {
		return err
	}
	return json.Unmarshal(b, v)
}

// CreateRequest logs a release-of-information request: checked at intake,
// due by the rule for its basis.
func (s *Store) CreateRequest(ctx context.Context, r *roi.Request, otherDays int) error {
	const op = "release.create"
	if f, err := r.Check(); err != nil {
		return chartroom.E(op, chartroom.Invalid(f, "%v", err))
	}
	now := s.clock()
	if r.ReceivedAt.IsZero() {
		r.ReceivedAt = now
	}
	r.Status, r.UpdatedAt = roi.Logged, now
	r.DueAt = roi.DueDate(r.Basis, r.ReceivedAt, false, otherDays)
	return chartroom.E(op, s.Transact(ctx, func(tx *sql.Tx) error {
		if _, err := s.patientTx(ctx, tx, r.PatientID); err != nil {
			if chartroom.ErrorKind(err) == chartroom.KindNotFound {
				return chartroom.Invalid("patient_id", "no such patient")
			}
			return err
		}
		data, err := s.sealJSON(r, aadRequest)
		if err != nil {
			return err
		}
		if err := tx.QueryRowContext(ctx, s.q.InsertRequest, r.PatientID, string(r.Status), string(r.Basis), s.d.Time(r.ReceivedAt), s.d.Time(r.DueAt), data, s.d.Time(now)).Scan(&r.ID); err != nil {
			return err
		}
		// The id is part of the sealed record too.
		data, err = s.sealJSON(r, aadRequest)
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, s.q.UpdateRequest, string(r.Status), string(r.Basis), s.d.Time(r.DueAt), data, s.d.Time(now), r.ID)
		return err
	}))
}

// Request reads a request.
func (s *Store) Request(ctx context.Context, id int64) (*roi.Request, error) {
	var data []byte
	err := s.rdb.QueryRowContext(ctx, s.q.SelectRequest, id).Scan(&id, &data)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, chartroom.E("release.read", chartroom.NotFound("request"))
	}
	if err != nil {
		return nil, chartroom.E("release.read", err)
	}
	var r roi.Request
	return &r, chartroom.E("release.read", s.openJSON(data, aadRequest, &r))
}

// MoveRequest changes a request's status by the workflow's rules, in one
// transaction; edit may change the request first (record the authorization,
// the extension, the pages). Releasing records the disclosure with it.
func (s *Store) MoveRequest(ctx context.Context, id int64, to roi.Status, by int64, reason string, edit func(r *roi.Request)) (*roi.Request, error) {
	const op = "release.move"
	now := s.clock()
	var r roi.Request
	err := s.Transact(ctx, func(tx *sql.Tx) error {
		if err := s.lockRequest(ctx, tx, id, &r); err != nil {
			return err
		}
		if edit != nil {
			edit(&r)
		}
		step := roi.Step{From: r.Status, To: to, By: by, ProcessedBy: r.ProcessedBy, Reason: reason, Basis: r.Basis, Assurance: r.Assurance}
		if r.Authorization != nil {
			step.Defects = roi.CheckAuthorization(*r.Authorization, now)
		} else if roi.Requirements(r.Basis).Authorization {
			step.Defects = []roi.Defect{{Element: "authorization (164.508)", Problem: "none is on file"}}
		}
		if err := roi.CheckStep(step); err != nil {
			return &chartroom.Error{Kind: chartroom.KindConflict, Field: "status", Message: err.Error()}
		}
		if r.Extended {
			r.DueAt = roi.DueDate(r.Basis, r.ReceivedAt, true, 0)
		}
		r.Status, r.StatusReason, r.UpdatedAt = to, reason, now
		switch to {
		case roi.QualityCheck:
			r.ProcessedBy = by
		case roi.Released:
			r.ReleasedBy, r.ReleasedAt = by, &now
			rec := roi.Record{PatientID: r.PatientID, RequestID: r.ID, At: now, Basis: r.Basis, Recipient: r.RequesterName, Address: r.RequesterAddress,
				Purpose: r.Purpose, Description: describe(&r), ToPatient: r.Requester == roi.Patient || r.Requester == roi.PersonalRepresentative, RecordedBy: by}
			if err := s.insertDisclosure(ctx, tx, &rec); err != nil {
				return err
			}
		}
		return s.saveRequest(ctx, tx, &r, now)
	})
	if err != nil {
		return nil, chartroom.E(op, err)
	}
	return &r, nil
}

func describe(r *roi.Request) string {
	d := "records"
	if len(r.DocumentTypes) > 0 {
		d = ""
		for i, t := range r.DocumentTypes {
			if i > 0 {
				d += ", "
			}
			d += chartroom.DocumentType(t).Title()
		}
	}
	if r.From != "" || r.To != "" {
		d += " for " + r.From + " to " + r.To
	}
	if r.Pages > 0 {
		d += " (" + itoa(r.Pages) + " pages)"
	}
	return d
}

// DueRequests lists open requests due before a time, soonest first, for
// reminders and escalation.
func (s *Store) DueRequests(ctx context.Context, before time.Time, limit int) ([]*roi.Request, error) {
	rows, err := s.rdb.QueryContext(ctx, s.q.SelectOpenRequests, s.d.Time(before.UTC()), chartroom.PageLimit(limit))
	if err != nil {
		return nil, chartroom.E("release.due", err)
	}
	return s.scanRequests(rows)
}

// RequestsReceived lists the requests received in [from, to), for the
// turnaround report.
func (s *Store) RequestsReceived(ctx context.Context, from, to time.Time) ([]*roi.Request, error) {
	rows, err := s.rdb.QueryContext(ctx, s.q.SelectRequestsReceived, s.d.Time(from.UTC()), s.d.Time(to.UTC()))
	if err != nil {
		return nil, chartroom.E("release.received", err)
	}
	return s.scanRequests(rows)
}

func (s *Store) scanRequests(rows *sql.Rows) ([]*roi.Request, error) {
	defer rows.Close()
	var out []*roi.Request
	for rows.Next() {
		var id int64
		var data []byte
		if err := rows.Scan(&id, &data); err != nil {
			return nil, err
		}
		var r roi.Request
		if err := s.openJSON(data, aadRequest, &r); err != nil {
			return nil, chartroom.E("release.due", err)
		}
		out = append(out, &r)
	}
	return out, rows.Err()
}

// RecordDisclosure logs a disclosure made outside a request (a
// public-health report, say), or a correction of an earlier record.
func (s *Store) RecordDisclosure(ctx context.Context, rec *roi.Record) error {
	if rec.Recipient == "" || rec.Purpose == "" || rec.Description == "" {
		return chartroom.E("disclosure.record", chartroom.Invalid("recipient", "a disclosure needs its recipient, purpose and what was disclosed"))
	}
	if rec.At.IsZero() {
		rec.At = s.clock()
	}
	return chartroom.E("disclosure.record", s.Transact(ctx, func(tx *sql.Tx) error { return s.insertDisclosure(ctx, tx, rec) }))
}

func (s *Store) insertDisclosure(ctx context.Context, tx *sql.Tx, rec *roi.Record) error {
	data, err := s.sealJSON(rec, aadDisclosure)
	if err != nil {
		return err
	}
	if err := tx.QueryRowContext(ctx, s.q.InsertDisclosure, rec.PatientID, nullInt(rec.RequestID), s.d.Time(rec.At.UTC()), string(rec.Basis), nullInt(rec.Corrects),
		data, nullInt(rec.RecordedBy), s.d.Time(s.clock())).Scan(&rec.ID); err != nil {
		return err
	}
	return nil
}

// Disclosures returns every disclosure record of a patient, in time order.
func (s *Store) Disclosures(ctx context.Context, patientID int64) ([]roi.Record, error) {
	rows, err := s.rdb.QueryContext(ctx, s.q.SelectDisclosures, patientID)
	if err != nil {
		return nil, chartroom.E("disclosure.list", err)
	}
	defer rows.Close()
	var out []roi.Record
	for rows.Next() {
		var id int64
		var data []byte
		if err := rows.Scan(&id, &data); err != nil {
			return nil, err
		}
		var r roi.Record
		if err := s.openJSON(data, aadDisclosure, &r); err != nil {
			return nil, chartroom.E("disclosure.list", err)
		}
		r.ID = id
		out = append(out, r)
	}
	return out, rows.Err()
}

// EditRequest changes an open request without moving it (the reviewer's
// redactions, the fee), in one transaction. A released, denied or
// cancelled request is closed to edits.
func (s *Store) EditRequest(ctx context.Context, id int64, edit func(r *roi.Request) error) (*roi.Request, error) {
	const op = "release.edit"
	now := s.clock()
	var r roi.Request
	err := s.Transact(ctx, func(tx *sql.Tx) error {
		if err := s.lockRequest(ctx, tx, id, &r); err != nil {
			return err
		}
		switch r.Status {
		case roi.Released, roi.Denied, roi.Cancelled:
			return &chartroom.Error{Kind: chartroom.KindConflict, Field: "status", Message: "the request is " + string(r.Status) + " and can no longer change"}
		}
		if err := edit(&r); err != nil {
			return err
		}
		r.UpdatedAt = now
		return s.saveRequest(ctx, tx, &r, now)
	})
	if err != nil {
		return nil, chartroom.E(op, err)
	}
	return &r, nil
}

// lockRequest reads a request inside tx (locking its row on PostgreSQL).
func (s *Store) lockRequest(ctx context.Context, tx *sql.Tx, id int64, r *roi.Request) error {
	var data []byte
	err := tx.QueryRowContext(ctx, s.q.SelectRequest, id).Scan(&id, &data)
	if errors.Is(err, sql.ErrNoRows) {
		return chartroom.NotFound("request")
	}
	if err != nil {
		return err
	}
	return s.openJSON(data, aadRequest, r)
}

// saveRequest seals and writes a request inside tx.
func (s *Store) saveRequest(ctx context.Context, tx *sql.Tx, r *roi.Request, now time.Time) error {
	sealed, err := s.sealJSON(r, aadRequest)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, s.q.UpdateRequest, string(r.Status), string(r.Basis), s.d.Time(r.DueAt), sealed, s.d.Time(now), r.ID)
	return err
}
