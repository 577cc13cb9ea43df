package demogen

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math/rand/v2"
	"strings"
	"time"
)

// minimalPDF writes a one-page PDF with a few lines of text: a real PDF
// with a correct cross-reference table, so viewers and packet builders
// read it.
func minimalPDF(title, patient string, at time.Time) []byte {
	esc := strings.NewReplacer(`\`, `\\`, "(", `\(`, ")", `\)`)
	lines := []string{"HARBOR VIEW MEDICAL CENTER", title, "Patient: " + patient, "Date: " + at.Format("01/02/2006"),
		"I consent to the procedure described above. Risks, benefits and alternatives were explained.", "Signature on file (scanned form)."}
	var content bytes.Buffer
	content.WriteString("BT /F1 12 Tf 72 720 Td 16 TL\n")
	for _, l := range lines {
		fmt.Fprintf(&content, "(%s) Tj T*\n", esc.Replace(l))
	}
	content.WriteString("ET\n")
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", content.Len(), content.String()),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

// scanImage draws a page-like grey image with ruled "text" lines, the look
// of a scanned letter, as a PNG.
func scanImage(seed uint64) []byte {
	r := rand.New(rand.NewPCG(seed, 1))
	const w, h = 425, 550
	img := image.NewGray(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.SetGray(x, y, color.Gray{Y: uint8(236 + r.IntN(12))})
		}
	}
	for line := 0; line < 26; line++ {
		y := 50 + line*18
		end := 60 + r.IntN(300)
		if line == 0 {
			end = 250
		}
		for x := 40; x < end; x++ {
			if r.IntN(5) > 0 {
				img.SetGray(x, y, color.Gray{Y: uint8(40 + r.IntN(60))})
				img.SetGray(x, y+1, color.Gray{Y: uint8(60 + r.IntN(60))})
			}
		}
	}
	var b bytes.Buffer
	png.Encode(&b, img)
	return b.Bytes()
}
