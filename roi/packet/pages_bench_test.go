package packet_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/chartroom/chartroom/roi/packet"
	"github.com/go-pdf/fpdf"
)

// outsidePDF makes a scanned-looking outside record of n pages.
func outsidePDF(tb testing.TB, n int) []byte {
	tb.Helper()
	pdf := fpdf.New("P", "mm", "Letter", "")
	pdf.SetFont("Helvetica", "", 11)
	for i := 0; i < n; i++ {
		pdf.AddPage()
		pdf.MultiCell(0, 6, fmt.Sprintf("Outside hospital record, page %d of %d. ", i+1, n)+strings.Repeat("Fictitious findings and plan. ", 40), "", "L", false)
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// BenchmarkPacketPages builds packets of about 50, 500 and 2,000 pages
// (the pages metric is the exact count):
// a third text notes (with a redaction each), a third scanned images, a
// third embedded five-page PDFs, all watermarked and Bates numbered.
func BenchmarkPacketPages(b *testing.B) {
	note, start, end := progressNote()
	img := pngSquare(b)
	ext := outsidePDF(b, 5)
	for _, target := range []int{50, 500, 2000} {
		b.Run(fmt.Sprintf("%dpages", target), func(b *testing.B) {
			var its []packet.Item
			pages := 2 // cover and index, roughly
			for i := 0; pages < target; i++ {
				it := packet.Item{Title: fmt.Sprintf("Document %d", i), DocType: "note", Date: "2026-10-01"}
				switch i % 3 {
				case 0:
					it.ContentType, it.Text = packet.TypeText, note
					it.Redactions = []packet.Redaction{{Start: start, End: end, Reason: "SSN"}}
					pages += 2 // the note runs to two pages
				case 1:
					it.ContentType, it.Data = packet.TypePNG, img
					pages++
				default:
					it.ContentType, it.Data = packet.TypePDF, ext
					pages += 5
				}
				its = append(its, it)
			}
			var m *packet.Manifest
			for b.Loop() {
				var err error
				if m, err = packet.Build(&bytes.Buffer{}, spec(), its); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(m.Pages), "pages")
		})
	}
}
