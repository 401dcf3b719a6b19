package dev.kadence.core.reminder;

import dev.kadence.core.db.Sql;
import dev.kadence.core.reminder.ReminderFiring.Fired;
import dev.kadence.testing.Fixtures;
import dev.kadence.testing.TestClock;
import dev.kadence.testing.TestInfra;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A Dapr job that calls back a moment before its reminder's time waits for the time and then fires — without holding
 * the reminder's row lock (or a connection) while it waits, so the user can still cancel or edit it meanwhile.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EarlyCallbackTest implements TestPropertyProvider {
    private static final Instant FIRE_AT = Instant.parse("2027-03-05T09:00:00Z");
    private final TestClock clock = new TestClock(FIRE_AT);

    @Inject
    ReminderFiring firing;
    @Inject
    Fixtures fixtures;
    @Inject
    Sql sql;
    @Inject
    TransactionOperations<Connection> tx;

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    @Override
    public Map<String, String> getProperties() {
        return TestInfra.properties();
    }

    @Test
    void anEarlyCallbackWaitsForTheTimeHoldingNoLockThenFires() {
        UUID reminder = reminderAtFireAt();
        clock.set(FIRE_AT.minus(Duration.ofSeconds(1)));

        AtomicReference<Thread> caller = new AtomicReference<>();
        CompletableFuture<Fired> fired = CompletableFuture.supplyAsync(() -> {
            caller.set(Thread.currentThread());
            return firing.fire(reminder, Duration.ofMinutes(15));
        });
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10)).until(() -> caller.get() != null
            && caller.get().getState() == Thread.State.TIMED_WAITING || fired.isDone());
        assertThat(fired).as("a callback a second early waits").isNotDone();

        // While it waits, the row can be locked at once (NOWAIT fails if another transaction holds it).
        String status = tx.executeWrite(s -> sql.one("select status from reminders where id = ? for update nowait",
            List.of(reminder), rs -> rs.getString(1)).orElseThrow());
        assertThat(status).isEqualTo("pending");

        assertThat(fired.join()).isEqualTo(Fired.FIRED);
        assertThat(fixtures.reminderStatus(reminder)).isEqualTo("fired");
    }

    @Test
    void aCallbackMoreThanASecondEarlyIsNotDue() {
        UUID reminder = reminderAtFireAt();
        clock.set(FIRE_AT.minus(Duration.ofSeconds(5)));

        assertThat(firing.fire(reminder, Duration.ofMinutes(15))).isEqualTo(Fired.NOT_DUE);
        assertThat(fixtures.reminderStatus(reminder)).isEqualTo("pending");
    }

    /** A new user's task with one reminder at {@link #FIRE_AT}, made the day before. */
    private UUID reminderAtFireAt() {
        clock.set(FIRE_AT.minus(Duration.ofDays(1)));
        UUID user = fixtures.user("Europe/Berlin");
        return fixtures.task(user, """
            {"title": "Call the dentist", "reminders": [{"at": "2027-03-05T10:00:00+01:00"}]}""").reminders().get(0).id();
    }
}
