#!/usr/bin/env bash
# Builds the benchmarks jar and runs every benchmark in the short configuration of Report (a few minutes
# on two cores; ColdStart and Lukewarm in their own 10 fresh forks each), then prints the README's tables.
# Full runs: see the README's Benchmarks section.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests package
java -cp benchmarks/target/benchmarks.jar io.github.connectbylist.benchmarks.Report "$@"
