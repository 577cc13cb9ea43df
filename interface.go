package chartroom

import (
	"context"
	"errors"
	"time"
)

// InboundMessage is one message received from another system (an HL7 v2
// message over MLLP), stored durably before it is acknowledged and
// processed into the record afterwards.
type InboundMessage struct {
	ID              int64      `json:"id"`
	Channel         string     `json:"channel"`
	Remote          string     `json:"remote,omitempty"`
	SendingApp      string     `json:"sending_app"`      // MSH-3
	SendingFacility string     `json:"sending_facility"` // MSH-4
	ControlID       string     `json:"control_id"`       // MSH-10
	MessageType     string     `json:"message_type"`     // MSH-9, e.g. ADT^A01
	PatientKey      string     `json:"patient_key"`      // orders processing per patient
	Raw             []byte     `json:"-"`
	Ack             []byte     `json:"-"`
	AckCode         string     `json:"ack_code"` // MSA-1 of the stored ACK
	ReceivedAt      time.Time  `json:"received_at"`
	Status          string     `json:"status"` // received, processed, error, rejected
	Attempts        int        `json:"attempts"`
	Error           string     `json:"error,omitempty"`
	ProcessedAt     *time.Time `json:"processed_at,omitempty"`
	// Duplicate is set by StoreInbound when the message was already stored:
	// Ack then holds the first ACK, to be sent again.
	Duplicate bool `json:"-"`
}

// Message statuses.
const (
	MessageReceived  = "received"
	MessageProcessed = "processed"
	MessageError     = "error"
	MessageRejected  = "rejected" // refused at the door (AR/CR); kept for review
)

// ErrRequeue, returned by the function handed to ClaimInbound, puts the
// message back on the queue instead of in the error queue: the worker is
// stopping and did not process it.
var ErrRequeue = errors.New("message put back on the queue")

type redoableKey struct{}

// WithRedoable marks the writes made with ctx as redoable: should a power
// failure lose them, they are made again from a durable source, as the
// processor applies an interface message again from its stored raw form.
// An engine may then commit them without waiting for the disk; the next
// commit that does wait makes them durable too, since the log is written
// in order.
func WithRedoable(ctx context.Context) context.Context {
	return context.WithValue(ctx, redoableKey{}, true)
}

// Redoable reports whether ctx's writes are redoable (WithRedoable).
func Redoable(ctx context.Context) bool {
	v, _ := ctx.Value(redoableKey{}).(bool)
	return v
}

// ChannelStats summarises one channel for monitoring.
type ChannelStats struct {
	Channel     string         `json:"channel"`
	Received    int64          `json:"received"`
	Pending     int64          `json:"pending"`
	Errors      int64          `json:"errors"`
	Rejected    int64          `json:"rejected"`
	AckCodes    map[string]int `json:"ack_codes"`
	LastMessage *time.Time     `json:"last_message,omitempty"`
}

// InterfaceService keeps inbound messages.
type InterfaceService interface {
	// StoreInbound commits a batch of messages in one transaction. A message
	// whose sender and control ID were seen before is not stored again; it
	// comes back with Duplicate set and the first ACK.
	StoreInbound(ctx context.Context, batch []*InboundMessage) error
	// ClaimInbound takes up to n messages ready for processing, oldest
	// first, skipping any whose patient has an earlier message still
	// waiting, so each patient's messages are processed in order. When fn
	// returns ErrRequeue the message goes back on the queue untouched (the
	// worker is stopping); any other error sends it to the error queue.
	ClaimInbound(ctx context.Context, n int, fn func(m *InboundMessage) error) (int, error)
	InboundMessage(ctx context.Context, id int64) (*InboundMessage, error)
	FindInbound(ctx context.Context, status, channel string, limit int) ([]*InboundMessage, error)
	// Reprocess puts a message in error back on the queue.
	Reprocess(ctx context.Context, id int64) error
	ChannelStats(ctx context.Context) ([]*ChannelStats, error)
}

// Charge is one billable line from a charge feed (HL7 DFT FT1): the CPT or
// HCPCS code, with its modifiers, units and the ICD-10-CM codes that
// justify it.
type Charge struct {
	ID          int64     `json:"id"`
	PatientID   int64     `json:"patient_id"`
	EncounterID int64     `json:"encounter_id,omitempty"`
	Source      string    `json:"source"` // the message that brought it, e.g. "hl7:REG|MAIN|123"
	Line        int       `json:"line"`
	ServiceDate time.Time `json:"service_date"`
	Code        string    `json:"code"`
	CodeSystem  string    `json:"code_system,omitempty"`
	Modifiers   []string  `json:"modifiers,omitempty"`
	Description string    `json:"description,omitempty"`
	Units       float64   `json:"units"`
	Amount      float64   `json:"amount"`
	Diagnoses   []string  `json:"diagnoses,omitempty"`
	CreatedAt   time.Time `json:"created_at"`
}

// ChargeService keeps charges.
type ChargeService interface {
	// AddCharges stores charges; a line already stored from the same source
	// is left as it is, so a resent message adds nothing.
	AddCharges(ctx context.Context, cs []*Charge) error
	Charges(ctx context.Context, encounterID int64) ([]*Charge, error)
}
