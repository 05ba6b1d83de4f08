package dev.meshprov.core.cde.testing;

import dev.meshprov.core.model.ComponentRequest;
import dev.meshprov.core.testing.TestRequests;

/** The requests of the CDE descriptor fixtures in {@code src/test/resources/cde} of the core test-jar. */
public final class CdeFixtures {

    private CdeFixtures() {}

    /** The request of the fixture {@code cde/<name>}. */
    public static ComponentRequest fixture(String name) {
        return TestRequests.componentRequest(TestRequests.resource("cde/" + name));
    }

    /** A fixture with one line replaced, for variations of a valid descriptor; the line must be in it. */
    public static ComponentRequest fixture(String name, String line, String replacement) {
        String text = TestRequests.resource("cde/" + name);
        if (!text.contains(line)) {
            throw new IllegalArgumentException("fixture " + name + " has no line " + line);
        }
        return TestRequests.componentRequest(text.replace(line, replacement));
    }
}
