package roi

import (
	"fmt"
	"strings"
	"time"
)

// AmendmentRequest is a patient's request to amend their record (45 CFR
// 164.526). It must be acted on within 60 days, extendable once by 30 with
// a written reason. An accepted amendment is linked to the record as an
// addendum to the document version it concerns; the original is never
// altered. A denial gives its reason, and the patient may file a statement
// of disagreement, which travels with the record.
type AmendmentRequest struct {
	ID              int64      `json:"id"`
	PatientID       int64      `json:"patient_id"`
	DocumentID      int64      `json:"document_id"`
	Version         int        `json:"version"`
	Requested       string     `json:"requested"` // the change the patient asks for
	Reason          string     `json:"reason"`    // why, in the patient's words
	ReceivedAt      time.Time  `json:"received_at"`
	DueAt           time.Time  `json:"due_at"`
	Extended        bool       `json:"extended,omitempty"`
	ExtensionReason string     `json:"extension_reason,omitempty"`
	Status          string     `json:"status"` // pending, accepted, denied
	DenialReason    string     `json:"denial_reason,omitempty"`
	Disagreement    string     `json:"disagreement,omitempty"`
	DecidedBy       int64      `json:"decided_by,omitempty"`
	DecidedAt       *time.Time `json:"decided_at,omitempty"`
	AmendmentID     int64      `json:"amendment_id,omitempty"` // the addendum, once accepted
}

// DenialGrounds are the reasons 164.526(a)(2) allows for denying an
// amendment.
var DenialGrounds = []string{
	"not created by this covered entity",
	"not part of the designated record set",
	"not available for inspection under 164.524",
	"accurate and complete",
}

// AmendmentDue returns the deadline for a request received on received.
func AmendmentDue(received time.Time, extended bool) time.Time {
	d := received.AddDate(0, 0, 60)
	if extended {
		d = d.AddDate(0, 0, 30)
	}
	return d
}

// CheckAmendment reports what is missing from an amendment request.
func (a *AmendmentRequest) Check() (field string, err error) {
	switch {
	case a.PatientID <= 0:
		return "patient_id", fmt.Errorf("the patient is required")
	case a.DocumentID <= 0:
		return "document_id", fmt.Errorf("name the document to amend")
	case strings.TrimSpace(a.Requested) == "":
		return "requested", fmt.Errorf("say what should be amended")
	case strings.TrimSpace(a.Reason) == "":
		return "reason", fmt.Errorf("the patient's reason is required")
	}
	return "", nil
}

// CheckDenial reports why a denial is not acceptable: it needs one of the
// grounds the rule allows.
func CheckDenial(reason string) error {
	for _, g := range DenialGrounds {
		if strings.HasPrefix(strings.ToLower(strings.TrimSpace(reason)), g) {
			return nil
		}
	}
	return fmt.Errorf("a denial must rest on one of the grounds of 164.526(a)(2): %s", strings.Join(DenialGrounds, "; "))
}
