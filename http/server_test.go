package http_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chartroom/chartroom"
	"github.com/chartroom/chartroom/audit"
	"github.com/chartroom/chartroom/auth"
	chttp "github.com/chartroom/chartroom/http"
	"github.com/chartroom/chartroom/mpi"
	"github.com/chartroom/chartroom/sqlstore"
)

// recorder keeps audit entries in memory.
type recorder struct {
	mu      sync.Mutex
	entries []audit.Entry
}

func (r *recorder) Record(ctx context.Context, e audit.Entry) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.entries = append(r.entries, e)
	return nil
}

func (r *recorder) count(a audit.Action) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	n := 0
	for _, e := range r.entries {
		if e.Action == a {
			n++
		}
	}
	return n
}

// fixture is a server over a fresh store with one signed-in session per
// role.
type fixture struct {
	t      *testing.T
	store  *sqlstore.Store
	srv    *chttp.Server
	ts     *httptest.Server
	rec    *recorder
	policy *auth.Policy
	tokens map[chartroom.Role]string // session token per role
	csrf   map[chartroom.Role]string
	users  map[chartroom.Role]*chartroom.User
	codes  *chttp.Codes
}

func newFixture(t *testing.T, s *sqlstore.Store) *fixture {
	t.Helper()
	f := &fixture{t: t, store: s, rec: &recorder{}, codes: &chttp.Codes{}, policy: auth.NewPolicy(), tokens: map[chartroom.Role]string{}, csrf: map[chartroom.Role]string{}, users: map[chartroom.Role]*chartroom.User{}}
	w := &mpi.Watcher{Index: mpi.NewIndex(nil, nil), Worklist: s}
	srv, err := chttp.NewServer(chttp.Config{
		Patients: w.Patients(s), Lookup: s, Encounters: s, Documents: s, Providers: s, Facilities: s, Users: s, Scans: s, Access: s, Merges: w.Merges(s, s), Interfaces: s,
		Matches: s, Watcher: w,
		Audit: f.rec, AuditLog: s, Policy: f.policy, Codes: f.codes, Releases: s, Links: s, Settings: s, AmendmentList: s, Coding: s, Ready: s.Ping, LoginLimit: 1000,
	})
	if err != nil {
		t.Fatal(err)
	}
	f.srv = srv
	f.ts = httptest.NewServer(srv)
	t.Cleanup(f.ts.Close)
	for _, r := range chartroom.Roles() {
		f.signIn(r, []string{"*"})
	}
	return f
}

// signIn makes a user with role and a live session for it.
func (f *fixture) signIn(r chartroom.Role, facilities []string) string {
	ctx := context.Background()
	u := &chartroom.User{Username: "u-" + string(r) + "-" + strings.ReplaceAll(strings.Join(facilities, ""), "*", "all"), Name: string(r), Roles: []chartroom.Role{r}, Facilities: facilities, PasswordHash: "x"}
	if err := f.store.CreateUser(ctx, u); err != nil {
		f.t.Fatal(err)
	}
	if len(facilities) == 1 && facilities[0] == "*" {
		f.users[r] = u
		return f.newSession(r)
	}
	tok, hash := auth.NewToken("crs_")
	now := time.Now()
	if err := f.store.CreateSession(ctx, &chartroom.Session{TokenHash: hash, UserID: u.ID, CSRF: "c", CreatedAt: now, LastSeenAt: now, ExpiresAt: now.Add(time.Hour)}); err != nil {
		f.t.Fatal(err)
	}
	return tok
}

// newSession signs the role's user in again (after a logout).
func (f *fixture) newSession(r chartroom.Role) string {
	ctx := context.Background()
	u := f.users[r]
	tok, hash := auth.NewToken("crs_")
	now := time.Now()
	csrf := "csrf-" + string(r)
	if err := f.store.CreateSession(ctx, &chartroom.Session{TokenHash: hash, UserID: u.ID, CSRF: csrf, CreatedAt: now, LastSeenAt: now, ExpiresAt: now.Add(time.Hour)}); err != nil {
		f.t.Fatal(err)
	}
	f.tokens[r], f.csrf[r] = tok, csrf
	return tok
}

// do sends a request as role ("" for nobody) and returns the response.
func (f *fixture) do(role chartroom.Role, method, path string, body any) *http.Response {
	f.t.Helper()
	var rd io.Reader
	ct := ""
	switch b := body.(type) {
	case nil:
	case string:
		rd, ct = strings.NewReader(b), "application/json"
	case []byte:
		rd, ct = bytes.NewReader(b), "application/json"
	default:
		j, _ := json.Marshal(b)
		rd, ct = bytes.NewReader(j), "application/json"
	}
	req, _ := http.NewRequest(method, f.ts.URL+path, rd)
	if ct != "" {
		req.Header.Set("Content-Type", ct)
	}
	if role != "" {
		req.AddCookie(&http.Cookie{Name: "chartroom_session", Value: f.tokens[role]})
		req.Header.Set("X-CSRF-Token", f.csrf[role])
	}
	resp, err := noRedirect.Do(req)
	if err != nil {
		f.t.Fatal(err)
	}
	f.t.Cleanup(func() { resp.Body.Close() })
	return resp
}

var noRedirect = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

func decode[T any](t *testing.T, resp *http.Response) T {
	t.Helper()
	var v T
	b, _ := io.ReadAll(resp.Body)
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatalf("decode %s: %v", b, err)
	}
	return v
}

type apiError struct {
	Error struct{ Kind, Message, Field string } `json:"error"`
}

// form posts a web form as role, with its CSRF token.
func (f *fixture) form(role chartroom.Role, path string, v url.Values) *http.Response {
	f.t.Helper()
	v.Set("csrf", f.csrf[role])
	req, _ := http.NewRequest("POST", f.ts.URL+path, strings.NewReader(v.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.AddCookie(&http.Cookie{Name: "chartroom_session", Value: f.tokens[role]})
	resp, err := noRedirect.Do(req)
	if err != nil {
		f.t.Fatal(err)
	}
	f.t.Cleanup(func() { resp.Body.Close() })
	return resp
}
