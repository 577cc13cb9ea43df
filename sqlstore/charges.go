package sqlstore

import (
	"context"
	"database/sql"
	"strings"

	"github.com/chartroom/chartroom"
)

// AddCharges implements chartroom.ChargeService.
func (s *Store) AddCharges(ctx context.Context, cs []*chartroom.Charge) error {
	now := s.clock()
	return chartroom.E("charge.add", s.Transact(ctx, func(tx *sql.Tx) error {
		for _, c := range cs {
			if c.Units == 0 {
				c.Units = 1
			}
			if _, err := tx.ExecContext(ctx, s.q.InsertCharge, c.PatientID, nullInt(c.EncounterID), c.Source, c.Line, s.d.Time(c.ServiceDate.UTC()), c.Code, c.CodeSystem,
				strings.Join(c.Modifiers, " "), c.Description, c.Units, c.Amount, strings.Join(c.Diagnoses, " "), s.d.Time(now)); err != nil {
				return err
			}
		}
		return nil
	}))
}

// Charges implements chartroom.ChargeService.
func (s *Store) Charges(ctx context.Context, encounterID int64) ([]*chartroom.Charge, error) {
	rows, err := s.rdb.QueryContext(ctx, s.q.SelectCharges, encounterID)
	if err != nil {
		return nil, chartroom.E("charge.list", err)
	}
	defer rows.Close()
	var out []*chartroom.Charge
	for rows.Next() {
		var c chartroom.Charge
		var enc sql.NullInt64
		var date, created dbTime
		var mods, dx string
		if err := rows.Scan(&c.ID, &c.PatientID, &enc, &c.Source, &c.Line, &date, &c.Code, &c.CodeSystem, &mods, &c.Description, &c.Units, &c.Amount, &dx, &created); err != nil {
			return nil, chartroom.E("charge.list", err)
		}
		c.EncounterID, c.ServiceDate, c.CreatedAt = enc.Int64, date.T, created.T
		c.Modifiers, c.Diagnoses = strings.Fields(mods), strings.Fields(dx)
		out = append(out, &c)
	}
	return out, chartroom.E("charge.list", rows.Err())
}
