#!/usr/bin/env bash
# Runs a Dealstream benchmark (see docs/benchmarks.md for the method and the results so far).
#   ./bench.sh charges [--rate=5000] [--warmup=60] [--duration=60] [--users=100000] [--attach] [--record=FILE]
# Uses $JAVA_HOME/bin/java when JAVA_HOME is set: run benchmarks on the newest JDK present.
set -euo pipefail
cd "$(dirname "$0")"
benchmark="${1:-}"
case "$benchmark" in
  charges) main=dev.dealstream.local.bench.ChargeBenchmark ;;
  *) echo "usage: $0 charges [options]" >&2; exit 2 ;;
esac
shift
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
./mvnw -q -B -DskipTests package
mkdir -p target
exec "$java" -Xmx2g -cp "local-stack/target/classes:local-stack/target/lib/*" "$main" "$@"
