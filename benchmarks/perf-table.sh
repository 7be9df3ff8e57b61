#!/usr/bin/env bash
# Cold, lukewarm and warm connects of fresh processes side by side, on one good loopback endpoint (scenario
# good-first, served by EndpointServer in a process of its own): Java's plain java.net.Socket,
# SocketChannel.open and ConnectByList's default strategy (PerfProbe), and Go's net.Dialer (clients/go-dial.go,
# skipped when go is missing). RUNS fresh processes of each client (default 10), taken in turns; each times
# its connect 1, connects 2..7 and connects 1001..2000 (after 1000 in the same process), from the call to a
# connected socket, the close not included. Prints a markdown table of the medians over the processes (for
# 2..7 and 1001..2000: of each process's median), with ratios to the Socket row.
# Usage: benchmarks/perf-table.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
connects=2000
jar=benchmarks/target/benchmarks.jar
[ -f "$jar" ] || mvn -B -q -DskipTests package -pl benchmarks -am

work=$(mktemp -d)
server=
cleanup() {
  exec 3>&- # the endpoints' standard input: closing it stops them
  if [ -n "$server" ]; then wait "$server" || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

go_dial=
if command -v go >/dev/null; then
  [ -n "${HOME:-}" ] || export GOCACHE="$work/go-cache"
  go build -o benchmarks/target/go-dial benchmarks/clients/go-dial.go
  go_dial=benchmarks/target/go-dial
else
  echo "note: no go on the PATH: the Go row is skipped" >&2
fi

mkfifo "$work/in"
java -cp "$jar" io.github.connectbylist.benchmarks.EndpointServer good-first <"$work/in" >"$work/endpoints" &
server=$!
exec 3>"$work/in"
for _ in $(seq 300); do
  grep -q '^addresses ' "$work/endpoints" 2>/dev/null && break
  sleep 0.1
done
address=$(sed -n 's/^addresses //p' "$work/endpoints")
[ -n "$address" ] || { echo "the endpoints did not start" >&2; exit 1; }

# median of the numbers on standard input, one a line
median() {
  sort -g | awk '{ v[NR] = $1 } END { if (NR) print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# one line per process to $work/rows: CLIENT BUILD_MS FIRST_MS LUKEWARM_US WARM_US ("-" for no build)
for _ in $(seq "$runs"); do
  for mode in socket channel connectbylist; do
    java -cp "$jar" io.github.connectbylist.benchmarks.PerfProbe "$mode" "$address" 3>&- \
      | awk -v m="$mode" '{ print m, $2, $4, $6, $8 }' >>"$work/rows"
  done
  if [ -n "$go_dial" ]; then
    "$go_dial" "$connects" "$address" 3>&- >"$work/go"
    if grep -q FAIL "$work/go"; then grep -m1 FAIL "$work/go" >&2; exit 1; fi
    echo go - "$(sed -n 1p "$work/go" | awk '{ print $1 / 1000 }')" "$(sed -n 2,7p "$work/go" | median)" \
      "$(sed -n "1001,${connects}p" "$work/go" | median)" >>"$work/rows"
  fi
done

# the medians over the processes of each client
for client in socket channel connectbylist go; do
  grep -q "^$client " "$work/rows" || continue
  line=$client
  for column in 2 3 4 5; do
    value=$(awk -v c=$column -v n="$client" '$1 == n && $c != "-" { print $c }' "$work/rows" | median)
    line+=" ${value:--}"
  done
  echo "$line"
done >"$work/medians"

echo
echo "### Fresh processes on one good loopback address: $runs processes each, medians; $(nproc) cores, $(date -u +%F)"
echo "Java $(java -version 2>&1 | head -1 | cut -d'"' -f2)${go_dial:+, $(go version | cut -d' ' -f3)}."
echo "First connect: connect 1 of the process. Connects 2..7: median of each process's six. Warm: median of"
echo "connects 1001..2000 after 1000 in the same process. Each from the call to a connected socket, the close"
echo "not included. Ratios to the java.net.Socket row."
echo
awk '
  function cell(v, base, unit) { return sprintf(unit == "ms" ? "%.2f (%.2fx)" : "%.1f (%.2fx)", v, v / base) }
  BEGIN {
    name["socket"] = "Java java.net.Socket (250 ms connect timeout)"
    name["channel"] = "Java SocketChannel.open"
    name["connectbylist"] = "ConnectByList, default strategy"
    name["go"] = "Go net.Dialer{}.DialContext"
    print "| client | build (ms) | first connect (ms) | connects 2..7 (µs) | warm, 1001..2000 (µs) |"
    print "|---|---|---|---|---|"
  }
  $1 == "socket" { first = $3; lukewarm = $4; warm = $5 }
  {
    build = $2 == "-" ? "-" : sprintf("%.1f", $2)
    printf "| %s | %s | %s | %s | %s |\n", name[$1], build, cell($3, first, "ms"), cell($4, lukewarm, "us"),
      cell($5, warm, "us")
  }' "$work/medians"
