package codeset

import (
	"strings"
	"testing"
)

func TestGestationTrimester(t *testing.T) {
	for _, tc := range []struct{ q, want string }{
		{"prenatal visit first pregnancy 10 weeks", "prenatal visit first pregnancy 10 weeks first trimester"},
		{"pregnancy 32 weeks preeclampsia", "pregnancy 32 weeks preeclampsia third trimester"},
		{"gestational diabetes 26wks", "gestational diabetes 26wks second trimester"},
		{"pregnancy second trimester 20 weeks", "pregnancy second trimester 20 weeks"}, // names its trimester
		{"32 weeks gestation", "32 weeks gestation third trimester"},
		{"fever for 2 weeks", "fever for 2 weeks"}, // no pregnancy
	} {
		if got := strings.Join(gestationTrimester(strings.Fields(tc.q)), " "); got != tc.want {
			t.Errorf("%q: got %q, want %q", tc.q, got, tc.want)
		}
	}
}

func TestCatheterTip(t *testing.T) {
	for _, tc := range []struct{ q, want string }{
		{"right IJ central line insertion tip in SVC", "right central line insertion superior vena cava"},
		{"PICC right basilic vein tip at cavoatrial junction", "PICC right superior vena cava"},
		{"central line right internal jugular", "central line right internal jugular"}, // no tip named
	} {
		if got := strings.Join(catheterTip(strings.Fields(tc.q)), " "); got != tc.want {
			t.Errorf("%q: got %q, want %q", tc.q, got, tc.want)
		}
	}
}

func TestMetastasisFrom(t *testing.T) {
	for _, tc := range []struct{ q, want string }{
		{"liver mets from colon cancer", "liver mets"},
		{"bone metastases from a breast carcinoma left", "bone metastases left"},
		{"metastatic from unknown primary", "metastatic"},
		{"pain from colon cancer", "pain from colon cancer"},
	} {
		if got := strings.Join(metastasisFrom(strings.Fields(tc.q)), " "); got != tc.want {
			t.Errorf("%q: got %q, want %q", tc.q, got, tc.want)
		}
	}
}
