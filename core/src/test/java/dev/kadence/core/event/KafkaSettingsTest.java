package dev.kadence.core.event;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaSettingsTest {
    static KafkaSettings settings(String protocol, String mechanism, String user, String password) {
        return new KafkaSettings("broker:9093", Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(5),
            protocol, mechanism, user, password, null);
    }

    @Test
    void aLocalBrokerNeedsOnlyItsAddress() {
        assertThat(settings(null, null, null, null).clientProperties()).containsOnlyKeys("bootstrap.servers");
    }

    @Test
    void aManagedBrokerGetsTlsAndSasl() {
        var plain = settings("SASL_SSL", "PLAIN", "kadence", "pa\"ss").clientProperties();
        assertThat(plain).containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "PLAIN");
        assertThat((String) plain.get("sasl.jaas.config"))
            .isEqualTo("org.apache.kafka.common.security.plain.PlainLoginModule required username=\"kadence\" password=\"pa\\\"ss\";");
        var scram = settings("SASL_SSL", "SCRAM-SHA-512", "kadence", "secret").clientProperties();
        assertThat((String) scram.get("sasl.jaas.config")).startsWith("org.apache.kafka.common.security.scram.ScramLoginModule required");
    }

    @Test
    void aBrokerWithItsOwnCaIsTrustedThroughThatCa() {
        String pem = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
        var props = new KafkaSettings("broker:9093", Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(5),
            "SASL_SSL", "PLAIN", "kadence", "secret", pem).clientProperties();

        assertThat(props).containsEntry("ssl.truststore.type", "PEM")
            .containsEntry("ssl.truststore.certificates", pem.strip());
        assertThat(settings("SASL_SSL", "PLAIN", "kadence", "secret").clientProperties())
            .doesNotContainKeys("ssl.truststore.type", "ssl.truststore.certificates");
    }

    @Test
    void thePasswordIsNeverPrinted() {
        assertThat(settings("SASL_SSL", "PLAIN", "kadence", "hunter2").toString()).doesNotContain("hunter2");
    }
}
