package dev.kadence.core.task;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/** The key that signs page {@link Cursor}s (the task list's, the activity log's): from {@code kadence.cursor-secret}. */
@Singleton
public class CursorKey {
    private static final Logger LOG = LoggerFactory.getLogger(CursorKey.class);
    private final byte[] key;

    CursorKey(@Value("${kadence.cursor-secret:}") String secret) {
        if (secret.isEmpty()) {
            LOG.warn("kadence.cursor-secret is not set: page cursors are valid only in this process");
            this.key = new byte[32];
            new SecureRandom().nextBytes(this.key);
        } else {
            this.key = ("task-cursor:" + secret).getBytes(StandardCharsets.UTF_8);
        }
    }

    /** {@code cursor} as a page of the list named by {@code fingerprint} encodes it. */
    public String encode(Cursor cursor, String fingerprint) {
        return cursor.encode(fingerprint, key);
    }

    /** The position {@code text} names, if a page of the list named by {@code fingerprint} handed it out; else 400. */
    public Cursor decode(String text, String fingerprint) {
        return Cursor.decode(text, fingerprint, key);
    }
}
