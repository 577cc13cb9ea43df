package coding_test

import (
	"testing"
	"time"

	"github.com/chartroom/chartroom/coding"
)

func TestCompareAndAccuracy(t *testing.T) {
	coder := &coding.Abstract{Setting: coding.Inpatient, Diagnoses: []coding.Diagnosis{{Code: "J18.9", POA: "Y"}, {Code: "I10", POA: "Y"}, {Code: "R09.02", POA: "Y"}},
		Procedures: []coding.Procedure{{Code: "0BJ08ZZ"}}}
	review := &coding.Abstract{Setting: coding.Inpatient, Diagnoses: []coding.Diagnosis{{Code: "J18.9", POA: "Y"}, {Code: "J96.01", POA: "Y"}, {Code: "I10", POA: "N"}},
		Procedures: []coding.Procedure{{Code: "0BJ08ZZ"}}}
	r := coding.Compare(coder, review, map[string]string{"J96.01": "respiratory failure documented by the attending"})
	if r.Diagnoses.Agree != 2 || r.Diagnoses.Total != 4 || r.POA.Agree != 1 || r.POA.Total != 2 || !r.Principal || r.Procedures.Rate() != 1 {
		t.Fatalf("result: %+v", r)
	}
	kinds := map[string]string{}
	for _, d := range r.Disagreements {
		kinds[d.Code+":"+d.Kind] = d.Reason
	}
	if _, ok := kinds["J96.01:missing"]; !ok || kinds["J96.01:missing"] == "" {
		t.Errorf("missing code or its reason: %+v", r.Disagreements)
	}
	if _, ok := kinds["R09.02:extra"]; !ok {
		t.Errorf("extra code: %+v", r.Disagreements)
	}
	if _, ok := kinds["I10:poa"]; !ok {
		t.Errorf("POA: %+v", r.Disagreements)
	}
	other := coding.Compare(review, &coding.Abstract{Setting: coding.Inpatient, Diagnoses: []coding.Diagnosis{{Code: "J96.01", POA: "Y"}, {Code: "J18.9", POA: "Y"}}}, nil)
	if other.Principal {
		t.Error("a different principal agreed")
	}
	acc := coding.Accuracy(map[int64][]coding.AuditResult{7: {r, other}})
	if len(acc) != 1 || acc[0].Audited != 2 || acc[0].Principal != 0.5 || acc[0].Diagnosis <= 0 || acc[0].Diagnosis >= 1 {
		t.Errorf("accuracy: %+v", acc)
	}
	n := 0
	for id := int64(1); id <= 1000; id++ {
		if coding.Sampled(id, 10) {
			n++
		}
	}
	if n < 60 || n > 140 || coding.Sampled(5, 0) || !coding.Sampled(5, 100) {
		t.Errorf("sampling 10%% of 1000 gave %d", n)
	}
}

func TestProductivity(t *testing.T) {
	at := func(h, m int) time.Time { return time.Date(2026, 3, 10, h, m, 0, 0, time.UTC) }
	acts := []coding.Activity{{1, at(8, 0)}, {1, at(9, 45)}, {2, at(13, 0)}}
	finals := []coding.Finalised{{1, "inpatient", at(9, 0)}, {1, "outpatient", at(9, 30)}, {1, "outpatient", at(9, 45)}, {2, "emergency", at(13, 0)}}
	rows := coding.Productivity(acts, finals)
	if len(rows) != 3 {
		t.Fatalf("rows: %+v", rows)
	}
	// Coder 1 worked 8:00–9:45 plus a quarter hour: 2 hours for 3 charts.
	if r := rows[0]; r.CoderID != 1 || r.Class != "inpatient" || r.Charts != 1 || r.Hours != 0.67 || r.PerHour != 1.5 {
		t.Errorf("inpatient: %+v", r)
	}
	if r := rows[1]; r.Class != "outpatient" || r.Charts != 2 || r.PerHour != 1.5 {
		t.Errorf("outpatient: %+v", r)
	}
	if r := rows[2]; r.CoderID != 2 || r.Hours != 0.25 || r.PerHour != 4 {
		t.Errorf("coder 2: %+v", r)
	}
}

func TestAcceptanceRates(t *testing.T) {
	ds := []coding.SuggestionDecision{
		{"I10", "title", coding.Accepted}, {"I10", "title", coding.Accepted}, {"I10", "index", coding.Rejected},
		{"E11.9", "index", coding.Rejected}, {"Z80.0", "family history", coding.Accepted},
	}
	byCode, byRule := coding.AcceptanceRates(ds)
	if len(byCode) != 3 || byCode[0].Key != "I10" || byCode[0].Accepted != 2 || byCode[0].Rejected != 1 || byCode[1].Key != "E11.9" || byCode[1].Rate != 0 {
		t.Errorf("by code: %+v", byCode)
	}
	if len(byRule) != 3 || byRule[0].Key != "index" || byRule[0].Rate != 0 || byRule[1].Key != "title" || byRule[1].Rate != 1 || byRule[2].Key != "family history" {
		t.Errorf("by rule: %+v", byRule)
	}
}
