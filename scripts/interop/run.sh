#!/usr/bin/env bash
# Runs the interoperability suite: the official MCP TypeScript client over stdio and
# streamable HTTP, then the official conformance suite, all against zscaler-mcp in demo
# mode on Node 22.
#
# Usage: scripts/interop/run.sh [path/to/zscaler-mcp]
# Without an argument the binary is built into a temporary directory first.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"

say() { printf '==> %s\n' "$*"; }
die() { printf 'interop: %s\n' "$*" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [[ $# -ge 1 ]]; then
	bin="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
	[[ -x "$bin" ]] || die "$1 is not an executable"
else
	say "interop: building zscaler-mcp"
	(cd "$root" && go build -o "$work/zscaler-mcp" ./cmd/zscaler-mcp) || die "go build failed"
	bin="$work/zscaler-mcp"
fi

say "interop: Node 22"
node="$("$here/node22.sh")" || die "could not install Node 22 (see above)"
export PATH="$(dirname "$node"):$PATH"
node --version

# npm ci is skipped when node_modules was installed from this very lockfile.
stamp="$here/node_modules/.installed-from-lock"
lock_sum="$(sha256sum "$here/package-lock.json" | cut -d' ' -f1)-$(node --version)"
if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$lock_sum" ]]; then
	say "interop: npm ci"
	(cd "$here" && npm ci --no-audit --no-fund --loglevel=error) || die "npm ci failed"
	echo "$lock_sum" >"$stamp"
fi

export ZSCALER_MCP_BIN="$bin"

say "interop: MCP TypeScript client tests"
(cd "$here" && node --test --test-reporter=spec --test-concurrency=1 'test/*.test.mjs') ||
	die "the client tests failed"

say "interop: MCP conformance suite"
(cd "$here" && node conformance.mjs) || die "the conformance run failed"
