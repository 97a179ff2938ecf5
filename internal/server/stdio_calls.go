package server

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"sync"
	"sync/atomic"
	"time"

	"github.com/mark3labs/mcp-go/mcp"
)

// callTracker knows which tools/call requests have been handed to the stdio transport
// and not answered yet. The transport drops queued calls without an answer once its
// input ends, so a shutdown must hold the end of input back until every call it
// forwarded has been answered (or the deadline passes and the rest are cancelled).
type callTracker struct {
	mu sync.Mutex
	// pending counts unanswered calls per id: a client may reuse an id.
	pending map[string]int
	idle    idleSignal
}

func newCallTracker() *callTracker {
	return &callTracker{pending: make(map[string]int)}
}

// requested notes a client line if it is a tools/call request.
func (c *callTracker) requested(line []byte) {
	var msg struct {
		ID     json.RawMessage `json:"id"`
		Method string          `json:"method"`
	}
	if json.Unmarshal(line, &msg) != nil || msg.Method != string(mcp.MethodToolsCall) || len(msg.ID) == 0 {
		return
	}
	if key, ok := idKey(msg.ID); ok {
		c.mu.Lock()
		c.pending[key]++
		c.mu.Unlock()
	}
}

// answered removes the call with this id, if pending.
func (c *callTracker) answered(key string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.pending[key] > 1 {
		c.pending[key]--
		return
	}
	delete(c.pending, key)
	if len(c.pending) == 0 {
		c.idle.reached()
	}
}

// waitIdle waits up to timeout for every pending call to be answered.
func (c *callTracker) waitIdle(timeout time.Duration) bool {
	c.mu.Lock()
	if len(c.pending) == 0 {
		c.mu.Unlock()
		return true
	}
	idle := c.idle.channel()
	c.mu.Unlock()
	return waitClosed(idle, timeout)
}

// idKey renders a JSON-RPC id so that a request's id and its response's id compare
// equal: numbers and strings are kept apart.
func idKey(raw json.RawMessage) (string, bool) {
	var id any
	if json.Unmarshal(raw, &id) != nil || id == nil {
		return "", false
	}
	return fmt.Sprintf("%T:%v", id, id), true
}

// stdioInput forwards client lines to the transport through a pipe, noting tools/call
// requests, and lets the server decide when the transport sees the end of input.
type stdioInput struct {
	pr      *io.PipeReader
	pw      *io.PipeWriter
	calls   *callTracker
	stopped atomic.Bool
	// ended is closed when the client's input ends.
	ended chan struct{}
}

func newStdioInput(in io.Reader, calls *callTracker) *stdioInput {
	pr, pw := io.Pipe()
	s := &stdioInput{pr: pr, pw: pw, calls: calls, ended: make(chan struct{})}
	go s.forward(in)
	return s
}

// forward copies whole lines; a read of os.Stdin cannot be interrupted, so this runs
// on its own goroutine and stopForwarding only makes it drop what comes later.
func (s *stdioInput) forward(in io.Reader) {
	defer close(s.ended)
	r := bufio.NewReader(in)
	for {
		line, err := r.ReadBytes('\n')
		// Blank lines carry nothing; the transport would answer them with a parse error.
		if len(bytes.TrimSpace(line)) > 0 && !s.stopped.Load() {
			s.calls.requested(line)
			if _, werr := s.pw.Write(line); werr != nil {
				return
			}
		}
		if err != nil {
			return
		}
	}
}

func (s *stdioInput) Read(p []byte) (int, error) { return s.pr.Read(p) }

// stopForwarding drops every later client line.
func (s *stdioInput) stopForwarding() { s.stopped.Store(true) }

// endInput makes the transport's reads end with io.EOF.
func (s *stdioInput) endInput() { s.pw.CloseWithError(io.EOF) }

// responseWatcher passes the transport's output through and marks calls answered.
// Writes are serialised: the transport writes responses under its own lock but
// server-initiated requests outside it.
type responseWatcher struct {
	mu    sync.Mutex
	out   io.Writer
	calls *callTracker
	// head holds the start of the line being written; a response's id comes first.
	head []byte
}

// maxHead is how much of an outgoing line is kept to find its id.
const maxHead = 1024

func (w *responseWatcher) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()

	n, err := w.out.Write(p)
	for rest := p[:n]; len(rest) > 0; {
		i := bytes.IndexByte(rest, '\n')
		chunk := rest
		if i >= 0 {
			chunk = rest[:i]
		}
		if room := maxHead - len(w.head); room > 0 {
			w.head = append(w.head, chunk[:min(room, len(chunk))]...)
		}
		if i < 0 {
			break
		}
		if key, ok := responseID(w.head); ok {
			w.calls.answered(key)
		}
		w.head = w.head[:0]
		rest = rest[i+1:]
	}
	return n, err
}

// responseID reads the id of a JSON-RPC response from the start of its line. Requests
// the server sends to the client carry ids too, so the line must show "result" or
// "error" before any "method".
func responseID(head []byte) (string, bool) {
	dec := json.NewDecoder(bytes.NewReader(head))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return "", false
	}
	var id json.RawMessage
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return "", false
		}
		switch tok {
		case "id":
			if dec.Decode(&id) != nil {
				return "", false
			}
			continue
		case "result", "error":
			if id == nil {
				return "", false
			}
			return idKey(id)
		case "method":
			return "", false
		}
		var skip json.RawMessage
		if dec.Decode(&skip) != nil {
			return "", false
		}
	}
	return "", false
}
