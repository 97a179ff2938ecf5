// Package configdocs keeps the documented configuration surface in step with the code:
// every environment variable the binary names must appear in .env.example and in
// docs/configuration.md, .env.example must not list variables the binary does not
// know, and every flag must be documented.
package configdocs

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// repoRoot is the repository root, seen from this package's directory.
const repoRoot = "../.."

// varName matches a whole variable name of this server's families. A match followed
// by "_" is a prefix ("ZSCALER_MCP_"), not a variable, and is skipped by the caller.
var varName = regexp.MustCompile(`\b(?:ZSCALER|OIDCPROXY)_[A-Z0-9]+(?:_[A-Z0-9]+)*`)

// codeVariables returns every ZSCALER_* and OIDCPROXY_* name in a string literal of
// the non-test Go sources, with one file that names it.
// clientSideVariables are named in the code but read by other programs, never by the
// server, so they are documented where they are used rather than as settings.
var clientSideVariables = map[string]string{
	// The mcp-remote configuration that --generate-auth-token prints keeps the
	// Authorization header in this variable of the client's own environment.
	"ZSCALER_MCP_AUTH_HEADER": "docs/clients.md",
}

func codeVariables(t *testing.T) map[string]string {
	t.Helper()
	found := map[string]string{}
	fset := token.NewFileSet()
	err := filepath.WalkDir(repoRoot, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			switch d.Name() {
			case ".git", ".tools", "node_modules", "testdata", "dist", "bin":
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		file, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		ast.Inspect(file, func(n ast.Node) bool {
			lit, ok := n.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			s, err := strconv.Unquote(lit.Value)
			if err != nil {
				return true
			}
			for _, loc := range varName.FindAllStringIndex(s, -1) {
				if loc[1] < len(s) && s[loc[1]] == '_' {
					continue
				}
				name := s[loc[0]:loc[1]]
				if _, client := clientSideVariables[name]; client {
					continue
				}
				if _, seen := found[name]; !seen {
					rel, _ := filepath.Rel(repoRoot, path)
					found[name] = rel
				}
			}
			return true
		})
		return nil
	})
	require.NoError(t, err)
	require.Contains(t, found, "ZSCALER_CLIENT_ID", "the scan found nothing; has the code moved?")
	return found
}

func readDoc(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repoRoot, name))
	require.NoError(t, err)
	return string(data)
}

// mentions reports whether text names the variable as a whole word.
func mentions(text, name string) bool {
	return regexp.MustCompile(`(^|[^A-Z0-9_])` + regexp.QuoteMeta(name) + `($|[^A-Z0-9_])`).
		MatchString(text)
}

func TestEveryVariableTheCodeNamesIsDocumented(t *testing.T) {
	vars := codeVariables(t)
	names := make([]string, 0, len(vars))
	for name := range vars {
		names = append(names, name)
	}
	sort.Strings(names)

	for _, doc := range []string{".env.example", "docs/configuration.md"} {
		text := readDoc(t, doc)
		var missing []string
		for _, name := range names {
			if !mentions(text, name) {
				missing = append(missing, name+" (named in "+vars[name]+")")
			}
		}
		require.Empty(t, missing, "%s does not mention these variables the code reads", doc)
	}
}

// exampleLine is an assignment in .env.example, commented out or not.
var exampleLine = regexp.MustCompile(`^#?\s*([A-Za-z_][A-Za-z0-9_]*)=`)

func TestEnvExampleListsOnlyKnownVariables(t *testing.T) {
	vars := codeVariables(t)
	seen := map[string]int{}
	for i, line := range strings.Split(readDoc(t, ".env.example"), "\n") {
		m := exampleLine.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		name := m[1]
		_, known := vars[name]
		require.True(t, known, ".env.example:%d sets %s, which the binary never reads", i+1, name)
		require.Zero(t, seen[name], ".env.example:%d sets %s again (first on line %d)",
			i+1, name, seen[name])
		seen[name] = i + 1
	}
	require.NotEmpty(t, seen)
	for name := range vars {
		require.NotZero(t, seen[name],
			".env.example has no NAME= line for %s, which the binary reads", name)
	}
}

func TestEveryFlagIsDocumented(t *testing.T) {
	flags := settingFlags(t)
	require.Contains(t, flags, "transport", "no flags found; has the settings table moved?")
	text := readDoc(t, "docs/configuration.md")
	for _, f := range append(flags, "version", "list-tools") {
		documented := regexp.MustCompile("`[^`]*--" + regexp.QuoteMeta(f) + "([^a-z0-9-][^`]*)?`")
		require.True(t, documented.MatchString(text), "docs/configuration.md does not document --%s", f)
	}
}

// settingFlags reads the flag names of the settings table in cmd/zscaler-mcp/flags.go:
// the first field of each element of `var settings = []setting{...}`.
func settingFlags(t *testing.T) []string {
	t.Helper()
	file, err := parser.ParseFile(token.NewFileSet(),
		filepath.Join(repoRoot, "cmd/zscaler-mcp/flags.go"), nil, parser.SkipObjectResolution)
	require.NoError(t, err)
	var flags []string
	ast.Inspect(file, func(n ast.Node) bool {
		spec, ok := n.(*ast.ValueSpec)
		if !ok || len(spec.Names) != 1 || spec.Names[0].Name != "settings" || len(spec.Values) != 1 {
			return true
		}
		table, ok := spec.Values[0].(*ast.CompositeLit)
		require.True(t, ok, "settings is not a composite literal")
		for _, elt := range table.Elts {
			row, ok := elt.(*ast.CompositeLit)
			require.True(t, ok && len(row.Elts) > 0, "unexpected settings row")
			lit, ok := row.Elts[0].(*ast.BasicLit)
			require.True(t, ok, "the flag name is not a literal")
			name, err := strconv.Unquote(lit.Value)
			require.NoError(t, err)
			flags = append(flags, name)
		}
		return false
	})
	return flags
}
