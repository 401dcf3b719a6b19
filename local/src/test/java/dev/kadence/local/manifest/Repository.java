package dev.kadence.local.manifest;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the tests find the repository (the chart, dapr/) and the shared schemas next to it. */
final class Repository {

    private Repository() {
    }

    /** The repository root: the nearest directory up from the working directory that holds knative/Chart.yaml. */
    static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("knative/Chart.yaml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No knative/Chart.yaml above " + Path.of("").toAbsolutePath());
    }

    static Path chart() {
        return root().resolve("knative");
    }

    static Path dapr() {
        return root().resolve("dapr");
    }

    /** Schemas of kinds ../shared/k8s-schemas lacks (NetworkPolicy), in local/src/test/resources/k8s-schemas. */
    static Path ownSchemas() {
        return root().resolve("local/src/test/resources/k8s-schemas");
    }

    /** ../shared/k8s-schemas relative to the repository root. */
    static Path schemas() {
        Path schemas = root().resolveSibling("shared").resolve("k8s-schemas");
        if (!Files.isDirectory(schemas)) {
            throw new IllegalStateException("No schemas at " + schemas);
        }
        return schemas;
    }

    /** A test fixture under src/test/resources/manifests. */
    static Path manifest(String name) {
        return root().resolve("local/src/test/resources/manifests").resolve(name);
    }
}
