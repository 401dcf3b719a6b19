package dev.kadence.local.manifest;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Every resource is of a kind the shared schemas know, and matches that kind's strict schema. */
final class SchemaCheck implements Check {

    private final SchemaCatalog catalog;

    SchemaCheck(SchemaCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public String name() {
        return "schema";
    }

    @Override
    public List<Finding> check(List<Manifest> manifests) {
        List<Finding> findings = new ArrayList<>();
        for (Manifest manifest : manifests) {
            Optional<JsonSchema> schema = catalog.schemaFor(manifest.apiVersion(), manifest.kind());
            if (schema.isEmpty()) {
                findings.add(finding(manifest, "$", "unknown kind: no schema for apiVersion '" + manifest.apiVersion()
                        + "' kind '" + manifest.kind() + "'"));
                continue;
            }
            for (ValidationMessage message : schema.get().validate(manifest.document())) {
                findings.add(finding(manifest, message.getInstanceLocation().toString(), message.getError()));
            }
        }
        return findings;
    }
}
