package dev.kadence.core.language;

import dev.kadence.core.error.FieldError;
import dev.kadence.core.error.KadenceException;
import dev.kadence.core.language.AssistantReply.Action;
import dev.kadence.core.language.AssistantReply.Choice;
import dev.kadence.core.language.Conversations.Conversation;
import dev.kadence.core.reminder.ReminderSpec;
import dev.kadence.core.reminder.ReminderView;
import dev.kadence.core.reminder.Reminders;
import dev.kadence.core.tag.Tag;
import dev.kadence.core.tag.Tags;
import dev.kadence.core.task.Priority;
import dev.kadence.core.task.Status;
import dev.kadence.core.task.TaskDraft;
import dev.kadence.core.task.TaskDraft.Field;
import dev.kadence.core.task.TaskListing;
import dev.kadence.core.task.TaskView;
import dev.kadence.core.task.Tasks;
import dev.kadence.core.user.Accounts;
import dev.kadence.core.user.User;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The conversational assistant (DESIGN §9), rules engine: each turn reads the sentence ({@link Intents}), finds the
 * task it names among the user's own ({@link TaskNames}), acts through core's services — so events, recurrence and
 * reminders follow as for any API call — and answers in plain words. When a name fits several tasks or a sentence
 * cannot be read it asks, and changes nothing. A turn of the rules is one transaction with what it does, so it is
 * recorded exactly when its changes are; a turn another {@link Engine} answers spans several (see {@link #engineTurn}).
 */
@Singleton
public class Assistant {
    static final String ENGINE = "rules";
    private static final String SHOW_ALL = "show_all";
    private static final String LISTED = "tasks.listed";
    private static final Pattern PICK = Pattern.compile("(?i)(?:the )?(?:number |no\\.? |#)?(?<n>\\d{1,2}|first|second|third|fourth|fifth|last)(?: one)?");
    private static final List<String> ORDINALS = List.of("first", "second", "third", "fourth", "fifth");
    private static final List<Choice> EXAMPLES = List.of(
        new Choice("Add a task", "Add buy milk tomorrow at 6pm"),
        new Choice("A repeating task", "Every Monday at 9 AM add a standup task"),
        new Choice("Find tasks", "Show me high-priority tasks due this week"));

    private final Conversations conversations;
    private final Tasks tasks;
    private final TaskListing listing;
    private final Reminders reminders;
    private final Tags tags;
    private final TaskNames names;
    private final Accounts accounts;
    private final TransactionOperations<Connection> tx;
    private final Clock clock;

    Assistant(Conversations conversations, Tasks tasks, TaskListing listing, Reminders reminders, Tags tags, TaskNames names,
              Accounts accounts, TransactionOperations<Connection> tx, Clock clock) {
        this.conversations = conversations;
        this.tasks = tasks;
        this.listing = listing;
        this.reminders = reminders;
        this.tags = tags;
        this.names = names;
        this.accounts = accounts;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Another engine the assistant may ask before its rules (a language model, in the assistant function): what it did
     * for a sentence, or empty when it did nothing — then the rules answer.
     */
    public interface Engine {
        Optional<Done> answer(User user, Earlier earlier, String text);
    }

    /**
     * What was said before in a conversation, for an {@link Engine} to read a sentence in: its last messages (oldest
     * first, each role's text only) and the task the last turn was about ("it", "that"; null when none).
     */
    public record Earlier(List<Conversations.Message> messages, UUID lastTaskId) {
    }

    /** How many of a conversation's last messages an {@link Engine} is given: the last three exchanges. */
    static final int EARLIER = 6;

    /**
     * What an {@link Engine} did: its actions in order (a deleted task's with the task as it was before), the tasks it
     * found (or null), and what it said about them (or null); {@code engine} names it in the reply.
     */
    public record Done(String engine, List<Action> actions, List<TaskView> found, String said) {
    }

    /** One turn: {@code text} said in conversation {@code conversationId} (a new one when null), and the answer. */
    public AssistantReply turn(UUID userId, UUID conversationId, String text) {
        return turn(userId, conversationId, text, null);
    }

    /**
     * One turn, {@code first} (if not null) asked before the rules — unless the conversation waits for an answer to
     * the rules' own question (which task, or "show all?"): that answer is theirs to read.
     */
    public AssistantReply turn(UUID userId, UUID conversationId, String text, Engine first) {
        return first == null ? rulesTurn(userId, conversationId, text) : engineTurn(userId, conversationId, text, first);
    }

    /**
     * A turn the rules answer, in one transaction: the conversation locked, the sentence acted on, the turn recorded.
     * Half as many round trips to PostgreSQL as a transaction for each step, and all or nothing: a turn that fails
     * leaves no task half-changed, and a turn is recorded exactly when what it did is. When a service refuses what the
     * sentence asked, what the turn did is undone with it, and the turn is recorded with the reason in a transaction
     * of its own.
     */
    private AssistantReply rulesTurn(UUID userId, UUID conversationId, String text) {
        try {
            return tx.executeWrite(s -> {
                Conversation before = open(userId, conversationId, text);
                Answer answer = new Turn(accounts.get(userId), before).respond(text.strip());
                return recorded(before, text, answer, ENGINE, answer.changed());
            });
        } catch (Refused refused) {
            return tx.executeWrite(s -> recorded(open(userId, conversationId, text), text, refused.answer, ENGINE, false));
        }
    }

    /**
     * The conversation of a turn of the rules, in the turn's transaction, which then commits without waiting for the
     * disk unless its record says otherwise: a new one when {@code conversationId} is null, else the user's, locked.
     */
    private Conversation open(UUID userId, UUID conversationId, String text) {
        if (conversationId != null) {
            return conversations.lockForTurn(userId, conversationId, clock.instant());
        }
        conversations.recordWithoutWaitingForDisk();
        return conversations.start(userId, text, clock.instant());
    }

    /**
     * A turn {@code first} may answer. It may take seconds (a language model's), so no transaction spans it: the
     * conversation is claimed in one, each action is its own, and the turn is recorded in a last one.
     */
    private AssistantReply engineTurn(UUID userId, UUID conversationId, String text, Engine first) {
        Claimed claimed = tx.executeWrite(s -> {
            conversations.recordWithoutWaitingForDisk();
            User user = accounts.get(userId);
            return new Claimed(user, conversationId == null
                ? conversations.start(userId, text, clock.instant()) : conversations.claim(userId, conversationId, clock.instant()));
        });
        User user = claimed.user();
        Conversation before = claimed.conversation();
        Answer answer;
        String engine = ENGINE;
        try {
            boolean waiting = before.pendingCandidates() != null || before.pendingOffer() != null;
            Optional<Done> done = waiting ? Optional.empty()
                : first.answer(user, new Earlier(tx.executeRead(s -> conversations.last(before.id(), EARLIER)), before.lastTaskId()),
                    text.strip());
            answer = done.isPresent() ? Answer.of(done.get(), new Wording(user.zone()))
                : respondApart(new Turn(user, before), text.strip());
            engine = done.map(Done::engine).orElse(ENGINE);
        } catch (RuntimeException e) {
            tx.executeWrite(s -> {
                conversations.recordWithoutWaitingForDisk();
                conversations.release(before.id());
                return null;
            });
            throw e;
        }
        String answeredBy = engine;
        return tx.executeWrite(s -> {
            conversations.recordWithoutWaitingForDisk();
            return recorded(before, text, answer, answeredBy, false);
        });
    }

    /** The rules' answer outside a turn's transaction: each action its own transaction, a refusal answered as such. */
    private static Answer respondApart(Turn turn, String text) {
        try {
            return turn.respond(text);
        } catch (Refused refused) {
            return refused.answer;
        }
    }

    /** The turn recorded in its conversation (in the current transaction), and the reply it was. */
    private AssistantReply recorded(Conversation before, String text, Answer answer, String engine, boolean durable) {
        AssistantReply reply = new AssistantReply(before.id(), answer.reply(), answer.actions(), answer.tasks(),
            answer.question(), answer.choices(), engine);
        conversations.record(before.id(), text, reply,
            new Conversations.After(answer.lastTask(), answer.pendingText(), answer.pendingCandidates(), answer.pendingOffer()),
            clock.instant(), durable);
        return reply;
    }

    /**
     * A service refused what a sentence asked: its answer says why. Thrown out of the turn's transaction, so that what
     * the turn did before the refusal is undone with it.
     */
    private static final class Refused extends RuntimeException {
        private final transient Answer answer;

        Refused(Answer answer) {
            super(answer.reply(), null, false, false);
            this.answer = answer;
        }
    }

    /** A turn's claim on its conversation, and the user it is for (read in the claim's transaction). */
    private record Claimed(User user, Conversation conversation) {
    }

    /** What a turn answers, and what the conversation remembers after it. */
    private record Answer(String reply, List<Action> actions, List<TaskView> tasks, boolean question, List<Choice> choices,
                          UUID lastTask, String pendingText, List<UUID> pendingCandidates, String pendingOffer) {
        /** Whether the turn changed tasks or reminders (more than finding them). */
        boolean changed() {
            return actions.stream().anyMatch(a -> !a.type().equals(LISTED));
        }

        static Answer said(String reply) {
            return new Answer(reply, List.of(), null, false, List.of(), null, null, null, null);
        }

        static Answer asked(String reply, List<Choice> choices) {
            return new Answer(reply, List.of(), null, true, choices, null, null, null, null);
        }

        static Answer did(String reply, String type, TaskView task) {
            return new Answer(reply, List.of(new Action(type, task.id(), task)), null, false, List.of(), task.id(), null, null, null);
        }

        /** What another engine did, said as the rules say it; its own words only about what it found. */
        static Answer of(Done done, Wording wording) {
            List<String> said = new ArrayList<>();
            List<Action> actions = new ArrayList<>();
            UUID last = null;
            for (Action a : done.actions()) {
                boolean deleted = a.type().equals("task.deleted");
                actions.add(deleted ? new Action(a.type(), a.taskId(), null) : a);
                last = deleted || a.taskId() == null ? last : a.taskId();
                boolean toldWithIt = a.type().equals("reminder.added") && done.actions().stream()
                    .anyMatch(c -> c.type().equals("task.created") && c.taskId().equals(a.taskId()));
                String words = a.task() == null || toldWithIt ? null : wording.did(a.type(), a.task());
                if (words != null && !said.contains(words)) {
                    said.add(words);
                }
            }
            if (done.found() != null) {
                said.add(done.said() != null ? done.said() : done.found().isEmpty() ? "I found no tasks like that."
                    : "I found " + done.found().size() + (done.found().size() == 1 ? " task:" : " tasks:"));
                last = done.found().size() == 1 ? done.found().get(0).id() : last;
            } else if (done.said() != null) {
                said.add(done.said());
            }
            return new Answer(String.join(" ", said), actions, done.found(), false, List.of(), last, null, null, null);
        }
    }

    /** One turn's work, for one user in one conversation. */
    private final class Turn {
        private final User user;
        private final Conversation conversation;
        private final Wording wording;
        private UUID forced;        // the task picked from a question's choices, for the sentence that asked it
        private List<TaskNames.Named> all;

        Turn(User user, Conversation conversation) {
            this.user = user;
            this.conversation = conversation;
            this.wording = new Wording(user.zone());
        }

        Answer respond(String text) {
            currentText = text;
            Intent intent = Intents.read(text);
            if (conversation.pendingCandidates() != null) {
                UUID picked = pick(text, conversation.pendingCandidates());
                if (picked != null) {
                    forced = picked;
                    currentText = conversation.pendingText();
                    return act(Intents.read(currentText));
                }
                if (intent instanceof Intent.No) {
                    return Answer.said("OK, I've left everything as it was.");
                }
            }
            if (SHOW_ALL.equals(conversation.pendingOffer()) && intent instanceof Intent.Yes) {
                return list(Searches.open(), "open tasks", false);
            }
            return act(intent);
        }

        private Answer act(Intent intent) {
            try {
                return switch (intent) {
                    case Intent.Create c -> create(c.line(), c.remindAtDue());
                    case Intent.Remind r -> remind((r.when() + " " + r.about()).strip());
                    case Intent.Find f -> find(f);
                    case Intent.Complete c -> withTask(c.task(), Want.OPEN, t -> Answer.did(
                        "Done: '" + t.title() + "' is complete." + (t.recurrence() != null ? " The next one will follow." : ""),
                        "task.completed", tasks.complete(user.id(), t.id())));
                    case Intent.Reopen r -> withTask(r.task(), Want.DONE, t -> Answer.did(
                        "I've reopened '" + t.title() + "'.", "task.reopened", tasks.reopen(user.id(), t.id())));
                    case Intent.Delete d -> withTask(d.task(), Want.ANY, t -> {
                        tasks.delete(user.id(), t.id());
                        return new Answer("I've deleted '" + t.title() + "'.", List.of(new Action("task.deleted", t.id(), null)),
                            null, false, List.of(), null, null, null, null);
                    });
                    case Intent.StopSeries s -> withTask(s.task(), Want.OPEN, this::stop);
                    case Intent.SetPriority p -> withTask(p.task(), Want.ANY, t -> updated(t, draft(EnumSet.of(Field.PRIORITY), null,
                        p.priority(), null, null, null, null), "'" + t.title() + "' is now " + p.priority().wire() + " priority."));
                    case Intent.AddTags a -> withTask(a.task(), Want.ANY, t -> updated(t, draft(EnumSet.of(Field.ADD_TAGS), null, null,
                        tagNames(a.tags()), null, null, null), "I've tagged '" + t.title() + "' " + Wording.quoted(tagNames(a.tags())) + "."));
                    case Intent.RemoveTags r -> withTask(r.task(), Want.ANY, t -> updated(t, draft(EnumSet.of(Field.REMOVE_TAGS), null,
                        null, tagNames(r.tags()), null, null, null), "I've removed " + Wording.quoted(tagNames(r.tags())) + " from '" + t.title() + "'."));
                    case Intent.Rename r -> withTask(r.task(), Want.ANY, t -> updated(t, draft(EnumSet.of(Field.TITLE), r.title(), null,
                        null, null, null, null), "I've renamed '" + t.title() + "' to '" + r.title() + "'."));
                    case Intent.Reschedule r -> withTask(r.task(), Want.ANY, t -> reschedule(t, r.when()));
                    case Intent.Repeat r -> withTask(r.task(), Want.ANY, t -> repeat(t, r.rule()));
                    case Intent.CancelReminders c -> withTask(c.task(), Want.OPEN, this::cancelReminders);
                    case Intent.Yes y -> Answer.asked("Yes to what? Tell me what to do, for example:", EXAMPLES);
                    case Intent.No n -> Answer.said("OK.");
                    case Intent.Unknown u -> Answer.asked("I'm not sure what you mean by \"" + u.text()
                        + "\". You can add, change, complete, delete and find tasks, for example:", EXAMPLES);
                };
            } catch (KadenceException e) {
                throw new Refused(Answer.asked("I couldn't do that: " + problem(e) + ". Could you say it another way?", List.of()));
            }
        }

        private Answer create(String line, boolean remindAtDue) {
            QuickAdd.Reading reading = QuickAdd.read(line, context());
            if (reading.title().isBlank()) {
                return Answer.asked("What should the task be called?", List.of());
            }
            List<ReminderSpec> remindersWanted = new ArrayList<>(reading.reminders());
            if (remindAtDue && remindersWanted.isEmpty()) {
                if (reading.dueAt() == null) {
                    return Answer.asked("When should I remind you to " + reading.title() + "?", List.of());
                }
                remindersWanted.add(ReminderSpec.beforeDue("PT0S"));
            }
            TaskDraft draft = new TaskDraft(Field.FULL, Wording.title(reading.title()), null,
                reading.priority() == null ? Priority.MEDIUM : reading.priority(), Status.TODO, reading.tags(), null, null,
                reading.dueAt(), reading.recurrence(), remindersWanted);
            TaskView created = tasks.create(user.id(), draft);
            List<Action> actions = new ArrayList<>(List.of(new Action("task.created", created.id(), created)));
            if (!created.reminders().isEmpty()) {
                actions.add(new Action("reminder.added", created.id(), created));
            }
            return new Answer(wording.created(created), actions, null, false, List.of(), created.id(), null, null, null);
        }

        /** "remind me about X tomorrow at 9": a reminder for task X if the user has it, else a new task X with one. */
        private Answer remind(String line) {
            QuickAdd.Reading reading = QuickAdd.read(line, context());
            List<TaskNames.Named> found = reading.title().isBlank() ? List.of() : candidates(reading.title(), Want.OPEN);
            if (forced == null && found.isEmpty()) {
                return create(line, true);
            }
            return withTask(new Intent.TaskName(reading.title(), false), Want.OPEN, t -> {
                List<ReminderSpec> wanted = pendingSpecs(t);
                if (!reading.reminders().isEmpty()) {
                    wanted.addAll(reading.reminders());
                } else if (reading.dueAt() != null) {
                    wanted.add(new ReminderSpec(reading.dueAt(), null));
                } else if (t.dueAt() != null) {
                    wanted.add(ReminderSpec.beforeDue("PT0S"));
                } else {
                    return Answer.asked("When should I remind you about '" + t.title() + "'?", List.of());
                }
                TaskView after = tasks.update(user.id(), t.id(), draft(EnumSet.of(Field.REMINDERS), null, null, null, null, null, wanted));
                return Answer.did("I'll remind you about '" + t.title() + "' " + wording.reminders(after) + ".", "reminder.added", after);
            });
        }

        private Answer find(Intent.Find find) {
            Set<String> userTags = tags.list(user.id()).stream().map(Tag::name).collect(Collectors.toSet());
            Searches.Search search = Searches.of(find, userTags, user.zone(), clock.instant());
            return list(search.query(), search.description(), true);
        }

        private Answer list(dev.kadence.core.task.TaskQuery query, String description, boolean offerAll) {
            List<TaskView> items = listing.list(user.id(), query).items();
            List<Action> listed = List.of(new Action(LISTED, null, null));
            if (items.isEmpty()) {
                if (!offerAll) {
                    return new Answer("You have no " + description + ".", listed, items, false, List.of(), null, null, null, null);
                }
                return new Answer("No " + description + " found. Would you like to see all tasks instead?", listed, items, true,
                    List.of(new Choice("Show all tasks", "yes")), null, null, null, SHOW_ALL);
            }
            String count = items.size() == 1 ? "one" : items.size() >= Searches.SHOWN ? "these" : String.valueOf(items.size());
            String what = items.size() == 1 ? description.replaceFirst("\\btasks\\b", "task") : description;
            UUID only = items.size() == 1 ? items.get(0).id() : null;
            return new Answer("I found " + count + " " + what + ":", listed, items, false, List.of(), only, null, null, null);
        }

        private Answer stop(TaskView t) {
            if (t.recurrence() != null && "active".equals(t.recurrence().status())) {
                TaskView after = tasks.stopRecurrence(user.id(), t.id());
                return Answer.did("I've stopped the series '" + t.title() + "' (" + t.recurrence().summary()
                    + "). This one stays on your list as a plain task.", "series.stopped", after);
            }
            if (t.reminders().stream().anyMatch(r -> "pending".equals(r.status()))) {
                return cancelReminders(t);
            }
            return Answer.said("'" + t.title() + "' doesn't repeat and has no reminders, so there is nothing to stop.");
        }

        private Answer cancelReminders(TaskView t) {
            List<ReminderView> pending = t.reminders().stream().filter(r -> "pending".equals(r.status())).toList();
            if (pending.isEmpty()) {
                return Answer.said("'" + t.title() + "' has no reminders waiting.");
            }
            for (ReminderView r : pending) {
                reminders.cancel(user.id(), r.id());
            }
            TaskView after = tasks.get(user.id(), t.id());
            return Answer.did("I've cancelled " + (pending.size() == 1 ? "the reminder" : "the " + pending.size() + " reminders")
                + " of '" + t.title() + "'.", "reminder.cancelled", after);
        }

        private Answer reschedule(TaskView t, String when) {
            QuickAdd.Reading reading = QuickAdd.read(when, context());
            if (reading.dueAt() == null || !reading.title().isBlank()) {
                return Answer.asked("When should '" + t.title() + "' be due? For example \"tomorrow at 5pm\".", List.of());
            }
            return updated(t, draft(EnumSet.of(Field.DUE_AT), null, null, null, reading.dueAt(), null, null),
                "'" + t.title() + "' is now due " + wording.at(reading.dueAt()) + ".");
        }

        private Answer repeat(TaskView t, String rule) {
            QuickAdd.Reading reading = QuickAdd.read(rule, context());
            if (reading.recurrence() == null || !reading.title().isBlank()) {
                return Answer.asked("How should '" + t.title() + "' repeat? For example \"every Monday at 9am\".", List.of());
            }
            EnumSet<Field> fields = EnumSet.of(Field.RECURRENCE, Field.DUE_AT);
            TaskView after = tasks.update(user.id(), t.id(), draft(fields, null, null, null, reading.dueAt(), reading.recurrence(), null));
            return Answer.did("'" + t.title() + "' now repeats " + after.recurrence().summary() + ".", "task.updated", after);
        }

        private Answer updated(TaskView t, TaskDraft draft, String reply) {
            return Answer.did(reply, "task.updated", tasks.update(user.id(), t.id(), draft));
        }

        private enum Want { OPEN, DONE, ANY }

        /** Does {@code action} with the one task {@code name} means; asks which when several fit, says so when none does. */
        private Answer withTask(Intent.TaskName name, Want want, java.util.function.Function<TaskView, Answer> action) {
            if (forced != null) {
                return action.apply(tasks.get(user.id(), forced));
            }
            if (name.previous()) {
                if (conversation.lastTaskId() == null) {
                    return Answer.asked("Which task do you mean?", List.of());
                }
                return action.apply(tasks.get(user.id(), conversation.lastTaskId()));
            }
            List<TaskNames.Named> found = candidates(name.words(), want);
            if (found.isEmpty()) {
                return Answer.said("I couldn't find a task called '" + name.words() + "'.");
            }
            if (found.size() == 1) {
                return action.apply(tasks.get(user.id(), found.get(0).id()));
            }
            List<TaskView> shown = found.subList(0, Math.min(5, found.size())).stream().map(n -> tasks.get(user.id(), n.id())).toList();
            List<Choice> choices = new ArrayList<>();
            for (int i = 0; i < shown.size(); i++) {
                choices.add(new Choice(wording.label(shown.get(i)), String.valueOf(i + 1)));
            }
            return new Answer("'" + name.words() + "' fits " + found.size() + " tasks. Which one do you mean?", List.of(), shown, true,
                choices, null, currentText, shown.stream().map(TaskView::id).toList(), null);
        }

        private String currentText;

        private List<TaskNames.Named> candidates(String words, Want want) {
            if (all == null) {
                all = names.of(user.id());
            }
            List<TaskNames.Named> open = all.stream().filter(t -> !t.done()).toList();
            List<TaskNames.Named> done = all.stream().filter(TaskNames.Named::done).toList();
            List<TaskNames.Named> preferred = TaskNames.candidates(words, want == Want.DONE ? done : want == Want.OPEN ? open : all);
            return !preferred.isEmpty() || want == Want.ANY ? preferred : TaskNames.candidates(words, all);
        }

        private ReadingContext context() {
            return new ReadingContext(user.zone(), user.dateOrder(), clock.instant());
        }

        private String problem(KadenceException e) {
            List<FieldError> errors = e.errors();
            return errors == null || errors.isEmpty() ? e.getMessage()
                : errors.stream().map(f -> f.field() + " " + f.message()).collect(Collectors.joining(", "));
        }

        private UUID pick(String text, List<UUID> candidates) {
            Matcher m = PICK.matcher(Intents.normalise(text));
            if (m.matches()) {
                String n = m.group("n").toLowerCase(Locale.ROOT);
                int index = n.equals("last") ? candidates.size() - 1
                    : ORDINALS.contains(n) ? ORDINALS.indexOf(n) : Integer.parseInt(n) - 1;
                return index >= 0 && index < candidates.size() ? candidates.get(index) : null;
            }
            List<TaskNames.Named> shown = candidates.stream().map(id -> TaskNames.Named.of(tasks.get(user.id(), id))).toList();
            List<TaskNames.Named> named = TaskNames.candidates(Intents.unquote(Intents.normalise(text)), shown);
            return named.size() == 1 ? named.get(0).id() : null;
        }
    }

    private static List<ReminderSpec> pendingSpecs(TaskView t) {
        List<ReminderSpec> specs = new ArrayList<>();
        for (ReminderView r : t.reminders()) {
            if ("pending".equals(r.status())) {
                specs.add(new ReminderSpec(r.beforeDue() == null ? r.at() : null, r.beforeDue()));
            }
        }
        return specs;
    }

    private static TaskDraft draft(EnumSet<Field> fields, String title, Priority priority, List<String> tags, Instant dueAt,
                                   dev.kadence.core.recurrence.RecurrenceSpec recurrence, List<ReminderSpec> reminders) {
        List<String> names = tags == null ? List.of() : tags;
        return new TaskDraft(fields, title, null, priority, null, fields.contains(Field.TAGS) ? names : null,
            fields.contains(Field.ADD_TAGS) ? names : null, fields.contains(Field.REMOVE_TAGS) ? names : null, dueAt, recurrence,
            reminders);
    }

    private static List<String> tagNames(List<String> said) {
        dev.kadence.core.error.Violations v = new dev.kadence.core.error.Violations();
        List<String> names = dev.kadence.core.tag.TagNames.normalizeAll("tags", said, v);
        v.throwIfAny();
        return names;
    }
}
