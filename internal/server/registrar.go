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
}

func newRegistrar(d registrarDeps) *Registrar {
	if d.writeAllowed == nil {
		d.writeAllowed = func(t tools.Tool) bool { return !t.Kind.IsWrite() }
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

		c := &auditedCall{r: r, name: t.Name, start: time.Now(), external: t.ExternalContent}
		defer func() {
			if p := recover(); p != nil {
				res, err = c.panicked(p), nil
			}
		}()

		raw, argErr := arguments(req)
		c.entry = r.audit.Begin(t.Name, raw)

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
			o.res, o.err = r.invoke(hctx, t, raw, argErr)
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
}

// invoke validates the arguments and runs the handler.
func (r *Registrar) invoke(ctx context.Context, t tools.Tool, raw map[string]any,
	argErr error) (tools.Result, error) {
	if argErr != nil {
		return tools.Result{}, argErr
	}
	args, err := tools.Validate(t.Params, raw)
	if err != nil {
		return tools.Result{}, err
	}
	return t.Handler(ctx, args)
}

// auditedCall is one call's end: it writes the OK or ERR line exactly once, whether
// the call returns or panics anywhere in the wrapper.
type auditedCall struct {
	r     *Registrar
	name  string
	start time.Time
	ended bool
	// external marks a tool whose results quote externally authored content.
	external bool
	// entry holds whether this call is audited, decided once at its start, so a
	// reload that turns auditing on or off mid-call cannot leave half a pair.
	entry audit.Entry
}

// panicked turns a panic into an Internal error result, so one faulty tool cannot take
// the server down nor leak the panic's text to the client.
func (c *auditedCall) panicked(p any) *mcp.CallToolResult {
	c.r.logger.Error("tool call panicked", "tool", c.name, "panic", fmt.Sprint(p),
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
	note := o.note
	if r.sanitize {
		note = sanitize.String(note)
	}
	if err == nil {
		value := o.res.Value
		if r.sanitize {
			value = sanitize.Value(value)
		}
		out, encErr := successResult(value)
		if encErr == nil {
			if note != "" {
				out.Content = []mcp.Content{mcp.NewTextContent(note)}
			}
			if c.external {
				withBanner(out)
			}
			summary := o.summary
			if summary == "" {
				summary = audit.Summary(o.res.Items)
			}
			if o.res.Partial {
				summary = partialSummary(summary)
			}
			c.ended = true
			c.entry.OK(time.Since(c.start), summary)
			return out
		}
		r.logger.Error("tool result could not be encoded", "tool", c.name, "error", encErr)
		err = toolerr.New(toolerr.Internal, "the result could not be encoded; see the server log")
	}

	te := classify(ctx, err, r.inflight.isDraining())
	if te.Kind == toolerr.Internal && te.Err != nil {
		r.logger.Error("tool failed", "tool", c.name, "error", te.Err)
	}
	message := te.Message
	if r.sanitize {
		message = sanitize.String(message)
	}
	c.ended = true
	c.entry.Err(time.Since(c.start), string(te.Kind), message)
	out := errorResult(r.audit.ErrorText(string(te.Kind), message))
	if note != "" {
		out.Content = append(out.Content, mcp.NewTextContent(note))
	}
	return out
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

// arguments returns the call's arguments as an object.
func arguments(req mcp.CallToolRequest) (map[string]any, error) {
	switch a := req.Params.Arguments.(type) {
	case nil:
		return map[string]any{}, nil
	case map[string]any:
		return a, nil
	}
	return nil, toolerr.New(toolerr.InvalidArgument, "arguments must be a JSON object")
}
