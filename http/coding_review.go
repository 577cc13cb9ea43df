package http

import (
	"net/http"
	"strings"

	"github.com/chartroom/chartroom"
	"github.com/chartroom/chartroom/audit"
	"github.com/chartroom/chartroom/coding"
)

// handleReviewPage is the second-level reviewer's page for a sampled
// encounter: the notes, and a form to code them. A blind review shows the
// notes only; a review shows the coder's codes to confirm or correct.
// Once recorded it shows the comparison, with each disagreement.
func (s *Server) handleReviewPage(w http.ResponseWriter, r *http.Request) error {
	e, err := s.codingEncounter(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	ca, err := s.Coding.CodingAudit(ctx, e.ID)
	if err != nil {
		return err
	}
	p, err := s.Patients.Patient(ctx, e.PatientID)
	if err != nil {
		return err
	}
	coder, err := s.Coding.Abstract(ctx, e.ID)
	if err != nil {
		return err
	}
	notes, err := s.encounterNotes(ctx, e)
	if err != nil {
		return err
	}
	// The lines to fill: the coder's in a review, none in a blind one.
	start := &coding.Abstract{}
	if ca.Mode == "review" || ca.Status == "done" {
		start = coder
	}
	if ca.Review != nil {
		start = ca.Review
	}
	dx, px := withBlank(start.Diagnoses, 6), withBlank(start.Procedures, 3)
	s.recordAbstract(r, audit.Read, e, "opened the second-level review")
	s.render(w, r, http.StatusOK, "coding_review.html", map[string]any{"Title": "Review " + p.Name.Display(), "Nav": "coding", "E": e, "P": p,
		"Audit": ca, "Coder": coder, "Dx": dx, "Px": px, "Notes": notes, "Names": s.userNames(r), "Inpatient": coder.Setting == coding.Inpatient,
		"POA": []string{"", "Y", "N", "U", "W", "1"}, "Flash": r.URL.Query().Get("done")})
	return nil
}

// handleReviewSave records the reviewer's coding. Reasons are given one
// per line as "CODE: reason", for the codes where the reviewer disagrees.
func (s *Server) handleReviewSave(w http.ResponseWriter, r *http.Request) error {
	e, err := s.codingEncounter(r)
	if err != nil {
		return err
	}
	review := &coding.Abstract{EncounterID: e.ID, Setting: settingOf(e)}
	poas := r.PostForm["dx_poa"]
	for i, c := range r.PostForm["dx_code"] {
		c = strings.ToUpper(strings.TrimSpace(c))
		if c == "" {
			continue
		}
		d := coding.Diagnosis{Code: c}
		if i < len(poas) {
			d.POA = poas[i]
		}
		review.Diagnoses = append(review.Diagnoses, d)
	}
	for _, c := range r.PostForm["px_code"] {
		if c = strings.ToUpper(strings.TrimSpace(c)); c != "" {
			review.Procedures = append(review.Procedures, coding.Procedure{Code: c})
		}
	}
	reasons := map[string]string{}
	for n, line := range strings.Split(r.PostFormValue("reasons"), "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		code, why, ok := strings.Cut(line, ":")
		if !ok || strings.TrimSpace(why) == "" {
			return chartroom.Invalid("reasons", "line %d: write a code, a colon and the reason (\"J96.01: respiratory failure documented\")", n+1)
		}
		reasons[strings.ToUpper(strings.TrimSpace(code))] = strings.TrimSpace(why)
	}
	if _, err := s.Coding.RecordCodingAudit(r.Context(), e.ID, userFrom(r.Context()).ID, review, reasons); err != nil {
		if k := chartroom.ErrorKind(err); k == chartroom.KindConflict || k == chartroom.KindInvalid {
			http.Redirect(w, r, "/coding/"+itoa(e.ID)+"/review?done="+urlEscape("Not recorded: "+chartroom.ErrorMessage(err)), http.StatusSeeOther)
			return nil
		}
		return err
	}
	s.recordAbstract(r, audit.Update, e, "recorded a second-level coding review")
	http.Redirect(w, r, "/coding/"+itoa(e.ID)+"/review?done="+urlEscape("Review recorded"), http.StatusSeeOther)
	return nil
}
