package ingest_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/chartroom/chartroom"
	"github.com/chartroom/chartroom/ingest"
)

// stopQueue hands out two messages and stops the processor after the first.
type stopQueue struct {
	stop    context.CancelFunc
	results []error
}

func (q *stopQueue) ClaimInbound(ctx context.Context, n int, fn func(m *chartroom.InboundMessage) error) (int, error) {
	if len(q.results) > 0 {
		return 0, nil
	}
	if !chartroom.Redoable(ctx) {
		q.results = append(q.results, errors.New("claimed without redoable writes"))
	}
	for i := 0; i < 2; i++ {
		m := &chartroom.InboundMessage{ID: int64(i + 1), Channel: "adt", Raw: []byte("not HL7"), ReceivedAt: time.Now()}
		q.results = append(q.results, fn(m))
		q.stop()
	}
	return 2, nil
}

// TestRunPutsBackWhenStopped checks that a message claimed but not yet
// applied when the processor stops goes back on the queue, not to the
// error queue, while the one being applied is finished.
func TestRunPutsBackWhenStopped(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	q := &stopQueue{stop: cancel}
	p := &ingest.Processor{Queue: q, Busy: func() bool { return true }}
	done := make(chan struct{})
	go func() { p.Run(ctx, 1); close(done) }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("Run did not stop")
	}
	if len(q.results) != 2 || q.results[0] == nil || errors.Is(q.results[0], chartroom.ErrRequeue) || !errors.Is(q.results[1], chartroom.ErrRequeue) {
		t.Errorf("results %v: want the first applied (and failed: it is not HL7), the second put back", q.results)
	}
}
