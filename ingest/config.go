package ingest

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"github.com/chartroom/chartroom"
)

// ChannelConfig is a channel as a site writes it in the channels file
// (JSON, a list of these).
type ChannelConfig struct {
	Name            string            `json:"name"`
	Listen          string            `json:"listen"` // MLLP address, such as 127.0.0.1:2575
	AllowedSenders  []string          `json:"allowed_senders,omitempty"`
	Accept          []string          `json:"accept,omitempty"`
	Facilities      map[string]string `json:"facilities,omitempty"`
	DefaultFacility string            `json:"default_facility,omitempty"`
	SilentAfter     string            `json:"silent_after,omitempty"` // a Go duration, such as 30m
}

// ParseChannels reads a channels file, naming the channel and field of any
// mistake.
func ParseChannels(r io.Reader) ([]ChannelConfig, []Channel, error) {
	var cfgs []ChannelConfig
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&cfgs); err != nil {
		return nil, nil, fmt.Errorf("channels file: %w", err)
	}
	seen := map[string]bool{}
	var chs []Channel
	for i, c := range cfgs {
		where := fmt.Sprintf("channel %d", i+1)
		if c.Name == "" {
			return nil, nil, fmt.Errorf("%s: name is required", where)
		}
		where = "channel " + c.Name
		if seen[c.Name] {
			return nil, nil, fmt.Errorf("%s: the name is used twice", where)
		}
		seen[c.Name] = true
		if c.Listen == "" {
			return nil, nil, fmt.Errorf("%s: listen is required (an address such as 127.0.0.1:2575)", where)
		}
		ch := Channel{Name: c.Name, AllowedSenders: c.AllowedSenders, Accept: c.Accept, Facilities: c.Facilities, DefaultFacility: c.DefaultFacility}
		if c.DefaultFacility != "" {
			f, err := chartroom.ParseFacilityCode(c.DefaultFacility)
			if err != nil {
				return nil, nil, fmt.Errorf("%s: default_facility: %v", where, err)
			}
			ch.DefaultFacility = f
		}
		for _, a := range c.Accept {
			if !strings.Contains(a, "^") && len(a) != 3 {
				return nil, nil, fmt.Errorf("%s: accept: %q is not a message code (ADT) or type (ADT^A01)", where, a)
			}
		}
		if c.SilentAfter != "" {
			d, err := time.ParseDuration(c.SilentAfter)
			if err != nil || d <= 0 {
				return nil, nil, fmt.Errorf("%s: silent_after: want a duration such as 30m", where)
			}
			ch.SilentAfter = d
		}
		chs = append(chs, ch)
	}
	return cfgs, chs, nil
}

// Watch raises alerts, every interval until ctx ends, when a channel has
// been silent longer than its limit, or when its errors jump: more than five
// new failures making up over a fifth of what arrived since the last look.
// Each condition alerts once until it clears.
func Watch(ctx context.Context, every time.Duration, channels []Channel, stats func(context.Context) ([]*chartroom.ChannelStats, error), alert func(context.Context, *chartroom.Alert) error) {
	var mu sync.Mutex
	silent := map[string]bool{}
	prev := map[string]*chartroom.ChannelStats{}
	started := time.Now()
	check := func() {
		ss, err := stats(ctx)
		if err != nil {
			return
		}
		by := map[string]*chartroom.ChannelStats{}
		for _, s := range ss {
			by[s.Channel] = s
		}
		mu.Lock()
		defer mu.Unlock()
		now := time.Now()
		for _, ch := range channels {
			s := by[ch.Name]
			if ch.SilentAfter > 0 {
				last := started // a channel that never had a message counts from start-up
				if s != nil && s.LastMessage != nil {
					last = *s.LastMessage
				}
				quiet := now.Sub(last) > ch.SilentAfter
				if quiet && !silent[ch.Name] {
					alert(ctx, &chartroom.Alert{Kind: "interface-silent", Detail: fmt.Sprintf("channel %s has had no message since %s (limit %s)", ch.Name, last.Format(time.RFC3339), ch.SilentAfter)})
				}
				silent[ch.Name] = quiet
			}
			if s != nil {
				if p := prev[ch.Name]; p != nil {
					newErrs, newMsgs := s.Errors-p.Errors, s.Received-p.Received
					if newErrs > 5 && newMsgs > 0 && float64(newErrs) > 0.2*float64(newMsgs) {
						alert(ctx, &chartroom.Alert{Kind: "interface-errors", Detail: fmt.Sprintf("channel %s: %d of %d new messages failed processing", ch.Name, newErrs, newMsgs)})
					}
				}
				c := *s
				prev[ch.Name] = &c
			}
		}
	}
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			check()
		}
	}
}
