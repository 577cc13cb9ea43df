package http

import (
	"context"
	"encoding/csv"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/chartroom/chartroom"
	"github.com/chartroom/chartroom/audit"
	"github.com/chartroom/chartroom/codeset"
	"github.com/chartroom/chartroom/coding"
	"github.com/chartroom/chartroom/sqlstore"
)

// CodingStore keeps coding abstracts and answers the coding worklists.
type CodingStore interface {
	Abstract(ctx context.Context, encounterID int64) (*coding.Abstract, error)
	SaveAbstract(ctx context.Context, a *coding.Abstract, by int64) error
	FinaliseAbstract(ctx context.Context, encounterID, by int64, check func(a *coding.Abstract) []coding.Edit) (*coding.Abstract, error)
	RebillAbstract(ctx context.Context, encounterID, by int64, reason string) error
	AssignAbstract(ctx context.Context, encounterID, coder int64, hold string) error
	AbstractChanges(ctx context.Context, encounterID int64) ([]sqlstore.AbstractChange, error)
	CodingWorklist(ctx context.Context, f coding.WorkFilter) ([]coding.WorkItem, error)
	QueueCodingAudit(ctx context.Context, encounterID, coderID int64, mode string) error
	CodingAudit(ctx context.Context, encounterID int64) (*sqlstore.CodingAudit, error)
	CodingAudits(ctx context.Context, status string) ([]*sqlstore.CodingAudit, error)
	RecordCodingAudit(ctx context.Context, encounterID, auditorID int64, review *coding.Abstract, reasons map[string]string) (*sqlstore.CodingAudit, error)
	CodingProductivity(ctx context.Context, from, to time.Time) ([]coding.Activity, []coding.Finalised, error)
	RecordSuggestionDecision(ctx context.Context, encounterID, userID int64, d coding.SuggestionDecision) error
	SuggestionDecisions(ctx context.Context, from, to time.Time) ([]coding.SuggestionDecision, error)
}

// AuditPolicy is the site's second-level review setting: the share of
// finalised encounters reviewed, and how.
type AuditPolicy struct {
	Percent int    `json:"percent"` // default 10
	Mode    string `json:"mode"`    // blind (re-code without seeing the codes) or review
}

const auditPolicyKey = "coding.audit"

func (s *Server) auditPolicy(ctx context.Context) AuditPolicy {
	p := AuditPolicy{Percent: 10, Mode: "review"}
	if s.Settings != nil {
		s.Settings.Setting(ctx, auditPolicyKey, &p)
	}
	return p
}

// sampleForAudit queues a just-finalised encounter for review when the
// site's sample picks it.
func (s *Server) sampleForAudit(ctx context.Context, encounterID, coderID int64) {
	p := s.auditPolicy(ctx)
	if coding.Sampled(encounterID, p.Percent) {
		if err := s.Coding.QueueCodingAudit(ctx, encounterID, coderID, p.Mode); err != nil {
			s.Logger.Error("queueing a coding review", "encounter_id", encounterID, "err", err.Error())
		}
	}
}

var errNoCoding = &chartroom.Error{Kind: chartroom.KindUnavailable, Message: "coding is not configured on this server"}

// codingEncounter loads the encounter in the path after checking the user
// may see its patient.
func (s *Server) codingEncounter(r *http.Request) (*chartroom.Encounter, error) {
	if s.Coding == nil {
		return nil, errNoCoding
	}
	id, err := pathID(r)
	if err != nil {
		return nil, err
	}
	e, err := s.Encounters.Encounter(r.Context(), id)
	if err != nil {
		return nil, err
	}
	if err := s.checkPatientID(r.Context(), e.PatientID); err != nil {
		return nil, err
	}
	return e, nil
}

// facts gives the edits the patient's age at admission and sex, and the
// date whose code set applies (discharge, or admission while in house).
func (s *Server) facts(ctx context.Context, e *chartroom.Encounter) (coding.Facts, error) {
	p, err := s.Lookup.Patient(ctx, e.PatientID)
	if err != nil {
		return coding.Facts{}, err
	}
	day := e.AdmitAt
	if e.DischargeAt != nil {
		day = *e.DischargeAt
	}
	f := coding.Facts{Age: p.BirthDate.AgeOn(chartroom.DateOf(e.AdmitAt)), Discharge: codeset.DateOf(day)}
	if p.Sex == chartroom.SexFemale || p.Sex == chartroom.SexMale {
		f.Sex = string(p.Sex)[0]
	}
	return f, nil
}

// check runs the edits with the loaded code set.
func (s *Server) check(ctx context.Context, e *chartroom.Encounter, a *coding.Abstract) ([]coding.Edit, error) {
	f, err := s.facts(ctx, e)
	if err != nil {
		return nil, err
	}
	var set *codeset.Set
	if s.Codes != nil {
		set, _, _ = s.Codes.get()
	}
	return coding.Check(a, set, f), nil
}

func (s *Server) recordAbstract(r *http.Request, action audit.Action, e *chartroom.Encounter, detail string) {
	if s.Audit == nil {
		return
	}
	a, _ := audit.ActorFrom(r.Context())
	s.Audit.Record(r.Context(), audit.Entry{At: s.Now(), UserID: a.UserID, Username: a.Username, Role: a.Role, Action: action, ObjectType: "abstract",
		ObjectID: itoa(e.ID), PatientID: e.PatientID, IP: a.IP, UserAgent: a.UserAgent, Purpose: a.Purpose, Outcome: audit.Success, Detail: detail})
}

type abstractOut struct {
	*coding.Abstract
	Edits []coding.Edit `json:"edits"`
}

// apiGetAbstract returns the encounter's abstract with its edits (an empty
// one, version 0, before coding starts).
func (s *Server) apiGetAbstract(w http.ResponseWriter, r *http.Request) error {
	e, err := s.codingEncounter(r)
	if err != nil {
		return err
	}
	a, err := s.Coding.Abstract(r.Context(), e.ID)
	if chartroom.ErrorKind(err) == chartroom.KindNotFound {
		a, err = &coding.Abstract{EncounterID: e.ID, Setting: settingOf(e), Status: coding.InProgress}, nil
	}
	if err != nil {
		return err
	}
	edits, err := s.check(r.Context(), e, a)
	if err != nil {
		return err
	}
	s.recordAbstract(r, audit.Read, e, "read the coding abstract")
	return writeJSON(w, http.StatusOK, abstractOut{a, edits})
}

func settingOf(e *chartroom.Encounter) coding.Setting {
	if e.Class == chartroom.Inpatient {
		return coding.Inpatient
	}
	return coding.Outpatient
}

// apiSaveAbstract stores the coder's abstract (send the version read) and
// returns it with its edits.
func (s *Server) apiSaveAbstract(w http.ResponseWriter, r *http.Request) error {
	e, err := s.codingEncounter(r)
	if err != nil {
		return err
	}
	var in coding.Abstract
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	in.EncounterID = e.ID
	if in.Setting == "" {
		in.Setting = settingOf(e)
	}
	if in.Setting != coding.Inpatient && in.Setting != coding.Outpatient {
		return chartroom.Invalid("setting", "inpatient or outpatient")
	}
	if err := s.Coding.SaveAbstract(r.Context(), &in, userFrom(r.Context()).ID); err != nil {
		return err
	}
	a, err := s.Coding.Abstract(r.Context(), e.ID)
	if err != nil {
		return err
	}
	edits, err := s.check(r.Context(), e, a)
	if err != nil {
		return err
	}
	s.recordAbstract(r, audit.Update, e, "saved the coding abstract, version "+strconv.FormatInt(a.Version, 10))
	return writeJSON(w, http.StatusOK, abstractOut{a, edits})
}

// apiFinaliseAbstract makes the abstract final for billing, or refuses with
// every edit that stands in the way.
func (s *Server) apiFinaliseAbstract(w http.ResponseWriter, r *http.Request) error {
	e, err := s.codingEncounter(r)
	if err != nil {
		return err
	}
	var checkErr error
	a, err := s.Coding.FinaliseAbstract(r.Context(), e.ID, userFrom(r.Context()).ID, func(a *coding.Abstract) []coding.Edit {
		edits, err := s.check(r.Context(), e, a)
		if err != nil {
			checkErr = err
			return []coding.Edit{{Rule: "check", Hard: true, Message: "the edits could not run"}}
		}
		return edits
	})
	if checkErr != nil {
		return checkErr
	}
	if err != nil {
		return err
	}
	s.recordAbstract(r, audit.Update, e, "finalised the coding abstract")
	s.sampleForAudit(r.Context(), e.ID, userFrom(r.Context()).ID)
	return writeJSON(w, http.StatusOK, abstractOut{a, []coding.Edit{}})
}

// apiRebillAbstract reopens a final abstract with a reason.
func (s *Server) apiRebillAbstract(w http.ResponseWriter, r *http.Request) error {
	e, err := s.codingEncounter(r)
	if err != nil {
		return err
	}
	var in struct {
		Reason string `json:"reason"`
	}
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	if err := s.Coding.RebillAbstract(r.Context(), e.ID, userFrom(r.Context()).ID, in.Reason); err != nil {
		return err
	}
	s.recordAbstract(r, audit.Update, e, "reopened the abstract to rebill")
	a, err := s.Coding.Abstract(r.Context(), e.ID)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, a)
}

// apiAssignAbstract gives an encounter to a coder and sets or clears its
// hold.
func (s *Server) apiAssignAbstract(w http.ResponseWriter, r *http.Request) error {
	e, err := s.codingEncounter(r)
	if err != nil {
		return err
	}
	var in struct {
		CoderID int64  `json:"coder_id"`
		Hold    string `json:"hold"`
	}
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	if len(in.Hold) > 200 {
		return chartroom.Invalid("hold", "at most 200 characters")
	}
	if in.CoderID != 0 {
		u, err := s.Users.User(r.Context(), in.CoderID)
		if err != nil || u.Disabled || !s.Policy.Allows(u, "coding.write") {
			return chartroom.Invalid("coder_id", "that person does not code")
		}
	}
	if err := s.Coding.AssignAbstract(r.Context(), e.ID, in.CoderID, in.Hold); err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, map[string]any{"encounter_id": e.ID, "coder_id": in.CoderID, "hold": in.Hold})
}

// apiAbstractChanges lists who changed which code, when, from what to what.
func (s *Server) apiAbstractChanges(w http.ResponseWriter, r *http.Request) error {
	e, err := s.codingEncounter(r)
	if err != nil {
		return err
	}
	cs, err := s.Coding.AbstractChanges(r.Context(), e.ID)
	if err != nil {
		return err
	}
	if cs == nil {
		cs = []sqlstore.AbstractChange{}
	}
	s.recordAbstract(r, audit.Read, e, "read the abstract's change history")
	return writeJSON(w, http.StatusOK, map[string]any{"items": cs})
}

func (s *Server) workFilter(r *http.Request) (coding.WorkFilter, error) {
	q := query{r: r}
	f := coding.WorkFilter{Class: q.str("class"), Service: q.str("service"), Payer: q.str("payer"), Facility: q.str("facility"), Now: s.Now(), Limit: 1000}
	switch v := q.str("assigned"); v {
	case "":
	case "me":
		f.AssignedTo = userFrom(r.Context()).ID
	default:
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return f, chartroom.Invalid("assigned", "me or a user id")
		}
		f.AssignedTo = id
	}
	if v := q.str("min_age"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			return f, chartroom.Invalid("min_age", "days since discharge, a whole number")
		}
		f.MinAge = n
	}
	return f, nil
}

// visible keeps the work items whose patients the user may see.
func (s *Server) visible(ctx context.Context, items []coding.WorkItem) []coding.WorkItem {
	out := []coding.WorkItem{}
	for _, it := range items {
		if s.checkPatientID(ctx, it.PatientID) == nil {
			out = append(out, it)
		}
	}
	return out
}

// worklist reads the request's filters and returns the worklist items the
// user may see; limit, when positive, replaces the filter's.
func (s *Server) worklist(r *http.Request, limit int) ([]coding.WorkItem, error) {
	if s.Coding == nil {
		return nil, errNoCoding
	}
	f, err := s.workFilter(r)
	if err != nil {
		return nil, err
	}
	if limit > 0 {
		f.Limit = limit
	}
	items, err := s.Coding.CodingWorklist(r.Context(), f)
	if err != nil {
		return nil, err
	}
	return s.visible(r.Context(), items), nil
}

// apiCodingWorklist lists encounters waiting to be coded, oldest discharge
// first; filters: class, service, payer, facility, assigned (me or an id),
// min_age (days since discharge).
func (s *Server) apiCodingWorklist(w http.ResponseWriter, r *http.Request) error {
	items, err := s.worklist(r, 0)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, map[string]any{"items": items})
}

// apiDNFB reports discharged, not final billed encounters by age and hold.
func (s *Server) apiDNFB(w http.ResponseWriter, r *http.Request) error {
	items, err := s.worklist(r, 100000)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, coding.Report(items, s.Now()))
}

// apiCodingAudits lists the review queue (?status=pending, the default) or
// the reviews done. In blind mode a pending review does not show the
// coder's codes.
func (s *Server) apiCodingAudits(w http.ResponseWriter, r *http.Request) error {
	if s.Coding == nil {
		return errNoCoding
	}
	status := r.URL.Query().Get("status")
	if status == "" {
		status = "pending"
	}
	if status != "pending" && status != "done" {
		return chartroom.Invalid("status", "pending or done")
	}
	as, err := s.Coding.CodingAudits(r.Context(), status)
	if err != nil {
		return err
	}
	out := []*sqlstore.CodingAudit{}
	for _, a := range as {
		e, err := s.Encounters.Encounter(r.Context(), a.EncounterID)
		if err != nil || s.checkPatientID(r.Context(), e.PatientID) != nil {
			continue
		}
		out = append(out, a)
	}
	return writeJSON(w, http.StatusOK, map[string]any{"items": out})
}

// apiRecordCodingAudit records the reviewer's coding of a queued encounter
// and returns the comparison.
func (s *Server) apiRecordCodingAudit(w http.ResponseWriter, r *http.Request) error {
	e, err := s.codingEncounter(r)
	if err != nil {
		return err
	}
	var in struct {
		Review  coding.Abstract   `json:"review"`
		Reasons map[string]string `json:"reasons"`
	}
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	a, err := s.Coding.RecordCodingAudit(r.Context(), e.ID, userFrom(r.Context()).ID, &in.Review, in.Reasons)
	if err != nil {
		return err
	}
	s.recordAbstract(r, audit.Update, e, "recorded a second-level coding review")
	return writeJSON(w, http.StatusOK, a)
}

// apiCoderAccuracy reports each coder's agreement with review: diagnosis,
// procedure, POA and principal diagnosis.
func (s *Server) apiCoderAccuracy(w http.ResponseWriter, r *http.Request) error {
	if s.Coding == nil {
		return errNoCoding
	}
	as, err := s.Coding.CodingAudits(r.Context(), "done")
	if err != nil {
		return err
	}
	by := map[int64][]coding.AuditResult{}
	for _, a := range as {
		if a.Result != nil {
			by[a.CoderID] = append(by[a.CoderID], *a.Result)
		}
	}
	rows := coding.Accuracy(by)
	if r.URL.Query().Get("format") == "csv" {
		return writeCSV(w, "coder-accuracy.csv", []string{"coder_id", "audited", "diagnosis", "procedure", "poa", "principal"}, len(rows), func(i int) []string {
			a := rows[i]
			return []string{itoa(a.CoderID), strconv.Itoa(a.Audited), pct(a.Diagnosis), pct(a.Procedure), pct(a.POA), pct(a.Principal)}
		})
	}
	return writeJSON(w, http.StatusOK, map[string]any{"items": rows})
}

func pct(f float64) string { return strconv.FormatFloat(f, 'f', 3, 64) }

// writeCSV writes a report as a CSV download.
func writeCSV(w http.ResponseWriter, name string, header []string, n int, row func(i int) []string) error {
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
	cw := csv.NewWriter(w)
	cw.Write(header)
	for i := 0; i < n; i++ {
		cw.Write(row(i))
	}
	cw.Flush()
	return cw.Error()
}

// apiCodingProductivity reports charts finalised per coder and encounter
// type and charts per hour, for ?from=YYYY-MM-DD&to=YYYY-MM-DD (default
// the last 30 days), as JSON or ?format=csv.
func (s *Server) apiCodingProductivity(w http.ResponseWriter, r *http.Request) error {
	if s.Coding == nil {
		return errNoCoding
	}
	q := query{r: r}
	from, to, err := s.dateRange(q, 30)
	if err != nil {
		return err
	}
	acts, finals, err := s.Coding.CodingProductivity(r.Context(), from, to.Add(24*time.Hour))
	if err != nil {
		return err
	}
	rows := coding.Productivity(acts, finals)
	if q.str("format") == "csv" {
		return writeCSV(w, "coding-productivity.csv", []string{"coder_id", "class", "charts", "hours", "charts_per_hour"}, len(rows), func(i int) []string {
			p := rows[i]
			return []string{itoa(p.CoderID), p.Class, strconv.Itoa(p.Charts), pct(p.Hours), pct(p.PerHour)}
		})
	}
	return writeJSON(w, http.StatusOK, map[string]any{"from": from.Format("2006-01-02"), "to": to.Format("2006-01-02"), "items": rows})
}

// apiSuggestionDecision records a coder's acceptance or rejection of a
// suggested code: {"code": "I50.23", "rule": "index", "decision":
// "accepted"}. The workbench sends it on the keystroke.
func (s *Server) apiSuggestionDecision(w http.ResponseWriter, r *http.Request) error {
	e, err := s.codingEncounter(r)
	if err != nil {
		return err
	}
	var in coding.SuggestionDecision
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	in.Code = strings.ToUpper(strings.TrimSpace(in.Code))
	if err := s.Coding.RecordSuggestionDecision(r.Context(), e.ID, userFrom(r.Context()).ID, in); err != nil {
		return err
	}
	s.recordAbstract(r, audit.Update, e, in.Decision+" a suggested code")
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// apiAcceptanceRates reports the share of suggestions coders accepted, by
// code (?by=code, the default) or by rule (?by=rule), for
// ?from=YYYY-MM-DD&to=YYYY-MM-DD (default the last 30 days), as JSON or
// ?format=csv.
func (s *Server) apiAcceptanceRates(w http.ResponseWriter, r *http.Request) error {
	if s.Coding == nil {
		return errNoCoding
	}
	q := query{r: r}
	from, to, err := s.dateRange(q, 30)
	if err != nil {
		return err
	}
	by := q.str("by")
	if by == "" {
		by = "code"
	}
	if by != "code" && by != "rule" {
		return chartroom.Invalid("by", "want code or rule")
	}
	ds, err := s.Coding.SuggestionDecisions(r.Context(), from, to.Add(24*time.Hour))
	if err != nil {
		return err
	}
	rows, byRule := coding.AcceptanceRates(ds)
	if by == "rule" {
		rows = byRule
	}
	if q.str("format") == "csv" {
		return writeCSV(w, "suggestion-acceptance-by-"+by+".csv", []string{by, "accepted", "rejected", "rate"}, len(rows), func(i int) []string {
			a := rows[i]
			return []string{a.Key, strconv.Itoa(a.Accepted), strconv.Itoa(a.Rejected), pct(a.Rate)}
		})
	}
	return writeJSON(w, http.StatusOK, map[string]any{"from": from.Format("2006-01-02"), "to": to.Format("2006-01-02"), "by": by, "items": rows})
}
