package http

import (
	"context"
	"net/http"
	"strconv"
	"strings"

	"github.com/chartroom/chartroom"
	"github.com/chartroom/chartroom/roi"
)

// Amendments keeps patients' requests to amend their record (164.526).
type Amendments interface {
	AmendmentRequests(ctx context.Context, status string, limit int) ([]*roi.AmendmentRequest, error)
	AmendmentRequest(ctx context.Context, id int64) (*roi.AmendmentRequest, error)
}

type amendmentView struct {
	A       *roi.AmendmentRequest
	Patient *chartroom.Patient
	Doc     *chartroom.Document
	Overdue bool
}

func (s *Server) amendmentView(ctx context.Context, a *roi.AmendmentRequest) (*amendmentView, error) {
	if err := s.checkPatientID(ctx, a.PatientID); err != nil {
		return nil, err
	}
	p, err := s.Lookup.Patient(ctx, a.PatientID)
	if err != nil {
		return nil, err
	}
	d, err := s.Documents.Document(ctx, a.DocumentID)
	if err != nil {
		return nil, err
	}
	return &amendmentView{A: a, Patient: p, Doc: d, Overdue: a.Status == "pending" && s.Now().After(a.DueAt)}, nil
}

// handleAmendmentsPage lists amendment requests, pending ones first by
// due date (60 days, or 90 with the one written extension).
func (s *Server) handleAmendmentsPage(w http.ResponseWriter, r *http.Request) error {
	if s.AmendmentList == nil {
		return errNoReleases
	}
	status := r.URL.Query().Get("status")
	if status == "" {
		status = "pending"
	}
	if status == "all" {
		status = ""
	}
	as, err := s.AmendmentList.AmendmentRequests(r.Context(), status, 500)
	if err != nil {
		return err
	}
	var views []*amendmentView
	for _, a := range as {
		if v, err := s.amendmentView(r.Context(), a); err == nil {
			views = append(views, v)
		}
	}
	s.render(w, r, http.StatusOK, "amendments.html", map[string]any{"Title": "Amendment requests", "Nav": "releases", "Rows": views,
		"Status": r.URL.Query().Get("status"), "Flash": r.URL.Query().Get("done")})
	return nil
}

// handleAmendmentNew is the intake form for one document.
func (s *Server) handleAmendmentNew(w http.ResponseWriter, r *http.Request) error {
	id, err := strconv.ParseInt(r.URL.Query().Get("document"), 10, 64)
	if err != nil {
		return chartroom.Invalid("document", "open the document the patient wants amended and use its link")
	}
	d, err := s.Documents.Document(r.Context(), id)
	if err != nil {
		return err
	}
	if err := s.checkPatientID(r.Context(), d.PatientID); err != nil {
		return err
	}
	p, err := s.Lookup.Patient(r.Context(), d.PatientID)
	if err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, "amendment_new.html", map[string]any{"Title": "Amendment request", "Nav": "releases", "Doc": d, "Patient": p})
	return nil
}

// handleAmendmentCreate logs the request; it is due in 60 days.
func (s *Server) handleAmendmentCreate(w http.ResponseWriter, r *http.Request) error {
	if s.Releases == nil {
		return errNoReleases
	}
	id, err := strconv.ParseInt(r.PostFormValue("document_id"), 10, 64)
	if err != nil {
		return chartroom.Invalid("document_id", "no document named")
	}
	d, err := s.Documents.Document(r.Context(), id)
	if err != nil {
		return err
	}
	if err := s.checkPatientID(r.Context(), d.PatientID); err != nil {
		return err
	}
	a := &roi.AmendmentRequest{PatientID: d.PatientID, DocumentID: d.ID, Requested: strings.TrimSpace(r.PostFormValue("requested")), Reason: strings.TrimSpace(r.PostFormValue("reason"))}
	if err := s.Releases.CreateAmendmentRequest(r.Context(), a); err != nil {
		return err
	}
	http.Redirect(w, r, "/amendments/"+itoa(a.ID)+"?done="+urlEscape("Logged; due "+a.DueAt.Format("2006-01-02")), http.StatusSeeOther)
	return nil
}

// handleAmendmentPage shows one request and the decisions open to it.
func (s *Server) handleAmendmentPage(w http.ResponseWriter, r *http.Request) error {
	if s.AmendmentList == nil {
		return errNoReleases
	}
	id, err := pathID(r)
	if err != nil {
		return err
	}
	a, err := s.AmendmentList.AmendmentRequest(r.Context(), id)
	if err != nil {
		return err
	}
	v, err := s.amendmentView(r.Context(), a)
	if err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, "amendment.html", map[string]any{"Title": "Amendment request " + itoa(a.ID), "Nav": "releases", "V": v,
		"Grounds": roi.DenialGrounds, "Flash": r.URL.Query().Get("done")})
	return nil
}

// handleAmendmentDecide accepts (the amendment becomes an addendum to the
// version concerned), denies on one of the rule's grounds, takes the one
// extension, or records the patient's statement of disagreement.
func (s *Server) handleAmendmentDecide(w http.ResponseWriter, r *http.Request) error {
	if s.Releases == nil || s.AmendmentList == nil {
		return errNoReleases
	}
	id, err := pathID(r)
	if err != nil {
		return err
	}
	a, err := s.AmendmentList.AmendmentRequest(r.Context(), id)
	if err != nil {
		return err
	}
	if err := s.checkPatientID(r.Context(), a.PatientID); err != nil {
		return err
	}
	decision := r.PostFormValue("decision")
	if _, err := s.Releases.DecideAmendment(r.Context(), id, decision, userFrom(r.Context()).ID, strings.TrimSpace(r.PostFormValue("text")), strings.TrimSpace(r.PostFormValue("reason"))); err != nil {
		if k := chartroom.ErrorKind(err); k == chartroom.KindConflict || k == chartroom.KindInvalid {
			http.Redirect(w, r, "/amendments/"+itoa(id)+"?done="+urlEscape("Not recorded: "+chartroom.ErrorMessage(err)), http.StatusSeeOther)
			return nil
		}
		return err
	}
	http.Redirect(w, r, "/amendments/"+itoa(id)+"?done="+urlEscape("Recorded: "+decision), http.StatusSeeOther)
	return nil
}
