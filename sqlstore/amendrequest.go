package sqlstore

import (
	"context"
	"database/sql"
	"errors"

	"github.com/chartroom/chartroom"
	"github.com/chartroom/chartroom/roi"
)

var aadAmendRequest = []byte("amendment.request")

// CreateAmendmentRequest logs a patient's request to amend a document,
// due in 60 days.
func (s *Store) CreateAmendmentRequest(ctx context.Context, a *roi.AmendmentRequest) error {
	const op = "amendment.request"
	if f, err := a.Check(); err != nil {
		return chartroom.E(op, chartroom.Invalid(f, "%v", err))
	}
	now := s.clock()
	if a.ReceivedAt.IsZero() {
		a.ReceivedAt = now
	}
	a.Status, a.DueAt = "pending", roi.AmendmentDue(a.ReceivedAt, false)
	return chartroom.E(op, s.Transact(ctx, func(tx *sql.Tx) error {
		d, err := scanDocument(tx.QueryRowContext(ctx, s.q.SelectDocument, a.DocumentID))
		if chartroom.ErrorKind(err) == chartroom.KindNotFound {
			return chartroom.Invalid("document_id", "no such document")
		}
		if err != nil {
			return err
		}
		if d.PatientID != a.PatientID {
			return chartroom.Invalid("document_id", "the document belongs to another patient")
		}
		if a.Version <= 0 {
			a.Version = d.Version
		}
		data, err := s.sealJSON(a, aadAmendRequest)
		if err != nil {
			return err
		}
		if err := tx.QueryRowContext(ctx, s.q.InsertAmendmentRequest, a.PatientID, a.DocumentID, a.Status, s.d.Time(a.DueAt), data, s.d.Time(now)).Scan(&a.ID); err != nil {
			return err
		}
		return s.saveAmendmentRequest(ctx, tx, a)
	}))
}

func (s *Store) saveAmendmentRequest(ctx context.Context, tx *sql.Tx, a *roi.AmendmentRequest) error {
	data, err := s.sealJSON(a, aadAmendRequest)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, s.q.UpdateAmendmentRequest, a.Status, s.d.Time(a.DueAt), data, s.d.Time(s.clock()), a.ID)
	return err
}

// DecideAmendment accepts or denies a pending request in one transaction.
// Accepting adds the amendment as an addendum to the document version the
// request concerns; the original stays as it was. Denying needs one of the
// rule's grounds. extend, instead, takes the one 30-day extension.
func (s *Store) DecideAmendment(ctx context.Context, id int64, decision string, by int64, text, reason string) (*roi.AmendmentRequest, error) {
	const op = "amendment.decide"
	var a roi.AmendmentRequest
	now := s.clock()
	err := s.Transact(ctx, func(tx *sql.Tx) error {
		var data []byte
		err := tx.QueryRowContext(ctx, s.q.SelectAmendmentRequest, id).Scan(&data)
		if errors.Is(err, sql.ErrNoRows) {
			return chartroom.NotFound("amendment request")
		}
		if err != nil {
			return err
		}
		if err := s.openJSON(data, aadAmendRequest, &a); err != nil {
			return err
		}
		if a.Status != "pending" {
			if decision == "disagreement" && a.Status == "denied" {
				a.Disagreement = text
				return s.saveAmendmentRequest(ctx, tx, &a)
			}
			return &chartroom.Error{Kind: chartroom.KindConflict, Message: "this request was already " + a.Status}
		}
		switch decision {
		case "extend":
			if a.Extended {
				return &chartroom.Error{Kind: chartroom.KindConflict, Message: "the one 30-day extension was already taken"}
			}
			if reason == "" {
				return chartroom.Invalid("reason", "an extension needs its written reason")
			}
			a.Extended, a.ExtensionReason, a.DueAt = true, reason, roi.AmendmentDue(a.ReceivedAt, true)
		case "accept":
			if text == "" {
				text = a.Requested
			}
			enc, err := s.vault.Encrypt([]byte(text), aadAmendment)
			if err != nil {
				return err
			}
			if err := tx.QueryRowContext(ctx, s.q.InsertAmendment, a.DocumentID, a.Version, enc, "patient amendment request "+itoa(int(a.ID)), nil, nullInt(by), s.d.Time(now)).Scan(&a.AmendmentID); err != nil {
				return err
			}
			a.Status, a.DecidedBy, a.DecidedAt = "accepted", by, &now
		case "deny":
			if err := roi.CheckDenial(reason); err != nil {
				return chartroom.Invalid("reason", "%v", err)
			}
			a.Status, a.DenialReason, a.DecidedBy, a.DecidedAt = "denied", reason, by, &now
		default:
			return chartroom.Invalid("decision", "want accept, deny, extend or disagreement")
		}
		return s.saveAmendmentRequest(ctx, tx, &a)
	})
	if err != nil {
		return nil, chartroom.E(op, err)
	}
	return &a, nil
}

// AmendmentRequests lists amendment requests with a status ("" for all),
// soonest due first.
func (s *Store) AmendmentRequests(ctx context.Context, status string, limit int) ([]*roi.AmendmentRequest, error) {
	const op = "amendment.list"
	rows, err := s.rdb.QueryContext(ctx, s.q.SelectAmendmentList, status, chartroom.PageLimit(limit))
	if err != nil {
		return nil, chartroom.E(op, err)
	}
	defer rows.Close()
	var out []*roi.AmendmentRequest
	for rows.Next() {
		var data []byte
		if err := rows.Scan(&data); err != nil {
			return nil, chartroom.E(op, err)
		}
		var a roi.AmendmentRequest
		if err := s.openJSON(data, aadAmendRequest, &a); err != nil {
			return nil, chartroom.E(op, err)
		}
		out = append(out, &a)
	}
	return out, chartroom.E(op, rows.Err())
}

// AmendmentRequest returns one amendment request.
func (s *Store) AmendmentRequest(ctx context.Context, id int64) (*roi.AmendmentRequest, error) {
	var data []byte
	err := s.rdb.QueryRowContext(ctx, s.q.SelectAmendmentRequest, id).Scan(&data)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, chartroom.E("amendment.get", chartroom.NotFound("amendment request"))
	}
	if err != nil {
		return nil, chartroom.E("amendment.get", err)
	}
	var a roi.AmendmentRequest
	return &a, chartroom.E("amendment.get", s.openJSON(data, aadAmendRequest, &a))
}
