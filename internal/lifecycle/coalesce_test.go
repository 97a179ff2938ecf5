package lifecycle

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestCoalescerServesABurstWithOneRun(t *testing.T) {
	c := NewCoalescer(200 * time.Millisecond)
	runs := make(chan uint64, 10)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go c.Run(ctx, func(n uint64) { runs <- n })

	for range 100 {
		c.Request()
	}
	require.Equal(t, uint64(100), <-runs)
	select {
	case n := <-runs:
		t.Fatalf("a burst caused a second run (%d requests)", n)
	case <-time.After(300 * time.Millisecond):
	}
}

func TestCoalescerTurnsRequestsDuringARunIntoOneMoreRun(t *testing.T) {
	c := NewCoalescer(0)
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
	c := NewCoalescer(time.Hour)
	ctx, cancel := context.WithCancel(context.Background())
	stopped := make(chan struct{})
	go func() {
		c.Run(ctx, func(uint64) {})
		close(stopped)
	}()
	c.Request() // waiting out the settle time
	cancel()
	<-stopped
}
