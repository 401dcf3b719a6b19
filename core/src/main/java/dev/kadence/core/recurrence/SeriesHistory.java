package dev.kadence.core.recurrence;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.kadence.core.db.Sql;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * What happened to each series, occurrence by occurrence: instances created and completed, occurrences missed, the
 * series stopped or finished. Recording is idempotent: the same fact recorded twice is kept once.
 */
@Singleton
public class SeriesHistory {
    /**
     * What happened: an instance created or completed, an occurrence missed, the series stopped or finished, or resumed
     * (its instance, whose delete stopped it, restored).
     */
    @Serdeable
    public enum Kind {
        CREATED, COMPLETED, MISSED, STOPPED, FINISHED, RESUMED;

        @JsonValue
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Kind ofWire(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
    }

    private final Sql sql;

    SeriesHistory(Sql sql) {
        this.sql = sql;
    }

    /** One entry of a series' history; {@code occurrenceAt} is the due time it concerns (none for stopped, finished). */
    @Serdeable
    public record Entry(long id, Kind kind, UUID taskId, Instant occurrenceAt, Instant recordedAt) {
    }

    /** Records a fact, in the caller's transaction, unless it is recorded already. */
    public void record(UUID seriesId, Kind kind, UUID taskId, Instant occurrenceAt, Instant now) {
        sql.update("""
            insert into series_history (series_id, kind, task_id, occurrence_at, recorded_at) values (?, ?, ?, ?, ?)
            on conflict on constraint series_history_once do nothing""",
            List.of(seriesId, kind.wire(), Sql.uuid(taskId), Sql.ts(occurrenceAt), now));
    }

    /** Up to {@code limit} entries, newest first, older than entry {@code beforeId} when given. */
    public List<Entry> page(UUID seriesId, Long beforeId, int limit) {
        return sql.list("""
            select * from series_history where series_id = ? and (?::bigint is null or id < ?)
            order by id desc limit ?""",
            List.of(seriesId, Sql.bigint(beforeId), Sql.bigint(beforeId), limit),
            rs -> new Entry(rs.getLong("id"), Kind.ofWire(rs.getString("kind")), rs.getObject("task_id", UUID.class),
                Sql.instant(rs, "occurrence_at"), Sql.instant(rs, "recorded_at")));
    }
}
