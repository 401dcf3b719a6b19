package dev.kadence.core.language;

import dev.kadence.core.language.Intent.TaskName;
import dev.kadence.core.task.Priority;
import dev.kadence.core.task.Status;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The assistant's grammar: every family reads its own examples, and the sentences of the acceptance list read right. */
class IntentsTest {

    @TestFactory
    Stream<DynamicTest> everyFamilyReadsItsExamplesAsItself() {
        return Intents.FAMILIES.stream().flatMap(family -> family.examples().stream().map(example ->
            DynamicTest.dynamicTest(family.name() + ": " + example, () -> {
                String text = Intents.normalise(example);
                Intents.Family first = Intents.FAMILIES.stream().filter(f -> f.pattern().matcher(text).matches()).findFirst().orElseThrow();
                assertThat(first.name()).as("the first family to read it").isEqualTo(family.name());
            })));
    }

    @Test
    void creations() {
        assertThat(Intents.read("Every Monday at 9 AM add a standup task"))
            .isEqualTo(new Intent.Create("Every Monday at 9 AM standup", false));
        assertThat(Intents.read("Every Friday at 2 PM remind me to submit my weekly report"))
            .isEqualTo(new Intent.Create("Every Friday at 2 PM submit my weekly report", true));
        assertThat(Intents.read("Add a high-priority task: buy flight tickets, tags: travel, urgent"))
            .isEqualTo(new Intent.Create("buy flight tickets !high #travel #urgent", false));
        assertThat(Intents.read("Create Team Standup daily at 9 AM with a reminder 15 minutes before."))
            .isEqualTo(new Intent.Create("Team Standup daily at 9 AM with a reminder 15 minutes before", false));
        assertThat(Intents.read("Add Submit report due at 5 PM with a 1 hour reminder"))
            .isEqualTo(new Intent.Create("Submit report due at 5 PM with a 1 hour reminder", false));
        assertThat(Intents.read("add task called \"Read 5th Wave\""))
            .isEqualTo(new Intent.Create("\"Read 5th Wave\"", false));
    }

    @Test
    void reminders() {
        assertThat(Intents.read("Remind me about the dentist appointment tomorrow at 9 AM"))
            .isEqualTo(new Intent.Remind("the dentist appointment tomorrow at 9 AM", ""));
        assertThat(Intents.read("Cancel my dentist reminder")).isEqualTo(new Intent.CancelReminders(new TaskName("dentist", false)));
        assertThat(Intents.read("remove the reminders for 'buy flight tickets'"))
            .isEqualTo(new Intent.CancelReminders(new TaskName("buy flight tickets", false)));
        assertThat(Intents.read("Stop the weekly standup reminder")).isEqualTo(new Intent.StopSeries(new TaskName("weekly standup", false)));
    }

    @Test
    void changes() {
        TaskName tickets = new TaskName("buy flight tickets", false);
        assertThat(Intents.read("Change the priority of 'buy flight tickets' to low")).isEqualTo(new Intent.SetPriority(tickets, Priority.LOW));
        assertThat(Intents.read("Add the tag 'expense' to 'buy flight tickets'")).isEqualTo(new Intent.AddTags(tickets, List.of("expense")));
        assertThat(Intents.read("Remove the 'urgent' tag from 'buy flight tickets'")).isEqualTo(new Intent.RemoveTags(tickets, List.of("urgent")));
        assertThat(Intents.read("rename ‘buy flight tickets’ to “buy train tickets”")).isEqualTo(new Intent.Rename(tickets, "buy train tickets"));
        assertThat(Intents.read("move it to Friday at 10am")).isEqualTo(new Intent.Reschedule(new TaskName("", true), "Friday at 10am"));
        assertThat(Intents.read("make the report repeat every Friday at 2pm"))
            .isEqualTo(new Intent.Repeat(new TaskName("report", false), "every Friday at 2pm"));
        assertThat(Intents.read("Mark 'buy flight tickets' as done")).isEqualTo(new Intent.Complete(tickets));
        assertThat(Intents.read("I finished the report")).isEqualTo(new Intent.Complete(new TaskName("report", false)));
        assertThat(Intents.read("reopen that")).isEqualTo(new Intent.Reopen(new TaskName("", true)));
        assertThat(Intents.read("delete the task 'buy flight tickets'")).isEqualTo(new Intent.Delete(tickets));
        assertThat(Intents.read("make it high priority")).isEqualTo(new Intent.SetPriority(new TaskName("", true), Priority.HIGH));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        // sentence                                                  | statuses        | priority | words      | search       | due       | completed | overdue
        "Show me all high-priority tasks                              | -               | HIGH     | -          | -            | -         | -         | false",
        "Show me all tasks tagged 'work'                              | -               | -        | work       | -            | -         | -         | false",
        "Show me completed tasks from this week                       | DONE            | -        | -          | -            | -         | this week | false",
        "Find tasks about presentation                                | -               | -        | -          | presentation | -         | -         | false",
        "Show me high-priority incomplete work tasks due this week    | TODO IN_PROGRESS| HIGH     | work       | -            | this week | -         | false",
        "what are my overdue tasks                                    | -               | -        | -          | -            | -         | -         | true",
        "list tasks due today                                         | -               | -        | -          | -            | today     | -         | false",
        "show #home tasks                                             | -               | -        | home       | -            | -         | -         | false",
    })
    void searches(String sentence, String statuses, Priority priority, String words, String search, String due, String completed,
                  boolean overdue) {
        Intent.Find find = (Intent.Find) Intents.read(sentence);
        assertThat(find.statuses()).containsExactlyElementsOf(statuses == null ? List.of()
            : Stream.of(statuses.trim().split(" ")).map(Status::valueOf).toList());
        assertThat(find.priority()).isEqualTo(priority);
        assertThat(find.tagWords()).containsExactlyElementsOf(words == null ? List.of() : List.of(words.split(" ")));
        assertThat(find.search()).isEqualTo(search);
        assertThat(find.dueRange()).isEqualTo(due);
        assertThat(find.completedRange()).isEqualTo(completed);
        assertThat(find.overdue()).isEqualTo(overdue);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"tell me a joke", "blah blah", "Paprika shopping", "The 9/11 Report", "get milk tomorrow", "give the dog a bath"})
    void whatNoFamilyReadsIsUnknown(String sentence) {
        assertThat(Intents.read(sentence)).isInstanceOf(Intent.Unknown.class);
    }

    @Test
    void textBeforeAVerbMustBeAWhenForItToBeACreation() {
        assertThat(Intents.read("Buy paint to make a birdhouse")).isInstanceOf(Intent.Unknown.class);
        assertThat(Intents.read("tomorrow add call the bank")).isEqualTo(new Intent.Create("tomorrow call the bank", false));
    }

}
