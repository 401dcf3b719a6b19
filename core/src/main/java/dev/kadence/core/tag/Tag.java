package dev.kadence.core.tag;

import java.time.Instant;
import java.util.UUID;

public record Tag(UUID id, UUID userId, String name, Instant createdAt) {
    public Tag renamed(String newName) {
        return new Tag(id, userId, newName, createdAt);
    }
}
