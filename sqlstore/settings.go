package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"

	"github.com/chartroom/chartroom"
)

// Setting reads the site setting key into dst; found is false when it was
// never set.
func (s *Store) Setting(ctx context.Context, key string, dst any) (found bool, err error) {
	var b []byte
	err = s.rdb.QueryRowContext(ctx, s.q.SelectSetting, key).Scan(&b)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, chartroom.E("setting.get", err)
	}
	return true, chartroom.E("setting.get", json.Unmarshal(b, dst))
}

// SetSetting stores the site setting key.
func (s *Store) SetSetting(ctx context.Context, key string, v any, by int64) error {
	b, err := json.Marshal(v)
	if err != nil {
		return chartroom.E("setting.set", err)
	}
	_, err = s.db.ExecContext(ctx, s.q.UpsertSetting, key, b, nullInt(by), s.d.Time(s.clock()))
	return chartroom.E("setting.set", err)
}
