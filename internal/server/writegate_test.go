package server

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/config"
	"github.com/zscaler/zscaler-mcp/internal/tools"
)

var labelWrites = []string{"zia_create_rule_label", "zia_update_rule_label", "zia_delete_rule_label"}

// TestWriteGateMatrix loads each combination of the write settings the way the
// command line passes them, starts the server, and checks which write tools a client
// can list and call, and what the start-up log says.
func TestWriteGateMatrix(t *testing.T) {
	const stayOff = "write tools stay off"
	cases := []struct {
		name   string
		env    map[string]string
		served []string
		log    string // a line the start-up log must contain; "" means none about writes
	}{
		{"nothing set", nil, nil, ""},
		{"switch only", map[string]string{config.EnvWriteEnabled: "true"}, nil,
			stayOff + ": --enable-write-tools (ZSCALER_MCP_WRITE_ENABLED) is set " +
				"but --write-tools (ZSCALER_MCP_WRITE_TOOLS) names no tool"},
		{"list only", map[string]string{config.EnvWriteTools: "zia_*"}, nil,
			stayOff + ": --write-tools (ZSCALER_MCP_WRITE_TOOLS) is set " +
				"but --enable-write-tools (ZSCALER_MCP_WRITE_ENABLED) is not"},
		{"switch off explicitly", map[string]string{config.EnvWriteEnabled: "false", config.EnvWriteTools: "*"}, nil,
			stayOff + ": --write-tools (ZSCALER_MCP_WRITE_TOOLS) is set but --enable-write-tools"},
		{"empty list", map[string]string{config.EnvWriteEnabled: "yes", config.EnvWriteTools: " , ,"}, nil,
			stayOff + ": --enable-write-tools (ZSCALER_MCP_WRITE_ENABLED) is set but --write-tools"},
		{"both", map[string]string{config.EnvWriteEnabled: "1", config.EnvWriteTools: "zia_create_*"},
			[]string{"zia_create_rule_label"}, "write tools are enabled"},
		{"patterns with spaces", map[string]string{config.EnvWriteEnabled: "on",
			config.EnvWriteTools: "  zia_create_rule_label ,\tzia_delete_rule_* , zia_nothing_here "},
			[]string{"zia_create_rule_label", "zia_delete_rule_label"}, `pattern=zia_nothing_here`},
		{"a pattern with a space inside matches nothing", map[string]string{config.EnvWriteEnabled: "true",
			config.EnvWriteTools: "zia_create_rule label"}, nil, `"a --write-tools pattern matches no write tool"`},
		{"disabled tools win", map[string]string{config.EnvWriteEnabled: "true", config.EnvWriteTools: "*",
			config.EnvDisabledTools: "zia_delete_*, zia_update_*"}, []string{"zia_create_rule_label"}, ""},
		{"toolset not selected", map[string]string{config.EnvWriteEnabled: "true", config.EnvWriteTools: "*",
			config.EnvToolsets: "zia_users"}, nil, ""},
		{"disabled toolset", map[string]string{config.EnvWriteEnabled: "true", config.EnvWriteTools: "*",
			config.EnvDisabledToolsets: "zia_rule_labels"}, nil, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			cfg, err := config.Load(func(name string) (string, bool) {
				v, ok := tc.env[name]
				return v, ok
			})
			require.NoError(t, err)
			f := newWriteFixture(t, cfg, writeOptions{})

			listed := listedWrites(t, f)
			require.ElementsMatch(t, tc.served, listed)
			logs := strings.Join(f.log.lines(), "\n")
			if tc.log != "" {
				require.Contains(t, logs, tc.log)
			}
			if !strings.Contains(tc.log, stayOff) {
				require.NotContains(t, logs, stayOff)
			} else {
				require.Equal(t, 1, strings.Count(logs, stayOff), "one line names what is missing")
			}

			// A write tool that is not served cannot run: an unknown tool, audited.
			for _, name := range labelWrites {
				if contains(strings.Join(tc.served, " "), name) {
					continue
				}
				m := f.mark()
				req := mcp.CallToolRequest{}
				req.Params.Name = name
				req.Params.Arguments = map[string]any{"label_id": "1", "name": "x"}
				_, err := f.client.CallTool(context.Background(), req)
				require.Error(t, err, name)
				lines := f.since(m)
				require.Len(t, lines, 2, name)
				require.Regexp(t, `^\[TOOL ERR\]  `+name+` \| 0ms \| UnknownTool: `, lines[1])
			}
			require.Empty(t, writeRequests(f), "no call reached the tenant with a write")
		})
	}
}

func listedWrites(t *testing.T, f *writeFixture) []string {
	t.Helper()
	listed, err := f.client.ListTools(context.Background(), mcp.ListToolsRequest{})
	require.NoError(t, err)
	var out []string
	for _, tool := range listed.Tools {
		for _, name := range labelWrites {
			if tool.Name == name {
				out = append(out, name)
			}
		}
	}
	return out
}

// writeRequests lists the tenant's non-GET ZIA requests other than the session calls.
func writeRequests(f *writeFixture) []string {
	var out []string
	for _, r := range f.tenant.Requests() {
		if r.Method != "GET" && strings.HasPrefix(r.Path, "/zia/api/v1/ruleLabels") {
			out = append(out, r.Method+" "+r.Path)
		}
	}
	return out
}

// TestToolsetEnabledAtRuntimeKeepsTheGate enables a toolset through the meta tool:
// its read tools arrive, its write tools only when the gate allows them.
func TestToolsetEnabledAtRuntimeKeepsTheGate(t *testing.T) {
	for _, tc := range []struct {
		name   string
		writes config.Writes
		served []string
	}{
		{"writes off", config.Writes{}, nil},
		{"switch only", config.Writes{Enabled: true}, nil},
		{"create allowed", config.Writes{Enabled: true, Tools: []string{"zia_create_*"}},
			[]string{"zia_create_rule_label"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := &config.Config{Toolsets: []string{"zia_users"}, Writes: tc.writes}
			f := newWriteFixture(t, cfg, writeOptions{})
			require.Empty(t, listedWrites(t, f))

			res := f.call(t, "zscaler_enable_toolset", map[string]any{"toolset": "zia_rule_labels"})
			require.False(t, res.IsError, resultText(res))
			require.True(t, listedNames(t, &fixture{client: f.client})["zia_list_rule_labels"])
			require.ElementsMatch(t, tc.served, listedWrites(t, f))

			res = f.call(t, "zscaler_get_toolset_tools", map[string]any{"toolset": "zia_rule_labels"})
			for _, row := range decode(t, res).([]any) {
				r := row.(map[string]any)
				if r["name"] == "zia_delete_rule_label" {
					require.Equal(t, false, r["available"])
					require.Contains(t, r["unavailable_reason"], "write tool")
				}
			}

			req := mcp.CallToolRequest{}
			req.Params.Name = "zia_delete_rule_label"
			req.Params.Arguments = map[string]any{"label_id": "4338882"}
			_, err := f.client.CallTool(context.Background(), req)
			require.Error(t, err)
			require.Empty(t, writeRequests(f))
		})
	}
}

// TestGateIsCheckedAgainAtCallTime bypasses the selection: a write tool handed to the
// registrar directly is refused, and a handler wrapped for one is refused at call time.
func TestGateIsCheckedAgainAtCallTime(t *testing.T) {
	f := newFixture(t, nil, nil, nil)
	ran := false
	del := tools.Tool{Name: "zia_delete_rule_label", Title: "d", Description: "d",
		Toolset: "zia_rule_labels", Service: tools.ServiceZIA, Kind: tools.Delete,
		Handler: func(context.Context, tools.Args) (tools.Result, error) {
			ran = true
			return tools.Object("deleted"), nil
		}}
	require.Zero(t, f.srv.registrar.Register(del))
	require.False(t, f.srv.registrar.IsRegistered(del.Name))

	req := mcp.CallToolRequest{}
	req.Params.Name = del.Name
	res, err := f.srv.registrar.wrap(del)(context.Background(), req)
	require.NoError(t, err)
	require.True(t, res.IsError)
	require.False(t, ran)
	lines := f.audit.lines()
	require.Len(t, lines, 2)
	require.Regexp(t, `^\[TOOL ERR\]  zia_delete_rule_label \| \d+ms \| UnknownTool: no such tool`, lines[1])
}

// TestWriteToolSchemasAndAnnotations checks what clients are told about write tools:
// deletes take an optional confirmation_token, and the hints follow the kind.
func TestWriteToolSchemasAndAnnotations(t *testing.T) {
	f := newWriteFixture(t, allowAll(), writeOptions{})
	listed, err := f.client.ListTools(context.Background(), mcp.ListToolsRequest{})
	require.NoError(t, err)

	hints := map[string][3]bool{ // readOnly, destructive, idempotent
		"zia_list_rule_labels":  {true, false, true},
		"zia_create_rule_label": {false, false, false},
		"zia_update_rule_label": {false, true, true},
		"zia_delete_rule_label": {false, true, true},
	}
	for name, want := range hints {
		tool := findTool(t, listed.Tools, name)
		a := tool.Annotations
		require.Equal(t, want, [3]bool{*a.ReadOnlyHint, *a.DestructiveHint, *a.IdempotentHint}, name)
		_, hasToken := tool.InputSchema.Properties[TokenParam]
		require.Equal(t, name == "zia_delete_rule_label", hasToken, name)
		require.NotContains(t, tool.InputSchema.Required, TokenParam)
	}

	res := f.call(t, "zia_create_rule_label", map[string]any{"name": "x", TokenParam: "t"})
	require.True(t, res.IsError, "only deletes take a token")
	require.Contains(t, resultText(res), `unknown parameter "confirmation_token"`)
	res = f.call(t, "zia_delete_rule_label", map[string]any{"label_id": "1", TokenParam: 5})
	require.Equal(t, `InvalidArgument: parameter "confirmation_token" must be a string, got a number`, resultText(res))
	res = f.call(t, "zia_delete_rule_label", map[string]any{"labelid": "1"})
	require.Contains(t, resultText(res), "accepted parameters: confirmation_token, label_id")
}

// TestCreateAndUpdateRunWithoutConfirmation: only deletes are confirmed.
func TestCreateAndUpdateRunWithoutConfirmation(t *testing.T) {
	f := newWriteFixture(t, allowAll(), writeOptions{})
	res := f.call(t, "zia_create_rule_label", map[string]any{"name": "Fresh"})
	require.False(t, res.IsError, resultText(res))
	dec := json.NewDecoder(strings.NewReader(resultText(res)))
	dec.UseNumber()
	var created map[string]any
	require.NoError(t, dec.Decode(&created))
	id := created["id"].(json.Number).String()
	res = f.call(t, "zia_update_rule_label", map[string]any{"label_id": id, "name": "Renamed"})
	require.False(t, res.IsError, resultText(res))
	require.Equal(t, []string{"POST /zia/api/v1/ruleLabels", "PUT /zia/api/v1/ruleLabels/" + id}, writeRequests(f))
	require.True(t, f.tenant.ActivationPending())
	for _, l := range f.audit.lines() {
		require.NotContains(t, l, "confirmation")
	}
}

// TestAllowlistMatchingNothingOnlyWarns: when no --write-tools pattern names a write
// tool, the start-up log does not claim that write tools are enabled; the warnings
// about the patterns are all it says about writes.
func TestAllowlistMatchingNothingOnlyWarns(t *testing.T) {
	cfg, err := config.Load(func(name string) (string, bool) {
		v, ok := map[string]string{config.EnvWriteEnabled: "true",
			config.EnvWriteTools: "zia_create_rule label, zia_nothing_*"}[name]
		return v, ok
	})
	require.NoError(t, err)
	f := newWriteFixture(t, cfg, writeOptions{})
	logs := strings.Join(f.log.lines(), "\n")
	require.NotContains(t, logs, "write tools are enabled")
	require.Contains(t, logs, `level=WARN msg="a --write-tools pattern matches no write tool" `+
		`pattern="zia_create_rule label"`)
	require.Contains(t, logs, `pattern=zia_nothing_*`)
	require.Empty(t, listedWrites(t, f))

	// One pattern that matches is enough for the gate to be announced.
	cfg, err = config.Load(func(name string) (string, bool) {
		v, ok := map[string]string{config.EnvWriteEnabled: "true",
			config.EnvWriteTools: "zia_nothing_*, zia_create_rule_label"}[name]
		return v, ok
	})
	require.NoError(t, err)
	f = newWriteFixture(t, cfg, writeOptions{})
	logs = strings.Join(f.log.lines(), "\n")
	require.Contains(t, logs, "write tools are enabled")
	require.Contains(t, logs, `pattern=zia_nothing_*`)
}
