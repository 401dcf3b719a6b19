package dev.kadence.core.task;

import dev.kadence.core.error.KadenceException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    @Test
    void addedTagsMayNotGrowATaskPastTheLimitButATaskOverItCanShedThem() {
        Task full = withTags(20);
        assertThatThrownBy(() -> full.apply(tagPatch(List.of("one-more"), List.of()), T1)).isInstanceOfSatisfying(
            KadenceException.class, e -> assertThat(e.errors()).singleElement().satisfies(f -> {
                assertThat(f.field()).isEqualTo("add_tags");
                assertThat(f.code()).isEqualTo("too_many");
            }));
        assertThat(full.apply(tagPatch(List.of("one-more"), List.of("t1")), T1).tags()).hasSize(20).contains("one-more");

        Task over = withTags(25);       // stored before the limit held for add_tags
        assertThat(over.apply(tagPatch(List.of(), List.of("t1")), T1).tags()).hasSize(24);
        assertThat(over.apply(tagPatch(List.of("new"), List.of("t1")), T1).tags()).as("one in, one out").hasSize(25);
        assertThatThrownBy(() -> over.apply(tagPatch(List.of("new"), List.of()), T1)).isInstanceOf(KadenceException.class);
    }

    private static Task withTags(int n) {
        Task blank = Task.blank(UUID.randomUUID(), T0);
        List<String> tags = IntStream.rangeClosed(1, n).mapToObj(i -> "t" + i).toList();
        return new Task(blank.id(), blank.userId(), "t", null, blank.priority(), blank.status(), tags, null, null, null, null, 0,
            T0, T0);
    }

    private static TaskDraft tagPatch(List<String> add, List<String> remove) {
        return new TaskDraft(EnumSet.of(TaskDraft.Field.ADD_TAGS, TaskDraft.Field.REMOVE_TAGS), null, null, null, null, null, add,
            remove, null, null, null);
    }
}
