package hl7_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/chartroom/chartroom/hl7"
)

func mustRead(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func mustParse(t testing.TB, raw []byte) *hl7.Message {
	t.Helper()
	m, err := hl7.Parse(raw)
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return m
}

func TestPaths(t *testing.T) {
	m := mustParse(t, mustRead(t, "adt_a01.hl7"))
	tests := []struct {
		path, want    string
		present, null bool
	}{
		{"MSH-1", "|", true, false},
		{"MSH-2", `^~\&`, true, false},
		{"MSH-9", "ADT^A01^ADT_A01", true, false},
		{"MSH-9.2", "A01", true, false},
		{"MSH-10", "MSG0001", true, false},
		{"PID-3", "MRN1001^^^NWH^MR~999-00-1234^^^SSA^SS", true, false},
		{"PID-3[2].1", "999-00-1234", true, false},
		{"PID-3[2].4", "SSA", true, false},
		{"PID-3[3].1", "", false, false},
		{"PID-5.3", "B&C", true, false},
		{"PID-11.2", "Apt 4^B", true, false},
		{"PID-13", `""`, true, true},
		{"PID-14", "", false, false},
		{"PID-2", "", true, false},
		{"ZCR-2", `custom|value\x`, true, false},
		{"OBX[1]-5", "Line one\nLine two A", true, false},
		{"OBX[2]-5", "5.4", true, false},
		{"OBX[2]-6", "mmol/L", true, false},
		{"OBX[3]-5", "", false, false},
		{"PV1-3.2", "401", true, false},
		{"PV1-3.2.1", "401", true, false},
		{"PV1-3.2.2", "", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			v, err := m.Get(tt.path)
			if err != nil {
				t.Fatal(err)
			}
			got := v.String()
			if tt.null {
				got = string(v.Bytes())
			}
			if got != tt.want || v.Present() != tt.present || v.IsNull() != tt.null {
				t.Errorf("got %q present=%v null=%v, want %q present=%v null=%v",
					got, v.Present(), v.IsNull(), tt.want, tt.present, tt.null)
			}
		})
	}
}

func TestParsePath(t *testing.T) {
	good := map[string]hl7.Path{
		"PID-3[2].1": {Segment: "PID", Field: 3, Rep: 2, Comp: 1},
		"OBX[3]-5":   {Segment: "OBX", SegmentN: 3, Field: 5},
		"MSH-9.2":    {Segment: "MSH", Field: 9, Comp: 2},
		"ZX1-4.2.3":  {Segment: "ZX1", Field: 4, Comp: 2, Sub: 3},
		"PV1":        {Segment: "PV1"},
	}
	for s, want := range good {
		got, err := hl7.ParsePath(s)
		if err != nil {
			t.Errorf("ParsePath(%q): %v", s, err)
			continue
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("ParsePath(%q) (-want +got):\n%s", s, diff)
		}
		if again, _ := hl7.ParsePath(got.String()); again != got {
			t.Errorf("String round trip of %q gave %q", s, got.String())
		}
	}
	for _, s := range []string{"", "PI", "pid-3", "PID-", "PID-0", "PID-3[", "PID-3[x]", "PID-3.", "PID-3x", "PID3"} {
		if _, err := hl7.ParsePath(s); err == nil {
			t.Errorf("ParsePath(%q) succeeded, want an error", s)
		}
	}
}

func TestOddDelimitersAndCRLF(t *testing.T) {
	raw := mustRead(t, "odd_delims.hl7")
	m := mustParse(t, raw)
	d := m.Delimiters()
	if want := (hl7.Delimiters{Field: '#', Component: '*', Repetition: '@', Escape: '!', Subcomponent: '%'}); d != want {
		t.Fatalf("delimiters %+v, want %+v", d, want)
	}
	if got := m.NumSegments(); got != 3 {
		t.Fatalf("%d segments, want 3", got)
	}
	for path, want := range map[string]string{
		"MSH-4": "WARD 3", "MSH-9.2": "R01", "PID-3.3": "M10", "OBX-5.1": "12#3",
		"OBX-5[1].2.2": "sub", "OBX-5[2]": "x",
	} {
		if got := m.Text(path); got != want {
			t.Errorf("%s = %q, want %q", path, got, want)
		}
	}
	if ps := m.Validate(); len(ps) > 0 {
		t.Errorf("Validate: %v", ps)
	}
	// CRLF becomes CR on encoding; nothing else changes.
	if got, want := m.Encode(), bytes.ReplaceAll(raw, []byte("\r\n"), []byte("\r")); !bytes.Equal(got, want) {
		t.Errorf("Encode = %q, want %q", got, want)
	}
}

func TestDecodeEscapes(t *testing.T) {
	tests := []struct{ in, want string }{
		{`a\F\b\S\c\T\d\R\e\E\f`, `a|b^c&d~e\f`},
		{`\X41\\X4243\`, "ABC"},
		{`one\.br\two\.sp2\three`, "one\ntwo\n\nthree"},
		{`\H\bold\N\ \.in+4\x\.sk3\y`, "bold x   y"},
		{`\.ce\centred\.fi\\.nf\`, "\ncentred"},
		{`bad \Q\ kept`, `bad \Q\ kept`},
		{`odd \X4\ kept`, `odd \X4\ kept`},
		{`open \F`, `open \F`},
		{`\C2842\switch`, "switch"},
		{`\Zlocal\`, `\Zlocal\`},
	}
	for _, tt := range tests {
		raw := "MSH|^~\\&|A|B|C|D|1||ADT^A01|1|P|2.5\rNTE|1||" + tt.in + "\r"
		m := mustParse(t, []byte(raw))
		if got := m.Text("NTE-3"); got != tt.want {
			t.Errorf("decode %q = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestEscapeRoundTrip(t *testing.T) {
	d := hl7.DefaultDelimiters()
	text := "a|b^c&d~e\\f\r\nend"
	enc := hl7.Escape(nil, text, d)
	raw := "MSH|^~\\&|A|B|C|D|1||ADT^A01|1|P|2.5\rNTE|1||" + string(enc) + "\r"
	m := mustParse(t, []byte(raw))
	if got := m.Text("NTE-3"); got != text {
		t.Errorf("Escape then decode = %q, want %q", got, text)
	}
	if ps := m.Validate(); len(ps) > 0 {
		t.Errorf("Validate of escaped text: %v", ps)
	}
}

func TestCharsets(t *testing.T) {
	latin := []byte("MSH|^~\\&|A|B|C|D|1||ADT^A01|1|P|2.5||||||8859/1\rPID|1||X||M\xfcller^J\xf6rg\r")
	m := mustParse(t, latin)
	if got := m.Text("PID-5.1"); got != "Müller" {
		t.Errorf("8859/1 PID-5.1 = %q, want Müller", got)
	}
	if ps := m.Validate(); len(ps) > 0 {
		t.Errorf("Validate 8859/1: %v", ps)
	}
	bad := []byte("MSH|^~\\&|A|B|C|D|1||ADT^A01|1|P|2.5||||||UNICODE UTF-8\rPID|1||X||Ok^Bad\xfcName\r")
	ps := mustParse(t, bad).Validate()
	want := "segment 2 PID-5[1].2.1: invalid UTF-8 (byte 0xFC at offset 6 of the field) under MSH-18 UNICODE UTF-8"
	if len(ps) != 1 || ps[0].Error() != want {
		t.Errorf("Validate bad UTF-8 = %v, want %q", ps, want)
	}
	ascii := []byte("MSH|^~\\&|A|B|C|D|1||ADT^A01|1|P|2.5||||||ASCII\rPID|1||X||Caf\xc3\xa9\r")
	if ps := mustParse(t, ascii).Validate(); len(ps) != 1 || !strings.Contains(ps[0].Error(), "PID-5[1].1.1: byte 0xC3 is not 7-bit ASCII") {
		t.Errorf("Validate non-ASCII under ASCII = %v", ps)
	}
	unknown := []byte("MSH|^~\\&|A|B|C|D|1||ADT^A01|1|P|2.5||||||ISO IR87\r")
	if ps := mustParse(t, unknown).Validate(); len(ps) != 1 || !strings.Contains(ps[0].Error(), "MSH-18: unsupported character set") {
		t.Errorf("Validate unknown charset = %v", ps)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", `segment 1 : no MSH segment: message starts with ""`},
		{"PID|1\r", `segment 1 PID: no MSH segment: message starts with "PID"`},
		{"MSH", `segment 1 MSH-1: segment too short to hold the field separator`},
		{"MSHA^~\\&", `segment 1 MSH-1: field separator 'A' is not a usable delimiter`},
		{"MSH|^|", `segment 1 MSH-2: encoding characters "^": at least the component and repetition separators are required`},
		{"MSH|^~\\&#$|", `segment 1 MSH-2: encoding characters "^~\\&#$": more than 5 characters`},
		{"MSH|^^\\&|", `segment 1 MSH-2: encoding characters "^^\\&": '^' is used twice (each delimiter must be distinct)`},
		{"MSH|^~a&|", `segment 1 MSH-2: encoding characters "^~a&": character 3 'a' is not a usable delimiter`},
	}
	for _, tt := range tests {
		_, err := hl7.Parse([]byte(tt.in))
		var p hl7.Problem
		if !errors.As(err, &p) {
			t.Errorf("Parse(%q) error %v, want a Problem", tt.in, err)
			continue
		}
		if !strings.HasPrefix(p.Error(), tt.want) {
			t.Errorf("Parse(%q) = %q, want prefix %q", tt.in, p.Error(), tt.want)
		}
	}
}

func TestValidateHeader(t *testing.T) {
	tests := []struct{ in, want string }{
		{"MSH|^~\\&|A|B|C|D|1|||1|P|2.5\r", "segment 1 MSH-9: message type (MSH-9) is missing"},
		{"MSH|^~\\&|A|B|C|D|1||ADT^A01||P|2.5\r", "segment 1 MSH-10: message control ID (MSH-10) is missing"},
		{"MSH|^~\\&|A|B|C|D|1||ADT^A01|1|P\r", "segment 1 MSH-12: version ID (MSH-12) is missing"},
		{"MSH|^~\\&|A|B|C|D|1||ADT^A01|1|P|3.0\r", `segment 1 MSH-12.1: unsupported version "3.0"`},
		{"MSH|^~\\&|A|B|C|D|1||ADT^A01|1|P|2.5\rpid|1\r", `segment 2 pid: segment ID "pid" is not three upper-case`},
		{"MSH|^~\\&|A|B|C|D|1||ADT^A01|1|P|2.5\rMSH|^~\\&|A\r", "segment 2 MSH: a second MSH starts another message"},
		{"MSH|^~\\&|A|B|C|D|1||ADT^A01|1|P|2.5\rNTE|1||bad \\Q\\ here\r", `segment 2 NTE-3[1].1.1: unknown escape sequence \Q\`},
		{"MSH|^~\\&|A|B|C|D|1||ADT^A01|1|P|2.5\rOBX|1|XX\r", `warning: segment 2 OBX-2: value type (OBX-2) "XX" is not in HL7 table 0125`},
	}
	for _, tt := range tests {
		ps := mustParse(t, []byte(tt.in)).Validate()
		if len(ps) != 1 || !strings.HasPrefix(ps[0].Error(), tt.want) {
			t.Errorf("Validate(%q) = %v, want one problem starting %q", tt.in, ps, tt.want)
		}
	}
}

func TestScannerBatch(t *testing.T) {
	sc := hl7.NewScanner(bytes.NewReader(mustRead(t, "batch.hl7")))
	var ids []string
	for sc.Scan() {
		m, err := sc.Message()
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, m.ControlID()+"@"+m.PatientKey())
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"B1@NWH/MR/MRN2002", "B2@NWH/MR/MRN2003"}, ids); diff != "" {
		t.Errorf("messages (-want +got):\n%s", diff)
	}
	if ps := sc.Problems(); len(ps) > 0 {
		t.Errorf("problems: %v", ps)
	}
}

func TestScannerEnvelopeProblems(t *testing.T) {
	in := "BHS|^~\\&\rMSH|^~\\&|A|B|C|D|1||ADT^A01|1|P|2.5\rBTS|3\rEVN|A01\rMSH|^~\\&|A|B|C|D|1||ADT^A01|2|P|2.5\r"
	findings, n, err := hl7.ValidateAll(strings.NewReader(in))
	if err != nil || n != 2 {
		t.Fatalf("n=%d err=%v", n, err)
	}
	var got []string
	for _, f := range findings {
		got = append(got, f.Error())
	}
	want := []string{
		"line 3: BTS: BTS-1 counts 3 messages but the batch opened at line 1 holds 1",
		"line 4: EVN: segment outside any message (expected MSH)",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
}

func TestHeaderAndPatient(t *testing.T) {
	raw := mustRead(t, "adt_a01.hl7")
	m := mustParse(t, raw)
	h := m.Header()
	want := hl7.Header{
		SendingApplication: "CHARTROOM", SendingFacility: "NORTHWIND", ReceivingApplication: "LAB",
		ReceivingFacility: "NORTHWIND", Time: "20240301120000", MessageCode: "ADT", TriggerEvent: "A01",
		MessageStructure: "ADT_A01", ControlID: "MSG0001", ProcessingID: "P", Version: "2.5.1",
		AcceptAckType: "AL", AppAckType: "NE", Charset: "UNICODE UTF-8",
	}
	if diff := cmp.Diff(want, h); diff != "" {
		t.Errorf("Header (-want +got):\n%s", diff)
	}
	if h2, err := hl7.ReadHeader(raw); err != nil || h2 != h {
		t.Errorf("ReadHeader = %+v, %v", h2, err)
	}
	if got := m.PatientKey(); got != "NWH/MR/MRN1001" {
		t.Errorf("PatientKey = %q", got)
	}
	if got := len(m.PatientIDs()); got != 2 {
		t.Errorf("%d patient IDs, want 2", got)
	}
	if got := m.MessageType(); got != "ADT^A01" {
		t.Errorf("MessageType = %q", got)
	}
}

func TestAck(t *testing.T) {
	now := func() time.Time { return time.Date(2024, 3, 1, 12, 0, 5, 0, time.UTC) }
	a := hl7.Acker{Now: now}
	base := "MSH|^~\\&|LAB|NWH|CHARTROOM|HIM|20240301||ORU^R01^ORU_R01|C\\F\\42|P|%s%s\rPID|1\rOBX|1|ST\rOBX|2|XX\r"
	tests := []struct {
		name, version, ackmode string
		code                   hl7.AckCode
		probs                  bool
		want                   string
	}{
		{"original accept", "2.5.1", "", hl7.AckAccept, false,
			"MSH|^~\\&|CHARTROOM|HIM|LAB|NWH|20240301120005+0000||ACK^R01^ACK|AC\\F\\42|P|2.5.1\rMSA|AA|C\\F\\42\r"},
		{"enhanced reject with ERR-2", "2.5.1", "|||AL|NE", hl7.AckReject, true,
			"MSH|^~\\&|CHARTROOM|HIM|LAB|NWH|20240301120005+0000||ACK^R01^ACK|AC\\F\\42|P|2.5.1\rMSA|CR|C\\F\\42\r" +
				"ERR||OBX^2^2|103^Table value not found^HL70357|W||||value type (OBX-2) \"XX\" is not in HL7 table 0125\r"},
		{"old version error with ERR-1", "2.3", "", hl7.AckError, true,
			"MSH|^~\\&|CHARTROOM|HIM|LAB|NWH|20240301120005+0000||ACK^R01|AC\\F\\42|P|2.3\rMSA|AE|C\\F\\42|value type (OBX-2) \"XX\" is not in HL7 table 0125\r" +
				"ERR|OBX^2^2^103&Table value not found&HL70357\r"},
		{"2.2 has no trigger in ACK MSH-9", "2.2", "", hl7.AckAccept, false,
			"MSH|^~\\&|CHARTROOM|HIM|LAB|NWH|20240301120005+0000||ACK|AC\\F\\42|P|2.2\rMSA|AA|C\\F\\42\r"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			raw := []byte(strings.Replace(strings.Replace(base, "%s", tt.version, 1), "%s", tt.ackmode, 1))
			m := mustParse(t, raw)
			var probs []hl7.Problem
			if tt.probs {
				probs = m.Validate()
			}
			got := string(a.Ack(m, tt.code, probs...))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Ack (-want +got):\n%s", diff)
			}
			ack := mustParse(t, []byte(got))
			if string(ack.At(hl7.Path{Segment: "MSA", Field: 2}).Bytes()) != string(m.At(hl7.Path{Segment: "MSH", Field: 10}).Bytes()) {
				t.Errorf("MSA-2 does not equal MSH-10")
			}
		})
	}
}

func TestAckRaw(t *testing.T) {
	a := hl7.Acker{}
	tests := []struct{ in, want string }{
		{"MSH|^~\\\\&|APP|FAC|||1||ADT^A01|X77|P|2.6\rPID|1\r",
			"MSH|^~\\&|||APP|FAC|||ACK^A01^ACK|AX77|P|2.6\rMSA|AR|X77\rERR||MSH^1^2|102^Data type error^HL70357|E||||bad\r"},
		{"EVN|A01\r",
			"MSH|^~\\&|||||||ACK|A|P|2.5.1\rMSA|AR|\rERR||EVN^1|100^Segment sequence error^HL70357|E||||no MSH\r"},
	}
	for _, tt := range tests {
		_, err := hl7.Parse([]byte(tt.in))
		var p hl7.Problem
		if !errors.As(err, &p) {
			t.Fatalf("Parse(%q) = %v, want a Problem", tt.in, err)
		}
		p.Msg = map[bool]string{true: "no MSH", false: "bad"}[strings.HasPrefix(tt.in, "EVN")]
		got := string(a.AckRaw([]byte(tt.in), hl7.AckReject, p))
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("AckRaw(%q) (-want +got):\n%s", tt.in, diff)
		}
	}
}

func TestJSON(t *testing.T) {
	m := mustParse(t, mustRead(t, "adt_a01.hl7"))
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Delimiters string
		Segments   []struct {
			ID     string
			Fields []any
		}
	}
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	pid := got.Segments[2]
	want := []any{
		"1", "",
		map[string]any{"repetitions": []any{
			[]any{"MRN1001", "", "", "NWH", "MR"},
			[]any{"999-00-1234", "", "", "SSA", "SS"},
		}},
		"", []any{"Quill", "Ada", "B&C"}, "", "19700101", "F", "", "",
		[]any{"12 Harbour Rd", "Apt 4^B", "Portside", "ME", "04101"}, "", nil,
	}
	if got.Delimiters != `|^~\&` || pid.ID != "PID" {
		t.Errorf("delimiters %q, segment %q", got.Delimiters, pid.ID)
	}
	if diff := cmp.Diff(want, pid.Fields); diff != "" {
		t.Errorf("PID JSON (-want +got):\n%s", diff)
	}
}

func TestParserReuseDoesNotAllocate(t *testing.T) {
	raw := mustRead(t, "adt_a01.hl7")
	var p hl7.Parser
	buf := make([]byte, 0, 256)
	allocs := testing.AllocsPerRun(100, func() {
		m, err := p.Parse(raw)
		if err != nil {
			t.Fatal(err)
		}
		for i := 0; i < m.NumSegments(); i++ {
			s := m.Segment(i)
			for f := 1; f <= s.NumFields(); f++ {
				s.Field(f).Walk(func(r, c, sc int, leaf hl7.Value) { buf = leaf.AppendText(buf[:0]) })
			}
		}
	})
	if allocs != 0 {
		t.Errorf("%v allocations per reused parse, want 0", allocs)
	}
	if a := testing.AllocsPerRun(100, func() { _, _ = hl7.Parse(raw) }); a > 2 {
		t.Errorf("%v allocations per Parse, want ≤ 2", a)
	}
}
