package dev.kadence.core.task;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class TaskTest {
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);

    @Test
    void completingSetsCompletedAtOnceAndReopeningClearsIt() {
        Task task = Task.blank(UUID.randomUUID(), T0);
        Task done = task.complete(T1);
        assertThat(done.status()).isEqualTo(Status.DONE);
        assertThat(done.completedAt()).isEqualTo(T1);
        assertThat(done.complete(T1.plusSeconds(5))).as("completing twice keeps the first time").isEqualTo(done);
        Task reopened = done.reopen(T1.plusSeconds(10));
        assertThat(reopened.status()).isEqualTo(Status.TODO);
        assertThat(reopened.completedAt()).isNull();
        assertThat(task.reopen(T1)).as("reopening an open task changes nothing").isEqualTo(task);
    }

    @Test
    void movingBetweenOpenStatesKeepsCompletedAtEmpty() {
        Task task = Task.blank(UUID.randomUUID(), T0).withStatus(Status.IN_PROGRESS, T1);
        assertThat(task.completedAt()).isNull();
        assertThat(task.withStatus(Status.DONE, T1).withStatus(Status.IN_PROGRESS, T1).completedAt()).isNull();
    }

    @Test
    void eventTypeFollowsWhatHappenedToTheStatus() {
        Task open = Task.blank(UUID.randomUUID(), T0);
        Task done = open.complete(T1);
        assertThat(TaskEvents.typeOf(open, done)).isEqualTo("dev.kadence.task.completed");
        assertThat(TaskEvents.typeOf(done, done.reopen(T1))).isEqualTo("dev.kadence.task.reopened");
        assertThat(TaskEvents.typeOf(open, open.withStatus(Status.IN_PROGRESS, T1))).isEqualTo("dev.kadence.task.updated");
    }
}
