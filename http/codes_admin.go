package http

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"github.com/chartroom/chartroom"
	"github.com/chartroom/chartroom/audit"
	"github.com/chartroom/chartroom/codeset"
)

// maxCodeUpload bounds an uploaded release file (the CMS zips are tens of
// megabytes).
const maxCodeUpload = 512 << 20

// importStatus is what the admin page shows of the last import.
type importStatus struct {
	Running  bool
	Started  time.Time
	Message  string
	Failed   bool
	Releases []string
}

// handleCodesAdmin shows the loaded releases and the import form.
func (s *Server) handleCodesAdmin(w http.ResponseWriter, r *http.Request) error {
	st := s.Codes.status()
	var releases []string
	if set, _, err := s.Codes.get(); err == nil {
		for _, rel := range set.Releases {
			releases = append(releases, rel.ID())
		}
	}
	s.render(w, r, http.StatusOK, "codes_admin.html", map[string]any{"Title": "Code sets", "Nav": "codes", "Status": st, "Releases": releases,
		"Archive": s.CodeArchive != nil})
	return nil
}

// handleCodesImport takes an official release file (zip or single file),
// imports it in the background, saves it to the archive and swaps the
// library when done. A failed import leaves the active releases untouched.
func (s *Server) handleCodesImport(w http.ResponseWriter, r *http.Request) error {
	if s.CodeArchive == nil {
		return &chartroom.Error{Kind: chartroom.KindUnavailable, Message: "this server has no code set archive"}
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxCodeUpload)
	f, fh, err := r.FormFile("file")
	if err != nil {
		return chartroom.Invalid("file", "choose a release file (zip, XML or text) to import")
	}
	defer f.Close()
	dir, err := os.MkdirTemp("", "chartroom-codes-")
	if err != nil {
		return err
	}
	path := filepath.Join(dir, filepath.Base(fh.Filename))
	out, err := os.Create(path)
	if err != nil {
		os.RemoveAll(dir)
		return err
	}
	if _, err := io.Copy(out, f); err != nil {
		out.Close()
		os.RemoveAll(dir)
		return chartroom.Invalid("file", "the upload was cut short: %v", err)
	}
	out.Close()
	if !s.Codes.startImport() {
		os.RemoveAll(dir)
		return &chartroom.Error{Kind: chartroom.KindConflict, Message: "an import is already running"}
	}
	a, _ := audit.ActorFrom(r.Context())
	go func() {
		defer os.RemoveAll(dir)
		ctx := context.Background()
		set, err := codeset.Import(ctx, []string{path}, codeset.ImportOptions{})
		if err == nil {
			pr, pw := io.Pipe()
			go func() { _, err := set.WriteTo(pw); pw.CloseWithError(err) }()
			meta := set.Meta(time.Now())
			if err = s.CodeArchive.SaveRelease(ctx, meta, pr); err == nil {
				var all *codeset.Set
				if all, err = codeset.LoadArchive(ctx, s.CodeArchive); err == nil {
					s.Codes.Use(all, nil)
					s.Codes.finishImport("imported "+meta.Summary, false)
				}
			}
		}
		if err != nil {
			s.Codes.finishImport("import of "+fh.Filename+" failed, nothing was changed: "+err.Error(), true)
		}
		if s.Audit != nil {
			s.Audit.Record(ctx, audit.Entry{At: time.Now(), UserID: a.UserID, Username: a.Username, Role: a.Role, Action: audit.ConfigChange,
				ObjectType: "codeset", IP: a.IP, Outcome: outcome(err), Detail: fmt.Sprintf("import %s", fh.Filename)})
		}
	}()
	http.Redirect(w, r, "/admin/codes", http.StatusSeeOther)
	return nil
}

func outcome(err error) audit.Outcome {
	if err != nil {
		return audit.Failure
	}
	return audit.Success
}

func (c *Codes) status() importStatus {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.imp
}

func (c *Codes) startImport() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.imp.Running {
		return false
	}
	c.imp = importStatus{Running: true, Started: time.Now(), Message: "importing…"}
	return true
}

func (c *Codes) finishImport(msg string, failed bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.imp.Running, c.imp.Message, c.imp.Failed = false, msg, failed
}
