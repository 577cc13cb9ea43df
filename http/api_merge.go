package http

import (
	"net/http"

	"github.com/chartroom/chartroom"
)

type mergeIn struct {
	RetiredID int64  `json:"retired_id"`
	Reason    string `json:"reason"`
}

// apiMerge folds the patient named in the body into the patient in the path.
func (s *Server) apiMerge(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	var in mergeIn
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	if in.RetiredID <= 0 {
		return chartroom.Invalid("retired_id", "name the duplicate record to merge into this one")
	}
	if len(in.Reason) < 5 {
		return chartroom.Invalid("reason", "say why these records are the same person")
	}
	if err := s.checkPatientID(r.Context(), id); err != nil {
		return err
	}
	retired, err := s.Lookup.Patient(r.Context(), in.RetiredID)
	if err != nil {
		return chartroom.Invalid("retired_id", "no such patient")
	}
	if retired.MergedInto != 0 {
		return &chartroom.Error{Kind: chartroom.KindConflict, Field: "retired_id", Message: "this record was already merged into patient " + itoa(retired.MergedInto)}
	}
	if err := s.seePatient(r.Context(), retired); err != nil {
		return err
	}
	m, err := s.Merges.MergePatients(r.Context(), id, in.RetiredID, userFrom(r.Context()).ID, in.Reason)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, m)
}

func (s *Server) apiUnmerge(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	m, err := s.Merges.Unmerge(r.Context(), id, userFrom(r.Context()).ID)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, m)
}

func (s *Server) apiMerges(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if err := s.checkPatientID(r.Context(), id); err != nil {
		return err
	}
	ms, err := s.Merges.Merges(r.Context(), id)
	if err != nil {
		return err
	}
	if ms == nil {
		ms = []*chartroom.Merge{}
	}
	return writeJSON(w, http.StatusOK, map[string]any{"items": ms})
}
