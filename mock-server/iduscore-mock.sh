#!/usr/bin/env bash
# Runs the built mock (mvn -B -q package -DskipTests) with its class-data archive, which cuts the start-up time:
#   mock-server/iduscore-mock.sh [options]      (the same options as java -jar mock-server/target/iduscore-mock-server.jar)
# The archive only fits the JDK build that made it; any other JVM starts without it, silently (-Xshare:auto).
# Extra JVM options: JAVA_OPTS, e.g. JAVA_OPTS=-Xmx512m.
target="$(dirname "$0")/target"
# the JDK 21+ the build used, as .ci/run picks it (the default java may be 17); the archive fits only that JDK
. "$(dirname "$0")/../.ci/pick-jdk.sh"
exec java ${JAVA_OPTS:-} \
  -XX:SharedArchiveFile="$target/iduscore-mock-server.jsa" -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off \
  -jar "$target/iduscore-mock-server.jar" "$@"
