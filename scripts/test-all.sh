#!/usr/bin/env bash
# Runs every test of the repository, fastest feedback first, and stops at the first
# failure: go vet, the gofmt check, the interoperability suite (official MCP client and
# conformance suite on Node 22), then the Go unit tests with the race detector, last, so
# a run ends with their summary.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

start=$SECONDS
step() { printf '\n==> %s\n' "$*"; }
die() { printf '\ntest-all: FAILED: %s (after %ds)\n' "$*" "$((SECONDS - start))" >&2; exit 1; }

command -v go >/dev/null 2>&1 || die "go is not on PATH"

step "go vet ./..."
go vet ./... || die "go vet reported problems"

step "gofmt check"
if ! unformatted="$(find . -name '*.go' -not -path './.git/*' -not -path './.tools/*' \
	-not -path '*/node_modules/*' -print0 | xargs -0 -r gofmt -l)"; then
	die "gofmt could not read every Go file (see above)"
fi
if [[ -n "$unformatted" ]]; then
	printf '%s\n' "$unformatted" >&2
	die "these files need gofmt -w"
fi
echo "all Go files are formatted"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

step "go build ./cmd/zscaler-mcp"
go build -o "$work/zscaler-mcp" ./cmd/zscaler-mcp || die "go build failed"

step "interop suite"
scripts/interop/run.sh "$work/zscaler-mcp" || die "the interop suite failed"

# Nothing is printed after go test, so its summary closes the run.
step "go test -race -count=1 ./... (everything before passed in $((SECONDS - start))s)"
go test -race -count=1 ./... || die "go test failed"
