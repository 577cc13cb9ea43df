package roi

import (
	"encoding/csv"
	"fmt"
	"html/template"
	"io"
	"time"

	"github.com/go-pdf/fpdf"
)

// AccountingReport is the patient-facing accounting of disclosures
// (164.528): every accountable disclosure in the period, with its date,
// recipient and address, what was disclosed and why.
type AccountingReport struct {
	Facility    string
	PatientName string
	MRN         string
	Generated   time.Time
	Years       int
	Records     []Record
}

func (a *AccountingReport) period() string {
	return fmt.Sprintf("%s to %s", AccountingWindow(a.Generated, a.Years).Format("January 2, 2006"), a.Generated.Format("January 2, 2006"))
}

// WriteCSV writes the report as CSV.
func (a *AccountingReport) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"date", "recipient", "address", "what was disclosed", "purpose", "basis"})
	for _, r := range a.Records {
		cw.Write([]string{r.At.Format("2006-01-02"), r.Recipient, r.Address, r.Description, r.Purpose, string(r.Basis)})
	}
	cw.Flush()
	return cw.Error()
}

var accountingHTML = template.Must(template.New("a").Parse(`<!doctype html><html lang="en"><meta charset="utf-8"><title>Accounting of disclosures</title>
<h1>Accounting of disclosures</h1><p>{{.Facility}}<br>Patient: {{.PatientName}} (MRN {{.MRN}})<br>Period: {{.Period}}</p>
<table border="1" cellpadding="4"><tr><th>Date</th><th>Recipient</th><th>What was disclosed</th><th>Purpose</th></tr>
{{range .Records}}<tr><td>{{.At.Format "2006-01-02"}}</td><td>{{.Recipient}}{{with .Address}}<br>{{.}}{{end}}</td><td>{{.Description}}</td><td>{{.Purpose}}</td></tr>
{{else}}<tr><td colspan="4">No disclosures that must be accounted for were made in this period.</td></tr>{{end}}</table>
<p>{{.Notice}}</p></html>`))

const accountingNotice = "This accounting lists disclosures of your health information as 45 CFR 164.528 requires. It does not list disclosures " +
	"for treatment, payment or health care operations, disclosures to you or made at your request, disclosures you authorized in writing, " +
	"or others the rule excludes."

// WriteHTML writes the report as a web page.
func (a *AccountingReport) WriteHTML(w io.Writer) error {
	return accountingHTML.Execute(w, map[string]any{"Facility": a.Facility, "PatientName": a.PatientName, "MRN": a.MRN, "Period": a.period(),
		"Records": a.Records, "Notice": accountingNotice})
}

// WritePDF writes the report as a PDF letter with numbered pages.
func (a *AccountingReport) WritePDF(w io.Writer) error {
	pdf := fpdf.New("P", "mm", "Letter", "")
	tr := pdf.UnicodeTranslatorFromDescriptor("")
	pdf.SetTitle("Accounting of disclosures", false)
	pdf.AliasNbPages("{nb}")
	pdf.SetFooterFunc(func() {
		pdf.SetY(-15)
		pdf.SetFont("Helvetica", "", 8)
		pdf.CellFormat(0, 10, fmt.Sprintf("Accounting of disclosures - %s - page %d of {nb}", tr(a.PatientName), pdf.PageNo()), "", 0, "C", false, 0, "")
	})
	pdf.AddPage()
	pdf.SetFont("Helvetica", "B", 16)
	pdf.Cell(0, 10, "Accounting of disclosures")
	pdf.Ln(12)
	pdf.SetFont("Helvetica", "", 11)
	for _, l := range []string{a.Facility, "Patient: " + a.PatientName + " (MRN " + a.MRN + ")", "Period: " + a.period(), "Prepared: " + a.Generated.Format("January 2, 2006")} {
		pdf.Cell(0, 6, tr(l))
		pdf.Ln(6)
	}
	pdf.Ln(4)
	widths := []float64{24, 52, 60, 50}
	pdf.SetFont("Helvetica", "B", 10)
	for i, h := range []string{"Date", "Recipient", "What was disclosed", "Purpose"} {
		pdf.CellFormat(widths[i], 7, h, "1", 0, "L", false, 0, "")
	}
	pdf.Ln(-1)
	pdf.SetFont("Helvetica", "", 9)
	if len(a.Records) == 0 {
		pdf.MultiCell(0, 6, "No disclosures that must be accounted for were made in this period.", "1", "L", false)
	}
	for _, r := range a.Records {
		recipient := r.Recipient
		if r.Address != "" {
			recipient += "\n" + r.Address
		}
		cells := []string{r.At.Format("2006-01-02"), recipient, r.Description, r.Purpose}
		// Row height is the tallest cell's line count.
		lines := 1
		for i, c := range cells {
			if n := len(pdf.SplitText(tr(c), widths[i]-2)); n > lines {
				lines = n
			}
		}
		h := float64(lines) * 5
		if pdf.GetY()+h > 250 {
			pdf.AddPage()
		}
		x, y := pdf.GetXY()
		for i, c := range cells {
			pdf.Rect(x, y, widths[i], h, "D")
			pdf.MultiCell(widths[i], 5, tr(c), "", "L", false)
			x += widths[i]
			pdf.SetXY(x, y)
		}
		left, _, _, _ := pdf.GetMargins()
		pdf.SetXY(left, y+h)
	}
	pdf.Ln(6)
	pdf.SetFont("Helvetica", "", 9)
	pdf.MultiCell(0, 5, tr(accountingNotice), "", "L", false)
	if err := pdf.Error(); err != nil {
		return err
	}
	return pdf.Output(w)
}
