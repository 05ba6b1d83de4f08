package dev.meshprov.benchmarks;

/**
 * A generated component descriptor the size of a large data product: {@value #COMPONENTS} components — output
 * ports with {@value #COLUMNS_PER_PORT} schema columns each ({@value #COLUMNS} columns in total) and the MWAA
 * example's workload as the component to provision.
 */
final class LargeDataProduct {

    static final int COMPONENTS = 200;
    static final int COLUMNS = 2_000;
    static final int OUTPUT_PORTS = COMPONENTS - 1;
    static final int COLUMNS_PER_PORT = 10;
    static final String WORKLOAD_ID = "urn:dmb:cmp:finance:cashflow:1:orchestration";

    private LargeDataProduct() {}

    static String yaml() {
        StringBuilder out = new StringBuilder(1 << 20);
        out.append(
                """
                dataProduct:
                  id: urn:dmb:dp:finance:cashflow:1
                  name: Cash Flow
                  fullyQualifiedName: Liquidity Cash Flows
                  description: Incoming and outgoing liquidity computed from the deals ledger
                  kind: dataproduct
                  domain: finance
                  domainId: urn:dmb:dmn:finance
                  version: 1.3.0
                  environment: development
                  dataProductOwner: user:jane.doe_example.com
                  devGroup: group:finance-dev
                  ownerGroup: jane.doe_example.com
                  useCaseTemplateId: urn:dmb:utm:dataproduct-template:0.0.0
                  infrastructureTemplateId: urn:dmb:itm:dataproduct-provisioner:1
                  specific: {}
                  components:
                """);
        out.append(
                """
                    - id: %s
                      name: Orchestration
                      fullyQualifiedName: Orchestration
                      description: Runs ingestion then the Spark job every morning
                      kind: workload
                      version: 1.0.0
                      useCaseTemplateId: urn:dmb:utm:aws-airflow-workload-template:0.0.0
                      infrastructureTemplateId: urn:dmb:itm:aws-workload-airflow-provisioner:0
                      platform: AWS
                      technology: airflow
                      workloadType: batch
                      connectionType: DataPipeline
                      dependsOn: []
                      readsFrom: []
                      tags: []
                      specific:
                        scheduleCron: "0 6 * * *"
                        dagName: cashflow_daily.py
                        destinationPath: dags/
                        sourcePath: source/
                        bucketName: finance-mwaa-dev
                """
                        .formatted(WORKLOAD_ID));
        int column = 0;
        for (int port = 1; port <= OUTPUT_PORTS; port++) {
            out.append(
                    """
                        - id: urn:dmb:cmp:finance:cashflow:1:view-%1$d
                          name: View %1$d
                          description: Cash flows of book %1$d exposed to consumers
                          kind: outputport
                          version: 1.0.0
                          useCaseTemplateId: urn:dmb:utm:snowflake-outputport-template:0.0.0
                          infrastructureTemplateId: urn:dmb:itm:snowflake-outputport-provisioner:0
                          outputPortType: SQL
                          dependsOn: [%2$s]
                          tags: []
                          dataContract:
                            schema:
                    """
                            .formatted(port, WORKLOAD_ID));
            int columns = port == OUTPUT_PORTS ? COLUMNS - column : COLUMNS_PER_PORT;
            for (int i = 0; i < columns; i++, column++) {
                out.append("          - name: column_")
                        .append(column)
                        .append("\n            dataType: DECIMAL\n")
                        .append("            description: Amount ")
                        .append(column)
                        .append(" in the book currency\n");
            }
            out.append("      specific: {database: FINANCE, schema: CASHFLOW_1, tableName: VIEW_")
                    .append(port)
                    .append("}\n");
        }
        out.append("componentIdToProvision: ").append(WORKLOAD_ID).append('\n');
        return out.toString();
    }
}
