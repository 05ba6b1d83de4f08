package dev.meshprov.core.cde;

import dev.meshprov.core.cde.testing.InMemoryArtifactStore;

/** The artifact store contract against the in-memory fake, so that the fake stays honest. */
class InMemoryArtifactStoreContractTest extends ArtifactStoreContract {

    private final InMemoryArtifactStore store = new InMemoryArtifactStore();

    @Override
    protected ArtifactStore store() {
        return store;
    }

    @Override
    protected ArtifactUri givenObject(String name, byte[] content) {
        return store.put("s3://artifacts/contract/" + name, content);
    }

    @Override
    protected ArtifactUri givenObjectInParts(String name, byte[]... parts) {
        return store.putInParts("s3://artifacts/contract/" + name, parts);
    }

    @Override
    protected ArtifactUri missingObject() {
        return ArtifactUri.parse("s3://artifacts/contract/missing.jar").orElseThrow();
    }
}
