package http

import (
	"bytes"
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/chartroom/chartroom"
	"github.com/chartroom/chartroom/auth"
)

// patientRow is one search result on the patients page.
type patientRow struct {
	P          *chartroom.Patient
	MRN        string
	Restricted bool
}

func (s *Server) handlePatientsPage(w http.ResponseWriter, r *http.Request) error {
	q := query{r: r}
	term, dob, mrn := q.str("q"), q.str("dob"), q.str("mrn")
	data := map[string]any{"Title": "Patients", "Nav": "patients", "Q": term, "DOB": dob, "MRN": mrn}
	if term == "" && dob == "" && mrn == "" {
		s.render(w, r, http.StatusOK, "patients.html", data)
		return nil
	}
	f := chartroom.PatientFilter{MRN: mrn, Limit: 50, Cursor: q.str("cursor")}
	if term != "" {
		// A term that looks like an MRN (has a digit and no space) is
		// searched as one; otherwise as a name.
		if strings.ContainsAny(term, "0123456789") && !strings.Contains(term, " ") && !strings.Contains(term, ",") && mrn == "" {
			f.MRN = term
		} else {
			f.Family, f.Given = splitName(term)
		}
	}
	if dob != "" {
		d, err := chartroom.ParseDate(dob)
		if err != nil {
			data["Error"] = "Birth date: " + err.Error()
			s.render(w, r, http.StatusBadRequest, "patients.html", data)
			return nil
		}
		f.BirthDate = d
	}
	page, err := s.Patients.FindPatients(r.Context(), f)
	if err != nil {
		if chartroom.ErrorKind(err) == chartroom.KindInvalid {
			data["Error"] = chartroom.ErrorMessage(err)
			s.render(w, r, http.StatusBadRequest, "patients.html", data)
			return nil
		}
		return err
	}
	u := userFrom(r.Context())
	var rows []patientRow
	for _, p := range page.Items {
		switch s.Policy.SeePatient(u, p, false) {
		case auth.AccessGranted:
			rows = append(rows, patientRow{P: p, MRN: p.MRN("")})
		case auth.AccessBreakGlass:
			rows = append(rows, patientRow{P: restrictedStub(p), Restricted: true})
		}
	}
	data["Rows"], data["Searched"] = rows, true
	if page.NextCursor != "" {
		v := r.URL.Query()
		v.Set("cursor", page.NextCursor)
		data["Next"] = "/patients?" + v.Encode()
	}
	s.render(w, r, http.StatusOK, "patients.html", data)
	return nil
}

// encounterView is an encounter with its attending's name for the chart.
type encounterView struct {
	E         *chartroom.Encounter
	Attending string
	Documents []*chartroom.Document
}

func (s *Server) handleChartPage(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if err := s.checkPatientID(r.Context(), id); err != nil {
		if chartroom.ErrorKind(err) == chartroom.KindForbidden && s.Access != nil {
			s.render(w, r, http.StatusForbidden, "breakglass.html", map[string]any{"Title": "Restricted record", "Nav": "patients", "ID": id, "Minutes": int(s.Policy.BreakGlassFor.Minutes())})
			return nil
		}
		return err
	}
	ctx := r.Context()
	p, err := s.Patients.Patient(ctx, id)
	if err != nil {
		return err
	}
	encs, err := s.Encounters.FindEncounters(ctx, chartroom.EncounterFilter{PatientID: id, Limit: 200})
	if err != nil {
		return err
	}
	docs, err := s.Documents.FindDocuments(ctx, chartroom.DocumentFilter{PatientID: id, Limit: 500})
	if err != nil {
		return err
	}
	names := map[int64]string{}
	provider := func(id int64) string {
		if id == 0 {
			return ""
		}
		if n, ok := names[id]; ok {
			return n
		}
		pr, err := s.Providers.Provider(ctx, id)
		if err == nil {
			names[id] = pr.Name.Display()
		}
		return names[id]
	}
	var views []encounterView
	byEnc := map[int64]int{}
	for _, e := range encs.Items {
		byEnc[e.ID] = len(views)
		views = append(views, encounterView{E: e, Attending: provider(e.AttendingID)})
	}
	var loose []*chartroom.Document
	for _, d := range docs.Items {
		if i, ok := byEnc[d.EncounterID]; ok {
			views[i].Documents = append(views[i].Documents, d)
		} else {
			loose = append(loose, d)
		}
	}
	data := map[string]any{"Title": p.Name.Display(), "Nav": "patients", "P": p, "Encounters": views, "Loose": loose, "DocCount": len(docs.Items)}
	if v := r.URL.Query().Get("doc"); v != "" {
		docID, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return chartroom.Invalid("doc", "want a document id")
		}
		d, err := s.Documents.Document(ctx, docID)
		if err != nil {
			return err
		}
		if d.PatientID != p.ID {
			return chartroom.NotFound("document")
		}
		version := 0
		if vs := r.URL.Query().Get("v"); vs != "" {
			version, _ = strconv.Atoi(vs)
		}
		ver, err := s.Documents.DocumentVersion(ctx, d.ID, version)
		if err != nil {
			return err
		}
		vers, err := s.Documents.DocumentVersions(ctx, d.ID)
		if err != nil {
			return err
		}
		ams, err := s.Documents.Amendments(ctx, d.ID)
		if err != nil {
			return err
		}
		data["Doc"], data["Ver"], data["Versions"], data["Amendments"], data["Author"] = d, ver, vers, ams, provider(d.AuthorID)
	}
	s.render(w, r, http.StatusOK, "chart.html", data)
	return nil
}

func (s *Server) handleDocumentContent(w http.ResponseWriter, r *http.Request) error {
	return s.serveDocumentContent(w, r, "inline")
}

func (s *Server) handleScansPage(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	pending, err := s.Scans.PendingScans(ctx)
	if err != nil {
		return err
	}
	data := map[string]any{"Title": "Scanning and indexing", "Nav": "scans", "Pending": pending, "Types": chartroom.DocumentTypes(), "Flash": r.URL.Query().Get("done")}
	q := query{r: r}
	if id := q.int64("id"); id != 0 {
		sc, err := s.Scans.Scan(ctx, id)
		if err != nil {
			return err
		}
		data["Scan"] = sc
		if mrn := q.str("mrn"); mrn != "" {
			data["MRN"] = mrn
			p, err := s.Lookup.PatientByIdentifier(ctx, "", mrn)
			if err == nil {
				err = s.seePatient(ctx, p)
			}
			switch {
			case err == nil:
				encs, err := s.Encounters.FindEncounters(ctx, chartroom.EncounterFilter{PatientID: p.ID, Limit: 100})
				if err != nil {
					return err
				}
				data["Patient"], data["Encounters"] = p, encs.Items
			case chartroom.ErrorKind(err) == chartroom.KindNotFound:
				data["Error"] = "No patient has that MRN."
			default:
				return err
			}
		}
	}
	if q.err != nil {
		return q.err
	}
	s.render(w, r, http.StatusOK, "scans.html", data)
	return nil
}

func (s *Server) handleScanUpload(w http.ResponseWriter, r *http.Request) error {
	r.Body = http.MaxBytesReader(w, r.Body, maxUpload)
	f, fh, err := r.FormFile("file")
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return &chartroom.Error{Kind: chartroom.KindTooLarge, Field: "file", Message: "the upload is larger than 64 MB"}
		}
		return chartroom.Invalid("file", "choose a PDF or image file to upload")
	}
	defer f.Close()
	head := make([]byte, 8)
	n, _ := f.Read(head)
	ct := chartroom.SniffContentType(head[:n])
	if ct == "" {
		return chartroom.Invalid("file", "the file is not a PDF, TIFF, PNG or JPEG")
	}
	body := ioMulti(head[:n], f)
	sc := &chartroom.Scan{Filename: fh.Filename, ContentType: ct, UploadedBy: userFrom(r.Context()).ID}
	if err := s.Scans.AddScan(r.Context(), sc, body); err != nil {
		return err
	}
	http.Redirect(w, r, "/scans?id="+itoa(sc.ID), http.StatusSeeOther)
	return nil
}

func ioMulti(head []byte, rest interface{ Read([]byte) (int, error) }) *multiReader {
	return &multiReader{head: bytes.NewReader(head), rest: rest}
}

type multiReader struct {
	head *bytes.Reader
	rest interface{ Read([]byte) (int, error) }
}

func (m *multiReader) Read(p []byte) (int, error) {
	if m.head.Len() > 0 {
		return m.head.Read(p)
	}
	return m.rest.Read(p)
}

func (s *Server) handleScanContent(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	data, sc, err := s.Scans.ScanContent(r.Context(), id)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", sc.ContentType)
	w.Header().Set("Content-Disposition", "inline")
	_, err = w.Write(data)
	return err
}

func (s *Server) handleScanIndex(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	pid, err := strconv.ParseInt(r.PostFormValue("patient_id"), 10, 64)
	if err != nil || pid <= 0 {
		return chartroom.Invalid("patient_id", "find the patient by MRN first")
	}
	if err := s.checkPatientID(ctx, pid); err != nil {
		return err
	}
	in := documentIn{PatientID: pid, Type: r.PostFormValue("type"), Title: r.PostFormValue("title"), ServiceAt: r.PostFormValue("service_at")}
	if e := r.PostFormValue("encounter_id"); e != "" && e != "0" {
		if in.EncounterID, err = strconv.ParseInt(e, 10, 64); err != nil {
			return chartroom.Invalid("encounter_id", "want an encounter id")
		}
	}
	d, err := in.document()
	if err != nil {
		return err
	}
	d.Status = chartroom.DocFinal
	if err := s.Scans.IndexScan(ctx, id, d, userFrom(ctx).ID); err != nil {
		return err
	}
	http.Redirect(w, r, "/scans?done="+url.QueryEscape("Indexed as document "+itoa(d.ID)), http.StatusSeeOther)
	return nil
}

func (s *Server) handleUsersPage(w http.ResponseWriter, r *http.Request) error {
	users, err := s.Users.Users(r.Context())
	if err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, "users.html", map[string]any{"Title": "Users", "Nav": "users", "Users": users, "Policy": s.Policy.Table()})
	return nil
}
