#!/usr/bin/env bash
# Builds Dealstream and runs it on a real local Kafka broker (no Docker): see README.md.
# Options: --demo (load demo users), --data-dir=DIR, --partitions=N.
set -euo pipefail
cd "$(dirname "$0")"
./mvnw -q -B -DskipTests package
exec java -cp "local-stack/target/classes:local-stack/target/lib/*" dev.dealstream.local.LocalStack "$@"
