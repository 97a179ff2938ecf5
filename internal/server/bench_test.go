package server

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"testing"
	"time"

	"github.com/mark3labs/mcp-go/mcp"
	mcpserver "github.com/mark3labs/mcp-go/server"

	"github.com/zscaler/zscaler-mcp/internal/audit"
	"github.com/zscaler/zscaler-mcp/internal/config"
	"github.com/zscaler/zscaler-mcp/internal/tools"
)

// benchRecords is a small list result, about what a filtered list tool returns.
func benchRecords() []any {
	out := make([]any, 10)
	for i := range out {
		out[i] = map[string]any{"id": json.Number(fmt.Sprint(1000 + i)), "name": fmt.Sprintf("Location %d", i),
			"description": "Branch office", "ipAddresses": []any{"203.0.113.10"}}
	}
	return out
}

var benchCall = []byte(`{"jsonrpc":"2.0","id":1,"method":"tools/call",` +
	`"params":{"name":"bench_list","arguments":{"search":"branch","page":1}}}`)

func benchServer(b *testing.B, auditOn bool) *mcpserver.MCPServer {
	b.Helper()
	records := benchRecords()
	tool := testTool("bench_list", []tools.Param{
		{Name: "search", Type: tools.String, Description: "s"},
		{Name: "page", Type: tools.Integer, Description: "p"},
	}, func(context.Context, tools.Args) (tools.Result, error) { return tools.List(records), nil })

	a := audit.New(io.Discard)
	a.SetEnabled(auditOn)
	up := &fakeUpstream{}
	srv, err := New(Deps{Config: &config.Config{}, Audit: a, Upstream: up, Prober: up,
		Catalog: []tools.Tool{tool}})
	if err != nil {
		b.Fatal(err)
	}
	return srv.MCP()
}

// BenchmarkToolCallBare is the baseline: an mcp-go tool handler registered directly,
// returning the same records as JSON text.
func BenchmarkToolCallBare(b *testing.B) {
	records := benchRecords()
	s := mcpserver.NewMCPServer("bench", "1", mcpserver.WithToolCapabilities(false))
	s.AddTool(mcp.NewTool("bench_list"), func(context.Context, mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		text, err := encodeJSON(records)
		if err != nil {
			return nil, err
		}
		return mcp.NewToolResultText(text), nil
	})
	runCalls(b, s)
}

// BenchmarkToolCallWrappedAuditOff adds the registrar wrapper: validation,
// sanitization, structured content, shutdown tracking, audit switched off.
func BenchmarkToolCallWrappedAuditOff(b *testing.B) { runCalls(b, benchServer(b, false)) }

// BenchmarkToolCallWrappedAuditOn also formats and writes both audit lines.
func BenchmarkToolCallWrappedAuditOn(b *testing.B) { runCalls(b, benchServer(b, true)) }

func runCalls(b *testing.B, s *mcpserver.MCPServer) {
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if resp := s.HandleMessage(ctx, benchCall); resp == nil {
			b.Fatal("no response")
		}
	}
}

// BenchmarkStdioRoundTrip measures one tools/call written to the stdio transport and
// its response read back, audit on.
func BenchmarkStdioRoundTrip(b *testing.B) {
	s := benchServer(b, true)
	srv := &Server{mcp: s, registrar: &Registrar{inflight: newInflight()}, logger: discardLogger()}

	inR, inW := io.Pipe()
	outR, outW := io.Pipe()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		_ = srv.ServeStdio(ctx, inR, outW, time.Second)
		close(done)
	}()
	lines := bufio.NewReader(outR)

	roundTrip := func(msg string) {
		if _, err := io.WriteString(inW, msg+"\n"); err != nil {
			b.Fatal(err)
		}
		if _, err := lines.ReadBytes('\n'); err != nil {
			b.Fatal(err)
		}
	}
	roundTrip(`{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-06-18",` +
		`"capabilities":{},"clientInfo":{"name":"bench","version":"1"}}}`)
	_, _ = io.WriteString(inW, `{"jsonrpc":"2.0","method":"notifications/initialized"}`+"\n")

	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		roundTrip(string(benchCall))
	}
	b.StopTimer()

	cancel()
	_ = inW.Close()
	go func() { _, _ = io.Copy(io.Discard, outR) }()
	<-done
}
