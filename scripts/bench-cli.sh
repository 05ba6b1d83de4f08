#!/usr/bin/env bash
# Wall time of a CLI step in a pipeline: `meshprov validate` of the MWAA example (its DAG staged in a temporary
# working directory, so the component is valid), RUNS times; prints each time and the median.
#
# Usage: scripts/bench-cli.sh        RUNS=5; RUNTIME=17|25|/path/to/java, COMPACT_HEADERS=1 and ARCHIVE=0 as in
#                                    scripts/bench-http.sh (see scripts/bench-lib.sh); JAVA_OPTS besides the class
#                                    data, default -XX:TieredStopAtLevel=1 -XX:+UseSerialGC (they suit a
#                                    short-lived JVM); JAVA_OPTS= ARCHIVE=0 measures plain `java -jar`.
# Needs: Java 17 (and the JDK RUNTIME names), Maven (to build the jar when missing or stale). Local only.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bench-lib.sh"
cd "$bench_repo"
RUNS="${RUNS:-5}"

bench_prepare
JAVA_OPTS="${JAVA_OPTS--XX:TieredStopAtLevel=1 -XX:+UseSerialGC}"
read -r -a java_opts <<<"$JAVA_OPTS"
bench_workdir bench-cli
cp examples/mwaa-component.yaml "$BENCH_WORK/"
cd "$BENCH_WORK"

echo "==> java ${JAVA_OPTS:-} ${BENCH_ARCHIVE_FLAGS[*]} -jar meshprov.jar validate mwaa-component.yaml, $RUNS runs"
times=()
for ((run = 1; run <= RUNS; run++)); do
  start=$(date +%s%N)
  "$BENCH_JAVA" "${java_opts[@]}" "${BENCH_ARCHIVE_FLAGS[@]}" -jar "$BENCH_JAR" validate mwaa-component.yaml >/dev/null
  end=$(date +%s%N)
  times+=("$(( (end - start) / 1000000 ))")
  echo "run $run: ${times[-1]} ms"
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}')
echo "RESULT cli_validate_median_ms=$median runs=$RUNS runtime=$BENCH_FEATURE"
