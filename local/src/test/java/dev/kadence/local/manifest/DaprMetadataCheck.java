package dev.kadence.local.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kadence.local.manifest.DaprMetadataCatalog.ComponentMetadata;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every Dapr Component is of a type (and version) components-contrib describes, names only metadata that type takes
 * (a misspelt name is silently ignored by Dapr) and sets every metadata it requires.
 */
final class DaprMetadataCheck implements Check {

    private final DaprMetadataCatalog catalog;

    DaprMetadataCheck(DaprMetadataCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public String name() {
        return "dapr-metadata";
    }

    static boolean isComponent(Manifest manifest) {
        return manifest.apiVersion().startsWith("dapr.io/") && manifest.kind().equals("Component");
    }

    @Override
    public List<Finding> check(List<Manifest> manifests) {
        List<Finding> findings = new ArrayList<>();
        for (Manifest component : manifests.stream().filter(DaprMetadataCheck::isComponent).toList()) {
            JsonNode spec = component.document().path("spec");
            String type = spec.path("type").asText();
            String version = spec.path("version").asText();
            Optional<ComponentMetadata> known = catalog.of(type, version);
            if (known.isEmpty()) {
                findings.add(finding(component, "$.spec.type",
                        "no metadata schema for Dapr component type '" + type + "' version '" + version + "'"));
                continue;
            }
            Set<String> given = new HashSet<>();
            JsonNode metadata = spec.path("metadata");
            for (int i = 0; i < metadata.size(); i++) {
                String name = metadata.get(i).path("name").asText();
                given.add(name);
                if (!known.get().names().contains(name)) {
                    findings.add(finding(component, "$.spec.metadata[" + i + "].name", "unknown metadata '" + name
                            + "' for Dapr " + type + " " + version + " (known: "
                            + new TreeSet<>(known.get().names()) + ")"));
                }
            }
            for (String required : known.get().required()) {
                if (!given.contains(required)) {
                    findings.add(finding(component, "$.spec.metadata", "missing required metadata '" + required
                            + "' for Dapr " + type + " " + version));
                }
            }
        }
        return findings;
    }
}
