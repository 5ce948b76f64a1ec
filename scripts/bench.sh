#!/usr/bin/env bash
# make bench: wall time and peak memory of `tollgate estimate` on synthetic
# plans of 1k, 10k and 50k resources, then the Go benchmarks. Numbers go in
# the README's performance section.
set -euo pipefail
cd "$(dirname "$0")/.."
GO=${GO:-go}
mkdir -p .bench
$GO build -o .bench/plangen ./cmd/plangen
$GO build -o .bench/benchrun ./cmd/benchrun
$GO build -o .bench/tollgate ./cmd/tollgate
echo "tollgate estimate on synthetic plans ($(nproc) cores, GOMAXPROCS=${GOMAXPROCS:-default}):"
for n in 1000 10000 50000; do
  plan=.bench/plan-$n.json
  [ -f "$plan" ] || .bench/plangen -n "$n" -o "$plan"
  size=$(du -m "$plan" | cut -f1)
  .bench/benchrun -runs 5 -label "${n} (${size} MB)" -- .bench/tollgate estimate "$plan" --format json --out /dev/null
done
echo
echo "Go benchmarks:"
$GO test -run '^$' -bench . -benchmem ./... | grep -E '^(Benchmark|ok|PASS|FAIL)' | grep -v '^ok.*no test files'
