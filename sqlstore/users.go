package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"

	"github.com/chartroom/chartroom"
)

var aadTOTP = []byte("user.totp")

// CreateUser implements chartroom.UserService.
func (s *Store) CreateUser(ctx context.Context, u *chartroom.User) error {
	const op = "user.create"
	name, err := chartroom.ParseUsername(u.Username)
	if err != nil {
		return chartroom.E(op, err)
	}
	u.Username = name
	if len(u.Roles) == 0 {
		return chartroom.E(op, chartroom.Invalid("roles", "a user needs at least one role"))
	}
	now := s.clock()
	err = s.Transact(ctx, func(tx *sql.Tx) error {
		return tx.QueryRowContext(ctx, s.q.InsertUser, u.Username, u.Name, joinRoles(u.Roles), strings.Join(u.Facilities, " "), u.PasswordHash, u.MustChange, s.d.Time(now)).Scan(&u.ID)
	})
	if err != nil && s.d.IsUnique(err) {
		return &chartroom.Error{Kind: chartroom.KindConflict, Op: op, Field: "username", Message: "this username is taken"}
	}
	u.CreatedAt = now
	return chartroom.E(op, err)
}

func joinRoles(rs []chartroom.Role) string {
	ss := make([]string, len(rs))
	for i, r := range rs {
		ss[i] = string(r)
	}
	return strings.Join(ss, " ")
}

// UpdateUser implements chartroom.UserService (name, roles, facilities,
// disabled, TOTP secret).
func (s *Store) UpdateUser(ctx context.Context, u *chartroom.User) error {
	var totp []byte
	if u.TOTPSecret != "" {
		var err error
		if totp, err = s.vault.Encrypt([]byte(u.TOTPSecret), aadTOTP); err != nil {
			return chartroom.E("user.update", err)
		}
	}
	return chartroom.E("user.update", s.Transact(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, s.q.UpdateUser, u.Name, joinRoles(u.Roles), strings.Join(u.Facilities, " "), u.Disabled, totp, u.ID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return chartroom.NotFound("user")
		}
		return nil
	}))
}

// SetPassword implements chartroom.UserService; it also unlocks the account.
func (s *Store) SetPassword(ctx context.Context, id int64, hash string, mustChange bool) error {
	return chartroom.E("user.password", s.Transact(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, s.q.SetPassword, hash, mustChange, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return chartroom.NotFound("user")
		}
		return nil
	}))
}

// RecordLogin implements chartroom.UserService.
func (s *Store) RecordLogin(ctx context.Context, id int64, ok bool, lockedUntil *time.Time) error {
	return chartroom.E("user.login", s.Transact(ctx, func(tx *sql.Tx) error {
		var err error
		if ok {
			_, err = tx.ExecContext(ctx, s.q.RecordLoginSuccess, s.d.Time(s.clock()), id)
		} else {
			_, err = tx.ExecContext(ctx, s.q.RecordLoginFailure, s.nullTime(lockedUntil), id)
		}
		return err
	}))
}

// User implements chartroom.UserService.
func (s *Store) User(ctx context.Context, id int64) (*chartroom.User, error) {
	u, err := s.scanUser(s.rdb.QueryRowContext(ctx, s.q.SelectUser, id))
	return u, chartroom.E("user.read", err)
}

// UserByName implements chartroom.UserService.
func (s *Store) UserByName(ctx context.Context, username string) (*chartroom.User, error) {
	u, err := s.scanUser(s.rdb.QueryRowContext(ctx, s.q.SelectUserByName, strings.ToLower(strings.TrimSpace(username))))
	return u, chartroom.E("user.read", err)
}

// Users implements chartroom.UserService.
func (s *Store) Users(ctx context.Context) ([]*chartroom.User, error) {
	rows, err := s.rdb.QueryContext(ctx, s.q.SelectUsers)
	if err != nil {
		return nil, chartroom.E("user.list", err)
	}
	defer rows.Close()
	var out []*chartroom.User
	for rows.Next() {
		u, err := s.scanUser(rows)
		if err != nil {
			return nil, chartroom.E("user.list", err)
		}
		out = append(out, u)
	}
	return out, chartroom.E("user.list", rows.Err())
}

func (s *Store) scanUser(row scanner) (*chartroom.User, error) {
	var (
		u                     chartroom.User
		roles, facilities     string
		locked, created, last dbTime
		totp                  []byte
	)
	err := row.Scan(&u.ID, &u.Username, &u.Name, &roles, &facilities, &u.PasswordHash, &u.MustChange, &u.Disabled, &u.FailedLogins, &locked, &totp, &created, &last)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, chartroom.NotFound("user")
	}
	if err != nil {
		return nil, err
	}
	for _, r := range strings.Fields(roles) {
		u.Roles = append(u.Roles, chartroom.Role(r))
	}
	u.Facilities = strings.Fields(facilities)
	u.LockedUntil, u.CreatedAt, u.LastLoginAt = locked.ptr(), created.T, last.ptr()
	if len(totp) > 0 {
		plain, err := s.vault.Decrypt(totp, aadTOTP)
		if err != nil {
			return nil, err
		}
		u.TOTPSecret = string(plain)
	}
	return &u, nil
}

// CreateSession implements chartroom.UserService.
func (s *Store) CreateSession(ctx context.Context, ss *chartroom.Session) error {
	return chartroom.E("session.create", s.Transact(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, s.q.InsertSession, ss.TokenHash, ss.UserID, ss.CSRF, s.d.Time(ss.CreatedAt), s.d.Time(ss.LastSeenAt), s.d.Time(ss.ExpiresAt), ss.IP, ss.UserAgent)
		return err
	}))
}

// Session implements chartroom.UserService.
func (s *Store) Session(ctx context.Context, tokenHash []byte) (*chartroom.Session, error) {
	ss := chartroom.Session{TokenHash: tokenHash}
	var created, seen, expires dbTime
	err := s.rdb.QueryRowContext(ctx, s.q.SelectSession, tokenHash).Scan(&ss.UserID, &ss.CSRF, &created, &seen, &expires, &ss.Revoked)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, chartroom.E("session.read", chartroom.NotFound("session"))
	}
	if err != nil {
		return nil, chartroom.E("session.read", unavailable(err))
	}
	ss.CreatedAt, ss.LastSeenAt, ss.ExpiresAt = created.T, seen.T, expires.T
	return &ss, nil
}

// TouchSession implements chartroom.UserService.
func (s *Store) TouchSession(ctx context.Context, tokenHash []byte, at time.Time) error {
	_, err := s.db.ExecContext(ctx, s.q.TouchSession, s.d.Time(at.UTC()), tokenHash)
	return chartroom.E("session.touch", err)
}

// RevokeSession implements chartroom.UserService.
func (s *Store) RevokeSession(ctx context.Context, tokenHash []byte) error {
	_, err := s.db.ExecContext(ctx, s.q.RevokeSession, tokenHash)
	return chartroom.E("session.revoke", err)
}

// RevokeUserSessions implements chartroom.UserService.
func (s *Store) RevokeUserSessions(ctx context.Context, userID int64) error {
	_, err := s.db.ExecContext(ctx, s.q.RevokeUserSessions, userID)
	return chartroom.E("session.revoke", err)
}
