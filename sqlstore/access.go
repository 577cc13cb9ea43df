package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"

	"github.com/chartroom/chartroom"
)

// GrantBreakGlass implements chartroom.AccessService.
func (s *Store) GrantBreakGlass(ctx context.Context, g *chartroom.BreakGlass) error {
	if strings.TrimSpace(g.Reason) == "" {
		return chartroom.E("breakglass.grant", chartroom.Invalid("reason", "give the reason you need this record"))
	}
	if len(g.Reason) > 500 {
		return chartroom.E("breakglass.grant", chartroom.Invalid("reason", "longer than 500 characters"))
	}
	return chartroom.E("breakglass.grant", s.Transact(ctx, func(tx *sql.Tx) error {
		return tx.QueryRowContext(ctx, s.q.InsertBreakGlass, g.UserID, g.PatientID, g.Reason, g.Purpose,
			s.d.Time(g.GrantedAt.UTC()), s.d.Time(g.ExpiresAt.UTC())).Scan(&g.ID)
	}))
}

// ActiveBreakGlass implements chartroom.AccessService.
func (s *Store) ActiveBreakGlass(ctx context.Context, userID, patientID int64, now time.Time) (bool, error) {
	var n int
	err := s.rdb.QueryRowContext(ctx, s.q.ActiveBreakGlass, userID, patientID, s.d.Time(now.UTC())).Scan(&n)
	return n > 0, chartroom.E("breakglass.check", err)
}

// CreateAlert implements chartroom.AccessService.
func (s *Store) CreateAlert(ctx context.Context, a *chartroom.Alert) error {
	if a.CreatedAt.IsZero() {
		a.CreatedAt = s.clock()
	}
	return chartroom.E("alert.create", s.Transact(ctx, func(tx *sql.Tx) error {
		return tx.QueryRowContext(ctx, s.q.InsertAlert, a.Kind, nullInt(a.UserID), nullInt(a.PatientID), a.Detail, s.d.Time(a.CreatedAt.UTC())).Scan(&a.ID)
	}))
}

// Alerts implements chartroom.AccessService.
func (s *Store) Alerts(ctx context.Context, openOnly bool, limit int) ([]*chartroom.Alert, error) {
	rows, err := s.rdb.QueryContext(ctx, s.q.SelectAlerts, openOnly, chartroom.PageLimit(limit))
	if err != nil {
		return nil, chartroom.E("alert.list", err)
	}
	defer rows.Close()
	var out []*chartroom.Alert
	for rows.Next() {
		var a chartroom.Alert
		var user, patient, by sql.NullInt64
		var created, acked dbTime
		if err := rows.Scan(&a.ID, &a.Kind, &user, &patient, &a.Detail, &created, &by, &acked); err != nil {
			return nil, chartroom.E("alert.list", err)
		}
		a.UserID, a.PatientID, a.AcknowledgedBy, a.CreatedAt, a.AcknowledgedAt = user.Int64, patient.Int64, by.Int64, created.T, acked.ptr()
		out = append(out, &a)
	}
	return out, chartroom.E("alert.list", rows.Err())
}

// AcknowledgeAlert implements chartroom.AccessService.
func (s *Store) AcknowledgeAlert(ctx context.Context, id, by int64, at time.Time) error {
	return chartroom.E("alert.ack", s.Transact(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, s.q.AcknowledgeAlert, by, s.d.Time(at.UTC()), id)
		return err
	}))
}

// CreateAPIToken implements chartroom.AccessService.
func (s *Store) CreateAPIToken(ctx context.Context, t *chartroom.APIToken) error {
	if len(t.Scope) == 0 {
		return chartroom.E("token.create", chartroom.Invalid("scope", "a token needs a scope: actions such as patient.read, or *"))
	}
	if t.CreatedAt.IsZero() {
		t.CreatedAt = s.clock()
	}
	return chartroom.E("token.create", s.Transact(ctx, func(tx *sql.Tx) error {
		return tx.QueryRowContext(ctx, s.q.InsertAPIToken, t.Hash, t.UserID, t.Name, strings.Join(t.Scope, " "),
			s.d.Time(t.CreatedAt.UTC()), s.d.Time(t.ExpiresAt.UTC())).Scan(&t.ID)
	}))
}

// APIToken implements chartroom.AccessService.
func (s *Store) APIToken(ctx context.Context, hash []byte) (*chartroom.APIToken, error) {
	t := chartroom.APIToken{Hash: hash}
	var scope string
	var created, expires dbTime
	err := s.rdb.QueryRowContext(ctx, s.q.SelectAPIToken, hash).Scan(&t.ID, &t.UserID, &t.Name, &scope, &created, &expires, &t.Revoked)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, chartroom.E("token.read", chartroom.NotFound("token"))
	}
	if err != nil {
		return nil, chartroom.E("token.read", unavailable(err))
	}
	t.Scope, t.CreatedAt, t.ExpiresAt = strings.Fields(scope), created.T, expires.T
	return &t, nil
}

// RevokeAPIToken implements chartroom.AccessService.
func (s *Store) RevokeAPIToken(ctx context.Context, id int64) error {
	return chartroom.E("token.revoke", s.Transact(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, s.q.RevokeAPIToken, id)
		return err
	}))
}
