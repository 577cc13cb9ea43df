package roi_test

import (
	"testing"
	"time"

	"github.com/chartroom/chartroom/roi"
)

func TestSelect(t *testing.T) {
	day := func(s string) time.Time { t, _ := time.Parse("2006-01-02", s); return t }
	items := []roi.Item{
		{DocumentID: 1, Type: "discharge-summary", Status: "final", ServiceAt: day("2026-03-05")},
		{DocumentID: 2, Type: "progress-note", Status: "final", ServiceAt: day("2026-03-06"), Source: "part2-program"},
		{DocumentID: 3, Type: "psychotherapy-note", Status: "final", ServiceAt: day("2026-03-07")},
		{DocumentID: 4, Type: "lab-report", Status: "final", ServiceAt: day("2026-03-08"), Sensitivity: []string{"hiv"}},
		{DocumentID: 5, Type: "progress-note", Status: "final", ServiceAt: day("2026-03-09"), Codes: []string{"F32.1"}},
		{DocumentID: 6, Type: "lab-report", Status: "final", ServiceAt: day("2026-03-10"), Sensitivity: []string{"genetic"}},
		{DocumentID: 7, Type: "progress-note", Status: "final", ServiceAt: day("2026-03-11"), Codes: []string{"O02.1"}},
		{DocumentID: 8, Type: "progress-note", Status: "preliminary", ServiceAt: day("2026-03-12")},
		{DocumentID: 9, Type: "progress-note", Status: "entered-in-error", ServiceAt: day("2026-03-12")},
		{DocumentID: 10, Type: "discharge-summary", Status: "final", ServiceAt: day("2025-01-01")},
	}
	goodAttestation := &roi.Attestation{Description: "records of 2026-03", Subject: "the patient", Requester: "County Court",
		NotProhibited: true, PenaltyStatement: true, SignedBy: "Clerk", SignedOn: day("2026-04-01"), Standalone: true}
	for _, tc := range []struct {
		name string
		req  roi.Request
		want []int64
	}{
		{"attorney, no sensitive categories named", roi.Request{Basis: roi.Authorization, From: "2026-01-01", Authorization: &roi.AuthorizationForm{}}, []int64{1}},
		{"attorney, Part 2 named", roi.Request{Basis: roi.Authorization, From: "2026-01-01", Authorization: &roi.AuthorizationForm{Categories: []roi.Category{roi.SubstanceUse}}}, []int64{1, 2}},
		{"attorney, everything named: psychotherapy notes still need their own", roi.Request{Basis: roi.Authorization, From: "2026-01-01", Authorization: &roi.AuthorizationForm{Categories: roi.Categories()}}, []int64{1, 2, 4, 5, 6, 7}},
		{"psychotherapy-notes authorization: those alone", roi.Request{Basis: roi.Authorization, From: "2026-01-01", Authorization: &roi.AuthorizationForm{PsychotherapyNotes: true}}, []int64{3}},
		{"patient's own access: all but psychotherapy notes", roi.Request{Basis: roi.RightOfAccess, From: "2026-01-01"}, []int64{1, 2, 4, 5, 6, 7}},
		{"dates and types", roi.Request{Basis: roi.RightOfAccess, DocumentTypes: []string{"discharge-summary"}, To: "2026-03-05"}, []int64{1, 10}},
		{"court order without attestation: no reproductive records", roi.Request{Basis: roi.CourtOrder, From: "2026-01-01", Authorization: &roi.AuthorizationForm{Categories: []roi.Category{roi.Reproductive}}}, []int64{1}},
		{"court order with attestation", roi.Request{Basis: roi.CourtOrder, From: "2026-01-01", Attestation: goodAttestation, Authorization: &roi.AuthorizationForm{Categories: []roi.Category{roi.Reproductive}}}, []int64{1, 7}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []int64
			part2 := false
			for _, s := range roi.Select(&tc.req, items) {
				if s.Included() {
					got = append(got, s.DocumentID)
					part2 = part2 || s.Part2
				} else if s.Reason == "" {
					t.Errorf("item %d left out without a reason", s.DocumentID)
				}
			}
			if len(got) != len(tc.want) {
				t.Fatalf("included %v, want %v", got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Fatalf("included %v, want %v", got, tc.want)
				}
			}
			if wantPart2 := containsID(tc.want, 2); part2 != wantPart2 {
				t.Errorf("Part 2 notice %v, want %v", part2, wantPart2)
			}
		})
	}
	if d := roi.CheckAttestation(&roi.Attestation{SignedBy: "x"}); len(d) < 5 {
		t.Errorf("an empty attestation has only %d defects: %v", len(d), d)
	}
}

func containsID(xs []int64, v int64) bool {
	for _, x := range xs {
		if x == v {
			return true
		}
	}
	return false
}
