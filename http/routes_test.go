package http_test

import (
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/chartroom/chartroom"
	"github.com/chartroom/chartroom/audit"
	chttp "github.com/chartroom/chartroom/http"
	"github.com/chartroom/chartroom/sqlstore"
	"github.com/chartroom/chartroom/storetest"
)

// TestRouteAuthorization walks every route with every role and with no one
// signed in. A route without a rule fails to register; a route whose answer
// disagrees with the permission table fails here.
func TestRouteAuthorization(t *testing.T) {
	storetest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		f := newFixture(t, s)
		_, _, d := storetest.Seed(t, s)
		routes := chttpRoutes(f)
		if len(routes) < 30 {
			t.Fatalf("only %d routes", len(routes))
		}
		for _, rt := range routes {
			method, path, _ := strings.Cut(rt.Pattern, " ")
			path = strings.ReplaceAll(path, "{$}", "")
			path = strings.ReplaceAll(path, "{id}", itoa(d.ID))
			var body any
			if method != http.MethodGet {
				body = "{}"
			}
			// Nobody signed in.
			resp := f.do("", method, path, body)
			if rt.Public {
				if resp.StatusCode == http.StatusUnauthorized || resp.StatusCode == http.StatusForbidden {
					t.Errorf("%s: public route answered %d", rt.Pattern, resp.StatusCode)
				}
			} else if resp.StatusCode != http.StatusUnauthorized {
				t.Errorf("%s: unauthenticated got %d, want 401", rt.Pattern, resp.StatusCode)
			}
			if rt.Public {
				continue
			}
			for _, role := range chartroom.Roles() {
				before := f.rec.count(audit.Denied)
				resp := f.do(role, method, path, body)
				allowed := rt.Action == "" || f.policy.RoleAllows(role, rt.Action)
				switch {
				case allowed && (resp.StatusCode == http.StatusUnauthorized || resp.StatusCode == http.StatusForbidden):
					t.Errorf("%s as %s: got %d, want access", rt.Pattern, role, resp.StatusCode)
				case !allowed && resp.StatusCode != http.StatusForbidden:
					t.Errorf("%s as %s: got %d, want 403", rt.Pattern, role, resp.StatusCode)
				case !allowed && f.rec.count(audit.Denied) != before+1:
					t.Errorf("%s as %s: 403 without an audit entry", rt.Pattern, role)
				}
				if rt.Pattern == "POST /logout" {
					f.newSession(role)
				}
			}
		}
	})
}

func TestCSRFRequired(t *testing.T) {
	storetest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		f := newFixture(t, s)
		req, _ := http.NewRequest("POST", f.ts.URL+"/api/v1/patients", strings.NewReader(`{}`))
		req.Header.Set("Content-Type", "application/json")
		req.AddCookie(&http.Cookie{Name: "chartroom_session", Value: f.tokens[chartroom.RoleHIMManager]})
		req.Header.Set("X-CSRF-Token", "forged")
		resp, err := noRedirect.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusForbidden {
			t.Errorf("forged CSRF token: got %d, want 403", resp.StatusCode)
		}
	})
}

func TestSecurityHeaders(t *testing.T) {
	storetest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		f := newFixture(t, s)
		for _, path := range []string{"/login", "/patients", "/api/v1/patients", "/assets/app.css"} {
			resp := f.do("", "GET", path, nil)
			h := resp.Header
			if !strings.Contains(h.Get("Content-Security-Policy"), "default-src 'self'") || h.Get("X-Content-Type-Options") != "nosniff" || h.Get("X-Frame-Options") == "" {
				t.Errorf("%s: missing security headers: %v", path, h)
			}
		}
	})
}

func itoa(i int64) string { return strconv.FormatInt(i, 10) }

func chttpRoutes(f *fixture) []chttpRouteInfo { return f.srv.Routes() }

type chttpRouteInfo = chttp.RouteInfo
