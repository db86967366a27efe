# engage: the way in. `make run` builds the demo site; `make test` runs every test.
GO      ?= go
BIN     := bin/engage
NOW     ?=
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -X main.version=$(VERSION)

.PHONY: all build run site test vet fmt-check browser-deps bench bench-hugo bench-quick clean

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

# Every test: formatting, vet, unit, whole-site and command tests, and the
# browser tests of internal/browsertest, whose tools browser-deps installs.
test: fmt-check vet browser-deps
	$(GO) test -count=1 ./...

# What the browser tests need: Debian's Chromium, and axe-core and
# html-validate as pinned by internal/browsertest/package-lock.json.
# Install scripts of npm packages are not run, and nothing downloads a
# browser of its own.
CHROMIUM    := /usr/bin/chromium
BROWSERTEST := internal/browsertest
SUDO        := $(if $(filter 0,$(shell id -u)),,sudo)
APT_INSTALL := $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium

browser-deps: $(CHROMIUM) $(BROWSERTEST)/node_modules/.package-lock.json

$(CHROMIUM):
	@if [ "$$(id -u)" != 0 ] && ! command -v sudo >/dev/null; then \
	  echo "browser-deps: $(CHROMIUM) is missing and this user cannot install it: run 'apt-get install chromium' as root"; exit 1; fi
	@echo "browser-deps: $(CHROMIUM) is missing; installing Debian's chromium: apt-get install -y chromium"
	@$(APT_INSTALL) || { \
	  echo "browser-deps: apt-get install failed; running apt-get update, then installing again"; \
	  $(SUDO) apt-get update && $(APT_INSTALL); }
	@test -x $(CHROMIUM) || { echo "browser-deps: apt-get installed chromium but there is no $(CHROMIUM)"; exit 1; }

# npm ci writes node_modules/.package-lock.json, so this runs again only
# when node_modules is missing or package-lock.json is newer.
$(BROWSERTEST)/node_modules/.package-lock.json: $(BROWSERTEST)/package-lock.json
	@command -v npm >/dev/null || { echo "browser-deps: npm is missing: install Node.js 20.19 or newer with npm"; exit 1; }
	@echo "browser-deps: installing the npm packages of $(BROWSERTEST) with npm ci (package-lock.json is newer than node_modules, or node_modules is missing)"
	cd $(BROWSERTEST) && npm ci --ignore-scripts --no-audit --no-fund

vet:
	$(GO) vet ./...

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

# Generate corpora of 1,000, 10,000 and 100,000 pages and time engage build
# on them (median of 5 runs, 1 run at 100,000 pages; peak memory), and Hugo
# on the same content with the theme of cmd/bench/hugo when Hugo is
# installed, with the ratios to Hugo's time and memory.
bench: build
	$(GO) run ./cmd/bench -engage $(BIN) -sizes 1000,10000,100000 -runs 5 -runs-large 3
	$(GO) run ./cmd/bench reload -engage $(BIN) -pages 10000 -edits 10

# The same, but Hugo must be there: Debian's hugo package, installed with
# apt-get when it is missing and this user can (as browser-deps does for
# chromium); otherwise this fails and says what to run.
HUGO        := /usr/bin/hugo
HUGO_APT    := $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y hugo

bench-hugo: build
	@if ! [ -x $(HUGO) ] && ! command -v hugo >/dev/null; then \
	  if [ "$$(id -u)" != 0 ] && ! command -v sudo >/dev/null; then \
	    echo "bench-hugo: Hugo is not installed and this user cannot install it: run 'apt-get install hugo' as root"; exit 1; fi; \
	  echo "bench-hugo: Hugo is not installed; installing Debian's hugo: apt-get install -y hugo"; \
	  $(HUGO_APT) || { echo "bench-hugo: apt-get install failed; running apt-get update, then installing again"; \
	    $(SUDO) apt-get update && $(HUGO_APT); } || { echo "bench-hugo: could not install hugo; run 'apt-get install hugo' as root"; exit 1; }; \
	fi
	$(GO) run ./cmd/bench -engage $(BIN) -sizes 1000,10000,100000 -runs 5 -runs-large 3 -hugo on

bench-quick: build
	$(GO) run ./cmd/bench -engage $(BIN) -sizes 1000 -runs 3

clean:
	rm -rf bin public
