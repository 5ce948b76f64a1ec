# tollgate — see README.md. Every target works on a fresh machine with Go.
GO ?= go
BIN := bin/tollgate

.PHONY: all build demo test test-short fuzz bench catalog catalog-refresh clean

all: build

build:
	$(GO) build -o $(BIN) ./cmd/tollgate

# The main job on an example: the monthly cost diff of a small AWS change.
demo: build
	./$(BIN) estimate examples/aws-web/plan.json --usage examples/aws-web/tollgate-usage.yml

# What CI runs (.ci/run): vet, every test, and a short fuzz of the plan
# parser and of the billing readers.
test:
	$(GO) vet ./...
	$(GO) test ./...
	$(GO) test ./engine/plan -run '^$$' -fuzz '^FuzzParse$$' -fuzztime 20s -fuzzminimizetime 5s
	$(GO) test ./engine/reconcile/billing -run '^$$' -fuzz '^FuzzRead$$' -fuzztime 10s -fuzzminimizetime 5s

test-short:
	$(GO) test -short ./...

fuzz:
	$(GO) test ./engine/plan -run '^$$' -fuzz '^FuzzParse$$' -fuzztime 5m -fuzzminimizetime 10s

# Benchmarks: wall time and peak memory of `tollgate estimate` and `check`
# on generated plans of 1k, 10k and 50k resources, of the AWS price-list
# importer on a generated 1 GB offer file, plus the Go benchmarks.
bench: build
	./scripts/bench.sh

# Regenerate the embedded price catalog from ../shared/pricing.
catalog:
	$(GO) run ./cmd/catalog-gen -shared ../shared/pricing -out pricing/catalog/data

# Refresh the embedded price catalog from the providers' public price lists
# (network; GCP needs TOLLGATE_GCP_API_KEY, else it keeps its prices).
catalog-refresh:
	$(GO) run ./cmd/catalog-gen -refresh -out pricing/catalog/data

clean:
	rm -rf bin .bench
