package dev.kadence.local.manifest;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.stream.Collectors;

/** Assertions over findings that print every finding when they fail. */
final class Findings {

    private Findings() {
    }

    static void assertNone(String what, List<Finding> findings) {
        if (!findings.isEmpty()) {
            fail(what + " has " + findings.size() + " finding(s):\n  "
                    + findings.stream().map(Finding::toString).collect(Collectors.joining("\n  ")));
        }
    }
}
