package tools

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The name a write gives an object is refused when blank, naming the parameter, before
// any call: the API's answer to an empty name ("name cannot be null") names neither
// the tool's parameter nor what was sent.
func TestWriteToolsRefuseBlankNames(t *testing.T) {
	checked := 0
	for _, tool := range All(nil) {
		if !tool.ChangesTenant() {
			continue
		}
		for _, p := range tool.Params {
			if p.Type != String || (p.Name != "name" && p.Name != "configured_name") {
				continue
			}
			for _, blank := range []string{"", "   "} {
				_, err := p.check(blank)
				assert.EqualError(t, err, `InvalidArgument: parameter "`+p.Name+
					`" must not be blank`, "%s %s", tool.Name, p.Name)
			}
			checked++
		}
	}
	require.Greater(t, checked, 20)
}
