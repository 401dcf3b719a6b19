package dev.kadence.core.event;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * Where and how events are published.
 *
 * @param bootstrapServers Kafka bootstrap servers
 * @param pollInterval     how often the relay looks for outbox rows nobody woke it for (a crash, another instance)
 * @param maxBackoff       the longest wait between retries while the broker is unreachable
 * @param sendTimeout      how long one publish may wait for the broker before the batch is retried
 */
@ConfigurationProperties("kadence.kafka")
public record KafkaSettings(
    @Bindable(defaultValue = "localhost:9092") String bootstrapServers,
    @Bindable(defaultValue = "2s") Duration pollInterval,
    @Bindable(defaultValue = "10s") Duration maxBackoff,
    @Bindable(defaultValue = "5s") Duration sendTimeout) {
}
