package http

import (
	"net/http"

	"github.com/chartroom/chartroom"
)

var errNoInterfaces = &chartroom.Error{Kind: chartroom.KindUnavailable, Message: "interfaces are not configured on this server"}

// handleInterfacesPage shows each channel's traffic, the error queue and
// the messages refused at the door.
func (s *Server) handleInterfacesPage(w http.ResponseWriter, r *http.Request) error {
	if s.Interfaces == nil {
		return errNoInterfaces
	}
	ctx := r.Context()
	stats, err := s.Interfaces.ChannelStats(ctx)
	if err != nil {
		return err
	}
	errs, err := s.Interfaces.FindInbound(ctx, chartroom.MessageError, "", 100)
	if err != nil {
		return err
	}
	rejected, err := s.Interfaces.FindInbound(ctx, chartroom.MessageRejected, "", 100)
	if err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, "interfaces.html", map[string]any{"Title": "Interfaces", "Nav": "interfaces", "Stats": stats, "Errors": errs,
		"Rejected": rejected, "Flash": r.URL.Query().Get("done")})
	return nil
}

// handleInterfaceMessage shows one message, raw, for an analyst fixing a
// mapping. Raw messages are health information: the view is recorded.
func (s *Server) handleInterfaceMessage(w http.ResponseWriter, r *http.Request) error {
	if s.Interfaces == nil {
		return errNoInterfaces
	}
	id, err := pathID(r)
	if err != nil {
		return err
	}
	m, err := s.Interfaces.InboundMessage(r.Context(), id)
	if err != nil {
		return err
	}
	s.recordPrivacyView(r, "raw interface message "+itoa(id), 0)
	s.render(w, r, http.StatusOK, "message.html", map[string]any{"Title": "Message " + m.ControlID, "Nav": "interfaces", "M": m,
		"Raw": string(m.Raw), "Ack": string(m.Ack)})
	return nil
}

func (s *Server) handleReprocess(w http.ResponseWriter, r *http.Request) error {
	if s.Interfaces == nil {
		return errNoInterfaces
	}
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if err := s.Interfaces.Reprocess(r.Context(), id); err != nil {
		return err
	}
	http.Redirect(w, r, "/interfaces?done=Message+"+itoa(id)+"+queued+for+processing", http.StatusSeeOther)
	return nil
}
