package dev.kadence.core.language;

import dev.kadence.core.task.TaskView;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.UUID;

/**
 * One answer of the assistant: what it says, what it did ({@code actions}: task.created, task.updated, task.completed,
 * task.reopened, task.deleted, series.stopped, reminder.added, reminder.cancelled, tasks.listed), the tasks it found,
 * and whether it waits for an answer — then {@code choices} are what the user can answer with, one click each.
 * {@code engine} says who understood the sentence: "rules" (the grammar of core/language) or "llm" (a language model).
 */
@Serdeable
public record AssistantReply(UUID conversationId, String reply, List<Action> actions, List<TaskView> tasks,
                             boolean needsClarification, List<Choice> choices, String engine) {

    /** Something the assistant did, with the task as it is afterwards (none for a deletion's). */
    @Serdeable
    public record Action(String type, UUID taskId, TaskView task) {
    }

    /** An answer the user may give: {@code label} to show, {@code reply} to send. */
    @Serdeable
    public record Choice(String label, String reply) {
    }
}
