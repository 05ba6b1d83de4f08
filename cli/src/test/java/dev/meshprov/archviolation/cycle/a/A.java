package dev.meshprov.archviolation.cycle.a;

import dev.meshprov.archviolation.cycle.b.B;

/** One half of a deliberate package cycle; see ArchitectureRulesFailTest. */
public class A {
    public B b() {
        return new B();
    }
}
