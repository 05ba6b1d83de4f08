package dev.meshprov.core.mwaa;

class InMemoryDagStoreContractTest extends DagStoreContract {

    private final InMemoryDagStore store = InMemoryDagStore.withBuckets();

    @Override
    protected DagStore store() {
        return store;
    }

    @Override
    protected String bucket() {
        return "contract-bucket";
    }
}
