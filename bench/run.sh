#!/usr/bin/env bash
# Runs one of issue 9's benchmarks (see docs/BENCHMARKS.md), from the repository root:
#   bench/run.sh ingest [--runs 3 --seconds 10 ...]      bench/run.sh --help
# Builds the service jar and the bench module first unless BENCH_NO_BUILD=1.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${BENCH_NO_BUILD:-0}" != 1 ]]; then
  mvn -B -o -q -DskipTests package -pl sync-service,bench -am
fi
exec java -Xmx512m -cp "bench/target/classes:$(cat bench/target/classpath.txt)" dev.crmsync.bench.BenchMain "$@"
