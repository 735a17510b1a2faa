# syntax=docker/dockerfile:1
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
# go.mod's replace directives point at these local stand-ins.
COPY shim/ shim/
RUN go mod download
COPY . .
ARG VERSION=dev
RUN CGO_ENABLED=0 go build -trimpath -ldflags "-s -w -X main.version=${VERSION}" -o /out/deepresearch-mcp ./cmd/deepresearch-mcp

FROM debian:bookworm-slim
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium-headless-shell ca-certificates fonts-liberation \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --create-home --uid 10001 app
COPY --from=build /out/deepresearch-mcp /usr/local/bin/deepresearch-mcp
USER app
# Run with --init (docker run --init) so Chromium's helpers are reaped.
ENTRYPOINT ["deepresearch-mcp"]
