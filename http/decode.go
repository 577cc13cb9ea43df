package http

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/chartroom/chartroom"
)

// decodeJSON reads one JSON object into dst, refusing unknown fields, bodies
// over 1 MB and trailing data. Its errors name the field at fault.
func decodeJSON(w http.ResponseWriter, r *http.Request, dst any) error {
	if ct := r.Header.Get("Content-Type"); ct != "" && !strings.HasPrefix(ct, "application/json") {
		return chartroom.Invalid("", "send the body as application/json, not %s", ct)
	}
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxJSONBody))
	dec.DisallowUnknownFields()
	if err := dec.Decode(dst); err != nil {
		return jsonError(err)
	}
	if dec.More() {
		return chartroom.Invalid("", "the body has data after the JSON object")
	}
	return nil
}

func jsonError(err error) error {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &mbe):
		return &chartroom.Error{Kind: chartroom.KindTooLarge, Message: "the request body is larger than 1 MB"}
	case errors.As(err, &se):
		return chartroom.Invalid("", "malformed JSON at byte %d", se.Offset)
	case errors.As(err, &te):
		return chartroom.Invalid(te.Field, "want a JSON %s", te.Type.Kind())
	case errors.Is(err, io.EOF):
		return chartroom.Invalid("", "the body is empty: send a JSON object")
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		f := strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`)
		return chartroom.Invalid(f, "unknown field")
	}
	return chartroom.Invalid("", "bad JSON: %v", err)
}

// pathID parses the {id} path value.
func pathID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, chartroom.Invalid("id", "the id in the path must be a positive whole number")
	}
	return id, nil
}

// query reads typed query parameters, keeping the first error.
type query struct {
	r   *http.Request
	err error
}

func (q *query) str(name string) string { return strings.TrimSpace(q.r.URL.Query().Get(name)) }

func (q *query) int64(name string) int64 {
	s := q.str(name)
	if s == "" || q.err != nil {
		return 0
	}
	v, err := strconv.ParseInt(s, 10, 64)
	if err != nil || v < 0 {
		q.err = chartroom.Invalid(name, "want a whole number")
	}
	return v
}

func (q *query) date(name string) chartroom.Date {
	s := q.str(name)
	if s == "" || q.err != nil {
		return chartroom.Date{}
	}
	d, err := chartroom.ParseDate(s)
	if err != nil {
		q.err = chartroom.Invalid(name, "%v", err)
	}
	return d
}

func (q *query) time(name string) time.Time {
	s := q.str(name)
	if s == "" || q.err != nil {
		return time.Time{}
	}
	t, err := parseTime(s)
	if err != nil {
		q.err = chartroom.Invalid(name, "%v", err)
	}
	return t
}

// parseTime accepts RFC 3339 or a plain date (midnight UTC).
func parseTime(s string) (time.Time, error) {
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	if d, err := chartroom.ParseDate(s); err == nil {
		return d.Time(), nil
	}
	if t, err := time.Parse("2006-01-02T15:04", s); err == nil { // <input type=datetime-local>
		return t, nil
	}
	return time.Time{}, fmt.Errorf("%q is not a date-time: want RFC 3339 such as 2026-03-02T14:30:00Z", s)
}

func optTime(field, s string) (*time.Time, error) {
	if strings.TrimSpace(s) == "" {
		return nil, nil
	}
	t, err := parseTime(s)
	if err != nil {
		return nil, chartroom.Invalid(field, "%v", err)
	}
	return &t, nil
}

func writeJSON(w http.ResponseWriter, status int, v any) error {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
