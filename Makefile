# engage: the way in. `make run` builds the demo site; `make test` runs every test.
GO      ?= go
BIN     := bin/engage
NOW     ?=
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -X main.version=$(VERSION)

.PHONY: all build run site test vet fmt-check bench bench-quick clean

all: build

build:
	$(GO) build -ldflags "$(LDFLAGS)" -o $(BIN) ./cmd/engage

# Build the demo site (content/, layouts/, assets/, site.yaml at the root)
# and serve it at http://127.0.0.1:1313/ until Ctrl-C.
run: build
	./$(BIN) serve --source . $(if $(NOW),--now $(NOW))

# Build the demo site into public/.
site: build
	./$(BIN) build --source . --dest public $(if $(NOW),--now $(NOW))

# Every test: formatting, vet, unit, whole-site and command tests.
test: fmt-check vet
	$(GO) test -count=1 ./...

vet:
	$(GO) vet ./...

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

# Generate corpora of 1,000 and 10,000 pages and time engage build on them
# (median of 5 runs, peak memory).
bench: build
	$(GO) run ./cmd/bench -engage $(BIN) -sizes 1000,10000 -runs 5

bench-quick: build
	$(GO) run ./cmd/bench -engage $(BIN) -sizes 1000 -runs 3

clean:
	rm -rf bin public
