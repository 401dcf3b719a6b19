package dev.kadence.local.manifest;

import java.util.List;

/** Every check, against the shared schemas: what the validation suite runs on the chart, dapr/ and the fixtures. */
final class ManifestValidator {

    private static volatile ManifestValidator shared;

    private final List<Check> checks;

    ManifestValidator(SchemaCatalog schemas, DaprMetadataCatalog dapr) {
        this.checks = List.of(new SchemaCheck(schemas), new AutoscalingAnnotationCheck(), new DaprMetadataCheck(dapr),
                new SinkCheck(), new TopicCheck(), new MemoryLimitCheck(), new LiteralSecretCheck(dapr));
    }

    /** The validator over {@link Repository#schemas()}, built once per test JVM. */
    static ManifestValidator shared() {
        if (shared == null) {
            synchronized (ManifestValidator.class) {
                if (shared == null) {
                    shared = new ManifestValidator(SchemaCatalog.load(Repository.schemas(), Repository.ownSchemas()),
                            DaprMetadataCatalog.load(Repository.schemas().resolve("dapr-metadata")));
                }
            }
        }
        return shared;
    }

    List<String> checkNames() {
        return checks.stream().map(Check::name).toList();
    }

    List<Finding> validate(List<Manifest> manifests) {
        return checks.stream().flatMap(check -> check.check(manifests).stream()).toList();
    }
}
