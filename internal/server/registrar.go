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
	"github.com/zscaler/zscaler-mcp/internal/sanitize"
	"github.com/zscaler/zscaler-mcp/internal/toolerr"
	"github.com/zscaler/zscaler-mcp/internal/tools"
)

// Registrar is the only path from a tool value to mcp-go's tool registration. Every
// handler it registers is wrapped with auditing, output sanitization, panic recovery and
// shutdown tracking, so no tool can be served unaudited, meta tools included.
type Registrar struct {
	mcp      *mcpserver.MCPServer
	audit    *audit.Logger
	logger   *slog.Logger
	sanitize bool
	inflight *inflight

	mu         sync.Mutex
	registered map[string]tools.Tool
}

func newRegistrar(m *mcpserver.MCPServer, a *audit.Logger, l *slog.Logger, sanitizeOutput bool) *Registrar {
	return &Registrar{
		mcp:        m,
		audit:      a,
		logger:     l,
		sanitize:   sanitizeOutput,
		inflight:   newInflight(),
		registered: make(map[string]tools.Tool),
	}
}

// Register adds the tools not registered yet in one batch, so clients get a single
// tools/list_changed notification, and returns how many were new.
func (r *Registrar) Register(ts ...tools.Tool) int {
	r.mu.Lock()
	defer r.mu.Unlock()

	var batch []mcpserver.ServerTool
	for _, t := range ts {
		if _, dup := r.registered[t.Name]; dup {
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
// one OK or ERR audit line, whatever happens inside.
func (r *Registrar) wrap(t tools.Tool) mcpserver.ToolHandlerFunc {
	return func(ctx context.Context, req mcp.CallToolRequest) (res *mcp.CallToolResult, err error) {
		done := r.inflight.enter()
		defer done()

		c := &auditedCall{r: r, name: t.Name, start: time.Now()}
		defer func() {
			if p := recover(); p != nil {
				res, err = c.panicked(p), nil
			}
		}()

		raw, argErr := arguments(req)
		c.entry = r.audit.Begin(t.Name, raw)

		hctx, cancel := r.inflight.handlerContext(ctx)
		defer cancel()

		out, callErr := r.invoke(hctx, t, raw, argErr)
		return c.finish(hctx, out, callErr), nil
	}
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

func (c *auditedCall) finish(ctx context.Context, res tools.Result, err error) *mcp.CallToolResult {
	r := c.r
	if err == nil {
		value := res.Value
		if r.sanitize {
			value = sanitize.Value(value)
		}
		out, encErr := successResult(value)
		if encErr == nil {
			c.ended = true
			c.entry.OK(time.Since(c.start), audit.Summary(res.Items))
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
	return errorResult(r.audit.ErrorText(string(te.Kind), message))
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
