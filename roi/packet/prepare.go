package packet

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	"image/png"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/chartroom/chartroom"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
)

// maxImagePixels bounds the pixels of one image item, so that a small
// compressed file cannot make Build allocate gigabytes.
const maxImagePixels = 40 << 20

type kind uint8

const (
	kindText kind = iota
	kindImage
	kindPDF
)

// prepared is one item made ready to draw: its redactions applied, its data
// checked.
type prepared struct {
	n       int // index in the items given to Build
	item    *Item
	kind    kind
	notices []string

	runs []run // kindText: the text left after redaction, and the boxes

	img      []byte // kindImage: the re-encoded image, redactions burnt in
	imgType  string // "png" or "jpg", as fpdf names them
	imgW     int
	imgH     int
	pdfCtx   *model.Context // kindPDF: the parsed document, merged by assemble
	pdfPages int
}

// run is a stretch of a text item: text to print, or a redaction box.
type run struct {
	text     string // the text to print, or the reason of the box
	redacted bool
}

// itemError is the error about items[n] that Build returns.
func itemError(n int, it *Item, format string, args ...any) error {
	return chartroom.Invalid(fmt.Sprintf("items[%d]", n), "item %d (%q): %s", n, it.Title, fmt.Sprintf(format, args...))
}

func prepare(s Spec, items []Item) ([]*prepared, error) {
	ps := make([]*prepared, len(items))
	for i := range items {
		it := &items[i]
		p := &prepared{n: i, item: it}
		for _, k := range it.NoticeIndexes {
			if k < 0 || k >= len(s.Notices) {
				return nil, itemError(i, it, "notice index %d is out of range: the release has %d notices", k, len(s.Notices))
			}
			p.notices = append(p.notices, s.Notices[k])
		}
		var err error
		switch it.ContentType {
		case TypeText:
			p.kind = kindText
			p.runs, err = redactText(it.Text, it.Redactions)
		case TypePNG, TypeJPEG:
			p.kind = kindImage
			err = p.prepareImage()
		case TypePDF:
			p.kind = kindPDF
			err = p.preparePDF()
		default:
			err = fmt.Errorf("content type %q is not one of %s, %s, %s, %s", it.ContentType, TypeText, TypePDF, TypePNG, TypeJPEG)
		}
		if err != nil {
			return nil, itemError(i, it, "%v", err)
		}
		ps[i] = p
	}
	return ps, nil
}

// redactText splits text into the runs to print, leaving out every redacted
// span. Spans are widened to whole UTF-8 characters, and overlapping or
// touching spans become one box whose label gives each reason once.
func redactText(text string, rs []Redaction) ([]run, error) {
	type span struct {
		start, end int
		reasons    []string
	}
	spans := make([]span, 0, len(rs))
	for k, r := range rs {
		if r.Start < 0 || r.End > len(text) || r.Start >= r.End {
			return nil, fmt.Errorf("redaction %d: span [%d,%d) is not inside the text of %d bytes", k, r.Start, r.End, len(text))
		}
		start, end := r.Start, r.End
		for start > 0 && !utf8.RuneStart(text[start]) {
			start--
		}
		for end < len(text) && !utf8.RuneStart(text[end]) {
			end++
		}
		spans = append(spans, span{start, end, []string{strings.TrimSpace(r.Reason)}})
	}
	slices.SortFunc(spans, func(a, b span) int { return a.start - b.start })
	var merged []span
	for _, sp := range spans {
		if n := len(merged); n > 0 && sp.start <= merged[n-1].end {
			last := &merged[n-1]
			last.end = max(last.end, sp.end)
			last.reasons = append(last.reasons, sp.reasons...)
			continue
		}
		merged = append(merged, sp)
	}
	var runs []run
	at := 0
	for _, sp := range merged {
		if sp.start > at {
			runs = append(runs, run{text: text[at:sp.start]})
		}
		var reasons []string
		for _, r := range sp.reasons {
			if r != "" && !slices.Contains(reasons, r) {
				reasons = append(reasons, r)
			}
		}
		runs = append(runs, run{text: strings.Join(reasons, "; "), redacted: true})
		at = sp.end
	}
	if at < len(text) {
		runs = append(runs, run{text: text[at:]})
	}
	return runs, nil
}

// prepareImage decodes the image, burns its redactions into the pixels and
// encodes it again. Encoding again also drops whatever metadata the file
// carried (EXIF, comments), and gives fpdf 8-bit, non-interlaced data it
// can embed.
func (p *prepared) prepareImage() error {
	it := p.item
	want := "png"
	if it.ContentType == TypeJPEG {
		want = "jpeg"
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(it.Data))
	if err != nil {
		return fmt.Errorf("the data is not a readable %s image: %w", want, err)
	}
	if format != want {
		return fmt.Errorf("the data is a %s image, but the content type says %s", format, it.ContentType)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width > maxImagePixels/cfg.Height {
		return fmt.Errorf("the image is %d×%d pixels: it must be non-empty and at most %d pixels", cfg.Width, cfg.Height, maxImagePixels)
	}
	src, _, err := image.Decode(bytes.NewReader(it.Data))
	if err != nil {
		return fmt.Errorf("the data is not a readable %s image: %w", want, err)
	}
	b := src.Bounds()
	// Flatten onto white: what hides under transparent pixels goes too.
	dst := image.NewNRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(dst, dst.Bounds(), image.NewUniform(color.White), image.Point{}, draw.Src)
	draw.Draw(dst, dst.Bounds(), src, b.Min, draw.Over)
	for k, r := range it.Redactions {
		if r.W <= 0 || r.H <= 0 || r.X < 0 || r.Y < 0 || r.X > b.Dx()-r.W || r.Y > b.Dy()-r.H {
			return fmt.Errorf("redaction %d: rectangle %d×%d at (%d,%d) is not inside the %d×%d image", k, r.W, r.H, r.X, r.Y, b.Dx(), b.Dy())
		}
		draw.Draw(dst, image.Rect(r.X, r.Y, r.X+r.W, r.Y+r.H), image.NewUniform(color.Black), image.Point{}, draw.Src)
	}
	var buf bytes.Buffer
	if want == "jpeg" {
		err = jpeg.Encode(&buf, dst, &jpeg.Options{Quality: 90})
		p.imgType = "jpg"
	} else {
		err = png.Encode(&buf, dst)
		p.imgType = "png"
	}
	if err != nil {
		return fmt.Errorf("encode the redacted image: %w", err)
	}
	p.img, p.imgW, p.imgH = buf.Bytes(), b.Dx(), b.Dy()
	return nil
}

// preparePDF parses an embedded PDF, refusing redactions and documents that
// are encrypted or cannot be read.
func (p *prepared) preparePDF() error {
	if n := len(p.item.Redactions); n > 0 {
		return fmt.Errorf("it has %d redactions, and a region of a vector PDF cannot be redacted safely here: image the pages (PNG or JPEG), redact the images and release those instead", n)
	}
	ctx, err := readPDF(p.item.Data)
	if err != nil {
		return fmt.Errorf("the data is not a readable, unencrypted PDF: %w", err)
	}
	if ctx.PageCount < 1 {
		return fmt.Errorf("the PDF has no pages")
	}
	p.pdfCtx, p.pdfPages = ctx, ctx.PageCount
	return nil
}
