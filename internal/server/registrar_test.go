package server

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/config"
	"github.com/zscaler/zscaler-mcp/internal/toolerr"
	"github.com/zscaler/zscaler-mcp/internal/tools"
)

var (
	callLine = regexp.MustCompile(`^\[TOOL CALL\] (\S+) \| args: \{.*\}$`)
	endLine  = regexp.MustCompile(`^\[TOOL (OK\]   |ERR\]  )(\S+) \| \d+ms \| .+$`)
)

// TestEveryRegisteredToolIsAudited calls every tool the server lists, with no
// arguments, and checks each call produced exactly one CALL and one OK or ERR line.
func TestEveryRegisteredToolIsAudited(t *testing.T) {
	f := newFixture(t, nil, nil, nil)

	listed, err := f.client.ListTools(context.Background(), mcp.ListToolsRequest{})
	require.NoError(t, err)
	require.Greater(t, len(listed.Tools), 60, "meta, ZIA and ZMS tools are all served by default")

	for _, tool := range listed.Tools {
		before := len(f.audit.lines())
		_, err := f.call(t, tool.Name, map[string]any{})
		require.NoError(t, err, tool.Name)

		lines := f.audit.lines()[before:]
		require.Len(t, lines, 2, "tool %s: %q", tool.Name, lines)
		require.Regexp(t, callLine, lines[0])
		require.Equal(t, tool.Name, callLine.FindStringSubmatch(lines[0])[1])
		require.Regexp(t, endLine, lines[1])
		require.Equal(t, tool.Name, endLine.FindStringSubmatch(lines[1])[2])
	}
}

func findTool(t *testing.T, ts []mcp.Tool, name string) mcp.Tool {
	t.Helper()
	for _, tool := range ts {
		if tool.Name == name {
			return tool
		}
	}
	t.Fatalf("tool %s not listed", name)
	return mcp.Tool{}
}

// testTool returns a tool whose handler runs fn, for exercising the wrapper.
func testTool(name string, params []tools.Param, fn tools.Handler) tools.Tool {
	return tools.Tool{
		Name: name, Title: name, Description: "test tool", Toolset: "zia_admin",
		Service: tools.ServiceZIA, Kind: tools.Read, Params: params, Handler: fn,
	}
}

func TestAuditLinesForEveryOutcome(t *testing.T) {
	catalog := []tools.Tool{
		testTool("t_list", []tools.Param{
			{Name: "name", Type: tools.String, Description: "n"},
			{Name: "page", Type: tools.Integer, Description: "p"},
			{Name: "client_secret", Type: tools.String, Description: "s"},
		}, func(context.Context, tools.Args) (tools.Result, error) {
			return tools.List([]any{map[string]any{"id": 1}, map[string]any{"id": 2}}), nil
		}),
		testTool("t_one", nil, func(context.Context, tools.Args) (tools.Result, error) {
			return tools.List([]any{map[string]any{"id": 1}}), nil
		}),
		testTool("t_object", nil, func(context.Context, tools.Args) (tools.Result, error) {
			return tools.Object(map[string]any{"status": "ACTIVE"}), nil
		}),
		testTool("t_upstream", nil, func(context.Context, tools.Args) (tools.Result, error) {
			return tools.Result{}, toolerr.New(toolerr.UpstreamUnavailable, "timeout after 30s")
		}),
		testTool("t_panic", nil, func(context.Context, tools.Args) (tools.Result, error) {
			panic("boom: secret-token-xyz")
		}),
		testTool("t_plain_error", nil, func(context.Context, tools.Args) (tools.Result, error) {
			return tools.Result{}, errors.New(`upstream said {"access_token":"abc"}`)
		}),
		testTool("t_required", []tools.Param{{Name: "id", Type: tools.ID, Required: true, Description: "i"}},
			func(context.Context, tools.Args) (tools.Result, error) { return tools.Object("x"), nil }),
	}
	f := newFixture(t, nil, catalog, nil)

	cases := []struct {
		tool    string
		args    any
		call    string
		end     string
		isError bool
	}{
		{"t_list", map[string]any{"name": "HQ", "page": 1, "client_secret": "hunter2"},
			`[TOOL CALL] t_list | args: {client_secret: "***REDACTED***", name: "HQ", page: 1}`,
			`^\[TOOL OK\]   t_list \| \d+ms \| 2 items$`, false},
		{"t_one", nil, `[TOOL CALL] t_one | args: {}`, `^\[TOOL OK\]   t_one \| \d+ms \| 1 item$`, false},
		{"t_object", map[string]any{}, `[TOOL CALL] t_object | args: {}`,
			`^\[TOOL OK\]   t_object \| \d+ms \| ok$`, false},
		{"t_upstream", nil, `[TOOL CALL] t_upstream | args: {}`,
			`^\[TOOL ERR\]  t_upstream \| \d+ms \| UpstreamUnavailable: timeout after 30s$`, true},
		{"t_panic", nil, `[TOOL CALL] t_panic | args: {}`,
			`^\[TOOL ERR\]  t_panic \| \d+ms \| Internal: the tool failed unexpectedly; see the server log$`, true},
		{"t_plain_error", nil, `[TOOL CALL] t_plain_error | args: {}`,
			`^\[TOOL ERR\]  t_plain_error \| \d+ms \| Internal: unexpected error; see the server log$`, true},
		{"t_required", map[string]any{}, `[TOOL CALL] t_required | args: {}`,
			`^\[TOOL ERR\]  t_required \| \d+ms \| InvalidArgument: parameter "id" is required$`, true},
		{"t_list", map[string]any{"page": "two"}, `[TOOL CALL] t_list | args: {page: "two"}`,
			`^\[TOOL ERR\]  t_list \| \d+ms \| InvalidArgument: parameter "page" must be an integer, got "two"$`, true},
		{"t_list", map[string]any{"pgae": 2}, `[TOOL CALL] t_list | args: {pgae: 2}`,
			`^\[TOOL ERR\]  t_list \| \d+ms \| InvalidArgument: unknown parameter "pgae"; accepted parameters: client_secret, name, page$`, true},
	}
	for _, tc := range cases {
		before := len(f.audit.lines())
		res, err := f.call(t, tc.tool, tc.args)
		require.NoError(t, err)
		require.Equal(t, tc.isError, res.IsError, tc.tool)

		lines := f.audit.lines()[before:]
		require.Len(t, lines, 2, tc.tool)
		require.Equal(t, tc.call, lines[0])
		require.Regexp(t, tc.end, lines[1])
		if tc.isError {
			require.Equal(t, strings.SplitN(lines[1], " | ", 3)[2], resultText(res),
				"the agent sees the same error text as the audit line")
		}
		require.NotContains(t, strings.Join(lines, "\n")+resultText(res), "hunter2")
		require.NotContains(t, strings.Join(lines, "\n")+resultText(res), "secret-token-xyz")
		require.NotContains(t, strings.Join(lines, "\n")+resultText(res), "access_token")
	}
}

func TestUnknownAndFilteredToolsAreAudited(t *testing.T) {
	cfg := &config.Config{DisabledTools: []string{"zia_get_*"}}
	f := newFixture(t, cfg, nil, nil)

	for _, name := range []string{"no_such_tool", "zia_get_location"} {
		before := len(f.audit.lines())
		_, err := f.call(t, name, map[string]any{"location_id": "1"})
		require.Error(t, err, "unknown tools are protocol errors")

		lines := f.audit.lines()[before:]
		require.Len(t, lines, 2)
		require.Equal(t, "[TOOL CALL] "+name+` | args: {location_id: "1"}`, lines[0])
		require.Regexp(t, `^\[TOOL ERR\]  `+name+` \| 0ms \| UnknownTool: `, lines[1])
	}

	before := len(f.audit.lines())
	_, _ = f.call(t, "evil\nname | args: {}", nil)
	lines := f.audit.lines()[before:]
	require.Len(t, lines, 2, "a crafted name cannot forge extra audit lines")
	require.True(t, strings.HasPrefix(lines[0], "[TOOL CALL] evil_name___args:"), lines[0])
}

func TestSetLevelDoesNotSilenceAudit(t *testing.T) {
	f := newFixture(t, nil, nil, nil)
	req := mcp.SetLevelRequest{}
	req.Params.Level = mcp.LoggingLevelEmergency
	require.NoError(t, f.client.SetLevel(context.Background(), req))

	before := len(f.audit.lines())
	_, err := f.call(t, "zscaler_list_toolsets", nil)
	require.NoError(t, err)
	require.Len(t, f.audit.lines()[before:], 2)
}

func TestConcurrentCallsPairEveryLine(t *testing.T) {
	f := newFixture(t, nil, nil, nil)
	var wg sync.WaitGroup
	for i := 0; i < 40; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, _ = f.call(t, "zia_list_locations", map[string]any{"search": "a"})
		}()
	}
	wg.Wait()

	lines := f.audit.lines()
	require.Len(t, lines, 80)
	calls, ends := 0, 0
	for _, l := range lines {
		switch {
		case callLine.MatchString(l):
			calls++
		case endLine.MatchString(l):
			ends++
		default:
			t.Fatalf("torn or unknown line %q", l)
		}
	}
	require.Equal(t, 40, calls)
	require.Equal(t, 40, ends)
}

func TestAuditOffWritesNothingButStillSanitizes(t *testing.T) {
	catalog := []tools.Tool{testTool("t_dirty", nil, func(context.Context, tools.Args) (tools.Result, error) {
		return tools.Object(map[string]any{"name": "HQ\u200b\u202e"}), nil
	})}
	f := newFixture(t, nil, catalog, nil)
	f.srv.registrar.audit.SetEnabled(false)

	res, err := f.call(t, "t_dirty", nil)
	require.NoError(t, err)
	require.Empty(t, f.audit.lines())
	require.Equal(t, `{"name":"HQ"}`, resultText(res))
	require.Equal(t, map[string]any{"name": "HQ"}, res.StructuredContent)
}

func TestDrainLetsRunningCallsFinish(t *testing.T) {
	release := make(chan struct{})
	started := make(chan struct{})
	catalog := []tools.Tool{testTool("t_slow", nil, func(ctx context.Context, _ tools.Args) (tools.Result, error) {
		close(started)
		select {
		case <-release:
			return tools.Object("done"), nil
		case <-ctx.Done():
			return tools.Result{}, ctx.Err()
		}
	})}
	f := newFixture(t, nil, catalog, nil)

	done := make(chan *mcp.CallToolResult, 1)
	go func() {
		res, _ := f.call(t, "t_slow", nil)
		done <- res
	}()
	<-started

	drained := make(chan bool, 1)
	go func() { drained <- f.srv.Drain(5 * time.Second) }()
	select {
	case <-drained:
		t.Fatal("the drain ended while a call was still running")
	case <-time.After(100 * time.Millisecond):
	}
	close(release)

	require.True(t, <-drained)
	res := <-done
	require.False(t, res.IsError)
	lines := f.audit.lines()
	require.Len(t, lines, 2)
	require.Regexp(t, `^\[TOOL OK\]   t_slow`, lines[1])
}

func TestDrainDeadlineCancelsAndStillAudits(t *testing.T) {
	started := make(chan struct{})
	catalog := []tools.Tool{testTool("t_stuck", nil, func(ctx context.Context, _ tools.Args) (tools.Result, error) {
		close(started)
		<-ctx.Done()
		return tools.Result{}, ctx.Err()
	})}
	f := newFixture(t, nil, catalog, nil)

	go func() { _, _ = f.call(t, "t_stuck", nil) }()
	<-started
	require.False(t, f.srv.Drain(100*time.Millisecond))

	lines := f.audit.lines()
	require.Len(t, lines, 2)
	require.Regexp(t, `^\[TOOL ERR\]  t_stuck \| \d+ms \| Cancelled: `, lines[1])
}

// TestRegistrarIsTheOnlyPathToRegistration scans the source tree: only registrar.go
// may call mcp-go's tool registration, so no tool can bypass the audit wrapper.
func TestRegistrarIsTheOnlyPathToRegistration(t *testing.T) {
	root := filepath.Join("..", "..")
	forbidden := regexp.MustCompile(`\.(AddTool|AddTools|SetTools|AddSessionTool|AddSessionTools|AddTaskTool)\(`)
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "node_modules" || strings.HasPrefix(d.Name(), ".")) && path != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if forbidden.Match(src) && filepath.Base(path) != "registrar.go" {
			t.Errorf("%s registers tools directly; use the Registrar", path)
		}
		return nil
	})
	require.NoError(t, err)
}

func TestAuditedNameExposesHiddenCharacters(t *testing.T) {
	require.Equal(t, `zia_list_locations\u202e`, auditedName("zia_list_locations\u202e"))
	require.Equal(t, "a_b__c", auditedName("a b\n|c"))
	require.Len(t, []rune(auditedName(strings.Repeat("x", 500))), maxAuditedName+1)
}

func TestLongErrorsAreBoundedAndIdenticalForAgentAndAudit(t *testing.T) {
	catalog := []tools.Tool{testTool("t_long", nil, func(context.Context, tools.Args) (tools.Result, error) {
		return tools.Result{}, toolerr.New(toolerr.InvalidArgument, "%s", strings.Repeat("very long ", 80))
	})}
	f := newFixture(t, nil, catalog, nil)
	res, err := f.call(t, "t_long", nil)
	require.NoError(t, err)
	lines := f.audit.lines()
	require.Len(t, lines, 2)
	require.Equal(t, strings.SplitN(lines[1], " | ", 3)[2], resultText(res))
	require.LessOrEqual(t, len([]rune(resultText(res))), 300)
	require.True(t, strings.HasSuffix(resultText(res), "…"))
}

func TestUnencodableResultStillGivesTwoLines(t *testing.T) {
	catalog := []tools.Tool{testTool("t_chan", nil, func(context.Context, tools.Args) (tools.Result, error) {
		return tools.Object(map[string]any{"c": make(chan int), "f": func() {}}), nil
	})}
	f := newFixture(t, nil, catalog, nil)
	res, err := f.call(t, "t_chan", nil)
	require.NoError(t, err)
	lines := f.audit.lines()
	require.Len(t, lines, 2)
	require.Regexp(t, `^\[TOOL (OK\]   |ERR\]  )t_chan `, lines[1])
	if res.IsError {
		require.Contains(t, resultText(res), "Internal: ")
	}
}
