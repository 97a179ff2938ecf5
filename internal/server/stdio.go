package server

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"time"

	mcpserver "github.com/mark3labs/mcp-go/server"
)

// ServeStdio serves MCP over in and out until the input ends or ctx is cancelled.
// Either way it stops taking new calls and lets every call already received finish
// within drainTimeout, so each gets its response and its audit lines; calls still
// running then are cancelled (and answered as such) before it returns.
func (s *Server) ServeStdio(ctx context.Context, in io.Reader, out io.Writer,
	drainTimeout time.Duration) error {
	stdio := mcpserver.NewStdioServer(s.mcp)
	stdio.SetErrorLogger(slog.NewLogLogger(s.logger.Handler(), slog.LevelWarn))

	calls := newCallTracker()
	input := newStdioInput(in, calls)
	listenCtx, cancelListen := context.WithCancel(context.WithoutCancel(ctx))
	defer cancelListen()

	done := make(chan error, 1)
	go func() { done <- stdio.Listen(listenCtx, input, &responseWatcher{out: out, calls: calls}) }()
	s.announceReady("")

	select {
	case err := <-done:
		return cleanStop(err)
	case <-input.ended:
	case <-ctx.Done():
		input.stopForwarding()
	}

	// The transport drops queued calls and cancels running ones once its input ends,
	// so it only sees the end after every forwarded call has been answered.
	s.registrar.inflight.beginDrain()
	s.logger.Info("stopping: finishing the calls already received; a second Ctrl-C stops at once",
		"timeout", drainTimeout)
	if !calls.waitIdle(drainTimeout) {
		s.logger.Warn("shutdown deadline passed; cancelling the calls still running",
			"timeout", drainTimeout)
		s.registrar.inflight.cancelAll()
		calls.waitIdle(drainGrace)
	}
	input.endInput()

	select {
	case err := <-done:
		return cleanStop(err)
	case <-time.After(drainGrace):
		cancelListen()
		return nil
	}
}

func cleanStop(err error) error {
	if err == nil || errors.Is(err, context.Canceled) || errors.Is(err, io.EOF) {
		return nil
	}
	return err
}
