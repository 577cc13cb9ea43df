package cac

import (
	"strings"
	"testing"
)

func TestPrimaryCancer(t *testing.T) {
	for in, want := range map[string]string{
		"Metastatic castration-resistant prostate cancer":  "prostate cancer",
		"metastatic breast cancer, HR+/HER2-":              "breast cancer,",
		"Metastatic carcinoma":                             "Metastatic carcinoma", // no site: the index's secondary neoplasm
		"metastatic to bone":                               "metastatic to bone",
		"Poorly differentiated adenocarcinoma of the lung": "adenocarcinoma of the lung",
		"Progressive supranuclear palsy":                   "Progressive supranuclear palsy", // not a cancer
	} {
		if got := primaryCancer(in); got != want {
			t.Errorf("primaryCancer(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestChemoGiven(t *testing.T) {
	for note, want := range map[string]bool{
		"Plan:\n- Cycle 3 ddAC given today at 100% dose.\n":             true,
		"C2D1 FOLFOX administered today without reaction.":              true,
		"Infused cycle 4 R-CHOP.":                                       true,
		"No chemotherapy given during this admission; cycle 3 planned.": false,
		"Neutropenic fever secondary to chemotherapy.":                  false,
		"Chemotherapy was not given today.":                             false,
		"Proceed with C7D1 mFOLFIRINOX.":                                true,
		"Will proceed with C8D1 in two weeks if counts allow; C7 held.": false,
	} {
		if got := treatmentGiven(note, strings.ToLower(note), chemoGivenRe) >= 0; got != want {
			t.Errorf("treatmentGiven(%q, chemoGivenRe) = %v, want %v", note, got, want)
		}
	}
}
