package server

import (
	"encoding/json"
	"fmt"
	"io"
	"testing"

	"github.com/zscaler/zscaler-mcp/internal/audit"
	"github.com/zscaler/zscaler-mcp/internal/jsonsize"
	"github.com/zscaler/zscaler-mcp/internal/query"
	"github.com/zscaler/zscaler-mcp/internal/tools"
)

// benchRules is a 10,000-record list of rule-like records of about 400 bytes, as a
// large ZIA list returns them: json.Number ids (one in a hundred beyond 2^53), nested
// references and a mix of states.
func benchRules() []any {
	out := make([]any, 10000)
	for i := range out {
		id := json.Number(fmt.Sprint(100000 + i))
		if i%100 == 0 {
			id = json.Number(fmt.Sprint(int64(1)<<60 + int64(i)))
		}
		state := "ENABLED"
		if i%3 == 0 {
			state = "DISABLED"
		}
		out[i] = map[string]any{
			"id": id, "name": fmt.Sprintf("Rule %05d", i), "order": json.Number(fmt.Sprint(i + 1)),
			"state": state, "action": "BLOCK", "rank": json.Number("7"),
			"description": "Blocks the categories the acceptable use policy names",
			"locations":   []any{map[string]any{"id": json.Number("2001"), "name": "HQ"}},
			"groups": []any{map[string]any{"id": json.Number("3001"), "name": "Engineering"},
				map[string]any{"id": json.Number("3002"), "name": "Sales"}},
			"urlCategories": []any{"GAMBLING", "ADULT_THEMES"}, "protocols": []any{"ANY_RULE"},
		}
	}
	return out
}

func benchShape(b *testing.B, expr string, limit int) {
	records := benchRules()
	// A configured secret, as in production, so the benchmark includes redacting it.
	a := audit.New(io.Discard)
	a.AddSecret("SuperS3cretValue-xyz123456")
	r := newRegistrar(registrarDeps{logger: discardLogger(), audit: a,
		maxResultBytes: func() int { return limit }})
	tool := tools.Tool{Name: "bench", Kind: tools.Read, Lists: true,
		Params: []tools.Param{{Name: "search", Type: tools.String}}}
	b.SetBytes(int64(jsonsize.Of(records)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		q, err := query.Compile(expr)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := r.shape(b.Context(), tool, outcome{res: tools.List(records),
			query: q}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkShape10k measures what the registrar does to a 10,000-record list after the
// handler returns (sanitization aside): encoding alone, a query, the size bound, both.
func BenchmarkShape10k(b *testing.B) {
	b.Run("encode", func(b *testing.B) { benchShape(b, "", 0) })
	b.Run("query", func(b *testing.B) {
		benchShape(b, "[?state=='ENABLED' && id > `100500`].{id: id, name: name}", 0)
	})
	b.Run("sort_by", func(b *testing.B) { benchShape(b, "sort_by(@, &id)[-10:].id", 0) })
	b.Run("cut", func(b *testing.B) { benchShape(b, "", 200000) })
	b.Run("query+cut", func(b *testing.B) {
		benchShape(b, "[?state=='ENABLED']", 200000)
	})
}

// BenchmarkShapeNested measures the size bound on the 10,000-record list wrapped in
// lists, as a query such as [[[@]]] wraps it: the cut keeps what fits of the innermost
// list, however deep it is.
func BenchmarkShapeNested(b *testing.B) {
	for _, depth := range []int{1, 10, 60} {
		b.Run(fmt.Sprintf("depth=%d", depth), func(b *testing.B) {
			var v any = benchRules()
			for range depth {
				v = []any{v}
			}
			r := newRegistrar(registrarDeps{logger: discardLogger(), audit: audit.New(io.Discard),
				maxResultBytes: func() int { return 200000 }})
			tool := tools.Tool{Name: "bench", Kind: tools.Read, Lists: true}
			b.SetBytes(int64(jsonsize.Of(v)))
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				if _, err := r.shape(b.Context(), tool, outcome{res: tools.Object(v)}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
