#!/usr/bin/env bash
# Runs a real provisioning on the embedded default: builds meshprov, stages the example DAG the way a CI pipeline
# would upload it, provisions the example MWAA component into ./airflow/dags, and shows the files deployed.
# Needs only Java 17 and Maven. Run from anywhere; it works in the repository root.
set -euo pipefail
cd "$(dirname "$0")/.."

jar=cli/target/meshprov.jar
if [[ ! -f "$jar" || -n "$(find core mwaa-adapter airbyte-adapter cde-adapter http-api cli -newer "$jar" -name '*.java' -print -quit 2>/dev/null)" ]]; then
  echo "==> building $jar"
  mvn -B -q -DskipTests -pl cli -am package
fi

echo "==> staging the DAG: ./airflow/staging/finance.cashflow.1.cashflow_daily.py"
mkdir -p airflow/staging
cp examples/airflow/cashflow_daily.py airflow/staging/finance.cashflow.1.cashflow_daily.py

echo "==> meshprov validate examples/mwaa-component.yaml"
java -jar "$jar" validate examples/mwaa-component.yaml

echo "==> meshprov provision examples/mwaa-component.yaml"
java -jar "$jar" provision examples/mwaa-component.yaml

echo "==> deployed in ./airflow/dags:"
ls -l airflow/dags
