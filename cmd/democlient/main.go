// Command democlient is a small MCP client that starts zscaler-mcp on the demo tenant
// over stdio, lists its tools and calls a few ZIA and ZMS tools, printing what it sees.
// The server's stderr, where the audit lines go, is passed through unchanged.
//
//	go run ./cmd/democlient -- ./zscaler-mcp --demo --log-tool-calls
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"time"

	"github.com/mark3labs/mcp-go/client"
	"github.com/mark3labs/mcp-go/client/transport"
	"github.com/mark3labs/mcp-go/mcp"
)

func main() {
	args := os.Args[1:]
	if len(args) > 0 && args[0] == "--" {
		args = args[1:]
	}
	if len(args) == 0 {
		args = []string{"zscaler-mcp", "--demo", "--log-tool-calls"}
	}
	if err := run(args); err != nil {
		fmt.Fprintln(os.Stderr, "democlient:", err)
		os.Exit(1)
	}
}

func run(server []string) error {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()

	cmd := exec.CommandContext(ctx, server[0], server[1:]...)
	cmd.Stderr = os.Stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("start %s: %w", server[0], err)
	}
	defer stopServer(cmd, stdin)

	c := client.NewClient(transport.NewIO(stdout, stdin, io.NopCloser(strings.NewReader(""))))
	if err := c.Start(ctx); err != nil {
		return err
	}
	init := mcp.InitializeRequest{}
	init.Params.ProtocolVersion = mcp.LATEST_LEGACY_PROTOCOL_VERSION
	init.Params.ClientInfo = mcp.Implementation{Name: "zscaler-mcp-democlient", Version: "1"}
	info, err := c.Initialize(ctx, init)
	if err != nil {
		return fmt.Errorf("initialize: %w", err)
	}
	fmt.Printf("connected to %s %s\n", info.ServerInfo.Name, info.ServerInfo.Version)

	listed, err := c.ListTools(ctx, mcp.ListToolsRequest{})
	if err != nil {
		return fmt.Errorf("list tools: %w", err)
	}
	fmt.Printf("%d tools, for example:\n", len(listed.Tools))
	for _, t := range listed.Tools[:min(8, len(listed.Tools))] {
		fmt.Printf("  %-40s %s\n", t.Name, t.Title)
	}

	calls := []struct {
		name string
		args map[string]any
	}{
		{"zscaler_check_connectivity", nil},
		{"zia_get_activation_status", nil},
		{"zia_list_locations", map[string]any{"search": "san"}},
		{"zia_list_url_filtering_rules", nil},
		{"zms_list_agents", map[string]any{"page": 1, "page_size": 3}},
		{"zia_get_location", map[string]any{"location_id": "404"}},
	}
	for _, call := range calls {
		req := mcp.CallToolRequest{}
		req.Params.Name = call.name
		req.Params.Arguments = call.args
		res, err := c.CallTool(ctx, req)
		if err != nil {
			return fmt.Errorf("call %s: %w", call.name, err)
		}
		fmt.Printf("\n> %s %s\n%s\n", call.name, compact(call.args), preview(res))
	}
	return nil
}

// stopServer ends the server as an MCP client does, by closing its input: a stdio
// server takes that as the end of the session, finishes and removes its PID file. It is
// killed only when it has not exited within ten seconds, since a killed server leaves a
// stale PID file behind.
func stopServer(cmd *exec.Cmd, stdin io.Closer) {
	_ = stdin.Close()
	exited := make(chan struct{})
	go func() {
		_ = cmd.Wait()
		close(exited)
	}()
	select {
	case <-exited:
	case <-time.After(10 * time.Second):
		_ = cmd.Process.Kill()
		<-exited
	}
}

func compact(v map[string]any) string {
	if len(v) == 0 {
		return "{}"
	}
	b, _ := json.Marshal(v)
	return string(b)
}

// preview shows the start of a result, enough to see its shape.
func preview(res *mcp.CallToolResult) string {
	var text string
	for _, c := range res.Content {
		if tc, ok := c.(mcp.TextContent); ok {
			text += tc.Text
		}
	}
	prefix := "  "
	if res.IsError {
		prefix = "  error: "
	}
	if len(text) > 300 {
		text = text[:300] + "…"
	}
	return prefix + text
}
