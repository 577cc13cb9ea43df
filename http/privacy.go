package http

import (
	"context"
	"encoding/csv"
	"net/http"
	"strconv"
	"time"

	"github.com/chartroom/chartroom"
	"github.com/chartroom/chartroom/audit"
	"github.com/chartroom/chartroom/monitor"
)

// handlePrivacyPage is the privacy officer's start page: find a patient's
// or a user's access report, run the monitoring rules.
func (s *Server) handlePrivacyPage(w http.ResponseWriter, r *http.Request) error {
	q := query{r: r}
	data := map[string]any{"Title": "Privacy and access monitoring", "Nav": "privacy"}
	if mrn := q.str("mrn"); mrn != "" {
		p, err := s.Lookup.PatientByIdentifier(r.Context(), "", mrn)
		if err == nil {
			http.Redirect(w, r, "/privacy/patients/"+itoa(p.ID)+"/access", http.StatusSeeOther)
			return nil
		}
		data["Error"] = "No patient has that MRN."
	}
	if name := q.str("username"); name != "" {
		u, err := s.Users.UserByName(r.Context(), name)
		if err == nil {
			http.Redirect(w, r, "/privacy/users/"+itoa(u.ID)+"/access", http.StatusSeeOther)
			return nil
		}
		data["Error"] = "No user has that username."
	}
	alerts, err := s.Access.Alerts(r.Context(), true, 10)
	if err != nil {
		return err
	}
	data["Alerts"] = alerts
	s.render(w, r, http.StatusOK, "privacy.html", data)
	return nil
}

// accessRow is one line of an access report.
type accessRow struct {
	E    *audit.Entry
	Rule string
}

func (s *Server) handlePatientAccess(w http.ResponseWriter, r *http.Request) error {
	if s.AuditLog == nil {
		return errNoAuditLog
	}
	id, err := pathID(r)
	if err != nil {
		return err
	}
	p, err := s.Lookup.Patient(r.Context(), id)
	if err != nil {
		return err
	}
	entries, err := s.AuditLog.AuditByPatient(r.Context(), id, 2000)
	if err != nil {
		return err
	}
	s.recordPrivacyView(r, "patient access report", id)
	if r.URL.Query().Get("format") == "csv" {
		return writeAccessCSV(w, "patient-"+itoa(id)+"-access.csv", entries)
	}
	s.render(w, r, http.StatusOK, "access.html", map[string]any{"Title": "Access report: " + p.Name.Display(), "Nav": "privacy",
		"Heading": "Everyone who touched the record of " + p.Name.Display() + " (MRN " + p.MRN("") + ")", "Entries": entries, "CSV": r.URL.Path + "?format=csv"})
	return nil
}

func (s *Server) handleUserAccess(w http.ResponseWriter, r *http.Request) error {
	if s.AuditLog == nil {
		return errNoAuditLog
	}
	id, err := pathID(r)
	if err != nil {
		return err
	}
	u, err := s.Users.User(r.Context(), id)
	if err != nil {
		return err
	}
	q := query{r: r}
	days := int(q.int64("days"))
	if days <= 0 || days > 365 {
		days = 30
	}
	if q.err != nil {
		return q.err
	}
	now := s.Now()
	entries, err := s.AuditLog.AuditByUser(r.Context(), id, now.AddDate(0, 0, -days), now.Add(time.Minute), 5000)
	if err != nil {
		return err
	}
	s.recordPrivacyView(r, "user access history "+u.Username, 0)
	if r.URL.Query().Get("format") == "csv" {
		return writeAccessCSV(w, "user-"+u.Username+"-access.csv", entries)
	}
	s.render(w, r, http.StatusOK, "access.html", map[string]any{"Title": "Access history: " + u.Username, "Nav": "privacy",
		"Heading": "What " + u.Name + " (" + u.Username + ") did in the last " + strconv.Itoa(days) + " days", "Entries": entries, "CSV": r.URL.Path + "?format=csv&days=" + strconv.Itoa(days)})
	return nil
}

// handleMonitor runs the monitoring rules over the last days of the trail,
// comparing each user's volume with their previous four weeks.
func (s *Server) handleMonitor(w http.ResponseWriter, r *http.Request) error {
	if s.AuditLog == nil {
		return errNoAuditLog
	}
	q := query{r: r}
	days := int(q.int64("days"))
	if days <= 0 || days > 90 {
		days = 7
	}
	if q.err != nil {
		return q.err
	}
	now := s.Now()
	from := now.AddDate(0, 0, -days)
	history, err := s.AuditLog.AuditSince(r.Context(), from.AddDate(0, 0, -28), 200000)
	if err != nil {
		return err
	}
	var before, period []*audit.Entry
	for _, e := range history {
		if e.At.Before(from) {
			before = append(before, e)
		} else {
			period = append(period, e)
		}
	}
	look := monitorLookup{s}
	hits, err := monitor.Check(r.Context(), period, look, monitor.DailyAverages(before, time.Local), monitor.Options{})
	if err != nil {
		return err
	}
	s.recordPrivacyView(r, "access monitoring", 0)
	if r.URL.Query().Get("format") == "csv" {
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		w.Header().Set("Content-Disposition", `attachment; filename="access-monitoring.csv"`)
		cw := csv.NewWriter(w)
		cw.Write([]string{"rule", "at", "user_id", "username", "patient_id", "action", "detail"})
		for _, h := range hits {
			cw.Write([]string{string(h.Rule), h.Entry.At.Format(time.RFC3339), itoa(h.Entry.UserID), h.Entry.Username, itoa(h.Patient), string(h.Entry.Action), h.Detail})
		}
		cw.Flush()
		return cw.Error()
	}
	s.render(w, r, http.StatusOK, "monitor.html", map[string]any{"Title": "Access monitoring", "Nav": "privacy", "Hits": hits, "Days": days, "Checked": len(period)})
	return nil
}

type monitorLookup struct{ s *Server }

func (m monitorLookup) User(ctx context.Context, id int64) (*chartroom.User, error) {
	return m.s.Users.User(ctx, id)
}
func (m monitorLookup) Patient(ctx context.Context, id int64) (*chartroom.Patient, error) {
	return m.s.Lookup.Patient(ctx, id)
}
func (m monitorLookup) FindEncounters(ctx context.Context, f chartroom.EncounterFilter) (chartroom.Page[*chartroom.Encounter], error) {
	return m.s.Encounters.FindEncounters(ctx, f)
}

func writeAccessCSV(w http.ResponseWriter, name string, entries []*audit.Entry) error {
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
	cw := csv.NewWriter(w)
	cw.Write([]string{"seq", "at", "user_id", "username", "role", "action", "object_type", "object_id", "patient_id", "ip", "purpose", "reason", "outcome", "detail"})
	for _, e := range entries {
		cw.Write([]string{strconv.FormatInt(e.Seq, 10), e.At.Format(time.RFC3339), itoa(e.UserID), e.Username, e.Role, string(e.Action), e.ObjectType, e.ObjectID,
			itoa(e.PatientID), e.IP, e.Purpose, e.Reason, string(e.Outcome), e.Detail})
	}
	cw.Flush()
	return cw.Error()
}

// recordPrivacyView records that the privacy officer looked at the trail.
func (s *Server) recordPrivacyView(r *http.Request, what string, patientID int64) {
	if s.Audit == nil {
		return
	}
	a, _ := audit.ActorFrom(r.Context())
	s.Audit.Record(r.Context(), audit.Entry{At: s.Now(), UserID: a.UserID, Username: a.Username, Role: a.Role, Action: audit.Read, ObjectType: "audit",
		PatientID: patientID, IP: a.IP, UserAgent: a.UserAgent, Purpose: "HOPERAT", Outcome: audit.Success, Detail: what})
}

var errNoAuditLog = &chartroom.Error{Kind: chartroom.KindUnavailable, Message: "the audit trail is not configured on this server"}
