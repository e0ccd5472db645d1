# Sourced by .ci/run and every script a user runs (benchmark/run.sh, proxy/*.sh, mock-junit5/benchmark.sh, mock-server/iduscore-mock.sh): exports JAVA_HOME and PATH for the newest JDK 21+ it finds.
# The machines' default java is 17; candidates are JAVA_HOME, the javac on PATH, /usr/lib/jvm, /opt/java and /opt/jdk*.
# Exits the calling script with status 1 when none is found.

java_major() { # prints the major version of the java binary $1, or 0
  "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}' | cut -d. -f1 || echo 0
}

pick_jdk() {
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v javac >/dev/null 2>&1; then candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")"); fi
  for d in /usr/lib/jvm/* /opt/java/* /opt/jdk*; do [ -d "$d" ] && candidates+=("$d"); done
  local best="" best_major=0
  for home in "${candidates[@]}"; do
    [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || continue
    local major; major=$(java_major "$home/bin/java")
    if [ "${major:-0}" -ge 21 ] && [ "$major" -gt "$best_major" ]; then best="$home"; best_major=$major; fi
  done
  [ -n "$best" ] || { echo "No JDK 21+ found (looked at JAVA_HOME, PATH and /usr/lib/jvm). Install one, e.g. apt-get install openjdk-21-jdk-headless." >&2; exit 1; }
  echo "$best"
}

JAVA_HOME="$(pick_jdk)" || exit 1
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
