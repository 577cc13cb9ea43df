package http

import (
	"crypto/subtle"
	"net/http"
	"strings"
	"time"

	"github.com/chartroom/chartroom"
	"github.com/chartroom/chartroom/audit"
	"github.com/chartroom/chartroom/auth"
	"github.com/pquerna/otp/totp"
)

// sessionLifetime is the longest a session lasts, however active.
const sessionLifetime = 12 * time.Hour

func (s *Server) handleLoginPage(w http.ResponseWriter, r *http.Request) error {
	s.renderLogin(w, r, http.StatusOK, "", r.URL.Query().Get("next"))
	return nil
}

// renderLogin shows the sign-in form with a fresh pre-session CSRF token
// (double-submit: the cookie and the form field must match).
func (s *Server) renderLogin(w http.ResponseWriter, r *http.Request, status int, msg, next string) {
	tok := newCSRF()
	http.SetCookie(w, &http.Cookie{Name: loginCookie, Value: tok, Path: "/login", HttpOnly: true, Secure: s.SecureCookies, SameSite: http.SameSiteStrictMode, MaxAge: 1800})
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: "", Path: "/", MaxAge: -1, HttpOnly: true, Secure: s.SecureCookies, SameSite: http.SameSiteLaxMode})
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.HasPrefix(next, "/login") {
		next = "/"
	}
	r2 := r.WithContext(r.Context())
	s.render(w, r2, status, "login.html", map[string]any{"Title": "Sign in", "LoginCSRF": tok, "Message": msg, "Next": next})
}

func (s *Server) handleLogin(w http.ResponseWriter, r *http.Request) error {
	ip := clientIP(r)
	r.Body = http.MaxBytesReader(w, r.Body, 16<<10)
	if err := r.ParseForm(); err != nil {
		return chartroom.Invalid("", "bad form")
	}
	next := r.PostFormValue("next")
	ck, err := r.Cookie(loginCookie)
	if err != nil || ck.Value == "" || subtle.ConstantTimeCompare([]byte(ck.Value), []byte(r.PostFormValue("csrf"))) != 1 {
		s.renderLogin(w, r, http.StatusBadRequest, "The sign-in form expired. Please try again.", next)
		return nil
	}
	if !s.limiter.allow(ip) {
		s.recordAuth(r, nil, r.PostFormValue("username"), audit.LoginFailure, "rate limited")
		s.renderLogin(w, r, http.StatusTooManyRequests, "Too many sign-in attempts from this address. Wait a minute and try again.", next)
		return nil
	}
	username := strings.ToLower(strings.TrimSpace(r.PostFormValue("username")))
	pw := r.PostFormValue("password")
	u, err := s.Users.UserByName(r.Context(), username)
	if err != nil && chartroom.ErrorKind(err) != chartroom.KindNotFound {
		return err
	}
	now := s.Now()
	fail := func(why string) error {
		s.recordAuth(r, u, username, audit.LoginFailure, why)
		s.renderLogin(w, r, http.StatusUnauthorized, "The username or password is wrong, or the account is locked or disabled.", next)
		return nil
	}
	if u == nil {
		auth.CheckPassword("$argon2id$v=19$m=65536,t=3,p=2$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g", pw) // same cost as a real check
		return fail("unknown user")
	}
	if u.Disabled {
		return fail("disabled")
	}
	if u.LockedUntil != nil && now.Before(*u.LockedUntil) {
		return fail("locked")
	}
	if !auth.CheckPassword(u.PasswordHash, pw) {
		var lock *time.Time
		if u.FailedLogins+1 >= s.LockAfter {
			t := now.Add(s.LockFor)
			lock = &t
		}
		if err := s.Users.RecordLogin(r.Context(), u.ID, false, lock); err != nil {
			return err
		}
		return fail("wrong password")
	}
	if u.TOTPSecret == "" && s.needsTOTP(u) {
		if err := s.Users.RecordLogin(r.Context(), u.ID, false, nil); err != nil {
			return err
		}
		s.recordAuth(r, u, username, audit.LoginFailure, "second factor required but not enrolled")
		s.renderLogin(w, r, http.StatusUnauthorized, "Your role requires an authenticator app. Ask an administrator to enroll you ('chartroom users totp').", next)
		return nil
	}
	if u.TOTPSecret != "" {
		code := strings.ReplaceAll(r.PostFormValue("otp"), " ", "")
		if code == "" || !totp.Validate(code, u.TOTPSecret) {
			if err := s.Users.RecordLogin(r.Context(), u.ID, false, nil); err != nil {
				return err
			}
			return fail("wrong second factor")
		}
	}
	if err := s.Users.RecordLogin(r.Context(), u.ID, true, nil); err != nil {
		return err
	}
	token, hash := auth.NewToken("crs_")
	ss := &chartroom.Session{TokenHash: hash, UserID: u.ID, CSRF: newCSRF(), CreatedAt: now, LastSeenAt: now, ExpiresAt: now.Add(sessionLifetime), IP: ip, UserAgent: truncate(r.UserAgent(), 300)}
	if err := s.Users.CreateSession(r.Context(), ss); err != nil {
		return err
	}
	s.recordAuth(r, u, username, audit.Login, "")
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: token, Path: "/", HttpOnly: true, Secure: s.SecureCookies, SameSite: http.SameSiteLaxMode, MaxAge: int(sessionLifetime.Seconds())})
	http.SetCookie(w, &http.Cookie{Name: loginCookie, Value: "", Path: "/login", MaxAge: -1})
	if u.MustChange {
		next = "/account/password"
	}
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") {
		next = "/"
	}
	http.Redirect(w, r, next, http.StatusSeeOther)
	return nil
}

func truncate(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

func (s *Server) recordAuth(r *http.Request, u *chartroom.User, username string, action audit.Action, why string) {
	if s.Audit == nil {
		return
	}
	e := audit.Entry{At: s.Now(), Username: truncate(username, 64), Action: action, ObjectType: "session", IP: clientIP(r), UserAgent: truncate(r.UserAgent(), 300), Outcome: audit.Success, Detail: why}
	if u != nil {
		e.UserID = u.ID
		if len(u.Roles) > 0 {
			e.Role = string(u.Roles[0])
		}
	}
	if action == audit.LoginFailure {
		e.Outcome = audit.Failure
	}
	if err := s.Audit.Record(r.Context(), e); err != nil {
		s.Logger.Error("audit record failed", "err", err.Error())
	}
}

func (s *Server) handleLogout(w http.ResponseWriter, r *http.Request) error {
	c := callerFrom(r.Context())
	if err := s.Users.RevokeSession(r.Context(), c.token); err != nil {
		return err
	}
	s.recordAuth(r, c.user, c.user.Username, audit.Logout, "")
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: "", Path: "/", MaxAge: -1, HttpOnly: true, Secure: s.SecureCookies, SameSite: http.SameSiteLaxMode})
	http.Redirect(w, r, "/login", http.StatusSeeOther)
	return nil
}

func (s *Server) handlePasswordPage(w http.ResponseWriter, r *http.Request) error {
	s.render(w, r, http.StatusOK, "password.html", map[string]any{"Title": "Change password", "MinLength": s.Password.MinLength})
	return nil
}

func (s *Server) handlePasswordChange(w http.ResponseWriter, r *http.Request) error {
	c := callerFrom(r.Context())
	cur, next, again := r.PostFormValue("current"), r.PostFormValue("new"), r.PostFormValue("again")
	show := func(msg string) error {
		s.render(w, r, http.StatusBadRequest, "password.html", map[string]any{"Title": "Change password", "MinLength": s.Password.MinLength, "Message": msg})
		return nil
	}
	if !auth.CheckPassword(c.user.PasswordHash, cur) {
		return show("The current password is wrong.")
	}
	if next != again {
		return show("The new passwords do not match.")
	}
	if err := s.Password.Check(next, c.user.Username); err != nil {
		return show(chartroom.ErrorMessage(err))
	}
	hash, err := auth.HashPassword(next)
	if err != nil {
		return err
	}
	if err := s.Users.SetPassword(r.Context(), c.user.ID, hash, false); err != nil {
		return err
	}
	s.recordAuth(r, c.user, c.user.Username, audit.PermissionEdit, "password changed")
	http.Redirect(w, r, "/", http.StatusSeeOther)
	return nil
}

func (s *Server) handleHome(w http.ResponseWriter, r *http.Request) error {
	u := userFrom(r.Context())
	switch {
	case s.Policy.Allows(u, auth.PatientRead):
		http.Redirect(w, r, "/patients", http.StatusSeeOther)
	case s.Policy.Allows(u, auth.UserAdmin):
		http.Redirect(w, r, "/admin/users", http.StatusSeeOther)
	default:
		s.render(w, r, http.StatusOK, "home.html", map[string]any{"Title": "Chartroom"})
	}
	return nil
}

// needsTOTP reports whether one of u's roles requires a second factor.
func (s *Server) needsTOTP(u *chartroom.User) bool {
	for _, r := range s.TOTPRoles {
		if u.HasRole(r) {
			return true
		}
	}
	return false
}
