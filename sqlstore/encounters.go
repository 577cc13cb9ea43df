package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"

	"github.com/chartroom/chartroom"
)

var aadReason = []byte("encounter.reason")

// CreateFacility implements chartroom.FacilityService.
func (s *Store) CreateFacility(ctx context.Context, f *chartroom.Facility) error {
	code, err := chartroom.ParseFacilityCode(f.Code)
	if err != nil {
		return chartroom.E("facility.create", chartroom.Invalid("code", "%v", err))
	}
	f.Code = code
	err = s.Transact(ctx, func(tx *sql.Tx) error {
		return tx.QueryRowContext(ctx, s.q.InsertFacility, f.Code, f.Name).Scan(&f.ID)
	})
	if err != nil && s.d.IsUnique(err) {
		return &chartroom.Error{Kind: chartroom.KindConflict, Op: "facility.create", Field: "code", Message: "a facility with this code exists"}
	}
	return chartroom.E("facility.create", err)
}

// Facilities implements chartroom.FacilityService.
func (s *Store) Facilities(ctx context.Context) ([]*chartroom.Facility, error) {
	rows, err := s.rdb.QueryContext(ctx, s.q.SelectFacilities)
	if err != nil {
		return nil, chartroom.E("facility.list", err)
	}
	defer rows.Close()
	var out []*chartroom.Facility
	for rows.Next() {
		var f chartroom.Facility
		if err := rows.Scan(&f.ID, &f.Code, &f.Name); err != nil {
			return nil, err
		}
		out = append(out, &f)
	}
	return out, rows.Err()
}

// CreateProvider implements chartroom.ProviderService.
func (s *Store) CreateProvider(ctx context.Context, p *chartroom.Provider) error {
	const op = "provider.create"
	if err := p.Validate(); err != nil {
		return chartroom.E(op, err)
	}
	name, _ := json.Marshal(p.Name)
	err := s.Transact(ctx, func(tx *sql.Tx) error {
		return tx.QueryRowContext(ctx, s.q.InsertProvider, string(p.NPI), chartroom.NormName(p.Name.Family), string(name), p.Specialty, p.Active).Scan(&p.ID)
	})
	if err != nil && s.d.IsUnique(err) {
		return &chartroom.Error{Kind: chartroom.KindConflict, Op: op, Field: "npi", Message: "a provider with this NPI exists"}
	}
	return chartroom.E(op, err)
}

// UpdateProvider implements chartroom.ProviderService.
func (s *Store) UpdateProvider(ctx context.Context, p *chartroom.Provider) error {
	const op = "provider.update"
	if err := p.Validate(); err != nil {
		return chartroom.E(op, err)
	}
	name, _ := json.Marshal(p.Name)
	return chartroom.E(op, s.Transact(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, s.q.UpdateProvider, string(p.NPI), chartroom.NormName(p.Name.Family), string(name), p.Specialty, p.Active, p.ID)
		if err != nil {
			if s.d.IsUnique(err) {
				return &chartroom.Error{Kind: chartroom.KindConflict, Field: "npi", Message: "a provider with this NPI exists"}
			}
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return chartroom.NotFound("provider")
		}
		return nil
	}))
}

// Provider implements chartroom.ProviderService.
func (s *Store) Provider(ctx context.Context, id int64) (*chartroom.Provider, error) {
	p, err := scanProvider(s.rdb.QueryRowContext(ctx, s.q.SelectProvider, id))
	return p, chartroom.E("provider.read", err)
}

func scanProvider(row scanner) (*chartroom.Provider, error) {
	var p chartroom.Provider
	var npi string
	var name []byte
	err := row.Scan(&p.ID, &npi, &name, &p.Specialty, &p.Active)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, chartroom.NotFound("provider")
	}
	if err != nil {
		return nil, err
	}
	p.NPI = chartroom.NPI(npi)
	return &p, json.Unmarshal(name, &p.Name)
}

// FindProviders implements chartroom.ProviderService.
func (s *Store) FindProviders(ctx context.Context, f chartroom.ProviderFilter) (chartroom.Page[*chartroom.Provider], error) {
	var page chartroom.Page[*chartroom.Provider]
	c, err := chartroom.DecodeCursor(f.Cursor)
	if err != nil {
		return page, chartroom.E("provider.find", err)
	}
	f.Name = chartroom.NormName(f.Name)
	limit := chartroom.PageLimit(f.Limit)
	q, args := s.d.FindProviders(f, c, limit+1)
	rows, err := s.rdb.QueryContext(ctx, q, args...)
	if err != nil {
		return page, chartroom.E("provider.find", err)
	}
	defer rows.Close()
	for rows.Next() {
		p, err := scanProvider(rows)
		if err != nil {
			return page, chartroom.E("provider.find", err)
		}
		page.Items = append(page.Items, p)
	}
	if len(page.Items) > limit {
		page.Items = page.Items[:limit]
		last := page.Items[limit-1]
		page.NextCursor = chartroom.EncodeCursor(chartroom.NormName(last.Name.Family), last.ID)
	}
	return page, chartroom.E("provider.find", rows.Err())
}

func (s *Store) encounterArgs(e *chartroom.Encounter) ([]any, error) {
	var reason []byte
	if e.Reason != "" {
		var err error
		if reason, err = s.vault.Encrypt([]byte(e.Reason), aadReason); err != nil {
			return nil, err
		}
	}
	return []any{e.PatientID, e.Facility, e.Account, string(e.Class), string(e.Status), s.d.Time(e.AdmitAt.UTC().Truncate(1000)),
		s.nullTime(e.DischargeAt), e.AdmitSource, e.Disposition, nullInt(e.AttendingID), e.Service, e.Payer, reason}, nil
}

func (s *Store) checkRefs(ctx context.Context, tx *sql.Tx, patientID, attendingID int64) error {
	if _, err := s.patientTx(ctx, tx, patientID); err != nil {
		if chartroom.ErrorKind(err) == chartroom.KindNotFound {
			return chartroom.Invalid("patient_id", "no such patient")
		}
		return err
	}
	if attendingID != 0 {
		if _, err := scanProvider(tx.QueryRowContext(ctx, s.q.SelectProvider, attendingID)); err != nil {
			if chartroom.ErrorKind(err) == chartroom.KindNotFound {
				return chartroom.Invalid("attending_id", "no such provider")
			}
			return err
		}
	}
	return nil
}

// CreateEncounter implements chartroom.EncounterService.
func (s *Store) CreateEncounter(ctx context.Context, e *chartroom.Encounter) error {
	const op = "encounter.create"
	if err := e.Validate(); err != nil {
		return chartroom.E(op, err)
	}
	args, err := s.encounterArgs(e)
	if err != nil {
		return chartroom.E(op, err)
	}
	now := s.clock()
	err = s.Transact(ctx, func(tx *sql.Tx) error {
		if err := s.checkRefs(ctx, tx, e.PatientID, e.AttendingID); err != nil {
			return err
		}
		return tx.QueryRowContext(ctx, s.q.InsertEncounter, append(args, s.d.Time(now), s.d.Time(now))...).Scan(&e.ID)
	})
	if err != nil {
		return chartroom.E(op, err)
	}
	e.Version, e.CreatedAt, e.UpdatedAt = 1, now, now
	return nil
}

// UpdateEncounter implements chartroom.EncounterService, with the same
// version check as UpdatePatient.
func (s *Store) UpdateEncounter(ctx context.Context, e *chartroom.Encounter) error {
	const op = "encounter.update"
	if err := e.Validate(); err != nil {
		return chartroom.E(op, err)
	}
	args, err := s.encounterArgs(e)
	if err != nil {
		return chartroom.E(op, err)
	}
	now := s.clock()
	err = s.Transact(ctx, func(tx *sql.Tx) error {
		if err := s.checkRefs(ctx, tx, e.PatientID, e.AttendingID); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, s.q.UpdateEncounter, append(args, s.d.Time(now), e.ID, e.Version)...)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			if _, err := s.scanEncounter(tx.QueryRowContext(ctx, s.q.SelectEncounter, e.ID)); err != nil {
				return err
			}
			return &chartroom.Error{Kind: chartroom.KindConflict, Field: "version", Message: "the encounter was changed by someone else; reload and try again"}
		}
		return nil
	})
	if err != nil {
		return chartroom.E(op, err)
	}
	e.Version++
	e.UpdatedAt = now
	return nil
}

// Encounter implements chartroom.EncounterService.
func (s *Store) Encounter(ctx context.Context, id int64) (*chartroom.Encounter, error) {
	e, err := s.scanEncounter(s.rdb.QueryRowContext(ctx, s.q.SelectEncounter, id))
	return e, chartroom.E("encounter.read", err)
}

func (s *Store) scanEncounter(row scanner) (*chartroom.Encounter, error) {
	var (
		e                chartroom.Encounter
		class, status    string
		admit, discharge dbTime
		attending        sql.NullInt64
		reason           []byte
		created, updated dbTime
	)
	err := row.Scan(&e.ID, &e.PatientID, &e.Facility, &e.Account, &class, &status, &admit, &discharge,
		&e.AdmitSource, &e.Disposition, &attending, &e.Service, &e.Payer, &reason, &e.Version, &created, &updated)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, chartroom.NotFound("encounter")
	}
	if err != nil {
		return nil, err
	}
	e.Class, e.Status = chartroom.EncounterClass(class), chartroom.EncounterStatus(status)
	e.AdmitAt, e.DischargeAt, e.AttendingID = admit.T, discharge.ptr(), attending.Int64
	e.CreatedAt, e.UpdatedAt = created.T, updated.T
	if len(reason) > 0 {
		plain, err := s.vault.Decrypt(reason, aadReason)
		if err != nil {
			return nil, err
		}
		e.Reason = string(plain)
	}
	return &e, nil
}

// FindEncounters implements chartroom.EncounterService. Results are ordered
// by admission, newest first when listing one patient's encounters.
func (s *Store) FindEncounters(ctx context.Context, f chartroom.EncounterFilter) (chartroom.Page[*chartroom.Encounter], error) {
	const op = "encounter.find"
	var page chartroom.Page[*chartroom.Encounter]
	c, err := chartroom.DecodeCursor(f.Cursor)
	if err != nil {
		return page, chartroom.E(op, err)
	}
	limit := chartroom.PageLimit(f.Limit)
	q, args := s.d.FindEncounters(f, c, limit+1)
	rows, err := s.rdb.QueryContext(ctx, q, args...)
	if err != nil {
		return page, chartroom.E(op, err)
	}
	defer rows.Close()
	for rows.Next() {
		e, err := s.scanEncounter(rows)
		if err != nil {
			return page, chartroom.E(op, err)
		}
		page.Items = append(page.Items, e)
	}
	if len(page.Items) > limit {
		page.Items = page.Items[:limit]
		last := page.Items[limit-1]
		page.NextCursor = chartroom.EncodeCursor(TimeText(last.AdmitAt), last.ID)
	}
	return page, chartroom.E(op, rows.Err())
}
