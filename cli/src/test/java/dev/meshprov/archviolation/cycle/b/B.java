package dev.meshprov.archviolation.cycle.b;

import dev.meshprov.archviolation.cycle.a.A;

/** The other half of a deliberate package cycle; see ArchitectureRulesFailTest. */
public class B {
    public A a() {
        return new A();
    }
}
