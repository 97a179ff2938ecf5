package server

import (
	"github.com/mark3labs/mcp-go/mcp"

	"github.com/zscaler/zscaler-mcp/internal/tools"
)

// definition turns a tool value into the MCP tool advertised in tools/list. Every
// annotation hint is set explicitly: mcp-go's defaults claim every tool is destructive.
func definition(t tools.Tool) mcp.Tool {
	props, required := tools.Schema(ServedParams(t))
	return mcp.Tool{
		Name:        t.Name,
		Title:       t.Title,
		Description: t.Description,
		InputSchema: mcp.ToolInputSchema{
			Type:                 "object",
			Properties:           props,
			Required:             required,
			AdditionalProperties: false,
		},
		Annotations: annotations(t),
	}
}

// annotations derives the behaviour hints from the tool's kind: reads change nothing;
// creates add objects without touching existing ones; updates and deletes change or
// remove existing configuration and repeating them has no further effect.
func annotations(t tools.Tool) mcp.ToolAnnotation {
	readOnly := t.Kind == tools.Read
	destructive := t.Kind == tools.Update || t.Kind == tools.Delete
	idempotent := t.Kind != tools.Create
	if t.Idempotent != nil {
		idempotent = *t.Idempotent
	}
	return mcp.ToolAnnotation{
		Title:           t.Title,
		ReadOnlyHint:    mcp.ToBoolPtr(readOnly),
		DestructiveHint: mcp.ToBoolPtr(destructive),
		IdempotentHint:  mcp.ToBoolPtr(idempotent),
		OpenWorldHint:   mcp.ToBoolPtr(t.OpenWorld),
	}
}
