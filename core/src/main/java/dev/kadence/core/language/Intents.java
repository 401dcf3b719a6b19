package dev.kadence.core.language;

import dev.kadence.core.language.Intent.TaskName;
import dev.kadence.core.task.Priority;
import dev.kadence.core.task.Status;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The assistant's grammar: families of sentences, each a pattern, the {@link Intent} it produces and examples (which
 * {@code IntentsTest} reads back). The first family whose pattern matches the whole sentence wins, so the specific come
 * before the general ("add the tag …" before "add …"). What a family leaves as free text — a task's name, a date, a
 * rule — is read later: names against the user's tasks, dates and rules by {@link QuickAdd}.
 */
public final class Intents {
    /** A task's name, or "it"/"that": quoted or not. */
    private static final String TASK = "(?<task>.+?)";
    private static final String ARTICLE = "(?:the |my |a |an )?";

    /** One family: its name, the pattern of a whole sentence, what it produces, and sentences it reads. */
    record Family(String name, Pattern pattern, Function<Matcher, Intent> intent, List<String> examples) {
    }

    static final List<Family> FAMILIES = List.of(
        family("yes", "(?:yes|yeah|yep|yup|sure|ok|okay|please|please do|do it|go ahead)(?: please)?",
            m -> new Intent.Yes(), "yes", "Sure", "yes please"),
        family("no", "(?:no|nope|never ?mind|no thanks|forget it|don't)", m -> new Intent.No(), "no", "never mind"),

        family("create with a reminder", "(?<pre>.*?)\\s*remind me to (?<what>.+)",
            m -> new Intent.Create(joined(m.group("pre"), m.group("what")), true),
            "Every Friday at 2 PM remind me to submit my weekly report", "remind me to call mom tomorrow at 6pm"),
        family("remind about", "(?<pre>.*?)\\s*remind me (?:about|of) (?<what>.+)",
            m -> new Intent.Remind(m.group("what"), m.group("pre")),
            "Remind me about the dentist appointment tomorrow at 9 AM"),
        family("add a reminder", "(?:add|set|create|put) (?:a |an )?reminder (?:for|to|on|about) (?<what>.+)",
            m -> new Intent.Remind(m.group("what"), ""), "add a reminder to the dentist appointment at 8:30"),
        family("cancel reminders", "(?:cancel|remove|delete|turn off|disable|clear) " + ARTICLE + "(?:all )?(?:reminders? (?:for|of|on|about) " + TASK
                + "|" + "(?<task2>.+?) reminders?)",
            m -> new Intent.CancelReminders(name(first(m.group("task"), m.group("task2")))),
            "Cancel my dentist reminder", "remove the reminders for 'buy flight tickets'"),
        family("stop a series", "(?:stop|end|discontinue|stop repeating) " + ARTICLE + TASK
                + "(?: reminders?| series| recurrence| repeating| repeats| task)?",
            m -> new Intent.StopSeries(name(m.group("task"))), "Stop the weekly standup reminder", "stop repeating it"),
        family("priority", "(?:change|set|update|make) (?:the )?priority (?:of|for|on) " + TASK + " (?:to|as) (?<p>high|medium|normal|low)",
            m -> new Intent.SetPriority(name(m.group("task")), priority(m.group("p"))),
            "Change the priority of 'buy flight tickets' to low"),
        family("priority, short", "(?:make|set|mark) " + TASK + " (?:as |to )?(?<p>high|medium|normal|low)(?:[- ]priority)?",
            m -> new Intent.SetPriority(name(m.group("task")), priority(m.group("p"))), "make it high priority"),
        family("prioritise", "(?<dir>prioriti[sz]e|deprioriti[sz]e) " + TASK,
            m -> new Intent.SetPriority(name(m.group("task")),
                m.group("dir").toLowerCase(Locale.ROOT).startsWith("de") ? Priority.LOW : Priority.HIGH), "prioritize the report"),
        family("add tags", "(?:add|put) (?:the )?(?:tags?|labels?) (?<tags>.+?) (?:to|on) " + TASK,
            m -> new Intent.AddTags(name(m.group("task")), words(m.group("tags"))),
            "Add the tag 'expense' to 'buy flight tickets'", "add tags work, q4 to the report"),
        family("tag a task", "(?:tag|label) " + TASK + " (?:with|as) (?<tags>.+)",
            m -> new Intent.AddTags(name(m.group("task")), words(m.group("tags"))), "tag the report with work"),
        family("remove tags", "(?:remove|delete|drop|take off) (?:the )?(?:(?:tags?|labels?) (?<tags>.+?)|(?<tags2>.+?) (?:tags?|labels?)) from " + TASK,
            m -> new Intent.RemoveTags(name(m.group("task")), words(first(m.group("tags"), m.group("tags2")))),
            "Remove the 'urgent' tag from 'buy flight tickets'", "remove tag work from it"),
        family("rename", "(?:rename|retitle) " + TASK + " (?:to|as) (?<title>.+)|change (?:the )?(?:title|name) of (?<task2>.+?) to (?<title2>.+)",
            m -> new Intent.Rename(name(first(m.group("task"), m.group("task2"))), unquote(first(m.group("title"), m.group("title2")))),
            "rename 'buy flight tickets' to 'buy train tickets'"),
        family("reschedule", "(?:move|reschedule|postpone|push|defer) " + TASK + " to (?<when>.+)|(?:change|set) (?:the )?due(?: date| time)? (?:of|for) (?<task2>.+?) to (?<when2>.+)",
            m -> new Intent.Reschedule(name(first(m.group("task"), m.group("task2"))), first(m.group("when"), m.group("when2"))),
            "move the dentist appointment to Friday at 10am"),
        family("repeat", "(?:make|set) " + TASK + " (?:repeat|recur|repeating)(?: (?<rule>.+))|" + "(?<task2>.+?) should (?:repeat|recur) (?<rule2>.+)",
            m -> new Intent.Repeat(name(first(m.group("task"), m.group("task2"))), first(m.group("rule"), m.group("rule2"))),
            "make the report repeat every Friday at 2pm"),
        family("reopen", "(?:reopen|uncomplete|undo) " + TASK + "|mark (?<task2>.+?) (?:as )?(?:not done|undone|incomplete|open|to ?do)",
            m -> new Intent.Reopen(name(first(m.group("task"), m.group("task2")))), "reopen it", "mark the report as not done"),
        family("complete", "(?:mark|set) " + TASK + " (?:as )?(?:done|complete|completed|finished)"
                + "|(?:complete|finish|check off|tick off|close) (?<task2>.+)"
                + "|i (?:have )?(?:finished|completed|did|done) (?<task3>.+)"
                + "|(?<task4>.+?) is (?:done|finished|complete)",
            m -> new Intent.Complete(name(first(m.group("task"), m.group("task2"), m.group("task3"), m.group("task4")))),
            "Mark 'buy flight tickets' as done", "complete it", "I finished the report"),
        family("delete", "(?:delete|remove|drop|trash|get rid of) (?:the )?(?:task )?" + TASK,
            m -> new Intent.Delete(name(m.group("task"))), "delete 'buy flight tickets'", "remove that"),
        family("find", "(?:show|list|find|search|search for|display|what are|what's|which are|which)(?: me)?(?<rest>(?: .*)?)",
            m -> find(m.group("rest")),
            "Show me all high-priority tasks", "Show me all tasks tagged 'work'", "Show me completed tasks from this week",
            "Find tasks about presentation", "Show me high-priority incomplete work tasks due this week"),
        family("create", "(?<pre>.*?)\\s*(?:add|create|new|make|schedule|put)(?: me)? (?:a |an )?(?:new )?"
                + "(?<prio>(?:high|medium|normal|low)[- ]priority )?(?:task|todo|to-do|item)?(?: called| named)?:?\\s*(?<what>.+)",
            Intents::create,
            "Every Monday at 9 AM add a standup task", "Add a high-priority task: buy flight tickets, tags: travel, urgent",
            "Create Team Standup daily at 9 AM with a reminder 15 minutes before", "Add Submit report due at 5 PM with a 1 hour reminder"));

    /** What may come before a create's verb: when, or how often ("Every Monday at 9 AM add …"), nothing else. */
    private static final Pattern WHEN_FIRST = Pattern.compile("(?i)(?:every|each|daily|weekly|monthly|yearly|today|tonight"
        + "|tomorrow|on|at|next|this|in|by|from|starting|(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?s?"
        + "|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?"
        + "|nov(?:ember)?|dec(?:ember)?|\\d[\\w:./-]*)\\b.*");
    private static final Pattern TAGS_CLAUSE = Pattern.compile("(?i),?\\s*\\btags?\\s*:\\s*(?<tags>[^;]+)$");
    private static final Pattern PRIORITY_WORDS = Pattern.compile("(?i)\\b(high|medium|normal|low)[- ]priority\\b|\\bpriority (high|medium|normal|low)\\b");
    private static final Pattern SEARCH = Pattern.compile("(?i)\\b(?:about|containing|matching|mentioning|called|named|titled) (?<q>.+?)(?=\\s+(?:due|tagged|that are|which are|from|completed|done)\\b|$)");
    private static final Pattern TAGGED = Pattern.compile("(?i)\\b(?:tagged(?: with)?|with (?:the )?tags?|labell?ed) (?<t>.+?)(?=\\s+(?:due|about|from|that|which)\\b|$)");
    private static final Pattern HASHTAG = Pattern.compile("[#@](\\p{L}[\\p{L}\\p{N}_-]*)");
    private static final Pattern DUE = Pattern.compile("(?i)\\bdue (today|tomorrow|this week|next week|this month|next month)\\b");
    private static final Pattern WHEN = Pattern.compile("(?i)\\b(?:from |during |in |of )?(today|yesterday|this week|last week|this month|last month)\\b");
    private static final Set<String> FILLER = Set.of("all", "my", "the", "me", "tasks", "task", "todos", "items", "please", "of", "that",
        "are", "which", "everything", "and", "with", "to", "do", "things");

    private Intents() {
    }

    /** What {@code sentence} asks for; {@link Intent.Unknown} when no family reads it. */
    public static Intent read(String sentence) {
        String text = normalise(sentence);
        for (Family family : FAMILIES) {
            Matcher m = family.pattern().matcher(text);
            if (m.matches()) {
                return family.intent().apply(m);
            }
        }
        return new Intent.Unknown(text);
    }

    /** Straight quotes, single spaces, no closing punctuation. */
    static String normalise(String sentence) {
        return sentence.replace('\u2018', '\'').replace('\u2019', '\'').replace('\u201C', '"').replace('\u201D', '"')
            .strip().replaceAll("\\s+", " ").replaceAll("[.!?]+$", "").strip();
    }

    private static Family family(String name, String regex, Function<Matcher, Intent> intent, String... examples) {
        return new Family(name, Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE), intent, List.of(examples));
    }

    private static TaskName name(String words) {
        String w = unquote(words.strip());
        w = w.replaceFirst("(?i)^(?:the |my |a |an )?(?:task |todo )?", "");
        w = w.replaceFirst("(?i)\\s+(?:task|todo)$", "");
        return TaskName.of(unquote(w));
    }

    static String unquote(String s) {
        String t = s.strip();
        if (t.length() >= 2 && (t.startsWith("'") && t.endsWith("'") || t.startsWith("\"") && t.endsWith("\""))) {
            return t.substring(1, t.length() - 1).strip();
        }
        return t;
    }

    /** Tag names said as a list: "work, q4 and travel", "'expense'". */
    static List<String> words(String list) {
        List<String> out = new ArrayList<>();
        for (String part : list.split("(?i)\\s*,\\s*|\\s+and\\s+")) {
            String w = unquote(part).replaceFirst("^[#@]", "").strip();
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    private static Priority priority(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "high" -> Priority.HIGH;
            case "low" -> Priority.LOW;
            default -> Priority.MEDIUM;
        };
    }

    private static String first(String... values) {
        return Arrays.stream(values).filter(v -> v != null && !v.isBlank()).findFirst().orElse("");
    }

    private static String joined(String before, String after) {
        return (before.strip() + " " + after.strip()).strip();
    }

    /** A create, unless words before its verb are not a when ("Buy paint to make a birdhouse" is not understood). */
    private static Intent create(Matcher m) {
        String pre = m.group("pre").strip();
        if (!pre.isEmpty() && !WHEN_FIRST.matcher(pre).matches()) {
            return new Intent.Unknown(m.group());
        }
        return new Intent.Create(createLine(m), false);
    }

    /**
     * The quick-add line of a create: what follows the verb, with what preceded it ("Every Monday at 9 AM add …"), the
     * priority said before the noun as {@code !high}, a {@code tags: a, b} clause as {@code #a #b}, a trailing "task" gone.
     */
    private static String createLine(Matcher m) {
        String what = m.group("what").strip();
        StringBuilder tags = new StringBuilder();
        Matcher clause = TAGS_CLAUSE.matcher(what);
        if (clause.find()) {
            for (String tag : words(clause.group("tags"))) {
                tags.append(" #").append(tag.replaceAll("\\s+", "-"));
            }
            what = what.substring(0, clause.start()).strip();
        }
        what = what.replaceFirst("(?i)\\s+(?:task|todo)$", "").replaceFirst(",$", "");
        String line = joined(m.group("pre"), what);
        if (m.group("prio") != null) {
            line += " !" + priority(m.group("prio").strip().split("[- ]")[0]).wire();
        }
        return (line + tags).strip();
    }

    /** The filters of a search sentence ({@code rest}: what follows "show me"). */
    private static Intent.Find find(String rest) {
        String said = rest.strip();
        String text = " " + said + " ";
        List<Status> statuses = new ArrayList<>();
        if (text.matches("(?is).*\\b(completed|done|finished)\\b.*") && !text.matches("(?is).*\\bnot (done|completed|finished)\\b.*")) {
            statuses.add(Status.DONE);
        } else if (text.matches("(?is).*\\b(incomplete|open|unfinished|pending|outstanding|not done|not completed|to ?do|remaining)\\b.*")) {
            statuses.addAll(List.of(Status.TODO, Status.IN_PROGRESS));
        } else if (text.matches("(?is).*\\bin progress\\b.*")) {
            statuses.add(Status.IN_PROGRESS);
        }
        Priority priority = null;
        Matcher p = PRIORITY_WORDS.matcher(text);
        if (p.find()) {
            priority = priority(first(p.group(1), p.group(2)));
        }
        Set<String> tagWords = new LinkedHashSet<>();
        Matcher tagged = TAGGED.matcher(text.strip());
        String withoutTags = text;
        if (tagged.find()) {
            tagWords.addAll(words(tagged.group("t")));
            withoutTags = text.replace(tagged.group(), " ");
        }
        Matcher hash = HASHTAG.matcher(text);
        while (hash.find()) {
            tagWords.add(hash.group(1));
        }
        String search = null;
        Matcher s = SEARCH.matcher(withoutTags.strip());
        if (s.find()) {
            search = unquote(s.group("q"));
        }
        String dueRange = null;
        Matcher due = DUE.matcher(text);
        if (due.find()) {
            dueRange = due.group(1).toLowerCase(Locale.ROOT);
        }
        String completedRange = null;
        String afterDue = due.find(0) ? text.replace(due.group(), " ") : text;
        Matcher when = WHEN.matcher(afterDue);
        if (when.find() && statuses.contains(Status.DONE)) {
            completedRange = when.group(1).toLowerCase(Locale.ROOT);
        }
        boolean overdue = text.matches("(?is).*\\boverdue\\b.*");
        if (search == null) {
            tagWords.addAll(bareWords(withoutTags));
        }
        return new Intent.Find(statuses, priority, List.copyOf(tagWords), search, dueRange, completedRange, overdue, said);
    }

    /**
     * Words of a search sentence that are not its filter words ("work" in "incomplete work tasks"): the assistant takes
     * those that name one of the user's tags as tag filters, and searches for the rest.
     */
    private static List<String> bareWords(String text) {
        String t = " " + text.toLowerCase(Locale.ROOT) + " ";
        t = PRIORITY_WORDS.matcher(t).replaceAll(" ");
        t = DUE.matcher(t).replaceAll(" ");
        t = WHEN.matcher(t).replaceAll(" ");
        t = HASHTAG.matcher(t).replaceAll(" ");
        t = t.replaceAll("\\b(completed|done|finished|incomplete|open|unfinished|pending|outstanding|not|to ?do|remaining|in progress|overdue|due|from|during)\\b", " ");
        List<String> out = new ArrayList<>();
        for (String w : t.split("[^\\p{L}\\p{N}_-]+")) {
            if (!w.isBlank() && !FILLER.contains(w)) {
                out.add(w);
            }
        }
        return out;
    }
}
