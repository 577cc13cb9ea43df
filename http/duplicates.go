package http

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/chartroom/chartroom"
	"github.com/chartroom/chartroom/audit"
	"github.com/chartroom/chartroom/auth"
	"github.com/chartroom/chartroom/mpi"
)

var errNoMPI = &chartroom.Error{Kind: chartroom.KindUnavailable, Message: "the master patient index is not configured on this server"}

// candidateView is a worklist entry with the two records as the user may
// see them.
type candidateView struct {
	C             *chartroom.MatchCandidate
	Left, Right   *chartroom.Patient
	LeftMRN       string
	RightMRN      string
	Percent       string
	Score         *mpi.Score
	Overlay       []string
	AssigneeName  string
	LeftIsVisible bool
}

func (s *Server) candidate(r *http.Request) (*chartroom.MatchCandidate, error) {
	if s.Matches == nil {
		return nil, errNoMPI
	}
	id, err := pathID(r)
	if err != nil {
		return nil, err
	}
	return s.Matches.Candidate(r.Context(), id)
}

// candidateView loads both records (a read of each, audited by the
// patient service) after checking the user may see them.
func (s *Server) candidateView(r *http.Request, c *chartroom.MatchCandidate, full bool) (*candidateView, error) {
	ctx := r.Context()
	v := &candidateView{C: c, Percent: strconv.FormatFloat(c.Probability*100, 'f', 1, 64)}
	for _, side := range []struct {
		id  int64
		dst **chartroom.Patient
		mrn *string
	}{{c.LeftID, &v.Left, &v.LeftMRN}, {c.RightID, &v.Right, &v.RightMRN}} {
		if err := s.checkPatientID(ctx, side.id); err != nil {
			return nil, err
		}
		p, err := s.Patients.Patient(ctx, side.id)
		if err != nil {
			return nil, err
		}
		*side.dst, *side.mrn = p, p.MRN("")
	}
	if c.Kind == chartroom.CandidateOverlay {
		var ex struct {
			Overlay []string `json:"overlay"`
		}
		json.Unmarshal(c.Explanation, &ex)
		v.Overlay = ex.Overlay
		return v, nil
	}
	if full {
		var sc mpi.Score
		if s.Watcher != nil {
			sc = s.Watcher.Index.ExplainRecords(mpi.FromPatient(v.Left), mpi.FromPatient(v.Right))
		} else if err := json.Unmarshal(c.Explanation, &sc); err != nil {
			return nil, err
		}
		v.Score = &sc
	}
	return v, nil
}

// handleDuplicatesPage is the duplicate worklist: open pairs, likeliest
// first, with filters for status and assignee.
func (s *Server) handleDuplicatesPage(w http.ResponseWriter, r *http.Request) error {
	if s.Matches == nil {
		return errNoMPI
	}
	q := query{r: r}
	status := q.str("status")
	if status == "" {
		status = chartroom.CandidateOpen
	}
	f := chartroom.MatchFilter{Status: status, Limit: 200}
	if status == "all" {
		f.Status = ""
	}
	me := userFrom(r.Context())
	if q.str("mine") == "1" {
		f.AssignedTo = me.ID
	}
	cs, err := s.Matches.Candidates(r.Context(), f)
	if err != nil {
		return err
	}
	names := s.userNames(r)
	var rows []*candidateView
	for _, c := range cs {
		v, err := s.candidateView(r, c, false)
		if err != nil {
			if k := chartroom.ErrorKind(err); k == chartroom.KindForbidden || k == chartroom.KindNotFound {
				continue // a record this user may not see
			}
			return err
		}
		v.AssigneeName = names[c.AssignedTo]
		rows = append(rows, v)
	}
	s.render(w, r, http.StatusOK, "duplicates.html", map[string]any{"Title": "Duplicate worklist", "Nav": "duplicates", "Rows": rows,
		"Status": status, "Mine": q.str("mine") == "1", "Flash": q.str("done"), "Scan": s.Watcher != nil})
	return nil
}

func (s *Server) userNames(r *http.Request) map[int64]string {
	names := map[int64]string{}
	if s.Users == nil {
		return names
	}
	us, err := s.Users.Users(r.Context())
	if err != nil {
		return names
	}
	for _, u := range us {
		names[u.ID] = u.Name
	}
	return names
}

// handleDuplicatePage shows one pair side by side with each field's
// agreement and weight, and the reviewer's choices.
func (s *Server) handleDuplicatePage(w http.ResponseWriter, r *http.Request) error {
	c, err := s.candidate(r)
	if err != nil {
		return err
	}
	v, err := s.candidateView(r, c, true)
	if err != nil {
		return err
	}
	var reviewers []*chartroom.User
	if us, err := s.Users.Users(r.Context()); err == nil {
		for _, u := range us {
			if !u.Disabled && s.Policy.Allows(u, auth.PatientMerge) {
				reviewers = append(reviewers, u)
			}
		}
	}
	v.AssigneeName = s.userNames(r)[c.AssignedTo]
	s.render(w, r, http.StatusOK, "duplicate.html", map[string]any{"Title": "Possible duplicate " + itoa(c.ID), "Nav": "duplicates", "V": v,
		"Reviewers": reviewers, "Flash": r.URL.Query().Get("done")})
	return nil
}

// handleDuplicateMerge merges the pair, keeping the side the reviewer
// chose, and closes the entry.
func (s *Server) handleDuplicateMerge(w http.ResponseWriter, r *http.Request) error {
	c, err := s.candidate(r)
	if err != nil {
		return err
	}
	if c.Kind != chartroom.CandidateDuplicate {
		return chartroom.Invalid("kind", "an overlay is not merged: split the record and mark the entry resolved")
	}
	if c.Status != chartroom.CandidateOpen {
		return &chartroom.Error{Kind: chartroom.KindConflict, Message: "this pair was already decided"}
	}
	survivor, retired := c.LeftID, c.RightID
	if r.PostFormValue("survivor") == "right" {
		survivor, retired = retired, survivor
	}
	reason := strings.TrimSpace(r.PostFormValue("reason"))
	if len(reason) < 5 {
		return chartroom.Invalid("reason", "say why these records are the same person")
	}
	for _, id := range []int64{survivor, retired} {
		if err := s.checkPatientID(r.Context(), id); err != nil {
			return err
		}
	}
	me := userFrom(r.Context()).ID
	m, err := s.Merges.MergePatients(r.Context(), survivor, retired, me, reason)
	if err != nil {
		return err
	}
	if err := s.Matches.DecideCandidate(r.Context(), c.ID, chartroom.CandidateMerged, me, reason+" (merge "+itoa(m.ID)+")"); err != nil {
		return err
	}
	http.Redirect(w, r, "/duplicates?done="+urlEscape("Merged: record "+itoa(retired)+" into "+itoa(survivor)+". It can be undone from the survivor's merge history."), http.StatusSeeOther)
	return nil
}

// handleDuplicateDecide closes an entry without merging: "not a duplicate"
// for a pair (remembered, so later runs do not bring it back), "resolved"
// for an overlay.
func (s *Server) handleDuplicateDecide(w http.ResponseWriter, r *http.Request) error {
	c, err := s.candidate(r)
	if err != nil {
		return err
	}
	if _, err := s.candidateView(r, c, false); err != nil {
		return err
	}
	status := r.PostFormValue("status")
	if status != chartroom.CandidateNotDuplicate && status != chartroom.CandidateResolved {
		return chartroom.Invalid("status", "choose not-duplicate or resolved")
	}
	if err := s.Matches.DecideCandidate(r.Context(), c.ID, status, userFrom(r.Context()).ID, strings.TrimSpace(r.PostFormValue("note"))); err != nil {
		return err
	}
	http.Redirect(w, r, "/duplicates?done="+urlEscape("Pair "+itoa(c.ID)+" marked "+status), http.StatusSeeOther)
	return nil
}

// handleDuplicateAssign gives the entry to a reviewer ("me" for oneself).
func (s *Server) handleDuplicateAssign(w http.ResponseWriter, r *http.Request) error {
	c, err := s.candidate(r)
	if err != nil {
		return err
	}
	to := userFrom(r.Context()).ID
	if v := r.PostFormValue("user"); v != "" && v != "me" {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return chartroom.Invalid("user", "choose a reviewer")
		}
		u, err := s.Users.User(r.Context(), id)
		if err != nil || u.Disabled || !s.Policy.Allows(u, auth.PatientMerge) {
			return chartroom.Invalid("user", "that person cannot review duplicates")
		}
		to = id
	}
	if err := s.Matches.AssignCandidate(r.Context(), c.ID, to); err != nil {
		return err
	}
	http.Redirect(w, r, "/duplicates/"+itoa(c.ID)+"?done="+urlEscape("Assigned"), http.StatusSeeOther)
	return nil
}

// handleDuplicateScan scores the whole index now (the batch dedupe) and
// puts every pair to link or review on the worklist.
func (s *Server) handleDuplicateScan(w http.ResponseWriter, r *http.Request) error {
	if s.Matches == nil || s.Watcher == nil {
		return errNoMPI
	}
	n, added, err := s.scanDuplicates(r)
	if err != nil {
		return err
	}
	http.Redirect(w, r, "/duplicates?done="+urlEscape(itoa(int64(n))+" possible duplicates found, "+itoa(int64(added))+" new"), http.StatusSeeOther)
	return nil
}

func (s *Server) scanDuplicates(r *http.Request) (int, int, error) {
	res, err := s.Watcher.Index.Train(r.Context(), mpi.Options{})
	if err != nil {
		return 0, 0, err
	}
	recs := res.Records()
	var cs []*chartroom.MatchCandidate
	for _, p := range res.Pairs {
		if p.Decision == mpi.NonMatch {
			continue
		}
		l, err1 := strconv.ParseInt(recs[p.Left].ID, 10, 64)
		rt, err2 := strconv.ParseInt(recs[p.Right].ID, 10, 64)
		if err := errors.Join(err1, err2); err != nil {
			continue
		}
		cs = append(cs, mpi.Candidate(l, rt, res.Explain(p, recs, recs)))
	}
	added, err := s.Matches.SaveCandidates(r.Context(), cs)
	if err == nil && s.Audit != nil {
		a, _ := audit.ActorFrom(r.Context())
		s.Audit.Record(r.Context(), audit.Entry{At: s.Now(), UserID: a.UserID, Username: a.Username, Role: a.Role, Action: audit.Search,
			ObjectType: "patient-index", IP: a.IP, UserAgent: a.UserAgent, Outcome: audit.Success,
			Detail: "duplicate search over " + itoa(int64(len(recs))) + " patients"})
	}
	return len(cs), added, err
}

// handleRegisterPage is the registration form.
func (s *Server) handleRegisterPage(w http.ResponseWriter, r *http.Request) error {
	s.render(w, r, http.StatusOK, "register.html", map[string]any{"Title": "Register a patient", "Nav": "patients", "F": map[string]string{}})
	return nil
}

// handleRegister checks a new registration against the index and, when it
// may be someone already registered, shows the likely matches before
// saving. The registrar opens the existing chart or confirms that this is
// a new patient.
func (s *Server) handleRegister(w http.ResponseWriter, r *http.Request) error {
	form := map[string]string{}
	for _, k := range []string{"family", "given", "middle", "birth_date", "sex", "mrn", "facility", "ssn", "line1", "city", "state", "postal", "phone"} {
		form[k] = strings.TrimSpace(r.PostFormValue(k))
	}
	in := patientIn{Name: chartroom.PersonName{Family: form["family"], Given: form["given"], Middle: form["middle"]}, BirthDate: form["birth_date"],
		Sex: form["sex"], SSN: form["ssn"], Identifiers: []chartroom.Identifier{{Type: "MR", Facility: form["facility"], Value: form["mrn"]}}}
	if form["line1"] != "" || form["postal"] != "" {
		in.Addresses = []chartroom.Address{{Use: "home", Line1: form["line1"], City: form["city"], State: form["state"], Postal: form["postal"]}}
	}
	if form["phone"] != "" {
		in.Telecoms = []chartroom.Telecom{{Use: "home", System: "phone", Value: form["phone"]}}
	}
	data := map[string]any{"Title": "Register a patient", "Nav": "patients", "F": form}
	p, err := in.patient()
	if err == nil {
		err = s.checkFacilities(r.Context(), p)
	}
	if err != nil {
		if chartroom.ErrorKind(err) != chartroom.KindInvalid && chartroom.ErrorKind(err) != chartroom.KindForbidden {
			return err
		}
		data["Error"] = chartroom.ErrorMessage(err)
		s.render(w, r, http.StatusBadRequest, "register.html", data)
		return nil
	}
	if s.Watcher != nil && r.PostFormValue("confirm") != "new" {
		var views []map[string]any
		for _, m := range s.likelyMatches(r.Context(), p, 5) {
			views = append(views, map[string]any{"P": m.patient, "MRN": m.patient.MRN(""), "Percent": strconv.FormatFloat(m.score.Probability*100, 'f', 1, 64), "Score": m.score})
		}
		if len(views) > 0 {
			data["Matches"] = views
			s.render(w, r, http.StatusOK, "register.html", data)
			return nil
		}
	}
	if err := s.Patients.CreatePatient(r.Context(), p); err != nil {
		if k := chartroom.ErrorKind(err); k == chartroom.KindInvalid || k == chartroom.KindConflict {
			data["Error"] = chartroom.ErrorMessage(err)
			s.render(w, r, http.StatusBadRequest, "register.html", data)
			return nil
		}
		return err
	}
	http.Redirect(w, r, "/patients/"+itoa(p.ID), http.StatusSeeOther)
	return nil
}

type likelyMatch struct {
	patient *chartroom.Patient
	score   mpi.Score
}

// likelyMatches returns the registered patients a new registration may be,
// those the user may see, each read through the audited patient service.
func (s *Server) likelyMatches(ctx context.Context, p *chartroom.Patient, limit int) []likelyMatch {
	var out []likelyMatch
	for _, m := range s.Watcher.Check(p, limit) {
		id, err := strconv.ParseInt(m.ID, 10, 64)
		if err != nil || s.checkPatientID(ctx, id) != nil {
			continue
		}
		other, err := s.Patients.Patient(ctx, id)
		if err != nil {
			continue
		}
		out = append(out, likelyMatch{other, m.Score})
	}
	return out
}

// apiCheckPatient answers the registrar's question before saving: who
// already registered might this be?
func (s *Server) apiCheckPatient(w http.ResponseWriter, r *http.Request) error {
	if s.Watcher == nil {
		return errNoMPI
	}
	var in patientIn
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	p, err := in.patient()
	if err != nil {
		return err
	}
	type match struct {
		Patient any       `json:"patient"`
		Score   mpi.Score `json:"score"`
	}
	out := []match{}
	for _, m := range s.likelyMatches(r.Context(), p, 10) {
		out = append(out, match{patientOut(m.patient), m.score})
	}
	return writeJSON(w, http.StatusOK, map[string]any{"items": out})
}

// apiDuplicates lists the worklist.
func (s *Server) apiDuplicates(w http.ResponseWriter, r *http.Request) error {
	if s.Matches == nil {
		return errNoMPI
	}
	q := query{r: r}
	f := chartroom.MatchFilter{Status: q.str("status"), Kind: q.str("kind"), Limit: 500}
	if v := q.str("patient_id"); v != "" {
		f.PatientID, _ = strconv.ParseInt(v, 10, 64)
	}
	cs, err := s.Matches.Candidates(r.Context(), f)
	if err != nil {
		return err
	}
	out := []*chartroom.MatchCandidate{}
	for _, c := range cs {
		if s.checkPatientID(r.Context(), c.LeftID) == nil && s.checkPatientID(r.Context(), c.RightID) == nil {
			out = append(out, c)
		}
	}
	return writeJSON(w, http.StatusOK, map[string]any{"items": out})
}

type decisionIn struct {
	Status     string `json:"status"` // merged, not-duplicate or resolved
	SurvivorID int64  `json:"survivor_id"`
	Note       string `json:"note"`
}

// apiDecideDuplicate merges a pair (status "merged", keeping survivor_id)
// or closes it.
func (s *Server) apiDecideDuplicate(w http.ResponseWriter, r *http.Request) error {
	c, err := s.candidate(r)
	if err != nil {
		return err
	}
	var in decisionIn
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	if c.Status != chartroom.CandidateOpen {
		return &chartroom.Error{Kind: chartroom.KindConflict, Field: "status", Message: "this entry was already decided: " + c.Status}
	}
	for _, id := range []int64{c.LeftID, c.RightID} {
		if err := s.checkPatientID(r.Context(), id); err != nil {
			return err
		}
	}
	me := userFrom(r.Context()).ID
	switch in.Status {
	case chartroom.CandidateMerged:
		if c.Kind != chartroom.CandidateDuplicate || c.Status != chartroom.CandidateOpen {
			return &chartroom.Error{Kind: chartroom.KindConflict, Message: "only an open duplicate pair can be merged"}
		}
		retired := c.RightID
		switch in.SurvivorID {
		case c.LeftID:
		case c.RightID:
			retired = c.LeftID
		default:
			return chartroom.Invalid("survivor_id", "the survivor must be one of the pair")
		}
		if len(strings.TrimSpace(in.Note)) < 5 {
			return chartroom.Invalid("note", "say why these records are the same person")
		}
		if _, err := s.Merges.MergePatients(r.Context(), in.SurvivorID, retired, me, in.Note); err != nil {
			return err
		}
	case chartroom.CandidateNotDuplicate, chartroom.CandidateResolved:
	default:
		return chartroom.Invalid("status", "merged, not-duplicate or resolved")
	}
	if err := s.Matches.DecideCandidate(r.Context(), c.ID, in.Status, me, in.Note); err != nil {
		return err
	}
	c, err = s.Matches.Candidate(r.Context(), c.ID)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, c)
}
