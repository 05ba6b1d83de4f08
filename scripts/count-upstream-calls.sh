#!/usr/bin/env bash
# Upstream calls per operation and technology: runs the http-api test tagged `benchmark`
# (dev.meshprov.http.e2e.UpstreamCallCountTest, excluded from the normal test run) which takes each technology's
# example through validate, provision, re-provision unchanged and unprovision against its loopback fake (Airbyte
# fake, CDP/CDE fakes + S3Mock, MWAA on the filesystem), then checks that Airbyte re-provisioning costs the same
# calls in a workspace of 10 and of 10,000 entities; prints the tables (also in http-api/target/upstream-calls.md).
# Needs Java 17 and Maven; loopback only.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

mvn -B -q -pl http-api -am test -Dgroups=benchmark -DexcludedTestGroups=none \
  -Dtest=UpstreamCallCountTest -Dsurefire.failIfNoSpecifiedTests=false -Djacoco.skip=true
cat http-api/target/upstream-calls.md
