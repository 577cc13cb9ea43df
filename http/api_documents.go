package http

import (
	"context"
	"errors"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"

	"github.com/chartroom/chartroom"
)

// maxUpload bounds a multipart upload: the store's 64 MB binary limit plus
// the form fields.
const maxUpload = 65 << 20

// documentIn is a document's metadata (and, for JSON, its text) as a client
// sends it.
type documentIn struct {
	PatientID   int64    `json:"patient_id"`
	EncounterID int64    `json:"encounter_id"`
	Type        string   `json:"type"`
	Title       string   `json:"title"`
	AuthorID    int64    `json:"author_id"`
	ServiceAt   string   `json:"service_at"`
	Status      string   `json:"status"`
	Text        string   `json:"text"`
	Reason      string   `json:"reason"`
	Sensitivity []string `json:"sensitivity"`
}

func (in *documentIn) document() (*chartroom.Document, error) {
	d := &chartroom.Document{PatientID: in.PatientID, EncounterID: in.EncounterID, Title: strings.TrimSpace(in.Title), AuthorID: in.AuthorID, Sensitivity: in.Sensitivity}
	var err error
	if d.Type, err = chartroom.ParseDocumentType(in.Type); err != nil {
		return nil, chartroom.Invalid("type", "%v", err)
	}
	if in.Status != "" {
		if d.Status, err = chartroom.ParseDocumentStatus(in.Status); err != nil {
			return nil, chartroom.Invalid("status", "%v", err)
		}
	}
	if in.ServiceAt == "" {
		return nil, chartroom.Invalid("service_at", "service date is required")
	}
	t, err := optTime("service_at", in.ServiceAt)
	if err != nil {
		return nil, err
	}
	d.ServiceAt = *t
	return d, nil
}

// readDocumentRequest reads a JSON body, or a multipart form whose "file"
// part is the binary and whose other fields are the metadata.
func readDocumentRequest(w http.ResponseWriter, r *http.Request) (*documentIn, *chartroom.DocumentContent, error) {
	var in documentIn
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if ct != "multipart/form-data" {
		if err := decodeJSON(w, r, &in); err != nil {
			return nil, nil, err
		}
		return &in, &chartroom.DocumentContent{Text: in.Text, Reason: in.Reason}, nil
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxUpload)
	if err := r.ParseMultipartForm(8 << 20); err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return nil, nil, &chartroom.Error{Kind: chartroom.KindTooLarge, Field: "file", Message: "the upload is larger than 64 MB"}
		}
		return nil, nil, chartroom.Invalid("", "bad multipart form: %v", err)
	}
	num := func(name string) (int64, error) {
		v := strings.TrimSpace(r.FormValue(name))
		if v == "" {
			return 0, nil
		}
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n < 0 {
			return 0, chartroom.Invalid(name, "want a whole number")
		}
		return n, nil
	}
	var err error
	if in.PatientID, err = num("patient_id"); err != nil {
		return nil, nil, err
	}
	if in.EncounterID, err = num("encounter_id"); err != nil {
		return nil, nil, err
	}
	if in.AuthorID, err = num("author_id"); err != nil {
		return nil, nil, err
	}
	in.Type, in.Title, in.ServiceAt, in.Status, in.Text, in.Reason = r.FormValue("type"), r.FormValue("title"), r.FormValue("service_at"), r.FormValue("status"), r.FormValue("text"), r.FormValue("reason")
	c := &chartroom.DocumentContent{Text: in.Text, Reason: in.Reason}
	if f, fh, err := r.FormFile("file"); err == nil {
		c.Body = f
		c.ContentType = fh.Header.Get("Content-Type")
		if c.ContentType == "" || c.ContentType == "application/octet-stream" {
			head := make([]byte, 8)
			n, _ := io.ReadFull(f, head)
			c.ContentType = chartroom.SniffContentType(head[:n])
			f.Seek(0, io.SeekStart)
		}
	} else if !errors.Is(err, http.ErrMissingFile) {
		return nil, nil, chartroom.Invalid("file", "cannot read the file: %v", err)
	}
	return &in, c, nil
}

func (s *Server) apiCreateDocument(w http.ResponseWriter, r *http.Request) error {
	in, c, err := readDocumentRequest(w, r)
	if err != nil {
		return err
	}
	d, err := in.document()
	if err != nil {
		return err
	}
	if d.PatientID == 0 {
		return chartroom.Invalid("patient_id", "patient is required")
	}
	if err := s.checkPatientID(r.Context(), d.PatientID); err != nil {
		if chartroom.ErrorKind(err) == chartroom.KindNotFound {
			return chartroom.Invalid("patient_id", "no such patient")
		}
		return err
	}
	if d.Source == "" {
		d.Source = "api"
	}
	c.CreatedBy = userFrom(r.Context()).ID
	c.Status = d.Status
	if err := s.Documents.CreateDocument(r.Context(), d, *c); err != nil {
		return err
	}
	w.Header().Set("Location", "/api/v1/documents/"+itoa(d.ID))
	return writeJSON(w, http.StatusCreated, d)
}

// document loads a document the caller may see.
func (s *Server) document(ctx context.Context, r *http.Request) (*chartroom.Document, error) {
	id, err := pathID(r)
	if err != nil {
		return nil, err
	}
	d, err := s.Documents.Document(ctx, id)
	if err != nil {
		return nil, err
	}
	if err := s.checkPatientID(ctx, d.PatientID); err != nil {
		return nil, err
	}
	return d, nil
}

func (s *Server) apiGetDocument(w http.ResponseWriter, r *http.Request) error {
	d, err := s.document(r.Context(), r)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, d)
}

func (s *Server) apiUpdateDocument(w http.ResponseWriter, r *http.Request) error {
	old, err := s.document(r.Context(), r)
	if err != nil {
		return err
	}
	var in documentIn
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	if in.Text != "" {
		return chartroom.Invalid("text", "content changes make a new version: POST /api/v1/documents/{id}/versions")
	}
	if in.PatientID == 0 {
		in.PatientID = old.PatientID
	}
	if in.PatientID != old.PatientID {
		return chartroom.Invalid("patient_id", "a document cannot move to another patient here; that is a merge or a misfile correction")
	}
	d, err := in.document()
	if err != nil {
		return err
	}
	d.ID, d.Source, d.Version = old.ID, old.Source, old.Version
	if err := s.Documents.UpdateDocument(r.Context(), d); err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, d)
}

func (s *Server) apiDocumentVersions(w http.ResponseWriter, r *http.Request) error {
	d, err := s.document(r.Context(), r)
	if err != nil {
		return err
	}
	vs, err := s.Documents.DocumentVersions(r.Context(), d.ID)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, map[string]any{"items": vs})
}

func (s *Server) apiAddVersion(w http.ResponseWriter, r *http.Request) error {
	d, err := s.document(r.Context(), r)
	if err != nil {
		return err
	}
	in, c, err := readDocumentRequest(w, r)
	if err != nil {
		return err
	}
	if in.Status != "" {
		st, err := chartroom.ParseDocumentStatus(in.Status)
		if err != nil {
			return chartroom.Invalid("status", "%v", err)
		}
		c.Status = st
	}
	c.CreatedBy = userFrom(r.Context()).ID
	v, err := s.Documents.AddVersion(r.Context(), d.ID, *c)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, v)
}

func (s *Server) apiDocumentContent(w http.ResponseWriter, r *http.Request) error {
	return s.serveDocumentContent(w, r, "attachment")
}

// serveDocumentContent writes a version's binary, or its text as plain text.
func (s *Server) serveDocumentContent(w http.ResponseWriter, r *http.Request, disposition string) error {
	d, err := s.document(r.Context(), r)
	if err != nil {
		return err
	}
	version := 0
	if v := r.URL.Query().Get("version"); v != "" {
		if version, err = strconv.Atoi(v); err != nil || version < 1 {
			return chartroom.Invalid("version", "want a version number from 1")
		}
	}
	v, err := s.Documents.DocumentVersion(r.Context(), d.ID, version)
	if err != nil {
		return err
	}
	if v.BlobSHA256 == "" {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Header().Set("Content-Disposition", disposition+`; filename="document-`+itoa(d.ID)+`.txt"`)
		_, err := io.WriteString(w, v.Text)
		return err
	}
	rc, v, err := s.Documents.OpenDocumentBinary(r.Context(), d.ID, v.Version)
	if err != nil {
		return err
	}
	defer rc.Close()
	ext := map[string]string{"application/pdf": "pdf", "image/png": "png", "image/jpeg": "jpg", "image/tiff": "tif"}[v.ContentType]
	w.Header().Set("Content-Type", v.ContentType)
	w.Header().Set("Content-Disposition", disposition+`; filename="document-`+itoa(d.ID)+`.`+ext+`"`)
	w.Header().Set("Content-Length", strconv.FormatInt(v.Size, 10))
	w.Header().Set("X-Content-SHA256", v.BlobSHA256)
	_, err = io.Copy(w, rc)
	return err
}

type amendmentIn struct {
	Version  int    `json:"version"`
	Text     string `json:"text"`
	Reason   string `json:"reason"`
	AuthorID int64  `json:"author_id"`
}

func (s *Server) apiAddAmendment(w http.ResponseWriter, r *http.Request) error {
	d, err := s.document(r.Context(), r)
	if err != nil {
		return err
	}
	var in amendmentIn
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	a := &chartroom.Amendment{DocumentID: d.ID, Version: in.Version, Text: in.Text, Reason: in.Reason, AuthorID: in.AuthorID, CreatedBy: userFrom(r.Context()).ID}
	if err := s.Documents.AddAmendment(r.Context(), a); err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, a)
}

func (s *Server) apiAmendments(w http.ResponseWriter, r *http.Request) error {
	d, err := s.document(r.Context(), r)
	if err != nil {
		return err
	}
	as, err := s.Documents.Amendments(r.Context(), d.ID)
	if err != nil {
		return err
	}
	if as == nil {
		as = []*chartroom.Amendment{}
	}
	return writeJSON(w, http.StatusOK, map[string]any{"items": as})
}

func (s *Server) apiFindDocuments(w http.ResponseWriter, r *http.Request) error {
	q := query{r: r}
	f := chartroom.DocumentFilter{PatientID: q.int64("patient_id"), EncounterID: q.int64("encounter_id"), From: q.time("from"), To: q.time("to"),
		Cursor: q.str("cursor"), Limit: int(q.int64("limit"))}
	if t := q.str("type"); t != "" && q.err == nil {
		var err error
		if f.Type, err = chartroom.ParseDocumentType(t); err != nil {
			q.err = chartroom.Invalid("type", "%v", err)
		}
	}
	if q.err != nil {
		return q.err
	}
	if f.PatientID == 0 {
		return chartroom.Invalid("patient_id", "list documents for one patient: give patient_id")
	}
	if err := s.checkPatientID(r.Context(), f.PatientID); err != nil {
		return err
	}
	page, err := s.Documents.FindDocuments(r.Context(), f)
	if err != nil {
		return err
	}
	if page.Items == nil {
		page.Items = []*chartroom.Document{}
	}
	return writeJSON(w, http.StatusOK, page)
}
