package codeset

import (
	"bufio"
	"bytes"
	"compress/flate"
	"encoding/binary"
	"encoding/gob"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
)

// blobMagic starts every serialized Set; blobVersion is bumped whenever the
// encoded layout changes, and ReadFrom refuses versions it does not know.
const (
	blobMagic   = "CRCODES\x00"
	blobVersion = 2
)

// blobPart is one gob message of a blob. A Set is written as a sequence of
// parts of bounded size (one release, or a chunk of a long list) so that
// decoding never holds one huge message in memory.
type blobPart struct {
	Release    *Release
	Tabular    *Tabular
	IndexTerms []IndexTerm
	IndexVer   int
	PCSTables  []PCSTable
	PCSVersion int
	PCSDefs    []PCSDefinition
	GEMs       []GEM
	MCE        []MCEEdit
	MCEVersion int
	POAExempt  []string
	End        bool
}

const chunk = 20000

func encodeParts(enc *gob.Encoder, s *Set) error {
	put := func(p blobPart) error { return enc.Encode(&p) }
	for _, r := range s.Releases {
		if err := put(blobPart{Release: r}); err != nil {
			return err
		}
	}
	if s.Tabular != nil {
		if err := put(blobPart{Tabular: s.Tabular}); err != nil {
			return err
		}
	}
	if s.Index != nil {
		for i := 0; i < len(s.Index.Terms); i += chunk {
			if err := put(blobPart{IndexTerms: s.Index.Terms[i:min(i+chunk, len(s.Index.Terms))], IndexVer: s.Index.Version}); err != nil {
				return err
			}
		}
	}
	if len(s.PCSTables) > 0 {
		if err := put(blobPart{PCSTables: s.PCSTables, PCSVersion: s.PCSVersion}); err != nil {
			return err
		}
	}
	if len(s.PCSDefs) > 0 {
		if err := put(blobPart{PCSDefs: s.PCSDefs}); err != nil {
			return err
		}
	}
	for i := 0; i < len(s.GEMs); i += chunk {
		if err := put(blobPart{GEMs: s.GEMs[i:min(i+chunk, len(s.GEMs))]}); err != nil {
			return err
		}
	}
	if len(s.MCE) > 0 || len(s.POAExempt) > 0 {
		if err := put(blobPart{MCE: s.MCE, MCEVersion: s.MCEVersion, POAExempt: s.POAExempt}); err != nil {
			return err
		}
	}
	return put(blobPart{End: true})
}

func decodeParts(dec *gob.Decoder) (*setBlob, error) {
	b := &setBlob{}
	titles := map[string]string{}
	for {
		var p blobPart
		if err := dec.Decode(&p); err != nil {
			return nil, err
		}
		switch {
		case p.End:
			return b, nil
		case p.Release != nil:
			internTitles(titles, p.Release)
			b.Releases = append(b.Releases, p.Release)
		case p.Tabular != nil:
			b.Tabular = p.Tabular
		case p.IndexTerms != nil:
			if b.Index == nil {
				b.Index = &Index{Version: p.IndexVer}
			}
			b.Index.Terms = append(b.Index.Terms, p.IndexTerms...)
		case p.PCSTables != nil:
			b.PCSTables, b.PCSVersion = p.PCSTables, p.PCSVersion
		case p.PCSDefs != nil:
			b.PCSDefs = p.PCSDefs
		case p.GEMs != nil:
			b.GEMs = append(b.GEMs, p.GEMs...)
		default:
			b.MCE, b.MCEVersion, b.POAExempt = p.MCE, p.MCEVersion, p.POAExempt
		}
	}
}

// setBlob is the decoded content of a Set.
type setBlob struct {
	Releases   []*Release
	Tabular    *Tabular
	Index      *Index
	PCSTables  []PCSTable
	PCSVersion int
	PCSDefs    []PCSDefinition
	GEMs       []GEM
	MCE        []MCEEdit
	MCEVersion int
	POAExempt  []string
}

// WriteTo writes s as one compact blob: magic, format version, payload length
// and CRC-32 of the payload, then the deflated payload.
func (s *Set) WriteTo(w io.Writer) (int64, error) {
	var payload bytes.Buffer
	fw, _ := flate.NewWriter(&payload, flate.BestSpeed)
	if err := encodeParts(gob.NewEncoder(fw), s); err != nil {
		return 0, fmt.Errorf("encode code set: %w", err)
	}
	if err := fw.Close(); err != nil {
		return 0, err
	}
	var hdr [8 + 4 + 8 + 4]byte
	copy(hdr[:], blobMagic)
	binary.BigEndian.PutUint32(hdr[8:], blobVersion)
	binary.BigEndian.PutUint64(hdr[12:], uint64(payload.Len()))
	binary.BigEndian.PutUint32(hdr[20:], crc32.ChecksumIEEE(payload.Bytes()))
	n, err := w.Write(hdr[:])
	if err != nil {
		return int64(n), err
	}
	m, err := w.Write(payload.Bytes())
	return int64(n + m), err
}

// ErrBadBlob reports a serialized code set that is damaged or foreign.
var ErrBadBlob = errors.New("not a valid code set blob")

// ReadFrom replaces the content of s with a blob written by WriteTo. It
// checks the magic, the version and the checksum before decoding.
func (s *Set) ReadFrom(r io.Reader) (int64, error) {
	br := bufio.NewReader(r)
	var hdr [24]byte
	if _, err := io.ReadFull(br, hdr[:]); err != nil {
		return 0, fmt.Errorf("%w: header: %v", ErrBadBlob, err)
	}
	if string(hdr[:8]) != blobMagic {
		return 24, fmt.Errorf("%w: wrong magic", ErrBadBlob)
	}
	if v := binary.BigEndian.Uint32(hdr[8:]); v != blobVersion {
		return 24, fmt.Errorf("%w: format version %d, this program reads %d (re-import the release)", ErrBadBlob, v, blobVersion)
	}
	size := binary.BigEndian.Uint64(hdr[12:])
	if size > 1<<32 {
		return 24, fmt.Errorf("%w: payload size %d", ErrBadBlob, size)
	}
	payload := make([]byte, size)
	if _, err := io.ReadFull(br, payload); err != nil {
		return 24, fmt.Errorf("%w: payload cut short: %v", ErrBadBlob, err)
	}
	if crc32.ChecksumIEEE(payload) != binary.BigEndian.Uint32(hdr[20:]) {
		return int64(24 + size), fmt.Errorf("%w: checksum mismatch", ErrBadBlob)
	}
	b, err := decodeParts(gob.NewDecoder(flate.NewReader(bytes.NewReader(payload))))
	payload = nil
	if err != nil {
		return int64(24 + size), fmt.Errorf("%w: decode: %v", ErrBadBlob, err)
	}
	*s = Set{Releases: b.Releases, Tabular: b.Tabular, Index: b.Index, PCSTables: b.PCSTables, PCSVersion: b.PCSVersion,
		PCSDefs: b.PCSDefs, GEMs: b.GEMs, MCE: b.MCE, MCEVersion: b.MCEVersion, POAExempt: b.POAExempt}
	s.settle()
	return int64(24 + size), nil
}

// internTitles makes r share one copy of each title with the releases
// decoded before it, as releases built by Import do (a release rebuilt
// from addenda repeats its successor's titles); m holds their titles.
// Interning each release as it is decoded, not all of them at the end,
// lets its duplicate titles be collected before the next one arrives.
func internTitles(m map[string]string, r *Release) {
	in := func(p *string) {
		if v, ok := m[*p]; ok {
			*p = v
		} else {
			m[*p] = *p
		}
	}
	for i := range r.Entries {
		in(&r.Entries[i].Short)
		in(&r.Entries[i].Long)
	}
}
