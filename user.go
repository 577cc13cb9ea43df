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

// BreakGlass is a time-limited grant to open one restricted patient's
// record, given by the user with a reason, and reported to the privacy
// officer at once.
type BreakGlass struct {
	ID        int64     `json:"id"`
	UserID    int64     `json:"user_id"`
	PatientID int64     `json:"patient_id"`
	Reason    string    `json:"reason"`
	Purpose   string    `json:"purpose,omitempty"`
	GrantedAt time.Time `json:"granted_at"`
	ExpiresAt time.Time `json:"expires_at"`
}

// Alert is something the privacy officer must look at: a break-the-glass,
// a VIP record opened, an unusual volume of access.
type Alert struct {
	ID             int64      `json:"id"`
	Kind           string     `json:"kind"`
	UserID         int64      `json:"user_id,omitempty"`
	PatientID      int64      `json:"patient_id,omitempty"`
	Detail         string     `json:"detail"`
	CreatedAt      time.Time  `json:"created_at"`
	AcknowledgedBy int64      `json:"acknowledged_by,omitempty"`
	AcknowledgedAt *time.Time `json:"acknowledged_at,omitempty"`
}

// APIToken lets an interface or script call the API without a session.
// Only the hash of the token is stored; Scope lists the actions it may take
// ("*" for all its user's roles allow).
type APIToken struct {
	ID        int64     `json:"id"`
	Hash      []byte    `json:"-"`
	UserID    int64     `json:"user_id"`
	Name      string    `json:"name"`
	Scope     []string  `json:"scope"`
	CreatedAt time.Time `json:"created_at"`
	ExpiresAt time.Time `json:"expires_at"`
	Revoked   bool      `json:"revoked"`
}

// AccessService keeps break-the-glass grants, privacy alerts and API tokens.
type AccessService interface {
	GrantBreakGlass(ctx context.Context, g *BreakGlass) error
	// ActiveBreakGlass reports whether user holds an unexpired grant for patient.
	ActiveBreakGlass(ctx context.Context, userID, patientID int64, now time.Time) (bool, error)
	CreateAlert(ctx context.Context, a *Alert) error
	Alerts(ctx context.Context, openOnly bool, limit int) ([]*Alert, error)
	AcknowledgeAlert(ctx context.Context, id, by int64, at time.Time) error
	CreateAPIToken(ctx context.Context, t *APIToken) error
	APIToken(ctx context.Context, hash []byte) (*APIToken, error)
	RevokeAPIToken(ctx context.Context, id int64) error
}
