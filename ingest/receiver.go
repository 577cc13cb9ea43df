// Package ingest takes HL7 v2 messages in from other systems: the MLLP
// receiver stores each message durably (group commit) before it answers
// with an ACK, recognises a resent message and answers it with the first
// ACK, and refuses bad ones with an AR/CR that names the problem while
// keeping them for review. The processor then applies stored messages to the
// record, in order per patient, after the ACK: ADT registrations, visits,
// transfers, discharges, cancellations and merges; ORU results; MDM
// documents; DFT charges. A message that fails goes to the error queue.
package ingest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"log/slog"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"github.com/chartroom/chartroom"
	"github.com/chartroom/chartroom/groupcommit"
	"github.com/chartroom/chartroom/hl7"
)

// Channel is one inbound interface and what it accepts.
type Channel struct {
	Name string
	// AllowedSenders lists sending applications (MSH-3.1), or
	// "APP|FACILITY"; empty accepts any sender.
	AllowedSenders []string
	// Accept lists message codes ("ADT") or types ("ADT^A01"); empty
	// accepts every type the processor knows.
	Accept []string
	// Facilities maps a sending facility (MSH-4.1) or an assigning
	// authority (PID-3.4.1) to a Chartroom facility code.
	Facilities map[string]string
	// DefaultFacility is used when nothing maps.
	DefaultFacility string
	// SilentAfter raises an alert when no message arrives for this long
	// (0: never).
	SilentAfter time.Duration
}

// Known lists the message types the processor applies to the record.
var Known = []string{"ADT^A01", "ADT^A02", "ADT^A03", "ADT^A04", "ADT^A05", "ADT^A08", "ADT^A11", "ADT^A12", "ADT^A13", "ADT^A28", "ADT^A31", "ADT^A40",
	"ORU^R01", "MDM^T02", "MDM^T04", "MDM^T06", "MDM^T08", "MDM^T10", "DFT^P03"}

// Store is what the receiver needs.
type Store interface {
	StoreInbound(ctx context.Context, batch []*chartroom.InboundMessage) error
}

// Receiver answers MLLP frames. Its HandleMLLP returns the ACK to send, or
// nil when the message could not be stored, so that no ACK is ever sent for
// a message that is not safe: the sender will resend it.
type Receiver struct {
	ch    Channel
	store Store
	acker hl7.Acker
	gc    *groupcommit.Committer[*chartroom.InboundMessage]
	log   *slog.Logger
	// Counters for monitoring.
	In, Accepted, Rejected, Duplicates, Unstored atomic.Int64
	Last                                         atomic.Int64 // unix nanos of the last message
}

// NewReceiver starts a receiver for ch over store.
func NewReceiver(ch Channel, store Store, log *slog.Logger) *Receiver {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	r := &Receiver{ch: ch, store: store, log: log, acker: hl7.Acker{Application: "CHARTROOM", Facility: ch.DefaultFacility}}
	r.gc = groupcommit.New(store.StoreInbound, 512, 0)
	return r
}

// Busy reports whether a message arrived within the last d.
func (r *Receiver) Busy(d time.Duration) bool {
	return time.Now().UnixNano()-r.Last.Load() < int64(d)
}

// Channel names the receiver's channel.
func (r *Receiver) Channel() string { return r.ch.Name }

// Close commits what is in flight.
func (r *Receiver) Close() { r.gc.Close() }

// HandleMLLP stores the frame and returns its ACK.
func (r *Receiver) HandleMLLP(ctx context.Context, frame []byte, remote string) []byte {
	r.In.Add(1)
	r.Last.Store(time.Now().UnixNano())
	raw := append([]byte(nil), frame...)
	msg := &chartroom.InboundMessage{Channel: r.ch.Name, Remote: remote, Raw: raw, Status: chartroom.MessageReceived}
	m, err := hl7.Parse(raw)
	var problems []hl7.Problem
	var h hl7.Header
	if err != nil {
		problems = append(problems, asProblem(err))
	} else {
		h = m.Header()
		problems = r.check(m, h)
	}
	if hl7.HasErrors(problems) {
		// Refused at the door: answer AR/CR naming the problem, and keep the
		// message for review under a key of its own, so that a resent bad
		// message is kept again rather than answered from the first.
		msg.Status, msg.AckCode = chartroom.MessageRejected, "AR"
		if m != nil {
			msg.SendingApp, msg.SendingFacility, msg.MessageType = first(h.SendingApplication), first(h.SendingFacility), h.MessageType()
			msg.Ack = r.acker.Ack(m, hl7.AckReject, problems...)
			if h.Enhanced() {
				msg.AckCode = "CR"
			}
		} else {
			msg.Ack = r.acker.AckRaw(raw, hl7.AckReject, problems...)
		}
		msg.ControlID = "rejected-" + randomID()
		msg.Error = problems[0].Error()
		r.Rejected.Add(1)
		if err := r.gc.Submit(ctx, msg); err != nil {
			r.Unstored.Add(1)
			r.log.Error("could not keep a rejected message", "channel", r.ch.Name, "err", err.Error())
		}
		return msg.Ack
	}
	msg.SendingApp, msg.SendingFacility, msg.ControlID = first(h.SendingApplication), first(h.SendingFacility), h.ControlID
	msg.MessageType, msg.PatientKey = h.MessageType(), m.PatientKey()
	msg.Ack, msg.AckCode = r.acker.Ack(m, hl7.AckAccept, problems...), "AA"
	if h.Enhanced() {
		msg.AckCode = "CA"
	}
	if err := r.gc.Submit(ctx, msg); err != nil {
		r.Unstored.Add(1)
		r.log.Error("could not store a message; no ACK sent", "channel", r.ch.Name, "err", err.Error())
		return nil
	}
	if msg.Duplicate {
		r.Duplicates.Add(1)
	} else {
		r.Accepted.Add(1)
	}
	return msg.Ack
}

// check applies the channel's rules and the message's own validation; h is
// m's header.
func (r *Receiver) check(m *hl7.Message, h hl7.Header) []hl7.Problem {
	ps := m.Validate()
	if h.ControlID == "" || h.MessageCode == "" {
		return ps // Validate names the missing MSH-9 or MSH-10
	}
	if len(r.ch.AllowedSenders) > 0 {
		app, fac := first(h.SendingApplication), first(h.SendingFacility)
		if !slices.Contains(r.ch.AllowedSenders, app) && !slices.Contains(r.ch.AllowedSenders, app+"|"+fac) {
			ps = append(ps, hl7.Problem{Segment: 0, SegmentID: "MSH", Field: 3, Code: hl7.CodeUnknownKey, Msg: "sending application " + app + " is not allowed on channel " + r.ch.Name})
		}
	}
	typ := h.MessageType()
	accept := r.ch.Accept
	if len(accept) == 0 {
		accept = Known
	}
	if !slices.Contains(accept, typ) && !slices.Contains(accept, h.MessageCode) {
		code := hl7.CodeUnsupportedEvent
		if !slices.ContainsFunc(accept, func(a string) bool { return strings.HasPrefix(a, h.MessageCode) }) {
			code = hl7.CodeUnsupportedType
		}
		ps = append(ps, hl7.Problem{Segment: 0, SegmentID: "MSH", Field: 9, Code: code, Msg: "message type " + typ + " is not accepted on channel " + r.ch.Name})
	}
	if v := h.Version; v == "" || !strings.HasPrefix(v, "2.") {
		ps = append(ps, hl7.Problem{Segment: 0, SegmentID: "MSH", Field: 12, Code: hl7.CodeUnsupportedVersion, Msg: "version " + v + " is not HL7 v2"})
	}
	return ps
}

// asProblem turns a parse error into a problem for the ACK's ERR segment.
func asProblem(err error) hl7.Problem {
	var p hl7.Problem
	if pp, ok := err.(hl7.Problem); ok {
		return pp
	}
	if pp, ok := err.(*hl7.Problem); ok {
		return *pp
	}
	p.SegmentID, p.Code, p.Msg = "MSH", hl7.CodeSegmentSequence, err.Error()
	return p
}

func first(hd string) string {
	if i := strings.IndexByte(hd, '^'); i >= 0 {
		return hd[:i]
	}
	return hd
}

func randomID() string {
	b := make([]byte, 8)
	rand.Read(b)
	return hex.EncodeToString(b)
}
