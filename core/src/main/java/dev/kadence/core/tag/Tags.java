package dev.kadence.core.tag;

import dev.kadence.core.db.DatabaseException;
import dev.kadence.core.db.Sql;
import dev.kadence.core.error.ErrorCode;
import dev.kadence.core.error.KadenceException;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A user's tags. Tasks carry tag names, so renaming or deleting a tag rewrites the tasks that carry it;
 * {@link TagChanges} does that and publishes their updates.
 */
@Singleton
public class Tags {
    private final TagStore store;
    private final Sql sql;
    private final TagChanges changes;
    private final Clock clock;

    Tags(TagStore store, Sql sql, TagChanges changes, Clock clock) {
        this.store = store;
        this.sql = sql;
        this.changes = changes;
        this.clock = clock;
    }

    /** Receives tag renames and deletions that tasks must follow (implemented next to the tasks). */
    public interface TagChanges {
        void renamed(UUID userId, String from, String to, Instant now);

        void deleted(UUID userId, String name, Instant now);
    }

    @Transactional
    public List<Tag> list(UUID userId) {
        return store.listOf(userId);
    }

    /** Creates tag {@code name} (normalised as {@link TagNames#normalize} makes it). */
    @Transactional
    public Tag create(UUID userId, String name) {
        Tag tag = new Tag(UUID.randomUUID(), userId, name, clock.instant());
        if (!store.insert(tag)) {
            throw exists(name);
        }
        return tag;
    }

    /** Renames tag {@code id} to {@code name} (normalised); the tasks that carry it follow. */
    @Transactional
    public Tag rename(UUID userId, UUID id, String name) {
        Tag tag = store.find(id, userId).orElseThrow(() -> KadenceException.notFound("tag"));
        if (tag.name().equals(name)) {
            return tag;
        }
        if (store.nameTaken(userId, name)) {
            throw exists(name);
        }
        Tag renamed = tag.renamed(name);
        try {
            store.rename(renamed);
        } catch (DatabaseException e) {
            if (e.uniqueViolation()) {   // a tag of that name was stored a moment ago
                throw exists(name);
            }
            throw e;
        }
        changes.renamed(userId, tag.name(), name, clock.instant());
        return renamed;
    }

    @Transactional
    public void delete(UUID userId, UUID id) {
        Tag tag = store.find(id, userId).orElseThrow(() -> KadenceException.notFound("tag"));
        store.delete(tag);
        changes.deleted(userId, tag.name(), clock.instant());
    }

    /** Makes sure every name a task uses exists as a tag, so tags can be listed and autocompleted. */
    public void ensure(UUID userId, List<String> names, Instant now) {
        for (String name : names) {
            sql.update("insert into tags (id, user_id, name, created_at) values (?, ?, ?, ?) on conflict (user_id, name) do nothing",
                List.of(UUID.randomUUID(), userId, name, now));
        }
    }

    private static KadenceException exists(String name) {
        return new KadenceException(ErrorCode.TAG_EXISTS, "you already have a tag named \"" + name + "\"");
    }
}
