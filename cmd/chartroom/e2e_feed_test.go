package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chartroom/chartroom"
	"github.com/chartroom/chartroom/storage"
)

// TestFeedReachesTheChart starts serve with its MLLP listener, sends the
// demo ADT, ORU, MDM and DFT feed with 'chartroom hl7 send', and finds the
// patient, the stay and the documents in the record.
func TestFeedReachesTheChart(t *testing.T) {
	data := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ready, mllpReady := make(chan string, 1), make(chan string, 1)
	c := serveConfig{addr: "127.0.0.1:0", mllpAddr: "127.0.0.1:0", mllpMax: 16 << 20, idle: 15 * time.Minute, ready: ready, mllpReady: mllpReady}
	c.store.data, c.store.sync = data, "NORMAL"
	done := make(chan error, 1)
	go func() {
		done <- serve(ctx, &Env{Stdin: strings.NewReader(""), Stdout: &syncBuffer{}, Stderr: &syncBuffer{}, Getenv: func(string) string { return "" }}, c)
	}()
	var addr string
	select {
	case addr = <-mllpReady:
	case err := <-done:
		t.Fatalf("serve: %v", err)
	case <-time.After(60 * time.Second):
		t.Fatal("no MLLP listener")
	}
	<-ready
	out, err := run1(t, nil, "hl7", "send", "--addr", addr, "../../ingest/testdata/demo_feed.hl7")
	if err != nil || !strings.Contains(out, "12 accepted") {
		t.Fatalf("hl7 send: %v\n%s", err, out)
	}
	// Processing happens after the ACK; wait for it.
	var docs int
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		s, err := storage.Open(context.Background(), storage.Config{DataDir: data})
		if err == nil {
			if p, err := s.PatientByIdentifier(context.Background(), "MAIN", "H9000001"); err == nil {
				page, _ := s.FindDocuments(context.Background(), chartroom.DocumentFilter{PatientID: p.ID})
				docs = len(page.Items)
				pending, _ := s.FindInbound(context.Background(), chartroom.MessageReceived, "", 10)
				errs, _ := s.FindInbound(context.Background(), chartroom.MessageError, "", 10)
				s.Close()
				for _, e := range errs {
					t.Errorf("message %s failed: %s", e.ControlID, e.Error)
				}
				if docs >= 4 && len(pending) == 0 {
					break
				}
			} else {
				s.Close()
			}
		}
		time.Sleep(200 * time.Millisecond)
	}
	if docs < 4 {
		t.Fatalf("the feed left %d documents in the chart, want the lab, radiology, discharge summary and consult", docs)
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("serve: %v", err)
	}
}
