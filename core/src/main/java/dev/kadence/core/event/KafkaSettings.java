package dev.kadence.core.event;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where and how events are published.
 *
 * @param bootstrapServers Kafka bootstrap servers
 * @param pollInterval     how often the relay looks for outbox rows nobody woke it for (a crash, another instance)
 * @param maxBackoff       the longest wait between retries while the broker is unreachable
 * @param sendTimeout      how long one publish may wait for the broker before the batch is retried
 * @param securityProtocol {@code SASL_SSL}, {@code SSL}, … for a managed broker (KADENCE_KAFKA_SECURITY_PROTOCOL); none locally
 * @param saslMechanism    {@code PLAIN}, {@code SCRAM-SHA-256} or {@code SCRAM-SHA-512} (KADENCE_KAFKA_SASL_MECHANISM)
 * @param saslUser         the SASL user (KADENCE_KAFKA_SASL_USER)
 * @param saslPassword     the SASL password, from a Secret (KADENCE_KAFKA_SASL_PASSWORD)
 * @param caCert           PEM certificates of the CA the broker's TLS certificate is signed by, when that is not a
 *                         public CA the JVM trusts (KADENCE_KAFKA_CA_CERT, the {@code ca.crt} of the Kafka Secret)
 */
@ConfigurationProperties("kadence.kafka")
public record KafkaSettings(
    @Bindable(defaultValue = "localhost:9092") String bootstrapServers,
    @Bindable(defaultValue = "2s") Duration pollInterval,
    @Bindable(defaultValue = "10s") Duration maxBackoff,
    @Bindable(defaultValue = "5s") Duration sendTimeout,
    @Nullable String securityProtocol,
    @Nullable String saslMechanism,
    @Nullable String saslUser,
    @Nullable String saslPassword,
    @Nullable String caCert) {

    /** The client properties that reach the broker: bootstrap servers and, for a managed broker, TLS and SASL. */
    public Map<String, Object> clientProperties() {
        Map<String, Object> props = new HashMap<>();
        props.put("bootstrap.servers", bootstrapServers);
        if (securityProtocol != null && !securityProtocol.isBlank()) {
            props.put("security.protocol", securityProtocol);
        }
        if (saslMechanism != null && !saslMechanism.isBlank()) {
            String module = saslMechanism.toUpperCase(Locale.ROOT).startsWith("SCRAM")
                ? "org.apache.kafka.common.security.scram.ScramLoginModule"
                : "org.apache.kafka.common.security.plain.PlainLoginModule";
            props.put("sasl.mechanism", saslMechanism);
            props.put("sasl.jaas.config", module + " required username=\"" + quoted(saslUser) + "\" password=\""
                + quoted(saslPassword) + "\";");
        }
        if (caCert != null && !caCert.isBlank()) {
            props.put("ssl.truststore.type", "PEM");
            props.put("ssl.truststore.certificates", caCert.strip());
        }
        return props;
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "KafkaSettings[" + bootstrapServers + ", " + securityProtocol + ", " + saslMechanism + ", user " + saslUser
            + (caCert == null || caCert.isBlank() ? "" : ", own CA") + "]";
    }

    private static String quoted(String value) {
        return value == null ? "" : value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
