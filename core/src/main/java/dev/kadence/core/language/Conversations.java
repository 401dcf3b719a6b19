package dev.kadence.core.language;

import dev.kadence.core.db.DatabaseException;
import dev.kadence.core.db.Sql;
import dev.kadence.core.error.ErrorCode;
import dev.kadence.core.error.KadenceException;
import dev.kadence.core.paging.PageRequest;
import dev.kadence.core.time.Times;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The assistant's conversations, each one user's: what was said and answered, the task "it" means, and the question
 * waiting for an answer (V6__assistant_conversations.sql).
 */
@Singleton
public class Conversations {
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    private static final int TITLE = 80;
    private static final String LOCK_NOT_AVAILABLE = "55P03";
    /** A turn's claim on its conversation lapses after this long: a turn that crashed no longer blocks the next. */
    static final Duration TURN_CLAIM = Duration.ofSeconds(30);

    private final Sql sql;
    private final JsonMapper json;

    Conversations(Sql sql, JsonMapper json) {
        this.sql = sql;
        this.json = json;
    }

    /** A conversation's state: the task of its last turn, and what it waits for (a pick among candidates, or a yes). */
    record Conversation(UUID id, UUID userId, String title, UUID lastTaskId, String pendingText, List<UUID> pendingCandidates,
                        String pendingOffer, Instant createdAt, Instant updatedAt) {
    }

    /**
     * What a conversation remembers after a turn: the task it was about (null: the one before stays) and what it waits
     * for now (all null: nothing).
     */
    record After(UUID lastTask, String pendingText, List<UUID> pendingCandidates, String pendingOffer) {
    }

    @Serdeable
    public record Summary(UUID id, String title, Instant createdAt, Instant updatedAt) {
    }

    @Serdeable
    public record Message(String role, String text, Instant at, AssistantReply reply) {
    }

    @Serdeable
    public record ConversationView(UUID id, String title, Instant createdAt, Instant updatedAt, List<Message> messages) {
    }

    @Serdeable
    public record Page(List<Summary> items, String nextCursor) {
    }

    /**
     * This transaction's commit does not wait for its WAL to reach the disk (PostgreSQL's asynchronous commit: the
     * change is visible at once, and durable a fraction of a second later). For a conversation's own rows only — its
     * claim and its transcript: a database crash may lose a conversation's last turns, never a task (the changes a
     * turn makes to tasks commit in their own, synchronous, transactions). It spares a turn two disk flushes.
     */
    void recordWithoutWaitingForDisk() {
        sql.update("set local synchronous_commit = off", List.of());
    }

    Conversation start(UUID userId, String firstWords, Instant now) {
        String title = firstWords.length() <= TITLE ? firstWords : firstWords.substring(0, TITLE - 1).strip() + "…";
        Conversation c = new Conversation(UUID.randomUUID(), userId, title, null, null, null, null, now, now);
        sql.update("""
            insert into assistant_conversations (id, user_id, title, created_at, updated_at, turn_started_at)
            values (?, ?, ?, ?, ?, ?)""", List.of(c.id(), userId, title, now, now, now));
        return c;
    }

    /**
     * The user's conversation {@code id}, claimed for one turn that spans transactions (a language model's, which may
     * take seconds) until {@link #record} (or {@link #release}): 409 while another turn of it is being answered, so two
     * at once cannot both act on one pending question; 404 for another's.
     */
    Conversation claim(UUID userId, UUID id, Instant now) {
        return sql.one("""
                update assistant_conversations set turn_started_at = ?
                where id = ? and user_id = ? and (turn_started_at is null or turn_started_at <= ?) returning *""",
            List.of(now, id, userId, now.minus(TURN_CLAIM)), Conversations::read).orElseThrow(() -> {
                lock(userId, id);   // 404 when it is not the user's
                return busy();
            });
    }

    /**
     * The user's conversation {@code id}, locked for a turn answered in this one transaction: 409 at once while another
     * turn of it is being answered (one that holds the lock, or a {@link #claim}), 404 for another's. The transaction
     * commits without waiting for the disk unless {@link #record} asks otherwise: the set-up rides on this statement,
     * so the turn pays no round trip for it.
     */
    Conversation lockForTurn(UUID userId, UUID id, Instant now) {
        record Locked(Conversation conversation, boolean claimed) {
        }
        Optional<Locked> found;
        try {
            found = sql.one("""
                select set_config('synchronous_commit', 'off', true), c.*, coalesce(c.turn_started_at > ?, false) as claimed
                from assistant_conversations c where id = ? and user_id = ? for update nowait""",
                List.of(now.minus(TURN_CLAIM), id, userId), rs -> new Locked(read(rs), rs.getBoolean("claimed")));
        } catch (DatabaseException e) {
            if (LOCK_NOT_AVAILABLE.equals(e.sqlState())) {
                throw busy();
            }
            throw e;
        }
        Locked locked = found.orElseThrow(() -> KadenceException.notFound("conversation"));
        if (locked.claimed()) {
            throw busy();
        }
        return locked.conversation();
    }

    private static KadenceException busy() {
        return new KadenceException(ErrorCode.CONFLICT,
            "this conversation is still answering the previous message; send the next one when it has answered");
    }

    /** Gives up a turn's claim without recording the turn (it failed). */
    void release(UUID id) {
        sql.update("update assistant_conversations set turn_started_at = null where id = ?", List.of(id));
    }

    /** The user's conversation {@code id}, locked for this transaction; 404 for another's. */
    Conversation lock(UUID userId, UUID id) {
        return sql.one("select * from assistant_conversations where id = ? and user_id = ? for update", List.of(id, userId),
            Conversations::read).orElseThrow(() -> KadenceException.notFound("conversation"));
    }

    /**
     * Records a turn of conversation {@code id} — what the user said, what was answered — with what the conversation
     * remembers after it, and ends the turn's claim: one statement, so a turn's record costs one round trip. When
     * {@code durable}, the transaction's commit waits for the disk again (it changed tasks too: see
     * {@link #lockForTurn}); the setting rides on the statement as its one-row {@code from}.
     */
    void record(UUID id, String said, AssistantReply answered, After after, Instant now, boolean durable) {
        sql.update("""
            with said as (
                insert into assistant_messages (conversation_id, role, text, reply, created_at)
                values (?, 'user', ?, null, ?), (?, 'assistant', ?, ?, ?))
            update assistant_conversations set last_task_id = coalesce(?, last_task_id), pending_text = ?,
                pending_candidates = ?, pending_offer = ?, updated_at = ?, turn_started_at = null
            from (select set_config('synchronous_commit', ?, true)) as commit_setting
            where id = ?""",
            List.of(id, said, now, id, answered.reply(), write(answered), now,
                Sql.uuid(after.lastTask()), Sql.text(after.pendingText()),
                after.pendingCandidates() == null ? new Sql.Null(Types.OTHER) : after.pendingCandidates().toArray(UUID[]::new),
                Sql.text(after.pendingOffer()), now, durable ? "on" : "off", id));
    }

    /** The last {@code n} messages of conversation {@code id}, oldest first, without the replies' details. */
    List<Message> last(UUID id, int n) {
        List<Message> newestFirst = sql.list("select role, text, created_at from assistant_messages where conversation_id = ? order by id desc limit ?",
            List.of(id, n), rs -> new Message(rs.getString("role"), rs.getString("text"), Sql.instant(rs, "created_at"), null));
        return newestFirst.reversed();
    }

    /** The user's conversations, most recent first. */
    @Transactional
    public Page list(UUID userId, PageRequest page) {
        Instant before = page.cursor() == null ? null : cursorTime(page.cursor());
        List<Summary> rows = sql.list("""
            select id, title, created_at, updated_at from assistant_conversations
            where user_id = ? and (?::timestamptz is null or updated_at < ?) order by updated_at desc, id desc limit ?""",
            List.of(userId, Sql.ts(before), Sql.ts(before), page.limit() + 1),
            rs -> new Summary(rs.getObject("id", UUID.class), rs.getString("title"), Sql.instant(rs, "created_at"),
                Sql.instant(rs, "updated_at")));
        String next = rows.size() > page.limit() ? rows.get(page.limit() - 1).updatedAt().toString() : null;
        return new Page(rows.subList(0, Math.min(page.limit(), rows.size())), next);
    }

    /** Whether {@code cursor} is one {@link #list} hands out. */
    public static boolean isCursor(String cursor) {
        return cursorTime(cursor) != null;
    }

    /** The user's conversation with every message, oldest first; 404 for another's. */
    @Transactional
    public ConversationView get(UUID userId, UUID id) {
        Summary c = sql.one("select id, title, created_at, updated_at from assistant_conversations where id = ? and user_id = ?",
            List.of(id, userId), rs -> new Summary(rs.getObject("id", UUID.class), rs.getString("title"),
                Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at")))
            .orElseThrow(() -> KadenceException.notFound("conversation"));
        List<Message> messages = sql.list("select * from assistant_messages where conversation_id = ? order by id",
            List.of(id), rs -> new Message(rs.getString("role"), rs.getString("text"), Sql.instant(rs, "created_at"),
                read(rs.getString("reply"))));
        return new ConversationView(c.id(), c.title(), c.createdAt(), c.updatedAt(), messages);
    }

    /** The time a cursor stands for; null when it is none, or a time Kadence never stores (years 1–9999 only). */
    private static Instant cursorTime(String cursor) {
        try {
            Instant time = Instant.parse(cursor);
            return Times.supported(time) ? time : null;
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static Conversation read(ResultSet rs) throws SQLException {
        java.sql.Array candidates = rs.getArray("pending_candidates");
        return new Conversation(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class), rs.getString("title"),
            rs.getObject("last_task_id", UUID.class), rs.getString("pending_text"),
            candidates == null ? null : List.of((UUID[]) candidates.getArray()), rs.getString("pending_offer"),
            Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"));
    }

    private String write(AssistantReply reply) {
        try {
            return json.writeValueAsString(reply);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private AssistantReply read(String reply) {
        if (reply == null) {
            return null;
        }
        try {
            return json.readValue(reply, AssistantReply.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
