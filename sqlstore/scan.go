package sqlstore

import (
	"database/sql"
	"fmt"
	"time"

	"github.com/chartroom/chartroom"
)

// Time layouts accepted when an engine hands a time back as text. SQLite
// stores times as fixed-width UTC text so that they sort as they compare.
var timeLayouts = []string{
	"2006-01-02T15:04:05.000000Z",
	time.RFC3339Nano,
	"2006-01-02 15:04:05.999999999-07:00",
	"2006-01-02 15:04:05.999999999Z07:00",
	"2006-01-02 15:04:05",
	"2006-01-02",
}

// TimeText formats t the way the SQLite engine stores times.
func TimeText(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05.000000Z") }

// dbTime scans a time that an engine returns as time.Time or as text.
type dbTime struct {
	T     time.Time
	Valid bool
}

func (t *dbTime) Scan(v any) error {
	switch x := v.(type) {
	case nil:
		t.T, t.Valid = time.Time{}, false
		return nil
	case time.Time:
		t.T, t.Valid = x.UTC(), true
		return nil
	case string:
		return t.parse(x)
	case []byte:
		return t.parse(string(x))
	}
	return fmt.Errorf("cannot scan %T into a time", v)
}

func (t *dbTime) parse(s string) error {
	for _, l := range timeLayouts {
		if v, err := time.Parse(l, s); err == nil {
			t.T, t.Valid = v.UTC(), true
			return nil
		}
	}
	return fmt.Errorf("cannot parse time %q", s)
}

func (t dbTime) ptr() *time.Time {
	if !t.Valid {
		return nil
	}
	v := t.T
	return &v
}

// dbDate scans a calendar date returned as time.Time or text.
type dbDate struct{ D chartroom.Date }

func (d *dbDate) Scan(v any) error {
	var t dbTime
	if err := t.Scan(v); err != nil {
		return err
	}
	if t.Valid {
		d.D = chartroom.DateOf(t.T)
	}
	return nil
}

// opt helpers turn Go zero values into SQL NULLs.
func nullInt(v int64) sql.NullInt64 { return sql.NullInt64{Int64: v, Valid: v != 0} }

func (s *Store) nullTime(t *time.Time) any {
	if t == nil {
		return nil
	}
	return s.d.Time(t.UTC().Truncate(time.Microsecond))
}

// scanner is *sql.Row or *sql.Rows.
type scanner interface{ Scan(dest ...any) error }
