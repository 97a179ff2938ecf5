# syntax=docker/dockerfile:1

# zscaler-mcp container image: one static binary on a distroless base (CA certificates,
# /etc/passwd, /tmp, no shell, no package manager), running as a non-root user.
#
#   docker build --build-arg VERSION=1.2.3 -t zscaler-mcp .     (or: make docker)
#
# The build command below is also run, word for word, by the tests in test/container,
# which check that the result is static and run it the way this image does.

ARG GO_VERSION=1.26.8

# The build stage runs on the builder's own platform and cross-compiles, so
# `docker buildx build --platform linux/amd64,linux/arm64` needs no emulation.
FROM --platform=$BUILDPLATFORM golang:${GO_VERSION} AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN --mount=type=cache,target=/go/pkg/mod go mod download
COPY . .
ARG TARGETOS=linux
ARG TARGETARCH=amd64
ARG VERSION=dev
ARG COMMIT=unknown
ARG DATE=unknown
RUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build \
    CGO_ENABLED=0 GOOS=${TARGETOS} GOARCH=${TARGETARCH} go build -trimpath \
    -ldflags "-s -w -X main.version=${VERSION} -X main.commit=${COMMIT} -X main.date=${DATE}" \
    -o /out/zscaler-mcp ./cmd/zscaler-mcp
# An empty directory, copied below as the image's run directory.
RUN mkdir -p /out/run

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/zscaler-mcp /usr/local/bin/zscaler-mcp
# The server writes its PID file in /var/run/zscaler-mcp when it may. Owned by the
# server's user, so `docker exec <container> zscaler-mcp reload` (restart, status, stop),
# which runs as that same user, finds the server there (docs/lifecycle.md).
COPY --from=build --chown=65532:65532 /out/run/ /var/run/zscaler-mcp/

# stdio by default. For HTTP set ZSCALER_MCP_TRANSPORT=streamable-http: the server then
# listens on every address of the container, since loopback is unreachable from outside,
# and so needs ZSCALER_MCP_ALLOWED_HOSTS, TLS or ZSCALER_MCP_ALLOW_HTTP, and a client
# authentication mode (docs/deployment.md).
ENV PATH=/usr/local/bin:/usr/bin:/bin \
    ZSCALER_MCP_HOST=0.0.0.0
USER 65532:65532
# The server looks for .env in its working directory: bind-mount a directory holding one
# here (-v "$PWD/config:/app:ro"), or docker cp it to /app/.env.
WORKDIR /app
EXPOSE 8000

# Probes GET /health of the HTTP transport with the binary itself (there is no curl);
# with the stdio transport it has nothing to probe and reports healthy.
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
    CMD ["zscaler-mcp", "healthcheck"]

ENTRYPOINT ["zscaler-mcp"]
