package dev.kadence.local.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each file in manifests/broken/ breaks one rule and says, in {@code # expect: <check>: <text>} lines, which findings
 * it must produce: the checks named there fire, with that text, and no other check does. Each file in
 * manifests/valid/ must pass, so the checks are not stricter than Kubernetes.
 */
class BrokenManifestsTest {

    /** One {@code # expect:} line: a finding of {@code check} whose text contains {@code text}. */
    record Expectation(String check, String text) {
    }

    static Stream<Path> broken() throws IOException {
        return fixtures("broken");
    }

    static Stream<Path> valid() throws IOException {
        return fixtures("valid");
    }

    @ParameterizedTest
    @MethodSource("broken")
    void eachBrokenManifestFailsItsCheckWithTheExpectedMessage(Path file) throws IOException {
        List<Expectation> expected = expectations(file);
        List<Finding> findings = ManifestValidator.shared().validate(Manifest.parse(file));

        assertFalse(expected.isEmpty(), file + " has no '# expect: <check>: <text>' line");
        for (Expectation expectation : expected) {
            assertTrue(findings.stream().anyMatch(finding -> finding.check().equals(expectation.check())
                    && finding.toString().contains(expectation.text())),
                    file.getFileName() + ": expected " + expectation + " among " + findings);
        }
        Set<String> expectedChecks = expected.stream().map(Expectation::check).collect(Collectors.toCollection(TreeSet::new));
        Set<String> firedChecks = findings.stream().map(Finding::check).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(expectedChecks, firedChecks, file.getFileName() + ": only the expected checks fire: " + findings);
    }

    @ParameterizedTest
    @MethodSource("valid")
    void eachValidManifestPasses(Path file) {
        Findings.assertNone(file.getFileName().toString(), ManifestValidator.shared().validate(Manifest.parse(file)));
    }

    @Test
    void everyCheckHasABrokenManifest() throws IOException {
        Set<String> covered = broken().flatMap(file -> expectations(file).stream()).map(Expectation::check)
                .collect(Collectors.toCollection(TreeSet::new));

        assertEquals(new TreeSet<>(ManifestValidator.shared().checkNames()), covered);
    }

    private static List<Expectation> expectations(Path file) {
        try {
            return Files.readAllLines(file).stream()
                    .filter(line -> line.startsWith("# expect: "))
                    .map(line -> line.substring("# expect: ".length()).split(": ", 2))
                    .map(parts -> new Expectation(parts[0], parts[1]))
                    .toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Stream<Path> fixtures(String dir) throws IOException {
        try (Stream<Path> files = Files.list(Repository.manifest(dir))) {
            return files.filter(file -> file.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }
}
