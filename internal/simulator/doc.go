// Package simulator is an in-memory Zscaler tenant that speaks the OneAPI wire formats
// closely enough for the official zscaler-sdk-go OneAPI client and our own ZMS GraphQL
// client to run against it unchanged: the OAuth2 token endpoint, the ZIA REST API under
// /zia/api/v1 and the ZMS GraphQL endpoint at /zms/graphql.
//
// It exists so that unit tests, end-to-end tests and the --demo mode can exercise real
// request paths (authentication, paging loops, activation, retries on 429 and expired
// sessions) without a tenant. The tenant is seeded deterministically; every id, name and
// timestamp in the seed is the same on every run. Faults (rate limits, server errors,
// latency, malformed bodies, GraphQL errors) are injected per test with InjectFault.
//
// The SDK always builds https:// URLs against fixed Zscaler hosts, so clients reach the
// simulator through Transport, which rewrites every request to the simulator's address
// and keeps the original host in X-Original-Host. Routing uses the URL path only.
package simulator
