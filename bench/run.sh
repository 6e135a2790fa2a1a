#!/usr/bin/env bash
# Gavel's benchmark: builds the jar, then starts the packaged application and a bare broadcast
# server (the baseline) as child processes on loopback and drives them from a load generator JVM.
# Results: a table on the console, target/bench/results.json and target/bench/results.md.
# Options (defaults in brackets) go through, e.g. bench/run.sh --watchers=500 --seconds=10:
#   --watchers [1000] --rate [20] --overload-rate [200] --lots [100] --many-watchers [2000]
#   --many-rate [1000] --bidders [20] --many-bidders [40] --closed-loop [64] --seconds [20]
#   --warmup [15] --capacity [12000] --hold [5] --heap [512m] --baseline [true]
#   --one-lot-watchers [100] --only [hot,overload,many,max,onelot,capacity] (which Gavel scenarios run)
#   --server-env [none] extra environment for Gavel, e.g. --server-env=GAVEL_LIVE_QUEUECAPACITY=64,NAME=VALUE
#   --deployments [h2] how Gavel runs, one after another in the same run: h2 (one node on its H2 file),
#     pg (one node on PostgreSQL), pg2 (two nodes on one PostgreSQL database), e.g.
#     bench/run.sh --deployments=h2,pg,pg2 --only=hot,max,onelot --baseline=false
#     For pg deployments a throw-away PostgreSQL cluster (fsync on) is started and removed at the end,
#     unless GAVEL_TEST_POSTGRES_URL (with _USERNAME and _PASSWORD) names a server to use.
# One option is the script's own:
#   --profile=NAME builds with the Maven profile NAME (./mvnw -PNAME) into target/NAME, e.g.
#   --profile=jetty runs Gavel and the baseline on Jetty instead of Tomcat (see pom.xml).
set -euo pipefail
cd "$(dirname "$0")/.."

profile=""
postgres=false
args=()
for arg in "$@"; do
  case "$arg" in
    --profile=*) profile="${arg#--profile=}" ;;
    --deployments=*pg*) postgres=true; args+=("$arg") ;;
    *) args+=("$arg") ;;
  esac
done
maven=(./mvnw -B -q -ntp)
build=target
if [ -n "$profile" ]; then
  maven+=("-P$profile")
  build="target/$profile"
fi

"${maven[@]}" -DskipTests package
mkdir -p target/bench
"${maven[@]}" dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench/classpath.txt

# Every held socket is a file descriptor on both sides: raise the soft limit to the hard one.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
echo "open files limit: $(ulimit -n)"

if [ "$postgres" = true ] && [ -z "${GAVEL_TEST_POSTGRES_URL:-}" ]; then
  source .ci/postgres.sh
  start_postgres on
fi

# The whole run is bounded: each scenario has a fixed length and bounded waits; this is a backstop.
jar=$(ls "$PWD/$build"/gavel-*.jar)
timeout 45m java -Xms1g -Xmx6g -XX:+UseParallelGC -Dbench.profile="${profile:-default}" -Dgavel.jar="$jar" \
  -cp "$build/test-classes:$build/classes:$(cat target/bench/classpath.txt)" \
  com.gavel.bench.Bench ${args[@]+"${args[@]}"}
