package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/chartroom/chartroom"
)

// AddScan implements chartroom.ScanService.
func (s *Store) AddScan(ctx context.Context, sc *chartroom.Scan, body io.Reader) error {
	const op = "scan.add"
	c := chartroom.DocumentContent{Body: body, ContentType: sc.ContentType}
	sum, size, _, err := s.prepareContent(ctx, &c)
	if err != nil {
		return chartroom.E(op, err)
	}
	sc.Filename = cleanFilename(sc.Filename)
	sc.ContentType, sc.BlobSHA256, sc.Size = c.ContentType, sum, size
	now := s.clock()
	err = s.Transact(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, s.q.InsertBlob, sum, size, s.d.Time(now)); err != nil {
			return err
		}
		return tx.QueryRowContext(ctx, s.q.InsertScan, sc.Filename, sc.ContentType, sum, size, nullInt(sc.UploadedBy), s.d.Time(now)).Scan(&sc.ID)
	})
	if err != nil {
		return chartroom.E(op, err)
	}
	sc.UploadedAt = now
	return nil
}

// cleanFilename keeps the base name of an uploaded file, printable and short.
func cleanFilename(name string) string {
	name = filepath.Base(strings.ReplaceAll(name, `\`, "/"))
	name = strings.Map(func(r rune) rune {
		if r < 32 || r == 127 {
			return -1
		}
		return r
	}, name)
	if len(name) > 120 {
		name = name[:120]
	}
	if name == "" || name == "." || name == "/" {
		name = "scan"
	}
	return name
}

func scanScan(row scanner) (*chartroom.Scan, error) {
	var sc chartroom.Scan
	var by, doc sql.NullInt64
	var at dbTime
	err := row.Scan(&sc.ID, &sc.Filename, &sc.ContentType, &sc.BlobSHA256, &sc.Size, &by, &at, &doc)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, chartroom.NotFound("scan")
	}
	if err != nil {
		return nil, err
	}
	sc.UploadedBy, sc.UploadedAt, sc.DocumentID = by.Int64, at.T, doc.Int64
	return &sc, nil
}

// PendingScans implements chartroom.ScanService.
func (s *Store) PendingScans(ctx context.Context) ([]*chartroom.Scan, error) {
	rows, err := s.rdb.QueryContext(ctx, s.q.SelectScans)
	if err != nil {
		return nil, chartroom.E("scan.list", err)
	}
	defer rows.Close()
	var out []*chartroom.Scan
	for rows.Next() {
		sc, err := scanScan(rows)
		if err != nil {
			return nil, chartroom.E("scan.list", err)
		}
		out = append(out, sc)
	}
	return out, chartroom.E("scan.list", rows.Err())
}

// Scan implements chartroom.ScanService.
func (s *Store) Scan(ctx context.Context, id int64) (*chartroom.Scan, error) {
	sc, err := scanScan(s.rdb.QueryRowContext(ctx, s.q.SelectScan, id))
	return sc, chartroom.E("scan.read", err)
}

// ScanContent implements chartroom.ScanService.
func (s *Store) ScanContent(ctx context.Context, id int64) ([]byte, *chartroom.Scan, error) {
	sc, err := s.Scan(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	data, err := s.blobs.Get(ctx, sc.BlobSHA256)
	if err != nil {
		return nil, nil, chartroom.E("scan.read", err)
	}
	return data, sc, nil
}

// IndexScan implements chartroom.ScanService.
func (s *Store) IndexScan(ctx context.Context, id int64, d *chartroom.Document, by int64) error {
	const op = "scan.index"
	if d.Source == "" {
		d.Source = "scan"
	}
	if err := d.Validate(); err != nil {
		return chartroom.E(op, err)
	}
	now := s.clock()
	err := s.Transact(ctx, func(tx *sql.Tx) error {
		sc, err := scanScan(tx.QueryRowContext(ctx, s.q.SelectScan, id))
		if err != nil {
			return err
		}
		if sc.DocumentID != 0 {
			return &chartroom.Error{Kind: chartroom.KindConflict, Message: fmt.Sprintf("this scan was already indexed as document %d", sc.DocumentID)}
		}
		if err := s.checkDocRefs(ctx, tx, d); err != nil {
			return err
		}
		if err := tx.QueryRowContext(ctx, s.q.InsertDocument, d.PatientID, nullInt(d.EncounterID), string(d.Type), d.Title, nullInt(d.AuthorID),
			s.d.Time(d.ServiceAt.UTC().Truncate(1000)), string(d.Status), d.Source, "[]", s.d.Time(now), s.d.Time(now), d.ExternalID).Scan(&d.ID); err != nil {
			return err
		}
		c := chartroom.DocumentContent{ContentType: sc.ContentType, Reason: "indexed from scan " + sc.Filename, CreatedBy: by}
		if err := s.insertVersion(ctx, tx, d.ID, 1, d.Status, c, sc.BlobSHA256, sc.Size, nil, s.d.Time(now)); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, s.q.MarkScanIndexed, d.ID, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return &chartroom.Error{Kind: chartroom.KindConflict, Message: "this scan was indexed by someone else just now"}
		}
		return nil
	})
	if err != nil {
		return chartroom.E(op, err)
	}
	d.Version, d.CreatedAt, d.UpdatedAt = 1, now, now
	return nil
}
