package http

import (
	"context"
	"net/http"
	"strconv"
	"time"

	"github.com/chartroom/chartroom"
	"github.com/chartroom/chartroom/roi"
)

// Releases is the store side of release of information.
type Releases interface {
	CreateRequest(ctx context.Context, r *roi.Request, otherDays int) error
	Request(ctx context.Context, id int64) (*roi.Request, error)
	MoveRequest(ctx context.Context, id int64, to roi.Status, by int64, reason string, edit func(r *roi.Request)) (*roi.Request, error)
	EditRequest(ctx context.Context, id int64, edit func(r *roi.Request) error) (*roi.Request, error)
	RequestsReceived(ctx context.Context, from, to time.Time) ([]*roi.Request, error)
	DueRequests(ctx context.Context, before time.Time, limit int) ([]*roi.Request, error)
	RecordDisclosure(ctx context.Context, rec *roi.Record) error
	Disclosures(ctx context.Context, patientID int64) ([]roi.Record, error)
	CreateAmendmentRequest(ctx context.Context, a *roi.AmendmentRequest) error
	DecideAmendment(ctx context.Context, id int64, decision string, by int64, text, reason string) (*roi.AmendmentRequest, error)
}

var errNoReleases = &chartroom.Error{Kind: chartroom.KindUnavailable, Message: "release of information is not configured on this server"}

// apiCreateRelease takes a request at intake. Every missing or wrong field
// is named; the due date follows the basis (30 days for the patient's
// right of access, the site's days otherwise).
func (s *Server) apiCreateRelease(w http.ResponseWriter, r *http.Request) error {
	if s.Releases == nil {
		return errNoReleases
	}
	var req roi.Request
	if err := decodeJSON(w, r, &req); err != nil {
		return err
	}
	if err := s.checkPatientID(r.Context(), req.PatientID); err != nil {
		if chartroom.ErrorKind(err) == chartroom.KindNotFound {
			return chartroom.Invalid("patient_id", "no such patient")
		}
		return err
	}
	req.ID, req.Status, req.CreatedBy, req.ProcessedBy, req.ReleasedBy, req.ReleasedAt = 0, "", userFrom(r.Context()).ID, 0, 0, nil
	if err := s.Releases.CreateRequest(r.Context(), &req, s.ReleaseDays); err != nil {
		return err
	}
	w.Header().Set("Location", "/api/v1/releases/"+itoa(req.ID))
	return writeJSON(w, http.StatusCreated, &req)
}

// releaseView is a request with the defects of its authorization, so the
// specialist sees what blocks validation.
type releaseView struct {
	*roi.Request
	Defects  []roi.Defect `json:"authorization_defects"`
	Overdue  bool         `json:"overdue"`
	DueSoon  bool         `json:"due_soon"` // due within five days: the reminder
	Escalate bool         `json:"escalate"` // more than five days overdue: for the HIM manager
	Excluded []string     `json:"excluded_categories,omitempty"`
}

func (s *Server) releaseView(req *roi.Request) releaseView {
	open := req.Status != roi.Released && req.Status != roi.Denied && req.Status != roi.Cancelled
	v := releaseView{Request: req, Defects: []roi.Defect{}, Overdue: open && s.Now().After(req.DueAt)}
	v.DueSoon = open && !v.Overdue && req.DueAt.Sub(s.Now()) < 5*24*time.Hour
	v.Escalate = v.Overdue && s.Now().Sub(req.DueAt) > 5*24*time.Hour
	if req.Authorization != nil {
		v.Defects = roi.CheckAuthorization(*req.Authorization, s.Now())
	} else if roi.Requirements(req.Basis).Authorization {
		v.Defects = []roi.Defect{{Element: "authorization (164.508)", Problem: "none is on file"}}
	}
	var named []roi.Category
	if req.Authorization != nil {
		named = req.Authorization.Categories
	}
	for _, c := range roi.Excluded(roi.Categories(), req.Basis, named) {
		v.Excluded = append(v.Excluded, string(c))
	}
	return v
}

func (s *Server) release(r *http.Request) (*roi.Request, error) {
	if s.Releases == nil {
		return nil, errNoReleases
	}
	id, err := pathID(r)
	if err != nil {
		return nil, err
	}
	req, err := s.Releases.Request(r.Context(), id)
	if err != nil {
		return nil, err
	}
	if err := s.checkPatientID(r.Context(), req.PatientID); err != nil {
		return nil, err
	}
	return req, nil
}

func (s *Server) apiGetRelease(w http.ResponseWriter, r *http.Request) error {
	req, err := s.release(r)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, s.releaseView(req))
}

// moveIn is a change of a request's status, with what the specialist
// recorded on the way.
type moveIn struct {
	Status        roi.Status             `json:"status"`
	Reason        string                 `json:"reason"`
	Authorization *roi.AuthorizationForm `json:"authorization"`
	Assurance     *bool                  `json:"assurance"`
	Extend        string                 `json:"extend"` // the documented reason for the one 30-day extension
	Pages         int                    `json:"pages"`
}

// apiMoveRelease moves a request through the workflow. The rules (a valid
// authorization to validate, a second person to release, a reason to deny)
// are checked in the same transaction as the change.
func (s *Server) apiMoveRelease(w http.ResponseWriter, r *http.Request) error {
	req, err := s.release(r)
	if err != nil {
		return err
	}
	var in moveIn
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	if in.Status == "" {
		return chartroom.Invalid("status", "give the status to move to")
	}
	if in.Extend != "" && req.Basis != roi.RightOfAccess {
		return chartroom.Invalid("extend", "only a patient-access request has the 30-day extension")
	}
	done, err := s.Releases.MoveRequest(r.Context(), req.ID, in.Status, userFrom(r.Context()).ID, in.Reason, func(x *roi.Request) {
		if in.Authorization != nil {
			x.Authorization = in.Authorization
		}
		if in.Assurance != nil {
			x.Assurance = *in.Assurance
		}
		if in.Extend != "" && !x.Extended {
			x.Extended, x.ExtensionReason = true, in.Extend
		}
		if in.Pages > 0 {
			x.Pages = in.Pages
			x.Fee = s.fees(r.Context()).Fee(x.Basis, in.Pages, x.Format != "paper")
		}
	})
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, s.releaseView(done))
}

// apiDueReleases lists open requests due within the days asked (default 7),
// overdue first: the reminder and escalation list.
func (s *Server) apiDueReleases(w http.ResponseWriter, r *http.Request) error {
	if s.Releases == nil {
		return errNoReleases
	}
	q := query{r: r}
	days := int(q.int64("within_days"))
	if q.err != nil {
		return q.err
	}
	if days <= 0 {
		days = 7
	}
	reqs, err := s.Releases.DueRequests(r.Context(), s.Now().AddDate(0, 0, days), 500)
	if err != nil {
		return err
	}
	out := []releaseView{}
	for _, req := range reqs {
		if s.checkPatientID(r.Context(), req.PatientID) == nil {
			out = append(out, s.releaseView(req))
		}
	}
	return writeJSON(w, http.StatusOK, map[string]any{"items": out})
}

// apiLogDisclosure records a disclosure made outside a request, such as a
// public-health report, or a correction of an earlier record.
func (s *Server) apiLogDisclosure(w http.ResponseWriter, r *http.Request) error {
	if s.Releases == nil {
		return errNoReleases
	}
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if err := s.checkPatientID(r.Context(), id); err != nil {
		return err
	}
	var rec roi.Record
	if err := decodeJSON(w, r, &rec); err != nil {
		return err
	}
	if _, err := roi.ParseBasis(string(rec.Basis)); err != nil {
		return chartroom.Invalid("basis", "%v", err)
	}
	rec.ID, rec.PatientID, rec.RequestID, rec.Manual, rec.RecordedBy = 0, id, 0, true, userFrom(r.Context()).ID
	if err := s.Releases.RecordDisclosure(r.Context(), &rec); err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, &rec)
}

// apiAccounting returns the patient's accounting of disclosures as JSON,
// or as a PDF, HTML page or CSV with ?format=.
func (s *Server) apiAccounting(w http.ResponseWriter, r *http.Request) error {
	if s.Releases == nil {
		return errNoReleases
	}
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if err := s.checkPatientID(r.Context(), id); err != nil {
		return err
	}
	p, err := s.Patients.Patient(r.Context(), id)
	if err != nil {
		return err
	}
	years := 6
	if v := r.URL.Query().Get("years"); v != "" {
		if years, err = strconv.Atoi(v); err != nil || years < 1 || years > 6 {
			return chartroom.Invalid("years", "want 1 to 6 years")
		}
	}
	recs, err := s.Releases.Disclosures(r.Context(), id)
	if err != nil {
		return err
	}
	rep := &roi.AccountingReport{Facility: s.FacilityName, PatientName: p.Name.Given + " " + p.Name.Family, MRN: p.MRN(""), Generated: s.Now(), Years: years,
		Records: roi.Accounting(recs, s.Now(), years, nil)}
	s.recordPrivacyView(r, "accounting of disclosures", id)
	switch r.URL.Query().Get("format") {
	case "pdf":
		w.Header().Set("Content-Type", "application/pdf")
		w.Header().Set("Content-Disposition", `inline; filename="accounting-`+itoa(id)+`.pdf"`)
		return rep.WritePDF(w)
	case "csv":
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		return rep.WriteCSV(w)
	case "html":
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		return rep.WriteHTML(w)
	case "", "json":
		if rep.Records == nil {
			rep.Records = []roi.Record{}
		}
		return writeJSON(w, http.StatusOK, rep)
	}
	return chartroom.Invalid("format", "want pdf, html, csv or json")
}

// apiRequestAmendment logs a patient's request to amend a document
// (164.526), due in 60 days.
func (s *Server) apiRequestAmendment(w http.ResponseWriter, r *http.Request) error {
	if s.Releases == nil {
		return errNoReleases
	}
	d, err := s.document(r.Context(), r)
	if err != nil {
		return err
	}
	var in struct {
		Version   int    `json:"version"`
		Requested string `json:"requested"`
		Reason    string `json:"reason"`
	}
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	a := &roi.AmendmentRequest{PatientID: d.PatientID, DocumentID: d.ID, Version: in.Version, Requested: in.Requested, Reason: in.Reason}
	if err := s.Releases.CreateAmendmentRequest(r.Context(), a); err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, a)
}

// apiDecideAmendment accepts, denies or extends an amendment request, or
// records the patient's statement of disagreement after a denial.
func (s *Server) apiDecideAmendment(w http.ResponseWriter, r *http.Request) error {
	if s.Releases == nil {
		return errNoReleases
	}
	id, err := pathID(r)
	if err != nil {
		return err
	}
	var in struct {
		Decision string `json:"decision"`
		Text     string `json:"text"`
		Reason   string `json:"reason"`
	}
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	a, err := s.Releases.DecideAmendment(r.Context(), id, in.Decision, userFrom(r.Context()).ID, in.Text, in.Reason)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, a)
}
