package http

import (
	"net/http"
	"strings"

	"github.com/chartroom/chartroom"
)

// encounterIn is an encounter as a client sends it.
type encounterIn struct {
	PatientID   int64  `json:"patient_id"`
	Facility    string `json:"facility"`
	Account     string `json:"account"`
	Class       string `json:"class"`
	Status      string `json:"status"`
	AdmitAt     string `json:"admit_at"`
	DischargeAt string `json:"discharge_at"`
	AdmitSource string `json:"admit_source"`
	Disposition string `json:"disposition"`
	AttendingID int64  `json:"attending_id"`
	Service     string `json:"service"`
	Payer       string `json:"payer"`
	Reason      string `json:"reason"`
	Version     int64  `json:"version"`
}

func (in *encounterIn) encounter() (*chartroom.Encounter, error) {
	e := &chartroom.Encounter{PatientID: in.PatientID, Facility: strings.ToUpper(strings.TrimSpace(in.Facility)), Account: in.Account,
		AdmitSource: in.AdmitSource, Disposition: in.Disposition, AttendingID: in.AttendingID, Service: in.Service,
		Payer: in.Payer, Reason: in.Reason, Version: in.Version}
	var err error
	if e.Class, err = chartroom.ParseEncounterClass(in.Class); err != nil {
		return nil, chartroom.Invalid("class", "%v", err)
	}
	if in.Status != "" {
		if e.Status, err = chartroom.ParseEncounterStatus(in.Status); err != nil {
			return nil, chartroom.Invalid("status", "%v", err)
		}
	}
	if in.AdmitAt == "" {
		return nil, chartroom.Invalid("admit_at", "admit date-time is required")
	}
	t, err := optTime("admit_at", in.AdmitAt)
	if err != nil {
		return nil, err
	}
	e.AdmitAt = *t
	if e.DischargeAt, err = optTime("discharge_at", in.DischargeAt); err != nil {
		return nil, err
	}
	return e, nil
}

func (s *Server) apiFindEncounters(w http.ResponseWriter, r *http.Request) error {
	q := query{r: r}
	f := chartroom.EncounterFilter{PatientID: q.int64("patient_id"), Facility: strings.ToUpper(q.str("facility")), Account: q.str("account"),
		From: q.time("from"), To: q.time("to"), Cursor: q.str("cursor"), Limit: int(q.int64("limit"))}
	if c := q.str("class"); c != "" && q.err == nil {
		var err error
		if f.Class, err = chartroom.ParseEncounterClass(c); err != nil {
			q.err = chartroom.Invalid("class", "%v", err)
		}
	}
	if st := q.str("status"); st != "" && q.err == nil {
		var err error
		if f.Status, err = chartroom.ParseEncounterStatus(st); err != nil {
			q.err = chartroom.Invalid("status", "%v", err)
		}
	}
	if q.err != nil {
		return q.err
	}
	if f.PatientID == 0 {
		return chartroom.Invalid("patient_id", "list encounters for one patient: give patient_id")
	}
	if err := s.checkPatientID(r.Context(), f.PatientID); err != nil {
		return err
	}
	page, err := s.Encounters.FindEncounters(r.Context(), f)
	if err != nil {
		return err
	}
	if page.Items == nil {
		page.Items = []*chartroom.Encounter{}
	}
	return writeJSON(w, http.StatusOK, page)
}

func (s *Server) apiGetEncounter(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	e, err := s.Encounters.Encounter(r.Context(), id)
	if err != nil {
		return err
	}
	if err := s.checkPatientID(r.Context(), e.PatientID); err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, e)
}

func (s *Server) apiCreateEncounter(w http.ResponseWriter, r *http.Request) error {
	var in encounterIn
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	e, err := in.encounter()
	if err != nil {
		return err
	}
	if e.PatientID != 0 {
		if err := s.checkPatientID(r.Context(), e.PatientID); err != nil {
			if chartroom.ErrorKind(err) == chartroom.KindNotFound {
				return chartroom.Invalid("patient_id", "no such patient")
			}
			return err
		}
	}
	if err := s.Encounters.CreateEncounter(r.Context(), e); err != nil {
		return err
	}
	w.Header().Set("Location", "/api/v1/encounters/"+itoa(e.ID))
	return writeJSON(w, http.StatusCreated, e)
}

func (s *Server) apiUpdateEncounter(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	old, err := s.Encounters.Encounter(r.Context(), id)
	if err != nil {
		return err
	}
	if err := s.checkPatientID(r.Context(), old.PatientID); err != nil {
		return err
	}
	var in encounterIn
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	e, err := in.encounter()
	if err != nil {
		return err
	}
	if e.Version == 0 {
		return chartroom.Invalid("version", "send the version you read, so a concurrent change is not overwritten")
	}
	if e.PatientID != old.PatientID {
		if err := s.checkPatientID(r.Context(), e.PatientID); err != nil {
			return err
		}
	}
	e.ID = id
	if err := s.Encounters.UpdateEncounter(r.Context(), e); err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, e)
}

// providerIn is a provider as a client sends it.
type providerIn struct {
	NPI       string               `json:"npi"`
	Name      chartroom.PersonName `json:"name"`
	Specialty string               `json:"specialty"`
	Active    *bool                `json:"active"`
}

func (in *providerIn) provider() (*chartroom.Provider, error) {
	npi, err := chartroom.ParseNPI(in.NPI)
	if err != nil {
		return nil, chartroom.Invalid("npi", "%v", err)
	}
	p := &chartroom.Provider{NPI: npi, Name: in.Name, Specialty: in.Specialty, Active: in.Active == nil || *in.Active}
	return p, nil
}

func (s *Server) apiFindProviders(w http.ResponseWriter, r *http.Request) error {
	q := query{r: r}
	f := chartroom.ProviderFilter{Name: q.str("name"), NPI: q.str("npi"), Cursor: q.str("cursor"), Limit: int(q.int64("limit"))}
	if q.err != nil {
		return q.err
	}
	page, err := s.Providers.FindProviders(r.Context(), f)
	if err != nil {
		return err
	}
	if page.Items == nil {
		page.Items = []*chartroom.Provider{}
	}
	return writeJSON(w, http.StatusOK, page)
}

func (s *Server) apiGetProvider(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	p, err := s.Providers.Provider(r.Context(), id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, p)
}

func (s *Server) apiCreateProvider(w http.ResponseWriter, r *http.Request) error {
	var in providerIn
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	p, err := in.provider()
	if err != nil {
		return err
	}
	if err := s.Providers.CreateProvider(r.Context(), p); err != nil {
		return err
	}
	w.Header().Set("Location", "/api/v1/providers/"+itoa(p.ID))
	return writeJSON(w, http.StatusCreated, p)
}

func (s *Server) apiUpdateProvider(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	var in providerIn
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	p, err := in.provider()
	if err != nil {
		return err
	}
	p.ID = id
	if err := s.Providers.UpdateProvider(r.Context(), p); err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, p)
}
