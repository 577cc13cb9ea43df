package audit_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"net"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chartroom/chartroom/audit"
)

func TestFHIRAuditEventBALP(t *testing.T) {
	e := &audit.Entry{Seq: 7, At: time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC), UserID: 3, Username: "jdoe", Role: "coder", Action: audit.Read,
		ObjectType: "document", ObjectID: "42", PatientID: 9, IP: "10.1.2.3", Purpose: "TREAT", Outcome: audit.Success, Hash: []byte{1, 2}}
	var buf bytes.Buffer
	err := audit.WriteNDJSON(&buf, "chartroom", func(fn func(*audit.Entry) error) error { return fn(e) })
	if err != nil {
		t.Fatal(err)
	}
	var ev map[string]any
	if err := json.Unmarshal(buf.Bytes(), &ev); err != nil {
		t.Fatal(err)
	}
	s := buf.String()
	for _, want := range []string{`"resourceType":"AuditEvent"`, `IHE.BasicAudit.PatientRead`, `"Patient/9"`, `"DocumentReference/42"`, `"code":"read"`, `"code":"TREAT"`, `"address":"10.1.2.3"`, `"outcome":"0"`} {
		if !strings.Contains(s, want) {
			t.Errorf("AuditEvent lacks %s:\n%s", want, s)
		}
	}
}

func TestSyslogSink(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	got := make(chan string, 10)
	go func() {
		c, err := ln.Accept()
		if err != nil {
			return
		}
		r := bufio.NewReader(c)
		for {
			lenStr, err := r.ReadString(' ')
			if err != nil {
				return
			}
			n, _ := strconv.Atoi(strings.TrimSpace(lenStr))
			b := make([]byte, n)
			if _, err := r.Read(b); err != nil {
				return
			}
			got <- string(b)
		}
	}()
	s := audit.NewSyslogSink(ln.Addr().String(), nil, nil)
	s.Send(&audit.Entry{Seq: 1, At: time.Now(), Username: "jdoe", Action: audit.BreakGlass, Outcome: audit.Success, PatientID: 4})
	select {
	case m := <-got:
		if !strings.HasPrefix(m, "<108>1 ") || !strings.Contains(m, "chartroom") || !strings.Contains(m, `seq="1"`) || !strings.Contains(m, "break-the-glass") {
			t.Errorf("syslog message: %s", m)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("no syslog message")
	}
	s.Close()
}
