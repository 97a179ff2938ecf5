package tools

import (
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/zscaler/zscaler-mcp/internal/simulator"
)

// loadZMSTestSchema parses the schema the tenant simulator serves, itself built from
// the API reference, so queries are checked against the same contract the demo runs.
func loadZMSTestSchema(t *testing.T) *ast.Schema {
	t.Helper()
	schema, err := gqlparser.LoadSchema(&ast.Source{Name: "zms.graphql", Input: simulator.ZMSSchema()})
	require.NoError(t, err)
	return schema
}
