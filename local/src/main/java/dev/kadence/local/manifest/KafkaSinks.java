package dev.kadence.local.manifest;

import io.fabric8.knative.eventing.v1alpha1.KafkaSink;

import java.util.List;

/** The KafkaSinks of the knative/ chart, which the local platform stands in for: which sink writes to which topic. */
public final class KafkaSinks {

    /**
     * One KafkaSink.
     *
     * @param name  its name, e.g. {@code task-events}; Knative's ingress serves it at {@code /<namespace>/<name>}
     * @param topic the topic it writes to
     */
    public record Sink(String name, String topic) {
    }

    private KafkaSinks() {
    }

    /** The KafkaSinks of an already rendered chart (a multi-document YAML stream). */
    public static List<Sink> fromRendered(String yaml) {
        return Chart.read(yaml).stream()
                .filter(KafkaSink.class::isInstance).map(KafkaSink.class::cast)
                .map(sink -> new Sink(sink.getMetadata().getName(), sink.getSpec().getTopic()))
                .toList();
    }
}
