package mpi_test

import (
	"testing"

	"github.com/chartroom/chartroom/mpi"
)

func TestOverlay(t *testing.T) {
	base := mpi.Record{ID: "1", Given: "Maria", Family: "Delgado", BirthDate: "19800314", Sex: "F", SSN: "512345678"}
	for _, tc := range []struct {
		name    string
		change  func(r *mpi.Record)
		overlay bool
	}{
		{"nothing", func(r *mpi.Record) {}, false},
		{"married", func(r *mpi.Record) { r.Family = "Okafor" }, false},
		{"birth date typo fixed", func(r *mpi.Record) { r.BirthDate = "19800341" }, false},
		{"nickname", func(r *mpi.Record) { r.Given = "Mary" }, false},
		{"another person", func(r *mpi.Record) { r.Given, r.Family, r.BirthDate, r.Sex = "Tomas", "Ibarra", "19521102", "M" }, true},
		{"new name and birth date", func(r *mpi.Record) { r.Given, r.BirthDate = "Lucia", "19991201" }, true},
		{"new family name and SSN", func(r *mpi.Record) { r.Family, r.SSN = "Nakamura", "601234567" }, true},
		{"sex corrected alone", func(r *mpi.Record) { r.Sex = "M" }, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			after := base
			tc.change(&after)
			got := mpi.Overlay(base, after)
			if (len(got) > 0) != tc.overlay {
				t.Errorf("Overlay = %v, want overlay %v", got, tc.overlay)
			}
		})
	}
}
