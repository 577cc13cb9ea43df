package ingest

import (
	"context"

	"github.com/chartroom/chartroom"
	"github.com/chartroom/chartroom/hl7"
	"github.com/chartroom/chartroom/mllp"
)

// HandleMLLPError keeps a bad frame (too large, cut short, junk between
// frames) for review, and answers AR/CR built from what could be read of
// its header, so the sender learns why and the connection stays usable.
func (r *Receiver) HandleMLLPError(ctx context.Context, ferr *mllp.FrameError, remote string) []byte {
	r.In.Add(1)
	r.Rejected.Add(1)
	raw := append([]byte(nil), ferr.Prefix...)
	p := hl7.Problem{SegmentID: "MSH", Code: hl7.CodeSegmentSequence, Msg: ferr.Error()}
	msg := &chartroom.InboundMessage{Channel: r.ch.Name, Remote: remote, Raw: raw, Status: chartroom.MessageRejected, AckCode: "AR",
		ControlID: "rejected-" + randomID(), Error: ferr.Error()}
	if h, err := hl7.ReadHeader(raw); err == nil {
		msg.SendingApp, msg.SendingFacility, msg.MessageType = first(h.SendingApplication), first(h.SendingFacility), h.MessageType()
		if h.Enhanced() {
			msg.AckCode = "CR"
		}
	}
	if len(raw) == 0 {
		msg.Raw = []byte("(empty frame)")
	}
	msg.Ack = r.acker.AckRaw(raw, hl7.AckReject, p)
	if err := r.gc.Submit(ctx, msg); err != nil {
		r.Unstored.Add(1)
		r.log.Error("could not keep a bad frame", "channel", r.ch.Name, "err", err.Error())
	}
	if ferr.Err == mllp.ErrJunk {
		return nil // nothing to answer: it was not a message
	}
	return msg.Ack
}
