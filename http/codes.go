package http

import (
	"net/http"
	"strings"
	"sync"

	"github.com/chartroom/chartroom"
	"github.com/chartroom/chartroom/codeset"
)

// Codes holds the loaded code sets and their search index, swapped as a
// whole when an import finishes, so a search never sees half a release.
type Codes struct {
	mu       sync.RWMutex
	set      *codeset.Set
	searcher *codeset.Searcher
	loading  bool
	err      error
	imp      importStatus
}

// Loading marks the library as loading (pages say so).
func (c *Codes) Loading() {
	c.mu.Lock()
	c.loading = true
	c.mu.Unlock()
}

// Use installs a loaded set, or the error that stopped loading.
func (c *Codes) Use(s *codeset.Set, err error) {
	var x *codeset.Searcher
	if err == nil && !s.Empty() {
		x = s.Searcher()
	}
	c.mu.Lock()
	c.set, c.searcher, c.err, c.loading = s, x, err, false
	c.mu.Unlock()
}

func (c *Codes) get() (*codeset.Set, *codeset.Searcher, error) {
	if c == nil {
		return nil, nil, errNoCodes
	}
	c.mu.RLock()
	defer c.mu.RUnlock()
	switch {
	case c.loading:
		return nil, nil, &chartroom.Error{Kind: chartroom.KindUnavailable, Message: "the code sets are loading; try again in a few seconds"}
	case c.err != nil:
		return nil, nil, &chartroom.Error{Kind: chartroom.KindUnavailable, Message: "the code sets failed to load: " + c.err.Error()}
	case c.set.Empty():
		return nil, nil, errNoCodes
	}
	return c.set, c.searcher, nil
}

var errNoCodes = &chartroom.Error{Kind: chartroom.KindUnavailable, Message: "no code set is loaded: an administrator imports the official release files on the Code sets page (/admin/codes), or runs 'chartroom codes fetch --year 2026' or 'chartroom codes import FILE…' and restarts serve"}

func codeDate(q *query) codeset.Date {
	s := q.str("date")
	if s == "" || q.err != nil {
		return 0
	}
	d, err := codeset.ParseDate(s)
	if err != nil {
		q.err = chartroom.Invalid("date", "%v", err)
	}
	return d
}

func codeSystems(q *query) []codeset.System {
	s := q.str("system")
	if s == "" || q.err != nil {
		return nil
	}
	var out []codeset.System
	for _, name := range strings.Split(s, ",") {
		sys, err := codeset.ParseSystem(strings.TrimSpace(name))
		if err != nil {
			q.err = chartroom.Invalid("system", "%v", err)
			return nil
		}
		out = append(out, sys)
	}
	return out
}

// apiCodeSearch answers GET /api/v1/codes/search?q=…: the encoder's search,
// best first, with scores and, on request, explanations.
func (s *Server) apiCodeSearch(w http.ResponseWriter, r *http.Request) error {
	q := query{r: r}
	text := q.str("q")
	opt := codeset.SearchOptions{Systems: codeSystems(&q), Date: codeDate(&q), Limit: int(q.int64("limit")), Explain: q.str("explain") == "1" || q.str("explain") == "true"}
	if q.err != nil {
		return q.err
	}
	if text == "" {
		return chartroom.Invalid("q", "type what you are looking for")
	}
	if len(text) > 200 {
		return chartroom.Invalid("q", "a query has at most 200 characters")
	}
	if opt.Limit > 100 {
		opt.Limit = 100
	}
	_, x, err := s.Codes.get()
	if err != nil {
		return err
	}
	res := x.Search(text, opt)
	type out struct {
		System string `json:"system"`
		codeset.Result
	}
	items := make([]out, len(res))
	for i, r := range res {
		items[i] = out{r.System.String(), r}
	}
	return writeJSON(w, http.StatusOK, map[string]any{"query": text, "items": items})
}

// apiCodeShow answers GET /api/v1/codes/{code}: hierarchy, titles and
// dates, notes with those inherited, 7th characters, GEMs, PCS axes.
func (s *Server) apiCodeShow(w http.ResponseWriter, r *http.Request) error {
	q := query{r: r}
	var sys codeset.System
	if ss := codeSystems(&q); len(ss) > 0 {
		sys = ss[0]
	}
	d := codeDate(&q)
	if q.err != nil {
		return q.err
	}
	set, _, err := s.Codes.get()
	if err != nil {
		return err
	}
	info, err := set.Show(sys, r.PathValue("code"), d)
	if err != nil {
		return &chartroom.Error{Kind: chartroom.KindNotFound, Field: "code", Message: err.Error()}
	}
	return writeJSON(w, http.StatusOK, info)
}

// apiCodeValidate answers GET /api/v1/codes/validate?codes=A,B&…: each
// problem with its rule and a suggested fix.
func (s *Server) apiCodeValidate(w http.ResponseWriter, r *http.Request) error {
	codes, opt, err := validateRequest(r.URL.Query())
	if err != nil {
		return err
	}
	set, _, err := s.Codes.get()
	if err != nil {
		return err
	}
	problems := set.Validate(codes, opt)
	if problems == nil {
		problems = []codeset.Problem{}
	}
	if codes == nil {
		codes = []string{}
	}
	return writeJSON(w, http.StatusOK, map[string]any{"codes": codes, "problems": problems})
}

// apiPCSNext answers GET /api/v1/codes/pcs?partial=0DT: the valid values of
// the next character, from the tables.
func (s *Server) apiPCSNext(w http.ResponseWriter, r *http.Request) error {
	set, _, err := s.Codes.get()
	if err != nil {
		return err
	}
	choices, err := set.PCSNext(r.URL.Query().Get("partial"))
	if err != nil {
		return chartroom.Invalid("partial", "%v", err)
	}
	return writeJSON(w, http.StatusOK, map[string]any{"partial": strings.ToUpper(r.URL.Query().Get("partial")), "choices": choices})
}

// handleCodesPage is the encoder: search as you type, a code's full
// explanation, and the PCS builder.
func (s *Server) handleCodesPage(w http.ResponseWriter, r *http.Request) error {
	q := query{r: r}
	data := map[string]any{"Title": "Encoder", "Nav": "codes", "Q": q.str("q"), "Date": q.str("date"), "System": q.str("system")}
	set, x, err := s.Codes.get()
	if err != nil {
		data["Unavailable"] = chartroom.ErrorMessage(err)
		s.render(w, r, http.StatusOK, "codes.html", data)
		return nil
	}
	opt := codeset.SearchOptions{Systems: codeSystems(&q), Date: codeDate(&q), Limit: 25}
	if q.err != nil {
		return q.err
	}
	if text := q.str("q"); text != "" {
		data["Results"] = x.Search(text, opt)
	}
	if c := q.str("code"); c != "" {
		var sys codeset.System
		if len(opt.Systems) > 0 {
			sys = opt.Systems[0]
		}
		info, err := set.Show(sys, c, opt.Date)
		if err != nil {
			data["Error"] = err.Error()
		} else {
			data["Info"] = info
		}
	}
	if p, ok := r.URL.Query()["pcs"]; ok {
		partial := strings.ToUpper(strings.TrimSpace(p[0]))
		choices, err := set.PCSNext(partial)
		if err != nil {
			data["Error"] = err.Error()
		}
		data["PCS"], data["PCSPartial"], data["PCSChoices"], data["PCSPos"] = true, partial, choices, len(partial)+1
		if len(choices) > 0 {
			data["PCSAxis"] = choices[0].Axis
		}
		data["PCSSteps"] = pcsSteps(set, partial)
	}
	var releases []string
	for _, rel := range set.Releases {
		releases = append(releases, rel.ID())
	}
	data["Releases"] = releases
	s.render(w, r, http.StatusOK, "codes.html", data)
	return nil
}

// pcsStep is one character already chosen in the PCS builder: its axis and
// meaning, and the partial code before it (to choose it again).
type pcsStep struct {
	Pos               int
	Axis, Char, Label string
	Prefix            string
}

// pcsSteps explains each character of a partial PCS code, as far as the
// tables know it.
func pcsSteps(set *codeset.Set, partial string) []pcsStep {
	var out []pcsStep
	for i := 0; i < len(partial); i++ {
		choices, err := set.PCSNext(partial[:i])
		if err != nil {
			break
		}
		found := false
		for _, c := range choices {
			if c.Char == partial[i:i+1] {
				out = append(out, pcsStep{Pos: i + 1, Axis: c.Axis, Char: c.Char, Label: c.Label, Prefix: partial[:i]})
				found = true
			}
		}
		if !found {
			break
		}
	}
	return out
}
