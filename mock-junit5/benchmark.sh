#!/usr/bin/env bash
# Start, reset and stop figures of the embedded mock (EmbeddedStartBenchmark), on 127.0.0.1 only.
# Usage: mock-junit5/benchmark.sh [starts] [resets]     (defaults 30 and 300; about half a minute)
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/pick-jdk.sh   # the same JDK 21+ choice as .ci/run (the default java may be 17)
MVN_OFFLINE=${MVN_OFFLINE:--o}
# package the shaded mock and this module (tests compiled, not run), and write this module's test classpath
mvn -B -q $MVN_OFFLINE package -pl mock-junit5 -am -DskipTests \
  dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/benchmark.classpath >/dev/null
CP="mock-junit5/target/test-classes:mock-junit5/target/classes:$(cat mock-junit5/target/benchmark.classpath)"
exec java -Xmx512m -cp "$CP" com.iduscore.mock.junit5.EmbeddedStartBenchmark "$@"
