package chartroom

import (
	"context"
	"io"
	"strings"
	"time"
)

// DocumentType is the kind of a clinical document. Each has its LOINC
// document code so that FHIR and C-CDA exchange can name it.
type DocumentType string

// DocumentTypeInfo describes one document type.
type DocumentTypeInfo struct {
	Type  DocumentType `json:"type"`
	Title string       `json:"title"`
	LOINC string       `json:"loinc"`
}

var documentTypes = []DocumentTypeInfo{
	{"discharge-summary", "Discharge summary", "18842-5"},
	{"history-and-physical", "History and physical", "34117-2"},
	{"operative-note", "Operative note", "11504-8"},
	{"procedure-note", "Procedure note", "28570-0"},
	{"progress-note", "Progress note", "11506-3"},
	{"consultation", "Consultation note", "11488-4"},
	{"emergency-note", "Emergency department note", "34111-5"},
	{"radiology-report", "Diagnostic imaging report", "18748-4"},
	{"pathology-report", "Pathology report", "11526-1"},
	{"laboratory-report", "Laboratory report", "11502-2"},
	{"nursing-note", "Nursing note", "34746-8"},
	{"clinic-note", "Outpatient clinic note", "34108-1"},
	{"psychotherapy-note", "Psychotherapy note", "11507-1"},
	{"consent", "Consent form", "59284-0"},
	{"correspondence", "Correspondence", "51852-2"},
	{"scanned-record", "Scanned outside record", "47045-0"},
}

// DocumentTypes lists every document type.
func DocumentTypes() []DocumentTypeInfo { return documentTypes }

// ParseDocumentType parses a document type name.
func ParseDocumentType(s string) (DocumentType, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	for _, d := range documentTypes {
		if string(d.Type) == t {
			return d.Type, nil
		}
	}
	return "", Invalid("type", "%q is not a document type", s)
}

// Title returns the human name of the type.
func (t DocumentType) Title() string {
	for _, d := range documentTypes {
		if d.Type == t {
			return d.Title
		}
	}
	return string(t)
}

// UnmarshalText implements encoding.TextUnmarshaler by parsing.
func (t *DocumentType) UnmarshalText(b []byte) error {
	v, err := ParseDocumentType(string(b))
	*t = v
	return err
}

// DocumentStatus is the authentication state of a document.
type DocumentStatus string

// The document statuses.
const (
	DocPreliminary    DocumentStatus = "preliminary"
	DocFinal          DocumentStatus = "final"
	DocSigned         DocumentStatus = "signed"
	DocAmended        DocumentStatus = "amended"
	DocEnteredInError DocumentStatus = "entered-in-error"
)

var documentStatuses = enum[DocumentStatus]{"document status", []DocumentStatus{DocPreliminary, DocFinal, DocSigned, DocAmended, DocEnteredInError}}

// ParseDocumentStatus parses a document status.
func ParseDocumentStatus(s string) (DocumentStatus, error) { return documentStatuses.parse(s) }

// UnmarshalText implements encoding.TextUnmarshaler by parsing.
func (s *DocumentStatus) UnmarshalText(b []byte) error {
	v, err := ParseDocumentStatus(string(b))
	*s = v
	return err
}

// The content types a document version may carry as its binary.
var allowedContentTypes = map[string]bool{
	"application/pdf": true, "image/tiff": true, "image/png": true, "image/jpeg": true,
}

// ParseContentType accepts the binary formats Chartroom keeps: PDF, TIFF,
// PNG and JPEG.
func ParseContentType(s string) (string, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexByte(t, ';'); i >= 0 {
		t = strings.TrimSpace(t[:i])
	}
	if !allowedContentTypes[t] {
		return "", Invalid("content_type", "%q is not accepted: want application/pdf, image/tiff, image/png or image/jpeg", s)
	}
	return t, nil
}

// SniffContentType recognises PDF, TIFF, PNG and JPEG from their first bytes,
// so an upload's declared type can be checked against its content.
func SniffContentType(head []byte) string {
	switch {
	case len(head) >= 5 && string(head[:5]) == "%PDF-":
		return "application/pdf"
	case len(head) >= 8 && string(head[:8]) == "\x89PNG\r\n\x1a\n":
		return "image/png"
	case len(head) >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF:
		return "image/jpeg"
	case len(head) >= 4 && (string(head[:4]) == "II*\x00" || string(head[:4]) == "MM\x00*"):
		return "image/tiff"
	}
	return ""
}

// Document is a clinical document in the legal health record. Its content
// lives in versions; a new version never overwrites an old one.
type Document struct {
	ID          int64          `json:"id"`
	PatientID   int64          `json:"patient_id"`
	EncounterID int64          `json:"encounter_id,omitempty"`
	Type        DocumentType   `json:"type"`
	Title       string         `json:"title"`
	AuthorID    int64          `json:"author_id,omitempty"`
	ServiceAt   time.Time      `json:"service_at"` // when the care it documents happened
	Status      DocumentStatus `json:"status"`
	Source      string         `json:"source,omitempty"` // where it came from: ui, hl7, scan, fhir, demo
	Version     int            `json:"version"`          // the current version number, from 1
	Sensitivity []string       `json:"sensitivity,omitempty"`
	ExternalID  string         `json:"external_id,omitempty"` // the sender's document number (TXA-12), for replacements
	CreatedAt   time.Time      `json:"created_at"`
	UpdatedAt   time.Time      `json:"updated_at"`
}

// Validate checks a document's metadata before it is stored.
func (d *Document) Validate() error {
	if d.PatientID <= 0 {
		return Invalid("patient_id", "patient is required")
	}
	if _, err := ParseDocumentType(string(d.Type)); err != nil {
		return Invalid("type", "%v", err)
	}
	if d.Status == "" {
		d.Status = DocFinal
	}
	if _, err := ParseDocumentStatus(string(d.Status)); err != nil {
		return Invalid("status", "%v", err)
	}
	if strings.TrimSpace(d.Title) == "" {
		d.Title = d.Type.Title()
	}
	if len(d.Title) > 200 {
		return Invalid("title", "longer than 200 characters")
	}
	if d.ServiceAt.IsZero() {
		return Invalid("service_at", "service date is required")
	}
	return nil
}

// DocumentContent is what a new version of a document holds: text, a binary
// (PDF or image), or both.
type DocumentContent struct {
	Text        string    // the text of a dictated or typed note
	ContentType string    // of Body, when there is one
	Body        io.Reader // the binary; nil when there is none
	Status      DocumentStatus
	Reason      string // why this version was made (correction, addendum, …)
	CreatedBy   int64  // the user who made it
}

// DocumentVersion is one stored version of a document.
type DocumentVersion struct {
	DocumentID  int64          `json:"document_id"`
	Version     int            `json:"version"`
	Status      DocumentStatus `json:"status"`
	Text        string         `json:"text,omitempty"`
	ContentType string         `json:"content_type,omitempty"`
	BlobSHA256  string         `json:"blob_sha256,omitempty"`
	Size        int64          `json:"size"`
	Reason      string         `json:"reason,omitempty"`
	CreatedBy   int64          `json:"created_by,omitempty"`
	CreatedAt   time.Time      `json:"created_at"`
}

// Amendment is an addendum to a document version. The original version is
// never changed; the amendment points at it.
type Amendment struct {
	ID         int64     `json:"id"`
	DocumentID int64     `json:"document_id"`
	Version    int       `json:"version"` // the version it amends
	Text       string    `json:"text"`
	Reason     string    `json:"reason"`
	AuthorID   int64     `json:"author_id,omitempty"`
	CreatedBy  int64     `json:"created_by,omitempty"`
	CreatedAt  time.Time `json:"created_at"`
}

// DocumentFilter selects documents.
type DocumentFilter struct {
	PatientID   int64
	EncounterID int64
	Type        DocumentType
	From, To    time.Time // service date in [From, To)
	Cursor      string
	Limit       int
}

// DocumentService keeps documents, their versions and amendments.
type DocumentService interface {
	// CreateDocument stores d with its first version.
	CreateDocument(ctx context.Context, d *Document, c DocumentContent) error
	Document(ctx context.Context, id int64) (*Document, error)
	// UpdateDocument changes metadata (type, encounter, title, status).
	UpdateDocument(ctx context.Context, d *Document) error
	// AddVersion stores a new version; earlier versions stay as they were.
	AddVersion(ctx context.Context, id int64, c DocumentContent) (*DocumentVersion, error)
	DocumentVersions(ctx context.Context, id int64) ([]*DocumentVersion, error)
	// DocumentVersion returns one version; version 0 means the current one.
	DocumentVersion(ctx context.Context, id int64, version int) (*DocumentVersion, error)
	// OpenDocumentBinary returns a version's binary, checked against its SHA-256.
	OpenDocumentBinary(ctx context.Context, id int64, version int) (io.ReadCloser, *DocumentVersion, error)
	FindDocuments(ctx context.Context, f DocumentFilter) (Page[*Document], error)
	// DocumentByExternalID finds a patient's document by the sender's number.
	DocumentByExternalID(ctx context.Context, patientID int64, externalID string) (*Document, error)
	AddAmendment(ctx context.Context, a *Amendment) error
	Amendments(ctx context.Context, documentID int64) ([]*Amendment, error)
}

// Scan is a scanned page set (PDF or image) uploaded to the imaging inbox,
// waiting to be indexed: attached to a patient, an encounter and a
// document type. Indexing makes it a Document.
type Scan struct {
	ID          int64     `json:"id"`
	Filename    string    `json:"filename"`
	ContentType string    `json:"content_type"`
	BlobSHA256  string    `json:"blob_sha256"`
	Size        int64     `json:"size"`
	UploadedBy  int64     `json:"uploaded_by"`
	UploadedAt  time.Time `json:"uploaded_at"`
	DocumentID  int64     `json:"document_id,omitempty"` // set once indexed
}

// ScanService keeps the imaging inbox.
type ScanService interface {
	AddScan(ctx context.Context, s *Scan, body io.Reader) error
	PendingScans(ctx context.Context) ([]*Scan, error)
	Scan(ctx context.Context, id int64) (*Scan, error)
	ScanContent(ctx context.Context, id int64) ([]byte, *Scan, error)
	// IndexScan files the scan as document d (its first version is the
	// scan's binary) and takes it out of the inbox, in one transaction.
	IndexScan(ctx context.Context, id int64, d *Document, by int64) error
}
