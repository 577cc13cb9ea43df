package http

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/chartroom/chartroom"
	"github.com/chartroom/chartroom/auth"
)

var funcs = template.FuncMap{
	"date": func(t any) string {
		switch v := t.(type) {
		case time.Time:
			if v.IsZero() {
				return ""
			}
			return v.Format("2006-01-02")
		case *time.Time:
			if v == nil {
				return ""
			}
			return v.Format("2006-01-02")
		case chartroom.Date:
			return v.String()
		}
		return fmt.Sprint(t)
	},
	"datetime": func(t any) string {
		switch v := t.(type) {
		case time.Time:
			if v.IsZero() {
				return ""
			}
			return v.Format("2006-01-02 15:04")
		case *time.Time:
			if v == nil {
				return ""
			}
			return v.Format("2006-01-02 15:04")
		}
		return fmt.Sprint(t)
	},
	"age": func(d chartroom.Date) int { return d.AgeOn(chartroom.DateOf(time.Now())) },
	"title": func(s string) string {
		if s == "" {
			return s
		}
		return strings.ToUpper(s[:1]) + s[1:]
	},
	"doctype": func(t chartroom.DocumentType) string { return t.Title() },
	"kb":      func(n int64) string { return fmt.Sprintf("%.0f KB", float64(n)/1024+0.5) },
	"join":    strings.Join,
	"isImage": func(ct string) bool { return strings.HasPrefix(ct, "image/") && ct != "image/tiff" },
	"isPDF":   func(ct string) bool { return ct == "application/pdf" },
	"add":     func(a, b int) int { return a + b },
	"list":    func(xs ...string) []string { return xs },
	"mul100":  func(f float64) float64 { return f * 100 },
	"joinInts": func(xs []int, sep string) string {
		var out []string
		for _, x := range xs {
			out = append(out, strconv.Itoa(x))
		}
		return strings.Join(out, sep)
	},
	"eq64": func(a, b int64) bool { return a == b },
	"rolesOf": func(u *chartroom.User) []string {
		out := make([]string, len(u.Roles))
		for i, r := range u.Roles {
			out[i] = string(r)
		}
		return out
	},
}

// parsePages parses each page template together with the layout.
func parsePages() (map[string]*template.Template, error) {
	names, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		return nil, err
	}
	pages := map[string]*template.Template{}
	for _, n := range names {
		base := strings.TrimPrefix(n, "templates/")
		if base == "layout.html" {
			continue
		}
		t, err := template.New(base).Funcs(funcs).ParseFS(templateFS, "templates/layout.html", n)
		if err != nil {
			return nil, fmt.Errorf("template %s: %w", base, err)
		}
		pages[base] = t
	}
	return pages, nil
}

// view is what every page template gets.
type view struct {
	Title string
	User  *chartroom.User
	CSRF  string
	Nav   string // the active section
	Can   map[string]bool
	Data  any
	Flash string
}

// render writes page name with data inside the layout.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, data any) {
	t := s.pages[name]
	v := view{Data: data, Can: map[string]bool{}}
	if m, ok := data.(map[string]any); ok {
		if title, ok := m["Title"].(string); ok {
			v.Title = title
		}
		if nav, ok := m["Nav"].(string); ok {
			v.Nav = nav
		}
		if flash, ok := m["Flash"].(string); ok {
			v.Flash = flash
		}
	}
	if c := callerFrom(r.Context()); c != nil {
		v.User = c.user
		if c.session != nil {
			v.CSRF = c.session.CSRF
		}
		for _, a := range []auth.Action{auth.PatientRead, auth.DocumentIndex, auth.UserAdmin, auth.AuditRead, auth.CodesRead, auth.InterfaceMonitor, auth.ReleaseRead, auth.PatientWrite, auth.PatientMerge, auth.ReleaseAdmin, auth.ReleaseWrite, auth.DocumentWrite, auth.CodingRead, auth.CodingWrite} {
			v.Can[strings.ReplaceAll(string(a), ".", "_")] = s.Policy.Allows(c.user, a)
		}
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout", v); err != nil {
		s.Logger.Error("template failed", "page", name, "err", err.Error())
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}
