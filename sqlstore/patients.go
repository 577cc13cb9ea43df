package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"

	"github.com/chartroom/chartroom"
)

// patientNames is the clear JSON of a patient's names.
type patientNames struct {
	Name    chartroom.PersonName   `json:"name"`
	Aliases []chartroom.PersonName `json:"aliases,omitempty"`
}

// patientSecret is the encrypted JSON of a patient's sensitive details.
type patientSecret struct {
	SSN       chartroom.SSN       `json:"ssn,omitempty"`
	Addresses []chartroom.Address `json:"addresses,omitempty"`
	Telecoms  []chartroom.Telecom `json:"telecoms,omitempty"`
	Contacts  []chartroom.Contact `json:"contacts,omitempty"`
}

var aadPatient = []byte("patient.secret")

func flagsOf(c chartroom.Confidentiality) int64 {
	var f int64
	if c.VIP {
		f |= 1
	}
	if c.Employee {
		f |= 2
	}
	if c.Restricted {
		f |= 4
	}
	return f
}

// patientArgs returns the arguments shared by InsertPatient and UpdatePatient.
func (s *Store) patientArgs(p *chartroom.Patient) ([]any, error) {
	names, err := json.Marshal(patientNames{p.Name, p.Aliases})
	if err != nil {
		return nil, err
	}
	sec := patientSecret{p.SSN, p.Addresses, p.Telecoms, p.Contacts}
	var secret []byte
	if sec.SSN != "" || len(sec.Addresses) > 0 || len(sec.Telecoms) > 0 || len(sec.Contacts) > 0 {
		plain, err := json.Marshal(sec)
		if err != nil {
			return nil, err
		}
		if secret, err = s.vault.Encrypt(plain, aadPatient); err != nil {
			return nil, err
		}
	}
	var ssnIdx []byte
	if p.SSN != "" {
		ssnIdx = s.vault.BlindIndex("ssn", string(p.SSN))
	}
	return []any{
		chartroom.NormName(p.Name.Family), chartroom.NormName(p.Name.Given), p.BirthDate.String(), string(p.Sex),
		string(names), flagsOf(p.Confidentiality), s.nullTime(p.DeceasedAt), secret, ssnIdx,
	}, nil
}

// CreatePatient implements chartroom.PatientService.
func (s *Store) CreatePatient(ctx context.Context, p *chartroom.Patient) error {
	const op = "patient.create"
	if p.Sex == "" {
		p.Sex = chartroom.SexUnknown
	}
	if err := p.Validate(); err != nil {
		return chartroom.E(op, err)
	}
	args, err := s.patientArgs(p)
	if err != nil {
		return chartroom.E(op, err)
	}
	now := s.clock()
	err = s.Transact(ctx, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, s.q.InsertPatient, append(args, s.d.Time(now), s.d.Time(now))...).Scan(&p.ID); err != nil {
			return err
		}
		return s.insertIdentifiers(ctx, tx, p.ID, p.Identifiers)
	})
	if err != nil {
		return chartroom.E(op, err)
	}
	p.Version, p.CreatedAt, p.UpdatedAt = 1, now, now
	return nil
}

func (s *Store) insertIdentifiers(ctx context.Context, tx *sql.Tx, patientID int64, ids []chartroom.Identifier) error {
	for i, id := range ids {
		if id.Type == "MR" {
			m, _ := chartroom.ParseMRN(id.Value)
			id.Value = string(m)
		}
		if _, err := tx.ExecContext(ctx, s.q.InsertIdentifier, patientID, id.Type, id.Facility, id.Value, id.Retired); err != nil {
			if s.d.IsUnique(err) {
				return &chartroom.Error{Kind: chartroom.KindConflict, Field: "identifiers[" + itoa(i) + "]", Message: "this identifier already belongs to another patient"}
			}
			return err
		}
	}
	return nil
}

// UpdatePatient implements chartroom.PatientService. The update succeeds only
// when p.Version is the stored version, so two clerks cannot silently
// overwrite each other.
func (s *Store) UpdatePatient(ctx context.Context, p *chartroom.Patient) error {
	const op = "patient.update"
	if err := p.Validate(); err != nil {
		return chartroom.E(op, err)
	}
	args, err := s.patientArgs(p)
	if err != nil {
		return chartroom.E(op, err)
	}
	now := s.clock()
	err = s.Transact(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, s.q.UpdatePatient, append(args, s.d.Time(now), p.ID, p.Version)...)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			if _, err := s.patientTx(ctx, tx, p.ID); err != nil {
				return err
			}
			return &chartroom.Error{Kind: chartroom.KindConflict, Field: "version", Message: "the patient was changed by someone else; reload and try again"}
		}
		if _, err := tx.ExecContext(ctx, s.q.DeleteIdentifiers, p.ID); err != nil {
			return err
		}
		return s.insertIdentifiers(ctx, tx, p.ID, p.Identifiers)
	})
	if err != nil {
		return chartroom.E(op, err)
	}
	p.Version++
	p.UpdatedAt = now
	return nil
}

// Patient implements chartroom.PatientService.
func (s *Store) Patient(ctx context.Context, id int64) (*chartroom.Patient, error) {
	p, err := s.scanPatient(s.rdb.QueryRowContext(ctx, s.q.SelectPatient, id))
	if err != nil {
		return nil, chartroom.E("patient.read", err)
	}
	if err := s.loadIdentifiers(ctx, s.rdb, []*chartroom.Patient{p}); err != nil {
		return nil, chartroom.E("patient.read", err)
	}
	return p, nil
}

func (s *Store) patientTx(ctx context.Context, tx *sql.Tx, id int64) (*chartroom.Patient, error) {
	return s.scanPatient(tx.QueryRowContext(ctx, s.q.SelectPatient, id))
}

type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func (s *Store) loadIdentifiers(ctx context.Context, q querier, ps []*chartroom.Patient) error {
	for _, p := range ps {
		rows, err := q.QueryContext(ctx, s.q.SelectIdentifiers, p.ID)
		if err != nil {
			return err
		}
		p.Identifiers = p.Identifiers[:0]
		for rows.Next() {
			var id chartroom.Identifier
			if err := rows.Scan(&id.Type, &id.Facility, &id.Value, &id.Retired); err != nil {
				rows.Close()
				return err
			}
			p.Identifiers = append(p.Identifiers, id)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
	}
	return nil
}

func (s *Store) scanPatient(row scanner) (*chartroom.Patient, error) {
	var (
		p        chartroom.Patient
		names    []byte
		birth    dbDate
		sex      string
		flags    int64
		deceased dbTime
		merged   sql.NullInt64
		secret   []byte
		created  dbTime
		updated  dbTime
	)
	err := row.Scan(&p.ID, &names, &birth, &sex, &flags, &deceased, &merged, &secret, &p.Version, &created, &updated)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, chartroom.NotFound("patient")
	}
	if err != nil {
		return nil, err
	}
	var n patientNames
	if err := json.Unmarshal(names, &n); err != nil {
		return nil, err
	}
	p.Name, p.Aliases = n.Name, n.Aliases
	p.BirthDate, p.Sex = birth.D, chartroom.Sex(sex)
	p.Confidentiality = chartroom.Confidentiality{VIP: flags&1 != 0, Employee: flags&2 != 0, Restricted: flags&4 != 0}
	p.DeceasedAt, p.MergedInto = deceased.ptr(), merged.Int64
	p.CreatedAt, p.UpdatedAt = created.T, updated.T
	if len(secret) > 0 {
		plain, err := s.vault.Decrypt(secret, aadPatient)
		if err != nil {
			return nil, err
		}
		var sec patientSecret
		if err := json.Unmarshal(plain, &sec); err != nil {
			return nil, err
		}
		p.SSN, p.Addresses, p.Telecoms, p.Contacts = sec.SSN, sec.Addresses, sec.Telecoms, sec.Contacts
	}
	return &p, nil
}

// PatientByIdentifier implements chartroom.PatientService. It finds retired
// identifiers too, so a record found by an old MRN after a merge leads to
// the survivor through MergedInto.
func (s *Store) PatientByIdentifier(ctx context.Context, facility, value string) (*chartroom.Patient, error) {
	var id int64
	err := s.rdb.QueryRowContext(ctx, s.q.SelectPatientIDByIdent, facility, value).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, chartroom.E("patient.read", chartroom.NotFound("patient"))
	}
	if err != nil {
		return nil, chartroom.E("patient.read", err)
	}
	return s.Patient(ctx, id)
}

// FindPatients implements chartroom.PatientService. Results are ordered by
// family name, then id, and paged by keyset.
func (s *Store) FindPatients(ctx context.Context, f chartroom.PatientFilter) (chartroom.Page[*chartroom.Patient], error) {
	const op = "patient.find"
	var page chartroom.Page[*chartroom.Patient]
	c, err := chartroom.DecodeCursor(f.Cursor)
	if err != nil {
		return page, chartroom.E(op, err)
	}
	f.Family, f.Given = chartroom.NormName(f.Family), chartroom.NormName(f.Given)
	if f.MRN != "" {
		if m, err := chartroom.ParseMRN(f.MRN); err == nil {
			f.MRN = string(m)
		}
	}
	if f.SSN != "" {
		f.SSNIndex = s.vault.BlindIndex("ssn", string(f.SSN))
	}
	limit := chartroom.PageLimit(f.Limit)
	q, args := s.d.FindPatients(f, c, limit+1)
	rows, err := s.rdb.QueryContext(ctx, q, args...)
	if err != nil {
		return page, chartroom.E(op, err)
	}
	defer rows.Close()
	for rows.Next() {
		p, err := s.scanPatient(rows)
		if err != nil {
			return page, chartroom.E(op, err)
		}
		page.Items = append(page.Items, p)
	}
	if err := rows.Err(); err != nil {
		return page, chartroom.E(op, err)
	}
	rows.Close()
	if len(page.Items) > limit {
		page.Items = page.Items[:limit]
		last := page.Items[limit-1]
		page.NextCursor = chartroom.EncodeCursor(chartroom.NormName(last.Name.Family), last.ID)
	}
	if err := s.loadIdentifiers(ctx, s.rdb, page.Items); err != nil {
		return page, chartroom.E(op, err)
	}
	return page, nil
}

// BulkPatients inserts many patients in one transaction per batch, for
// loads and benchmarks. It skips the per-request checks only in that it
// trusts the caller to have validated.
func (s *Store) BulkPatients(ctx context.Context, ps []*chartroom.Patient) error {
	now := s.clock()
	return s.Transact(ctx, func(tx *sql.Tx) error {
		ins, err := tx.PrepareContext(ctx, s.q.InsertPatient)
		if err != nil {
			return err
		}
		defer ins.Close()
		idn, err := tx.PrepareContext(ctx, s.q.InsertIdentifier)
		if err != nil {
			return err
		}
		defer idn.Close()
		for _, p := range ps {
			args, err := s.patientArgs(p)
			if err != nil {
				return err
			}
			if err := ins.QueryRowContext(ctx, append(args, s.d.Time(now), s.d.Time(now))...).Scan(&p.ID); err != nil {
				return err
			}
			for _, id := range p.Identifiers {
				if _, err := idn.ExecContext(ctx, p.ID, id.Type, id.Facility, id.Value, id.Retired); err != nil {
					return err
				}
			}
			p.Version, p.CreatedAt, p.UpdatedAt = 1, now, now
		}
		return nil
	})
}

func itoa(i int) string {
	return string(appendInt(nil, i))
}

func appendInt(b []byte, i int) []byte {
	if i >= 10 {
		b = appendInt(b, i/10)
	}
	return append(b, byte('0'+i%10))
}

// Analyze refreshes the query planner's statistics, after a bulk load.
func (s *Store) Analyze(ctx context.Context) error {
	_, err := s.db.ExecContext(ctx, s.q.Analyze)
	return err
}
