// Package tools declares every tool the server can offer as a plain value: its name,
// description, toolset, kind, parameters and handler. Nothing here talks to mcp-go's
// registration API; the server's single registrar turns these values into MCP tools and
// wraps their handlers with auditing and output sanitization.
package tools

import (
	"context"
	"net/url"

	"github.com/zscaler/zscaler-mcp/internal/zclient"
)

// Kind says what a tool does to the tenant.
type Kind int

// The kinds of tool. The write kinds decide annotations and mark the tools that are
// served only when writes are enabled (and zscaler_enable_toolset, which changes the
// server rather than the tenant).
const (
	Read Kind = iota
	Create
	Update
	Delete
)

// String returns the kind's lower-case name.
func (k Kind) String() string {
	switch k {
	case Create:
		return "create"
	case Update:
		return "update"
	case Delete:
		return "delete"
	default:
		return "read"
	}
}

// IsWrite reports whether the kind changes tenant state.
func (k Kind) IsWrite() bool { return k != Read }

// Service codes. Meta tools belong to the server itself.
const (
	ServiceZIA  = "zia"
	ServiceZMS  = "zms"
	ServiceMeta = "meta"
)

// Handler runs a tool with validated arguments. It returns a Result or an error; errors
// should be *toolerr.Error values so the agent gets an actionable message.
type Handler func(ctx context.Context, args Args) (Result, error)

// Tool is one MCP tool, declared once.
type Tool struct {
	Name        string
	Title       string
	Description string
	Toolset     string
	Service     string
	Kind        Kind
	Params      []Param
	// Lists marks a read tool whose result is a list of records. Such tools take the
	// optional JMESPath "query" parameter, and their results are cut at a record
	// boundary when they would not fit the configured result size.
	Lists bool
	// OpenWorld is true for tools that reach beyond the tenant (none today).
	OpenWorld bool
	// ExternalContent is true for tools whose results quote content written outside the
	// tenant's administration, such as a sandbox report on a submitted file. Their
	// successful results open with a banner telling the agent to treat what follows as
	// data, not instructions, whether or not output sanitization is on.
	ExternalContent bool
	// Idempotent overrides the kind's default idempotency hint when set.
	Idempotent *bool
	Handler    Handler
	// Describe names the resource a delete tool acts on, so the human asked to confirm
	// the deletion sees what it is: its id and its display name, read from the tenant.
	// It is only called for Delete tools; nil means the id arguments are shown alone.
	Describe func(ctx context.Context, args Args) (Resource, error)
	// Retired names parameters the Python server's tool of the same name took but this
	// one does not, because they changed nothing, with what to do instead. A call that
	// still gives one is refused with that advice rather than as an unknown parameter.
	Retired map[string]string
}

// ChangesTenant reports whether t writes to the tenant, and so is served only through
// the write gate. The meta tool that enables toolsets is a write kind too, but it
// changes this server's tool list, not the tenant.
func (t Tool) ChangesTenant() bool { return t.Kind.IsWrite() && t.Service != ServiceMeta }

// Resource identifies one tenant object for a human: "URL filtering rule 42 (Block
// gambling)".
type Resource struct {
	// Type is the kind of object in words, such as "URL filtering rule".
	Type string
	// ID is the object's id as the API spells it, or a short rendering of the ids of a
	// call that names several.
	ID string
	// Name is the object's display name; empty when it could not be read.
	Name string
}

// Upstream is what the Zscaler tools need from the API client. *zclient.Client
// implements it; tests may substitute their own.
type Upstream interface {
	// ZIAList reads every page of a ZIA list endpoint.
	ZIAList(ctx context.Context, path string, query url.Values) ([]any, error)
	// ZIAListUnpaged reads a ZIA list endpoint that the API serves in one reply.
	ZIAListUnpaged(ctx context.Context, path string, query url.Values) ([]any, error)
	// ZIAGet reads one ZIA object (or any JSON value) from path.
	ZIAGet(ctx context.Context, path string, query url.Values) (any, error)
	// ZIAPostRead posts body to a ZIA endpoint that only reads (such as urlLookup).
	ZIAPostRead(ctx context.Context, path string, body any) (any, error)
	// ZIAWrite sends one change (POST, PUT or DELETE) to ZIA; it is never retried once
	// the request may have reached the API. path may end with a query such as
	// "?action=ADD_TO_LIST".
	ZIAWrite(ctx context.Context, method, path string, body any) (any, error)
	// ZMS runs one GraphQL query; customerId is added to the variables.
	ZMS(ctx context.Context, operation, query string,
		variables map[string]any) (*zclient.GraphQLResult, error)
}
