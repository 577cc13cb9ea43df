package http

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/chartroom/chartroom"
	"github.com/chartroom/chartroom/audit"
	"github.com/chartroom/chartroom/auth"
)

// alertConfidential raises an alert when a VIP or employee record is opened,
// at most once per user, patient and hour, so the privacy officer sees who
// looked without being flooded by one user's page views.
func (s *Server) alertConfidential(ctx context.Context, u *chartroom.User, p *chartroom.Patient, glass bool) {
	if s.Access == nil || glass {
		return // a break-the-glass already raised its own alert
	}
	if s.Policy.Allows(u, auth.SeeRestricted) && u.HasRole(chartroom.RolePrivacy) {
		return // the privacy officer's own reviews are not alerts
	}
	key := itoa(u.ID) + ":" + itoa(p.ID)
	if !s.alerted.first(key, s.Now(), time.Hour) {
		return
	}
	kind := "vip-record-opened"
	if p.Confidentiality.Employee {
		kind = "employee-record-opened"
	}
	s.raise(ctx, &chartroom.Alert{Kind: kind, UserID: u.ID, PatientID: p.ID, Detail: "opened by " + u.Username})
}

// raise stores an alert and posts it to the webhook, if one is set. A
// failing webhook is logged, never fatal to the request.
func (s *Server) raise(ctx context.Context, a *chartroom.Alert) {
	if err := s.Access.CreateAlert(ctx, a); err != nil {
		s.Logger.Error("storing alert failed", "kind", a.Kind, "err", err.Error())
		return
	}
	if s.AlertWebhook == "" {
		return
	}
	body, _ := json.Marshal(map[string]any{"id": a.ID, "kind": a.Kind, "user_id": a.UserID, "patient_id": a.PatientID, "created_at": a.CreatedAt, "detail": a.Detail})
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.AlertWebhook, bytes.NewReader(body))
		if err != nil {
			s.Logger.Error("alert webhook", "err", err.Error())
			return
		}
		req.Header.Set("Content-Type", "application/json")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			s.Logger.Error("alert webhook failed", "alert", a.ID, "err", err.Error())
			return
		}
		resp.Body.Close()
		if resp.StatusCode >= 300 {
			s.Logger.Error("alert webhook refused", "alert", a.ID, "status", resp.StatusCode)
		}
	}()
}

// handleBreakGlass grants the signed-in user time-limited access to one
// restricted record, with the reason they give, records it and alerts the
// privacy officer at once.
func (s *Server) handleBreakGlass(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	p, err := s.Lookup.Patient(ctx, id)
	if err != nil {
		return err
	}
	u := userFrom(ctx)
	if s.Policy.SeePatient(u, p, false) == auth.AccessDenied {
		return chartroom.NotFound("patient")
	}
	reason := strings.TrimSpace(r.PostFormValue("reason"))
	if len(reason) < 10 {
		return chartroom.Invalid("reason", "say why you need this record (at least 10 characters)")
	}
	now := s.Now()
	g := &chartroom.BreakGlass{UserID: u.ID, PatientID: p.ID, Reason: reason, Purpose: r.PostFormValue("purpose"), GrantedAt: now, ExpiresAt: now.Add(s.Policy.BreakGlassFor)}
	if err := s.Access.GrantBreakGlass(ctx, g); err != nil {
		return err
	}
	if s.Audit != nil {
		a, _ := audit.ActorFrom(ctx)
		s.Audit.Record(ctx, audit.Entry{At: now, UserID: u.ID, Username: u.Username, Role: a.Role, Action: audit.BreakGlass, ObjectType: "patient",
			ObjectID: itoa(p.ID), PatientID: p.ID, IP: a.IP, UserAgent: a.UserAgent, Purpose: g.Purpose, Reason: reason, Outcome: audit.Success})
	}
	s.raise(ctx, &chartroom.Alert{Kind: "break-the-glass", UserID: u.ID, PatientID: p.ID, Detail: u.Username + ": " + reason})
	http.Redirect(w, r, "/patients/"+itoa(p.ID), http.StatusSeeOther)
	return nil
}

// handleAlertsPage lists privacy alerts for the privacy officer.
func (s *Server) handleAlertsPage(w http.ResponseWriter, r *http.Request) error {
	all := r.URL.Query().Get("all") == "1"
	alerts, err := s.Access.Alerts(r.Context(), !all, 200)
	if err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, "alerts.html", map[string]any{"Title": "Privacy alerts", "Nav": "privacy", "Alerts": alerts, "All": all})
	return nil
}

func (s *Server) handleAlertAck(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if err := s.Access.AcknowledgeAlert(r.Context(), id, userFrom(r.Context()).ID, s.Now()); err != nil {
		return err
	}
	http.Redirect(w, r, "/privacy/alerts", http.StatusSeeOther)
	return nil
}

// onceLog remembers keys for a while, to throttle repeated alerts.
type onceLog struct {
	mu sync.Mutex
	m  map[string]time.Time
}

func (o *onceLog) first(key string, now time.Time, every time.Duration) bool {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.m == nil {
		o.m = map[string]time.Time{}
	}
	if t, ok := o.m[key]; ok && now.Sub(t) < every {
		return false
	}
	if len(o.m) > 50000 {
		o.m = map[string]time.Time{}
	}
	o.m[key] = now
	return true
}
