package audit

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/chartroom/chartroom"
	"github.com/chartroom/chartroom/groupcommit"
)

// Appender is the store side of the trail.
type Appender interface {
	AppendAudit(ctx context.Context, entries []*Entry, signer *Signer) (int64, error)
	AddAuditCheckpoint(ctx context.Context, signer *Signer) (int64, error)
}

// Sink receives each committed entry, for live export (syslog to a SIEM).
type Sink interface {
	Send(e *Entry)
}

// Writer is the Recorder the services are decorated with. Concurrent
// Record calls share transactions (group commit); each returns once its
// entry is committed, so no access is acknowledged before it is on record.
// A signed checkpoint is written every Every entries and on Close.
type Writer struct {
	app    Appender
	signer *Signer
	every  int64
	log    *slog.Logger
	gc     *groupcommit.Committer[*Entry]
	redo   *groupcommit.Committer[*Entry] // entries of redoable writes
	mu     sync.Mutex
	lastCP int64
	sinks  []Sink
}

// WriterOptions tune a Writer.
type WriterOptions struct {
	CheckpointEvery int64         // default 1000
	MaxBatch        int           // default 256
	MaxWait         time.Duration // default 0: take what is waiting
	Logger          *slog.Logger
	Sinks           []Sink
}

// NewWriter starts a writer over app, signing with signer.
func NewWriter(app Appender, signer *Signer, o WriterOptions) *Writer {
	if o.CheckpointEvery <= 0 {
		o.CheckpointEvery = 1000
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	w := &Writer{app: app, signer: signer, every: o.CheckpointEvery, log: o.Logger, sinks: o.Sinks}
	w.gc = groupcommit.New(w.commit, o.MaxBatch, o.MaxWait)
	w.redo = groupcommit.New(func(ctx context.Context, batch []*Entry) error {
		return w.commit(chartroom.WithRedoable(ctx), batch)
	}, o.MaxBatch, o.MaxWait)
	return w
}

func (w *Writer) commit(ctx context.Context, batch []*Entry) error {
	seq, err := w.app.AppendAudit(ctx, batch, w.signer)
	if err != nil {
		return err
	}
	for _, s := range w.sinks {
		for _, e := range batch {
			s.Send(e)
		}
	}
	w.mu.Lock()
	due := seq/w.every > w.lastCP/w.every
	if due {
		w.lastCP = seq
	}
	w.mu.Unlock()
	if due && w.signer != nil {
		if _, err := w.app.AddAuditCheckpoint(ctx, w.signer); err != nil {
			w.log.Error("audit checkpoint failed", "err", err.Error())
		}
	}
	return nil
}

// Record implements Recorder. The entry of an access made with redoable
// writes (chartroom.WithRedoable: the interface processor's) is committed
// like them, without waiting for the disk: a power failure that loses it
// loses the access's writes too, and both are made again.
func (w *Writer) Record(ctx context.Context, e Entry) error {
	if chartroom.Redoable(ctx) {
		return w.redo.Submit(ctx, &e)
	}
	return w.gc.Submit(ctx, &e)
}

// Close flushes, then writes a final checkpoint.
func (w *Writer) Close() error {
	w.gc.Close()
	w.redo.Close()
	if w.signer == nil {
		return nil
	}
	_, err := w.app.AddAuditCheckpoint(context.Background(), w.signer)
	return err
}
