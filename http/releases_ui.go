package http

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/chartroom/chartroom"
	"github.com/chartroom/chartroom/roi"
)

// handleReleasesPage is the ROI specialist's desk: open requests by due
// date (overdue first), and the intake form.
func (s *Server) handleReleasesPage(w http.ResponseWriter, r *http.Request) error {
	if s.Releases == nil {
		return errNoReleases
	}
	reqs, err := s.Releases.DueRequests(r.Context(), s.Now().AddDate(1, 0, 0), 500)
	if err != nil {
		return err
	}
	var views []releaseView
	var overdue, soon, escalate int
	for _, q := range reqs {
		if s.checkPatientID(r.Context(), q.PatientID) == nil {
			v := s.releaseView(q)
			views = append(views, v)
			switch {
			case v.Escalate:
				escalate++
				overdue++
			case v.Overdue:
				overdue++
			case v.DueSoon:
				soon++
			}
		}
	}
	s.render(w, r, http.StatusOK, "releases.html", map[string]any{"Title": "Release of information", "Nav": "releases", "Open": views,
		"Overdue": overdue, "DueSoon": soon, "Escalate": escalate, "Requesters": roi.Requesters(), "Bases": roi.Bases(), "Types": chartroom.DocumentTypes(), "Flash": r.URL.Query().Get("done"), "MRN": r.URL.Query().Get("mrn")})
	return nil
}

// handleReleaseIntake logs a request from the intake form.
func (s *Server) handleReleaseIntake(w http.ResponseWriter, r *http.Request) error {
	if s.Releases == nil {
		return errNoReleases
	}
	ctx := r.Context()
	p, err := s.Lookup.PatientByIdentifier(ctx, "", strings.TrimSpace(r.PostFormValue("mrn")))
	if err != nil {
		return chartroom.Invalid("mrn", "no patient has that MRN")
	}
	if err := s.seePatient(ctx, p); err != nil {
		return err
	}
	req := &roi.Request{PatientID: p.ID, Requester: roi.Requester(r.PostFormValue("requester")), RequesterName: r.PostFormValue("requester_name"),
		RequesterAddress: r.PostFormValue("requester_address"), Basis: roi.Basis(r.PostFormValue("basis")), Purpose: r.PostFormValue("purpose"),
		From: r.PostFormValue("from"), To: r.PostFormValue("to"), DocumentTypes: r.PostForm["document_types"], Format: r.PostFormValue("format"),
		Delivery: r.PostFormValue("delivery"), CreatedBy: userFrom(ctx).ID}
	if err := s.Releases.CreateRequest(ctx, req, s.ReleaseDays); err != nil {
		return err
	}
	http.Redirect(w, r, "/releases/"+itoa(req.ID), http.StatusSeeOther)
	return nil
}

// handleReleasePage shows one request: who asks, on what basis, the
// authorization abstracted from the form with its defects, and the next
// steps.
func (s *Server) handleReleasePage(w http.ResponseWriter, r *http.Request) error {
	req, err := s.release(r)
	if err != nil {
		return err
	}
	p, err := s.Patients.Patient(r.Context(), req.PatientID)
	if err != nil {
		return err
	}
	v := s.releaseView(req)
	sel, _, err := s.selection(r.Context(), req)
	if err != nil {
		return err
	}
	next := map[roi.Status][]roi.Status{roi.Logged: {roi.Validated}, roi.Validated: {roi.InProcess}, roi.InProcess: {roi.QualityCheck}, roi.QualityCheck: {roi.Released, roi.InProcess}}[req.Status]
	s.render(w, r, http.StatusOK, "release.html", map[string]any{"Title": "Request " + itoa(req.ID), "Nav": "releases", "R": v, "P": p, "Next": next,
		"Auth": req.Authorization, "Needs": roi.Requirements(req.Basis), "Open": len(next) > 0, "Flash": r.URL.Query().Get("done"),
		"Selection": sel, "Categories": roi.Categories(), "Redactions": req.Redactions, "NeedsAttestation": roi.NeedsAttestation(req.Basis), "AttestationDefects": attestationDefects(req), "Editable": req.Status == roi.Logged || req.Status == roi.InProcess || req.Status == roi.QualityCheck || req.Status == roi.Validated})
	return nil
}

// handleReleaseMove applies a workflow step from the request page; the
// authorization fields, when present, are recorded first.
func (s *Server) handleReleaseMove(w http.ResponseWriter, r *http.Request) error {
	req, err := s.release(r)
	if err != nil {
		return err
	}
	to := roi.Status(r.PostFormValue("status"))
	pages, _ := strconv.Atoi(r.PostFormValue("pages"))
	var auth *roi.AuthorizationForm
	if r.PostFormValue("auth") == "1" {
		auth = &roi.AuthorizationForm{Description: r.PostFormValue("a_description"), Disclosers: r.PostFormValue("a_disclosers"),
			Recipients: r.PostFormValue("a_recipients"), Purpose: r.PostFormValue("a_purpose"), ExpiryEvent: r.PostFormValue("a_expiry_event"),
			SignedBy: r.PostFormValue("a_signed_by"), Representative: r.PostFormValue("a_representative") == "on", Authority: r.PostFormValue("a_authority"),
			RightToRevoke: r.PostFormValue("a_revoke") == "on", Conditioning: r.PostFormValue("a_conditioning") == "on", Redisclosure: r.PostFormValue("a_redisclosure") == "on"}
		for _, f := range []struct {
			name string
			dst  *time.Time
		}{{"a_expires_on", &auth.ExpiresOn}, {"a_signed_on", &auth.SignedOn}} {
			if v := r.PostFormValue(f.name); v != "" {
				t, err := time.Parse("2006-01-02", v)
				if err != nil {
					return chartroom.Invalid(f.name, "want a date")
				}
				*f.dst = t
			}
		}
		auth.PsychotherapyNotes = r.PostFormValue("a_psychotherapy") == "on"
		for _, c := range r.PostForm["a_categories"] {
			if cat, ok := roi.ParseCategory(c); ok {
				auth.Categories = append(auth.Categories, cat)
			}
		}
	}
	var att *roi.Attestation
	if r.PostFormValue("attest") == "1" && r.PostFormValue("at_signed_by") != "" {
		att = &roi.Attestation{Description: r.PostFormValue("at_description"), Subject: r.PostFormValue("at_subject"), Requester: r.PostFormValue("at_requester"),
			NotProhibited: r.PostFormValue("at_not_prohibited") == "on", PenaltyStatement: r.PostFormValue("at_penalty") == "on",
			SignedBy: r.PostFormValue("at_signed_by"), Standalone: r.PostFormValue("at_standalone") == "on"}
		if v := r.PostFormValue("at_signed_on"); v != "" {
			t, err := time.Parse("2006-01-02", v)
			if err != nil {
				return chartroom.Invalid("at_signed_on", "want a date")
			}
			att.SignedOn = t
		}
	}
	_, err = s.Releases.MoveRequest(r.Context(), req.ID, to, userFrom(r.Context()).ID, r.PostFormValue("reason"), func(x *roi.Request) {
		if auth != nil {
			x.Authorization = auth
		}
		if att != nil {
			x.Attestation = att
		}
		if r.PostFormValue("assurance") == "on" {
			x.Assurance = true
		}
		if pages > 0 {
			x.Pages = pages
			x.Fee = s.fees(r.Context()).Fee(x.Basis, pages, x.Format != "paper")
		}
	})
	if err != nil {
		if chartroom.ErrorKind(err) == chartroom.KindConflict {
			http.Redirect(w, r, "/releases/"+itoa(req.ID)+"?done="+urlEscape("Not moved: "+chartroom.ErrorMessage(err)), http.StatusSeeOther)
			return nil
		}
		return err
	}
	http.Redirect(w, r, "/releases/"+itoa(req.ID)+"?done="+urlEscape("Request is now "+string(to)), http.StatusSeeOther)
	return nil
}

func urlEscape(s string) string { return url.QueryEscape(s) }

// attestationDefects lists what keeps reproductive health information out
// of a request that needs an attestation for it, or nothing.
func attestationDefects(r *roi.Request) []roi.Defect {
	if !roi.NeedsAttestation(r.Basis) {
		return nil
	}
	return roi.CheckAttestation(r.Attestation)
}
