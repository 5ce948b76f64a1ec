#!/usr/bin/env bash
# make bench: wall time and peak memory of `tollgate estimate` and `check`
# on synthetic plans of 1k, 10k and 50k resources, of the AWS price-list
# importer on a generated 1 GB offer file, then the Go benchmarks. Numbers go in
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
echo "tollgate check with the built-in guardrails (examples/aws-web/tollgate.yml) and the ten rules of examples/policies:"
for n in 1000 10000 50000; do
  plan=.bench/plan-$n.json
  size=$(du -m "$plan" | cut -f1)
  .bench/benchrun -runs 5 -allow-exit 1 -label "${n} (${size} MB)" -- .bench/tollgate check "$plan" --format json --out /dev/null \
    --source= --config examples/aws-web/tollgate.yml --policy examples/policies
done
echo
echo "tollgate estimate of a .tf directory (no plan): 50 module instances of 40 resources:"
rm -rf .bench/tf-2000 && .bench/plangen -tf .bench/tf-2000 -modules 50 -per-module 40
.bench/benchrun -runs 5 -label "2,004 res" -- .bench/tollgate estimate .bench/tf-2000 --format json --out /dev/null
echo
echo "AWS price-list importer (pricing refresh) on a generated 1 GB EC2 offer file, served over HTTP:"
$GO test -c -o .bench/awsfeed.test ./pricing/catalog/awsfeed
.bench/benchrun -runs 1 -label "1 GB CSV" -- .bench/awsfeed.test -test.run '^$' -test.bench '^BenchmarkImportEC2$' -test.benchtime 1x
.bench/awsfeed.test -test.run '^$' -test.bench '^BenchmarkImportEC2$' -test.benchtime 1x | grep -E '^Benchmark'
echo
echo "tollgate reconcile of a generated 5,000,000-row FOCUS CSV (20,000 instances, 10 days, 2.1 GB), one core:"
$GO build -o .bench/billgen ./cmd/billgen
mkdir -p .bench/reconcile
[ -f .bench/reconcile/bill.csv ] || .bench/billgen -rows 5000000 -resources 20000 -dir .bench/reconcile
rm -f .bench/reconcile/store.db
.bench/tollgate record .bench/reconcile/plan.json --state .bench/reconcile/state.json --source= \
  --store .bench/reconcile/store.db --commit bench --recorded-at 2024-08-01T00:00:00Z >/dev/null
GOMAXPROCS=1 .bench/benchrun -runs 3 -rate 5000000 -label "5M rows" -- .bench/tollgate reconcile --billing .bench/reconcile/bill.csv \
  --store .bench/reconcile/store.db --no-save --format json --out /dev/null
echo "the billing reader alone (rows per CPU second exclude the generator's share only approximately):"
GOMAXPROCS=1 $GO test -run '^$' -bench 'ReadFOCUS' -benchtime 1x ./engine/reconcile/billing/ | grep -E '^Benchmark'
echo
echo "Go benchmarks:"
$GO test -run '^$' -bench . -skip '^(BenchmarkImportEC2|BenchmarkReadFOCUS)$' -benchmem ./... | grep -E '^(Benchmark|ok|PASS|FAIL)' | grep -v '^ok.*no test files'
