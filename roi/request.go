package roi

import (
	"fmt"
	"strings"
	"time"
)

// Request is one request for a patient's information, from intake to
// release or denial.
type Request struct {
	ID               int64              `json:"id"`
	PatientID        int64              `json:"patient_id"`
	Requester        Requester          `json:"requester"`
	RequesterName    string             `json:"requester_name"`
	RequesterAddress string             `json:"requester_address,omitempty"`
	Basis            Basis              `json:"basis"`
	Purpose          string             `json:"purpose"`
	From             string             `json:"from,omitempty"` // first date of service requested, YYYY-MM-DD
	To               string             `json:"to,omitempty"`   // last date of service requested
	DocumentTypes    []string           `json:"document_types,omitempty"`
	EncounterIDs     []int64            `json:"encounter_ids,omitempty"`
	Format           string             `json:"format"`   // paper, pdf, electronic
	Delivery         string             `json:"delivery"` // mail, download, pickup
	ReceivedAt       time.Time          `json:"received_at"`
	DueAt            time.Time          `json:"due_at"`
	Extended         bool               `json:"extended,omitempty"`
	ExtensionReason  string             `json:"extension_reason,omitempty"`
	Status           Status             `json:"status"`
	StatusReason     string             `json:"status_reason,omitempty"`
	Authorization    *AuthorizationForm `json:"authorization,omitempty"`
	Assurance        bool               `json:"assurance,omitempty"`
	Attestation      *Attestation       `json:"attestation,omitempty"` // 164.509, for reproductive health information
	Redactions       []Redaction        `json:"redactions,omitempty"`
	// AuthorizationDocumentID is the scanned, signed authorization (or
	// subpoena, court order, attestation), filed as a document of the
	// patient's record.
	AuthorizationDocumentID int64      `json:"authorization_document_id,omitempty"`
	CreatedBy               int64      `json:"created_by,omitempty"`
	ProcessedBy             int64      `json:"processed_by,omitempty"`
	ReleasedBy              int64      `json:"released_by,omitempty"`
	ReleasedAt              *time.Time `json:"released_at,omitempty"`
	Pages                   int        `json:"pages,omitempty"`
	Fee                     float64    `json:"fee,omitempty"`
	UpdatedAt               time.Time  `json:"updated_at"`
}

// Check reports what a request is missing at intake, naming the field.
func (r *Request) Check() (field string, err error) {
	switch {
	case r.PatientID <= 0:
		return "patient_id", fmt.Errorf("the patient is required")
	case !isRequester(r.Requester):
		return "requester", fmt.Errorf("%q is not a kind of requester", r.Requester)
	case strings.TrimSpace(r.RequesterName) == "":
		return "requester_name", fmt.Errorf("the requester's name is required")
	case !isBasis(r.Basis):
		return "basis", fmt.Errorf("%q is not a disclosure basis", r.Basis)
	case strings.TrimSpace(r.Purpose) == "":
		return "purpose", fmt.Errorf("the purpose is required")
	case r.Format != "paper" && r.Format != "pdf" && r.Format != "electronic":
		return "format", fmt.Errorf("the format is paper, pdf or electronic")
	case r.Delivery != "mail" && r.Delivery != "download" && r.Delivery != "pickup":
		return "delivery", fmt.Errorf("delivery is mail, download or pickup")
	}
	for _, d := range []struct{ f, v string }{{"from", r.From}, {"to", r.To}} {
		if d.v != "" {
			if _, err := time.Parse("2006-01-02", d.v); err != nil {
				return d.f, fmt.Errorf("want a date YYYY-MM-DD")
			}
		}
	}
	if r.From != "" && r.To != "" && r.To < r.From {
		return "to", fmt.Errorf("the date range ends before it starts")
	}
	if r.Requester == PersonalRepresentative && r.Basis == RightOfAccess && (r.Authorization == nil || strings.TrimSpace(r.Authorization.Authority) == "") {
		return "authorization.authority", fmt.Errorf("a personal representative must show their authority")
	}
	return "", nil
}

func isRequester(q Requester) bool {
	for _, x := range Requesters() {
		if x == q {
			return true
		}
	}
	return false
}

func isBasis(b Basis) bool {
	for _, x := range Bases() {
		if x == b {
			return true
		}
	}
	return false
}

// Disclosure record: a release that happened, kept for the accounting.
// Records are never deleted; a mistake is corrected by a new record that
// names the one it corrects.
type Record struct {
	ID          int64     `json:"id"`
	PatientID   int64     `json:"patient_id"`
	RequestID   int64     `json:"request_id,omitempty"`
	At          time.Time `json:"at"`
	Basis       Basis     `json:"basis"`
	Recipient   string    `json:"recipient"`
	Address     string    `json:"address,omitempty"`
	Purpose     string    `json:"purpose"`
	Description string    `json:"description"` // what was disclosed
	ToPatient   bool      `json:"to_patient,omitempty"`
	Manual      bool      `json:"manual,omitempty"` // logged by hand, such as a public-health report
	RecordedBy  int64     `json:"recorded_by,omitempty"`
	Corrects    int64     `json:"corrects,omitempty"`
	Note        string    `json:"note,omitempty"`
}

// Accounting returns the disclosures a patient's accounting lists
// (164.528): accountable ones in the window, not suspended, each shown in
// its latest corrected form.
func Accounting(records []Record, now time.Time, years int, suspensions []Suspension) []Record {
	from := AccountingWindow(now, years)
	latest := map[int64]Record{} // original id → latest version
	var order []int64
	for _, r := range records {
		root := r.ID
		if r.Corrects != 0 {
			root = r.Corrects
		}
		if _, ok := latest[root]; !ok {
			order = append(order, root)
		}
		latest[root] = r
	}
	var out []Record
	for _, id := range order {
		r := latest[id]
		d := Disclosure{At: r.At, Basis: r.Basis, Recipient: r.Recipient, ToPatient: r.ToPatient}
		if r.At.Before(from) || !Accountable(d) || Suspended(d, suspensions, now) {
			continue
		}
		out = append(out, r)
	}
	return out
}

// Link is an expiring download link for a released packet. The recipient
// gets the link by one channel and the packet's password by another; the
// link works for a few days and a few downloads.
type Link struct {
	ID           int64     `json:"id"`
	RequestID    int64     `json:"request_id"`
	ExpiresAt    time.Time `json:"expires_at"`
	MaxDownloads int       `json:"max_downloads"`
	Downloads    int       `json:"downloads"`
	Password     string    `json:"-"`
}

// Redaction is text a reviewer marked for removal from one document of the
// release: every occurrence of Text in that document's current version is
// removed from the packet (not covered: removed), with the reason printed
// in its place.
type Redaction struct {
	DocumentID int64  `json:"document_id"`
	Text       string `json:"text"`
	Reason     string `json:"reason"`
	By         int64  `json:"by,omitempty"`
}
