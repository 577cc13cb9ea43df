package packet

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/go-pdf/fpdf"
)

// placement is where one item lies in the packet: its first and last page,
// counted from 1 at the cover.
type placement struct{ first, last int }

// layout is the packet's pagination, known before anything is drawn for
// good, since the cover and the index print page and Bates numbers.
type layout struct {
	cover, index int // pages of the cover letter and of the index
	items        []placement
	total        int
}

// bates is the Bates number of page, which must come after the cover.
func (l *layout) bates(s *Spec, page int) string {
	return fmt.Sprintf("%s%06d", s.BatesPrefix, s.BatesStart+page-l.cover-1)
}

// assign places the items, of counts[i] pages each, after the cover and
// the index.
func (l *layout) assign(counts []int) {
	l.items = l.items[:0]
	p := l.cover + l.index
	for _, n := range counts {
		l.items = append(l.items, placement{p + 1, p + n})
		p += n
	}
	l.total = p
}

// plan counts the pages of every item, then of the cover and the index,
// whose length may depend on the numbers they print: it draws them until
// their page counts settle.
func plan(s *Spec, ps []*prepared) (*layout, error) {
	d := newDoc(s, nil, 0)
	counts := make([]int, len(ps))
	for i, p := range ps {
		before := d.pdf.PageNo()
		d.item(p, len(ps))
		counts[i] = d.pdf.PageNo() - before + p.pdfPages
	}
	if err := d.pdf.Error(); err != nil {
		return nil, fmt.Errorf("draw items: %w", err)
	}
	lay := &layout{cover: 1, index: 1}
	for range 8 {
		lay.assign(counts)
		d := newDoc(s, lay, 0)
		d.cover(len(ps))
		cover := d.pdf.PageNo()
		d.index(ps)
		index := d.pdf.PageNo() - cover
		if err := d.pdf.Error(); err != nil {
			return nil, fmt.Errorf("draw cover and index: %w", err)
		}
		if cover == lay.cover && index == lay.index {
			return lay, nil
		}
		lay.cover, lay.index = cover, index
	}
	return nil, errors.New("the page layout did not settle")
}

// render draws the packet as parts to merge in order: runs of pages drawn
// by fpdf, page and Bates numbers and watermark included, and the embedded
// PDF items between them, which assemble stamps.
func render(s *Spec, ps []*prepared, lay *layout) ([]part, error) {
	var parts []part
	d := newDoc(s, lay, 0)
	done := 0 // pages in parts
	flush := func() error {
		if n := d.pdf.PageNo(); n > 0 {
			var buf bytes.Buffer
			if err := d.pdf.Output(&buf); err != nil {
				return fmt.Errorf("draw pages: %w", err)
			}
			done += n
			parts = append(parts, part{fpdf: buf.Bytes()})
		}
		return nil
	}
	d.cover(len(ps))
	d.index(ps)
	if n := d.pdf.PageNo(); n != lay.cover+lay.index {
		return nil, fmt.Errorf("cover and index took %d pages, %d planned", n, lay.cover+lay.index)
	}
	for i, p := range ps {
		d.item(p, len(ps))
		if p.kind == kindPDF {
			if err := flush(); err != nil {
				return nil, err
			}
			parts = append(parts, part{ctx: p.pdfCtx, item: p, first: done + 1})
			done += p.pdfPages
			d = newDoc(s, lay, done)
		}
		if n := done + d.pdf.PageNo(); n != lay.items[i].last {
			return nil, fmt.Errorf("item %d ends on page %d, %d planned", i, n, lay.items[i].last)
		}
	}
	if err := flush(); err != nil {
		return nil, err
	}
	return parts, nil
}

// Page geometry, in millimetres on US Letter. The bottom margin leaves room
// for the page and Bates numbers stamped later.
const (
	marginL = 20.0
	marginT = 20.0
	marginR = 20.0
	marginB = 25.0
)

// doc is one fpdf document being drawn. Without a layout it only
// measures: images and page marks are left out, which changes no page
// break.
type doc struct {
	pdf  *fpdf.Fpdf
	tr   func(string) string
	s    *Spec
	lay  *layout // nil when measuring
	base int     // packet pages before this document's first
}

// newDoc starts a document whose first page is packet page base+1. With a
// nil layout it measures.
func newDoc(s *Spec, lay *layout, base int) *doc {
	pdf := fpdf.New("P", "mm", "Letter", "")
	pdf.SetMargins(marginL, marginT, marginR)
	pdf.SetAutoPageBreak(true, marginB)
	if !s.Released.IsZero() {
		pdf.SetCreationDate(s.Released)
		pdf.SetModificationDate(s.Released)
	}
	pdf.SetCreator("Chartroom", true)
	pdf.SetTitle("Release of information "+oneLine(s.RequestID), true)
	d := &doc{pdf: pdf, tr: pdf.UnicodeTranslatorFromDescriptor(""), s: s, lay: lay, base: base}
	if lay != nil {
		pdf.SetFooterFunc(d.marks)
	}
	return d
}

// clean makes s printable in a core font: line breaks become \n, tabs four
// spaces, other control characters spaces.
func clean(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\n' || r == '\r':
			b.WriteByte('\n')
		case r == '\t':
			b.WriteString("    ")
		case r < 0x20 || r >= 0x7f && r < 0xa0:
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// oneLine is clean with line breaks as spaces, for fields and titles.
func oneLine(s string) string {
	return strings.TrimSpace(strings.ReplaceAll(clean(s), "\n", " "))
}

// latin encodes s in the Latin-1 (cp1252) encoding of the core fonts;
// characters outside it print as dots.
func (d *doc) latin(s string) string { return d.tr(clean(s)) }

func (d *doc) font(style string, size float64) { d.pdf.SetFont("Helvetica", style, size) }

// para prints s with wrapping, from the left margin, lines h apart.
func (d *doc) para(h float64, s string) {
	d.pdf.MultiCell(0, h, d.latin(strings.TrimRight(s, "\n")), "", "L", false)
}

// field prints a labelled value on the cover.
func (d *doc) field(label, value string) {
	d.font("B", 10)
	d.pdf.CellFormat(38, 5.5, d.latin(label), "", 0, "L", false, 0, "")
	d.font("", 10)
	d.pdf.MultiCell(0, 5.5, d.latin(oneLine(value)), "", "L", false)
}

// confidential is the statement every cover letter carries.
const confidential = "CONFIDENTIAL. This information has been disclosed to you from records " +
	"protected by federal and state law. It is confidential, and you may not redisclose it " +
	"except as permitted by law. If you received it in error, notify the sender and destroy it."

// cover draws the cover letter.
func (d *doc) cover(items int) {
	s, pdf, lay := d.s, d.pdf, d.lay
	pdf.AddPage()
	d.font("B", 13)
	d.para(6, strings.TrimSpace(s.Facility))
	pdf.Ln(6)
	d.font("", 10)
	if !s.Released.IsZero() {
		d.para(5, s.Released.Format("January 2, 2006"))
		pdf.Ln(4)
	}
	d.para(5, strings.TrimSpace(s.Requester+"\n"+strings.TrimSpace(s.RequesterAddress)))
	pdf.Ln(6)
	d.font("B", 11)
	d.para(6, "Release of health information")
	pdf.Ln(2)
	d.field("Patient", s.PatientName)
	d.field("MRN", s.MRN)
	d.field("Date of birth", s.BirthDate)
	d.field("Request", s.RequestID)
	d.field("Purpose", s.Purpose)
	d.field("Enclosed", fmt.Sprintf("%d records on %d pages after this letter, Bates %s to %s",
		items, lay.total-lay.cover, lay.bates(s, lay.cover+1), lay.bates(s, lay.total)))
	pdf.Ln(4)
	d.font("", 10)
	d.para(5, "Enclosed are the records listed in the index that follows, released in response to the request above. "+
		"Every page after this letter carries its page number and Bates number.")
	if len(s.Notices) > 0 {
		pdf.Ln(4)
		d.font("B", 11)
		d.para(6, "Notices")
		for _, n := range s.Notices {
			pdf.Ln(1)
			d.font("", 9)
			d.para(4.4, n)
		}
	}
	pdf.Ln(4)
	d.font("B", 10)
	d.para(5, confidential)
	pdf.Ln(6)
	d.field("Released by", s.ReleasedBy)
}

// indexCols are the index table's columns; their widths add up to the
// width between the margins.
var indexCols = []struct {
	head string
	w    float64
}{
	{"#", 8}, {"Title", 50}, {"Type", 26}, {"Date", 20}, {"Pages", 17}, {"Bates range", 37}, {"Redactions", 17.9},
}

// index draws the table of contents.
func (d *doc) index(ps []*prepared) {
	s, pdf, lay := d.s, d.pdf, d.lay
	pdf.AddPage()
	d.font("B", 13)
	d.para(6, "Index of records released")
	d.font("", 9)
	d.para(4.5, fmt.Sprintf("Request %s. Patient %s, MRN %s.", oneLine(s.RequestID), oneLine(s.PatientName), oneLine(s.MRN)))
	pdf.Ln(3)
	d.row(nil)
	for i, p := range ps {
		pl := lay.items[i]
		d.row([]string{
			strconv.Itoa(i + 1), p.item.Title, p.item.DocType, p.item.Date,
			fmt.Sprintf("%d - %d", pl.first, pl.last),
			lay.bates(s, pl.first) + " - " + lay.bates(s, pl.last),
			strconv.Itoa(len(p.item.Redactions)),
		})
	}
	if len(ps) == 0 {
		pdf.Ln(2)
		d.font("", 10)
		d.para(5, "No records are enclosed.")
	}
}

// row draws one row of the index, or its header when cells is nil, on a new
// page (header first) when it does not fit on this one.
func (d *doc) row(cells []string) {
	const (
		lh       = 4.2
		maxLines = 8
	)
	pdf := d.pdf
	head := cells == nil
	style := ""
	if head {
		style = "B"
		for _, c := range indexCols {
			cells = append(cells, c.head)
		}
	}
	d.font(style, 8)
	lines := make([][][]byte, len(cells))
	n := 1
	for i, c := range cells {
		ls := pdf.SplitLines([]byte(d.latin(oneLine(c))), indexCols[i].w)
		if len(ls) > maxLines {
			ls = append(ls[:maxLines-1:maxLines-1], append(bytes.Clone(ls[maxLines-1]), "..."...))
		}
		lines[i] = ls
		n = max(n, len(ls))
	}
	h := float64(n)*lh + 1
	_, pageH := pdf.GetPageSize()
	if pdf.GetY()+h > pageH-marginB {
		pdf.AddPage()
		if !head {
			d.row(nil)
			d.font(style, 8)
		}
	}
	x, y := marginL, pdf.GetY()
	pdf.SetFillColor(230, 230, 230)
	for i, ls := range lines {
		w := indexCols[i].w
		if head {
			pdf.Rect(x, y, w, h, "FD")
		} else {
			pdf.Rect(x, y, w, h, "D")
		}
		for k, l := range ls {
			pdf.SetXY(x, y+0.5+float64(k)*lh)
			pdf.CellFormat(w, lh, string(l), "", 0, "L", false, 0, "")
		}
		x += w
	}
	pdf.SetXY(marginL, y+h)
}

// item draws an item's notice banner, if it needs one, and the item itself
// unless it is an embedded PDF.
func (d *doc) item(p *prepared, count int) {
	if len(p.notices) > 0 {
		d.banner(p)
	}
	switch p.kind {
	case kindText:
		d.header(p, count)
		d.text(p)
	case kindImage:
		d.header(p, count)
		d.image(p)
	}
}

// banner draws the page of notices that must precede an item.
func (d *doc) banner(p *prepared) {
	pdf := d.pdf
	pdf.AddPage()
	d.font("B", 20)
	pdf.CellFormat(0, 12, "NOTICE", "", 1, "C", false, 0, "")
	pdf.Ln(4)
	d.font("", 11)
	what := "the notice below"
	if len(p.notices) > 1 {
		what = "the notices below"
	}
	d.para(5.5, fmt.Sprintf("The record that follows, item %d (%s), is released subject to %s.", p.n+1, oneLine(p.item.Title), what))
	for _, n := range p.notices {
		pdf.Ln(5)
		d.para(5.5, n)
	}
}

// header starts an item on a new page with its title, type and date.
func (d *doc) header(p *prepared, count int) {
	pdf := d.pdf
	pdf.AddPage()
	d.font("B", 13)
	d.para(6, oneLine(p.item.Title))
	meta := []string{fmt.Sprintf("Item %d of %d", p.n+1, count)}
	for _, m := range []string{oneLine(p.item.DocType), oneLine(p.item.Date)} {
		if m != "" {
			meta = append(meta, m)
		}
	}
	if n := len(p.item.Redactions); n > 0 {
		meta = append(meta, fmt.Sprintf("%d redactions", n))
	}
	d.font("", 9)
	d.para(4.5, strings.Join(meta, "  |  "))
	pageW, _ := pdf.GetPageSize()
	y := pdf.GetY() + 1
	pdf.Line(marginL, y, pageW-marginR, y)
	pdf.SetY(y + 3)
}

// text draws a text item in a fixed-width font, so that the layout of
// tabular notes survives, with a black labelled box for each redaction.
func (d *doc) text(p *prepared) {
	const lh = 4.2
	pdf := d.pdf
	pageW, _ := pdf.GetPageSize()
	right := pageW - marginR
	body := func() { pdf.SetFont("Courier", "", 9.5) }
	body()
	for _, r := range p.runs {
		if !r.redacted {
			pdf.Write(lh, d.latin(r.text))
			continue
		}
		label := "REDACTED"
		if r.text != "" {
			label += ": " + oneLine(r.text)
		}
		d.font("B", 8)
		label = d.fit(d.latin(label), right-marginL-4)
		w := pdf.GetStringWidth(label) + 4
		if pdf.GetX()+w > right {
			pdf.Ln(lh)
		}
		pdf.SetFillColor(0, 0, 0)
		pdf.SetTextColor(255, 255, 255)
		pdf.CellFormat(w, lh, label, "", 0, "C", true, 0, "")
		pdf.SetTextColor(0, 0, 0)
		body()
	}
}

// fit shortens s, already encoded, to at most width in the current font.
func (d *doc) fit(s string, width float64) string {
	const more = "..."
	if d.pdf.GetStringWidth(s) <= width {
		return s
	}
	width -= d.pdf.GetStringWidth(more)
	var w float64
	for i := range len(s) {
		w += d.pdf.GetStringWidth(s[i : i+1])
		if w > width {
			return s[:i] + more
		}
	}
	return s
}

// image draws an image item scaled to fit the rest of the page.
func (d *doc) image(p *prepared) {
	pdf := d.pdf
	pageW, pageH := pdf.GetPageSize()
	if pageH-marginB-pdf.GetY() < 40 {
		pdf.AddPage()
	}
	x, y := marginL, pdf.GetY()
	aw, ah := pageW-marginL-marginR, pageH-marginB-y
	scale := min(aw/float64(p.imgW), ah/float64(p.imgH))
	w, h := float64(p.imgW)*scale, float64(p.imgH)*scale
	if d.lay == nil {
		return
	}
	name := fmt.Sprintf("item%d", p.n)
	opt := fpdf.ImageOptions{ImageType: p.imgType}
	pdf.RegisterImageOptionsReader(name, opt, bytes.NewReader(p.img))
	pdf.ImageOptions(name, x+(aw-w)/2, y, w, h, false, opt, 0, "")
}

// Page marks, shared with the stamps assemble puts on embedded PDF pages:
// offsets from the bottom corners in points, and the watermark's look.
const (
	markInset      = 36.0 // from the left or right edge
	markRise       = 18.0 // from the bottom edge to the baseline
	pageMarkSize   = 9.0
	batesMarkSize  = 10.0
	watermarkScale = 0.85 // of the page width
	watermarkGrey  = 160
	watermarkAlpha = 0.35
)

// marks draws, as each page ends, the watermark and the page and Bates
// numbers on every page after the cover.
func (d *doc) marks() {
	page := d.base + d.pdf.PageNo()
	if page <= d.lay.cover {
		return
	}
	pdf := d.pdf
	w, h := pdf.GetPageSize()
	pt := 1 / pdf.GetConversionRatio() // one point in mm
	if text := d.latin(oneLine(d.s.Watermark)); text != "" {
		pdf.SetFont("Helvetica", "B", 48)
		size := min(48*watermarkScale*w/pdf.GetStringWidth(text), 120)
		pdf.SetFontSize(size)
		tw := pdf.GetStringWidth(text)
		pdf.SetAlpha(watermarkAlpha, "Normal")
		pdf.SetTextColor(watermarkGrey, watermarkGrey, watermarkGrey)
		pdf.TransformBegin()
		pdf.TransformRotate(math.Atan2(h, w)*180/math.Pi, w/2, h/2)
		pdf.Text(w/2-tw/2, h/2+size*pt/3, text)
		pdf.TransformEnd()
		pdf.SetAlpha(1, "Normal")
	}
	pdf.SetTextColor(0, 0, 0)
	d.font("", pageMarkSize)
	pdf.Text(markInset*pt, h-markRise*pt, fmt.Sprintf("Page %d of %d", page, d.lay.total))
	d.font("", batesMarkSize)
	b := d.latin(d.lay.bates(d.s, page))
	pdf.Text(w-markInset*pt-pdf.GetStringWidth(b), h-markRise*pt, b)
}
