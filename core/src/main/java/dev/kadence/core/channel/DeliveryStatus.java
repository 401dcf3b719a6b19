package dev.kadence.core.channel;

import java.util.Locale;

/**
 * A delivery's state: {@code pending} (waiting for its next attempt), {@code sending} (claimed by a relay, which sends
 * it and records the outcome), {@code delivered}, or {@code failed} (every retry used up).
 */
public enum DeliveryStatus {
    PENDING, SENDING, DELIVERED, FAILED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static DeliveryStatus of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
