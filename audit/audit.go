// Package audit keeps Chartroom's tamper-evident audit trail: every access
// to health information and every security event becomes an Entry, chained
// to the one before by SHA-256 and sealed at intervals by signed
// checkpoints, so that an edited, deleted, inserted or reordered entry is
// found by Verify.
package audit

import (
	"context"
	"time"
)

// Action is what was done.
type Action string

// The actions recorded.
const (
	Create         Action = "create"
	Read           Action = "read"
	Update         Action = "update"
	Delete         Action = "delete"
	Print          Action = "print"
	Export         Action = "export"
	Disclose       Action = "disclose"
	Search         Action = "search"
	Login          Action = "login"
	Logout         Action = "logout"
	LoginFailure   Action = "login-failure"
	PermissionEdit Action = "permission-change"
	BreakGlass     Action = "break-the-glass"
	ConfigChange   Action = "config-change"
	Denied         Action = "access-denied"
)

// Outcome says how the action ended.
type Outcome string

// The outcomes.
const (
	Success Outcome = "success"
	Failure Outcome = "failure" // the action failed (bad input, error)
	Refused Outcome = "refused" // the action was not allowed
)

// Entry is one audited event. Seq, PrevHash and Hash are set when the entry
// is appended to the chain.
type Entry struct {
	Seq        int64     `json:"seq"`
	At         time.Time `json:"at"`
	UserID     int64     `json:"user_id,omitempty"`
	Username   string    `json:"username,omitempty"`
	Role       string    `json:"role,omitempty"`
	Action     Action    `json:"action"`
	ObjectType string    `json:"object_type,omitempty"` // patient, encounter, document, user, …
	ObjectID   string    `json:"object_id,omitempty"`
	PatientID  int64     `json:"patient_id,omitempty"`
	IP         string    `json:"ip,omitempty"`
	UserAgent  string    `json:"user_agent,omitempty"`
	Purpose    string    `json:"purpose,omitempty"` // purpose of use (HL7 v3 PurposeOfUse: TREAT, HPAYMT, HOPERAT, …)
	Reason     string    `json:"reason,omitempty"`  // a break-the-glass reason, a disclosure's basis
	Outcome    Outcome   `json:"outcome"`
	Detail     string    `json:"detail,omitempty"` // what changed, never clinical content
	PrevHash   []byte    `json:"prev_hash,omitempty"`
	Hash       []byte    `json:"hash,omitempty"`
}

// Recorder records entries. Services are decorated with a Recorder so that
// every access is recorded without calls sprinkled through handlers.
type Recorder interface {
	Record(ctx context.Context, e Entry) error
}
