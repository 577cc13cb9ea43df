package hl7

import (
	"bytes"
	"strings"
)

// Header holds the MSH fields an interface engine routes and acknowledges by,
// decoded as text. Application and facility fields (HD) keep their
// component separators ("LAB^1.2.3^ISO").
type Header struct {
	SendingApplication   string // MSH-3
	SendingFacility      string // MSH-4
	ReceivingApplication string // MSH-5
	ReceivingFacility    string // MSH-6
	Time                 string // MSH-7, as sent (YYYYMMDDHHMMSS[+ZZZZ])
	MessageCode          string // MSH-9.1 ("ADT")
	TriggerEvent         string // MSH-9.2 ("A01")
	MessageStructure     string // MSH-9.3 ("ADT_A01")
	ControlID            string // MSH-10, which the ACK's MSA-2 must echo
	ProcessingID         string // MSH-11.1 (P, T or D)
	Version              string // MSH-12.1 ("2.5.1")
	AcceptAckType        string // MSH-15 (AL, NE, ER, SU); set means enhanced mode
	AppAckType           string // MSH-16
	Charset              string // MSH-18, first repetition
}

// Header returns the message's MSH fields.
func (m *Message) Header() Header {
	msh := m.segment(0)
	f := func(n int) string { return msh.Field(n).String() }
	t := msh.Field(9)
	return Header{
		SendingApplication:   f(3),
		SendingFacility:      f(4),
		ReceivingApplication: f(5),
		ReceivingFacility:    f(6),
		Time:                 f(7),
		MessageCode:          t.Comp(1).String(),
		TriggerEvent:         t.Comp(2).String(),
		MessageStructure:     t.Comp(3).String(),
		ControlID:            f(10),
		ProcessingID:         msh.Field(11).Comp(1).String(),
		Version:              msh.Field(12).Comp(1).String(),
		AcceptAckType:        f(15),
		AppAckType:           f(16),
		Charset:              msh.Field(18).Rep(1).String(),
	}
}

// ReadHeader reads only the MSH segment at the start of raw, for callers that
// need the sender and control ID (to spot a resent message, say) before or
// without a full parse.
func ReadHeader(raw []byte) (Header, error) {
	end := len(raw)
	if i := bytes.IndexAny(raw, "\r\n"); i >= 0 {
		end = i
	}
	m, err := Parse(raw[:end])
	if err != nil {
		return Header{}, err
	}
	return m.Header(), nil
}

// DuplicateKey returns the triple that identifies a message for duplicate
// detection: sending application, sending facility and control ID, joined
// by a character that cannot occur in them undecoded (0x1F).
func (h Header) DuplicateKey() string {
	return h.SendingApplication + "\x1f" + h.SendingFacility + "\x1f" + h.ControlID
}

// MessageType returns "code^trigger" ("ADT^A01"), or just the code when the
// message has no trigger event.
func (h Header) MessageType() string {
	if h.TriggerEvent == "" {
		return h.MessageCode
	}
	return h.MessageCode + "^" + h.TriggerEvent
}

// Enhanced reports whether the sender asked for enhanced-mode
// acknowledgement (MSH-15 or MSH-16 valued), whose codes are CA/CE/CR
// rather than AA/AE/AR.
func (h Header) Enhanced() bool { return h.AcceptAckType != "" || h.AppAckType != "" }

// ControlID returns MSH-10.
func (m *Message) ControlID() string { return m.segment(0).Field(10).String() }

// Version returns MSH-12.1 ("2.5.1").
func (m *Message) Version() string { return m.segment(0).Field(12).Comp(1).String() }

// MessageType returns MSH-9 as "code^trigger" ("ORU^R01").
func (m *Message) MessageType() string {
	t := m.segment(0).Field(9)
	code, trig := t.Comp(1).String(), t.Comp(2).String()
	if trig == "" {
		return code
	}
	return code + "^" + trig
}

// Identifier is one patient identifier (a CX value, as in PID-3).
type Identifier struct {
	ID        string // CX.1
	Authority string // CX.4, the assigning authority (namespace, first component)
	Type      string // CX.5, identifier type code (MR, SS, PI, …)
}

// String returns the identifier as authority/type/ID.
func (id Identifier) String() string { return id.Authority + "/" + id.Type + "/" + id.ID }

// PatientIDs returns every identifier in PID-3 (falling back to the old
// PID-2 external ID and PID-4 alternate ID when PID-3 is empty).
func (m *Message) PatientIDs() []Identifier {
	pid, ok := m.Find("PID", 1)
	if !ok {
		return nil
	}
	var ids []Identifier
	for _, n := range []int{3, 2, 4} {
		f := pid.Field(n)
		for r := 1; r <= f.NumReps(); r++ {
			rep := f.Rep(r)
			id := Identifier{
				ID:        strings.TrimSpace(rep.Comp(1).String()),
				Authority: rep.Comp(4).Sub(1).String(),
				Type:      rep.Comp(5).String(),
			}
			if id.ID != "" && !rep.Comp(1).IsNull() {
				ids = append(ids, id)
			}
		}
		if len(ids) > 0 {
			break
		}
	}
	return ids
}

// PatientKey returns a stable key for the message's patient, for keeping
// each patient's messages in order: the first PID-3 identifier of type MR
// (else the first identifier) as authority/type/ID. It is "" when the
// message names no patient.
func (m *Message) PatientKey() string {
	ids := m.PatientIDs()
	if len(ids) == 0 {
		return ""
	}
	for _, id := range ids {
		if id.Type == "MR" {
			return id.String()
		}
	}
	return ids[0].String()
}
