#!/usr/bin/env bash
# Side-by-side benchmark of the IduScore mock against a plain WireMock static stub, on 127.0.0.1 only.
# Usage: benchmark/run.sh [--connections 32] [--duration 8s] [--rounds 3] [--cold-starts 5]   (see --help)
# Bounded: every run ends by itself (cold starts + rounds x 3 scenarios x (warm-up + window)); servers are stopped by PID.
set -euo pipefail
cd "$(dirname "$0")/.."
# the same JDK 21+ choice as .ci/run (the default java may be 17)
. .ci/pick-jdk.sh
if [ ! -f mock-server/target/iduscore-mock-server.jar ] || [ ! -f benchmark/target/iduscore-benchmark.jar ]; then
  mvn -B -q package -DskipTests
fi
exec java -jar benchmark/target/iduscore-benchmark.jar "$@"
