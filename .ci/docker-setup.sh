# Sourced by .ci/run once JAVA_HOME is chosen (also usable alone: `source .ci/docker-setup.sh` as root).
# Gets these machines ready for the suite's container target, with no image registry anywhere:
#   1. a Docker engine: Debian's docker.io when absent; dockerd started in the background when none answers
#      (log: /var/log/iduscore-dockerd.log, pid: /run/iduscore-dockerd.pid; on DOCKER_HOST's socket when that is
#      unix://…, else the default /var/run/docker.sock)
#   2. the base image iduscore-local-base:latest, unless the engine already has it: a debootstrap minbase bookworm
#      root (tarball cached in /var/cache/iduscore-docker/) plus a Java runtime jlinked from $JAVA_HOME
#   3. exports IDUSCORE_BASE_IMAGE, the base the container tests build mock-server/Dockerfile on (Testcontainers
#      builds the mock's image itself from the freshly packaged jar; Docker's layer cache makes repeats cheap)
# Where a step cannot be done it prints one line and stops there; the build goes on and the container checks are
# skipped with their reason. IDUSCORE_DOCKER=off skips all of it.

IDUSCORE_BASE_IMAGE_NAME=iduscore-local-base:latest
IDUSCORE_DOCKER_CACHE=${IDUSCORE_DOCKER_CACHE:-/var/cache/iduscore-docker}
# `jdeps --print-module-deps` of the mock's jar, plus what jdeps cannot see (TLS curves, zip file system, charsets)
IDUSCORE_JRE_MODULES=java.base,java.compiler,java.desktop,java.instrument,java.management,java.naming,java.net.http,java.scripting,java.security.jgss,java.sql,jdk.unsupported,jdk.crypto.ec,jdk.zipfs,jdk.charsets

iduscore_docker_skip() { echo "Docker: $*; the container checks will be skipped." >&2; }

iduscore_docker_answers() { timeout 10 docker info >/dev/null 2>&1; }

iduscore_docker_engine() {
  if ! command -v dockerd >/dev/null 2>&1 || ! command -v docker >/dev/null 2>&1; then
    if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
      iduscore_docker_skip "no Docker engine installed and no root apt-get to install docker.io"; return 1
    fi
    echo "Docker: installing Debian's docker.io (log: /var/log/iduscore-docker-install.log)"
    if ! { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q docker.io; } \
        >/var/log/iduscore-docker-install.log 2>&1; then
      iduscore_docker_skip "apt-get install docker.io failed (see /var/log/iduscore-docker-install.log)"; return 1
    fi
  fi
  iduscore_docker_answers && return 0
  if [ "$(id -u)" != 0 ]; then
    iduscore_docker_skip "no engine answers and starting dockerd needs root"; return 1
  fi
  local log=/var/log/iduscore-dockerd.log listen=()
  # a DOCKER_HOST=unix://… socket of one's own keeps other users' builds on the machine from finding this engine
  case "${DOCKER_HOST:-}" in unix://*) listen=(-H "$DOCKER_HOST") ;; esac
  # setsid: the engine outlives this script and its process group, like a service would
  setsid dockerd "${listen[@]}" >"$log" 2>&1 < /dev/null &
  local pid=$!
  echo "$pid" > /run/iduscore-dockerd.pid
  local waited=0
  until iduscore_docker_answers; do
    if ! kill -0 "$pid" 2>/dev/null; then
      iduscore_docker_skip "dockerd exited at start: $(tail -n1 "$log")"; return 1
    fi
    if [ "$waited" -ge 60 ]; then
      iduscore_docker_skip "dockerd (pid $pid) did not answer within 60 s (log: $log)"; return 1
    fi
    sleep 1; waited=$((waited + 1))
  done
  echo "Docker: started dockerd (pid $pid, log $log) in ${waited} s"
}

# The base image: Debian bookworm minbase + a jlinked runtime, built without any registry.
iduscore_docker_base_image() {
  if docker image inspect "$IDUSCORE_BASE_IMAGE_NAME" >/dev/null 2>&1; then
    echo "Docker: base image $IDUSCORE_BASE_IMAGE_NAME is there (cached)"; return 0
  fi
  local started=$SECONDS rootfs_tar="$IDUSCORE_DOCKER_CACHE/bookworm-minbase.tar"
  mkdir -p "$IDUSCORE_DOCKER_CACHE" || { iduscore_docker_skip "cannot create $IDUSCORE_DOCKER_CACHE"; return 1; }
  local work; work=$(mktemp -d) || return 1
  if [ ! -s "$rootfs_tar" ]; then
    if ! command -v debootstrap >/dev/null 2>&1; then
      echo "Docker: installing debootstrap"
      apt-get install -y -q debootstrap >/dev/null 2>&1 || { apt-get update -q >/dev/null 2>&1 && apt-get install -y -q debootstrap >/dev/null 2>&1; } \
        || { iduscore_docker_skip "debootstrap is missing and could not be installed"; rm -rf "$work"; return 1; }
    fi
    echo "Docker: debootstrap minbase bookworm (log: $IDUSCORE_DOCKER_CACHE/debootstrap.log)"
    if ! debootstrap --variant=minbase bookworm "$work/root" >"$IDUSCORE_DOCKER_CACHE/debootstrap.log" 2>&1; then
      iduscore_docker_skip "debootstrap failed (see $IDUSCORE_DOCKER_CACHE/debootstrap.log)"; rm -rf "$work"; return 1
    fi
    # an image needs no package lists, downloaded .debs, docs or translations
    rm -rf "$work"/root/var/lib/apt/lists/* "$work"/root/var/cache/apt/* "$work"/root/usr/share/doc/* \
      "$work"/root/usr/share/man/* "$work"/root/usr/share/locale/*
    tar -C "$work/root" -cf "$rootfs_tar.part" . && mv "$rootfs_tar.part" "$rootfs_tar"
    rm -rf "$work/root"
  fi
  mkdir -p "$work/root" && tar -C "$work/root" -xf "$rootfs_tar" \
    || { iduscore_docker_skip "cannot unpack $rootfs_tar"; rm -rf "$work"; return 1; }
  if ! "$JAVA_HOME/bin/jlink" --add-modules "$IDUSCORE_JRE_MODULES" --strip-debug --no-man-pages --no-header-files \
      --compress=zip-6 --output "$work/root/opt/java/runtime" >"$work/jlink.log" 2>&1; then
    iduscore_docker_skip "jlink failed: $(tail -n1 "$work/jlink.log")"; rm -rf "$work"; return 1
  fi
  local jre_size; jre_size=$(du -sh "$work/root/opt/java/runtime" | cut -f1)
  if ! tar -C "$work/root" -c . | docker import \
      --change 'ENV JAVA_HOME=/opt/java/runtime' \
      --change 'ENV PATH=/opt/java/runtime/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
      --change 'CMD ["bash"]' \
      --message "debootstrap minbase bookworm + runtime jlinked from $("$JAVA_HOME/bin/java" -version 2>&1 | head -n1)" \
      - "$IDUSCORE_BASE_IMAGE_NAME" >/dev/null; then
    iduscore_docker_skip "docker import of the base image failed"; rm -rf "$work"; return 1
  fi
  rm -rf "$work"
  local size; size=$(docker image inspect -f '{{.Size}}' "$IDUSCORE_BASE_IMAGE_NAME")
  echo "Docker: made $IDUSCORE_BASE_IMAGE_NAME in $((SECONDS - started)) s ($((size / 1000000)) MB; runtime $jre_size)"
}

iduscore_docker_setup() {
  if [ "${IDUSCORE_DOCKER:-}" = off ]; then
    iduscore_docker_skip "IDUSCORE_DOCKER=off"; return 0
  fi
  iduscore_docker_engine || return 0
  iduscore_docker_base_image || return 0
  # each build of a new jar leaves the previous mock image untagged: drop those, never anything else
  docker image prune -f --filter label=org.testcontainers=true >/dev/null 2>&1 || true
  export IDUSCORE_BASE_IMAGE="$IDUSCORE_BASE_IMAGE_NAME"
  export TESTCONTAINERS_RYUK_DISABLED=true
}

iduscore_docker_setup
