package lifecycle

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestCoalescerTurnsABurstIntoOneMoreRun(t *testing.T) {
	c := NewCoalescer()
	started := make(chan struct{})
	release := make(chan struct{})
	var mu sync.Mutex
	var runs []uint64
	done := make(chan struct{}, 10)

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go c.Run(ctx, func(n uint64) {
		mu.Lock()
		runs = append(runs, n)
		first := len(runs) == 1
		mu.Unlock()
		if first {
			close(started)
			<-release
		}
		done <- struct{}{}
	})

	c.Request()
	<-started
	for range 100 {
		c.Request() // all while the first run is busy
	}
	close(release)
	<-done
	<-done

	// Nothing else may run: give a stray run the chance to show up.
	select {
	case <-done:
		t.Fatal("a burst caused more than one extra run")
	case <-time.After(50 * time.Millisecond):
	}
	mu.Lock()
	defer mu.Unlock()
	require.Equal(t, []uint64{1, 100}, runs)
}

func TestCoalescerStopsWithItsContext(t *testing.T) {
	c := NewCoalescer()
	ctx, cancel := context.WithCancel(context.Background())
	stopped := make(chan struct{})
	go func() {
		c.Run(ctx, func(uint64) {})
		close(stopped)
	}()
	cancel()
	<-stopped
}
