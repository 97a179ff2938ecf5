package server

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"sort"
	"sync"
	"time"

	"github.com/mark3labs/mcp-go/mcp"
	mcpserver "github.com/mark3labs/mcp-go/server"

	"github.com/zscaler/zscaler-mcp/internal/audit"
	"github.com/zscaler/zscaler-mcp/internal/confirm"
	"github.com/zscaler/zscaler-mcp/internal/query"
	"github.com/zscaler/zscaler-mcp/internal/sanitize"
	"github.com/zscaler/zscaler-mcp/internal/toolerr"
	"github.com/zscaler/zscaler-mcp/internal/tools"
)

// Registrar is the only path from a tool value to mcp-go's tool registration. Every
// handler it registers is wrapped with auditing, output sanitization, panic recovery and
// shutdown tracking, so no tool can be served unaudited, meta tools included.
//
// It also enforces the write gate, on registration and again on every call, and
// stands between every delete tool and its handler until a human has confirmed the
// deletion (see confirmedDelete).
type Registrar struct {
	mcp      *mcpserver.MCPServer
	audit    *audit.Logger
	logger   *slog.Logger
	sanitize bool
	inflight *inflight

	// writeAllowed is the write gate; it holds for every read tool.
	writeAllowed func(tools.Tool) bool
	confirm      *confirm.Confirmer
	// maxResultBytes is the result size bound, read on every call so that a reload
	// can change it; 0 means no bound.
	maxResultBytes func() int

	mu         sync.Mutex
	registered map[string]tools.Tool
}

// registrarDeps is what a Registrar is built from.
type registrarDeps struct {
	mcp            *mcpserver.MCPServer
	audit          *audit.Logger
	logger         *slog.Logger
	sanitizeOutput bool
	writeAllowed   func(tools.Tool) bool
	confirm        *confirm.Confirmer
	maxResultBytes func() int
}

func newRegistrar(d registrarDeps) *Registrar {
	if d.writeAllowed == nil {
		d.writeAllowed = func(t tools.Tool) bool { return !t.Kind.IsWrite() }
	}
	if d.maxResultBytes == nil {
		d.maxResultBytes = func() int { return 0 }
	}
	return &Registrar{
		mcp:          d.mcp,
		audit:        d.audit,
		logger:       d.logger,
		sanitize:     d.sanitizeOutput,
		inflight:     newInflight(),
		writeAllowed: d.writeAllowed,
		confirm:      d.confirm,
		registered:   make(map[string]tools.Tool),

		maxResultBytes: d.maxResultBytes,
	}
}

// Register adds the tools not registered yet in one batch, so clients get a single
// tools/list_changed notification, and returns how many were new. Write tools the
// write gate refuses are never registered, whoever asks.
func (r *Registrar) Register(ts ...tools.Tool) int {
	r.mu.Lock()
	defer r.mu.Unlock()

	var batch []mcpserver.ServerTool
	for _, t := range ts {
		if _, dup := r.registered[t.Name]; dup {
			continue
		}
		if !r.writeAllowed(t) {
			r.logger.Error("refused to register a write tool the write gate does not allow",
				"tool", t.Name)
			continue
		}
		r.registered[t.Name] = t
		batch = append(batch, mcpserver.ServerTool{Tool: definition(t), Handler: r.wrap(t)})
	}
	if len(batch) > 0 {
		r.mcp.AddTools(batch...)
	}
	return len(batch)
}

// IsRegistered reports whether a tool of that name is served.
func (r *Registrar) IsRegistered(name string) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	_, ok := r.registered[name]
	return ok
}

// Registered returns the served tools sorted by name.
func (r *Registrar) Registered() []tools.Tool {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := make([]tools.Tool, 0, len(r.registered))
	for _, t := range r.registered {
		out = append(out, t)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// wrap returns the handler mcp-go calls for t. It always answers with a result (never a
// Go error, whose text mcp-go would forward verbatim) and writes exactly one CALL and
// one OK or ERR audit line, whatever happens inside. (A delete's lookup of its target
// writes its own pair in between; see describe.)
func (r *Registrar) wrap(t tools.Tool) mcpserver.ToolHandlerFunc {
	return func(ctx context.Context, req mcp.CallToolRequest) (res *mcp.CallToolResult, err error) {
		done := r.inflight.enter()
		defer done()

		c := &auditedCall{r: r, tool: t, start: time.Now()}
		defer func() {
			if p := recover(); p != nil {
				res, err = c.panicked(p), nil
			}
		}()

		raw, argErr := arguments(req)
		c.entry = r.audit.Begin(t.Name, r.auditedArguments(req.Params, raw))

		hctx, cancel := r.inflight.handlerContext(ctx)
		defer cancel()

		var o outcome
		switch {
		case !r.writeAllowed(t):
			// Registration already refuses such tools; checking again here means no
			// later path (a toolset enabled at runtime, a future reload) can open it.
			o.err = toolerr.New(toolerr.UnknownTool, unknownToolMessage)
		case t.Kind == tools.Delete:
			o = r.confirmedDelete(hctx, t, raw, argErr)
		default:
			o = r.invoke(hctx, t, raw, argErr)
		}
		return c.finish(hctx, o), nil
	}
}

// outcome is how a call ended, before it is rendered for the agent and audited.
type outcome struct {
	res tools.Result
	err error
	// summary replaces the OK line's default summary ("ok", "N items").
	summary string
	// note is text for the agent. On success it is the text content in place of the
	// value's JSON (the value is still the structured content); on failure it follows
	// the error text as a second content item. It is not audited: it may carry a
	// confirmation token.
	note string
	// query is applied to the result's records once they are sanitized.
	query *query.Query
}

// invoke validates the arguments, parses the query if one was given, and runs the
// handler. A query that cannot work is refused before the handler reaches the API.
func (r *Registrar) invoke(ctx context.Context, t tools.Tool, raw map[string]any,
	argErr error) outcome {
	if argErr != nil {
		return outcome{err: argErr}
	}
	args, served, err := splitServed(t, raw)
	if err != nil {
		return outcome{err: err}
	}
	q, err := query.Compile(served.query)
	if err != nil {
		return outcome{err: err}
	}
	res, err := t.Handler(ctx, args)
	return outcome{res: res, err: err, query: q}
}

// auditedCall is one call's end: it writes the OK or ERR line exactly once, whether
// the call returns or panics anywhere in the wrapper.
type auditedCall struct {
	r     *Registrar
	tool  tools.Tool
	start time.Time
	ended bool
	// entry holds whether this call is audited, decided once at its start, so a
	// reload that turns auditing on or off mid-call cannot leave half a pair.
	entry audit.Entry
}

// panicked turns a panic into an Internal error result, so one faulty tool cannot take
// the server down nor leak the panic's text to the client.
func (c *auditedCall) panicked(p any) *mcp.CallToolResult {
	c.r.logger.Error("tool call panicked", "tool", c.tool.Name, "panic", fmt.Sprint(p),
		"stack", string(debug.Stack()))
	te := toolerr.New(toolerr.Internal, "the tool failed unexpectedly; see the server log")
	if !c.ended {
		c.ended = true
		c.entry.Err(time.Since(c.start), string(te.Kind), te.Message)
	}
	return errorResult(c.r.audit.ErrorText(string(te.Kind), te.Message))
}

func (c *auditedCall) finish(ctx context.Context, o outcome) *mcp.CallToolResult {
	r := c.r
	err := o.err
	// A note can name tenant objects (the target of a delete), which can hold a secret.
	note := r.cleanText(o.note)
	if err == nil {
		s, shapeErr := r.shape(ctx, c.tool, o)
		if shapeErr == nil {
			out := s.res
			if note != "" {
				out.Content = []mcp.Content{mcp.NewTextContent(note)}
			}
			if c.tool.ExternalContent {
				withBanner(out)
			}
			summary := s.summary
			if o.res.Partial {
				summary = partialSummary(summary)
			}
			c.ended = true
			c.entry.OK(time.Since(c.start), summary)
			return out
		}
		err = shapeErr
	}

	te := classify(ctx, err, r.inflight.isDraining())
	if te.Kind == toolerr.Internal && te.Err != nil {
		r.logger.Error("tool failed", "tool", c.tool.Name, "error", te.Err)
	}
	// ErrorText redacts the secrets again once the message is cleaned.
	message := r.cleanText(te.Message)
	c.ended = true
	c.entry.Err(time.Since(c.start), string(te.Kind), message)
	out := errorResult(r.audit.ErrorText(string(te.Kind), message))
	if note != "" {
		out.Content = append(out.Content, mcp.NewTextContent(note))
	}
	return out
}

// cleanText sanitizes text for the agent when the server sanitizes output, and
// redacts the configured secrets from it in any case.
func (r *Registrar) cleanText(s string) string {
	if r.sanitize {
		return sanitize.StringRedacting(s, r.audit.Secrets())
	}
	return sanitize.RedactSecretsString(s, r.audit.Secrets())
}

// classify turns any handler error into a toolerr.Error, recognising cancellation.
func classify(ctx context.Context, err error, draining bool) *toolerr.Error {
	var te *toolerr.Error
	if errors.As(err, &te) {
		if te.Kind == toolerr.Cancelled && draining {
			return toolerr.Wrap(toolerr.Cancelled, te, "the server shut down before the call finished")
		}
		return te
	}
	if (ctx.Err() != nil || errors.Is(err, context.Canceled)) && draining {
		return toolerr.Wrap(toolerr.Cancelled, err,
			"the server shut down before the call finished")
	}
	if ctx.Err() != nil || errors.Is(err, context.Canceled) {
		return toolerr.Wrap(toolerr.Cancelled, err, "the call was cancelled before it finished")
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return toolerr.Wrap(toolerr.UpstreamUnavailable, err, "the call timed out")
	}
	return toolerr.As(err)
}

// auditedArguments returns the arguments a call's CALL line shows: the arguments as
// the client wrote them, every number as its text (see writtenArguments). Decoding
// that text again costs a second pass, so it is done only when audit logging is on;
// otherwise, and when the written arguments are not an object, decoded (the arguments
// the handler receives) is returned.
func (r *Registrar) auditedArguments(p mcp.CallToolParams, decoded map[string]any) map[string]any {
	if !r.audit.Enabled() {
		return decoded
	}
	if written, ok := writtenArguments(p).(map[string]any); ok {
		return written
	}
	return decoded
}

// arguments returns the call's arguments as an object, 64-bit integers exact.
func arguments(req mcp.CallToolRequest) (map[string]any, error) {
	switch a := exactArguments(req.Params).(type) {
	case nil:
		return map[string]any{}, nil
	case map[string]any:
		return a, nil
	}
	return nil, toolerr.New(toolerr.InvalidArgument, "arguments must be a JSON object")
}
