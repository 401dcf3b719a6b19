package dev.kadence.testing;

import dev.kadence.core.api.TaskRequests;
import dev.kadence.core.db.Sql;
import dev.kadence.core.task.TaskView;
import dev.kadence.core.task.Tasks;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.util.List;
import java.util.UUID;

/** What the functions' tests set up and look at in the database: users, tasks made as the API makes them, counts. */
@Singleton
public final class Fixtures {
    private final Sql sql;
    private final TransactionOperations<Connection> tx;
    private final Tasks tasks;
    private final JsonMapper json;

    Fixtures(Sql sql, TransactionOperations<Connection> tx, Tasks tasks, JsonMapper json) {
        this.sql = sql;
        this.tx = tx;
        this.tasks = tasks;
        this.json = json;
    }

    /** A new user in {@code timezone} (an IANA zone), straight into the table: no password to check. */
    public UUID user(String timezone) {
        return user(timezone, "en-GB");
    }

    /** A new user in {@code timezone} who writes dates as {@code locale} (a BCP 47 tag) has it. */
    public UUID user(String timezone, String locale) {
        UUID id = UUID.randomUUID();
        tx.executeWrite(s -> sql.update("""
            insert into users (id, email, password_hash, timezone, locale, created_at, updated_at)
            values (?, ?, 'x', ?, ?, now(), now())""",
            List.of(id, id + "@example.com", timezone, locale)));
        return id;
    }

    /** A task of {@code user} from a request body, through the same service as {@code POST /api/v1/tasks}. */
    public TaskView task(UUID user, String body) {
        try {
            return tasks.create(user, TaskRequests.create(json.readValue(body, JsonNode.class)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The one number {@code query} selects. */
    public long count(String query, Object... params) {
        return tx.executeRead(s -> sql.one(query, List.of(params), rs -> rs.getLong(1)).orElseThrow());
    }

    public String reminderStatus(UUID reminder) {
        return tx.executeRead(s -> sql.one("select status from reminders where id = ?", List.of(reminder), rs -> rs.getString(1)).orElseThrow());
    }

    /**
     * Writes {@code rule} into series {@code series} by SQL, around the API's validation: a rule stored before one of
     * today's limits existed (docs/recurrence.md#limits).
     */
    public void storeRule(UUID series, String rule) {
        tx.executeWrite(s -> sql.update("update series set rule = ? where id = ?", List.of(rule, series)));
    }
}
