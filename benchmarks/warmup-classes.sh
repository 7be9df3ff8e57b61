#!/usr/bin/env bash
# Writes core's warm-up list (core/src/main/resources/io/github/connectbylist/internal/warmup-classes.txt): the
# classes that build() and the first connects of a fresh JVM load (WarmupClassesProbe) which the JDK's default
# class-data archive does not hold, those of the connects first, then those of build(), last first. Run it after
# changing what a connect loads, then rebuild. Usage: benchmarks/warmup-classes.sh
set -euo pipefail
cd "$(dirname "$0")/.."
jar=benchmarks/target/benchmarks.jar
[ -f "$jar" ] || mvn -B -q -DskipTests package
out=core/src/main/resources/io/github/connectbylist/internal/warmup-classes.txt
log=$(mktemp)
trap 'rm -f "$log"' EXIT
java -Dconnectbylist.warmup=false -Xlog:class+load:stdout -cp "$jar" \
  io.github.connectbylist.benchmarks.WarmupClassesProbe > "$log"
{
  cat <<'HEADER'
# Classes a connect loads in a fresh JVM that the JDK's class-data archive does not hold, for Warmup to load
# on its own thread while build() runs: first those of the first connects (a list, a refusal, a name from the
# hosts file, an asynchronous connect), then those of build() itself, last first. Made with
# benchmarks/warmup-classes.sh; a name that does not exist here (another JDK, a module not on the class path)
# is skipped.
HEADER
  awk '
    /^MARK build/ { phase = "build"; next }
    /^MARK connect/ { phase = "connect"; next }
    /^MARK end/ { phase = ""; next }
    phase != "" && /\[class,load\]/ && !/shared objects file/ && !/Lambda/ && !/WarmupClassesProbe/ {
      for (i = 1; i <= NF; i++) if ($i == "source:") name = $(i - 1)
      if (seen[name]++) next
      if (phase == "build") build[nb++] = name; else print name
    }
    END { for (i = nb - 1; i >= 0; i--) print build[i] }' "$log"
} > "$out"
echo "$(grep -vc '^#' "$out") classes in $out"
