package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"time"

	"github.com/chartroom/chartroom"
	"github.com/chartroom/chartroom/coding"
)

var (
	aadAbstract       = []byte("coding.abstract")
	aadAbstractChange = []byte("coding.change")
)

// AbstractChange is one save of an abstract: who, when, and what changed.
type AbstractChange struct {
	At      time.Time       `json:"at"`
	UserID  int64           `json:"user_id,omitempty"`
	Changes []coding.Change `json:"changes"`
}

// Abstract returns an encounter's coding abstract, or NotFound before
// coding has started.
func (s *Store) Abstract(ctx context.Context, encounterID int64) (*coding.Abstract, error) {
	a, err := s.loadAbstract(ctx, s.rdb, encounterID)
	return a, chartroom.E("abstract.get", err)
}

type queryRower interface {
	QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row
}

func (s *Store) loadAbstract(ctx context.Context, db queryRower, encounterID int64) (*coding.Abstract, error) {
	var a coding.Abstract
	var status, hold string
	var assigned, by sql.NullInt64
	var data []byte
	var version int64
	var at, fin dbTime
	err := db.QueryRowContext(ctx, s.q.SelectAbstract, encounterID).Scan(&status, &assigned, &hold, &data, &version, &by, &at, &fin)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, chartroom.NotFound("abstract")
	}
	if err != nil {
		return nil, err
	}
	if err := s.openJSON(data, aadAbstract, &a); err != nil {
		return nil, err
	}
	a.EncounterID, a.Status, a.AssignedTo, a.Hold, a.Version = encounterID, coding.Status(status), assigned.Int64, hold, version
	a.UpdatedBy, a.UpdatedAt, a.FinalisedAt = by.Int64, at.T, fin.ptr()
	return &a, nil
}

// SaveAbstract stores a coder's work in one transaction: optimistic (the
// version must be the one read; 0 for a new abstract), never over a final
// abstract (rebill it first), and every change recorded with who made it.
func (s *Store) SaveAbstract(ctx context.Context, a *coding.Abstract, by int64) error {
	return chartroom.E("abstract.save", s.changeAbstract(ctx, a.EncounterID, by, func(old *coding.Abstract) (*coding.Abstract, error) {
		if old != nil && old.Status == coding.Final {
			return nil, &chartroom.Error{Kind: chartroom.KindConflict, Field: "status", Message: "the abstract is final: rebill it, with a reason, to change it"}
		}
		if (old == nil && a.Version != 0) || (old != nil && old.Version != a.Version) {
			return nil, &chartroom.Error{Kind: chartroom.KindConflict, Field: "version", Message: "someone else changed this abstract; reload it"}
		}
		if len(a.Diagnoses) > coding.MaxDiagnoses {
			return nil, chartroom.Invalid("diagnoses", "at most %d diagnoses", coding.MaxDiagnoses)
		}
		n := *a
		n.Status = coding.InProgress
		if old != nil {
			n.AssignedTo, n.Hold, n.FinalisedAt = old.AssignedTo, old.Hold, old.FinalisedAt
			if old.Status == coding.Rebill {
				n.Status = coding.Rebill
			}
		}
		return &n, nil
	}))
}

// FinaliseAbstract makes the abstract final when check finds no hard edit
// and every soft edit has a reason; otherwise it is refused with the list.
func (s *Store) FinaliseAbstract(ctx context.Context, encounterID, by int64, check func(a *coding.Abstract) []coding.Edit) (*coding.Abstract, error) {
	var out *coding.Abstract
	err := s.changeAbstract(ctx, encounterID, by, func(old *coding.Abstract) (*coding.Abstract, error) {
		if old == nil {
			return nil, chartroom.NotFound("abstract")
		}
		if old.Status == coding.Final {
			return nil, &chartroom.Error{Kind: chartroom.KindConflict, Field: "status", Message: "the abstract is already final"}
		}
		if err := coding.CanFinalise(check(old)); err != nil {
			return nil, &chartroom.Error{Kind: chartroom.KindConflict, Field: "edits", Message: err.Error()}
		}
		n := *old
		now := s.clock()
		n.Status, n.FinalisedAt, n.Hold = coding.Final, &now, ""
		out = &n
		return &n, nil
	})
	return out, chartroom.E("abstract.finalise", err)
}

// RebillAbstract reopens a final abstract for correction, with a reason.
func (s *Store) RebillAbstract(ctx context.Context, encounterID, by int64, reason string) error {
	if len(reason) < 5 {
		return chartroom.E("abstract.rebill", chartroom.Invalid("reason", "say why the claim is rebilled"))
	}
	return chartroom.E("abstract.rebill", s.changeAbstract(ctx, encounterID, by, func(old *coding.Abstract) (*coding.Abstract, error) {
		if old == nil || old.Status != coding.Final {
			return nil, &chartroom.Error{Kind: chartroom.KindConflict, Field: "status", Message: "only a final abstract is rebilled"}
		}
		n := *old
		n.Status, n.RebillReason = coding.Rebill, reason
		return &n, nil
	}))
}

// AssignAbstract gives the encounter to a coder (0 unassigns) and sets or
// clears its hold; coding need not have started.
func (s *Store) AssignAbstract(ctx context.Context, encounterID, coder int64, hold string) error {
	return chartroom.E("abstract.assign", s.changeAbstract(ctx, encounterID, 0, func(old *coding.Abstract) (*coding.Abstract, error) {
		n := coding.Abstract{EncounterID: encounterID, Status: coding.InProgress}
		if old != nil {
			n = *old
		}
		n.AssignedTo, n.Hold = coder, hold
		return &n, nil
	}))
}

// changeAbstract runs edit over the current abstract (nil when none) in one
// transaction and stores the result with the changes it made.
func (s *Store) changeAbstract(ctx context.Context, encounterID, by int64, edit func(old *coding.Abstract) (*coding.Abstract, error)) error {
	return s.Transact(ctx, func(tx *sql.Tx) error {
		if _, err := s.scanEncounter(tx.QueryRowContext(ctx, s.q.SelectEncounter, encounterID)); err != nil {
			return err
		}
		old, err := s.loadAbstract(ctx, tx, encounterID)
		if err != nil && chartroom.ErrorKind(err) != chartroom.KindNotFound {
			return err
		}
		n, err := edit(old)
		if err != nil {
			return err
		}
		now := s.clock()
		n.EncounterID, n.UpdatedBy, n.UpdatedAt = encounterID, by, now
		prev := old
		if prev == nil {
			prev = &coding.Abstract{}
		}
		changes := coding.Diff(prev, n)
		if prev.AssignedTo != n.AssignedTo {
			changes = append(changes, coding.Change{What: "assigned to", From: itoa(int(prev.AssignedTo)), To: itoa(int(n.AssignedTo))})
		}
		if prev.Hold != n.Hold {
			changes = append(changes, coding.Change{What: "hold", From: prev.Hold, To: n.Hold})
		}
		data, err := s.sealJSON(n, aadAbstract)
		if err != nil {
			return err
		}
		if old == nil {
			n.Version = 1
			_, err = tx.ExecContext(ctx, s.q.InsertAbstract, encounterID, string(n.Status), nullInt(n.AssignedTo), n.Hold, data, n.Version, nullInt(by), s.d.Time(now), s.nullTime(n.FinalisedAt))
		} else {
			n.Version = old.Version + 1
			_, err = tx.ExecContext(ctx, s.q.UpdateAbstract, string(n.Status), nullInt(n.AssignedTo), n.Hold, data, n.Version, nullInt(by), s.d.Time(now), s.nullTime(n.FinalisedAt), encounterID)
		}
		if err != nil || len(changes) == 0 {
			return err
		}
		sealed, err := s.sealJSON(changes, aadAbstractChange)
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, s.q.InsertAbstractChange, encounterID, s.d.Time(now), nullInt(by), sealed)
		return err
	})
}

// AbstractChanges lists every change to an encounter's abstract, oldest
// first: who changed which code, when, from what to what.
func (s *Store) AbstractChanges(ctx context.Context, encounterID int64) ([]AbstractChange, error) {
	const op = "abstract.changes"
	rows, err := s.rdb.QueryContext(ctx, s.q.SelectAbstractChange, encounterID)
	if err != nil {
		return nil, chartroom.E(op, err)
	}
	defer rows.Close()
	var out []AbstractChange
	for rows.Next() {
		var c AbstractChange
		var at dbTime
		var by sql.NullInt64
		var data []byte
		if err := rows.Scan(&at, &by, &data); err != nil {
			return nil, chartroom.E(op, err)
		}
		if err := s.openJSON(data, aadAbstractChange, &c.Changes); err != nil {
			return nil, chartroom.E(op, err)
		}
		c.At, c.UserID = at.T, by.Int64
		out = append(out, c)
	}
	return out, chartroom.E(op, rows.Err())
}

// CodingWorklist lists discharged encounters that are not final-billed,
// oldest discharge first.
func (s *Store) CodingWorklist(ctx context.Context, f coding.WorkFilter) ([]coding.WorkItem, error) {
	const op = "coding.worklist"
	if f.Now.IsZero() {
		f.Now = s.clock()
	}
	before := f.Now.Add(-time.Duration(f.MinAge) * 24 * time.Hour)
	rows, err := s.rdb.QueryContext(ctx, s.q.SelectWorklist, f.Class, f.Service, f.Payer, f.AssignedTo, f.Facility, s.d.Time(before), chartroom.PageLimit(f.Limit))
	if err != nil {
		return nil, chartroom.E(op, err)
	}
	defer rows.Close()
	var out []coding.WorkItem
	for rows.Next() {
		var w coding.WorkItem
		var dis, fin dbTime
		var status string
		var assigned sql.NullInt64
		if err := rows.Scan(&w.EncounterID, &w.PatientID, &w.Facility, &w.Class, &w.Service, &w.Payer, &dis, &status, &assigned, &w.Hold, &fin); err != nil {
			return nil, chartroom.E(op, err)
		}
		w.DischargeAt, w.Status, w.AssignedTo, w.FinalisedAt = dis.T, coding.Status(status), assigned.Int64, fin.ptr()
		out = append(out, w)
	}
	return out, chartroom.E(op, rows.Err())
}

var aadCodingAudit = []byte("coding.audit")

// CodingAudit is one encounter's second-level review.
type CodingAudit struct {
	EncounterID int64               `json:"encounter_id"`
	Status      string              `json:"status"` // pending, done
	Mode        string              `json:"mode"`   // blind or review
	CoderID     int64               `json:"coder_id,omitempty"`
	AuditorID   int64               `json:"auditor_id,omitempty"`
	Review      *coding.Abstract    `json:"review,omitempty"`
	Result      *coding.AuditResult `json:"result,omitempty"`
	CreatedAt   time.Time           `json:"created_at"`
	DoneAt      *time.Time          `json:"done_at,omitempty"`
}

type auditData struct {
	Review *coding.Abstract    `json:"review"`
	Result *coding.AuditResult `json:"result"`
}

// QueueCodingAudit puts a finalised encounter on the review queue (once).
func (s *Store) QueueCodingAudit(ctx context.Context, encounterID, coderID int64, mode string) error {
	if mode != "blind" && mode != "review" {
		return chartroom.E("audit.queue", chartroom.Invalid("mode", "blind or review"))
	}
	_, err := s.db.ExecContext(ctx, s.q.InsertCodingAudit, encounterID, "pending", mode, nullInt(coderID), s.d.Time(s.clock()))
	return chartroom.E("audit.queue", err)
}

func (s *Store) scanCodingAudit(sc scanner, id int64, withID bool) (*CodingAudit, error) {
	var a CodingAudit
	var coder, auditor sql.NullInt64
	var data []byte
	var created, done dbTime
	dest := []any{&a.Status, &a.Mode, &coder, &auditor, &data, &created, &done}
	if withID {
		dest = append([]any{&a.EncounterID}, dest...)
	}
	if err := sc.Scan(dest...); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return nil, chartroom.NotFound("coding audit")
		}
		return nil, err
	}
	if !withID {
		a.EncounterID = id
	}
	a.CoderID, a.AuditorID, a.CreatedAt, a.DoneAt = coder.Int64, auditor.Int64, created.T, done.ptr()
	if len(data) > 0 {
		var d auditData
		if err := s.openJSON(data, aadCodingAudit, &d); err != nil {
			return nil, err
		}
		a.Review, a.Result = d.Review, d.Result
	}
	return &a, nil
}

// CodingAudit returns an encounter's review.
func (s *Store) CodingAudit(ctx context.Context, encounterID int64) (*CodingAudit, error) {
	a, err := s.scanCodingAudit(s.rdb.QueryRowContext(ctx, s.q.SelectCodingAudit, encounterID), encounterID, false)
	return a, chartroom.E("audit.get", err)
}

// CodingAudits lists reviews with a status (pending or done), oldest first.
func (s *Store) CodingAudits(ctx context.Context, status string) ([]*CodingAudit, error) {
	rows, err := s.rdb.QueryContext(ctx, s.q.SelectCodingAudits, status)
	if err != nil {
		return nil, chartroom.E("audit.list", err)
	}
	defer rows.Close()
	var out []*CodingAudit
	for rows.Next() {
		a, err := s.scanCodingAudit(rows, 0, true)
		if err != nil {
			return nil, chartroom.E("audit.list", err)
		}
		out = append(out, a)
	}
	return out, chartroom.E("audit.list", rows.Err())
}

// RecordCodingAudit stores the reviewer's coding of a queued encounter and
// its comparison with the coder's final abstract. The reviewer may not be
// the coder.
func (s *Store) RecordCodingAudit(ctx context.Context, encounterID, auditorID int64, review *coding.Abstract, reasons map[string]string) (*CodingAudit, error) {
	const op = "audit.record"
	a, err := s.CodingAudit(ctx, encounterID)
	if err != nil {
		return nil, chartroom.E(op, err)
	}
	if a.Status != "pending" {
		return nil, chartroom.E(op, &chartroom.Error{Kind: chartroom.KindConflict, Message: "this encounter was already reviewed"})
	}
	if a.CoderID == auditorID {
		return nil, chartroom.E(op, &chartroom.Error{Kind: chartroom.KindConflict, Message: "a coder cannot review their own coding"})
	}
	final, err := s.Abstract(ctx, encounterID)
	if err != nil {
		return nil, chartroom.E(op, err)
	}
	review.Setting = final.Setting
	res := coding.Compare(final, review, reasons)
	data, err := s.sealJSON(auditData{review, &res}, aadCodingAudit)
	if err != nil {
		return nil, chartroom.E(op, err)
	}
	now := s.clock()
	if _, err := s.db.ExecContext(ctx, s.q.UpdateCodingAudit, "done", nullInt(auditorID), data, s.d.Time(now), encounterID); err != nil {
		return nil, chartroom.E(op, err)
	}
	a.Status, a.AuditorID, a.Review, a.Result, a.DoneAt = "done", auditorID, review, &res, &now
	return a, nil
}

// CodingProductivity gathers coders' activity and finalised charts in
// [from, to) for the productivity report.
func (s *Store) CodingProductivity(ctx context.Context, from, to time.Time) ([]coding.Activity, []coding.Finalised, error) {
	const op = "coding.productivity"
	rows, err := s.rdb.QueryContext(ctx, s.q.SelectCodingActivity, s.d.Time(from.UTC()), s.d.Time(to.UTC()))
	if err != nil {
		return nil, nil, chartroom.E(op, err)
	}
	var acts []coding.Activity
	for rows.Next() {
		var a coding.Activity
		var at dbTime
		if err := rows.Scan(&a.UserID, &at); err != nil {
			rows.Close()
			return nil, nil, chartroom.E(op, err)
		}
		a.At = at.T
		acts = append(acts, a)
	}
	rows.Close()
	rows, err = s.rdb.QueryContext(ctx, s.q.SelectFinalised, s.d.Time(from.UTC()), s.d.Time(to.UTC()))
	if err != nil {
		return nil, nil, chartroom.E(op, err)
	}
	defer rows.Close()
	var finals []coding.Finalised
	for rows.Next() {
		var f coding.Finalised
		var at dbTime
		if err := rows.Scan(&f.UserID, &f.Class, &at); err != nil {
			return nil, nil, chartroom.E(op, err)
		}
		f.At = at.T
		finals = append(finals, f)
	}
	return acts, finals, chartroom.E(op, rows.Err())
}

// RecordSuggestionDecision keeps a coder's decision on a suggested code for
// an encounter; a later decision on the same code replaces it. The
// encounter is stored as a keyed hash, so the table names no patient's
// diagnoses.
func (s *Store) RecordSuggestionDecision(ctx context.Context, encounterID, userID int64, d coding.SuggestionDecision) error {
	const op = "coding.suggestion"
	if d.Decision != coding.Accepted && d.Decision != coding.Rejected {
		return chartroom.E(op, chartroom.Invalid("decision", "want %q or %q", coding.Accepted, coding.Rejected))
	}
	if d.Code == "" || len(d.Code) > 8 || len(d.Rule) > 40 {
		return chartroom.E(op, chartroom.Invalid("code", "want a code of at most 8 characters and a rule of at most 40"))
	}
	if _, err := s.Encounter(ctx, encounterID); err != nil {
		return chartroom.E(op, err)
	}
	key := s.vault.BlindIndex("cac.encounter", strconv.FormatInt(encounterID, 10))
	_, err := s.db.ExecContext(ctx, s.q.UpsertSuggestionDecision, key, d.Code, d.Rule, d.Decision, nullInt(userID), s.d.Time(s.clock()))
	return chartroom.E(op, err)
}

// SuggestionDecisions lists the decisions made in [from, to).
func (s *Store) SuggestionDecisions(ctx context.Context, from, to time.Time) ([]coding.SuggestionDecision, error) {
	const op = "coding.suggestions"
	rows, err := s.rdb.QueryContext(ctx, s.q.SelectSuggestionDecisions, s.d.Time(from.UTC()), s.d.Time(to.UTC()))
	if err != nil {
		return nil, chartroom.E(op, err)
	}
	defer rows.Close()
	var out []coding.SuggestionDecision
	for rows.Next() {
		var d coding.SuggestionDecision
		if err := rows.Scan(&d.Code, &d.Rule, &d.Decision); err != nil {
			return nil, chartroom.E(op, err)
		}
		out = append(out, d)
	}
	return out, chartroom.E(op, rows.Err())
}
