// Package packet builds the release-of-information packet: the one PDF a
// facility sends when it discloses a patient's records under HIPAA. A packet
// is a cover letter, an index of the records enclosed, and the records
// themselves (text notes, scanned images, PDFs), every page after the cover
// Bates numbered, paginated and watermarked with whom it was released to.
// Redactions are burnt in before anything is drawn: redacted text never
// reaches the PDF, redacted pixels are blacked out in the image itself. The
// package is pure: it reads nothing but its arguments and writes only to the
// io.Writer it is given.
package packet

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"time"

	"github.com/chartroom/chartroom"
)

// Spec describes one release: who releases what about whom, to whom, and how
// the pages are marked.
type Spec struct {
	RequestID        string    // the release request, such as "ROI-2026-000123"
	Facility         string    // releasing facility name and address lines, one per line
	Requester        string    // recipient name
	RequesterAddress string    // recipient address lines, one per line
	PatientName      string    // the patient whose records are released
	MRN              string    // the patient's medical record number
	BirthDate        string    // the patient's date of birth, as it should be printed
	Purpose          string    // the purpose of the disclosure, as stated in the request
	Released         time.Time // when the packet is released
	ReleasedBy       string    // the HIM staff member who releases it
	BatesPrefix      string    // e.g. "CHR" gives CHR000001
	BatesStart       int       // first Bates number; 0 means 1
	Watermark        string    // drawn diagonally, light grey, on every page after the cover
	Notices          []string  // required notices, printed on the cover and on a banner page before each item that needs them (e.g. the 42 CFR Part 2 redisclosure notice)
	Password         string    // when set, the whole PDF is encrypted (AES-256, revision 6 of PDF 2.0) with this user password: at most MaxPasswordLen bytes of ASCII letters, digits and punctuation
}

// MaxPasswordLen is the longest Spec.Password Build accepts, in bytes.
// AES-256 would take 127, but poppler's and xpdf's command-line tools
// (pdftotext -upw, pdfinfo, pdftoppm) keep only the first 32 bytes of the
// password they are given, so a packet with a longer one does not open
// there even with the right password.
const MaxPasswordLen = 32

// Content types an Item may have.
const (
	TypeText = "text/plain"
	TypePDF  = "application/pdf"
	TypePNG  = "image/png"
	TypeJPEG = "image/jpeg"
)

// Item is one document in the release: a text note, a scanned image or a
// PDF.
type Item struct {
	Title, DocType string
	Date           string
	ContentType    string // TypeText, TypePDF, TypePNG or TypeJPEG
	Text           string // the document when ContentType is TypeText
	Data           []byte // the document when it is a PDF, PNG or JPEG
	Redactions     []Redaction
	NoticeIndexes  []int // indexes into Spec.Notices that must precede this item
}

// Redaction removes content from an item before release.
//
// For a text item it is the byte span [Start,End) of Text (widened to whole
// UTF-8 characters); the text is left out of the PDF and a black box labelled
// "REDACTED: Reason" stands in its place. For an image it is the rectangle of
// W×H pixels whose top-left corner is at (X,Y), blacked out in the pixels
// before the image is embedded. A PDF item cannot be redacted here, since a
// region of a vector page cannot be removed safely: the operator must image
// the page first and release it as PNG or JPEG.
type Redaction struct {
	Start, End int
	X, Y, W, H int
	Reason     string
}

// Manifest says what is in a packet, for the disclosure log.
type Manifest struct {
	Pages  int    // pages in the packet, cover included
	SHA256 string // hex SHA-256 of the bytes written
	Items  []ManifestItem
}

// ManifestItem says where one item is in the packet. Its pages include the
// notice banner pages that precede it.
type ManifestItem struct {
	Title                 string
	FirstPage, LastPage   int
	FirstBates, LastBates string
	Redactions            int
}

const op = "packet.build"

// checkPassword refuses a password that some reader could not take with
// the key pdfcpu derives from it: one longer than MaxPasswordLen, or one
// with a byte outside printable ASCII. pdfcpu hashes the bytes as given,
// while readers first prepare the password with SASLprep (ISO 32000-2,
// 7.6.4.3.3), which rewrites some non-ASCII text, and pdfcpu's own reader
// refuses spaces; printable ASCII is the same under every reader.
func checkPassword(pw string) error {
	if len(pw) > MaxPasswordLen {
		return chartroom.Invalid("password", "the password is %d bytes long: PDF readers such as pdftotext read at most %d", len(pw), MaxPasswordLen)
	}
	for i, r := range pw {
		if r <= ' ' || r > '~' {
			return chartroom.Invalid("password", "the password has %q at byte %d: use ASCII letters, digits and punctuation", r, i)
		}
	}
	return nil
}

// Build writes the packet for s and items to w and returns its manifest.
// The packet is built in memory first, so w receives nothing when the
// input is bad. Bad input (an unknown content type,
// corrupt data, a redaction outside its item, a redaction of a PDF) is an
// error of kind chartroom.KindInvalid that names the item by index and title.
func Build(w io.Writer, s Spec, items []Item) (*Manifest, error) {
	if w == nil {
		return nil, chartroom.E(op, fmt.Errorf("no writer"))
	}
	if s.BatesStart == 0 {
		s.BatesStart = 1
	}
	if s.BatesStart < 0 {
		return nil, chartroom.E(op, chartroom.Invalid("bates_start", "the first Bates number must be positive"))
	}
	if err := checkPassword(s.Password); err != nil {
		return nil, chartroom.E(op, err)
	}
	ps, err := prepare(s, items)
	if err != nil {
		return nil, chartroom.E(op, err)
	}
	lay, err := plan(&s, ps)
	if err != nil {
		return nil, chartroom.E(op, err)
	}
	parts, err := render(&s, ps, lay)
	if err != nil {
		return nil, chartroom.E(op, err)
	}
	out, err := assemble(&s, lay, parts)
	if err != nil {
		return nil, chartroom.E(op, err)
	}
	sum := sha256.Sum256(out)
	m := &Manifest{Pages: lay.total, SHA256: hex.EncodeToString(sum[:])}
	for i, p := range ps {
		pl := lay.items[i]
		m.Items = append(m.Items, ManifestItem{
			Title:      p.item.Title,
			FirstPage:  pl.first,
			LastPage:   pl.last,
			FirstBates: lay.bates(&s, pl.first),
			LastBates:  lay.bates(&s, pl.last),
			Redactions: len(p.item.Redactions),
		})
	}
	if _, err := io.Copy(w, bytes.NewReader(out)); err != nil {
		return nil, chartroom.E(op, fmt.Errorf("write packet: %w", err))
	}
	return m, nil
}
