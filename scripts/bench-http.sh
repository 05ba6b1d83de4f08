#!/usr/bin/env bash
# HTTP load figures for `meshprov serve` on loopback, measured with the shared measure.sh (the same script and wrk
# Lua script that measured the incumbent), so that the figures compare like with like:
#   - the server is the JVM itself (`java -Xmx256m ... -jar cli/target/meshprov.jar serve`), started by measure.sh;
#   - the body is a ~6.5 KB COMPONENT_DESCRIPTOR (examples/data-product.yaml's 4 components, the MWAA component to
#     validate, the data product description padded to the incumbent's body size) that meshprov validates as valid:
#     the MWAA component's staging file is present in the server's working directory (a temporary directory).
#
# Usage: scripts/bench-http.sh            (environment passed through to measure.sh: RUNS, WARMUP_S, DURATION_S,
#                                           CONNS, THREADS, QUIET_PCT, QUIET_WAIT_S, ...; see measure.sh)
#   RUNTIME=17|25|/path/to/java   the JVM and its class data (AppCDS archive on 17, AOT cache on 25), made by a
#                                 training run when missing or older than the jar; COMPACT_HEADERS=1 (25+) and
#                                 ARCHIVE=0 (none): see scripts/bench-lib.sh
#   MEASURE=/path/to/measure.sh   default ../shared/bench/measure.sh next to the repository (not part of it)
#   PORT=18093                    loopback port for the server
#   BODY_BYTES=6656               size of the validate body
#   JAVA_OPTS=...                 JVM flags besides -Xmx256m and the class data; default the recommended ones for a
#                                 small heap (-XX:+UseSerialGC -Xms16m). JAVA_OPTS= ARCHIVE=0 measures plain
#                                 `java -Xmx256m -jar`.
# Needs: Java 17 (and the JDK RUNTIME names), Maven (to build the jar when missing or stale), wrk
# (apt-get install -y wrk), curl, awk. Loopback only; every loop in measure.sh is bounded in time.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bench-lib.sh"
cd "$bench_repo"

MEASURE="${MEASURE:-$bench_repo/../shared/bench/measure.sh}"
PORT="${PORT:-18093}"
BODY_BYTES="${BODY_BYTES:-6656}"

if [[ ! -r "$MEASURE" ]]; then
  echo "measure.sh not found at $MEASURE: it lives outside the repository (the shared bench kit);" \
       "set MEASURE=/path/to/measure.sh" >&2
  exit 2
fi
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install -y wrk (Debian/Ubuntu) or brew install wrk" >&2; exit 2; }
command -v curl >/dev/null || { echo "curl is not installed" >&2; exit 2; }

bench_prepare
JAVA_OPTS="${JAVA_OPTS--XX:+UseSerialGC -Xms16m}"
read -r -a java_opts <<<"$JAVA_OPTS"
echo "==> JVM flags: -Xmx256m ${JAVA_OPTS:-} ${BENCH_ARCHIVE_FLAGS[*]}"
bench_workdir bench-http

# The validate body: the example MWAA request (the whole data product, componentIdToProvision = the MWAA component)
# with the data product's description padded to BODY_BYTES.
source_body=examples/mwaa-provision-request.json
description='Incoming and outgoing liquidity computed from the deals ledger'
pad=$(( BODY_BYTES - $(wc -c <"$source_body") ))
(( pad >= 0 )) || { echo "BODY_BYTES=$BODY_BYTES is smaller than $source_body" >&2; exit 2; }
filler="$(head -c "$pad" < <(yes ' cash flows by value date, currency and counterparty.' | tr -d '\n'))"
body="$BENCH_WORK/validate-body.json"
sed "s|description: $description|description: $description$filler|" "$source_body" >"$body"
grep -q "$filler" "$body" || { echo "could not pad the description of $source_body" >&2; exit 1; }
echo "==> body: $body ($(wc -c <"$body") bytes), working directory $BENCH_WORK"

cd "$BENCH_WORK"
exec_server=("$BENCH_JAVA" -Xmx256m "${java_opts[@]}" "${BENCH_ARCHIVE_FLAGS[@]}" -jar "$BENCH_JAR" serve \
  --host 127.0.0.1 --port "$PORT")
BODY="$body" JAR="$BENCH_JAR" bash "$MEASURE" "http://127.0.0.1:$PORT" -- "${exec_server[@]}"
