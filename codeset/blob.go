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
	blobVersion = 1
)

// setBlob is the encoded form of a Set.
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
	b := setBlob{s.Releases, s.Tabular, s.Index, s.PCSTables, s.PCSVersion, s.PCSDefs, s.GEMs, s.MCE, s.MCEVersion, s.POAExempt}
	if err := gob.NewEncoder(fw).Encode(&b); err != nil {
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
	var b setBlob
	if err := gob.NewDecoder(flate.NewReader(bytes.NewReader(payload))).Decode(&b); err != nil {
		return int64(24 + size), fmt.Errorf("%w: decode: %v", ErrBadBlob, err)
	}
	*s = Set{Releases: b.Releases, Tabular: b.Tabular, Index: b.Index, PCSTables: b.PCSTables, PCSVersion: b.PCSVersion,
		PCSDefs: b.PCSDefs, GEMs: b.GEMs, MCE: b.MCE, MCEVersion: b.MCEVersion, POAExempt: b.POAExempt}
	s.settle()
	return int64(24 + size), nil
}
