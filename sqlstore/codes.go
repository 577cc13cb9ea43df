package sqlstore

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"io"

	"github.com/chartroom/chartroom"
	"github.com/chartroom/chartroom/codeset"
)

// CodeArchive returns the code set archive kept in the database: every serve
// node sees the same releases, and backups carry them.
func (s *Store) CodeArchive() codeset.Archive { return codeArchive{s} }

type codeArchive struct{ s *Store }

// SaveRelease stores a release in one transaction, so readers see the old
// release or the new one.
func (a codeArchive) SaveRelease(ctx context.Context, meta codeset.ReleaseMeta, blob io.Reader) error {
	data, err := io.ReadAll(blob)
	if err != nil {
		return err
	}
	meta.Bytes = int64(len(data))
	m, err := json.Marshal(meta)
	if err != nil {
		return err
	}
	return chartroom.E("codes.save", a.s.Transact(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, a.s.q.UpsertCodeRelease, meta.ID, string(m), data, a.s.d.Time(meta.Imported.UTC()))
		return err
	}))
}

// ListReleases lists the imported releases, oldest import first.
func (a codeArchive) ListReleases(ctx context.Context) ([]codeset.ReleaseMeta, error) {
	rows, err := a.s.rdb.QueryContext(ctx, a.s.q.SelectCodeReleases)
	if err != nil {
		return nil, chartroom.E("codes.list", err)
	}
	defer rows.Close()
	var out []codeset.ReleaseMeta
	for rows.Next() {
		var m string
		var meta codeset.ReleaseMeta
		if err := rows.Scan(&m); err != nil {
			return nil, err
		}
		if err := json.Unmarshal([]byte(m), &meta); err != nil {
			return nil, err
		}
		out = append(out, meta)
	}
	return out, rows.Err()
}

// OpenRelease returns a release's blob.
func (a codeArchive) OpenRelease(ctx context.Context, id string) (io.ReadCloser, error) {
	var data []byte
	err := a.s.rdb.QueryRowContext(ctx, a.s.q.SelectCodeRelease, id).Scan(&data)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, chartroom.E("codes.open", chartroom.NotFound("code release "+id))
	}
	if err != nil {
		return nil, chartroom.E("codes.open", err)
	}
	return io.NopCloser(bytes.NewReader(data)), nil
}
