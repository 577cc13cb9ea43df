package hl7_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/chartroom/chartroom/hl7"
)

// addSeeds adds the package's own fixtures and, when present, the shared
// corpus (which stays outside the repository) to f's seed corpus.
func addSeeds(f *testing.F) {
	for _, pattern := range []string{"testdata/*.hl7", filepath.Join(corpusDir, "*", "*.hl7")} {
		files, _ := filepath.Glob(pattern)
		for _, name := range files {
			if b, err := os.ReadFile(name); err == nil && len(b) < 64<<10 {
				f.Add(b)
			}
		}
	}
	f.Add([]byte("MSH|^~\\&|A|B|C|D|1||ADT^A01|1|P|2.5\rPID|1||\\X4\\|x\\\r"))
	f.Add([]byte("MSH|^~|\rZZZ\n\r\n"))
}

// FuzzParse checks that no input makes the parser, validator, JSON encoder,
// path access, scanner or ACK builder panic.
func FuzzParse(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, raw []byte) {
		findings, _, err := hl7.ValidateAll(bytes.NewReader(raw))
		if err != nil {
			t.Fatalf("ValidateAll: %v", err)
		}
		for _, fd := range findings {
			_ = fd.Error()
		}
		_ = hl7.Acker{}.AckRaw(raw, hl7.AckReject)
		m, err := hl7.Parse(raw)
		if err != nil {
			return
		}
		ps := m.Validate()
		ack := hl7.Ack(m, hl7.AckError, ps...)
		am, err := hl7.Parse(ack)
		if err != nil {
			t.Fatalf("ACK does not parse: %v\n%q", err, ack)
		}
		if got, want := am.At(hl7.Path{Segment: "MSA", Field: 2}).Bytes(), m.At(hl7.Path{Segment: "MSH", Field: 10}).Bytes(); !bytes.Equal(got, want) {
			t.Fatalf("MSA-2 %q != MSH-10 %q", got, want)
		}
		if _, err := m.MarshalJSON(); err != nil {
			t.Fatalf("MarshalJSON: %v", err)
		}
		_ = m.Header()
		_ = m.PatientKey()
		for i := 0; i < m.NumSegments(); i++ {
			s := m.Segment(i)
			for fi := 0; fi <= s.NumFields()+1; fi++ {
				v := s.Field(fi)
				_ = v.String()
				for r := 0; r <= v.NumReps()+1; r++ {
					rep := v.Rep(r)
					for c := 0; c <= rep.NumComps()+1; c++ {
						_ = rep.Comp(c).Sub(2).String()
					}
				}
			}
		}
	})
}

// FuzzCursor checks that a Cursor reads every message exactly as
// Segment.Field and Value.Walk do.
func FuzzCursor(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, raw []byte) {
		if m, err := hl7.Parse(raw); err == nil {
			checkCursor(t, "input", m)
		}
	})
}

// FuzzRoundTrip checks that encoding is lossless: the leaves put back
// together give the encoded message, encoding is stable, and an input that
// is already in canonical form (CR after every segment) comes back as is.
func FuzzRoundTrip(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, raw []byte) {
		m, err := hl7.Parse(raw)
		if err != nil {
			return
		}
		enc := m.Encode()
		if got := rebuild(m); !bytes.Equal(got, enc) {
			t.Fatalf("rebuild from leaves %q != Encode %q", got, enc)
		}
		m2, err := hl7.Parse(enc)
		if err != nil {
			t.Fatalf("encoded message does not parse: %v", err)
		}
		if enc2 := m2.Encode(); !bytes.Equal(enc, enc2) {
			t.Fatalf("encoding not stable: %q then %q", enc, enc2)
		}
		canonical := bytes.HasSuffix(raw, []byte("\r")) && !bytes.Contains(raw, []byte("\n")) &&
			!bytes.Contains(raw, []byte("\r\r")) && bytes.HasPrefix(raw, []byte("MSH"))
		if canonical && !bytes.Equal(enc, raw) {
			t.Fatalf("canonical input changed: %q -> %q", raw, enc)
		}
	})
}
