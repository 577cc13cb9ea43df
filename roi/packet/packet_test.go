package packet_test

import (
	"bytes"
	"compress/zlib"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chartroom/chartroom"
	"github.com/chartroom/chartroom/roi"
	"github.com/chartroom/chartroom/roi/packet"
	"github.com/go-pdf/fpdf"
)

// The fictitious SSN that the text item carries and the packet must not.
const ssn = "123-45-6789"

// The red square in the test image, in pixels.
var square = image.Rect(40, 30, 120, 90)

func spec() packet.Spec {
	return packet.Spec{
		RequestID:        "ROI-2026-000123",
		Facility:         "Riverbend General Hospital\n100 Example Parkway\nSpringfield, ST 00000",
		Requester:        "Smith & Jones LLP",
		RequesterAddress: "42 Fictional Avenue\nSuite 9\nShelbyville, ST 00001",
		PatientName:      "Avery Quill",
		MRN:              "MRN-0042-TEST",
		BirthDate:        "1970-01-01",
		Purpose:          "Litigation, at the request of the patient's attorney",
		Released:         time.Date(2026, 11, 25, 14, 30, 0, 0, time.UTC),
		ReleasedBy:       "Jordan Example, RHIA",
		BatesPrefix:      "CHR",
		Watermark:        "RELEASED TO Smith & Jones LLP 2026-11-25 ROI-2026-000123",
		Notices:          []string{roi.Part2Notice},
	}
}

// progressNote is a note long enough to run over several pages, with the
// SSN once near the start.
func progressNote() (text string, start, end int) {
	var b strings.Builder
	b.WriteString("Patient seen in clinic for follow-up. SSN " + ssn + " recorded at registration.\n")
	start = strings.Index(b.String(), ssn)
	end = start + len(ssn)
	for i := range 120 {
		fmt.Fprintf(&b, "Line %03d: vital signs stable; plan unchanged; continue current medications and review in four weeks.\n", i)
	}
	b.WriteString("\tEnd of note, Café Ünïcode ✓.")
	return b.String(), start, end
}

// pngSquare is a white image with the red square drawn on it.
func pngSquare(t testing.TB) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 160, 120))
	for y := range 120 {
		for x := range 160 {
			c := color.RGBA{255, 255, 255, 255}
			if (image.Point{x, y}).In(square) {
				c = color.RGBA{255, 0, 0, 255}
			}
			img.Set(x, y, c)
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// embeddedPDF is a PDF of pages pages, each saying EMBEDDEDPAGE.
func embeddedPDF(t testing.TB, pages int) []byte {
	t.Helper()
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetFont("Helvetica", "", 14)
	for i := range pages {
		pdf.AddPage()
		pdf.Cell(0, 10, fmt.Sprintf("EMBEDDEDPAGE %d of the outside records", i+1))
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func items(t testing.TB) []packet.Item {
	note, start, end := progressNote()
	return []packet.Item{
		{
			Title: "Progress note", DocType: "Clinic note", Date: "2026-10-01",
			ContentType: packet.TypeText, Text: note,
			Redactions: []packet.Redaction{{Start: start, End: end, Reason: "SSN"}},
		},
		{
			Title: "Wound photograph", DocType: "Clinical image", Date: "2026-10-02",
			ContentType: packet.TypePNG, Data: pngSquare(t),
			Redactions: []packet.Redaction{{X: square.Min.X, Y: square.Min.Y, W: square.Dx(), H: square.Dy(), Reason: "third party"}},
		},
		{
			Title: "Outside records", DocType: "Correspondence", Date: "2026-09-15",
			ContentType: packet.TypePDF, Data: embeddedPDF(t, 2),
		},
		{
			Title: "Substance use treatment note", DocType: "Counseling note", Date: "2026-10-03",
			ContentType: packet.TypeText, Text: "TREATMENTBODY: attended group session; engaged.",
			NoticeIndexes: []int{0},
		},
	}
}

// need skips the test when a poppler tool is missing.
func need(t *testing.T, tools ...string) {
	t.Helper()
	for _, tool := range tools {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed (apt-get install poppler-utils): %v", tool, err)
		}
	}
}

// save writes pdf to a temporary file and returns its name.
func save(t *testing.T, pdf []byte) string {
	t.Helper()
	name := filepath.Join(t.TempDir(), "packet.pdf")
	if err := os.WriteFile(name, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	return name
}

// pdftotext runs pdftotext with args on file and returns its output.
func pdftotext(t *testing.T, file string, args ...string) (string, error) {
	t.Helper()
	out, err := exec.Command("pdftotext", append(args, file, "-")...).CombinedOutput()
	return string(out), err
}

// pages returns the text of every page of file, pages[0] being page 1.
func pages(t *testing.T, file string) []string {
	t.Helper()
	out, err := pdftotext(t, file)
	if err != nil {
		t.Fatalf("pdftotext: %v\n%s", err, out)
	}
	ps := strings.Split(out, "\f")
	return ps[:len(ps)-1] // pdftotext ends every page with a form feed
}

// inflated returns pdf followed by every Flate stream in it decompressed.
func inflated(pdf []byte) []byte {
	out := bytes.Clone(pdf)
	re := regexp.MustCompile(`stream\r?\n`)
	for _, loc := range re.FindAllIndex(pdf, -1) {
		r, err := zlib.NewReader(bytes.NewReader(pdf[loc[1]:]))
		if err != nil {
			continue
		}
		b, _ := io.ReadAll(r)
		out = append(out, b...)
	}
	return out
}

func bates(n int) string { return fmt.Sprintf("CHR%06d", n) }

func TestBuild(t *testing.T) {
	need(t, "pdftotext")
	s := spec()
	its := items(t)
	var buf bytes.Buffer
	m, err := packet.Build(&buf, s, its)
	if err != nil {
		t.Fatal(err)
	}
	out := buf.Bytes()
	file := save(t, out)
	text := pages(t, file)

	t.Run("manifest", func(t *testing.T) {
		sum := sha256.Sum256(out)
		if m.SHA256 != hex.EncodeToString(sum[:]) {
			t.Errorf("SHA256 = %s, want the sum of the bytes written, %x", m.SHA256, sum)
		}
		if m.Pages != len(text) {
			t.Errorf("Pages = %d, pdftotext counts %d", m.Pages, len(text))
		}
		if len(m.Items) != len(its) {
			t.Fatalf("%d manifest items, want %d", len(m.Items), len(its))
		}
		// Cover, one index page, then the items back to back.
		next := 3
		for i, mi := range m.Items {
			if mi.Title != its[i].Title || mi.FirstPage != next || mi.LastPage < mi.FirstPage {
				t.Errorf("item %d: %+v, want %q from page %d", i, mi, its[i].Title, next)
			}
			if mi.FirstBates != bates(mi.FirstPage-1) || mi.LastBates != bates(mi.LastPage-1) {
				t.Errorf("item %d: Bates %s-%s for pages %d-%d", i, mi.FirstBates, mi.LastBates, mi.FirstPage, mi.LastPage)
			}
			if mi.Redactions != len(its[i].Redactions) {
				t.Errorf("item %d: %d redactions, want %d", i, mi.Redactions, len(its[i].Redactions))
			}
			next = mi.LastPage + 1
		}
		if next-1 != m.Pages {
			t.Errorf("the last item ends on page %d of %d", next-1, m.Pages)
		}
		for i, want := range []int{5, 1, 2, 2} { // the note over 5 pages; image; 2 PDF pages; banner and note
			if got := m.Items[i].LastPage - m.Items[i].FirstPage + 1; got != want {
				t.Errorf("item %d has %d pages, want %d", i, got, want)
			}
		}
	})

	t.Run("Bates and page numbers", func(t *testing.T) {
		// The cover names the Bates range and carries no number itself.
		cover := strings.Replace(oneSpace(text[0]), "Bates CHR000001 to "+bates(len(text)-1), "", 1)
		if strings.Contains(cover, "CHR0") || strings.Contains(cover, "Page 1 of") {
			t.Errorf("the cover carries a Bates or page number:\n%s", text[0])
		}
		for p := 2; p <= len(text); p++ {
			// Ask pdftotext for the page alone, as a reader would.
			got, err := pdftotext(t, file, "-f", fmt.Sprint(p), "-l", fmt.Sprint(p))
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(got, bates(p-1)) {
				t.Errorf("page %d lacks Bates %s:\n%s", p, bates(p-1), got)
			}
			if n := len(regexp.MustCompile(`CHR\d{6}`).FindAllString(got, -1)); p > 2 && n != 1 {
				t.Errorf("page %d has %d Bates numbers, want 1", p, n)
			}
			if want := fmt.Sprintf("Page %d of %d", p, len(text)); !strings.Contains(got, want) {
				t.Errorf("page %d lacks %q", p, want)
			}
		}
	})

	t.Run("watermark", func(t *testing.T) {
		// pdftotext breaks diagonal text into letters; in content order
		// (-raw) they follow one another.
		raw, err := pdftotext(t, file, "-raw")
		if err != nil {
			t.Fatal(err)
		}
		want := strings.Join(strings.Fields(s.Watermark), "")
		for p, page := range strings.Split(raw, "\f")[:len(text)] {
			has := strings.Contains(strings.Join(strings.Fields(page), ""), want)
			if p == 0 && has {
				t.Error("the cover carries the watermark")
			}
			if p > 0 && !has {
				t.Errorf("page %d lacks the watermark:\n%s", p+1, page)
			}
		}
	})

	t.Run("cover", func(t *testing.T) {
		for _, want := range []string{
			"Riverbend General Hospital", "November 25, 2026", "Smith & Jones LLP", "42 Fictional Avenue",
			"Avery Quill", "MRN-0042-TEST", "1970-01-01", "ROI-2026-000123", "Litigation",
			"42 CFR part 2", "may not redisclose", "except as permitted by law", "Released by", "Jordan Example, RHIA",
			"Bates CHR000001 to " + bates(m.Pages-1),
		} {
			if !strings.Contains(oneSpace(text[0]), want) {
				t.Errorf("the cover lacks %q:\n%s", want, text[0])
			}
		}
	})

	t.Run("index", func(t *testing.T) {
		// pdftotext drops or keeps the spaces in "3 - 7" by its own lights.
		nospace := func(s string) string { return strings.Join(strings.Fields(s), "") }
		idx := text[1]
		for i, mi := range m.Items {
			for _, want := range []string{mi.Title, mi.FirstBates + "-" + mi.LastBates, fmt.Sprintf("%d-%d", mi.FirstPage, mi.LastPage), its[i].DocType} {
				if !strings.Contains(nospace(idx), nospace(want)) {
					t.Errorf("the index lacks %q for item %d:\n%s", want, i, idx)
				}
			}
		}
	})

	t.Run("text redaction", func(t *testing.T) {
		all := strings.Join(text, "\f")
		if strings.Contains(all, ssn) || strings.Contains(all, "45-6789") {
			t.Error("pdftotext finds the redacted SSN")
		}
		raw := inflated(out)
		if bytes.Contains(raw, []byte(ssn)) {
			t.Error("the PDF bytes hold the redacted SSN")
		}
		// The same search does find text that was not redacted, so the
		// negative above means something.
		if !bytes.Contains(raw, []byte("recorded at registration")) {
			t.Error("the inflated bytes lack the unredacted text: the SSN search proves nothing")
		}
		first := text[m.Items[0].FirstPage-1]
		if !strings.Contains(first, "REDACTED: SSN") || !strings.Contains(first, "recorded at registration") {
			t.Errorf("the note's first page lacks the redaction label or the text around it:\n%s", first)
		}
		if !strings.Contains(text[m.Items[0].LastPage-1], "End of note, Café") {
			t.Errorf("the note's last page lacks its end:\n%s", text[m.Items[0].LastPage-1])
		}
	})

	t.Run("embedded PDF", func(t *testing.T) {
		mi := m.Items[2]
		for p := mi.FirstPage; p <= mi.LastPage; p++ {
			got := text[p-1]
			want := fmt.Sprintf("EMBEDDEDPAGE %d", p-mi.FirstPage+1)
			if !strings.Contains(got, want) || !strings.Contains(got, bates(p-1)) {
				t.Errorf("page %d lacks %q or Bates %s:\n%s", p, want, bates(p-1), got)
			}
		}
	})

	t.Run("notice before its item", func(t *testing.T) {
		mi := m.Items[3]
		banner, body := oneSpace(text[mi.FirstPage-1]), text[mi.LastPage-1]
		if !strings.Contains(banner, "NOTICE") || !strings.Contains(banner, "42 CFR part 2") || strings.Contains(banner, "TREATMENTBODY") {
			t.Errorf("page %d is not the notice banner:\n%s", mi.FirstPage, banner)
		}
		if !strings.Contains(body, "TREATMENTBODY") {
			t.Errorf("page %d lacks the note:\n%s", mi.LastPage, body)
		}
		for i := range 3 { // no other item gets the banner
			if p := text[m.Items[i].FirstPage-1]; strings.Contains(p, "NOTICE") {
				t.Errorf("item %d starts with a notice banner", i)
			}
		}
	})

	t.Run("image redaction", func(t *testing.T) {
		need(t, "pdftoppm", "pdfimages")
		page := m.Items[1].FirstPage
		img := extractImage(t, file, page)
		if got := img.Bounds().Size(); got != (image.Point{160, 120}) {
			t.Fatalf("embedded image is %v", got)
		}
		for _, pt := range []image.Point{square.Min, square.Max.Sub(image.Pt(1, 1)), {80, 60}} {
			if r, g, b, _ := img.At(pt.X, pt.Y).RGBA(); r|g|b != 0 {
				t.Errorf("pixel %v is %v, want black", pt, img.At(pt.X, pt.Y))
			}
		}
		if r, g, b, _ := img.At(5, 5).RGBA(); r>>8 != 255 || g>>8 != 255 || b>>8 != 255 {
			t.Errorf("pixel (5,5) is %v, want white", img.At(5, 5))
		}
		red, black := colours(t, file, page)
		if red != 0 || black < 500 {
			t.Errorf("rendered page has %d red and %d black pixels, want none red and the square black", red, black)
		}
	})
}

// TestImageWithoutRedactionShowsRed is the control for the image check:
// the same page without the redaction renders red.
func TestImageWithoutRedactionShowsRed(t *testing.T) {
	need(t, "pdftoppm")
	its := items(t)
	its[1].Redactions = nil
	var buf bytes.Buffer
	m, err := packet.Build(&buf, spec(), its)
	if err != nil {
		t.Fatal(err)
	}
	if red, _ := colours(t, save(t, buf.Bytes()), m.Items[1].FirstPage); red < 500 {
		t.Errorf("the unredacted square renders %d red pixels", red)
	}
}

func TestBuildEncrypted(t *testing.T) {
	need(t, "pdftotext")
	const password = "Tr0ub4dor-ROI-test"
	s := spec()
	s.Password = password
	var buf bytes.Buffer
	m, err := packet.Build(&buf, s, items(t))
	if err != nil {
		t.Fatal(err)
	}
	file := save(t, buf.Bytes())
	if out, err := pdftotext(t, file); err == nil {
		t.Errorf("pdftotext without the password succeeds:\n%.300s", out)
	}
	if out, err := pdftotext(t, file, "-upw", "wrong"); err == nil {
		t.Errorf("pdftotext with a wrong password succeeds:\n%.300s", out)
	}
	out, err := pdftotext(t, file, "-upw", password)
	if err != nil {
		t.Fatalf("pdftotext -upw: %v\n%s", err, out)
	}
	for _, want := range []string{"Avery Quill", "EMBEDDEDPAGE 2", bates(m.Pages - 1), "REDACTED: SSN"} {
		if !strings.Contains(out, want) {
			t.Errorf("the decrypted packet lacks %q", want)
		}
	}
	if strings.Contains(out, ssn) {
		t.Error("the decrypted packet holds the SSN")
	}
	if bytes.Contains(inflated(buf.Bytes()), []byte("Avery Quill")) {
		t.Error("the patient's name is readable in the encrypted bytes")
	}
	if !bytes.Contains(buf.Bytes(), []byte("/AESV3")) {
		t.Error("the packet is not encrypted with AES-256 (no /AESV3 filter)")
	}
}

func TestBuildErrors(t *testing.T) {
	good := items(t)
	bad := func(f func(it *packet.Item)) []packet.Item {
		its := items(t)
		f(&its[1])
		return its
	}
	tests := []struct {
		name  string
		items []packet.Item
		want  string
	}{
		{"corrupt PDF", bad(func(it *packet.Item) {
			*it = good[2]
			it.Data = append([]byte("%PDF-1.4\n"), bytes.Repeat([]byte("garbage "), 50)...)
		}), "not a readable"},
		{"truncated PDF", bad(func(it *packet.Item) { *it = good[2]; it.Data = it.Data[:len(it.Data)/2] }), "not a readable"},
		{"PDF with a redaction", bad(func(it *packet.Item) {
			*it = good[2]
			it.Redactions = []packet.Redaction{{X: 1, Y: 1, W: 10, H: 10, Reason: "third party"}}
		}), "cannot be redacted"},
		{"bad PNG", bad(func(it *packet.Item) { it.Data = []byte("\x89PNG\r\n\x1a\nnot really") }), "not a readable png"},
		{"truncated PNG", bad(func(it *packet.Item) { it.Data = it.Data[:len(it.Data)-20] }), "not a readable png"},
		{"PNG labelled JPEG", bad(func(it *packet.Item) { it.ContentType = packet.TypeJPEG }), "content type says image/jpeg"},
		{"image redaction outside", bad(func(it *packet.Item) { it.Redactions[0].X = 150 }), "not inside the 160×120 image"},
		{"image redaction empty", bad(func(it *packet.Item) { it.Redactions[0].W = 0 }), "not inside"},
		{"span past the end", bad(func(it *packet.Item) {
			*it = good[0]
			it.Redactions = []packet.Redaction{{Start: 5, End: len(it.Text) + 1}}
		}), "not inside the text"},
		{"span reversed", bad(func(it *packet.Item) {
			*it = good[0]
			it.Redactions = []packet.Redaction{{Start: 9, End: 3}}
		}), "not inside the text"},
		{"span negative", bad(func(it *packet.Item) {
			*it = good[0]
			it.Redactions = []packet.Redaction{{Start: -1, End: 3}}
		}), "not inside the text"},
		{"unknown content type", bad(func(it *packet.Item) { it.ContentType = "application/msword" }), `"application/msword"`},
		{"notice out of range", bad(func(it *packet.Item) { it.NoticeIndexes = []int{1} }), "notice index 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			m, err := packet.Build(&buf, spec(), tt.items)
			if err == nil {
				t.Fatalf("no error; manifest %+v", m)
			}
			msg := err.Error()
			title := fmt.Sprintf("item 1 (%q)", tt.items[1].Title)
			if !strings.Contains(msg, title) || !strings.Contains(msg, tt.want) {
				t.Errorf("error %q, want it to name %s and say %q", msg, title, tt.want)
			}
			if k := chartroom.ErrorKind(err); k != chartroom.KindInvalid {
				t.Errorf("kind %v, want invalid", k)
			}
			if buf.Len() != 0 {
				t.Errorf("%d bytes written on error", buf.Len())
			}
		})
	}
}

// TestBuildWritesNoConfig checks that Build leaves the user's home alone:
// pdfcpu's default configuration would create a directory there.
func TestBuildWritesNoConfig(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, ".config"))
	if _, err := packet.Build(io.Discard, spec(), items(t)); err != nil {
		t.Fatal(err)
	}
	if es, _ := os.ReadDir(home); len(es) != 0 {
		t.Errorf("Build wrote %v under HOME", es)
	}
}

func TestBuildEmpty(t *testing.T) {
	var buf bytes.Buffer
	m, err := packet.Build(&buf, packet.Spec{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if m.Pages != 2 || len(m.Items) != 0 {
		t.Errorf("manifest %+v, want a cover and an index", m)
	}
}

func FuzzBuildText(f *testing.F) {
	note, start, end := progressNote()
	f.Add("SSN 123-45-6789", 4, 15, 0, 0, "SSN")
	f.Add(note, start, end, start+2, end+40, "overlap")
	f.Add("é✓\x00\xff\r\n\t", 1, 2, 3, 12, "split runes")
	f.Add("", 0, 0, 0, 0, "")
	f.Add(strings.Repeat("W", 5000), 0, 4999, 10, 20, strings.Repeat("long reason ", 40))
	f.Fuzz(func(t *testing.T, text string, s1, e1, s2, e2 int, reason string) {
		it := packet.Item{Title: reason, ContentType: packet.TypeText, Text: text}
		if s1 != e1 {
			it.Redactions = append(it.Redactions, packet.Redaction{Start: s1, End: e1, Reason: reason})
		}
		if s2 != e2 {
			it.Redactions = append(it.Redactions, packet.Redaction{Start: s2, End: e2, Reason: reason})
		}
		m, err := packet.Build(io.Discard, packet.Spec{Watermark: reason, BatesPrefix: reason}, []packet.Item{it})
		if err != nil {
			if chartroom.ErrorKind(err) != chartroom.KindInvalid {
				t.Fatalf("error of kind %v: %v", chartroom.ErrorKind(err), err)
			}
			return
		}
		if m.Pages < 3 || m.Items[0].LastPage != m.Pages {
			t.Fatalf("manifest %+v", m)
		}
	})
}

func BenchmarkBuild(b *testing.B) {
	note, start, end := progressNote()
	img := pngSquare(b)
	var its []packet.Item
	for i := range 50 {
		it := packet.Item{Title: fmt.Sprintf("Document %d", i), DocType: "Note", Date: "2026-10-01"}
		if i%3 == 2 {
			it.ContentType, it.Data = packet.TypePNG, img
			it.Redactions = []packet.Redaction{{X: 40, Y: 30, W: 80, H: 60, Reason: "third party"}}
		} else {
			it.ContentType, it.Text = packet.TypeText, note[:len(note)/(1+i%4)]
			it.Redactions = []packet.Redaction{{Start: start, End: end, Reason: "SSN"}}
		}
		its = append(its, it)
	}
	var size int
	for b.Loop() {
		var buf bytes.Buffer
		if _, err := packet.Build(&buf, spec(), its); err != nil {
			b.Fatal(err)
		}
		size = buf.Len()
	}
	b.ReportMetric(float64(size), "bytes/packet")
}

// extractImage returns the one image on page, as pdfimages extracts it.
func extractImage(t *testing.T, file string, page int) image.Image {
	t.Helper()
	dir := t.TempDir()
	p := fmt.Sprint(page)
	if out, err := exec.Command("pdfimages", "-f", p, "-l", p, "-png", file, filepath.Join(dir, "img")).CombinedOutput(); err != nil {
		t.Fatalf("pdfimages: %v\n%s", err, out)
	}
	names, _ := filepath.Glob(filepath.Join(dir, "img-*.png"))
	if len(names) != 1 {
		t.Fatalf("pdfimages found %d images on page %d", len(names), page)
	}
	return decodePNG(t, names[0])
}

// colours renders page and counts its clearly red and clearly black pixels.
func colours(t *testing.T, file string, page int) (red, black int) {
	t.Helper()
	prefix := filepath.Join(t.TempDir(), "page")
	p := fmt.Sprint(page)
	if out, err := exec.Command("pdftoppm", "-f", p, "-l", p, "-r", "50", "-png", "-singlefile", file, prefix).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	img := decodePNG(t, prefix+".png")
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			r, g, bl = r>>8, g>>8, bl>>8
			switch {
			case r > 180 && g < 80 && bl < 80:
				red++
			case r < 40 && g < 40 && bl < 40:
				black++
			}
		}
	}
	return red, black
}

func decodePNG(t *testing.T, name string) image.Image {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// oneSpace collapses runs of white space, as pdftotext breaks lines where
// the PDF wraps them.
func oneSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

// TestBuildAdjacentPDFs puts two PDF items back to back, the second an
// earlier packet (already stamped and watermarked) behind a notice, and
// checks that every page still gets its own page and Bates numbers.
func TestBuildAdjacentPDFs(t *testing.T) {
	need(t, "pdftotext")
	old := spec()
	old.BatesPrefix = "OLD"
	var prev bytes.Buffer
	pm, err := packet.Build(&prev, old, items(t)[:2])
	if err != nil {
		t.Fatal(err)
	}
	its := []packet.Item{
		{Title: "Outside records", ContentType: packet.TypePDF, Data: embeddedPDF(t, 3)},
		{Title: "Earlier release", ContentType: packet.TypePDF, Data: prev.Bytes(), NoticeIndexes: []int{0}},
	}
	var buf bytes.Buffer
	m, err := packet.Build(&buf, spec(), its)
	if err != nil {
		t.Fatal(err)
	}
	if want := 2 + 3 + 1 + pm.Pages; m.Pages != want {
		t.Errorf("Pages = %d, want %d", m.Pages, want)
	}
	if m.Items[1].FirstPage != 6 || m.Items[1].LastPage != m.Pages {
		t.Errorf("the earlier release is on pages %d-%d", m.Items[1].FirstPage, m.Items[1].LastPage)
	}
	text := pages(t, save(t, buf.Bytes()))
	if len(text) != m.Pages {
		t.Fatalf("pdftotext counts %d pages, the manifest %d", len(text), m.Pages)
	}
	for p := 2; p <= m.Pages; p++ {
		if !strings.Contains(text[p-1], bates(p-1)) || !strings.Contains(text[p-1], fmt.Sprintf("Page %d of %d", p, m.Pages)) {
			t.Errorf("page %d lacks %s or its page number:\n%s", p, bates(p-1), text[p-1])
		}
	}
	if !strings.Contains(text[5], "NOTICE") || !strings.Contains(text[6], "Riverbend General Hospital") {
		t.Errorf("the notice does not come right before the earlier release's cover")
	}
}
