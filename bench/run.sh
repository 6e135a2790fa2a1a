#!/usr/bin/env bash
# Gavel's benchmark: builds the jar, then starts the packaged application and a bare broadcast
# server (the baseline) as child processes on loopback and drives them from a load generator JVM.
# Results: a table on the console, target/bench/results.json and target/bench/results.md.
# Options (defaults in brackets) go through, e.g. bench/run.sh --watchers=500 --seconds=10:
#   --watchers [1000] --rate [20] --overload-rate [200] --lots [100] --many-watchers [2000]
#   --many-rate [1000] --bidders [20] --many-bidders [40] --closed-loop [64] --seconds [20]
#   --warmup [15] --capacity [12000] --hold [5] --heap [512m] --baseline [true]
#   --one-lot-watchers [100] --only [hot,overload,many,max,onelot,capacity] (which Gavel scenarios run)
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -B -q -ntp -DskipTests package
mkdir -p target/bench
./mvnw -B -q -ntp dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench/classpath.txt

# Every held socket is a file descriptor on both sides: raise the soft limit to the hard one.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
echo "open files limit: $(ulimit -n)"

# The whole run is bounded: each scenario has a fixed length and bounded waits; this is a backstop.
exec timeout 20m java -Xms1g -Xmx6g -XX:+UseParallelGC \
  -cp "target/test-classes:target/classes:$(cat target/bench/classpath.txt)" \
  com.gavel.bench.Bench "$@"
