package server

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/zscaler/zscaler-mcp/internal/tools"
)

func TestZZProbe(t *testing.T) {
	file := os.Getenv("PROBE")
	if file == "" {
		t.Skip()
	}
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	f := newWriteFixture(t, allowAll(), writeOptions{catalog: tools.All})
	for _, line := range strings.Split(string(b), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, argText, _ := strings.Cut(line, " ")
		args := map[string]any{}
		if argText != "" {
			d := json.NewDecoder(strings.NewReader(argText))
			if os.Getenv("USENUM") != "" {
				d.UseNumber()
			}
			if err := d.Decode(&args); err != nil {
				t.Fatalf("%s: %v", line, err)
			}
		}
		n := len(f.tenant.Requests())
		res := f.call(t, name, args)
		sc, _ := json.Marshal(res.StructuredContent)
		txt := resultText(res)
		if len(txt) > 1500 {
			txt = txt[:1500] + "…"
		}
		if len(sc) > 600 {
			sc = append(sc[:600], "…"...)
		}
		fmt.Printf("=== %s\n  err=%v text=%s\n  sc=%s\n", line, res.IsError, txt, sc)
		for _, r := range f.tenant.Requests()[n:] {
			fmt.Printf("  -> %s %s?%s %d\n", r.Method, r.Path, r.RawQuery, r.Status)
		}
	}
	if os.Getenv("AUDIT") != "" {
		for _, l := range f.audit.lines() {
			fmt.Println("AUDIT", l)
		}
	}
}
