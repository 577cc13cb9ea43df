package roi

import (
	"fmt"
	"io"
	"math"
	"time"

	"github.com/go-pdf/fpdf"
)

// FeeSchedule is how a site charges for copies: a flat fee, a fee per page
// (with a different rate for the first pages, as many states set), and the
// state's limit. It is a site setting an HIM manager edits.
type FeeSchedule struct {
	Name          string
	State         string  // whose law sets Cap, for example "MA"
	Flat          float64 // a flat fee per request
	PerPage       float64 // a fee per page
	FirstPages    int     // pages at FirstPageRate before PerPage applies
	FirstPageRate float64
	Cap           float64 // a state's maximum; 0 for none
	// PatientAccessFlat is the flat fee for a patient's own electronic
	// copy (HHS allows a flat fee of up to $6.50 in place of actual cost).
	PatientAccessFlat float64
	WaivePatient      bool // charge patients nothing
}

// Fee returns the charge for pages released on basis b.
func (f FeeSchedule) Fee(b Basis, pages int, electronic bool) float64 {
	if b == Treatment || b == Payment || b == Operations || b == PublicHealth || b == LawEnforcementB {
		return 0
	}
	if b == RightOfAccess {
		if f.WaivePatient {
			return 0
		}
		if electronic && f.PatientAccessFlat > 0 {
			return f.PatientAccessFlat
		}
	}
	fee := f.Flat
	rest := pages
	if f.FirstPages > 0 {
		n := min(pages, f.FirstPages)
		fee += float64(n) * f.FirstPageRate
		rest -= n
	}
	fee += float64(rest) * f.PerPage
	if f.Cap > 0 && fee > f.Cap {
		fee = f.Cap
	}
	return math.Round(fee*100) / 100
}

// Check reports the first problem with a schedule a person entered.
func (f FeeSchedule) Check() (field string, err error) {
	for _, x := range []struct {
		name string
		v    float64
	}{{"flat", f.Flat}, {"per_page", f.PerPage}, {"first_page_rate", f.FirstPageRate}, {"cap", f.Cap}, {"patient_access_flat", f.PatientAccessFlat}} {
		if x.v < 0 || x.v > 10000 || math.IsNaN(x.v) {
			return x.name, fmt.Errorf("must be an amount from 0 to 10,000")
		}
	}
	if f.FirstPages < 0 || f.FirstPages > 10000 {
		return "first_pages", fmt.Errorf("must be from 0 to 10,000")
	}
	if len(f.State) > 2 {
		return "state", fmt.Errorf("a two-letter state code")
	}
	return "", nil
}

// Invoice is the bill for one request's copies.
type Invoice struct {
	Facility  string
	Number    string
	Date      time.Time
	BillTo    string
	Address   string
	Patient   string
	RequestID int64
	Basis     Basis
	Pages     int
	Schedule  FeeSchedule
	Amount    float64
}

// WritePDF writes the invoice: who pays, for what, the schedule's terms and
// the amount, with the waiver or the state limit when they applied.
func (in *Invoice) WritePDF(w io.Writer) error {
	pdf := fpdf.New("P", "mm", "Letter", "")
	tr := pdf.UnicodeTranslatorFromDescriptor("")
	pdf.SetTitle("Invoice "+in.Number, true)
	pdf.AddPage()
	pdf.SetFont("Helvetica", "B", 16)
	pdf.CellFormat(0, 10, tr(in.Facility), "", 1, "L", false, 0, "")
	pdf.SetFont("Helvetica", "", 11)
	pdf.CellFormat(0, 7, tr("Invoice "+in.Number+" - "+in.Date.Format("January 2, 2006")), "", 1, "L", false, 0, "")
	pdf.Ln(4)
	pdf.MultiCell(0, 6, tr("Bill to: "+in.BillTo+"\n"+in.Address), "", "L", false)
	pdf.Ln(2)
	pdf.MultiCell(0, 6, tr(fmt.Sprintf("Copies of health records of %s, request ROI-%d (%s)", in.Patient, in.RequestID, in.Basis)), "", "L", false)
	pdf.Ln(4)
	line := func(label, value string) {
		pdf.CellFormat(110, 7, tr(label), "B", 0, "L", false, 0, "")
		pdf.CellFormat(50, 7, tr(value), "B", 1, "R", false, 0, "")
	}
	s := in.Schedule
	line("Pages released", fmt.Sprint(in.Pages))
	if s.Flat > 0 {
		line("Flat fee", fmt.Sprintf("$%.2f", s.Flat))
	}
	if s.FirstPages > 0 {
		line(fmt.Sprintf("First %d pages at $%.2f", s.FirstPages, s.FirstPageRate), "")
	}
	if s.PerPage > 0 {
		line(fmt.Sprintf("Per page at $%.2f", s.PerPage), "")
	}
	switch {
	case in.Basis == RightOfAccess && s.WaivePatient:
		line("Patient access: fee waived", "")
	case in.Basis == RightOfAccess && s.PatientAccessFlat > 0:
		line(fmt.Sprintf("Patient access, electronic copy: flat $%.2f", s.PatientAccessFlat), "")
	}
	if s.Cap > 0 {
		line(fmt.Sprintf("Limit set by %s law", orDash(s.State)), fmt.Sprintf("$%.2f", s.Cap))
	}
	pdf.SetFont("Helvetica", "B", 12)
	line("Amount due", fmt.Sprintf("$%.2f", in.Amount))
	pdf.SetFont("Helvetica", "", 9)
	pdf.Ln(6)
	pdf.MultiCell(0, 5, tr("Fees cover the cost of copying and delivery only. A patient requesting their own records is charged no more than HIPAA allows (45 CFR 164.524(c)(4))."), "", "L", false)
	return pdf.Output(w)
}

func orDash(s string) string {
	if s == "" {
		return "state"
	}
	return s
}
