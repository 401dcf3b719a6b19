package dev.kadence.core.event;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.net.URI;
import java.util.List;
import java.util.stream.Stream;
import java.time.Duration;

/**
 * Where and how events are published: the URL of each topic's KafkaSink, which writes what it is sent to its topic
 * (in a cluster {@code http://kafka-sink-ingress.knative-eventing.svc.cluster.local/<namespace>/<sink>}).
 *
 * @param taskEvents     the KafkaSink of {@code task-events} (KADENCE_SINKS_TASK_EVENTS)
 * @param taskUpdates    the KafkaSink of {@code task-updates} (KADENCE_SINKS_TASK_UPDATES)
 * @param reminders      the KafkaSink of {@code reminders} (KADENCE_SINKS_REMINDERS)
 * @param pollInterval   how often the relay looks for outbox rows nobody woke it for (a crash, another instance)
 * @param maxBackoff     the longest wait between retries while a sink or its broker is unreachable
 * @param connectTimeout how long connecting to a sink may take
 * @param requestTimeout how long one event may wait for the sink's answer before the batch is retried
 * @param concurrency    how many tasks' events are sent at once (one task's events always one after another)
 */
@ConfigurationProperties("kadence.sinks")
public record SinkSettings(
    @Nullable String taskEvents,
    @Nullable String taskUpdates,
    @Nullable String reminders,
    @Bindable(defaultValue = "2s") Duration pollInterval,
    @Bindable(defaultValue = "10s") Duration maxBackoff,
    @Bindable(defaultValue = "2s") Duration connectTimeout,
    @Bindable(defaultValue = "10s") Duration requestTimeout,
    @Bindable(defaultValue = "16") int concurrency) {

    /** The KafkaSink that writes to {@code topic}. */
    public URI url(String topic) {
        String url = switch (topic) {
            case Topics.TASK_EVENTS -> taskEvents;
            case Topics.TASK_UPDATES -> taskUpdates;
            case Topics.REMINDERS -> reminders;
            default -> null;
        };
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("no KafkaSink for topic " + topic + ": set kadence.sinks." + topic);
        }
        return URI.create(url.strip());
    }

    /** The KafkaSinks that are set. */
    public List<URI> urls() {
        return Stream.of(taskEvents, taskUpdates, reminders).filter(u -> u != null && !u.isBlank()).map(u -> URI.create(u.strip())).toList();
    }
}
