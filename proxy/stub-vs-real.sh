#!/usr/bin/env bash
# Stub vs real in one command: runs the contract suite against the mock, then against URL, and diffs the two
# conformance reports check by check (diff.html, diff.json).
# Usage: proxy/stub-vs-real.sh URL API_KEY PARTNER_ID
#   The other IDUSCORE_* variables of contract-tests/README.md (second key, other tenant, webhook port and secret,
#   IDUSCORE_READ_ONLY, ...) are passed on from the environment to the real run. MVN_ARGS adds Maven arguments.
#   Output: reports/stub-vs-real-<time>/{stub,real}/latest/conformance.json and diff.html, diff.json beside them.
set -euo pipefail
if [ $# -ne 3 ]; then
  echo "usage: $0 URL API_KEY PARTNER_ID" >&2
  exit 2
fi
url=$1 key=$2 partner=$3
cd "$(dirname "$0")/.."
. .ci/pick-jdk.sh   # the same JDK 21+ choice as .ci/run (the default java may be 17)
out=${OUT:-reports/stub-vs-real-$(date -u +%Y%m%dT%H%M%SZ)}
mkdir -p "$out"
out=$(cd "$out" && pwd)

# a failed check fails the gate (exit 1) but still writes the report: the diff is what matters here
echo "== the mock" >&2
env -u IDUSCORE_BASE_URL -u IDUSCORE_TARGET -u IDUSCORE_API_KEY -u IDUSCORE_PARTNER_ID -u IDUSCORE_BASELINE \
  IDUSCORE_REPORTS_DIR="$out/stub" mvn -B verify -pl contract-tests -am ${MVN_ARGS:-} || true
echo "== $url" >&2
IDUSCORE_REPORTS_DIR="$out/real" IDUSCORE_TARGET=url IDUSCORE_BASE_URL="$url" IDUSCORE_API_KEY="$key" \
  IDUSCORE_PARTNER_ID="$partner" mvn -B verify -pl contract-tests -am ${MVN_ARGS:-} || true

for side in stub real; do
  [ -f "$out/$side/latest/conformance.json" ] || { echo "no conformance report from the $side run in $out/$side" >&2; exit 1; }
done
[ -f proxy/target/iduscore-proxy.jar ] || mvn -B -q package -pl proxy -am -DskipTests
java -jar proxy/target/iduscore-proxy.jar diff "$out/stub/latest/conformance.json" "$out/real/latest/conformance.json" --out "$out"
