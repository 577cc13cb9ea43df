package codeset

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"
)

// ReleaseMeta describes one imported blob kept by an Archive.
type ReleaseMeta struct {
	ID       string    `json:"id"`       // "icd10cm-2026+icd10pcs-2026"
	Imported time.Time `json:"imported"` // when the import finished
	Releases []string  `json:"releases"` // release IDs inside
	Sources  []string  `json:"sources"`  // files it was read from
	Bytes    int64     `json:"bytes"`
	Summary  string    `json:"summary"` // one line for listings
}

// Archive keeps imported code sets as opaque blobs (written by Set.WriteTo).
// The directory archive below is one implementation; database-backed ones
// keep the blob in a table. SaveRelease must be atomic: a failed save leaves
// every earlier release readable and unchanged.
type Archive interface {
	SaveRelease(ctx context.Context, meta ReleaseMeta, blob io.Reader) error
	ListReleases(ctx context.Context) ([]ReleaseMeta, error)
	OpenRelease(ctx context.Context, id string) (io.ReadCloser, error)
}

// DirArchive is an Archive of files in one directory: ID.codes holds the
// blob and ID.json its metadata. Both are written to temporary files and
// renamed into place, so a reader sees the old release or the new one.
type DirArchive struct {
	Dir string
}

var archiveIDRE = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_.+-]{0,120}$`)

func (a DirArchive) path(id, ext string) (string, error) {
	if !archiveIDRE.MatchString(id) {
		return "", fmt.Errorf("bad release id %q", id)
	}
	return filepath.Join(a.Dir, id+ext), nil
}

// SaveRelease writes the blob, then its metadata, each by atomic rename.
func (a DirArchive) SaveRelease(ctx context.Context, meta ReleaseMeta, blob io.Reader) error {
	bp, err := a.path(meta.ID, ".codes")
	if err != nil {
		return err
	}
	mp, _ := a.path(meta.ID, ".json")
	if err := os.MkdirAll(a.Dir, 0o755); err != nil {
		return err
	}
	n, err := writeAtomic(bp, func(w io.Writer) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		_, err := io.Copy(w, blob)
		return err
	})
	if err != nil {
		return fmt.Errorf("save release %s: %w", meta.ID, err)
	}
	meta.Bytes = n
	_, err = writeAtomic(mp, func(w io.Writer) error {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(meta)
	})
	if err != nil {
		return fmt.Errorf("save release %s metadata: %w", meta.ID, err)
	}
	return nil
}

func writeAtomic(path string, fill func(io.Writer) error) (int64, error) {
	f, err := os.CreateTemp(filepath.Dir(path), ".tmp-"+filepath.Base(path)+"-*")
	if err != nil {
		return 0, err
	}
	tmp := f.Name()
	defer os.Remove(tmp) // no-op after a successful rename
	cw := &countWriter{w: f}
	if err := fill(cw); err != nil {
		f.Close()
		return 0, err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return 0, err
	}
	if err := f.Close(); err != nil {
		return 0, err
	}
	return cw.n, os.Rename(tmp, path)
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// ListReleases returns the saved releases, oldest import first. A blob
// without its metadata (an interrupted save) is not listed.
func (a DirArchive) ListReleases(ctx context.Context) ([]ReleaseMeta, error) {
	ents, err := os.ReadDir(a.Dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []ReleaseMeta
	for _, e := range ents {
		if !strings.HasSuffix(e.Name(), ".json") || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		b, err := os.ReadFile(filepath.Join(a.Dir, e.Name()))
		if err != nil {
			return nil, err
		}
		var m ReleaseMeta
		if err := json.Unmarshal(b, &m); err != nil {
			return nil, fmt.Errorf("%s: %w", e.Name(), err)
		}
		if _, err := os.Stat(filepath.Join(a.Dir, m.ID+".codes")); err != nil {
			continue
		}
		out = append(out, m)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Imported.Before(out[j].Imported) })
	return out, nil
}

// OpenRelease opens a saved blob.
func (a DirArchive) OpenRelease(ctx context.Context, id string) (io.ReadCloser, error) {
	p, err := a.path(id, ".codes")
	if err != nil {
		return nil, err
	}
	return os.Open(p)
}

// LoadArchive reads every release of an archive, oldest first, into one Set.
// It returns an empty Set when the archive holds nothing.
func LoadArchive(ctx context.Context, a Archive) (*Set, error) {
	metas, err := a.ListReleases(ctx)
	if err != nil {
		return nil, err
	}
	s := &Set{}
	for _, m := range metas {
		rc, err := a.OpenRelease(ctx, m.ID)
		if err != nil {
			return nil, err
		}
		var one Set
		_, err = one.ReadFrom(rc)
		rc.Close()
		if err != nil {
			return nil, fmt.Errorf("release %s: %w", m.ID, err)
		}
		s.Merge(&one)
	}
	return s, nil
}

// Meta describes s for an Archive: its ID joins the IDs of its releases and
// parts ("icd10cm-2026+icd10pcs-2026+index-2017").
func (s *Set) Meta(now time.Time) ReleaseMeta {
	m := ReleaseMeta{Imported: now.UTC()}
	var parts []string
	seenSrc := map[string]bool{}
	for _, r := range s.Releases {
		m.Releases = append(m.Releases, r.ID())
		if !r.Derived {
			parts = append(parts, r.ID())
		}
		for _, src := range r.Sources {
			if !seenSrc[src] {
				seenSrc[src] = true
				m.Sources = append(m.Sources, src)
			}
		}
	}
	if s.Tabular != nil {
		parts = append(parts, fmt.Sprintf("tabular-%d", s.Tabular.Version))
	}
	if s.Index != nil {
		parts = append(parts, fmt.Sprintf("index-%d", s.Index.Version))
	}
	if len(s.PCSTables) > 0 {
		parts = append(parts, fmt.Sprintf("pcstables-%d", s.PCSVersion))
	}
	if len(s.PCSDefs) > 0 {
		parts = append(parts, "pcsdefs")
	}
	if len(s.GEMs) > 0 {
		parts = append(parts, "gems")
	}
	if len(s.MCE) > 0 {
		parts = append(parts, fmt.Sprintf("mce-%d", s.MCEVersion))
	}
	if len(s.POAExempt) > 0 {
		parts = append(parts, "poa")
	}
	m.ID = strings.Join(parts, "+")
	if len(m.ID) > 120 {
		m.ID = m.ID[:100] + fmt.Sprintf("-%d", now.Unix())
	}
	m.Summary = strings.Join(parts, ", ")
	return m
}
