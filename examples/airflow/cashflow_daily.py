"""Cash flow orchestration for the finance/cashflow data product (example DAG deployed by meshprov).

meshprov copies this file from the staging folder to the DAG folder as
finance_cashflow_1_cashflow_daily.py, and writes finance_cashflow_1_descriptor.yaml beside it.
"""
from datetime import datetime
from pathlib import Path

from airflow import DAG
from airflow.operators.empty import EmptyOperator

DAG_ID = Path(__file__).stem

with DAG(
    dag_id=DAG_ID,
    schedule="0 6 * * *",
    start_date=datetime(2026, 1, 1),
    catchup=False,
    tags=["finance", "cashflow"],
) as dag:
    ingest = EmptyOperator(task_id="ingest_deals")
    compute = EmptyOperator(task_id="compute_cashflows")
    ingest >> compute
