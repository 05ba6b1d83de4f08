package dev.meshprov.cde;

import java.util.ArrayList;
import java.util.List;

/**
 * What a judging fake found wrong with the requests it received (or with its own answers): every violation is
 * answered as the vendor would, and recorded here so that the test that caused it fails when the fake is closed —
 * even if the product swallowed the error answer. A test that breaks the contract on purpose says so with
 * {@link #expectViolations()}, and then fails if nothing broke it.
 */
public final class ContractViolations {

    private final String judge;
    private final List<String> found = new ArrayList<>();
    private volatile boolean expected;

    ContractViolations(String judge) {
        this.judge = judge;
    }

    synchronized void record(String violation) {
        found.add(violation);
    }

    /** Declares that the test sends requests that break the contract on purpose. */
    public void expectViolations() {
        expected = true;
    }

    /** The violations found so far. */
    public synchronized List<String> found() {
        return List.copyOf(found);
    }

    /** Throws when violations were found and not expected, or expected and none found. */
    synchronized void verify() {
        if (!expected && !found.isEmpty()) {
            throw new AssertionError(
                    judge + " found " + found.size() + " contract violation(s):\n  - " + String.join("\n  - ", found));
        }
        if (expected && found.isEmpty()) {
            throw new AssertionError(
                    judge + ": the test declared that it breaks the contract, but every request conformed");
        }
    }
}
