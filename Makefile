# Developer entry points. Each target declares itself .PHONY next to its recipe, so new
# targets can be appended as self-contained blocks.

GO ?= go
BIN_DIR ?= bin

VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
COMMIT ?= $(shell git rev-parse --short HEAD 2>/dev/null || echo unknown)
DATE ?= $(shell date -u +%Y-%m-%dT%H:%M:%SZ)
LDFLAGS := -s -w -X main.version=$(VERSION) -X main.commit=$(COMMIT) -X main.date=$(DATE)

.DEFAULT_GOAL := build

## build: compile zscaler-mcp into $(BIN_DIR)/
.PHONY: build
build:
	CGO_ENABLED=0 $(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $(BIN_DIR)/zscaler-mcp ./cmd/zscaler-mcp

## test: every test: vet, gofmt, interop (MCP client + conformance), go test -race
.PHONY: test
test:
	bash scripts/test-all.sh

## interop: only the MCP client tests and the conformance suite, against a fresh build
.PHONY: interop
interop: build
	bash scripts/interop/run.sh $(BIN_DIR)/zscaler-mcp

## demo: run a small MCP client against the server on the simulated demo tenant
.PHONY: demo
demo: build
	$(GO) run ./cmd/democlient -- $(BIN_DIR)/zscaler-mcp --demo --log-tool-calls

## docs: regenerate docs/tools.md from the tool registry
.PHONY: docs
docs:
	UPDATE_DOCS=1 $(GO) test -count=1 -run TestToolsDocIsCurrent ./internal/server/

## bench: run the benchmarks recorded in docs/performance.md
.PHONY: bench
bench:
	$(GO) test -run '^$$' -bench . -benchmem ./internal/server/ ./internal/audit/ ./internal/sanitize/
