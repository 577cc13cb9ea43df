package codeset

import (
	"strings"
	"testing"
)

// rewriteCase is a typed query and what a rewrite makes of it.
type rewriteCase struct{ q, want string }

// checkRewrite runs a query rewrite on each case's words.
func checkRewrite(t *testing.T, rewrite func([]string) []string, cases []rewriteCase) {
	t.Helper()
	for _, tc := range cases {
		if got := strings.Join(rewrite(strings.Fields(tc.q)), " "); got != tc.want {
			t.Errorf("%q: got %q, want %q", tc.q, got, tc.want)
		}
	}
}

func TestGestationTrimester(t *testing.T) {
	checkRewrite(t, gestationTrimester, []rewriteCase{
		{"prenatal visit first pregnancy 10 weeks", "prenatal visit first pregnancy 10 weeks first trimester"},
		{"pregnancy 32 weeks preeclampsia", "pregnancy 32 weeks preeclampsia third trimester"},
		{"gestational diabetes 26wks", "gestational diabetes 26wks second trimester"},
		{"pregnancy second trimester 20 weeks", "pregnancy second trimester 20 weeks"}, // names its trimester
		{"32 weeks gestation", "32 weeks gestation third trimester"},
		{"fever for 2 weeks", "fever for 2 weeks"}, // no pregnancy
	})
}

func TestCatheterTip(t *testing.T) {
	checkRewrite(t, catheterTip, []rewriteCase{
		{"right IJ central line insertion tip in SVC", "right central line insertion superior vena cava"},
		{"PICC right basilic vein tip at cavoatrial junction", "PICC right superior vena cava"},
		{"central line right internal jugular", "central line right internal jugular"}, // no tip named
	})
}

func TestMetastasisFrom(t *testing.T) {
	checkRewrite(t, metastasisFrom, []rewriteCase{
		{"liver mets from colon cancer", "liver mets"},
		{"bone metastases from a breast carcinoma left", "bone metastases left"},
		{"metastatic from unknown primary", "metastatic"},
		{"pain from colon cancer", "pain from colon cancer"},
	})
}

func TestCoronaryStents(t *testing.T) {
	checkRewrite(t, coronaryStents, []rewriteCase{
		{"three DES in RCA", "DES in RCA one artery with three drug-eluting intraluminal devices"},
		{"PCI RCA with three drug eluting stents", "PCI RCA with drug eluting stents one artery with three drug-eluting intraluminal devices"},
		{"PCI LAD and RCA DES x2", "PCI LAD and RCA DES two arteries with two drug-eluting intraluminal devices"},
		{"PTCA with BMS to OM", "PTCA with BMS to OM one artery"},
		{"PCI two vessels with DES", "PCI two vessels with DES"},   // counts its arteries itself
		{"coronary stent thrombosis", "coronary stent thrombosis"}, // no vessel named
	})
}

func TestBodyPartKey(t *testing.T) {
	x := &Searcher{partKey: bodyPartKey([]PCSDefinition{
		{Section: '0', Axis: 4, Term: "Fibula, Left", Includes: []string{"Body of fibula", "Head of fibula", "Lateral malleolus"}},
		{Section: '0', Axis: 4, Term: "Pelvic Bone, Left", Includes: []string{"Iliac crest", "Ilium"}},
		{Section: '0', Axis: 4, Term: "Hip Joint, Left", Includes: []string{"Iliac crest"}}, // two parts: neither
		{Section: '0', Axis: 6, Term: "Internal Fixation Device", Includes: []string{"Bone screw"}},
	})}
	checkRewrite(t, x.bodyParts, []rewriteCase{
		{"ORIF left lateral malleolus fracture", "ORIF left lateral malleolus fracture fibula"},
		{"excision head of fibula", "excision head of fibula"}, // names its body part
		{"bone marrow biopsy iliac crest", "bone marrow biopsy iliac crest"},
		{"removal bone screw", "removal bone screw"}, // a device, not a body part
	})
}

func TestPartialResection(t *testing.T) {
	checkRewrite(t, partialResection, []rewriteCase{
		{"open partial jejunal resection", "open partial jejunal excision"},
		{"partial colon resection laparoscopic", "partial colon excision laparoscopic"},
		{"small bowel resection", "small bowel resection"}, // not partial
	})
}

func TestJointProsthesis(t *testing.T) {
	checkRewrite(t, jointProsthesis, []rewriteCase{
		{"infected right knee replacement initial", "infected right knee prosthesis initial"},
		{"loose left hip arthroplasty", "loosening left hip prosthesis"},
		{"dislocated tha", "dislocated hip prosthesis"},
		{"periprosthetic joint infection, right total hip arthroplasty", "periprosthetic joint infection, right hip prosthesis"},
		{"right knee replacement", "right knee replacement"},                               // no trouble: the presence of the joint
		{"revision of infected knee replacement", "revision of infected knee replacement"}, // an operation
		{"loose body right knee", "loose body right knee"},                                 // no replaced joint
	})
}

// TestPreferencesFields checks that each query word sets its own
// preference (the struct was once filled by position, with three fields
// crossed).
func TestPreferencesFields(t *testing.T) {
	x := loadFull(t).Searcher()
	prefsOf := func(q string) prefs {
		sc := x.getScratch()
		defer x.putScratch(sc)
		return x.preferences(x.parse(sc, q, false), " "+q+" ")
	}
	if p := prefsOf("pregnancy preeclampsia"); !p.obstetric || p.secondary || p.trimester || p.transplant {
		t.Errorf("pregnancy preeclampsia: %+v", p)
	}
	if p := prefsOf("metastatic lung cancer to bone"); !p.secondary || p.obstetric || p.trimester {
		t.Errorf("metastatic: %+v", p)
	}
	if p := prefsOf("second trimester"); !p.trimester || p.secondary {
		t.Errorf("second trimester: %+v", p)
	}
	if p := prefsOf("kidney transplant rejection"); !p.transplant || p.obstetric {
		t.Errorf("kidney transplant: %+v", p)
	}
}
