package chartroom

import (
	"context"
	"time"
)

// MatchCandidate is an entry of the duplicate worklist: two patient records
// the matcher thinks may be one person (Kind "duplicate"), or one record
// that seems to carry two people's data (Kind "overlay", LeftID = RightID).
// Explanation holds the matcher's per-field agreement levels and weights as
// JSON, never the values themselves. A decision ("merged" or
// "not-duplicate") is remembered: later runs do not reopen the pair.
type MatchCandidate struct {
	ID          int64      `json:"id"`
	Kind        string     `json:"kind"`
	LeftID      int64      `json:"left_id"`
	RightID     int64      `json:"right_id"`
	Probability float64    `json:"probability"`
	Weight      float64    `json:"weight"`
	Decision    string     `json:"decision"` // the matcher's: link or review
	Explanation []byte     `json:"explanation,omitempty"`
	Status      string     `json:"status"` // open, merged, not-duplicate, resolved
	AssignedTo  int64      `json:"assigned_to,omitempty"`
	DecidedBy   int64      `json:"decided_by,omitempty"`
	DecidedAt   *time.Time `json:"decided_at,omitempty"`
	Note        string     `json:"note,omitempty"`
	FoundAt     time.Time  `json:"found_at"`
}

// Match candidate kinds and statuses.
const (
	CandidateDuplicate = "duplicate"
	CandidateOverlay   = "overlay"

	CandidateOpen         = "open"
	CandidateMerged       = "merged"
	CandidateNotDuplicate = "not-duplicate"
	CandidateResolved     = "resolved" // an overlay a person has dealt with
)

// MatchFilter selects worklist entries. Empty fields do not filter.
type MatchFilter struct {
	Status     string
	Kind       string
	AssignedTo int64
	PatientID  int64 // either side
	Limit      int   // default 100, at most 1000
}

// MatchService keeps the duplicate worklist.
type MatchService interface {
	// SaveCandidates adds new pairs and refreshes the scores of open ones;
	// pairs already decided are left as they are. It returns how many were
	// added.
	SaveCandidates(ctx context.Context, cs []*MatchCandidate) (int, error)
	Candidates(ctx context.Context, f MatchFilter) ([]*MatchCandidate, error)
	Candidate(ctx context.Context, id int64) (*MatchCandidate, error)
	AssignCandidate(ctx context.Context, id, userID int64) error
	// DecideCandidate closes an open entry with a status and a note.
	DecideCandidate(ctx context.Context, id int64, status string, by int64, note string) error
}
