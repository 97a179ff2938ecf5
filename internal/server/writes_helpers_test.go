package server

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mark3labs/mcp-go/client"
	"github.com/mark3labs/mcp-go/mcp"
	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/audit"
	"github.com/zscaler/zscaler-mcp/internal/config"
	"github.com/zscaler/zscaler-mcp/internal/simulator"
	"github.com/zscaler/zscaler-mcp/internal/tools"
	"github.com/zscaler/zscaler-mcp/internal/zclient"
)

// labelTools are write tools for rule labels, defined here so the confirmation
// machinery is tested against the real simulator endpoints on its own.
func labelTools(up tools.Upstream) []tools.Tool {
	idParam := tools.Param{Name: "label_id", Type: tools.ID, Required: true, Description: "Label id."}
	label := func(ctx context.Context, id string) (map[string]any, error) {
		v, err := up.ZIAGet(ctx, "/ruleLabels/"+id, nil)
		m, _ := v.(map[string]any)
		return m, err
	}
	return []tools.Tool{
		{
			Name: "zia_create_rule_label", Title: "Create a rule label", Description: "Creates a label.",
			Toolset: "zia_rule_labels", Service: tools.ServiceZIA, Kind: tools.Create,
			Params: []tools.Param{{Name: "name", Type: tools.String, Required: true, Description: "Name."}},
			Handler: func(ctx context.Context, a tools.Args) (tools.Result, error) {
				v, err := up.ZIAWrite(ctx, http.MethodPost, "/ruleLabels", map[string]any{"name": a.String("name")})
				return tools.Object(v), err
			},
		},
		{
			Name: "zia_update_rule_label", Title: "Update a rule label", Description: "Renames a label.",
			Toolset: "zia_rule_labels", Service: tools.ServiceZIA, Kind: tools.Update,
			Params: []tools.Param{idParam, {Name: "name", Type: tools.String, Required: true, Description: "Name."}},
			Handler: func(ctx context.Context, a tools.Args) (tools.Result, error) {
				v, err := up.ZIAWrite(ctx, http.MethodPut, "/ruleLabels/"+a.String("label_id"),
					map[string]any{"name": a.String("name")})
				return tools.Object(v), err
			},
		},
		{
			Name: "zia_delete_rule_label", Title: "Delete a rule label", Description: "Deletes a label.",
			Toolset: "zia_rule_labels", Service: tools.ServiceZIA, Kind: tools.Delete,
			Params: []tools.Param{idParam},
			Handler: func(ctx context.Context, a tools.Args) (tools.Result, error) {
				_, err := up.ZIAWrite(ctx, http.MethodDelete, "/ruleLabels/"+a.String("label_id"), nil)
				return tools.Object(map[string]any{"deleted": a.String("label_id")}), err
			},
			Describe: func(ctx context.Context, a tools.Args) (tools.Resource, error) {
				m, err := label(ctx, a.String("label_id"))
				name, _ := m["name"].(string)
				return tools.Resource{Type: "rule label", ID: a.String("label_id"), Name: name}, err
			},
		},
	}
}

// testClock is a settable time source for token expiry.
type testClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *testClock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *testClock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// elicitFunc answers elicitation requests as the user of the test client would.
type elicitFunc func(ctx context.Context, req mcp.ElicitationRequest) (*mcp.ElicitationResult, error)

func (f elicitFunc) Elicit(ctx context.Context, req mcp.ElicitationRequest) (*mcp.ElicitationResult, error) {
	return f(ctx, req)
}

func answer(action mcp.ElicitationResponseAction, content any) *mcp.ElicitationResult {
	return &mcp.ElicitationResult{ElicitationResponse: mcp.ElicitationResponse{Action: action, Content: content}}
}

// writeFixture is the whole server against a simulated tenant through the real client.
type writeFixture struct {
	srv    *Server
	client *client.Client
	tenant *simulator.Tenant
	up     *zclient.Client
	audit  *syncBuffer
	log    *syncBuffer
	clock  *testClock
}

type writeOptions struct {
	elicit elicitFunc
	// catalog replaces the label tools and the read catalog.
	catalog func(up tools.Upstream) []tools.Tool
}

// allowAll is a configuration with every write tool allowed.
func allowAll() *config.Config {
	return &config.Config{Writes: config.Writes{Enabled: true, Tools: []string{"*"}}}
}

func newWriteFixture(t *testing.T, cfg *config.Config, o writeOptions) *writeFixture {
	t.Helper()
	tenant := simulator.New()
	sim, err := simulator.Start(tenant)
	require.NoError(t, err)
	t.Cleanup(func() { _ = sim.Close() })

	logs := &syncBuffer{}
	logger := slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	up := zclient.New(zclient.Options{
		RetryBudget: 5 * time.Second,
		Logger:      logger,
		Credentials: func() zclient.Credentials {
			return zclient.Credentials{
				ClientID: simulator.DemoClientID, ClientSecret: simulator.DemoClientSecret,
				VanityDomain: simulator.DemoVanityDomain, Cloud: simulator.DemoCloud,
				CustomerID: simulator.DemoCustomerID,
			}
		},
		Transport: simulator.Transport(sim.URL, http.DefaultTransport),
	})
	t.Cleanup(up.Close)

	catalog := o.catalog
	if catalog == nil {
		catalog = withReads(labelTools)
	}
	sink := &syncBuffer{}
	a := audit.New(sink)
	clock := &testClock{t: time.Date(2026, 12, 3, 10, 0, 0, 0, time.UTC)}
	srv, err := New(Deps{Config: cfg, Version: "test", Logger: logger, Audit: a,
		Upstream: up, Prober: up, Catalog: catalog(up), Clock: clock.now})
	require.NoError(t, err)

	var opts []client.ClientOption
	if o.elicit != nil {
		opts = append(opts, client.WithElicitationHandler(o.elicit))
	}
	c, err := client.NewInProcessClientWithOptions(srv.MCP(), opts...)
	require.NoError(t, err)
	require.NoError(t, c.Start(context.Background()))
	init := mcp.InitializeRequest{}
	init.Params.ProtocolVersion = mcp.LATEST_LEGACY_PROTOCOL_VERSION
	init.Params.ClientInfo = mcp.Implementation{Name: "test", Version: "1"}
	_, err = c.Initialize(context.Background(), init)
	require.NoError(t, err)
	t.Cleanup(func() { _ = c.Close() })

	return &writeFixture{srv: srv, client: c, tenant: tenant, up: up, audit: sink, log: logs, clock: clock}
}

// withReads serves the given write tools before the read catalog; read tools of the
// same name are left out.
func withReads(writes func(tools.Upstream) []tools.Tool) func(tools.Upstream) []tools.Tool {
	return func(up tools.Upstream) []tools.Tool {
		out := writes(up)
		taken := map[string]bool{}
		for _, t := range out {
			taken[t.Name] = true
		}
		for _, t := range tools.All(up) {
			if !taken[t.Name] {
				out = append(out, t)
			}
		}
		return out
	}
}

func (f *writeFixture) call(t *testing.T, name string, args map[string]any) *mcp.CallToolResult {
	t.Helper()
	req := mcp.CallToolRequest{}
	req.Params.Name = name
	req.Params.Arguments = args
	res, err := f.client.CallTool(context.Background(), req)
	require.NoError(t, err, name)
	return res
}

// newLabel creates a rule label in the tenant, bypassing the server, and returns its id.
func (f *writeFixture) newLabel(t *testing.T, name string) string {
	t.Helper()
	v, err := f.up.ZIAWrite(context.Background(), http.MethodPost, "/ruleLabels", map[string]any{"name": name})
	require.NoError(t, err)
	return fmt.Sprint(v.(map[string]any)["id"])
}

// labelExists reads the tenant directly.
func (f *writeFixture) labelExists(t *testing.T, id string) bool {
	t.Helper()
	_, err := f.up.ZIAGet(context.Background(), "/ruleLabels/"+id, nil)
	return err == nil
}

// deletes counts the DELETE requests the tenant received for a label.
func (f *writeFixture) deletes(id string) int {
	n := 0
	for _, r := range f.tenant.Requests() {
		if r.Method == http.MethodDelete && r.Path == "/zia/api/v1/ruleLabels/"+id {
			n++
		}
	}
	return n
}

// mark returns the number of audit lines so far, for since.
func (f *writeFixture) mark() int { return len(f.audit.lines()) }

func (f *writeFixture) since(n int) []string { return f.audit.lines()[n:] }

// token returns the confirmation token of a prompt result, checking it is also in the
// text the agent reads.
func token(t *testing.T, res *mcp.CallToolResult) string {
	t.Helper()
	sc, ok := res.StructuredContent.(map[string]any)
	require.True(t, ok, "structured content: %#v", res.StructuredContent)
	tok, _ := sc["confirmation_token"].(string)
	require.NotEmpty(t, tok, resultText(res))
	require.Contains(t, resultText(res), tok)
	return tok
}

// tokenIn finds the token in the text of a rejection result (its second content).
func tokenIn(t *testing.T, res *mcp.CallToolResult) string {
	t.Helper()
	require.Len(t, res.Content, 2, resultText(res))
	for _, field := range strings.Fields(resultText(res)) {
		if strings.HasPrefix(field, "zc1.") {
			return field
		}
	}
	t.Fatalf("no token in %q", resultText(res))
	return ""
}

func structured(t *testing.T, res *mcp.CallToolResult) map[string]any {
	t.Helper()
	b, err := json.Marshal(res.StructuredContent)
	require.NoError(t, err)
	var m map[string]any
	require.NoError(t, json.Unmarshal(b, &m))
	return m
}
