package storetest

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/chartroom/chartroom"
	"github.com/chartroom/chartroom/sqlstore"
)

// NewPatient returns a valid fictitious patient with MRN mrn at facility
// "MAIN".
func NewPatient(family, given, birth, mrn string) *chartroom.Patient {
	return &chartroom.Patient{
		Name:        chartroom.PersonName{Family: family, Given: given},
		BirthDate:   chartroom.MustDate(birth),
		Sex:         chartroom.SexFemale,
		Identifiers: []chartroom.Identifier{{Type: "MR", Facility: "MAIN", Value: mrn}},
	}
}

// Seed stores a facility, a provider, a patient with an encounter and a
// signed discharge summary, and returns them.
func Seed(t testing.TB, s *sqlstore.Store) (*chartroom.Patient, *chartroom.Encounter, *chartroom.Document) {
	t.Helper()
	ctx := context.Background()
	if err := s.CreateFacility(ctx, &chartroom.Facility{Code: "MAIN", Name: "Harbor View Medical Center"}); err != nil && chartroom.ErrorKind(err) != chartroom.KindConflict {
		t.Fatal(err)
	}
	dr := &chartroom.Provider{NPI: "1234567893", Name: chartroom.PersonName{Family: "Okafor", Given: "Adaeze"}, Specialty: "Internal Medicine", Active: true}
	if err := s.CreateProvider(ctx, dr); err != nil && chartroom.ErrorKind(err) != chartroom.KindConflict {
		t.Fatal(err)
	}
	p := NewPatient("Lindqvist", "Marta", "1958-03-14", fmt.Sprintf("MR%06d", time.Now().UnixNano()%1000000))
	if err := s.CreatePatient(ctx, p); err != nil {
		t.Fatal(err)
	}
	admit := time.Date(2026, 3, 2, 14, 30, 0, 0, time.UTC)
	dis := admit.Add(72 * time.Hour)
	e := &chartroom.Encounter{PatientID: p.ID, Facility: "MAIN", Class: chartroom.Inpatient, Status: chartroom.EncounterFinished, AdmitAt: admit, DischargeAt: &dis, AttendingID: dr.ID, Service: "MED", Disposition: "01"}
	if err := s.CreateEncounter(ctx, e); err != nil {
		t.Fatal(err)
	}
	d := &chartroom.Document{PatientID: p.ID, EncounterID: e.ID, Type: "discharge-summary", AuthorID: dr.ID, ServiceAt: dis, Status: chartroom.DocSigned}
	if err := s.CreateDocument(ctx, d, chartroom.DocumentContent{Text: "DISCHARGE DIAGNOSES:\n1. Community-acquired pneumonia, right lower lobe."}); err != nil {
		t.Fatal(err)
	}
	return p, e, d
}
