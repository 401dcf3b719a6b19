package dev.kadence.local.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * When the manifests manage Kafka topics (any Strimzi KafkaTopic), every topic a KafkaSource reads or a KafkaSink
 * writes has its KafkaTopic: otherwise it would be created with broker defaults, or not at all.
 */
final class TopicCheck implements Check {

    @Override
    public String name() {
        return "topics";
    }

    @Override
    public List<Finding> check(List<Manifest> manifests) {
        Set<String> topics = new TreeSet<>();
        manifests.stream().filter(TopicCheck::isKafkaTopic).forEach(topic -> topics.add(topicName(topic)));
        List<Finding> findings = new ArrayList<>();
        if (topics.isEmpty()) {
            return findings;
        }
        for (Manifest manifest : manifests) {
            JsonNode spec = manifest.document().path("spec");
            if (SinkCheck.isKafkaSource(manifest)) {
                JsonNode read = spec.path("topics");
                for (int i = 0; i < read.size(); i++) {
                    requireTopic(manifest, "$.spec.topics[" + i + "]", read.get(i).asText(), topics, findings);
                }
            } else if (manifest.is("eventing.knative.dev/v1alpha1", "KafkaSink")) {
                requireTopic(manifest, "$.spec.topic", spec.path("topic").asText(), topics, findings);
            }
        }
        return findings;
    }

    private void requireTopic(Manifest manifest, String path, String topic, Set<String> topics, List<Finding> findings) {
        if (!topics.contains(topic)) {
            findings.add(finding(manifest, path, "topic '" + topic + "' has no KafkaTopic (KafkaTopics: " + topics + ")"));
        }
    }

    private static boolean isKafkaTopic(Manifest manifest) {
        return manifest.apiVersion().startsWith("kafka.strimzi.io/") && manifest.kind().equals("KafkaTopic");
    }

    /** {@code spec.topicName}, or the resource's name when unset (as Strimzi's Topic Operator does). */
    private static String topicName(Manifest topic) {
        return topic.document().path("spec").path("topicName").asText(topic.name());
    }
}
