package http

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/chartroom/chartroom"
	"github.com/chartroom/chartroom/audit"
	"github.com/chartroom/chartroom/roi"
)

// Settings keeps the site settings an administrator changes in the UI.
type Settings interface {
	Setting(ctx context.Context, key string, dst any) (bool, error)
	SetSetting(ctx context.Context, key string, v any, by int64) error
}

const feesKey = "roi.fees"

// fees returns the site's fee schedule: the one set in the UI, or the
// configured default.
func (s *Server) fees(ctx context.Context) roi.FeeSchedule {
	if s.Settings != nil {
		var f roi.FeeSchedule
		if ok, err := s.Settings.Setting(ctx, feesKey, &f); ok && err == nil {
			return f
		}
	}
	return s.Fees
}

func (s *Server) handleFeesPage(w http.ResponseWriter, r *http.Request) error {
	s.render(w, r, http.StatusOK, "fees.html", map[string]any{"Title": "Fee schedule", "Nav": "releases", "F": s.fees(r.Context()),
		"Flash": r.URL.Query().Get("done"), "Examples": feeExamples(s.fees(r.Context()))})
	return nil
}

// feeExamples shows what the schedule charges, so the person setting it
// sees the effect.
func feeExamples(f roi.FeeSchedule) []map[string]any {
	var out []map[string]any
	for _, x := range []struct {
		label string
		basis roi.Basis
		pages int
		elec  bool
	}{{"Attorney, 40 pages", roi.Authorization, 40, false}, {"Attorney, 400 pages", roi.Authorization, 400, false},
		{"Patient, electronic copy, 120 pages", roi.RightOfAccess, 120, true}, {"Patient, paper, 120 pages", roi.RightOfAccess, 120, false}} {
		out = append(out, map[string]any{"Label": x.label, "Fee": fmt.Sprintf("$%.2f", f.Fee(x.basis, x.pages, x.elec))})
	}
	return out
}

func (s *Server) handleFeesSave(w http.ResponseWriter, r *http.Request) error {
	if s.Settings == nil {
		return errNoReleases
	}
	num := func(name string) (float64, error) {
		v := strings.TrimSpace(strings.TrimPrefix(r.PostFormValue(name), "$"))
		if v == "" {
			return 0, nil
		}
		f, err := strconv.ParseFloat(v, 64)
		if err != nil {
			return 0, chartroom.Invalid(name, "want an amount such as 0.25")
		}
		return f, nil
	}
	var f roi.FeeSchedule
	var err error
	f.Name, f.State = strings.TrimSpace(r.PostFormValue("name")), strings.ToUpper(strings.TrimSpace(r.PostFormValue("state")))
	for _, x := range []struct {
		name string
		dst  *float64
	}{{"flat", &f.Flat}, {"per_page", &f.PerPage}, {"first_page_rate", &f.FirstPageRate}, {"cap", &f.Cap}, {"patient_access_flat", &f.PatientAccessFlat}} {
		if *x.dst, err = num(x.name); err != nil {
			return err
		}
	}
	if v := strings.TrimSpace(r.PostFormValue("first_pages")); v != "" {
		if f.FirstPages, err = strconv.Atoi(v); err != nil {
			return chartroom.Invalid("first_pages", "want a whole number of pages")
		}
	}
	f.WaivePatient = r.PostFormValue("waive_patient") == "on"
	if field, err := f.Check(); err != nil {
		return chartroom.Invalid(field, "%v", err)
	}
	u := userFrom(r.Context())
	if err := s.Settings.SetSetting(r.Context(), feesKey, f, u.ID); err != nil {
		return err
	}
	if s.Audit != nil {
		a, _ := audit.ActorFrom(r.Context())
		s.Audit.Record(r.Context(), audit.Entry{At: s.Now(), UserID: a.UserID, Username: a.Username, Role: a.Role, Action: audit.ConfigChange,
			ObjectType: "fee-schedule", IP: a.IP, Outcome: audit.Success, Detail: fmt.Sprintf("%+v", f)})
	}
	http.Redirect(w, r, "/admin/fees?done="+urlEscape("Fee schedule saved"), http.StatusSeeOther)
	return nil
}

// handleInvoice writes the request's invoice as a PDF.
func (s *Server) handleInvoice(w http.ResponseWriter, r *http.Request) error {
	req, err := s.release(r)
	if err != nil {
		return err
	}
	if req.Pages <= 0 {
		return chartroom.Errorf(chartroom.KindConflict, "pages", "record the pages released before invoicing")
	}
	p, err := s.Lookup.Patient(r.Context(), req.PatientID)
	if err != nil {
		return err
	}
	f := s.fees(r.Context())
	in := &roi.Invoice{Facility: s.FacilityName, Number: fmt.Sprintf("ROI-%d", req.ID), Date: s.Now(), BillTo: req.RequesterName, Address: req.RequesterAddress,
		Patient: p.Name.Given + " " + p.Name.Family, RequestID: req.ID, Basis: req.Basis, Pages: req.Pages, Schedule: f,
		Amount: f.Fee(req.Basis, req.Pages, req.Format != "paper")}
	var buf bytes.Buffer
	if err := in.WritePDF(&buf); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/pdf")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`inline; filename="invoice-ROI-%d.pdf"`, req.ID))
	_, err = w.Write(buf.Bytes())
	return err
}

// handleTurnaround reports how fast requests received in a period were
// answered, by basis: ?from=YYYY-MM-DD&to=YYYY-MM-DD (default: the last 90
// days).
func (s *Server) handleTurnaround(w http.ResponseWriter, r *http.Request) error {
	if s.Releases == nil {
		return errNoReleases
	}
	q := query{r: r}
	from, to, err := s.dateRange(q, 90)
	if err != nil {
		return err
	}
	if !from.Before(to) {
		return chartroom.Invalid("from", "the period must start before it ends")
	}
	reqs, err := s.Releases.RequestsReceived(r.Context(), from, to.Add(24*time.Hour))
	if err != nil {
		return err
	}
	rows := roi.Turnaround(reqs, s.Now())
	if strings.HasPrefix(r.URL.Path, "/api/") {
		return writeJSON(w, http.StatusOK, map[string]any{"from": from.Format("2006-01-02"), "to": to.Format("2006-01-02"), "rows": rows})
	}
	s.render(w, r, http.StatusOK, "turnaround.html", map[string]any{"Title": "Turnaround", "Nav": "releases", "Rows": rows,
		"From": from.Format("2006-01-02"), "To": to.Format("2006-01-02")})
	return nil
}

// dateRange reads ?from= and ?to= (YYYY-MM-DD); by default the period ends
// today and starts days before.
func (s *Server) dateRange(q query, days int) (from, to time.Time, err error) {
	to = s.Now()
	from = to.AddDate(0, 0, -days)
	for _, x := range []struct {
		name string
		dst  *time.Time
	}{{"from", &from}, {"to", &to}} {
		if v := q.str(x.name); v != "" {
			t, err := time.Parse("2006-01-02", v)
			if err != nil {
				return from, to, chartroom.Invalid(x.name, "want a date as YYYY-MM-DD")
			}
			*x.dst = t
		}
	}
	return from, to, nil
}
