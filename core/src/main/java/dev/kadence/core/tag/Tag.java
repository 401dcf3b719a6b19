package dev.kadence.core.tag;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

@MappedEntity("tags")
public record Tag(@Id UUID id, UUID userId, String name, Instant createdAt) {
    public Tag renamed(String newName) {
        return new Tag(id, userId, newName, createdAt);
    }
}
