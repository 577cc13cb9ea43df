package cac

import "testing"

func TestWithBleeding(t *testing.T) {
	for code, want := range map[string]string{
		"K26.9": "K26.4", "K25.3": "K25.0", "K27.7": "K27.4", "K28.5": "K28.6",
		"K29.70": "K29.71", "K57.30": "K57.31", "K57.92": "K57.93", "K57.31": "",
		"I85.10": "I85.11", "K55.20": "K55.21", "K21.00": "K21.01", "K21.9": "",
		"K26.4": "", "J18.9": "", "K2": "",
	} {
		if got := withBleeding(code); got != want {
			t.Errorf("withBleeding(%s) = %q, want %q", code, got, want)
		}
	}
}

func TestInfluenzaTyped(t *testing.T) {
	for text, want := range map[string]bool{
		"influenza a w/ secondary mrsa pneumonia": true,
		"rapid flu b positive":                    true,
		"influenza vaccine given":                 false,
		"flu-like illness":                        false,
	} {
		if got := influenzaTypedRe.MatchString(text); got != want {
			t.Errorf("%q: typed influenza %v, want %v", text, got, want)
		}
	}
}

func TestOsteoporoticSite(t *testing.T) {
	for code, want := range map[string]string{
		"S72.142A": "5", "S52.531A": "3", "S42.211A": "1", "S42.301A": "2",
		"S82.841A": "7", "S82.201A": "6", "S32.010A": "8", "S06.0X1A": "",
	} {
		if got := osteoporoticSite(code); got != want {
			t.Errorf("osteoporoticSite(%s) = %q, want %q", code, got, want)
		}
	}
}

func TestDiabetesCodes(t *testing.T) {
	for code, want := range map[string][2]bool{
		"E11.9": {true, false}, "E11.8": {true, false}, "E11.42": {true, true}, "E10.649": {true, true},
		"E13.22": {true, true}, "E14.9": {false, false}, "E07.9": {false, false}, "I10": {false, false},
	} {
		if d, c := diabetes(code), diabetesComplication(code); d != want[0] || c != want[1] {
			t.Errorf("%s: diabetes %v complication %v, want %v", code, d, c, want)
		}
	}
	if causeElsewhere("Peripheral neuropathy due to chemotherapy") != true || causeElsewhere("diabetic peripheral neuropathy") {
		t.Error("causeElsewhere")
	}
}

func TestSiteNamed(t *testing.T) {
	for text, want := range map[string][2]string{
		"fragility fracture of left femoral neck due to age-related osteoporosis": {"5", "2"},
		"osteoporotic compression fracture of L1":                                 {"8", ""},
		"Osteoporotic fracture, right distal radius":                              {"3", "1"},
		"osteoporosis with pathological fracture":                                 {"", ""},
		"fracture of the left hip and left wrist":                                 {"", ""},
	} {
		if site, side := siteNamed(text); site != want[0] || side != want[1] {
			t.Errorf("siteNamed(%q) = %q, %q; want %q, %q", text, site, side, want[0], want[1])
		}
	}
}

func TestSmokesCigarettes(t *testing.T) {
	for note, want := range map[string]bool{
		"Smokes 1 ppd cigarettes.":                                true,
		"Smokes the cigarettes her husband buys.":                 true,
		"Nicotine dependence -- e-cigarette":                      false,
		"Vapes daily (electronic cigarette).":                     false,
		"Uses an e cigarette, no combustible products.":           false,
		"Denies cigarettes; vapes nicotine.":                      false,
		"He quit cigarettes two years ago and now vapes.":         false,
		"Nicotine dependence from vaping rather than cigarettes.": false,
		"Home: father smokes cigarettes in the car.":              false,
	} {
		if got := smokesCigarettes(note); got != want {
			t.Errorf("smokesCigarettes(%q) = %v, want %v", note, got, want)
		}
	}
}
