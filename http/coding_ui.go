package http

import (
	"context"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/chartroom/chartroom"
	"github.com/chartroom/chartroom/audit"
	"github.com/chartroom/chartroom/cac"
	"github.com/chartroom/chartroom/codeset"
	"github.com/chartroom/chartroom/coding"
)

// workRow is a worklist line with the patient's name.
type workRow struct {
	coding.WorkItem
	Name string
	Age  int
}

// handleCodingPage is the coder's worklist and the DNFB summary.
func (s *Server) handleCodingPage(w http.ResponseWriter, r *http.Request) error {
	items, err := s.worklist(r, 0)
	if err != nil {
		return err
	}
	var rows []workRow
	for _, it := range items {
		row := workRow{WorkItem: it, Age: it.Age(s.Now())}
		if p, err := s.Lookup.Patient(r.Context(), it.PatientID); err == nil {
			row.Name = p.Name.Display()
		}
		rows = append(rows, row)
	}
	q := query{r: r}
	s.render(w, r, http.StatusOK, "coding.html", map[string]any{"Title": "Coding worklist", "Nav": "coding", "Rows": rows,
		"DNFB": coding.Report(items, s.Now()), "Class": q.str("class"), "Mine": q.str("assigned") == "me"})
	return nil
}

// handleWorkbench shows the encounter's documents beside its abstract, the
// edits and a code search.
func (s *Server) handleWorkbench(w http.ResponseWriter, r *http.Request) error {
	e, err := s.codingEncounter(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	p, err := s.Patients.Patient(ctx, e.PatientID)
	if err != nil {
		return err
	}
	a, err := s.Coding.Abstract(ctx, e.ID)
	if chartroom.ErrorKind(err) == chartroom.KindNotFound {
		a, err = &coding.Abstract{EncounterID: e.ID, Setting: settingOf(e), Status: coding.InProgress, Disposition: e.Disposition}, nil
	}
	if err != nil {
		return err
	}
	edits, err := s.check(ctx, e, a)
	if err != nil {
		return err
	}
	notes, err := s.encounterNotes(ctx, e)
	if err != nil {
		return err
	}
	type docView struct {
		encounterNote
		Parts []segment
	}
	type suggestionView struct {
		cac.Suggestion
		Doc string
	}
	var docs []docView
	var suggestions []suggestionView
	// Without a code set (none imported, or still loading after a
	// restart) the chart is coded by hand and the page says why there are
	// no suggestions.
	var x *codeset.Searcher
	codesNote := ""
	if _, xx, err := s.Codes.get(); err != nil {
		codesNote = "No suggestions: " + chartroom.ErrorMessage(err)
	} else {
		x = xx
	}
	f, _ := s.facts(ctx, e)
	taken := map[string]bool{}
	for _, d := range a.Diagnoses {
		taken[d.Code] = true
	}
	for _, n := range notes {
		dv := docView{encounterNote: n}
		if x != nil && n.Text != "" && len(n.Text) <= 5<<20 {
			got, _ := cac.Suggest(n.Text, x, cac.Options{Inpatient: a.Setting == coding.Inpatient, Date: f.Discharge, Age: f.Age, Sex: f.Sex})
			dv.Parts = highlight(n.Text, got)
			for _, g := range got {
				if !taken[g.Code] {
					taken[g.Code] = true
					suggestions = append(suggestions, suggestionView{g, n.D.Title})
				}
			}
		}
		docs = append(docs, dv)
	}
	s.recordAbstract(r, audit.Read, e, "opened the coding workbench")
	dx, px, svc := withBlank(a.Diagnoses, 6), withBlank(a.Procedures, 3), withBlank(a.Services, 4)
	s.render(w, r, http.StatusOK, "workbench.html", map[string]any{"Title": "Coding " + p.Name.Display(), "Nav": "coding", "E": e, "P": p, "A": a,
		"Dx": dx, "Px": px, "Svc": svc, "Edits": edits, "Docs": docs, "Suggestions": suggestions, "CodesNote": codesNote, "Flash": r.URL.Query().Get("done"), "Final": a.Status == coding.Final,
		"POA": []string{"", "Y", "N", "U", "W", "1"}})
	return nil
}

// handleWorkbenchSave saves the abstract from the workbench form and, when
// asked, finalises it.
func (s *Server) handleWorkbenchSave(w http.ResponseWriter, r *http.Request) error {
	e, err := s.codingEncounter(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	me := userFrom(ctx).ID
	back := "/coding/" + itoa(e.ID)
	if r.PostFormValue("action") == "rebill" {
		if err := s.Coding.RebillAbstract(ctx, e.ID, me, r.PostFormValue("rebill_reason")); err != nil {
			return err
		}
		http.Redirect(w, r, back+"?done="+urlEscape("Reopened to rebill"), http.StatusSeeOther)
		return nil
	}
	version, _ := strconv.ParseInt(r.PostFormValue("version"), 10, 64)
	a := &coding.Abstract{EncounterID: e.ID, Setting: coding.Setting(r.PostFormValue("setting")), Version: version,
		Admitting: strings.ToUpper(strings.TrimSpace(r.PostFormValue("admitting"))), Disposition: strings.TrimSpace(r.PostFormValue("disposition"))}
	if a.Setting == "" {
		a.Setting = settingOf(e)
	}
	codes, poas, unc := r.PostForm["dx_code"], r.PostForm["dx_poa"], r.PostForm["dx_uncertain"]
	for i, c := range codes {
		c = strings.ToUpper(strings.TrimSpace(c))
		if c == "" {
			continue
		}
		d := coding.Diagnosis{Code: c}
		if i < len(poas) {
			d.POA = poas[i]
		}
		for _, u := range unc {
			if u == strconv.Itoa(i) {
				d.Uncertain = true
			}
		}
		a.Diagnoses = append(a.Diagnoses, d)
	}
	pxDates := r.PostForm["px_date"]
	for i, c := range r.PostForm["px_code"] {
		c = strings.ToUpper(strings.TrimSpace(c))
		if c == "" {
			continue
		}
		p := coding.Procedure{Code: c}
		if i < len(pxDates) && pxDates[i] != "" {
			d, err := codeset.ParseDate(pxDates[i])
			if err != nil {
				return chartroom.Invalid("px_date", "procedure %d: want a date", i+1)
			}
			p.Date = d
		}
		a.Procedures = append(a.Procedures, p)
	}
	mods, units, ptrs := r.PostForm["svc_mod"], r.PostForm["svc_units"], r.PostForm["svc_ptr"]
	for i, c := range r.PostForm["svc_code"] {
		c = strings.ToUpper(strings.TrimSpace(c))
		if c == "" {
			continue
		}
		sv := coding.Service{Code: c, Units: 1}
		if i < len(mods) {
			sv.Modifiers = strings.Fields(strings.ToUpper(mods[i]))
		}
		if i < len(units) && strings.TrimSpace(units[i]) != "" {
			n, err := strconv.Atoi(strings.TrimSpace(units[i]))
			if err != nil {
				return chartroom.Invalid("svc_units", "service line %d: units is a whole number", i+1)
			}
			sv.Units = n
		}
		if i < len(ptrs) {
			for _, f := range strings.Fields(strings.ReplaceAll(ptrs[i], ",", " ")) {
				n, err := strconv.Atoi(f)
				if err != nil {
					return chartroom.Invalid("svc_ptr", "service line %d: pointers are diagnosis line numbers", i+1)
				}
				sv.Pointers = append(sv.Pointers, n)
			}
		}
		a.Services = append(a.Services, sv)
	}
	keys, reasons := r.PostForm["override_key"], r.PostForm["override_reason"]
	for i, k := range keys {
		if i < len(reasons) && strings.TrimSpace(reasons[i]) != "" {
			if a.Overrides == nil {
				a.Overrides = map[string]string{}
			}
			a.Overrides[k] = strings.TrimSpace(reasons[i])
		}
	}
	if err := s.Coding.SaveAbstract(ctx, a, me); err != nil {
		if chartroom.ErrorKind(err) == chartroom.KindConflict {
			http.Redirect(w, r, back+"?done="+urlEscape("Not saved: "+chartroom.ErrorMessage(err)), http.StatusSeeOther)
			return nil
		}
		return err
	}
	s.recordAbstract(r, audit.Update, e, "saved the coding abstract")
	if r.PostFormValue("action") != "finalise" {
		http.Redirect(w, r, back+"?done="+urlEscape("Saved"), http.StatusSeeOther)
		return nil
	}
	_, err = s.Coding.FinaliseAbstract(ctx, e.ID, me, func(a *coding.Abstract) []coding.Edit {
		edits, _ := s.check(ctx, e, a)
		return edits
	})
	if chartroom.ErrorKind(err) == chartroom.KindConflict {
		http.Redirect(w, r, back+"?done="+urlEscape("Saved, not final: "+chartroom.ErrorMessage(err)), http.StatusSeeOther)
		return nil
	}
	if err != nil {
		return err
	}
	s.recordAbstract(r, audit.Update, e, "finalised the coding abstract")
	s.sampleForAudit(ctx, e.ID, me)
	http.Redirect(w, r, back+"?done="+urlEscape("Final: ready to bill"), http.StatusSeeOther)
	return nil
}

// segment is a piece of a note, marked when it is a suggestion's evidence.
type segment struct {
	Text string
	Code string // the suggested code this piece is evidence for
}

// highlight cuts a note into plain pieces and evidence pieces.
func highlight(text string, got []cac.Suggestion) []segment {
	spans := append([]cac.Suggestion(nil), got...)
	slices.SortFunc(spans, func(a, b cac.Suggestion) int { return a.Start - b.Start })
	var out []segment
	at := 0
	for _, g := range spans {
		if g.Start < at || g.End > len(text) || g.Start >= g.End {
			continue
		}
		out = append(out, segment{Text: text[at:g.Start]}, segment{Text: text[g.Start:g.End], Code: g.Code})
		at = g.End
	}
	return append(out, segment{Text: text[at:]})
}

// handleCodingReports shows the review queue, per-coder accuracy and
// productivity over the last 30 days, with CSV links.
func (s *Server) handleCodingReports(w http.ResponseWriter, r *http.Request) error {
	if s.Coding == nil {
		return errNoCoding
	}
	ctx := r.Context()
	pending, err := s.Coding.CodingAudits(ctx, "pending")
	if err != nil {
		return err
	}
	done, err := s.Coding.CodingAudits(ctx, "done")
	if err != nil {
		return err
	}
	by := map[int64][]coding.AuditResult{}
	for _, a := range done {
		if a.Result != nil {
			by[a.CoderID] = append(by[a.CoderID], *a.Result)
		}
	}
	acts, finals, err := s.Coding.CodingProductivity(ctx, s.Now().AddDate(0, 0, -30), s.Now().Add(24*time.Hour))
	if err != nil {
		return err
	}
	decisions, err := s.Coding.SuggestionDecisions(ctx, s.Now().AddDate(0, 0, -30), s.Now().Add(24*time.Hour))
	if err != nil {
		return err
	}
	byCode, byRule := coding.AcceptanceRates(decisions)
	if len(byCode) > 25 {
		byCode = byCode[:25]
	}
	s.render(w, r, http.StatusOK, "coding_reports.html", map[string]any{"Title": "Coding reports", "Nav": "coding", "Pending": pending,
		"Accuracy": coding.Accuracy(by), "Productivity": coding.Productivity(acts, finals), "Names": s.userNames(r), "Policy": s.auditPolicy(ctx),
		"ByRule": byRule, "ByCode": byCode})
	return nil
}

// encounterNote is one of an encounter's documents with the text of its
// current version.
type encounterNote struct {
	D    *chartroom.Document
	Text string
}

// encounterNotes reads an encounter's documents (the first 50) with their
// current text, for the pages that code them.
func (s *Server) encounterNotes(ctx context.Context, e *chartroom.Encounter) ([]encounterNote, error) {
	page, err := s.Documents.FindDocuments(ctx, chartroom.DocumentFilter{PatientID: e.PatientID, EncounterID: e.ID, Limit: 50})
	if err != nil {
		return nil, err
	}
	notes := make([]encounterNote, 0, len(page.Items))
	for _, d := range page.Items {
		v, err := s.Documents.DocumentVersion(ctx, d.ID, 0)
		if err != nil {
			return nil, err
		}
		notes = append(notes, encounterNote{d, v.Text})
	}
	return notes, nil
}

// withBlank returns a copy of the lines of an abstract with n blank lines
// after them, for a form to type into.
func withBlank[T any](lines []T, n int) []T {
	return append(append(make([]T, 0, len(lines)+n), lines...), make([]T, n)...)
}
