package tools

import (
	"slices"

	"github.com/zscaler/zscaler-mcp/internal/toolerr"
)

// RefuseRetired returns an InvalidArgument error naming the first retired parameter
// raw gives, with the advice retired holds for it, or nil when raw gives none.
func RefuseRetired(retired map[string]string, raw map[string]any) error {
	var given []string
	for name := range raw {
		if _, ok := retired[name]; ok {
			given = append(given, name)
		}
	}
	if len(given) == 0 {
		return nil
	}
	slices.Sort(given)
	return toolerr.New(toolerr.InvalidArgument,
		"parameter %q is not taken by this server: %s", given[0], retired[given[0]])
}
