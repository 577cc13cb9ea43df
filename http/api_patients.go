package http

import (
	"context"
	"net/http"
	"strings"

	"github.com/chartroom/chartroom"
	"github.com/chartroom/chartroom/auth"
)

// patientIn is a patient as a client sends it. Dates and codes arrive as
// strings and are parsed here so that every error names its field.
type patientIn struct {
	Name            chartroom.PersonName      `json:"name"`
	Aliases         []chartroom.PersonName    `json:"aliases"`
	BirthDate       string                    `json:"birth_date"`
	Sex             string                    `json:"sex"`
	Identifiers     []chartroom.Identifier    `json:"identifiers"`
	SSN             string                    `json:"ssn"`
	Addresses       []chartroom.Address       `json:"addresses"`
	Telecoms        []chartroom.Telecom       `json:"telecoms"`
	Contacts        []chartroom.Contact       `json:"contacts"`
	Confidentiality chartroom.Confidentiality `json:"confidentiality"`
	DeceasedAt      string                    `json:"deceased_at"`
	Version         int64                     `json:"version"`
}

func (in *patientIn) patient() (*chartroom.Patient, error) {
	p := &chartroom.Patient{Name: in.Name, Aliases: in.Aliases, Identifiers: in.Identifiers, Addresses: in.Addresses,
		Telecoms: in.Telecoms, Contacts: in.Contacts, Confidentiality: in.Confidentiality, Version: in.Version}
	var err error
	if in.BirthDate == "" {
		return nil, chartroom.Invalid("birth_date", "birth date is required")
	}
	if p.BirthDate, err = chartroom.ParseDate(in.BirthDate); err != nil {
		return nil, chartroom.Invalid("birth_date", "%v", err)
	}
	if p.Sex, err = chartroom.ParseSex(in.Sex); err != nil {
		return nil, chartroom.Invalid("sex", "%v", err)
	}
	if in.SSN != "" && !strings.HasPrefix(in.SSN, "***") {
		if p.SSN, err = chartroom.ParseSSN(in.SSN); err != nil {
			return nil, chartroom.Invalid("ssn", "%v", err)
		}
	}
	if p.DeceasedAt, err = optTime("deceased_at", in.DeceasedAt); err != nil {
		return nil, err
	}
	for i := range p.Identifiers {
		if p.Identifiers[i].Facility != "" {
			if f, err := chartroom.ParseFacilityCode(p.Identifiers[i].Facility); err == nil {
				p.Identifiers[i].Facility = f
			}
		}
	}
	return p, nil
}

// patientOut is a patient as the API returns it: the SSN is masked.
func patientOut(p *chartroom.Patient) *chartroom.Patient {
	c := *p
	c.SSN = chartroom.SSN(p.SSN.Masked())
	return &c
}

// seePatient applies the patient-level rules: facility, confidentiality.
// A patient the user may not see at all is reported as not found, so the
// API does not confirm who is a patient here.
func (s *Server) seePatient(ctx context.Context, p *chartroom.Patient) error {
	u := userFrom(ctx)
	glass := false
	if p.Confidentiality.Any() && s.Access != nil {
		var err error
		if glass, err = s.Access.ActiveBreakGlass(ctx, u.ID, p.ID, s.Now()); err != nil {
			return err
		}
	}
	switch s.Policy.SeePatient(u, p, glass) {
	case auth.AccessGranted:
		if p.Confidentiality.VIP || p.Confidentiality.Employee {
			s.alertConfidential(ctx, u, p, glass)
		}
		return nil
	case auth.AccessBreakGlass:
		s.recordDenied(ctx, "restricted patient", "patient")
		return &chartroom.Error{Kind: chartroom.KindForbidden, Message: "this record is restricted: break the glass with a reason to open it"}
	}
	s.recordDenied(ctx, "patient at another facility", "patient")
	return chartroom.NotFound("patient")
}

// checkPatientID loads a patient without recording a read (the caller's
// own read is what is recorded) and applies seePatient.
func (s *Server) checkPatientID(ctx context.Context, id int64) error {
	p, err := s.Lookup.Patient(ctx, id)
	if err != nil {
		return err
	}
	return s.seePatient(ctx, p)
}

func (s *Server) apiFindPatients(w http.ResponseWriter, r *http.Request) error {
	q := query{r: r}
	f := chartroom.PatientFilter{Family: q.str("family"), Given: q.str("given"), BirthDate: q.date("birth_date"),
		MRN: q.str("mrn"), Facility: strings.ToUpper(q.str("facility")), Cursor: q.str("cursor"), Limit: int(q.int64("limit"))}
	if v := q.str("ssn"); v != "" {
		ssn, err := chartroom.ParseSSN(v)
		if err != nil {
			return chartroom.Invalid("ssn", "%v", err)
		}
		f.SSN = ssn
	}
	if name := q.str("name"); name != "" && f.Family == "" {
		f.Family, f.Given = splitName(name)
	}
	if q.err != nil {
		return q.err
	}
	if f.Family == "" && f.MRN == "" && f.BirthDate.IsZero() && f.Given == "" && f.SSN == "" {
		return chartroom.Invalid("family", "give a family name, MRN or birth date to search")
	}
	page, err := s.Patients.FindPatients(r.Context(), f)
	if err != nil {
		return err
	}
	out := chartroom.Page[*chartroom.Patient]{NextCursor: page.NextCursor, Items: []*chartroom.Patient{}}
	u := userFrom(r.Context())
	for _, p := range page.Items {
		switch s.Policy.SeePatient(u, p, false) {
		case auth.AccessGranted:
			out.Items = append(out.Items, patientOut(p))
		case auth.AccessBreakGlass:
			out.Items = append(out.Items, restrictedStub(p))
		}
	}
	return writeJSON(w, http.StatusOK, out)
}

// restrictedStub shows that a restricted record exists without its details.
func restrictedStub(p *chartroom.Patient) *chartroom.Patient {
	return &chartroom.Patient{ID: p.ID, Name: chartroom.PersonName{Family: "Restricted", Given: "record"}, Confidentiality: chartroom.Confidentiality{Restricted: true}}
}

// splitName reads "Family, Given" or "Given Family".
func splitName(s string) (family, given string) {
	if i := strings.IndexByte(s, ','); i >= 0 {
		return strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+1:])
	}
	f := strings.Fields(s)
	if len(f) >= 2 {
		return f[len(f)-1], f[0]
	}
	return s, ""
}

func (s *Server) apiGetPatient(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if err := s.checkPatientID(r.Context(), id); err != nil {
		return err
	}
	p, err := s.Patients.Patient(r.Context(), id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, patientOut(p))
}

func (s *Server) apiCreatePatient(w http.ResponseWriter, r *http.Request) error {
	var in patientIn
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	p, err := in.patient()
	if err != nil {
		return err
	}
	if err := s.checkFacilities(r.Context(), p); err != nil {
		return err
	}
	if err := s.Patients.CreatePatient(r.Context(), p); err != nil {
		return err
	}
	w.Header().Set("Location", "/api/v1/patients/"+itoa(p.ID))
	return writeJSON(w, http.StatusCreated, patientOut(p))
}

// checkFacilities refuses identifiers at facilities the user does not work
// at, so a user cannot create records they would not see.
func (s *Server) checkFacilities(ctx context.Context, p *chartroom.Patient) error {
	u := userFrom(ctx)
	if s.Policy.Allows(u, auth.SeeAllFacilities) {
		return nil
	}
	for i, id := range p.Identifiers {
		if !u.WorksAt(id.Facility) {
			return &chartroom.Error{Kind: chartroom.KindForbidden, Field: "identifiers[" + itoa(int64(i)) + "].facility", Message: "you do not work at this facility"}
		}
	}
	return nil
}

func (s *Server) apiUpdatePatient(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if err := s.checkPatientID(r.Context(), id); err != nil {
		return err
	}
	var in patientIn
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	p, err := in.patient()
	if err != nil {
		return err
	}
	if p.Version == 0 {
		return chartroom.Invalid("version", "send the version you read, so a concurrent change is not overwritten")
	}
	old, err := s.Lookup.Patient(r.Context(), id)
	if err != nil {
		return err
	}
	if in.SSN == "" || strings.HasPrefix(in.SSN, "***") {
		p.SSN = old.SSN // the API shows a masked SSN; sending it back keeps the stored one
	}
	if err := s.checkFacilities(r.Context(), p); err != nil {
		return err
	}
	p.ID = id
	if err := s.Patients.UpdatePatient(r.Context(), p); err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, patientOut(p))
}

func itoa(i int64) string {
	if i == 0 {
		return "0"
	}
	var b [20]byte
	n := len(b)
	neg := i < 0
	if neg {
		i = -i
	}
	for i > 0 {
		n--
		b[n] = byte('0' + i%10)
		i /= 10
	}
	if neg {
		n--
		b[n] = '-'
	}
	return string(b[n:])
}
