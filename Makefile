# Developer entry points. Each target declares itself .PHONY next to its recipe, so new
# targets can be appended as self-contained blocks. `make help` lists them.

GO ?= go
BIN_DIR ?= bin
DIST_DIR ?= dist
TOOLS_DIR ?= .tools
IMAGE ?= zscaler-mcp

VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
COMMIT ?= $(shell git rev-parse --short HEAD 2>/dev/null || echo unknown)
DATE ?= $(shell date -u +%Y-%m-%dT%H:%M:%SZ)
# The same flags as the Dockerfile's build; test/container checks the Dockerfile's.
LDFLAGS := -s -w -X main.version=$(VERSION) -X main.commit=$(COMMIT) -X main.date=$(DATE)

# golangci-lint is built from source through the Go module proxy, pinned here.
GOLANGCI_LINT_VERSION ?= v2.15.0
GOLANGCI_LINT := $(TOOLS_DIR)/golangci-lint-$(GOLANGCI_LINT_VERSION)/golangci-lint

# Release targets: os/arch pairs.
PLATFORMS ?= linux/amd64 linux/arm64 darwin/amd64 darwin/arm64 windows/amd64 windows/arm64

.DEFAULT_GOAL := build

## help: list the targets
.PHONY: help
help:
	@sed -n 's/^## //p' $(MAKEFILE_LIST)

## build: compile a static zscaler-mcp into bin/
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

## lint: golangci-lint with .golangci.yml (installs the pinned version into .tools/)
.PHONY: lint
lint: $(GOLANGCI_LINT)
	$(GOLANGCI_LINT) run ./...

$(GOLANGCI_LINT):
	@echo "installing golangci-lint $(GOLANGCI_LINT_VERSION) into $(@D) (first run only)"
	GOBIN=$(abspath $(@D)) $(GO) install github.com/golangci/golangci-lint/v2/cmd/golangci-lint@$(GOLANGCI_LINT_VERSION)

## demo: run a small MCP client against the server on the simulated demo tenant
.PHONY: demo
demo: build
	$(GO) run ./cmd/democlient -- $(BIN_DIR)/zscaler-mcp --demo --log-tool-calls

## docs: regenerate docs/tools.md and the tool schema snapshots from the tool registry
.PHONY: docs
docs:
	UPDATE_DOCS=1 UPDATE_SNAPSHOTS=1 $(GO) test -count=1 \
		-run 'TestToolsDocIsCurrent|TestToolSchemaSnapshots' ./internal/server/

## bench: run the benchmarks recorded in docs/performance.md
.PHONY: bench
bench:
	$(GO) test -run '^$$' -bench . -benchmem ./internal/server/ ./internal/audit/ ./internal/sanitize/

## docker: build the container image zscaler-mcp:VERSION (needs a running Docker engine)
.PHONY: docker
docker:
	@command -v docker >/dev/null 2>&1 || { \
		echo "make docker: the docker command is not installed; see docs/deployment.md" >&2; exit 1; }
	@docker info >/dev/null 2>&1 || { \
		echo "make docker: no Docker engine answers (docker info failed); start Docker and" >&2; \
		echo "retry, or use make build for the binary alone" >&2; exit 1; }
	docker build --build-arg VERSION=$(VERSION) --build-arg COMMIT=$(COMMIT) \
		--build-arg DATE=$(DATE) -t $(IMAGE):$(VERSION) -t $(IMAGE):latest .

## release: static binaries for linux, darwin, windows on amd64, arm64 into dist/, with SHA256SUMS
.PHONY: release
release:
	rm -rf $(DIST_DIR)
	@set -e; for p in $(PLATFORMS); do \
		os=$${p%/*}; arch=$${p#*/}; ext=; [ "$$os" = windows ] && ext=.exe; \
		out=$(DIST_DIR)/zscaler-mcp_$(VERSION)_$${os}_$${arch}$$ext; \
		echo "building $$out"; \
		CGO_ENABLED=0 GOOS=$$os GOARCH=$$arch $(GO) build -trimpath -ldflags '$(LDFLAGS)' \
			-o $$out ./cmd/zscaler-mcp; \
	done
	cd $(DIST_DIR) && if command -v sha256sum >/dev/null 2>&1; then \
		sha256sum zscaler-mcp_* > SHA256SUMS; else shasum -a 256 zscaler-mcp_* > SHA256SUMS; fi
	@echo "checksums in $(DIST_DIR)/SHA256SUMS; verify with: cd $(DIST_DIR) && sha256sum -c SHA256SUMS"

## clean: remove bin/ and dist/ (keeps the tools in .tools/)
.PHONY: clean
clean:
	rm -rf $(BIN_DIR) $(DIST_DIR)
