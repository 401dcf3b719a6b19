package dev.kadence.assistant;

import dev.kadence.core.db.Sql;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A user's model turns: so many per clock hour, counted in PostgreSQL; a new hour starts again, each user has their own. */
@MicronautTest(transactional = false)
class ModelTurnsTest extends AssistantTest {
    private static final Instant LATE_IN_THE_HOUR = Instant.parse("2026-12-06T10:59:59Z");

    @Inject
    Sql sql;

    @Test
    void aUserHasSoManyTurnsAnHourAndANewHourStartsAgain() {
        UUID user = fixtures.user("Europe/Berlin");
        UUID other = fixtures.user("Europe/Berlin");

        List<Boolean> taken = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            taken.add(turns(LATE_IN_THE_HOUR).take(user));
        }
        taken.add(turns(LATE_IN_THE_HOUR).take(other));
        taken.add(turns(LATE_IN_THE_HOUR.plus(Duration.ofSeconds(1))).take(user));
        taken.add(turns(LATE_IN_THE_HOUR.plus(Duration.ofSeconds(1))).take(user));

        assertThat(taken).containsExactly(true, true, false, true, true, true);
    }

    /** Two turns an hour, at {@code now}: another instance of the function, as far as the count is concerned. */
    private ModelTurns turns(Instant now) {
        return new ModelTurns(sql, Clock.fixed(now, ZoneOffset.UTC),
            new ModelSettings(null, null, null, "Authorization", Duration.ofSeconds(1), 2));
    }
}
