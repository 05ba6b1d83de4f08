package dev.meshprov.core.mwaa;

import dev.meshprov.core.model.UpstreamFailure;

class InMemoryDagStoreContractTest extends DagStoreContract {

    private final InMemoryDagStore store = InMemoryDagStore.withBuckets();

    @Override
    protected DagStore store() {
        return store;
    }

    @Override
    protected DagStore failingAt(ObjectRef ref) {
        return store.failWhen(
                call -> call.endsWith(ref.key()),
                new UpstreamFailure.Unavailable(store.system(), "HeadObject " + ref, "connection reset"));
    }
}
