package sqlstore

import (
	"context"
	"database/sql"
	"errors"

	"github.com/chartroom/chartroom"
)

// SaveCandidates adds new worklist pairs and refreshes the scores of open
// ones, in one transaction. Decided pairs keep their decision.
func (s *Store) SaveCandidates(ctx context.Context, cs []*chartroom.MatchCandidate) (int, error) {
	const op = "match.save"
	added := 0
	now := s.clock()
	err := s.Transact(ctx, func(tx *sql.Tx) error {
		for _, c := range cs {
			if c.Kind == "" {
				c.Kind = chartroom.CandidateDuplicate
			}
			if c.Kind == chartroom.CandidateDuplicate && c.LeftID > c.RightID {
				c.LeftID, c.RightID = c.RightID, c.LeftID
			}
			if c.Kind == chartroom.CandidateDuplicate && c.LeftID == c.RightID {
				return chartroom.Invalid("right_id", "a record cannot be a duplicate of itself")
			}
			var status string
			err := tx.QueryRowContext(ctx, s.q.SelectCandidateByPair, c.Kind, c.LeftID, c.RightID).Scan(&c.ID, &status)
			switch {
			case errors.Is(err, sql.ErrNoRows):
				c.Status, c.FoundAt = chartroom.CandidateOpen, now
				if err := tx.QueryRowContext(ctx, s.q.InsertCandidate, c.Kind, c.LeftID, c.RightID, c.Probability, c.Weight, c.Decision,
					c.Explanation, c.Status, s.d.Time(now)).Scan(&c.ID); err != nil {
					return err
				}
				added++
			case err != nil:
				return err
			default:
				c.Status = status
				if status == chartroom.CandidateOpen {
					if _, err := tx.ExecContext(ctx, s.q.UpdateCandidateScore, c.Probability, c.Weight, c.Decision, c.Explanation, c.ID); err != nil {
						return err
					}
				}
			}
		}
		return nil
	})
	return added, chartroom.E(op, err)
}

func scanCandidate(sc scanner) (*chartroom.MatchCandidate, error) {
	var c chartroom.MatchCandidate
	var assigned, decidedBy sql.NullInt64
	var decidedAt, found dbTime
	if err := sc.Scan(&c.ID, &c.Kind, &c.LeftID, &c.RightID, &c.Probability, &c.Weight, &c.Decision, &c.Explanation, &c.Status,
		&assigned, &decidedBy, &decidedAt, &c.Note, &found); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return nil, chartroom.NotFound("match candidate")
		}
		return nil, err
	}
	c.AssignedTo, c.DecidedBy, c.DecidedAt, c.FoundAt = assigned.Int64, decidedBy.Int64, decidedAt.ptr(), found.T
	return &c, nil
}

// Candidate returns one worklist entry.
func (s *Store) Candidate(ctx context.Context, id int64) (*chartroom.MatchCandidate, error) {
	c, err := scanCandidate(s.rdb.QueryRowContext(ctx, s.q.SelectCandidate, id))
	return c, chartroom.E("match.get", err)
}

// Candidates lists worklist entries, likeliest first.
func (s *Store) Candidates(ctx context.Context, f chartroom.MatchFilter) ([]*chartroom.MatchCandidate, error) {
	const op = "match.list"
	if f.Limit <= 0 {
		f.Limit = 100
	}
	f.Limit = min(f.Limit, 1000)
	rows, err := s.rdb.QueryContext(ctx, s.q.SelectCandidates, f.Status, f.Kind, f.AssignedTo, f.PatientID, f.Limit)
	if err != nil {
		return nil, chartroom.E(op, err)
	}
	defer rows.Close()
	var out []*chartroom.MatchCandidate
	for rows.Next() {
		c, err := scanCandidate(rows)
		if err != nil {
			return nil, chartroom.E(op, err)
		}
		out = append(out, c)
	}
	return out, chartroom.E(op, rows.Err())
}

// AssignCandidate gives a worklist entry to a person (0 unassigns).
func (s *Store) AssignCandidate(ctx context.Context, id, userID int64) error {
	res, err := s.db.ExecContext(ctx, s.q.UpdateCandidateAssign, nullInt(userID), id)
	if err != nil {
		return chartroom.E("match.assign", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return chartroom.E("match.assign", chartroom.NotFound("match candidate"))
	}
	return nil
}

// DecideCandidate closes an open worklist entry.
func (s *Store) DecideCandidate(ctx context.Context, id int64, status string, by int64, note string) error {
	const op = "match.decide"
	switch status {
	case chartroom.CandidateMerged, chartroom.CandidateNotDuplicate, chartroom.CandidateResolved:
	default:
		return chartroom.E(op, chartroom.Invalid("status", "a decision is merged, not-duplicate or resolved"))
	}
	if len(note) > 2000 {
		return chartroom.E(op, chartroom.Invalid("note", "longer than 2000 characters"))
	}
	now := s.clock()
	res, err := s.db.ExecContext(ctx, s.q.UpdateCandidateDecided, status, nullInt(by), s.d.Time(now), note, id)
	if err != nil {
		return chartroom.E(op, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		if _, err := s.Candidate(ctx, id); err != nil {
			return chartroom.E(op, err)
		}
		return chartroom.E(op, chartroom.Errorf(chartroom.KindConflict, "status", "the entry was already decided"))
	}
	return nil
}
