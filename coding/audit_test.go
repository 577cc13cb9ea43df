package coding_test

import (
	"testing"

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
