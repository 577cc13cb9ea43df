// Package groupcommit batches concurrent writes into shared transactions:
// callers hand in one item each and wait; a single writer commits whatever
// has gathered, up to a size or a short wait, and wakes every caller with
// the batch's outcome. Many connections then share one fsync, which is what
// makes "durable before acknowledged" fast.
package groupcommit

import (
	"context"
	"errors"
	"sync"
	"time"
)

// ErrClosed is returned for items submitted after Close.
var ErrClosed = errors.New("groupcommit: closed")

// Committer commits items of type T in batches.
type Committer[T any] struct {
	commit  func(ctx context.Context, batch []T) error
	maxSize int
	maxWait time.Duration
	in      chan request[T]
	done    chan struct{}
	once    sync.Once
	mu      sync.RWMutex
	closed  bool
}

type request[T any] struct {
	item T
	errc chan error
}

// New starts a committer. commit runs one transaction for a batch; it is
// called from one goroutine at a time. maxSize bounds a batch; maxWait is
// how long the writer lingers for more items once one has arrived (0 means
// it takes only what is already waiting).
func New[T any](commit func(ctx context.Context, batch []T) error, maxSize int, maxWait time.Duration) *Committer[T] {
	if maxSize <= 0 {
		maxSize = 256
	}
	c := &Committer[T]{commit: commit, maxSize: maxSize, maxWait: maxWait, in: make(chan request[T], maxSize*4), done: make(chan struct{})}
	go c.loop()
	return c
}

// Submit hands in an item and waits until the batch holding it is
// committed, returning the commit's error. The item must not be changed by
// the caller until Submit returns; the commit may change it (to set an id).
func (c *Committer[T]) Submit(ctx context.Context, item T) error {
	c.mu.RLock()
	if c.closed {
		c.mu.RUnlock()
		return ErrClosed
	}
	r := request[T]{item: item, errc: make(chan error, 1)}
	select {
	case c.in <- r:
	case <-ctx.Done():
		c.mu.RUnlock()
		return ctx.Err()
	}
	c.mu.RUnlock()
	// Once handed over, the item will be committed or fail as a batch; wait
	// for that even if ctx ends, so the caller never acknowledges what is
	// not durable, nor refuses what is.
	return <-r.errc
}

func (c *Committer[T]) loop() {
	defer close(c.done)
	batch := make([]T, 0, c.maxSize)
	waiters := make([]chan error, 0, c.maxSize)
	for {
		r, ok := <-c.in
		if !ok {
			return
		}
		batch = append(batch[:0], r.item)
		waiters = append(waiters[:0], r.errc)
		var timer <-chan time.Time
		if c.maxWait > 0 {
			timer = time.After(c.maxWait)
		}
	gather:
		for len(batch) < c.maxSize {
			select {
			case r, ok := <-c.in:
				if !ok {
					break gather
				}
				batch = append(batch, r.item)
				waiters = append(waiters, r.errc)
			default:
				if timer == nil {
					break gather
				}
				select {
				case r, ok := <-c.in:
					if !ok {
						break gather
					}
					batch = append(batch, r.item)
					waiters = append(waiters, r.errc)
				case <-timer:
					break gather
				}
			}
		}
		err := c.commit(context.Background(), batch)
		for _, w := range waiters {
			w <- err
		}
	}
}

// Close commits what was handed in and stops the writer.
func (c *Committer[T]) Close() {
	c.once.Do(func() {
		c.mu.Lock()
		c.closed = true
		close(c.in)
		c.mu.Unlock()
		<-c.done
	})
}
