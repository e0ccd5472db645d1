#!/usr/bin/env bash
# Overhead of the validating proxy, in one bounded run on 127.0.0.1 only: the mock and the proxy in front of it are
# started as processes, one submission is created, then the same GET /v1/submissions/{id} is timed against the mock
# directly, through the proxy, and directly again (p50, p99, throughput; the added latency is printed last).
# Usage: proxy/bench.sh [--connections 8] [--seconds 8] [--warmup-seconds 3] [--path /health]   (bench --help)
# Ends by itself in about 3 x (10 s warm-up + 8 s window) plus start-up; both servers are stopped by PID on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/pick-jdk.sh   # the same JDK 21+ choice as .ci/run (the default java may be 17)
if [ ! -f mock-server/target/iduscore-mock-server.jar ] || [ ! -f proxy/target/iduscore-proxy.jar ]; then
  mvn -B -q package -pl proxy -am -DskipTests
fi
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

await_url() { # file → the first http://127.0.0.1:PORT printed in it (60 s at most)
  for _ in $(seq 600); do
    url=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$1" 2>/dev/null | head -1 || true)
    if [ -n "$url" ]; then echo "$url"; return 0; fi
    sleep 0.1
  done
  echo "no 'listening on' line in $1:" >&2; cat "$1" "${1%.out}.err" >&2; return 1
}

java -jar mock-server/target/iduscore-mock-server.jar --port 0 >"$work/mock.out" 2>"$work/mock.err" & pids+=($!)
mock=$(await_url "$work/mock.out")
java -jar proxy/target/iduscore-proxy.jar --upstream "$mock" --port 0 --report-dir "$work/report" >"$work/proxy.out" 2>"$work/proxy.err" & pids+=($!)
proxied=$(await_url "$work/proxy.out")

key=idu_demo_a1
submission=$(curl -sS -X POST "$mock/v1/submissions" -H "X-Api-Key: $key" -H 'Content-Type: application/json' \
  -H "Idempotency-Key: $(cat /proc/sys/kernel/random/uuid)" -H 'x-correlation-id: bench' \
  --data @fixtures/submissions/valid/minimal.json | sed -n 's/.*"submissionId":"\([^"]*\)".*/\1/p')
[ -n "$submission" ] || { echo "could not create the submission to read" >&2; exit 1; }

java -jar proxy/target/iduscore-proxy.jar bench --direct "$mock" --proxied "$proxied" \
  --path "/v1/submissions/$submission" --api-key "$key" "$@"
kill "${pids[1]}"; wait "${pids[1]}" 2>/dev/null || true
summary() { grep -m1 -o "\"$1\" : [0-9]*" "$work/report/traffic.json" | grep -o '[0-9]*$'; }
echo "proxy report ($work/report): $(summary exchanges) exchanges, $(summary violations) violations, $(summary notValidated) not validated (overload)"
