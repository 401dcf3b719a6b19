package dev.kadence.core.event;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Event ids derived from what the event is about (RFC 9562 UUIDv5, SHA-1 in Kadence's namespace), for events that a
 * retry or a race could otherwise produce twice: both copies get one id, and consumers keep one.
 */
public final class EventIds {
    /** Kadence's namespace: UUIDv5 of the URL namespace and "https://kadence.dev/events". */
    private static final UUID NAMESPACE = v5(UUID.fromString("6ba7b811-9dad-11d1-80b4-00c04fd430c8"), "https://kadence.dev/events");

    private EventIds() {
    }

    /** The id of event {@code type} about {@code parts}, e.g. {@code of("reminder.due", reminderId, fireAt)}. */
    public static UUID of(String type, Object... parts) {
        StringBuilder name = new StringBuilder(type);
        for (Object part : parts) {
            name.append('/').append(part);
        }
        return v5(NAMESPACE, name.toString());
    }

    static UUID v5(UUID namespace, String name) {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
        sha1.update(ByteBuffer.allocate(16).putLong(namespace.getMostSignificantBits()).putLong(namespace.getLeastSignificantBits()).array());
        byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);     // version 5
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);     // IETF variant
        ByteBuffer b = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(b.getLong(), b.getLong());
    }
}
