#!/usr/bin/env bash
# The first connect in a row of bare JVMs (no JMH): a plain java.net.Socket loop, then ConnectByList,
# RUNS times each, for one scenario of TimeToConnect, or for "localhost" (a connect by name: new
# Socket("localhost", port) against connect("localhost", port)). Usage: benchmarks/first-connect.sh [SCENARIO] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
scenario=${1:-refused-then-good}
runs=${2:-6}
jar=benchmarks/target/benchmarks.jar
[ -f "$jar" ] || mvn -B -q -DskipTests package
for i in $(seq "$runs"); do
  java -cp "$jar" io.github.connectbylist.benchmarks.FirstConnectProbe "$scenario" socket
  java -cp "$jar" io.github.connectbylist.benchmarks.FirstConnectProbe "$scenario" connectbylist
done
