package roi_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chartroom/chartroom/roi"
)

var asOf = time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)

func validForm() roi.AuthorizationForm {
	return roi.AuthorizationForm{
		Description: "Discharge summary and operative report, admission of March 2026", Disclosers: "Harbor View Medical Center",
		Recipients: "Marlowe & Pike LLP, 12 Wharf St", Purpose: "at the request of the individual", ExpiresOn: asOf.AddDate(1, 0, 0),
		SignedOn: asOf.AddDate(0, 0, -3), SignedBy: "Marta Lindqvist", RightToRevoke: true, Conditioning: true, Redisclosure: true, PlainLanguage: true,
	}
}

func TestCheckAuthorization(t *testing.T) {
	if d := roi.CheckAuthorization(validForm(), asOf); len(d) != 0 {
		t.Fatalf("valid form has defects: %+v", d)
	}
	tests := []struct {
		name string
		edit func(*roi.AuthorizationForm)
		want string
	}{
		{"no description", func(a *roi.AuthorizationForm) { a.Description = "" }, "164.508(c)(1)(i)"},
		{"vague description", func(a *roi.AuthorizationForm) { a.Description = "any and all records" }, "164.508(c)(1)(i)"},
		{"no discloser", func(a *roi.AuthorizationForm) { a.Disclosers = "" }, "164.508(c)(1)(ii)"},
		{"no recipient", func(a *roi.AuthorizationForm) { a.Recipients = "" }, "164.508(c)(1)(iii)"},
		{"no purpose", func(a *roi.AuthorizationForm) { a.Purpose = "" }, "164.508(c)(1)(iv)"},
		{"no expiry", func(a *roi.AuthorizationForm) { a.ExpiresOn = time.Time{} }, "164.508(c)(1)(v)"},
		{"unsigned", func(a *roi.AuthorizationForm) { a.SignedBy = "" }, "164.508(c)(1)(vi)"},
		{"representative without authority", func(a *roi.AuthorizationForm) { a.Representative = true }, "representative"},
		{"no revocation statement", func(a *roi.AuthorizationForm) { a.RightToRevoke = false }, "164.508(c)(2)(i)"},
		{"no conditioning statement", func(a *roi.AuthorizationForm) { a.Conditioning = false }, "164.508(c)(2)(ii)"},
		{"no redisclosure statement", func(a *roi.AuthorizationForm) { a.Redisclosure = false }, "164.508(c)(2)(iii)"},
		{"expired", func(a *roi.AuthorizationForm) { a.ExpiresOn = asOf.AddDate(0, 0, -1) }, "expired"},
		{"revoked", func(a *roi.AuthorizationForm) { a.RevokedOn = asOf.AddDate(0, 0, -1) }, "revoked"},
		{"psychotherapy combined", func(a *roi.AuthorizationForm) {
			a.PsychotherapyNotes = true
			a.Categories = []roi.Category{roi.PsychotherapyNotes, roi.HIV}
		}, "psychotherapy"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := validForm()
			tt.edit(&a)
			d := roi.CheckAuthorization(a, asOf)
			if len(d) == 0 {
				t.Fatal("no defect found")
			}
			found := false
			for _, x := range d {
				if strings.Contains(x.Element+" "+x.Problem, tt.want) {
					found = true
				}
			}
			if !found {
				t.Errorf("defects %+v do not mention %q", d, tt.want)
			}
		})
	}
	// Every defect is listed, not just the first.
	var empty roi.AuthorizationForm
	if d := roi.CheckAuthorization(empty, asOf); len(d) < 8 {
		t.Errorf("empty form: %d defects, want every element", len(d))
	}
}

func TestSensitiveCategories(t *testing.T) {
	for code, want := range map[string][]roi.Category{
		"F10.20": {roi.SubstanceUse}, "F11.10": {roi.SubstanceUse}, "B20": {roi.HIV}, "Z21": {roi.HIV}, "A54.00": {roi.HIV},
		"F32.9": {roi.MentalHealth}, "Z15.01": {roi.Genetic}, "O03.9": {roi.Reproductive}, "I21.4": nil, "J18.9": nil,
	} {
		if got := roi.CategoriesOfCode(code); !slices.Equal(got, want) {
			t.Errorf("%s: got %v, want %v", code, got, want)
		}
	}
	sud := []roi.Category{roi.SubstanceUse}
	if ex := roi.Excluded(sud, roi.Authorization, nil); !slices.Equal(ex, sud) {
		t.Errorf("SUD without naming it: excluded %v", ex)
	}
	if ex := roi.Excluded(sud, roi.Authorization, sud); len(ex) != 0 {
		t.Errorf("SUD named: excluded %v", ex)
	}
	if ex := roi.Excluded([]roi.Category{roi.HIV}, roi.RightOfAccess, nil); len(ex) != 0 {
		t.Errorf("patient access to HIV record: excluded %v", ex)
	}
	if ex := roi.Excluded([]roi.Category{roi.PsychotherapyNotes}, roi.RightOfAccess, nil); len(ex) != 1 {
		t.Errorf("patient access to psychotherapy notes: excluded %v", ex)
	}
}

func TestFeesDueDatesAccounting(t *testing.T) {
	f := roi.FeeSchedule{Flat: 10, PerPage: 0.5, FirstPages: 10, FirstPageRate: 1, Cap: 40, PatientAccessFlat: 6.5}
	if got := f.Fee(roi.Authorization, 20, false); got != 25 {
		t.Errorf("fee = %v, want 25", got)
	}
	if got := f.Fee(roi.Authorization, 500, false); got != 40 {
		t.Errorf("capped fee = %v", got)
	}
	if got := f.Fee(roi.RightOfAccess, 500, true); got != 6.5 {
		t.Errorf("patient electronic copy = %v", got)
	}
	if got := f.Fee(roi.Treatment, 50, false); got != 0 {
		t.Errorf("treatment = %v", got)
	}
	recv := time.Date(2026, 1, 10, 0, 0, 0, 0, time.UTC)
	if got := roi.DueDate(roi.RightOfAccess, recv, false, 0); !got.Equal(recv.AddDate(0, 0, 30)) {
		t.Errorf("due %v", got)
	}
	if got := roi.DueDate(roi.RightOfAccess, recv, true, 0); !got.Equal(recv.AddDate(0, 0, 60)) {
		t.Errorf("extended due %v", got)
	}
	if roi.Accountable(roi.Disclosure{Basis: roi.Payment}) || roi.Accountable(roi.Disclosure{Basis: roi.Authorization}) || !roi.Accountable(roi.Disclosure{Basis: roi.PublicHealth}) {
		t.Error("accountable rules")
	}
	s := []roi.Suspension{{Agency: "State Police", From: recv, Until: recv.AddDate(0, 3, 0)}}
	if !roi.Suspended(roi.Disclosure{At: recv.AddDate(0, 0, 1), Recipient: "State Police"}, s, recv.AddDate(0, 1, 0)) {
		t.Error("suspension not honoured")
	}
}

func TestWorkflow(t *testing.T) {
	ok := []roi.Step{
		{From: roi.Logged, To: roi.Validated, Basis: roi.RightOfAccess},
		{From: roi.Validated, To: roi.InProcess},
		{From: roi.InProcess, To: roi.QualityCheck, By: 1},
		{From: roi.QualityCheck, To: roi.Released, By: 2, ProcessedBy: 1},
		{From: roi.Logged, To: roi.Denied, Reason: "no authority shown"},
		{From: roi.Logged, To: roi.Validated, Basis: roi.SubpoenaOnly, Assurance: true},
	}
	for _, s := range ok {
		if err := roi.CheckStep(s); err != nil {
			t.Errorf("%+v: %v", s, err)
		}
	}
	bad := []roi.Step{
		{From: roi.Logged, To: roi.Released},
		{From: roi.QualityCheck, To: roi.Released, By: 1, ProcessedBy: 1},
		{From: roi.Logged, To: roi.Validated, Basis: roi.Authorization, Defects: []roi.Defect{{Element: "expiration", Problem: "expired"}}},
		{From: roi.Logged, To: roi.Validated, Basis: roi.SubpoenaOnly},
		{From: roi.Logged, To: roi.Denied},
		{From: roi.Released, To: roi.InProcess},
	}
	for _, s := range bad {
		if err := roi.CheckStep(s); err == nil {
			t.Errorf("%+v allowed", s)
		}
	}
}

func TestAccountingPDF(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("pdftotext is missing: .ci/run installs poppler-utils")
		}
		t.Skip("pdftotext not installed (apt-get install poppler-utils)")
	}
	now := time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)
	rep := &roi.AccountingReport{Facility: "Harbor View Medical Center", PatientName: "Marta Lindqvist", MRN: "H0400101", Generated: now, Years: 6}
	for i := 0; i < 40; i++ {
		rep.Records = append(rep.Records, roi.Record{At: now.AddDate(0, -i, 0), Recipient: "State health department", Address: "1 Capitol St, Augusta ME",
			Description: "laboratory result, reportable condition", Purpose: "public health reporting (164.512(b))", Basis: roi.PublicHealth})
	}
	dir := t.TempDir()
	f, _ := os.Create(filepath.Join(dir, "a.pdf"))
	if err := rep.WritePDF(f); err != nil {
		t.Fatal(err)
	}
	f.Close()
	out, err := exec.Command("pdftotext", "-layout", filepath.Join(dir, "a.pdf"), "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := string(out)
	for _, want := range []string{"Accounting of disclosures", "Marta Lindqvist", "H0400101", "State health department", "page 1 of", "164.528"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF text lacks %q", want)
		}
	}
	if strings.Count(text, "State health department") != 40 {
		t.Errorf("%d rows in the PDF, want 40", strings.Count(text, "State health department"))
	}
	if _, err := exec.LookPath("pdftoppm"); err == nil {
		if err := exec.Command("pdftoppm", "-png", "-r", "50", filepath.Join(dir, "a.pdf"), filepath.Join(dir, "page")).Run(); err != nil {
			t.Errorf("pdftoppm could not render the report: %v", err)
		}
	}
	var csvBuf, htmlBuf strings.Builder
	rep.WriteCSV(&csvBuf)
	rep.WriteHTML(&htmlBuf)
	if strings.Count(csvBuf.String(), "\n") != 41 || !strings.Contains(htmlBuf.String(), "Marta Lindqvist") {
		t.Error("CSV or HTML report")
	}
}
