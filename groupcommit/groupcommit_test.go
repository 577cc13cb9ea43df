package groupcommit_test

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chartroom/chartroom/groupcommit"
)

func TestBatchesAndWakesEveryone(t *testing.T) {
	var commits, items atomic.Int64
	var mu sync.Mutex
	seen := map[int]bool{}
	c := groupcommit.New(func(ctx context.Context, batch []int) error {
		commits.Add(1)
		items.Add(int64(len(batch)))
		mu.Lock()
		for _, i := range batch {
			seen[i] = true
		}
		mu.Unlock()
		time.Sleep(2 * time.Millisecond) // an fsync
		return nil
	}, 64, time.Millisecond)
	var wg sync.WaitGroup
	for i := 0; i < 1000; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := c.Submit(context.Background(), i); err != nil {
				t.Error(err)
			}
			mu.Lock()
			ok := seen[i]
			mu.Unlock()
			if !ok {
				t.Errorf("Submit(%d) returned before its batch committed", i)
			}
		}()
	}
	wg.Wait()
	c.Close()
	if items.Load() != 1000 {
		t.Errorf("committed %d items, want 1000", items.Load())
	}
	if commits.Load() >= 500 {
		t.Errorf("%d commits for 1000 concurrent items: no batching", commits.Load())
	}
	if err := c.Submit(context.Background(), 1); !errors.Is(err, groupcommit.ErrClosed) {
		t.Errorf("after Close: %v", err)
	}
}

func TestErrorReachesTheWholeBatch(t *testing.T) {
	boom := errors.New("disk full")
	c := groupcommit.New(func(ctx context.Context, batch []string) error { return boom }, 8, 0)
	defer c.Close()
	if err := c.Submit(context.Background(), "x"); !errors.Is(err, boom) {
		t.Errorf("got %v", err)
	}
}
