#!/usr/bin/env bash
# HTTP load figures for `meshprov serve` on loopback, measured with the shared measure.sh (the same script and wrk
# Lua script that measured the incumbent), so that the figures compare like with like:
#   - the server is the JVM itself (`java -Xmx256m -jar cli/target/meshprov.jar serve`), started by measure.sh;
#   - the body is a ~6.5 KB COMPONENT_DESCRIPTOR (examples/data-product.yaml's 4 components, the MWAA component to
#     validate, the data product description padded to the incumbent's body size) that meshprov validates as valid:
#     the MWAA component's staging file is present in the server's working directory (a temporary directory).
#
# Usage: scripts/bench-http.sh            (environment passed through to measure.sh: RUNS, WARMUP_S, DURATION_S,
#                                           CONNS, THREADS, QUIET_PCT, QUIET_WAIT_S, ...; see measure.sh)
#   MEASURE=/path/to/measure.sh   default ../shared/bench/measure.sh next to the repository (not part of it)
#   PORT=18093                    loopback port for the server
#   BODY_BYTES=6656               size of the validate body
#   JAVA_OPTS=...                 JVM flags besides -Xmx256m; default: the recommended ones for a small heap
#                                 (-XX:+UseSerialGC -Xms16m) and the class-data-sharing archive of the jar
#                                 (cli/target/meshprov.jsa, made by a training run when missing or older than the
#                                 jar). JAVA_OPTS= (empty) measures plain `java -Xmx256m -jar`.
# Needs: Java 17, Maven (to build the jar when missing or stale), wrk (apt-get install -y wrk), curl, awk.
# Loopback only; every loop in measure.sh is bounded in time.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

MEASURE="${MEASURE:-$repo/../shared/bench/measure.sh}"
PORT="${PORT:-18093}"
BODY_BYTES="${BODY_BYTES:-6656}"
jar="$repo/cli/target/meshprov.jar"

if [[ ! -r "$MEASURE" ]]; then
  echo "measure.sh not found at $MEASURE: it lives outside the repository (the shared bench kit);" \
       "set MEASURE=/path/to/measure.sh" >&2
  exit 2
fi
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install -y wrk (Debian/Ubuntu) or brew install wrk" >&2; exit 2; }
command -v curl >/dev/null || { echo "curl is not installed" >&2; exit 2; }

if [[ ! -f "$jar" || -n "$(find core mwaa-adapter airbyte-adapter cde-adapter jdbc-store http-api cli -newer "$jar" \
      \( -name '*.java' -o -name 'pom.xml' \) -print -quit 2>/dev/null)" ]]; then
  echo "==> building $jar"
  mvn -B -q -DskipTests -pl cli -am package
fi

archive="$repo/cli/target/meshprov.jsa"
if [[ ! -f "$archive" || "$jar" -nt "$archive" ]]; then
  echo "==> class-data-sharing archive $archive (training run)"
  rm -f "$archive"
  java -XX:ArchiveClassesAtExit="$archive" -Xlog:cds=off -Xlog:cds+dynamic=off \
    -cp "$jar" dev.meshprov.cli.ClassDataTraining
fi
JAVA_OPTS="${JAVA_OPTS--XX:+UseSerialGC -Xms16m -XX:SharedArchiveFile=$archive}"
echo "==> JVM flags: -Xmx256m ${JAVA_OPTS:-(none)}"

work="$(mktemp -d /tmp/meshprov-bench-http.XXXXXX)"
trap 'rm -rf "$work"' EXIT

# The MWAA component's DAG, staged as its CI pipeline would (embedded default: <working dir>/airflow/staging).
mkdir -p "$work/airflow/staging"
cp examples/airflow/cashflow_daily.py "$work/airflow/staging/finance.cashflow.1.cashflow_daily.py"

# The validate body: the example MWAA request (the whole data product, componentIdToProvision = the MWAA component)
# with the data product's description padded to BODY_BYTES.
source_body=examples/mwaa-provision-request.json
description='Incoming and outgoing liquidity computed from the deals ledger'
pad=$(( BODY_BYTES - $(wc -c <"$source_body") ))
(( pad >= 0 )) || { echo "BODY_BYTES=$BODY_BYTES is smaller than $source_body" >&2; exit 2; }
filler="$(head -c "$pad" < <(yes ' cash flows by value date, currency and counterparty.' | tr -d '\n'))"
body="$work/validate-body.json"
sed "s|description: $description|description: $description$filler|" "$source_body" >"$body"
grep -q "$filler" "$body" || { echo "could not pad the description of $source_body" >&2; exit 1; }
echo "==> body: $body ($(wc -c <"$body") bytes), working directory $work"

cd "$work"
read -r -a java_opts <<<"$JAVA_OPTS"
exec_server=(java -Xmx256m "${java_opts[@]}" -jar "$jar" serve --host 127.0.0.1 --port "$PORT")
BODY="$body" JAR="$jar" bash "$MEASURE" "http://127.0.0.1:$PORT" -- "${exec_server[@]}"
