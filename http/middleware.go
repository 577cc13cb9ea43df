package http

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/chartroom/chartroom"
	"github.com/chartroom/chartroom/audit"
	"github.com/chartroom/chartroom/auth"
)

const (
	sessionCookie = "chartroom_session"
	loginCookie   = "chartroom_login"
	maxJSONBody   = 1 << 20
)

// caller is who is making a request, put in the request's context once the
// session or token is checked.
type caller struct {
	user    *chartroom.User
	session *chartroom.Session
	token   []byte              // the session token's hash
	api     *chartroom.APIToken // set when the caller used a bearer token
}

type callerKey struct{}

func callerFrom(ctx context.Context) *caller {
	c, _ := ctx.Value(callerKey{}).(*caller)
	return c
}

func userFrom(ctx context.Context) *chartroom.User {
	if c := callerFrom(ctx); c != nil {
		return c.user
	}
	return nil
}

// kindStatus is the one table that maps error kinds to HTTP statuses.
var kindStatus = map[chartroom.Kind]int{
	chartroom.KindOther:        http.StatusInternalServerError,
	chartroom.KindInvalid:      http.StatusBadRequest,
	chartroom.KindNotFound:     http.StatusNotFound,
	chartroom.KindConflict:     http.StatusConflict,
	chartroom.KindUnauthorized: http.StatusUnauthorized,
	chartroom.KindForbidden:    http.StatusForbidden,
	chartroom.KindUnavailable:  http.StatusServiceUnavailable,
	chartroom.KindTooLarge:     http.StatusRequestEntityTooLarge,
	chartroom.KindGone:         http.StatusGone,
}

// statusRecorder remembers the status a handler wrote.
type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (w *statusRecorder) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusRecorder) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

func (w *statusRecorder) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// securityHeaders sets the headers every response carries.
func securityHeaders(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hd := w.Header()
		hd.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; object-src 'self'; frame-src 'self'; frame-ancestors 'self'; base-uri 'none'; form-action 'self'")
		hd.Set("X-Content-Type-Options", "nosniff")
		hd.Set("X-Frame-Options", "SAMEORIGIN")
		hd.Set("Referrer-Policy", "no-referrer")
		hd.Set("Cross-Origin-Opener-Policy", "same-origin")
		if r.TLS != nil {
			hd.Set("Strict-Transport-Security", "max-age=31536000")
		}
		h.ServeHTTP(w, r)
	})
}

// wrap turns a route into a handler: headers, metrics, panic recovery,
// authentication, the route's rule, CSRF, and the error adapter.
func (s *Server) wrap(rt route) http.Handler {
	name := rt.pattern
	return securityHeaders(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := s.Now()
		rec := &statusRecorder{ResponseWriter: w}
		defer func() {
			if p := recover(); p != nil {
				s.Logger.Error("panic in handler", "route", name, "panic", fmt.Sprint(p))
				if rec.status == 0 {
					http.Error(rec, "internal error", http.StatusInternalServerError)
				}
			}
			s.metrics.observe(name, rec.status, s.Now().Sub(start))
		}()
		if !strings.HasPrefix(name, "GET ") {
			w.Header().Set("Cache-Control", "no-store")
		} else if !rt.rule.public {
			w.Header().Set("Cache-Control", "no-store")
		}
		err := s.authorize(rec, r, rt)
		if err == nil {
			err = rt.handle(rec, r.WithContext(r.Context()))
		}
		if err != nil {
			s.writeError(rec, r, rt.rule, err)
		}
	}))
}

// authorize checks the caller against the route's rule, adding the caller
// to the request's context. It returns a KindUnauthorized or KindForbidden
// error when the request may not go on.
func (s *Server) authorize(w http.ResponseWriter, r *http.Request, rt route) error {
	c, err := s.authenticate(r)
	if err != nil {
		return err
	}
	if c != nil {
		*r = *r.WithContext(context.WithValue(r.Context(), callerKey{}, c))
		*r = *r.WithContext(audit.WithActor(r.Context(), s.actor(r, c.user)))
	}
	if rt.rule.public {
		return nil
	}
	if c == nil {
		return &chartroom.Error{Kind: chartroom.KindUnauthorized, Message: "sign in first"}
	}
	if c.user.MustChange && rt.pattern != "GET /account/password" && rt.pattern != "POST /account/password" && rt.pattern != "POST /logout" {
		return errMustChange
	}
	if c.api != nil && rt.rule.action != "" && !scopeAllows(c.api.Scope, rt.rule.action) {
		s.recordDenied(r.Context(), "token scope lacks "+string(rt.rule.action), rt.pattern)
		return &chartroom.Error{Kind: chartroom.KindForbidden, Message: "the API token's scope does not include " + string(rt.rule.action)}
	}
	if c.api != nil && !rt.rule.api {
		return &chartroom.Error{Kind: chartroom.KindForbidden, Message: "API tokens are for the API, not the web pages"}
	}
	if rt.rule.action != "" && !s.Policy.Allows(c.user, rt.rule.action) {
		s.recordDenied(r.Context(), string(rt.rule.action), rt.pattern)
		return &chartroom.Error{Kind: chartroom.KindForbidden, Message: "your role does not allow this"}
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead && c.session != nil {
		if err := checkCSRF(r, c.session.CSRF); err != nil {
			s.recordDenied(r.Context(), "csrf", rt.pattern)
			return err
		}
	}
	return nil
}

// errMustChange stops a user with a one-time password until they choose
// their own.
var errMustChange = &chartroom.Error{Kind: chartroom.KindForbidden, Message: "change your one-time password first: /account/password"}

// checkCSRF compares the token a form or script sent with the session's.
func checkCSRF(r *http.Request, want string) error {
	got := r.Header.Get("X-CSRF-Token")
	if got == "" {
		ct := r.Header.Get("Content-Type")
		if strings.HasPrefix(ct, "application/x-www-form-urlencoded") || strings.HasPrefix(ct, "multipart/form-data") {
			if strings.HasPrefix(ct, "multipart/") {
				r.ParseMultipartForm(32 << 20)
			}
			got = r.FormValue("csrf")
		}
	}
	if got == "" || subtle.ConstantTimeCompare([]byte(got), []byte(want)) != 1 {
		return &chartroom.Error{Kind: chartroom.KindForbidden, Field: "csrf", Message: "the form's security token is missing or wrong; reload the page and try again"}
	}
	return nil
}

// authenticate finds the caller from the session cookie. A missing cookie
// is no caller; an expired, idle or revoked session is no caller too, and
// the cookie is cleared by the login page.
func (s *Server) authenticate(r *http.Request) (*caller, error) {
	if h := r.Header.Get("Authorization"); strings.HasPrefix(h, "Bearer ") {
		return s.authenticateToken(r, strings.TrimSpace(h[len("Bearer "):]))
	}
	ck, err := r.Cookie(sessionCookie)
	if err != nil || ck.Value == "" {
		return nil, nil
	}
	hash := auth.HashToken(ck.Value)
	ss, err := s.Users.Session(r.Context(), hash)
	if chartroom.ErrorKind(err) == chartroom.KindNotFound {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	now := s.Now()
	if ss.Revoked || now.After(ss.ExpiresAt) || now.Sub(ss.LastSeenAt) > s.IdleTimeout {
		return nil, nil
	}
	u, err := s.Users.User(r.Context(), ss.UserID)
	if err != nil {
		if chartroom.ErrorKind(err) == chartroom.KindNotFound {
			return nil, nil
		}
		return nil, err
	}
	if u.Disabled {
		return nil, nil
	}
	if now.Sub(ss.LastSeenAt) > 30*time.Second {
		if err := s.Users.TouchSession(r.Context(), hash, now); err != nil {
			return nil, err
		}
	}
	return &caller{user: u, session: ss, token: hash}, nil
}

// authenticateToken checks a bearer token: it must exist, be unrevoked and
// unexpired, and belong to an enabled user. A bad token is 401, never "no
// caller", so a script learns its token is wrong.
func (s *Server) authenticateToken(r *http.Request, token string) (*caller, error) {
	bad := &chartroom.Error{Kind: chartroom.KindUnauthorized, Message: "the API token is unknown, expired or revoked"}
	if s.Access == nil || token == "" {
		return nil, bad
	}
	t, err := s.Access.APIToken(r.Context(), auth.HashToken(token))
	if chartroom.ErrorKind(err) == chartroom.KindNotFound {
		return nil, bad
	}
	if err != nil {
		return nil, err
	}
	if t.Revoked || !s.Now().Before(t.ExpiresAt) {
		return nil, bad
	}
	u, err := s.Users.User(r.Context(), t.UserID)
	if err != nil || u.Disabled {
		return nil, bad
	}
	u.MustChange = false // a token's user signs in with the token, not a password
	return &caller{user: u, api: t}, nil
}

func scopeAllows(scope []string, a auth.Action) bool {
	for _, s := range scope {
		if s == "*" || s == string(a) {
			return true
		}
	}
	return false
}

// actor describes the caller for the audit trail.
func (s *Server) actor(r *http.Request, u *chartroom.User) audit.Actor {
	a := audit.Actor{IP: clientIP(r), UserAgent: r.UserAgent(), Purpose: r.Header.Get("X-Purpose-Of-Use")}
	if u != nil {
		a.UserID, a.Username = u.ID, u.Username
		if len(u.Roles) > 0 {
			a.Role = string(u.Roles[0])
		}
	}
	if a.Purpose == "" {
		a.Purpose = "HOPERAT"
	}
	return a
}

func (s *Server) recordDenied(ctx context.Context, what, route string) {
	if s.Audit == nil {
		return
	}
	a, _ := audit.ActorFrom(ctx)
	e := audit.Entry{At: s.Now(), UserID: a.UserID, Username: a.Username, Role: a.Role, Action: audit.Denied, ObjectType: "route",
		ObjectID: route, IP: a.IP, UserAgent: a.UserAgent, Outcome: audit.Refused, Detail: what}
	if err := s.Audit.Record(ctx, e); err != nil {
		s.Logger.Error("audit record failed", "err", err)
	}
}

func clientIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// wantsJSON reports whether the error should be written as JSON.
func wantsJSON(r *http.Request, ru rule) bool {
	return ru.api || strings.HasPrefix(r.URL.Path, "/api/") || strings.Contains(r.Header.Get("Accept"), "application/json")
}

// writeError is the one adapter from a handler's error to a response.
func (s *Server) writeError(w http.ResponseWriter, r *http.Request, ru rule, err error) {
	kind := chartroom.ErrorKind(err)
	status := kindStatus[kind]
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		kind, status = chartroom.KindTooLarge, http.StatusRequestEntityTooLarge
		err = &chartroom.Error{Kind: kind, Message: "the request body is too large"}
	}
	if errors.Is(err, context.Canceled) {
		return
	}
	msg := chartroom.ErrorMessage(err)
	if kind == chartroom.KindOther || kind == chartroom.KindUnavailable {
		// The detail goes to the log, which never gets health information:
		// errors are built from field names and causes, not values.
		s.Logger.Error("request failed", "route", r.Pattern, "kind", kind.String(), "err", err.Error())
	}
	if wantsJSON(r, ru) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		json.NewEncoder(w).Encode(map[string]any{"error": map[string]string{"kind": kind.String(), "message": msg, "field": chartroom.ErrorField(err)}})
		return
	}
	if err == errMustChange {
		http.Redirect(w, r, "/account/password", http.StatusSeeOther)
		return
	}
	if kind == chartroom.KindUnauthorized {
		s.renderLogin(w, r, status, "", r.URL.RequestURI())
		return
	}
	s.render(w, r, status, "error.html", map[string]any{"Status": status, "Title": http.StatusText(status), "Message": msg})
}

// newCSRF returns a random token for a form.
func newCSRF() string {
	b := make([]byte, 24)
	rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

// limiter counts attempts per key in a sliding window: the login rate limit.
type limiter struct {
	mu     sync.Mutex
	max    int
	window time.Duration
	now    func() time.Time
	hits   map[string][]time.Time
}

func newLimiter(max int, window time.Duration, now func() time.Time) *limiter {
	return &limiter{max: max, window: window, now: now, hits: map[string][]time.Time{}}
}

// allow records an attempt by key and reports whether it is within the limit.
func (l *limiter) allow(key string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	h := l.hits[key]
	i := 0
	for i < len(h) && now.Sub(h[i]) > l.window {
		i++
	}
	h = append(h[i:], now)
	l.hits[key] = h
	if len(l.hits) > 10000 { // forget old keys so the map stays small
		for k, v := range l.hits {
			if len(v) == 0 || now.Sub(v[len(v)-1]) > l.window {
				delete(l.hits, k)
			}
		}
	}
	return len(h) <= l.max
}
