# newsgraph as a container: a static Go binary (CGO_ENABLED=0) in a distroless
# image that runs as a non-root user. Built and run by docker-compose.yml's
# `newsgraph` service (profile "watch"):
#
#   NEWSGRAPH_WATCH_FEEDS="https://example.org/rss.xml" docker compose --profile watch up -d
#
# or on its own: docker build -t newsgraph . && docker run --rm newsgraph version
#
# Stage 1 builds; only the binary goes into stage 2.
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

# static-debian12 has CA certificates (for https feeds) and time zones, no
# shell; the :nonroot tag runs as uid 65532.
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/newsgraph /usr/local/bin/newsgraph
# A config file mounted here (newsgraph.yaml) is read as ./newsgraph.yaml.
WORKDIR /config
USER 65532:65532
ENTRYPOINT ["/usr/local/bin/newsgraph"]
CMD ["watch"]
