package coding_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/chartroom/chartroom/codeset"
	"github.com/chartroom/chartroom/coding"
)

const dataDir = "../../shared/data/codesets"

var (
	setOnce sync.Once
	set     *codeset.Set
	setErr  error
)

// codes loads the FY2026 ICD-10-CM and PCS releases and the FY2017 tabular
// (for its notes) from the shared data.
func codes(t *testing.T) *codeset.Set {
	t.Helper()
	if _, err := os.Stat(dataDir); err != nil {
		t.Skipf("shared code set data not found at %s (the repo's parent holds shared/data): %v", dataDir, err)
	}
	setOnce.Do(func() {
		set, setErr = codeset.Import(context.Background(), []string{
			filepath.Join(dataDir, "icd10cm/2026/2026-code-descriptions-tabular-order.zip"),
			filepath.Join(dataDir, "icd10pcs/2026/2026-icd-10-pcs-order-file-long-and-abbreviated-titles.zip"),
			filepath.Join(dataDir, "icd10cm/2017/ICD10CM_FY2017_Full_XML.zip"),
			filepath.Join(dataDir, "edits/mce/MCE_Simple_Code_Edits_v37.txt"),
		}, codeset.ImportOptions{})
	})
	if setErr != nil {
		t.Fatal(setErr)
	}
	return set
}

var discharge = codeset.NewDate(2026, 3, 9)

func rules(es []coding.Edit) map[string]coding.Edit {
	m := map[string]coding.Edit{}
	for _, e := range es {
		m[e.Rule] = e
	}
	return m
}

func TestEdits(t *testing.T) {
	s := codes(t)
	adult := coding.Facts{Age: 67, Sex: 'M', Discharge: discharge}
	inpatient := func(dx ...coding.Diagnosis) *coding.Abstract {
		return &coding.Abstract{Setting: coding.Inpatient, Diagnoses: dx, Admitting: "R06.02", Disposition: "01"}
	}
	for _, tc := range []struct {
		name     string
		a        *coding.Abstract
		f        coding.Facts
		hard     []string // rules that must appear as hard edits
		soft     []string // rules that must appear as soft edits
		clean    bool     // no edits at all
		finalise bool
	}{
		{name: "a clean inpatient stay", a: inpatient(coding.Diagnosis{Code: "J18.9", POA: "Y"}, coding.Diagnosis{Code: "E11.22", POA: "Y"}, coding.Diagnosis{Code: "N18.31", POA: "Y"}),
			f: adult, clean: true, finalise: true},
		{name: "POA missing and invalid", a: inpatient(coding.Diagnosis{Code: "J18.9"}, coding.Diagnosis{Code: "I10", POA: "Q"}),
			f: adult, hard: []string{"poa-missing", "poa-invalid"}},
		{name: "a duplicate", a: inpatient(coding.Diagnosis{Code: "J18.9", POA: "Y"}, coding.Diagnosis{Code: "I10", POA: "Y"}, coding.Diagnosis{Code: "i10", POA: "Y"}),
			f: adult, hard: []string{"duplicate"}},
		{name: "a header code", a: inpatient(coding.Diagnosis{Code: "J18.9", POA: "Y"}, coding.Diagnosis{Code: "E11", POA: "Y"}),
			f: adult, hard: []string{"header-code"}},
		{name: "Excludes1: type 1 with type 2 diabetes", a: inpatient(coding.Diagnosis{Code: "E10.9", POA: "Y"}, coding.Diagnosis{Code: "E11.9", POA: "Y"}),
			f: adult, hard: []string{"excludes1"}},
		{name: "use additional code: CKD stage missing", a: inpatient(coding.Diagnosis{Code: "J18.9", POA: "Y"}, coding.Diagnosis{Code: "E11.22", POA: "Y"}),
			f: adult, soft: []string{"use-additional"}},
		{name: "a manifestation as principal, its etiology missing", a: inpatient(coding.Diagnosis{Code: "G63", POA: "Y"}),
			f: adult, hard: []string{"manifestation-principal"}, soft: []string{"code-first"}},
		{name: "dementia in Alzheimer's disease, etiology first", a: inpatient(coding.Diagnosis{Code: "G30.9", POA: "Y"}, coding.Diagnosis{Code: "F02.80", POA: "Y"}),
			f: adult, clean: true, finalise: true},
		{name: "dementia in Alzheimer's disease, wrong order", a: inpatient(coding.Diagnosis{Code: "J18.9", POA: "Y"}, coding.Diagnosis{Code: "F02.80", POA: "Y"}, coding.Diagnosis{Code: "G30.9", POA: "Y"}),
			f: adult, soft: []string{"code-first-sequence"}},
		{name: "no disposition", a: &coding.Abstract{Setting: coding.Inpatient, Diagnoses: []coding.Diagnosis{{Code: "J18.9", POA: "Y"}}, Admitting: "R50.9"},
			f: adult, hard: []string{"no-disposition"}},
		{name: "outpatient: a suspected diagnosis", a: &coding.Abstract{Setting: coding.Outpatient, Diagnoses: []coding.Diagnosis{{Code: "J18.9", Uncertain: true}},
			Services: []coding.Service{{Code: "99214", Units: 1, Pointers: []int{1}}}}, f: adult, hard: []string{"outpatient-uncertain"}},
		{name: "outpatient: service lines", a: &coding.Abstract{Setting: coding.Outpatient, Diagnoses: []coding.Diagnosis{{Code: "R05.9"}},
			Services: []coding.Service{{Code: "99213", Units: 0, Pointers: []int{2}, Modifiers: []string{"twentyfive"}}}}, f: adult,
			hard: []string{"service-units", "service-pointer", "service-modifier"}},
		{name: "nothing coded", a: &coding.Abstract{Setting: coding.Inpatient, Disposition: "01"}, f: adult, hard: []string{"no-principal"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			es := coding.Check(tc.a, s, tc.f)
			got := rules(es)
			if tc.clean && len(es) > 0 {
				t.Errorf("edits on a clean abstract: %+v", es)
			}
			for _, r := range tc.hard {
				if e, ok := got[r]; !ok || !e.Hard {
					t.Errorf("no hard %s edit in %+v", r, es)
				}
			}
			for _, r := range tc.soft {
				if e, ok := got[r]; !ok || e.Hard {
					t.Errorf("no soft %s edit in %+v", r, es)
				}
			}
			if err := coding.CanFinalise(es); (err == nil) != tc.finalise {
				t.Errorf("CanFinalise = %v", err)
			}
		})
	}
	// A soft edit with the coder's reason no longer blocks.
	a := inpatient(coding.Diagnosis{Code: "J18.9", POA: "Y"}, coding.Diagnosis{Code: "E11.22", POA: "Y"})
	es := coding.Check(a, s, adult)
	if err := coding.CanFinalise(es); err == nil || !strings.Contains(err.Error(), "reason to override") {
		t.Fatalf("soft edit without a reason: %v", err)
	}
	a.Overrides = map[string]string{rules(es)["use-additional"].Key: "CKD stage not documented; query sent"}
	if err := coding.CanFinalise(coding.Check(a, s, adult)); err != nil {
		t.Errorf("overridden: %v", err)
	}
	if es := coding.Check(a, nil, adult); rules(es)["no-code-set"].Message == "" {
		t.Errorf("no code set: %+v", es)
	}
}
