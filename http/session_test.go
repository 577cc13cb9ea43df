package http_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/chartroom/chartroom"
	"github.com/chartroom/chartroom/auth"
	chttp "github.com/chartroom/chartroom/http"
	"github.com/chartroom/chartroom/sqlstore"
	"github.com/chartroom/chartroom/storetest"
	"github.com/pquerna/otp/totp"
)

// TestIdleTimeout ends a session that has been idle longer than the limit.
func TestIdleTimeout(t *testing.T) {
	storetest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		now := time.Now()
		clock := func() time.Time { return now }
		srv, err := chttp.NewServer(chttp.Config{Patients: s, Lookup: s, Encounters: s, Documents: s, Providers: s, Facilities: s, Users: s, Scans: s, Access: s, Now: clock})
		if err != nil {
			t.Fatal(err)
		}
		u := &chartroom.User{Username: "idle", Name: "I", Roles: []chartroom.Role{chartroom.RoleCoder}, Facilities: []string{"*"}, PasswordHash: "x"}
		s.CreateUser(context.Background(), u)
		tok, hash := auth.NewToken("crs_")
		s.CreateSession(context.Background(), &chartroom.Session{TokenHash: hash, UserID: u.ID, CSRF: "c", CreatedAt: now, LastSeenAt: now, ExpiresAt: now.Add(12 * time.Hour)})
		get := func() int {
			req, _ := http.NewRequest("GET", "/api/v1/patients?family=x", nil)
			req.AddCookie(&http.Cookie{Name: "chartroom_session", Value: tok})
			rec := newRecorder()
			srv.ServeHTTP(rec, req)
			return rec.Code
		}
		if c := get(); c != 200 {
			t.Fatalf("fresh session: %d", c)
		}
		now = now.Add(14 * time.Minute)
		if c := get(); c != 200 {
			t.Fatalf("after 14 idle minutes: %d", c)
		}
		now = now.Add(16 * time.Minute)
		if c := get(); c != 401 {
			t.Fatalf("after 16 idle minutes: %d, want 401", c)
		}
	})
}

// TestTOTPRequired refuses a role that needs a second factor without one,
// and accepts a valid code.
func TestTOTPRequired(t *testing.T) {
	storetest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		srv, err := chttp.NewServer(chttp.Config{Patients: s, Lookup: s, Encounters: s, Documents: s, Providers: s, Facilities: s, Users: s, Scans: s, Access: s,
			TOTPRoles: []chartroom.Role{chartroom.RolePrivacy}})
		if err != nil {
			t.Fatal(err)
		}
		ts := newTestServer(t, srv)
		hash, _ := auth.HashPassword("privacy-pass-1")
		u := &chartroom.User{Username: "po", Name: "P", Roles: []chartroom.Role{chartroom.RolePrivacy}, Facilities: []string{"*"}, PasswordHash: hash}
		s.CreateUser(context.Background(), u)
		if code := formLogin(t, ts, "po", "privacy-pass-1", ""); code != http.StatusUnauthorized {
			t.Errorf("not enrolled: %d", code)
		}
		u.TOTPSecret = "JBSWY3DPEHPK3PXP"
		s.UpdateUser(context.Background(), u)
		if code := formLogin(t, ts, "po", "privacy-pass-1", "000000"); code != http.StatusUnauthorized {
			t.Errorf("wrong code: %d", code)
		}
		code, _ := totp.GenerateCode(u.TOTPSecret, time.Now())
		if c := formLogin(t, ts, "po", "privacy-pass-1", code); c != http.StatusSeeOther {
			t.Errorf("right code: %d", c)
		}
	})
}
