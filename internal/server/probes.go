package server

import (
	"context"

	"github.com/zscaler/zscaler-mcp/internal/tools"
)

// zmsProbeQuery asks for one agent row: the cheapest ZMS read that exercises the
// customer id and the GraphQL endpoint.
const zmsProbeQuery = `query ConnectivityProbe($customerId: ID!) {
  agents(customerId: $customerId, page: 1, pageSize: 1) { pageInfo { totalCount } }
}`

// serviceProbes returns, per service, the cheapest read that proves it answers.
func serviceProbes(up tools.Upstream) map[string]func(context.Context) error {
	return map[string]func(context.Context) error{
		tools.ServiceZIA: func(ctx context.Context) error {
			_, err := up.ZIAGet(ctx, "/status", nil)
			return err
		},
		tools.ServiceZMS: func(ctx context.Context) error {
			_, err := up.ZMS(ctx, "ConnectivityProbe", zmsProbeQuery, map[string]any{})
			return err
		},
	}
}
