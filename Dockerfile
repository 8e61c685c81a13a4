# newsgraph as a container: a static Go binary (CGO_ENABLED=0) in an otherwise
# empty image that runs as a non-root user. Built and run by docker-compose.yml's
# `newsgraph` service (profile "watch"):
#
#   NEWSGRAPH_WATCH_FEEDS="https://example.org/rss.xml" docker compose --profile watch up -d
#
# or on its own: docker build -t newsgraph . && docker run --rm newsgraph version
#
# Stage 1 builds; only the binary and the CA certificates go into stage 2.
FROM golang:1.26-bookworm AS build
WORKDIR /src
# Modules first, so that a code change does not download them again.
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
RUN CGO_ENABLED=0 GOOS=linux go build -trimpath \
      -ldflags "-s -w -X github.com/newsgraph/newsgraph/internal/cli.Version=${VERSION}" \
      -o /out/newsgraph ./cmd/newsgraph

# The image holds the binary, the CA certificates (for https feeds) and an
# empty /config (WORKDIR), nothing else: no shell, no package manager. It runs as the
# unprivileged uid/gid 65532.
FROM scratch
COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
COPY --from=build /out/newsgraph /usr/local/bin/newsgraph
# A config file mounted here (newsgraph.yaml) is read as ./newsgraph.yaml.
WORKDIR /config
USER 65532:65532
ENTRYPOINT ["/usr/local/bin/newsgraph"]
CMD ["watch"]
