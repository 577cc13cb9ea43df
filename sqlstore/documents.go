package sqlstore

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/chartroom/chartroom"
)

// MaxBinary is the largest document binary accepted: a thick scanned chart.
const MaxBinary = 64 << 20

var (
	aadDocText   = []byte("document.text")
	aadAmendment = []byte("amendment.text")
)

// prepareContent reads and checks a version's binary and stores it in the
// blob store, before the transaction that records it.
func (s *Store) prepareContent(ctx context.Context, c *chartroom.DocumentContent) (sum string, size int64, text []byte, err error) {
	if c.Body != nil {
		ct, err := chartroom.ParseContentType(c.ContentType)
		if err != nil {
			return "", 0, nil, err
		}
		data, err := io.ReadAll(io.LimitReader(c.Body, MaxBinary+1))
		if err != nil {
			return "", 0, nil, err
		}
		if len(data) > MaxBinary {
			return "", 0, nil, &chartroom.Error{Kind: chartroom.KindTooLarge, Field: "file", Message: fmt.Sprintf("the file is larger than %d MB", MaxBinary>>20)}
		}
		if len(data) == 0 {
			return "", 0, nil, chartroom.Invalid("file", "the file is empty")
		}
		if sniff := chartroom.SniffContentType(data); sniff != ct {
			if sniff == "" {
				return "", 0, nil, chartroom.Invalid("file", "the file is not a PDF, TIFF, PNG or JPEG")
			}
			return "", 0, nil, chartroom.Invalid("content_type", "the file is %s but was declared as %s", sniff, ct)
		}
		c.ContentType = ct
		if s.blobs == nil {
			return "", 0, nil, errors.New("no blob store configured")
		}
		if sum, err = s.blobs.Put(ctx, data); err != nil {
			return "", 0, nil, err
		}
		size = int64(len(data))
	} else {
		c.ContentType = ""
	}
	if c.Text == "" && c.Body == nil {
		return "", 0, nil, chartroom.Invalid("text", "a document version needs text or a file")
	}
	if c.Text != "" {
		if len(c.Text) > 5<<20 {
			return "", 0, nil, &chartroom.Error{Kind: chartroom.KindTooLarge, Field: "text", Message: "the text is larger than 5 MB"}
		}
		if text, err = s.vault.Encrypt([]byte(c.Text), aadDocText); err != nil {
			return "", 0, nil, err
		}
		if size == 0 {
			size = int64(len(c.Text))
		}
	}
	return sum, size, text, nil
}

func (s *Store) insertVersion(ctx context.Context, tx *sql.Tx, docID int64, version int, status chartroom.DocumentStatus, c chartroom.DocumentContent, sum string, size int64, text []byte, now any) error {
	var blobRef any
	if sum != "" {
		if _, err := tx.ExecContext(ctx, s.q.InsertBlob, sum, size, now); err != nil {
			return err
		}
		blobRef = sum
	}
	_, err := tx.ExecContext(ctx, s.q.InsertVersion, docID, version, string(status), text, c.ContentType, blobRef, size, c.Reason, nullInt(c.CreatedBy), now)
	return err
}

// CreateDocument implements chartroom.DocumentService.
func (s *Store) CreateDocument(ctx context.Context, d *chartroom.Document, c chartroom.DocumentContent) error {
	const op = "document.create"
	if err := d.Validate(); err != nil {
		return chartroom.E(op, err)
	}
	sum, size, text, err := s.prepareContent(ctx, &c)
	if err != nil {
		return chartroom.E(op, err)
	}
	sens, _ := json.Marshal(nonNil(d.Sensitivity))
	now := s.clock()
	err = s.Transact(ctx, func(tx *sql.Tx) error {
		if err := s.checkDocRefs(ctx, tx, d); err != nil {
			return err
		}
		if err := tx.QueryRowContext(ctx, s.q.InsertDocument, d.PatientID, nullInt(d.EncounterID), string(d.Type), d.Title, nullInt(d.AuthorID),
			s.d.Time(d.ServiceAt.UTC().Truncate(1000)), string(d.Status), d.Source, string(sens), s.d.Time(now), s.d.Time(now), d.ExternalID).Scan(&d.ID); err != nil {
			return err
		}
		return s.insertVersion(ctx, tx, d.ID, 1, d.Status, c, sum, size, text, s.d.Time(now))
	})
	if err != nil {
		return chartroom.E(op, err)
	}
	d.Version, d.CreatedAt, d.UpdatedAt = 1, now, now
	return nil
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func (s *Store) checkDocRefs(ctx context.Context, tx *sql.Tx, d *chartroom.Document) error {
	if err := s.checkRefs(ctx, tx, d.PatientID, d.AuthorID); err != nil {
		if chartroom.ErrorField(err) == "attending_id" {
			return chartroom.Invalid("author_id", "no such provider")
		}
		return err
	}
	if d.EncounterID != 0 {
		e, err := s.scanEncounter(tx.QueryRowContext(ctx, s.q.SelectEncounter, d.EncounterID))
		if chartroom.ErrorKind(err) == chartroom.KindNotFound {
			return chartroom.Invalid("encounter_id", "no such encounter")
		}
		if err != nil {
			return err
		}
		if e.PatientID != d.PatientID {
			return chartroom.Invalid("encounter_id", "the encounter belongs to another patient")
		}
	}
	return nil
}

// UpdateDocument implements chartroom.DocumentService: it changes the
// indexing of a document (its type, encounter, title, author, status), never
// its content.
func (s *Store) UpdateDocument(ctx context.Context, d *chartroom.Document) error {
	const op = "document.update"
	if err := d.Validate(); err != nil {
		return chartroom.E(op, err)
	}
	sens, _ := json.Marshal(nonNil(d.Sensitivity))
	now := s.clock()
	err := s.Transact(ctx, func(tx *sql.Tx) error {
		if err := s.checkDocRefs(ctx, tx, d); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, s.q.UpdateDocument, nullInt(d.EncounterID), string(d.Type), d.Title, nullInt(d.AuthorID),
			s.d.Time(d.ServiceAt.UTC().Truncate(1000)), string(d.Status), string(sens), s.d.Time(now), d.ID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return chartroom.NotFound("document")
		}
		return nil
	})
	if err != nil {
		return chartroom.E(op, err)
	}
	d.UpdatedAt = now
	return nil
}

// AddVersion implements chartroom.DocumentService.
func (s *Store) AddVersion(ctx context.Context, id int64, c chartroom.DocumentContent) (*chartroom.DocumentVersion, error) {
	const op = "document.version"
	if c.Status == "" {
		c.Status = chartroom.DocAmended
	}
	if _, err := chartroom.ParseDocumentStatus(string(c.Status)); err != nil {
		return nil, chartroom.E(op, chartroom.Invalid("status", "%v", err))
	}
	sum, size, text, err := s.prepareContent(ctx, &c)
	if err != nil {
		return nil, chartroom.E(op, err)
	}
	now := s.clock()
	var v int
	err = s.Transact(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, s.q.SelectDocumentForUpdate, id).Scan(&v)
		if errors.Is(err, sql.ErrNoRows) {
			return chartroom.NotFound("document")
		}
		if err != nil {
			return err
		}
		v++
		if err := s.insertVersion(ctx, tx, id, v, c.Status, c, sum, size, text, s.d.Time(now)); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, s.q.BumpDocumentVersion, v, string(c.Status), s.d.Time(now), id)
		return err
	})
	if err != nil {
		return nil, chartroom.E(op, err)
	}
	return s.DocumentVersion(ctx, id, v)
}

// Document implements chartroom.DocumentService.
func (s *Store) Document(ctx context.Context, id int64) (*chartroom.Document, error) {
	d, err := scanDocument(s.rdb.QueryRowContext(ctx, s.q.SelectDocument, id))
	return d, chartroom.E("document.read", err)
}

func scanDocument(row scanner) (*chartroom.Document, error) {
	var (
		d                chartroom.Document
		enc, author      sql.NullInt64
		typ, status      string
		service          dbTime
		sens             []byte
		created, updated dbTime
	)
	err := row.Scan(&d.ID, &d.PatientID, &enc, &typ, &d.Title, &author, &service, &status, &d.Source, &d.Version, &sens, &created, &updated, &d.ExternalID)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, chartroom.NotFound("document")
	}
	if err != nil {
		return nil, err
	}
	d.EncounterID, d.AuthorID = enc.Int64, author.Int64
	d.Type, d.Status = chartroom.DocumentType(typ), chartroom.DocumentStatus(status)
	d.ServiceAt, d.CreatedAt, d.UpdatedAt = service.T, created.T, updated.T
	if len(sens) > 0 {
		if err := json.Unmarshal(sens, &d.Sensitivity); err != nil {
			return nil, err
		}
	}
	if len(d.Sensitivity) == 0 {
		d.Sensitivity = nil
	}
	return &d, nil
}

func (s *Store) scanVersion(row scanner) (*chartroom.DocumentVersion, error) {
	var (
		v       chartroom.DocumentVersion
		status  string
		text    []byte
		sum     sql.NullString
		by      sql.NullInt64
		created dbTime
	)
	err := row.Scan(&v.DocumentID, &v.Version, &status, &text, &v.ContentType, &sum, &v.Size, &v.Reason, &by, &created)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, chartroom.NotFound("document version")
	}
	if err != nil {
		return nil, err
	}
	v.Status, v.BlobSHA256, v.CreatedBy, v.CreatedAt = chartroom.DocumentStatus(status), sum.String, by.Int64, created.T
	if len(text) > 0 {
		plain, err := s.vault.Decrypt(text, aadDocText)
		if err != nil {
			return nil, err
		}
		v.Text = string(plain)
	}
	return &v, nil
}

// DocumentVersions implements chartroom.DocumentService.
func (s *Store) DocumentVersions(ctx context.Context, id int64) ([]*chartroom.DocumentVersion, error) {
	rows, err := s.rdb.QueryContext(ctx, s.q.SelectVersions, id)
	if err != nil {
		return nil, chartroom.E("document.versions", err)
	}
	defer rows.Close()
	var out []*chartroom.DocumentVersion
	for rows.Next() {
		v, err := s.scanVersion(rows)
		if err != nil {
			return nil, chartroom.E("document.versions", err)
		}
		out = append(out, v)
	}
	return out, chartroom.E("document.versions", rows.Err())
}

// DocumentVersion implements chartroom.DocumentService.
func (s *Store) DocumentVersion(ctx context.Context, id int64, version int) (*chartroom.DocumentVersion, error) {
	if version <= 0 {
		d, err := s.Document(ctx, id)
		if err != nil {
			return nil, err
		}
		version = d.Version
	}
	v, err := s.scanVersion(s.rdb.QueryRowContext(ctx, s.q.SelectVersion, id, version))
	return v, chartroom.E("document.version", err)
}

// OpenDocumentBinary implements chartroom.DocumentService. The blob's
// SHA-256 is checked before any byte is returned.
func (s *Store) OpenDocumentBinary(ctx context.Context, id int64, version int) (io.ReadCloser, *chartroom.DocumentVersion, error) {
	v, err := s.DocumentVersion(ctx, id, version)
	if err != nil {
		return nil, nil, err
	}
	if v.BlobSHA256 == "" {
		return nil, nil, chartroom.E("document.binary", chartroom.NotFound("document binary"))
	}
	data, err := s.blobs.Get(ctx, v.BlobSHA256)
	if err != nil {
		return nil, nil, chartroom.E("document.binary", err)
	}
	return io.NopCloser(bytes.NewReader(data)), v, nil
}

// FindDocuments implements chartroom.DocumentService, newest service date
// first.
func (s *Store) FindDocuments(ctx context.Context, f chartroom.DocumentFilter) (chartroom.Page[*chartroom.Document], error) {
	const op = "document.find"
	var page chartroom.Page[*chartroom.Document]
	c, err := chartroom.DecodeCursor(f.Cursor)
	if err != nil {
		return page, chartroom.E(op, err)
	}
	limit := chartroom.PageLimit(f.Limit)
	q, args := s.d.FindDocuments(f, c, limit+1)
	rows, err := s.rdb.QueryContext(ctx, q, args...)
	if err != nil {
		return page, chartroom.E(op, err)
	}
	defer rows.Close()
	for rows.Next() {
		d, err := scanDocument(rows)
		if err != nil {
			return page, chartroom.E(op, err)
		}
		page.Items = append(page.Items, d)
	}
	if len(page.Items) > limit {
		page.Items = page.Items[:limit]
		last := page.Items[limit-1]
		page.NextCursor = chartroom.EncodeCursor(TimeText(last.ServiceAt), last.ID)
	}
	return page, chartroom.E(op, rows.Err())
}

// AddAmendment implements chartroom.DocumentService. The amended version
// must exist; it is not changed.
func (s *Store) AddAmendment(ctx context.Context, a *chartroom.Amendment) error {
	const op = "amendment.create"
	if len(a.Text) == 0 {
		return chartroom.E(op, chartroom.Invalid("text", "an amendment needs its text"))
	}
	if len(a.Reason) == 0 {
		return chartroom.E(op, chartroom.Invalid("reason", "an amendment needs its reason"))
	}
	text, err := s.vault.Encrypt([]byte(a.Text), aadAmendment)
	if err != nil {
		return chartroom.E(op, err)
	}
	now := s.clock()
	err = s.Transact(ctx, func(tx *sql.Tx) error {
		if a.Version <= 0 {
			if err := tx.QueryRowContext(ctx, s.q.SelectDocumentForUpdate, a.DocumentID).Scan(&a.Version); err != nil {
				if errors.Is(err, sql.ErrNoRows) {
					return chartroom.Invalid("document_id", "no such document")
				}
				return err
			}
		}
		if _, err := s.scanVersion(tx.QueryRowContext(ctx, s.q.SelectVersion, a.DocumentID, a.Version)); err != nil {
			if chartroom.ErrorKind(err) == chartroom.KindNotFound {
				return chartroom.Invalid("version", "no such document version")
			}
			return err
		}
		return tx.QueryRowContext(ctx, s.q.InsertAmendment, a.DocumentID, a.Version, text, a.Reason, nullInt(a.AuthorID), nullInt(a.CreatedBy), s.d.Time(now)).Scan(&a.ID)
	})
	if err != nil {
		return chartroom.E(op, err)
	}
	a.CreatedAt = now
	return nil
}

// Amendments implements chartroom.DocumentService.
func (s *Store) Amendments(ctx context.Context, documentID int64) ([]*chartroom.Amendment, error) {
	rows, err := s.rdb.QueryContext(ctx, s.q.SelectAmendments, documentID)
	if err != nil {
		return nil, chartroom.E("amendment.list", err)
	}
	defer rows.Close()
	var out []*chartroom.Amendment
	for rows.Next() {
		var a chartroom.Amendment
		var text []byte
		var author, by sql.NullInt64
		var created dbTime
		if err := rows.Scan(&a.ID, &a.DocumentID, &a.Version, &text, &a.Reason, &author, &by, &created); err != nil {
			return nil, err
		}
		plain, err := s.vault.Decrypt(text, aadAmendment)
		if err != nil {
			return nil, chartroom.E("amendment.list", err)
		}
		a.Text, a.AuthorID, a.CreatedBy, a.CreatedAt = string(plain), author.Int64, by.Int64, created.T
		out = append(out, &a)
	}
	return out, chartroom.E("amendment.list", rows.Err())
}

// DocumentByExternalID implements chartroom.DocumentService.
func (s *Store) DocumentByExternalID(ctx context.Context, patientID int64, externalID string) (*chartroom.Document, error) {
	d, err := scanDocument(s.rdb.QueryRowContext(ctx, s.q.SelectDocumentByExternal, patientID, externalID))
	return d, chartroom.E("document.read", err)
}
