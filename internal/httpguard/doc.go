// Package httpguard holds the request checks that run in front of the HTTP transports
// before a client is authenticated: which Host names the server answers to, which
// browser origins may call it (CORS), and which source addresses may connect.
//
// Each allowlist is parsed once from its setting, so a malformed entry is reported at
// start naming the entry, and matched per request without allocation-heavy parsing.
// Nothing here reads configuration or logs; the server wires the checks together.
package httpguard
