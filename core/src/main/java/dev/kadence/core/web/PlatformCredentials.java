package dev.kadence.core.web;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * What the platform sends with each delivery, so that a function can tell it from anyone else who reaches its port:
 * the KafkaSources add the CloudEvent extension {@code kadencetoken} (the header {@value #DELIVERY_HEADER}) with
 * {@code KADENCE_DELIVERY_TOKEN}; the Dapr sidecar sends {@code APP_API_TOKEN} as {@value #DAPR_HEADER}
 * (docs/decisions.md, "Only the platform delivers"). Unset means nothing is accepted.
 */
@ConfigurationProperties("kadence.platform")
public record PlatformCredentials(@Nullable String deliveryToken, @Nullable String appApiToken) {
    /** The header of the CloudEvent extension {@code kadencetoken} in binary mode. */
    public static final String DELIVERY_HEADER = "ce-kadencetoken";
    /** The header in which Dapr sends {@code APP_API_TOKEN} to its app. */
    public static final String DAPR_HEADER = "dapr-api-token";

    boolean deliveryAccepts(@Nullable String given) {
        return matches(deliveryToken, given);
    }

    boolean daprAccepts(@Nullable String given) {
        return matches(appApiToken, given);
    }

    private static boolean matches(@Nullable String expected, @Nullable String given) {
        if (expected == null || expected.isBlank() || given == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
