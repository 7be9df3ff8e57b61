#!/usr/bin/env bash
# Validates the client models of strategy-clients against the real clients installed here (curl, Node.js,
# Python asyncio, Go; OkHttp 5 comes from Maven): each on the same loopback endpoints, and each model on
# real sockets and in the simulator. Prints the README's validation table and writes it to
# benchmarks/target/validation.md. Takes a few minutes (curl and Go wait out their attempt timeouts).
# Usage: benchmarks/validate-clients.sh [--runs N]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests package
java -cp benchmarks/target/benchmarks.jar io.github.connectbylist.benchmarks.ClientValidation --scripts benchmarks/clients "$@"
