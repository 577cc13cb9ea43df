package http

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"

	"github.com/chartroom/chartroom"
	"github.com/chartroom/chartroom/codeset"
)

// diffPageSize is how many changes the diff page lists at a time; a whole
// ICD-10-PCS year can change thousands of codes.
const diffPageSize = 200

// maxDiffLimit bounds one API answer's list of each change.
const maxDiffLimit = 5000

// releaseDiff is the changes of one code set between two loaded years.
type releaseDiff struct {
	System  codeset.System
	From    int
	To      int
	Entries []codeset.DiffEntry // in code order
	Counts  map[string]int      // "added", "deleted", "retitled"
}

// diffRequest compares two loaded releases named by system (default
// icd10cm), from and to (default: the two newest years of that system), as
// "chartroom codes diff" does.
func diffRequest(set *codeset.Set, v url.Values) (*releaseDiff, error) {
	sys := codeset.ICD10CM
	if s := v.Get("system"); s != "" {
		var err error
		if sys, err = codeset.ParseSystem(s); err != nil {
			return nil, chartroom.Invalid("system", "%v", err)
		}
	}
	years := set.Versions(sys)
	d := &releaseDiff{System: sys, Counts: map[string]int{"added": 0, "deleted": 0, "retitled": 0}}
	if n := len(years); n > 0 {
		d.To, d.From = years[n-1], years[max(n-2, 0)]
	}
	for _, f := range []struct {
		name string
		dst  *int
	}{{"from", &d.From}, {"to", &d.To}} {
		s := v.Get(f.name)
		if s == "" {
			continue
		}
		y, err := strconv.Atoi(s)
		if err != nil || y < 1900 || y > 2200 {
			return nil, chartroom.Invalid(f.name, "want a year such as 2026")
		}
		*f.dst = y
	}
	if d.From == 0 {
		return nil, &chartroom.Error{Kind: chartroom.KindNotFound, Field: "system", Message: "no " + sys.String() + " release is loaded"}
	}
	entries, err := set.DiffYears(sys, d.From, d.To)
	var nr *codeset.NoReleaseError
	if errors.As(err, &nr) {
		field := "to"
		if nr.Year == d.From {
			field = "from"
		}
		return nil, &chartroom.Error{Kind: chartroom.KindNotFound, Field: field, Message: err.Error()}
	}
	if err != nil {
		return nil, err
	}
	d.Entries = entries
	for _, e := range entries {
		d.Counts[e.Change]++
	}
	return d, nil
}

// only returns the entries of one change ("" for all).
func (d *releaseDiff) only(change string) []codeset.DiffEntry {
	if change == "" {
		return d.Entries
	}
	out := []codeset.DiffEntry{}
	for _, e := range d.Entries {
		if e.Change == change {
			out = append(out, e)
		}
	}
	return out
}

// diffPage returns entries[offset:offset+limit], clipped.
func diffPage(entries []codeset.DiffEntry, offset, limit int) []codeset.DiffEntry {
	if offset > len(entries) {
		offset = len(entries)
	}
	return entries[offset:min(offset+limit, len(entries))]
}

func diffChange(q *query) string {
	c := q.str("change")
	switch c {
	case "", "added", "deleted", "retitled":
	default:
		q.err = chartroom.Invalid("change", "want added, deleted or retitled")
	}
	return c
}

// apiCodeDiff answers GET /api/v1/codes/diff?from=2025&to=2026: the codes
// added, deleted and retitled between two loaded releases, with the count
// of each. Each list holds at most limit entries (default and most 5000)
// from offset on; truncated says when a list was cut.
func (s *Server) apiCodeDiff(w http.ResponseWriter, r *http.Request) error {
	q := query{r: r}
	offset, limit := int(q.int64("offset")), int(q.int64("limit"))
	change := diffChange(&q)
	if q.err != nil {
		return q.err
	}
	if limit <= 0 || limit > maxDiffLimit {
		limit = maxDiffLimit
	}
	set, _, err := s.Codes.get()
	if err != nil {
		return err
	}
	d, err := diffRequest(set, r.URL.Query())
	if err != nil {
		return err
	}
	out := map[string]any{"system": d.System.String(), "from": d.From, "to": d.To, "counts": d.Counts, "offset": offset, "limit": limit}
	truncated := false
	for _, c := range []string{"added", "deleted", "retitled"} {
		list := []codeset.DiffEntry{}
		if change == "" || change == c {
			all := d.only(c)
			list = diffPage(all, offset, limit)
			truncated = truncated || offset+len(list) < len(all)
		}
		out[c] = list
	}
	out["truncated"] = truncated
	return writeJSON(w, http.StatusOK, out)
}

// handleCodesDiffPage lists the codes added, deleted and retitled between
// two loaded releases, a page at a time.
func (s *Server) handleCodesDiffPage(w http.ResponseWriter, r *http.Request) error {
	q := query{r: r}
	pageNo := max(int(q.int64("page")), 1)
	change := diffChange(&q)
	if q.err != nil {
		return q.err
	}
	data := map[string]any{"Title": "Code set changes", "Nav": "codes", "Change": change}
	set, _, err := s.Codes.get()
	if err != nil {
		data["Unavailable"] = chartroom.ErrorMessage(err)
		s.render(w, r, http.StatusOK, "codes_diff.html", data)
		return nil
	}
	var systems []map[string]any
	for _, sys := range codeset.Systems {
		if ys := set.Versions(sys); len(ys) > 0 {
			systems = append(systems, map[string]any{"Name": sys.String(), "Years": ys})
		}
	}
	data["Systems"] = systems
	d, err := diffRequest(set, r.URL.Query())
	if err != nil {
		if k := chartroom.ErrorKind(err); k != chartroom.KindInvalid && k != chartroom.KindNotFound {
			return err
		}
		data["Error"] = chartroom.ErrorMessage(err)
		s.render(w, r, http.StatusOK, "codes_diff.html", data)
		return nil
	}
	shown := d.only(change)
	offset := (pageNo - 1) * diffPageSize
	data["D"], data["Years"], data["Total"] = d, set.Versions(d.System), len(shown)
	data["Entries"] = diffPage(shown, offset, diffPageSize)
	data["First"], data["Last"] = offset+1, min(offset+diffPageSize, len(shown))
	if pageNo > 1 {
		data["Prev"] = pageNo - 1
	}
	if offset+diffPageSize < len(shown) {
		data["Next"] = pageNo + 1
	}
	s.render(w, r, http.StatusOK, "codes_diff.html", data)
	return nil
}
