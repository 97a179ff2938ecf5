# Developer entry points. Each target declares itself .PHONY next to its recipe, so new
# targets can be appended as self-contained blocks.

GO ?= go
BIN_DIR ?= bin

.DEFAULT_GOAL := build

## build: compile zscaler-mcp into $(BIN_DIR)/
.PHONY: build
build:
	$(GO) build -o $(BIN_DIR)/zscaler-mcp ./cmd/zscaler-mcp

## test: every test: vet, gofmt, interop (MCP client + conformance), go test -race
.PHONY: test
test:
	bash scripts/test-all.sh

## interop: only the MCP client tests and the conformance suite, against a fresh build
.PHONY: interop
interop: build
	bash scripts/interop/run.sh $(BIN_DIR)/zscaler-mcp
