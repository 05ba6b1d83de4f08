#!/usr/bin/env bash
# Soak run: 1 000 asynchronous Airbyte provisions and unprovisions of 20 components through the HTTP API while the
# loopback Airbyte injects 5xx, 429, late answers and dropped connections (http-api AirbyteSoakTest, tag "soak",
# excluded from the normal build). Prints the report and, with --record, writes it to docs/soak.md with the command
# and the machine.
#
#   scripts/soak.sh [--record] [operations]
set -euo pipefail
cd "$(dirname "$0")/.."

record=false
if [[ "${1:-}" == "--record" ]]; then
  record=true
  shift
fi
operations="${1:-1000}"
command="mvn -B -q -pl http-api -am verify -DexcludedTestGroups=none -Dgroups=soak -Dtest=AirbyteSoakTest -Dsurefire.failIfNoSpecifiedTests=false -Djacoco.skip=true -Dmeshprov.soak.operations=${operations}"

echo "running: ${command}" >&2
status=0
${command} || status=$?
report=http-api/target/soak-report.md
if [[ ! -f "${report}" ]]; then
  echo "the soak run wrote no report (exit ${status}); see http-api/target/surefire-reports" >&2
  exit 1
fi
cat "${report}"

if [[ "${record}" == true ]]; then
  {
    echo "# Soak run"
    echo
    echo "\`scripts/soak.sh --record ${operations}\` runs \`AirbyteSoakTest\` (http-api, tag \`soak\`, not part of"
    echo "\`mvn verify\`): ${operations} asynchronous provisions and unprovisions of 20 Airbyte components through the"
    echo "HTTP API, 10 clients at once, each component driven by one client, while the loopback Airbyte server injects"
    echo "a fault every 50 ms (500/503, 429 with \`Retry-After: 1\`, dropped connections, and one in twenty a"
    echo "create answered 6 s late after it was done — past the 5 s read time-out). Afterwards the components whose"
    echo "last operation failed are retried as the coordinator would, and the Airbyte state is compared with each"
    echo "component's last operation."
    echo
    echo "Command: \`${command}\`"
    echo
    echo "Machine: $(uname -srm), $(nproc) CPUs, $(java -version 2>&1 | head -1), $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "(shared with other builds while it ran; wall time is not a benchmark)."
    echo
    echo "Exit status: ${status}"
    echo
    cat "${report}"
  } > docs/soak.md
  echo "written to docs/soak.md" >&2
fi
exit "${status}"
