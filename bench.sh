#!/usr/bin/env bash
# Runs a Dealstream benchmark (see docs/benchmarks.md for the method and the results so far).
#   ./bench.sh charges [--rate=5000] [--warmup=60] [--duration=60] [--users=100000] [--connections=2048] [--attach] [--record=FILE]
#   ./bench.sh coupons [--rate=10000] [--requests=1000000] [--quantity=100000] [--warmup=60] [--connections=4096] [--attach] [--record=FILE]
#   ./bench.sh coupon-backlog [--requests=5000000] [--warmup=5000000] [--users=1000000] [--campaigns=1] [--quantity=100000] [--record=FILE]
#   ./bench.sh orders [--rate=3000] [--duration=60] [--warmup=60] [--products=1000] [--users=100000] [--attach] [--record=FILE]
#   ./bench.sh orders --products=1   (a flash sale on one hot product)
#   ./bench.sh popular [--rate=5000] [--order-rate=500] [--duration=60] [--warmup=60] [--products=1000] [--attach] [--record=FILE]
# Uses $JAVA_HOME/bin/java when JAVA_HOME is set: run benchmarks on the newest JDK present.
set -euo pipefail
cd "$(dirname "$0")"
benchmark="${1:-}"
case "$benchmark" in
  charges) main=dev.dealstream.local.bench.ChargeBenchmark ;;
  coupons) main=dev.dealstream.local.bench.CouponRushBenchmark ;;
  coupon-backlog) main=dev.dealstream.local.bench.CouponBacklogBenchmark ;;
  orders) main=dev.dealstream.local.bench.OrderBenchmark ;;
  popular) main=dev.dealstream.local.bench.PopularReadBenchmark ;;
  *) echo "usage: $0 charges|coupons|coupon-backlog|orders|popular [options]" >&2; exit 2 ;;
esac
shift
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
./mvnw -q -B -DskipTests package
mkdir -p target
# The load generator keeps every request's bookkeeping until the end (hundreds of MB): a copying
# collector paused it for up to a second at a time, which showed as latency and as bursts of requests
# sent late. ZGC collects concurrently, with pauses under a millisecond.
exec "$java" -Xms4g -Xmx4g -XX:+UseZGC -cp "local-stack/target/classes:local-stack/target/lib/*" "$main" "$@"
