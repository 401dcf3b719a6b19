package dev.kadence.assistant;

import dev.kadence.core.db.Sql;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * The limit on a user's turns answered by the language model: so many per clock hour
 * ({@code KADENCE_LLM_TURNS_PER_HOUR}), counted in PostgreSQL (V11__assistant_model_turns.sql) so that it holds across
 * every instance of the function. One statement takes a turn or refuses it, so concurrent turns never overshoot.
 */
@Singleton
class ModelTurns {
    private final Sql sql;
    private final Clock clock;
    private final ModelSettings settings;

    ModelTurns(Sql sql, Clock clock, ModelSettings settings) {
        this.sql = sql;
        this.clock = clock;
        this.settings = settings;
    }

    /** Takes one of {@code user}'s turns of this hour; false when none is left. */
    boolean take(UUID user) {
        if (settings.turnsPerHour() <= 0) {
            return false;
        }
        Instant hour = clock.instant().truncatedTo(ChronoUnit.HOURS);
        return sql.update("""
            insert into assistant_model_turns as t (user_id, hour_start, turns) values (?, ?, 1)
            on conflict (user_id) do update
               set turns = case when t.hour_start < excluded.hour_start then 1 else t.turns + 1 end,
                   hour_start = excluded.hour_start
             where t.hour_start < excluded.hour_start or t.turns < ?""", List.of(user, hour, settings.turnsPerHour())) == 1;
    }
}
