package audit

import (
	"encoding/json"
	"io"
	"testing"
	"time"
)

func BenchmarkCallOK(b *testing.B) {
	args := map[string]any{
		"name":      "HQ",
		"page":      json.Number("1"),
		"page_size": json.Number("50"),
		"api_key":   "k",
		"filter":    map[string]any{"enabled": true, "tags": []any{"a", "b"}},
	}
	for _, enabled := range []bool{true, false} {
		name := "enabled"
		if !enabled {
			name = "disabled"
		}
		b.Run(name, func(b *testing.B) {
			l := New(io.Discard)
			l.SetEnabled(enabled)
			summary := Summary(15) // computed by the caller, outside what is measured
			b.ReportAllocs()
			for b.Loop() {
				l.Call("zia_list_locations", args)
				l.OK("zia_list_locations", 342*time.Millisecond, summary)
			}
		})
	}
}
