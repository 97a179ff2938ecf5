package server

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"sync"
	"time"

	mcpserver "github.com/mark3labs/mcp-go/server"
)

// ServeStdio serves MCP over in and out until the input ends or ctx is cancelled. On
// cancellation it stops reading, lets running calls finish within drainTimeout (their
// responses and audit lines are still written), and returns nil.
func (s *Server) ServeStdio(ctx context.Context, in io.Reader, out io.Writer, drainTimeout time.Duration) error {
	stdio := mcpserver.NewStdioServer(s.mcp)
	stdio.SetErrorLogger(slog.NewLogLogger(s.logger.Handler(), slog.LevelWarn))

	// Whether the input ends (the client closed stdin) or ctx is cancelled (a signal),
	// running calls are drained, not dropped. The drain is marked before the transport
	// sees the end of input, because the transport cancels every running request then.
	inputEnded := make(chan struct{})
	input := newStoppableReader(in, func() {
		s.registrar.inflight.beginDrain()
		close(inputEnded)
	})
	listenCtx, cancelListen := context.WithCancel(context.WithoutCancel(ctx))
	defer cancelListen()

	done := make(chan error, 1)
	go func() { done <- stdio.Listen(listenCtx, input, out) }()

	select {
	case err := <-done:
		return cleanStop(err)
	case <-inputEnded:
	case <-ctx.Done():
		input.stop()
	}

	if !s.Drain(drainTimeout) {
		s.logger.Warn("shutdown deadline passed; cancelled the calls still running",
			"timeout", drainTimeout)
	}
	select {
	case err := <-done:
		return cleanStop(err)
	case <-time.After(2 * time.Second):
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

// stoppableReader passes reads through until the input ends or stop is called, after
// which reads end with io.EOF. A read of os.Stdin cannot be interrupted, so the copy
// runs on its own goroutine and stop simply closes the pipe the transport reads from.
// onEnd runs once, before the transport can see the end of input.
type stoppableReader struct {
	pr   *io.PipeReader
	pw   *io.PipeWriter
	once sync.Once
	end  func()
}

func newStoppableReader(in io.Reader, onEnd func()) *stoppableReader {
	pr, pw := io.Pipe()
	r := &stoppableReader{pr: pr, pw: pw, end: onEnd}
	go func() {
		_, err := io.Copy(pw, in)
		r.finish(err)
	}()
	return r
}

func (r *stoppableReader) Read(p []byte) (int, error) { return r.pr.Read(p) }

func (r *stoppableReader) stop() { r.finish(nil) }

func (r *stoppableReader) finish(err error) {
	r.once.Do(func() {
		r.end()
		if err == nil {
			err = io.EOF
		}
		r.pw.CloseWithError(err)
	})
}
