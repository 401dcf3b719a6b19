package dev.kadence.local.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Knative autoscaling annotations ({@code autoscaling.knative.dev/*}) on any metadata, including a Service's revision
 * template: only keys Knative reads (a misspelt one is silently ignored), and only string values.
 */
final class AutoscalingAnnotationCheck implements Check {

    static final String PREFIX = "autoscaling.knative.dev/";

    /** The per-revision annotations of Knative Serving's autoscaler (docs: serving/autoscaling). */
    static final Set<String> KNOWN = Set.of("class", "metric", "target", "target-utilization-percentage",
            "target-burst-capacity", "min-scale", "max-scale", "initial-scale", "activation-scale",
            "scale-down-delay", "window", "panic-window-percentage", "panic-threshold-percentage",
            "scale-to-zero-pod-retention-period");

    @Override
    public String name() {
        return "autoscaling";
    }

    @Override
    public List<Finding> check(List<Manifest> manifests) {
        List<Finding> findings = new ArrayList<>();
        for (Manifest manifest : manifests) {
            Tree.walk(manifest.document(), "$", (path, node) -> {
                if (path.endsWith(".metadata.annotations")) {
                    check(manifest, path, node, findings);
                }
            });
        }
        return findings;
    }

    private void check(Manifest manifest, String path, JsonNode annotations, List<Finding> findings) {
        for (Map.Entry<String, JsonNode> annotation : annotations.properties()) {
            String key = annotation.getKey();
            if (!key.startsWith(PREFIX)) {
                continue;
            }
            String at = path + Tree.step(key);
            if (!KNOWN.contains(key.substring(PREFIX.length()))) {
                findings.add(finding(manifest, at, "unknown autoscaling annotation '" + key + "'"));
            }
            if (!annotation.getValue().isTextual()) {
                findings.add(finding(manifest, at, "autoscaling annotation '" + key + "' must be a string, not "
                        + annotation.getValue().getNodeType().name().toLowerCase() + " " + annotation.getValue()));
            }
        }
    }
}
