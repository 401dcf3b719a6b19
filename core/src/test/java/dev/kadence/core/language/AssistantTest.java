package dev.kadence.core.language;

import dev.kadence.core.api.QueryParameters;
import dev.kadence.core.db.DatabaseException;
import dev.kadence.core.db.Sql;
import dev.kadence.core.error.ErrorCode;
import dev.kadence.core.error.KadenceException;
import dev.kadence.core.tag.TagNames;
import dev.kadence.core.task.TaskListing;
import dev.kadence.core.task.TaskView;
import dev.kadence.core.task.Tasks;
import dev.kadence.testing.Fixtures;
import dev.kadence.testing.TestClock;
import dev.kadence.testing.TestInfra;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The assistant in conversation, against the real database: each sentence of the acceptance list, checked by what
 * the task list shows afterwards; clarification when a name fits several tasks (nothing changes until the user picks);
 * "it" as the last turn's task; an empty search that offers everything; one user's names never reach another's tasks.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssistantTest implements TestPropertyProvider {
    /** Wednesday 2 December 2026, 10:00 in Berlin. */
    private static final Instant NOW = Instant.parse("2026-12-02T09:00:00Z");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private final TestClock clock = new TestClock(NOW);

    @Inject
    Assistant assistant;
    @Inject
    Conversations conversations;
    @Inject
    Tasks tasks;
    @Inject
    TaskListing listing;
    @Inject
    Fixtures fixtures;
    @Inject
    TransactionOperations<Connection> tx;
    @Inject
    Sql sql;

    private UUID user;

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    @Override
    public Map<String, String> getProperties() {
        return TestInfra.properties();
    }

    @BeforeEach
    void newUser() {
        clock.set(NOW);
        user = fixtures.user("Europe/Berlin");
    }

    @Test
    void everyMondayAt9AddAStandupTask() {
        AssistantReply reply = say("Every Monday at 9 AM add a standup task");

        TaskView standup = only("Standup");
        assertThat(standup.recurrence().rule()).contains("FREQ=WEEKLY").contains("BYDAY=MO");
        assertThat(standup.dueAt()).isEqualTo(Instant.parse("2026-12-07T08:00:00Z"));
        assertThat(reply.reply()).isEqualTo("I've set up a recurring task 'Standup' every Monday at 09:00, Europe/Berlin.");
        assertThat(reply.actions()).extracting(AssistantReply.Action::type).containsExactly("task.created");
        assertThat(reply.engine()).isEqualTo("rules");
        assertThat(reply.needsClarification()).isFalse();
    }

    @Test
    void everyFridayAt2RemindMeToSubmitMyWeeklyReport() {
        AssistantReply reply = say("Every Friday at 2 PM remind me to submit my weekly report");

        TaskView report = only("Submit my weekly report");
        assertThat(report.recurrence().summary()).isEqualTo("every Friday at 14:00, Europe/Berlin");
        assertThat(report.reminders()).singleElement().satisfies(r -> {
            assertThat(r.beforeDue()).isEqualTo("PT0S");
            assertThat(r.fireAt()).isEqualTo(Instant.parse("2026-12-04T13:00:00Z"));
        });
        assertThat(reply.actions()).extracting(AssistantReply.Action::type).containsExactly("task.created", "reminder.added");
    }

    @Test
    void stopTheWeeklyStandupReminder() {
        say("Every Monday at 9 AM add a standup task");

        AssistantReply reply = say("Stop the weekly standup reminder");

        TaskView standup = only("Standup");
        assertThat(standup.recurrence()).isNull();
        assertThat(reply.actions()).extracting(AssistantReply.Action::type).containsExactly("series.stopped");
        assertThat(reply.reply()).startsWith("I've stopped the series 'Standup' (every Monday at 09:00, Europe/Berlin)");
    }

    @Test
    void remindMeAboutTheDentistThenCancelIt() {
        AssistantReply reminded = say("Remind me about the dentist appointment tomorrow at 9 AM");
        TaskView dentist = only("Dentist appointment");
        assertThat(dentist.dueAt()).isEqualTo(Instant.parse("2026-12-03T08:00:00Z"));
        assertThat(dentist.reminders()).singleElement().satisfies(r -> assertThat(r.fireAt()).isEqualTo(dentist.dueAt()));
        assertThat(reminded.actions()).extracting(AssistantReply.Action::type).contains("task.created", "reminder.added");

        AssistantReply cancelled = say("Cancel my dentist reminder");

        assertThat(only("Dentist appointment").reminders()).as("a task shows no cancelled reminders").isEmpty();
        assertThat(fixtures.reminderStatus(dentist.reminders().get(0).id())).isEqualTo("cancelled");
        assertThat(cancelled.actions()).extracting(AssistantReply.Action::type).containsExactly("reminder.cancelled");
    }

    @Test
    void remindMeAboutATaskIHaveAddsAReminderToIt() {
        fixtures.task(user, """
            {"title": "Dentist appointment", "due_at": "2026-12-03T09:00:00+01:00"}""");

        AssistantReply reply = say("remind me about the dentist appointment at 8:30 tomorrow");

        assertThat(only("Dentist appointment").reminders()).singleElement()
            .satisfies(r -> assertThat(r.fireAt()).isEqualTo(Instant.parse("2026-12-03T07:30:00Z")));
        assertThat(reply.actions()).extracting(AssistantReply.Action::type).containsExactly("reminder.added");
    }

    @Test
    void flightTicketsFromAddingToTagging() {
        say("Add a high-priority task: buy flight tickets, tags: travel, urgent");
        TaskView added = only("Buy flight tickets");
        assertThat(added.priority()).isEqualTo("high");
        assertThat(added.tags()).containsExactly("travel", "urgent");

        say("Change the priority of 'buy flight tickets' to low");
        assertThat(only("Buy flight tickets").priority()).isEqualTo("low");

        say("Add the tag 'expense' to 'buy flight tickets'");
        assertThat(only("Buy flight tickets").tags()).containsExactly("travel", "urgent", "expense");

        AssistantReply removed = say("Remove the 'urgent' tag from 'buy flight tickets'");
        assertThat(only("Buy flight tickets").tags()).containsExactly("travel", "expense");
        assertThat(removed.actions()).extracting(AssistantReply.Action::type).containsExactly("task.updated");
    }

    @Test
    void searchesAskTheTaskList() {
        fixtures.task(user, """
            {"title": "Prepare presentation", "priority": "high", "tags": ["work"], "due_at": "2026-12-04T14:00:00+01:00"}""");
        fixtures.task(user, """
            {"title": "Book flights", "priority": "low", "tags": ["travel"]}""");
        TaskView done = fixtures.task(user, """
            {"title": "File expenses", "tags": ["work"], "due_at": "2026-12-01T10:00:00+01:00"}""");
        tasks.complete(user, done.id());

        assertThat(titles(say("Show me all high-priority tasks"))).containsExactly("Prepare presentation");
        assertThat(titles(say("Show me all tasks tagged 'work'"))).containsExactlyInAnyOrder("Prepare presentation", "File expenses");
        assertThat(titles(say("Show me completed tasks from this week"))).containsExactly("File expenses");
        assertThat(titles(say("Find tasks about presentation"))).containsExactly("Prepare presentation");
        AssistantReply narrow = say("Show me high-priority incomplete work tasks due this week");
        assertThat(titles(narrow)).containsExactly("Prepare presentation");
        assertThat(narrow.actions()).extracting(AssistantReply.Action::type).containsExactly("tasks.listed");
    }

    @Test
    void createWithAReminderAndAddWithADueTime() {
        say("Create Team Standup daily at 9 AM with a reminder 15 minutes before");
        TaskView standup = only("Team Standup");
        assertThat(standup.recurrence().summary()).isEqualTo("every day at 09:00, Europe/Berlin");
        assertThat(standup.reminders()).extracting(r -> r.beforeDue()).containsExactly("PT15M");

        say("Add Submit report due at 5 PM with a 1 hour reminder");
        TaskView report = only("Submit report");
        assertThat(report.dueAt()).isEqualTo(Instant.parse("2026-12-02T16:00:00Z"));
        assertThat(report.reminders()).extracting(r -> r.beforeDue()).containsExactly("PT1H");
    }

    @Test
    void aNameThatFitsSeveralTasksIsAskedAboutAndNothingChangesUntilOneIsPicked() {
        fixtures.task(user, """
            {"title": "Call mom"}""");
        fixtures.task(user, """
            {"title": "Call the bank"}""");

        AssistantReply asked = say("complete call");

        assertThat(asked.needsClarification()).isTrue();
        assertThat(asked.choices()).extracting(AssistantReply.Choice::reply).containsExactly("1", "2");
        assertThat(allTasks()).allSatisfy(t -> assertThat(t.status()).isEqualTo("todo"));

        String bank = asked.choices().stream().filter(c -> c.label().startsWith("Call the bank")).findFirst().orElseThrow().reply();
        AssistantReply done = say(bank, asked.conversationId());

        assertThat(done.actions()).extracting(AssistantReply.Action::type).containsExactly("task.completed");
        assertThat(allTasks()).extracting(TaskView::title, TaskView::status)
            .containsExactlyInAnyOrder(tuple("Call mom", "todo"), tuple("Call the bank", "done"));
    }

    @Test
    void itIsTheTaskOfTheLastTurn() {
        AssistantReply added = say("add water the plants");
        say("make it high priority", added.conversationId());
        say("complete it", added.conversationId());

        TaskView plants = only("Water the plants");
        assertThat(plants.priority()).isEqualTo("high");
        assertThat(plants.status()).isEqualTo("done");
        assertThat(conversations.get(user, added.conversationId()).messages()).hasSize(6);
    }

    @Test
    void aTurnWhileAnotherOfTheConversationIsBeingAnsweredIsRefusedAndChangesNothing() {
        AssistantReply added = say("add water the plants");
        UUID conversation = added.conversationId();
        tx.executeWrite(s -> conversations.claim(user, conversation, clock.instant()));   // a turn in another tab, mid-answer

        assertThatThrownBy(() -> say("complete it", conversation)).isInstanceOfSatisfying(KadenceException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));
        assertThat(only("Water the plants").status()).isEqualTo("todo");
        assertThat(conversations.get(user, conversation).messages()).hasSize(2);

        clock.set(NOW.plus(Conversations.TURN_CLAIM));   // that turn crashed: its claim lapses
        say("complete it", conversation);
        assertThat(only("Water the plants").status()).isEqualTo("done");
        say("reopen it", conversation);                   // and a recorded turn leaves no claim behind
        assertThat(only("Water the plants").status()).isEqualTo("todo");
    }

    @Test
    void aTurnWhileAnotherHoldsTheConversationIsRefusedAtOnce() throws Exception {
        UUID conversation = say("add water the plants").conversationId();
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        Thread other = Thread.ofVirtual().start(() -> tx.executeWrite(s -> {   // a turn of the rules in another tab, mid-answer
            conversations.lockForTurn(user, conversation, clock.instant());
            locked.countDown();
            await(done);
            return null;
        }));
        try {
            assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();

            assertThatThrownBy(() -> say("complete it", conversation)).isInstanceOfSatisfying(KadenceException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));
        } finally {
            done.countDown();
            other.join();
        }
        assertThat(only("Water the plants").status()).isEqualTo("todo");
        say("complete it", conversation);
        assertThat(only("Water the plants").status()).isEqualTo("done");
    }

    @Test
    void whatAServiceRefusesIsAnsweredAndRecordedAndChangesNothing() {
        List<String> twenty = java.util.stream.IntStream.rangeClosed(1, TagNames.MAX_PER_TASK).mapToObj(i -> "\"t" + i + "\"").toList();
        fixtures.task(user, "{\"title\": \"Buy flight tickets\", \"tags\": " + twenty + "}");
        UUID conversation = say("find tasks about flight").conversationId();

        AssistantReply refused = say("Add the tag 'expense' to 'buy flight tickets'", conversation);

        assertThat(refused.needsClarification()).as(refused.reply()).isTrue();
        assertThat(refused.reply()).startsWith("I couldn't do that: ").contains("at most 20 tags per task");
        assertThat(refused.actions()).isEmpty();
        assertThat(only("Buy flight tickets").tags()).hasSize(TagNames.MAX_PER_TASK).doesNotContain("expense");
        assertThat(conversations.get(user, conversation).messages()).extracting(Conversations.Message::text)
            .containsExactly("find tasks about flight", "I found one task about \"flight\":",
                "Add the tag 'expense' to 'buy flight tickets'", refused.reply());
        say("Remove the tag 't1' from it", conversation);   // "it" is still the task the search found
        assertThat(only("Buy flight tickets").tags()).doesNotContain("t1");
    }

    @Test
    void aTurnIsRecordedExactlyWhenWhatItDidIs() {
        UUID conversation = say("add water the plants").conversationId();
        sql.update("""
            create or replace function refuse_doomed() returns trigger language plpgsql as $$
            begin
                if new.text in ('add the doomed task', 'make it high priority') then
                    raise exception 'the transcript cannot be written';
                end if;
                return new;
            end $$""", List.of());
        sql.update("create trigger refuse_doomed before insert on assistant_messages for each row execute function refuse_doomed()",
            List.of());
        try {
            assertThatThrownBy(() -> say("add the doomed task", conversation)).isInstanceOf(DatabaseException.class);
            assertThatThrownBy(() -> say("make it high priority", conversation)).isInstanceOf(DatabaseException.class);
        } finally {
            sql.update("drop trigger refuse_doomed on assistant_messages", List.of());
        }

        assertThat(allTasks()).extracting(TaskView::title).containsExactly("Water the plants");
        assertThat(only("Water the plants").priority()).isEqualTo("medium");
        assertThat(conversations.get(user, conversation).messages()).hasSize(2);
    }

    @Test
    void theLockTurnsWaitingForTheDiskOffAndTheRecordSetsItAsTheTurnNeeds() {
        UUID conversation = say("add water the plants").conversationId();
        AssistantReply searched = say("find tasks about plants", conversation);
        tx.executeWrite(s -> {
            conversations.lockForTurn(user, conversation, clock.instant());
            assertThat(setting()).isEqualTo("off");
            conversations.record(conversation, "x", searched, new Conversations.After(null, null, null, null), clock.instant(), true);
            assertThat(setting()).isEqualTo("on");
            conversations.record(conversation, "x", searched, new Conversations.After(null, null, null, null), clock.instant(), false);
            assertThat(setting()).isEqualTo("off");
            s.setRollbackOnly();
            return null;
        });
    }

    private String setting() {
        return sql.one("select current_setting('synchronous_commit') as v", List.of(), rs -> rs.getString("v")).orElseThrow();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void anotherUsersConversationIsNotFoundNotBusy() {
        AssistantReply added = say("add water the plants");
        UUID stranger = fixtures.user("Europe/Berlin");

        assertThatThrownBy(() -> assistant.turn(stranger, added.conversationId(), "complete it"))
            .isInstanceOfSatisfying(KadenceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
    }

    @Test
    void renameRescheduleRepeatReopenAndDelete() {
        AssistantReply added = say("add call the bank");
        UUID conversation = added.conversationId();

        assertThat(say("rename it to 'Call the bank about the mortgage'", conversation).actions())
            .extracting(AssistantReply.Action::type).containsExactly("task.updated");
        say("move it to Friday at 10am", conversation);
        TaskView moved = only("Call the bank about the mortgage");
        assertThat(moved.dueAt()).isEqualTo(Instant.parse("2026-12-04T09:00:00Z"));

        AssistantReply repeating = say("make it repeat every month on the 1st at 9am", conversation);
        assertThat(only("Call the bank about the mortgage").recurrence().rule()).contains("FREQ=MONTHLY").contains("BYMONTHDAY=1");
        assertThat(repeating.reply()).startsWith("'Call the bank about the mortgage' now repeats monthly on day 1 at 09:00");

        say("Mark 'call the bank about the mortgage' as done", conversation);
        AssistantReply reopened = say("reopen it", conversation);
        assertThat(reopened.actions()).extracting(AssistantReply.Action::type).containsExactly("task.reopened");

        AssistantReply deleted = say("delete it", conversation);
        assertThat(deleted.actions()).extracting(AssistantReply.Action::type, AssistantReply.Action::taskId)
            .containsExactly(tuple("task.deleted", moved.id()));
        assertThat(allTasks()).extracting(TaskView::title).doesNotContain("Call the bank about the mortgage");
    }

    @Test
    void aRuleThatCannotBeReadIsAQuestion() {
        AssistantReply added = say("add call the bank");

        AssistantReply asked = say("make it repeat whenever it feels right", added.conversationId());

        assertThat(asked.needsClarification()).isTrue();
        assertThat(asked.reply()).startsWith("How should 'Call the bank' repeat?");
        assertThat(only("Call the bank").recurrence()).isNull();
    }

    @Test
    void anEmptySearchOffersEverythingAndYesShowsIt() {
        fixtures.task(user, """
            {"title": "Book flights", "priority": "low"}""");

        AssistantReply empty = say("Show me all high-priority tasks");
        assertThat(empty.reply()).isEqualTo("No high-priority tasks found. Would you like to see all tasks instead?");
        assertThat(empty.needsClarification()).isTrue();

        AssistantReply all = say("yes", empty.conversationId());
        assertThat(titles(all)).containsExactly("Book flights");
    }

    @Test
    void whatCannotBeReadIsAQuestionAndChangesNothing() {
        AssistantReply reply = say("tell me a joke");

        assertThat(reply.needsClarification()).isTrue();
        assertThat(reply.actions()).isEmpty();
        assertThat(allTasks()).isEmpty();
    }

    @Test
    void anotherUsersTasksAreNeverMatched() {
        UUID other = fixtures.user("Europe/Berlin");
        fixtures.task(other, """
            {"title": "Secret plan"}""");

        AssistantReply reply = say("delete the secret plan");

        assertThat(reply.reply()).isEqualTo("I couldn't find a task called 'secret plan'.");
        assertThat(listing.list(other, QueryParameters.taskQuery(Map.of(), () -> BERLIN)).items()).hasSize(1);
    }

    private AssistantReply say(String text) {
        return assistant.turn(user, null, text);
    }

    private AssistantReply say(String text, UUID conversation) {
        return assistant.turn(user, conversation, text);
    }

    private List<TaskView> allTasks() {
        return listing.list(user, QueryParameters.taskQuery(Map.of(), () -> BERLIN)).items();
    }

    private TaskView only(String title) {
        List<TaskView> found = allTasks().stream().filter(t -> t.title().equals(title)).toList();
        assertThat(found).as("tasks titled " + title + " among " + allTasks().stream().map(TaskView::title).toList()).hasSize(1);
        return found.get(0);
    }

    private static List<String> titles(AssistantReply reply) {
        return reply.tasks().stream().map(TaskView::title).toList();
    }
}
