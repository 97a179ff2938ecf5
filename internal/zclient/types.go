// Package zclient reaches a Zscaler tenant: ZIA through the official Go SDK's OneAPI
// client and ZMS through a small GraphQL client on the same OneAPI token.
package zclient

import "github.com/zscaler/zscaler-mcp/internal/config"

// Credentials are the OneAPI settings needed to reach a tenant, as configured.
type Credentials = config.Credentials

// GraphQLError is one entry of a GraphQL "errors" array.
type GraphQLError struct {
	Message    string         `json:"message"`
	Path       []any          `json:"path,omitempty"`
	Extensions map[string]any `json:"extensions,omitempty"`
}

// GraphQLResult is the outcome of a ZMS query. Data holds the "data" object; Errors is
// non-empty only when the API returned partial data together with errors (a reply with
// errors and no data is returned as an error instead).
type GraphQLResult struct {
	Data   map[string]any
	Errors []GraphQLError
}
