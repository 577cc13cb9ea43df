package chartroom

import (
	"context"
	"slices"
	"strings"
	"time"
)

// Role is a job in the health information department, or a machine. A
// user's roles decide which actions they may take (see Permissions).
type Role string

// The roles.
const (
	RoleAdmin      Role = "admin"
	RoleHIMManager Role = "him-manager"
	RoleCoder      Role = "coder"
	RoleCDI        Role = "cdi" // clinical documentation integrity specialist
	RoleROI        Role = "roi" // release of information specialist
	RoleClinician  Role = "clinician"
	RoleBilling    Role = "billing"
	RolePrivacy    Role = "privacy" // privacy officer or auditor
	RoleResearcher Role = "researcher"
	RoleInterface  Role = "interface" // a machine: HL7, FHIR or script client
)

var roles = enum[Role]{"role", []Role{RoleAdmin, RoleHIMManager, RoleCoder, RoleCDI, RoleROI, RoleClinician, RoleBilling, RolePrivacy, RoleResearcher, RoleInterface}}

// ParseRole parses a role name.
func ParseRole(s string) (Role, error) { return roles.parse(s) }

// Roles lists every role.
func Roles() []Role { return slices.Clone(roles.values) }

// User is a person or machine who signs in to Chartroom.
type User struct {
	ID           int64      `json:"id"`
	Username     string     `json:"username"`
	Name         string     `json:"name"`
	Roles        []Role     `json:"roles"`
	Facilities   []string   `json:"facilities"` // facility codes the user works at; "*" for all
	MustChange   bool       `json:"must_change_password"`
	Disabled     bool       `json:"disabled"`
	FailedLogins int        `json:"failed_logins"`
	LockedUntil  *time.Time `json:"locked_until,omitempty"`
	TOTPSecret   string     `json:"-"`
	PasswordHash string     `json:"-"`
	CreatedAt    time.Time  `json:"created_at"`
	LastLoginAt  *time.Time `json:"last_login_at,omitempty"`
}

// HasRole reports whether u has role r.
func (u *User) HasRole(r Role) bool { return slices.Contains(u.Roles, r) }

// WorksAt reports whether u may see patients of facility.
func (u *User) WorksAt(facility string) bool {
	return slices.Contains(u.Facilities, "*") || slices.Contains(u.Facilities, facility)
}

// ParseUsername accepts 2–64 lower-case letters, digits, dots, dashes and
// underscores.
func ParseUsername(s string) (string, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	if len(t) < 2 || len(t) > 64 {
		return "", Invalid("username", "a username has 2 to 64 characters")
	}
	for _, r := range t {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '.' || r == '-' || r == '_') {
			return "", Invalid("username", "a username has only letters, digits, dots, dashes and underscores")
		}
	}
	return t, nil
}

// Session is a signed-in browser or API client. Only a hash of its token is
// stored.
type Session struct {
	TokenHash  []byte
	UserID     int64
	CSRF       string
	CreatedAt  time.Time
	LastSeenAt time.Time
	ExpiresAt  time.Time
	Revoked    bool
	IP         string
	UserAgent  string
}

// UserService keeps users and sessions.
type UserService interface {
	CreateUser(ctx context.Context, u *User) error
	User(ctx context.Context, id int64) (*User, error)
	UserByName(ctx context.Context, username string) (*User, error)
	Users(ctx context.Context) ([]*User, error)
	UpdateUser(ctx context.Context, u *User) error
	SetPassword(ctx context.Context, id int64, hash string, mustChange bool) error
	RecordLogin(ctx context.Context, id int64, ok bool, lockedUntil *time.Time) error
	CreateSession(ctx context.Context, s *Session) error
	Session(ctx context.Context, tokenHash []byte) (*Session, error)
	TouchSession(ctx context.Context, tokenHash []byte, at time.Time) error
	RevokeSession(ctx context.Context, tokenHash []byte) error
	RevokeUserSessions(ctx context.Context, userID int64) error
}
