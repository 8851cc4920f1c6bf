#!/usr/bin/env bash
# One benchmark run of the hub against its baselines, side by side (docs/performance.md).
# Usage: bench/run.sh [--quick|--long] [--no-pin] [--no-pg] [--keep] [--profile] [--java PATH] [P1 P2 ... P8 G1 G2 G3]   (none: all)
#   --quick   short runs to check the harness (figures not worth quoting)    --long   longer runs for the table
#   --no-pin  no taskset pinning                --no-pg  skip the PostgreSQL runs of P1 and P4
#   --keep    keep the run directory (logs of every process) under target/bench-run-*
#   --java    the java command that runs the hubs (default: java on the PATH; e.g. a JDK 25 for virtual threads)
#   --profile a JFR profile of every measured hub run, of the start and of each drain, summarised by
#             bench/JfrSummary.java into the results (the figures then carry the profiler: not for the table)
# Env: HUB_JAR (the jar to measure; default: target/lienthong-hub-*.jar, built when missing), PGURL_HOST (127.0.0.1),
#      PGPORT (5432), PGDATABASE (test), PGUSER (postgres).
# Installs what it needs: Debian's wrk and nginx (apt-get, as root), the Apache Artemis distribution for its perf
# client (Maven Central, through the Maven wrapper, into bench/.cache), the hub jar. Not part of the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."

ARTEMIS_VERSION=2.40.0
CACHE=bench/.cache

need_apt=()
command -v wrk > /dev/null || need_apt+=(wrk)
command -v nginx > /dev/null || [ -x /usr/sbin/nginx ] || need_apt+=(nginx-light)
command -v taskset > /dev/null || need_apt+=(util-linux)
command -v python3 > /dev/null || need_apt+=(python3)
if [ ${#need_apt[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] || { echo "bench/run.sh needs ${need_apt[*]}: run as root or install them" >&2; exit 2; }
  echo "installing ${need_apt[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" > /dev/null
fi

ARTEMIS_HOME="$CACHE/apache-artemis-$ARTEMIS_VERSION"
if [ ! -x "$ARTEMIS_HOME/bin/artemis" ]; then
  mkdir -p "$CACHE"
  if [ ! -f "$CACHE/apache-artemis-$ARTEMIS_VERSION-bin.tar.gz" ]; then
    echo "fetching the Artemis $ARTEMIS_VERSION distribution (perf client) into $CACHE"
    ./mvnw -B -ntp -q dependency:copy -Dartifact="org.apache.activemq:apache-artemis:$ARTEMIS_VERSION:tar.gz:bin" \
      -DoutputDirectory="$CACHE"
  fi
  tar xzf "$CACHE/apache-artemis-$ARTEMIS_VERSION-bin.tar.gz" -C "$CACHE"
fi

JAR=${HUB_JAR:-$(ls target/lienthong-hub-*.jar 2>/dev/null | grep -v original | head -1 || true)}
if [ -z "$JAR" ]; then
  echo "building the hub jar"
  ./mvnw -B -ntp -q -o package -DskipTests || ./mvnw -B -ntp -q package -DskipTests
  JAR=$(ls target/lienthong-hub-*.jar | grep -v original | head -1)
fi

# wrk with 500 connections, the hub's and nginx's sockets
ulimit -n 65536 2> /dev/null || ulimit -n 16384 2> /dev/null || true

export BENCH_JAR="$PWD/$JAR" BENCH_ARTEMIS_HOME="$PWD/$ARTEMIS_HOME"
[[ "$JAR" = /* ]] && BENCH_JAR="$JAR"
exec python3 bench/run.py "$@"
