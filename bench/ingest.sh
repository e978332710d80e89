#!/usr/bin/env bash
# Durable-ingest benchmark: starts the packaged service in sandbox mode on a fresh embedded
# PostgreSQL (fsync and synchronous_commit on), then drives POST /webhooks/instantly from a load
# generator on loopback: closed loop at saturation, then open loop at fixed rates.
# Usage: bench/ingest.sh [seconds-per-run] [runs]     (after: mvn -q -DskipTests package)
# The 401 line is not an acknowledgement rate: it is the same HTTP path refused before storage,
# i.e. what the HTTP stack and this load generator manage together on this machine.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_RUN=${1:-10}
RUNS=${2:-3}
PORT=${BENCH_PORT:-18080}
JAR=$(ls sync-service/target/sync-service-*.jar | grep -v original | head -1)
DATA=$(mktemp -d /tmp/crm-sync-bench.XXXXXX)
LOG="$DATA/service.log"

cleanup() { [[ -n "${PID:-}" ]] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null; rm -rf "$DATA"; }
trap cleanup EXIT

SYNC_DATA_DIR="$DATA/data" PORT=$PORT java -Xmx512m -jar "$JAR" >"$LOG" 2>&1 &
PID=$!
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null || { echo "service did not start"; tail -50 "$LOG"; exit 1; }

gen() {
  java -Xmx256m -cp sync-testkit/target/classes dev.crmsync.testkit.load.WebhookLoadGenerator \
    --url "http://127.0.0.1:$PORT/webhooks/instantly" --secret sandbox-webhook-secret --seconds "$SECONDS_PER_RUN" "$@"
}

echo "# $(date -u +%FT%TZ) $(nproc) cores; ${SECONDS_PER_RUN}s per run, $RUNS runs each"
gen --rate 0 --seconds 5 --connections 64 >/dev/null   # warm-up (JIT, Tomcat threads, pools)
echo "# ceiling of the HTTP path without the database (wrong secret: 401 before any storage)"
java -Xmx256m -cp sync-testkit/target/classes dev.crmsync.testkit.load.WebhookLoadGenerator \
  --url "http://127.0.0.1:$PORT/webhooks/instantly" --secret wrong --seconds "$SECONDS_PER_RUN" --rate 0 --connections 64
echo "# durable acknowledgements"
for run in $(seq 1 "$RUNS"); do
  gen --rate 0 --connections 64
done
for rate in 500 2000 8000; do
  for run in $(seq 1 "$RUNS"); do
    gen --rate "$rate" --connections 64
  done
done
