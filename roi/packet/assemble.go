package packet

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"strings"
	"time"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// part is a run of consecutive packet pages: a document fpdf drew, or an
// embedded PDF item already parsed.
type part struct {
	fpdf  []byte         // pages drawn by fpdf, or nil
	ctx   *model.Context // an embedded PDF item
	item  *prepared      // the item ctx belongs to
	first int            // the packet page ctx starts on
}

// config returns the pdfcpu configuration Build uses. It is built here
// rather than by model.NewDefaultConfiguration, which would create a
// configuration directory, fonts and certificates under the user's home the
// first time it runs; Build touches no file.
func config() *model.Configuration {
	return &model.Configuration{
		CreationDate:              time.Now().Format("2006-01-02 15:04"),
		Version:                   model.VersionStr,
		Reader15:                  true,
		ValidationMode:            model.ValidationRelaxed,
		UnsupportedResourcePolicy: model.UnsupportedResourceSkip,
		Eol:                       types.EolLF,
		WriteObjectStream:         true,
		WriteXRefStream:           true,
		EncryptUsingAES:           true,
		EncryptKeyLength:          256,
		Permissions:               model.PermissionsPrint | model.PermissionExtract | model.PermissionExtractRev3,
		TimestampFormat:           "2006-01-02 15:04",
		DateFormat:                "2006-01-02",
		Optimize:                  true,
		OptimizeBeforeWriting:     true,
		OptimizeResourceDicts:     true,
		Offline:                   true,
		Timeout:                   5,
		Limits:                    model.DefaultResourceLimits(),
		Cmd:                       model.MERGECREATE,
	}
}

// recoverPDF turns a panic inside pdfcpu, which parses data Build does not
// control, into an error.
func recoverPDF(err *error) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("the PDF library failed: %v", r)
	}
}

// readPDF parses and validates one PDF. Encrypted documents are refused.
func readPDF(data []byte) (ctx *model.Context, err error) {
	defer recoverPDF(&err)
	ctx, err = api.ReadAndValidate(bytes.NewReader(data), config())
	if err != nil {
		return nil, err
	}
	if ctx.XRefTable.Version() == model.V20 {
		return nil, fmt.Errorf("PDF 2.0 documents are not supported; save it as PDF 1.7")
	}
	return ctx, nil
}

// assemble merges the parts in order, stamps the pages of embedded PDFs
// with their page and Bates numbers and the watermark (fpdf drew them on
// the rest), encrypts the whole when there is a password (as PDF 2.0,
// AES-256 revision 6), and returns the bytes.
func assemble(s *Spec, lay *layout, parts []part) (out []byte, err error) {
	defer recoverPDF(&err)
	var dest *model.Context
	for _, p := range parts {
		src := p.ctx
		if p.fpdf != nil {
			if src, err = readPDF(p.fpdf); err != nil {
				return nil, fmt.Errorf("read drawn pages: %w", err)
			}
		}
		if dest == nil {
			dest = src
			dest.EnsureVersionForWriting()
			continue
		}
		name := "pages"
		if p.item != nil {
			name = fmt.Sprintf("item %d", p.item.n)
		}
		if err := pdfcpu.MergeXRefTables(name, src, dest, false, false); err != nil {
			if p.item != nil {
				return nil, itemError(p.item.n, p.item.item, "merge the PDF: %v", err)
			}
			return nil, fmt.Errorf("merge drawn pages: %w", err)
		}
	}
	if err := api.OptimizeContext(dest); err != nil {
		return nil, err
	}
	if dest.PageCount != lay.total {
		return nil, fmt.Errorf("the merged packet has %d pages, the layout %d", dest.PageCount, lay.total)
	}
	if err := stamp(dest, s, lay, parts); err != nil {
		return nil, err
	}
	if s.Password != "" {
		owner := make([]byte, 32)
		rand.Read(owner)
		// pdfcpu picks the AES-256 security handler's revision by the PDF
		// version it writes: revision 5 for PDF 1.7, which hashes a
		// password with one SHA-256, and revision 6 for PDF 2.0, whose
		// Algorithm 2.B runs 64 rounds or more of AES and SHA-256/384/512
		// on each guess, so a leaked packet resists an offline search far
		// longer. Encrypted packets are therefore written as PDF 2.0;
		// packets without a password (the quality check's) stay PDF 1.7.
		v := model.V20
		dest.RootVersion = &v
		dest.Cmd = model.ENCRYPT
		dest.UserPW = s.Password
		dest.OwnerPW = hex.EncodeToString(owner)
		dest.EncryptUsingAES = true
		dest.EncryptKeyLength = 256
	}
	var buf bytes.Buffer
	if err := api.WriteContext(dest, &buf); err != nil {
		return nil, fmt.Errorf("write the packet: %w", err)
	}
	return buf.Bytes(), nil
}

// Stamp descriptions, in pdfcpu's watermark language, for the marks that
// doc.marks draws on the pages fpdf draws. Positions are in points; the
// white background keeps the numbers legible over a scan.
var (
	batesStamp = fmt.Sprintf("fontname:Helvetica, points:%g, position:br, offset:-%g %g, scalefactor:1 abs, rotation:0, fillcolor:#000000, backgroundcolor:#FFFFFF, margins:2", batesMarkSize, markInset, markRise)
	pageStamp  = fmt.Sprintf("fontname:Helvetica, points:%g, position:bl, offset:%g %g, scalefactor:1 abs, rotation:0, fillcolor:#000000, backgroundcolor:#FFFFFF, margins:2", pageMarkSize, markInset, markRise)
	watermark  = fmt.Sprintf("fontname:Helvetica-Bold, points:48, diagonal:1, scalefactor:%g rel, fillcolor:#%02X%02X%02X, opacity:%g", watermarkScale, watermarkGrey, watermarkGrey, watermarkGrey, watermarkAlpha)
)

// stamp marks the pages of the embedded PDF items, which fpdf did not
// draw, as doc.marks marks the others. pdfcpu wants one opacity per call,
// so the translucent watermark goes on first and the opaque page and Bates
// numbers after it.
func stamp(ctx *model.Context, s *Spec, lay *layout, parts []part) error {
	pages := types.IntSet{}
	m := map[int][]*model.Watermark{}
	for _, pt := range parts {
		if pt.ctx == nil {
			continue
		}
		for p := pt.first; p < pt.first+pt.item.pdfPages; p++ {
			pages[p] = true
		}
	}
	for p := range pages {
		b, err := api.TextWatermark(stampText(lay.bates(s, p)), batesStamp, true, false, types.POINTS)
		if err != nil {
			return fmt.Errorf("Bates stamp: %w", err)
		}
		n, err := api.TextWatermark(fmt.Sprintf("Page %d of %d", p, lay.total), pageStamp, true, false, types.POINTS)
		if err != nil {
			return fmt.Errorf("page stamp: %w", err)
		}
		m[p] = []*model.Watermark{b, n}
	}
	if len(pages) == 0 {
		return nil
	}
	if text := stampText(s.Watermark); text != "" {
		wm, err := api.TextWatermark(text, watermark, true, false, types.POINTS)
		if err != nil {
			return fmt.Errorf("watermark: %w", err)
		}
		if err := api.WatermarkContext(ctx, pages, wm); err != nil {
			return fmt.Errorf("watermark: %w", err)
		}
	}
	if err := pdfcpu.AddWatermarksSliceMap(ctx, m); err != nil {
		return fmt.Errorf("Bates stamps: %w", err)
	}
	return nil
}

// stampText makes s safe for a pdfcpu text stamp: one line, and no
// sequence pdfcpu would read as a placeholder (%p, %P, %t, %v) or as a line
// break (a backslash before n).
func stampText(s string) string {
	s = oneLine(s)
	s = strings.ReplaceAll(s, `\n`, `\ n`)
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '%' {
			b.WriteString("%%")
			if i+1 < len(s) && strings.IndexByte("pPtv%", s[i+1]) >= 0 {
				b.WriteByte(' ')
			}
			continue
		}
		b.WriteByte(s[i])
	}
	return strings.TrimSpace(b.String())
}
