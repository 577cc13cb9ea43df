package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/chartroom/chartroom"
)

// MergePatients implements chartroom.MergeService.
func (s *Store) MergePatients(ctx context.Context, survivorID, retiredID, by int64, reason string) (*chartroom.Merge, error) {
	const op = "patient.merge"
	if survivorID == retiredID {
		return nil, chartroom.E(op, chartroom.Invalid("retired_id", "a patient cannot be merged into itself"))
	}
	now := s.clock()
	m := &chartroom.Merge{SurvivorID: survivorID, RetiredID: retiredID, Reason: strings.TrimSpace(reason), MergedBy: by, MergedAt: now}
	err := s.Transact(ctx, func(tx *sql.Tx) error {
		// Lock in id order so two merges of the same pair cannot deadlock.
		first, second := survivorID, retiredID
		if second < first {
			first, second = second, first
		}
		into := map[int64]sql.NullInt64{}
		for _, id := range []int64{first, second} {
			var mi sql.NullInt64
			err := tx.QueryRowContext(ctx, s.q.LockPatient, id).Scan(&mi)
			if errors.Is(err, sql.ErrNoRows) {
				return chartroom.Invalid(fieldFor(id, survivorID), "no such patient")
			}
			if err != nil {
				return err
			}
			into[id] = mi
		}
		if into[retiredID].Valid {
			return &chartroom.Error{Kind: chartroom.KindConflict, Field: "retired_id", Message: fmt.Sprintf("this record was already merged into patient %d", into[retiredID].Int64)}
		}
		if into[survivorID].Valid {
			return &chartroom.Error{Kind: chartroom.KindConflict, Field: "survivor_id", Message: fmt.Sprintf("the survivor was itself merged into patient %d; merge into that record", into[survivorID].Int64)}
		}
		items, err := s.patientItems(ctx, tx, retiredID)
		if err != nil {
			return err
		}
		m.Moved = items
		for _, q := range []string{s.q.MoveEncounters, s.q.MoveDocuments, s.q.MoveIdentifiers} {
			if _, err := tx.ExecContext(ctx, q, survivorID, retiredID); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, s.q.MarkMerged, survivorID, s.d.Time(now), retiredID); err != nil {
			return err
		}
		moved, _ := json.Marshal(m.Moved)
		return tx.QueryRowContext(ctx, s.q.InsertMerge, survivorID, retiredID, m.Reason, string(moved), nullInt(by), s.d.Time(now)).Scan(&m.ID)
	})
	if err != nil {
		return nil, chartroom.E(op, err)
	}
	return m, nil
}

func fieldFor(id, survivor int64) string {
	if id == survivor {
		return "survivor_id"
	}
	return "retired_id"
}

func (s *Store) patientItems(ctx context.Context, tx *sql.Tx, patientID int64) (chartroom.MergeMoved, error) {
	mv := chartroom.MergeMoved{Encounters: []int64{}, Documents: []int64{}, Identifiers: []int64{}, RetiredBefore: []bool{}}
	rows, err := tx.QueryContext(ctx, s.q.SelectPatientItems, patientID)
	if err != nil {
		return mv, err
	}
	defer rows.Close()
	for rows.Next() {
		var kind string
		var id int64
		var retired bool
		if err := rows.Scan(&kind, &id, &retired); err != nil {
			return mv, err
		}
		switch kind {
		case "encounter":
			mv.Encounters = append(mv.Encounters, id)
		case "document":
			mv.Documents = append(mv.Documents, id)
		case "identifier":
			mv.Identifiers = append(mv.Identifiers, id)
			mv.RetiredBefore = append(mv.RetiredBefore, retired)
		}
	}
	return mv, rows.Err()
}

// Unmerge implements chartroom.MergeService. Only the items the merge
// moved go back, and only if they are still with the survivor; anything
// added to the survivor since stays there.
func (s *Store) Unmerge(ctx context.Context, id, by int64) (*chartroom.Merge, error) {
	const op = "patient.unmerge"
	now := s.clock()
	var m *chartroom.Merge
	err := s.Transact(ctx, func(tx *sql.Tx) error {
		var err error
		if m, err = scanMerge(tx.QueryRowContext(ctx, s.q.SelectMerge, id)); err != nil {
			return err
		}
		if m.UndoneAt != nil {
			return &chartroom.Error{Kind: chartroom.KindConflict, Message: "this merge was already undone"}
		}
		var into sql.NullInt64
		if err := tx.QueryRowContext(ctx, s.q.LockPatient, m.SurvivorID).Scan(&into); err != nil {
			return err
		}
		if into.Valid {
			return &chartroom.Error{Kind: chartroom.KindConflict, Message: fmt.Sprintf("the survivor was merged into patient %d since; undo that merge first", into.Int64)}
		}
		if err := tx.QueryRowContext(ctx, s.q.LockPatient, m.RetiredID).Scan(&into); err != nil {
			return err
		}
		for _, e := range m.Moved.Encounters {
			if _, err := tx.ExecContext(ctx, s.q.MoveEncounterBack, m.RetiredID, e, m.SurvivorID); err != nil {
				return err
			}
		}
		for _, d := range m.Moved.Documents {
			if _, err := tx.ExecContext(ctx, s.q.MoveDocumentBack, m.RetiredID, d, m.SurvivorID); err != nil {
				return err
			}
		}
		for i, idn := range m.Moved.Identifiers {
			retired := i < len(m.Moved.RetiredBefore) && m.Moved.RetiredBefore[i]
			if _, err := tx.ExecContext(ctx, s.q.MoveIdentifierBack, m.RetiredID, retired, idn, m.SurvivorID); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, s.q.MarkMerged, nil, s.d.Time(now), m.RetiredID); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, s.q.UndoMerge, nullInt(by), s.d.Time(now), id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return &chartroom.Error{Kind: chartroom.KindConflict, Message: "this merge was undone by someone else just now"}
		}
		m.UndoneBy, m.UndoneAt = by, &now
		return nil
	})
	if err != nil {
		return nil, chartroom.E(op, err)
	}
	return m, nil
}

// Merges implements chartroom.MergeService.
func (s *Store) Merges(ctx context.Context, patientID int64) ([]*chartroom.Merge, error) {
	rows, err := s.rdb.QueryContext(ctx, s.q.SelectMerges, patientID)
	if err != nil {
		return nil, chartroom.E("patient.merges", err)
	}
	defer rows.Close()
	var out []*chartroom.Merge
	for rows.Next() {
		m, err := scanMerge(rows)
		if err != nil {
			return nil, chartroom.E("patient.merges", err)
		}
		out = append(out, m)
	}
	return out, chartroom.E("patient.merges", rows.Err())
}

func scanMerge(row scanner) (*chartroom.Merge, error) {
	var m chartroom.Merge
	var moved string
	var by, undoneBy sql.NullInt64
	var at, undone dbTime
	err := row.Scan(&m.ID, &m.SurvivorID, &m.RetiredID, &m.Reason, &moved, &by, &at, &undoneBy, &undone)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, chartroom.NotFound("merge")
	}
	if err != nil {
		return nil, err
	}
	m.MergedBy, m.MergedAt, m.UndoneBy, m.UndoneAt = by.Int64, at.T, undoneBy.Int64, undone.ptr()
	return &m, json.Unmarshal([]byte(moved), &m.Moved)
}
