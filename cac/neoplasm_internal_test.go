package cac

import "testing"

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
