package server

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"time"

	mcpserver "github.com/mark3labs/mcp-go/server"
)

// ServeStdio serves MCP over in and out until the input ends or ctx is cancelled. On
// cancellation it stops reading, lets running calls finish within drainTimeout (their
// responses and audit lines are still written), and returns nil.
func (s *Server) ServeStdio(ctx context.Context, in io.Reader, out io.Writer, drainTimeout time.Duration) error {
	stdio := mcpserver.NewStdioServer(s.mcp)
	stdio.SetErrorLogger(slog.NewLogLogger(s.logger.Handler(), slog.LevelWarn))

	input := newStoppableReader(in)
	listenCtx, cancelListen := context.WithCancel(context.WithoutCancel(ctx))
	defer cancelListen()

	done := make(chan error, 1)
	go func() { done <- stdio.Listen(listenCtx, input, out) }()

	select {
	case err := <-done:
		return cleanStop(err)
	case <-ctx.Done():
	}

	// Mark the drain before ending the input: the transport cancels every running
	// request when its input ends, and draining shields the handlers from that.
	s.registrar.inflight.beginDrain()
	input.stop()
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

// stoppableReader passes reads through until stop, after which reads end with io.EOF.
// A read of os.Stdin cannot be interrupted, so the copy runs on its own goroutine and
// stop simply closes the pipe the transport reads from.
type stoppableReader struct {
	pr *io.PipeReader
	pw *io.PipeWriter
}

func newStoppableReader(in io.Reader) *stoppableReader {
	pr, pw := io.Pipe()
	go func() {
		_, err := io.Copy(pw, in)
		pw.CloseWithError(err)
	}()
	return &stoppableReader{pr: pr, pw: pw}
}

func (r *stoppableReader) Read(p []byte) (int, error) { return r.pr.Read(p) }

func (r *stoppableReader) stop() { r.pw.CloseWithError(io.EOF) }
