package main

import (
	"bytes"
	"context"
	"errors"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chartroom/chartroom/hl7"
	"github.com/chartroom/chartroom/mllp"
)

// runHL7Test runs chartroom with args and returns stdout, stderr and the
// error run returned.
func runHL7Test(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	var out, errb bytes.Buffer
	env := &Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" }}
	err := run(context.Background(), env, args)
	return out.String(), errb.String(), err
}

func writeHL7(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

const (
	hl7Good = "MSH|^~\\&|NWH|WARD|CHARTROOM|HIM|20240301||ADT^A01^ADT_A01|G1|P|2.5.1\r" +
		"PID|1||MRN1^^^NWH^MR||Quill^Ada\r"
	hl7Batch = "BHS|^~\\&|NWH\nMSH|^~\\&|NWH|WARD|||20240301||ADT^A04|B1|P|2.3\nPID|1||MRN2^^^NWH^MR\n" +
		"MSH|^~\\&|NWH|WARD|||20240301||ADT^A08|B2|P|2.3\nPID|1||MRN3^^^NWH^MR\nBTS|2\n"
	hl7Bad = "MSH|^~\\&|NWH|WARD|||20240301||ADT^A01||P|9.9\rOBX|1|foo~bar\r"
)

func TestHL7ParseAndValidate(t *testing.T) {
	dir := t.TempDir()
	good := writeHL7(t, dir, "good.hl7", hl7Good)
	batch := writeHL7(t, dir, "batch.hl7", hl7Batch)
	bad := writeHL7(t, dir, "bad.hl7", hl7Bad)

	out, _, err := runHL7Test(t, "hl7", "parse", good)
	if err != nil || !strings.Contains(out, "PID-3.1          MRN1") || !strings.Contains(out, "ADT^A01 control ID \"G1\"") {
		t.Errorf("parse tree: %v\n%s", err, out)
	}
	out, _, err = runHL7Test(t, "hl7", "parse", "--format", "json", batch)
	if err != nil || strings.Count(out, "\n") != 2 || !strings.Contains(out, `"id":"PID","fields":["1","",["MRN3","","","NWH","MR"]]`) {
		t.Errorf("parse json: %v\n%s", err, out)
	}

	out, _, err = runHL7Test(t, "hl7", "validate", good, batch)
	if err != nil || !strings.Contains(out, "2 files, 3 messages: 0 errors, 0 warnings, 0 files invalid") {
		t.Errorf("validate good: %v\n%s", err, out)
	}
	out, _, err = runHL7Test(t, "hl7", "validate", good, bad)
	var ee exitError
	if !errors.As(err, &ee) || ee.code != 1 {
		t.Errorf("validate bad: err %v, want exit status 1", err)
	}
	for _, want := range []string{
		bad + ": message 1: line 1: segment 1 MSH-10: message control ID (MSH-10) is missing",
		bad + `: message 1: line 1: segment 1 MSH-12.1: unsupported version "9.9"`,
		bad + `: message 1: line 2: segment 2 OBX-2: value type (OBX-2) "foo~bar" must be a single code`,
		"2 files, 2 messages: 3 errors, 0 warnings, 1 files invalid",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("validate output lacks %q:\n%s", want, out)
		}
	}
	if _, _, err := runHL7Test(t, "hl7", "parse", "--format", "xml", good); !errors.Is(err, errUsage) {
		t.Errorf("bad --format: %v, want usage error", err)
	}
}

// ackServer acknowledges like an interface engine: AR when Validate finds
// an error, AA otherwise; a message whose MSH-10 is WRONG gets an ACK for
// another control ID.
func ackServer(t *testing.T) string {
	t.Helper()
	h := mllp.HandlerFunc(func(ctx context.Context, frame []byte, remote string) []byte {
		m, err := hl7.Parse(frame)
		if err != nil {
			return hl7.Acker{}.AckRaw(frame, hl7.AckReject)
		}
		if m.ControlID() == "WRONG" {
			other, _ := hl7.Parse(bytes.Replace(frame, []byte("|WRONG|"), []byte("|OTHER|"), 1))
			return hl7.Ack(other, hl7.AckAccept)
		}
		if ps := m.Validate(); hl7.HasErrors(ps) {
			return hl7.Ack(m, hl7.AckReject, ps...)
		}
		return hl7.Ack(m, hl7.AckAccept)
	})
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &mllp.Server{Handler: h}
	go s.Serve(l)
	t.Cleanup(func() { s.Close() })
	return l.Addr().String()
}

func TestHL7Send(t *testing.T) {
	addr := ackServer(t)
	dir := t.TempDir()
	good := writeHL7(t, dir, "good.hl7", hl7Good)
	batch := writeHL7(t, dir, "batch.hl7", hl7Batch)

	out, errOut, err := runHL7Test(t, "hl7", "send", "--addr", addr, "--concurrency", "2", good, batch)
	if err != nil || !strings.Contains(out, "3 messages sent") || !strings.Contains(out, "3 accepted, 0 with errors (AE/CE), 0 rejected (AR/CR), 0 failed") {
		t.Errorf("send good: %v\n%s\n%s", err, out, errOut)
	}

	bad := writeHL7(t, dir, "bad.hl7", strings.Replace(hl7Good, "|G1|", "|G2|", 1)+
		strings.Replace(hl7Good, "|G1|P|2.5.1", "|G3|P|9.9", 1)+strings.Replace(hl7Good, "|G1|", "|WRONG|", 1))
	out, errOut, err = runHL7Test(t, "hl7", "send", "--addr", addr, bad)
	var ee exitError
	if !errors.As(err, &ee) || ee.code != 1 {
		t.Errorf("send bad: err %v, want exit status 1", err)
	}
	if !strings.Contains(out, "3 messages sent") || !strings.Contains(out, "1 accepted, 0 with errors (AE/CE), 1 rejected (AR/CR), 1 failed") {
		t.Errorf("send bad totals:\n%s", out)
	}
	for _, want := range []string{
		`message 2 (MSH-10 "G3"): AR: unsupported version "9.9"`,
		`message 3 (MSH-10 "WRONG"): no valid ACK: ACK's MSA-2 "OTHER" does not match MSH-10 "WRONG"`,
	} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}

	// Nothing listening: every message fails, and the command says so.
	l, _ := net.Listen("tcp", "127.0.0.1:0")
	dead := l.Addr().String()
	l.Close()
	if _, _, err := runHL7Test(t, "hl7", "send", "--addr", dead, "--timeout", "1s", good); !errors.As(err, &ee) {
		t.Errorf("send to nothing: %v, want exit status 1", err)
	}
}
