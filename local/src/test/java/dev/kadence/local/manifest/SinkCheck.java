package dev.kadence.local.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every KafkaSource delivers to a Knative Service of the same manifests, and parks failures in a KafkaSink of the
 * same manifests: a reference to anything else would only fail once deployed.
 */
final class SinkCheck implements Check {

    @Override
    public String name() {
        return "sink";
    }

    @Override
    public List<Finding> check(List<Manifest> manifests) {
        Set<String> services = names(manifests, "serving.knative.dev/v1", "Service");
        Set<String> kafkaSinks = names(manifests, "eventing.knative.dev/v1alpha1", "KafkaSink");
        List<Finding> findings = new ArrayList<>();
        for (Manifest source : manifests.stream().filter(SinkCheck::isKafkaSource).toList()) {
            JsonNode sink = source.document().path("spec").path("sink").path("ref");
            if (!refersTo(sink, "serving.knative.dev/v1", "Service", services)) {
                findings.add(finding(source, "$.spec.sink.ref", "sink " + describe(sink)
                        + " is not a Knative Service (serving.knative.dev/v1) in these manifests " + services));
            }
            JsonNode delivery = source.document().path("spec").path("delivery");
            if (delivery.has("deadLetterSink")) {
                JsonNode deadLetters = delivery.path("deadLetterSink").path("ref");
                if (!refersTo(deadLetters, "eventing.knative.dev/v1alpha1", "KafkaSink", kafkaSinks)) {
                    findings.add(finding(source, "$.spec.delivery.deadLetterSink.ref", "dead-letter sink "
                            + describe(deadLetters) + " is not a KafkaSink in these manifests " + kafkaSinks));
                }
            }
        }
        return findings;
    }

    static boolean isKafkaSource(Manifest manifest) {
        return manifest.apiVersion().startsWith("sources.knative.dev/") && manifest.kind().equals("KafkaSource");
    }

    static Set<String> names(List<Manifest> manifests, String apiVersion, String kind) {
        return manifests.stream().filter(manifest -> manifest.is(apiVersion, kind)).map(Manifest::name)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    private static boolean refersTo(JsonNode ref, String apiVersion, String kind, Set<String> names) {
        return ref.path("apiVersion").asText().equals(apiVersion) && ref.path("kind").asText().equals(kind)
                && names.contains(ref.path("name").asText());
    }

    private static String describe(JsonNode ref) {
        return ref.isMissingNode() ? "(no ref)"
                : ref.path("kind").asText("?") + "/" + ref.path("name").asText("?")
                + " (" + ref.path("apiVersion").asText("no apiVersion") + ")";
    }
}
