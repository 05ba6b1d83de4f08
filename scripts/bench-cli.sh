#!/usr/bin/env bash
# Wall time of a CLI step in a pipeline: `meshprov validate` of the MWAA example (its DAG staged in a temporary
# working directory, so the component is valid), RUNS times; prints each time and the median.
#
# Usage: scripts/bench-cli.sh        RUNS=5; JAVA_OPTS as in scripts/bench-http.sh (default: the class-data-sharing
#                                    archive of the jar, -XX:TieredStopAtLevel=1 and -XX:+UseSerialGC, which suit
#                                    a short-lived JVM); JAVA_OPTS= measures plain `java -jar`.
# Needs: Java 17, Maven (to build the jar when missing or stale). Local only.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
RUNS="${RUNS:-5}"
jar="$repo/cli/target/meshprov.jar"
archive="$repo/cli/target/meshprov.jsa"

if [[ ! -f "$jar" || -n "$(find core mwaa-adapter airbyte-adapter cde-adapter jdbc-store http-api cli -newer "$jar" \
      \( -name '*.java' -o -name 'pom.xml' \) -print -quit 2>/dev/null)" ]]; then
  echo "==> building $jar"
  mvn -B -q -DskipTests -pl cli -am package
fi
if [[ ! -f "$archive" || "$jar" -nt "$archive" ]]; then
  echo "==> class-data-sharing archive $archive (training run)"
  rm -f "$archive"
  java -XX:ArchiveClassesAtExit="$archive" -Xlog:cds=off -Xlog:cds+dynamic=off \
    -cp "$jar" dev.meshprov.cli.ClassDataTraining
fi
JAVA_OPTS="${JAVA_OPTS--XX:SharedArchiveFile=$archive -XX:TieredStopAtLevel=1 -XX:+UseSerialGC}"
read -r -a java_opts <<<"$JAVA_OPTS"

work="$(mktemp -d /tmp/meshprov-bench-cli.XXXXXX)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/airflow/staging"
cp examples/airflow/cashflow_daily.py "$work/airflow/staging/finance.cashflow.1.cashflow_daily.py"
cp examples/mwaa-component.yaml "$work/"
cd "$work"

echo "==> java ${JAVA_OPTS:-(no flags)} -jar meshprov.jar validate mwaa-component.yaml, $RUNS runs"
times=()
for ((run = 1; run <= RUNS; run++)); do
  start=$(date +%s%N)
  java "${java_opts[@]}" -jar "$jar" validate mwaa-component.yaml >/dev/null
  end=$(date +%s%N)
  times+=("$(( (end - start) / 1000000 ))")
  echo "run $run: ${times[-1]} ms"
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}')
echo "RESULT cli_validate_median_ms=$median runs=$RUNS"
