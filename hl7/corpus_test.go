package hl7_test

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chartroom/chartroom/hl7"
)

// corpusDir is the shared third-party HL7 corpus, outside the repository.
const corpusDir = "../../shared/data/hl7v2"

func corpusFiles(t testing.TB, sub string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(corpusDir, sub, "*"))
	if err != nil || len(files) == 0 {
		t.Skipf("shared HL7 corpus not found at %s/%s: skipping", corpusDir, sub)
	}
	return files
}

// rebuild re-encodes a message from its leaves alone, to prove that the
// split into fields, repetitions, components and subcomponents loses nothing.
func rebuild(m *hl7.Message) []byte {
	d := m.Delimiters()
	var b []byte
	for i := 0; i < m.NumSegments(); i++ {
		s := m.Segment(i)
		b = append(b, s.ID()...)
		start := 1
		if s.ID() == "MSH" || s.ID() == "BHS" || s.ID() == "FHS" {
			b = append(b, s.Field(1).Bytes()...)
			b = append(b, s.Field(2).Bytes()...)
			start = 3
		}
		for f := start; f <= s.NumFields(); f++ {
			b = append(b, d.Field)
			s.Field(f).Walk(func(r, c, sc int, leaf hl7.Value) {
				switch {
				case r > 1 && c == 1 && sc == 1:
					b = append(b, d.Repetition)
				case c > 1 && sc == 1:
					b = append(b, d.Component)
				case sc > 1:
					b = append(b, d.Subcomponent)
				}
				b = append(b, leaf.Bytes()...)
			})
		}
		b = append(b, '\r')
	}
	return b
}

// knownInvalid are the third-party messages in messages/ that really are
// wrong, and what Validate must say about each.
var knownInvalid = map[string]string{
	// An LF inside OBR-4 of the original became a segment break.
	"cdcti_TX_001_TX_OML_O21.hl7": `segment 6 panel AHIC^LN: segment ID "panel AHIC^LN" is not three upper-case letters`,
	"hapi_example_oml_o21_11.hl7": "segment 1 MSH-10: message control ID (MSH-10) is missing",
	"hapi_example_oml_o21_12.hl7": "segment 1 MSH-10: message control ID (MSH-10) is missing",
}

func TestCorpusMessages(t *testing.T) {
	for _, f := range corpusFiles(t, "messages") {
		name := filepath.Base(f)
		t.Run(name, func(t *testing.T) {
			raw, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			m, err := hl7.Parse(raw)
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if got := m.Encode(); !bytes.Equal(got, raw) {
				t.Errorf("Encode differs from input (%d vs %d bytes)", len(got), len(raw))
			}
			if got := rebuild(m); !bytes.Equal(got, raw) {
				t.Errorf("rebuild from leaves differs from input")
			}
			var errs []string
			for _, p := range m.Validate() {
				if !p.Warning {
					errs = append(errs, p.Error())
				}
			}
			want, bad := knownInvalid[name]
			switch {
			case bad && (len(errs) != 1 || !strings.HasPrefix(errs[0], want)):
				t.Errorf("Validate = %q, want one error starting %q", errs, want)
			case !bad && len(errs) > 0:
				t.Errorf("Validate: %q", errs)
			}
			if _, err := m.MarshalJSON(); err != nil {
				t.Errorf("MarshalJSON: %v", err)
			}
		})
	}
}

// TestCorpusMalformed checks that each malformed file is rejected for the
// reason its manifest note gives.
func TestCorpusMalformed(t *testing.T) {
	want := map[string]string{
		"lfh_sample_unix.hl7":                    `line 1: segment 1 MSH-2: encoding characters "^~\\\\&": '\\' is used twice`,
		"lfh_sample_win.hl7":                     `line 1: segment 1 MSH-2: encoding characters "^~\\\\&": '\\' is used twice`,
		"mirth_test-hl7-repetitions-input.hl7":   `line 2: segment 2 OBX-2: value type (OBX-2) "foo~bar~baz" must be a single code`,
		"mirth_test-hl7-subcomponents-input.hl7": `line 2: segment 2 OBX-2: value type (OBX-2) "&&foo^bar&bar2&^baz" must be a single code`,
		"msfc_ADT01-23_with_BOM_and_LF.hl7":      "line 1: UTF-8 byte-order mark before the first segment",
		"pyhl7_sample_bad_batch.hl7":             "line 2: EVN: segment outside any message (expected MSH)",
		"pyhl7_sample_bad_batch1.hl7":            "line 4: BHS: batch header inside the batch opened by BHS at line 1",
		"pyhl7_sample_bad_file.hl7":              "line 3: EVN: segment outside any message (expected MSH)",
		"pyhl7_sample_bad_file1.hl7":             "line 5: BHS: batch header inside the batch opened by BHS at line 2",
		"pyhl7_sample_bad_file2.hl7":             "line 5: FHS: file header inside the file opened by FHS at line 1",
		"pyhl7_sample_bad_file3.hl7":             "line 2: EVN: segment outside any message (expected MSH)",
	}
	files := corpusFiles(t, "malformed")
	if len(files) != len(want) {
		t.Errorf("%d malformed files, the test knows %d", len(files), len(want))
	}
	for _, f := range files {
		name := filepath.Base(f)
		t.Run(name, func(t *testing.T) {
			r, err := os.Open(f)
			if err != nil {
				t.Fatal(err)
			}
			defer r.Close()
			findings, _, err := hl7.ValidateAll(r)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			found := false
			for _, fd := range findings {
				got = append(got, fd.Error())
				if !fd.Warning && strings.HasPrefix(fd.Error(), want[name]) {
					found = true
				}
			}
			if !found {
				t.Errorf("findings %q\ndo not include an error starting %q", got, want[name])
			}
		})
	}
}

// TestCorpusBatches splits every batch file and compares the number of
// messages with the manifest ("N-MSH" feature, else one).
func TestCorpusBatches(t *testing.T) {
	files := corpusFiles(t, "batch")
	mf, err := os.Open(filepath.Join(corpusDir, "manifest.csv"))
	if err != nil {
		t.Skipf("manifest: %v", err)
	}
	defer mf.Close()
	rows, err := csv.NewReader(mf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	wantN := map[string]int{}
	for _, row := range rows[1:] {
		if !strings.HasPrefix(row[0], "batch/") {
			continue
		}
		n := 1
		for _, feat := range strings.Split(row[15], "; ") {
			if k, ok := strings.CutSuffix(feat, "-MSH"); ok {
				n, _ = strconv.Atoi(k)
			}
		}
		wantN[filepath.Base(row[0])] = n
	}
	for _, f := range files {
		name := filepath.Base(f)
		t.Run(name, func(t *testing.T) {
			r, err := os.Open(f)
			if err != nil {
				t.Fatal(err)
			}
			defer r.Close()
			findings, n, err := hl7.ValidateAll(r)
			if err != nil {
				t.Fatal(err)
			}
			if n != wantN[name] {
				t.Errorf("%d messages, manifest says %d", n, wantN[name])
			}
			for _, fd := range findings {
				if !fd.Warning {
					t.Errorf("message %d: %v", fd.Message, fd.Problem)
				}
			}
		})
	}
}

// TestCorpusEscapeFixture decodes HAPI's escaped uuencoded text. The
// unescaped copy has LF line ends where the escaped one says \X0D\\X0A\.
func TestCorpusEscapeFixture(t *testing.T) {
	esc, err1 := os.ReadFile(filepath.Join(corpusDir, "escape_fixtures/hapi_uuencoded_escaped.txt"))
	want, err2 := os.ReadFile(filepath.Join(corpusDir, "escape_fixtures/hapi_uuencoded_unescaped.txt"))
	if err1 != nil || err2 != nil {
		t.Skipf("escape fixtures not found under %s", corpusDir)
	}
	raw := append([]byte("MSH|^~\\&|A|B|C|D|20240101||ORU^R01|1|P|2.5\rOBX|1|TX|X||"), esc...)
	raw = append(raw, '\r')
	m, err := hl7.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range m.Validate() {
		t.Errorf("Validate: %v", p)
	}
	got := m.Text("OBX-5")
	got = strings.ReplaceAll(got, "\r\n", "\n")
	if got != string(want) {
		t.Errorf("decoded text differs: got %d bytes, want %d", len(got), len(want))
	}
}

// TestCursorMatchesFields checks that a Cursor gives exactly the leaves,
// numbers and decoded text that Segment.Field and Value.Walk give.
func TestCursorMatchesFields(t *testing.T) {
	files := append(corpusFiles(t, "messages"), corpusFiles(t, "escape_fixtures")...)
	more, _ := filepath.Glob("testdata/*.hl7")
	for _, f := range append(files, more...) {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if m, err := hl7.Parse(raw); err == nil {
			checkCursor(t, f, m)
		}
	}
}

// checkCursor fails t if a Cursor over m does not give the leaves, numbers
// and decoded text that Segment.Field and Value.Walk give.
func checkCursor(t *testing.T, name string, m *hl7.Message) {
	t.Helper()
	type leaf struct {
		seg, field, rep, comp, sub int
		bytes, text                string
	}
	var want, got []leaf
	for i := 0; i < m.NumSegments(); i++ {
		s := m.Segment(i)
		for f := 1; f <= s.NumFields(); f++ {
			s.Field(f).Walk(func(r, c, sc int, v hl7.Value) {
				want = append(want, leaf{i, f, r, c, sc, string(v.Bytes()), v.String()})
			})
		}
	}
	var c hl7.Cursor
	c.Reset(m)
	for c.Next() {
		v := c.Value()
		text := string(c.AppendText(nil))
		got = append(got, leaf{c.Segment().Index(), c.Field, c.Rep, c.Comp, c.Sub, string(v.Bytes()), text})
		if v.String() != text {
			t.Errorf("%s: segment %d field %d: Value().String() %.80q, AppendText %.80q", name, c.Segment().Index(), c.Field, v.String(), text)
		}
	}
	if len(got) != len(want) {
		t.Errorf("%s: cursor gave %d leaves, fields %d", name, len(got), len(want))
		return
	}
	for i := range got {
		if got[i] != want[i] {
			t.Errorf("%s: leaf %d: cursor %.200v, fields %.200v", name, i, got[i], want[i])
			return
		}
	}
}
