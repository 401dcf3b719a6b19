package dev.kadence.core.language;

import dev.kadence.core.db.Sql;
import dev.kadence.core.task.TaskView;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Which of a user's tasks a name in a sentence means. Words are compared without case or accents, a word of the name
 * may be the start of a title's word ("dentist" finds "Dentist appointment"), and "daily", "weekly", "monthly",
 * "yearly" may describe the task's recurrence instead ("the weekly standup" finds a weekly "Standup"). The tasks whose
 * titles have every word of the name are the candidates; when none has every word, those with the most, if more than
 * half. The exact title wins outright. Only titles are read to find them (not whole tasks): a turn that names a task
 * reads one view, of the task it acts on.
 */
@Singleton
class TaskNames {
    private static final Set<String> IGNORED = Set.of("the", "my", "a", "an", "task", "todo", "reminder", "reminders", "series",
        "recurring", "repeating", "one", "for", "to", "of");
    private static final List<String> FREQUENCY_WORDS = List.of("daily", "weekly", "monthly", "yearly");

    private static final int LOOKED_AT = 1000;
    private final Sql sql;

    TaskNames(Sql sql) {
        this.sql = sql;
    }

    /** A task as a name in a sentence is matched against it: its title, whether it is done, its series' rule. */
    record Named(UUID id, String title, boolean done, String rule) {
        static Named of(TaskView t) {
            return new Named(t.id(), t.title(), "done".equals(t.status()), t.recurrence() == null ? null : t.recurrence().rule());
        }
    }

    /** The user's tasks to match names against, most recently changed first. */
    @Transactional
    List<Named> of(UUID userId) {
        return sql.list("""
            select t.id, t.title, t.status, s.rule from tasks t left join series s on s.id = t.series_id
            where t.user_id = ? order by t.updated_at desc, t.id limit ?""", List.of(userId, LOOKED_AT),
            rs -> new Named(rs.getObject("id", UUID.class), rs.getString("title"), "done".equals(rs.getString("status")),
                rs.getString("rule")));
    }

    /** The tasks {@code name} may mean, best first; empty when none. */
    static List<Named> candidates(String name, List<Named> tasks) {
        String exact = fold(name);
        List<Named> exactly = tasks.stream().filter(t -> fold(t.title()).equals(exact)).toList();
        if (!exactly.isEmpty()) {
            return exactly;
        }
        List<String> words = words(name);
        if (words.isEmpty()) {
            return List.of();
        }
        List<Scored> scored = new ArrayList<>();
        for (Named t : tasks) {
            int matched = 0;
            List<String> title = words(t.title());
            for (String w : words) {
                if (title.stream().anyMatch(tw -> tw.startsWith(w)) || describesRecurrence(w, t)) {
                    matched++;
                }
            }
            if (matched > 0) {
                scored.add(new Scored(t, matched));
            }
        }
        int best = scored.stream().mapToInt(Scored::matched).max().orElse(0);
        if (best < words.size() && best * 2 <= words.size()) {
            return List.of();
        }
        return scored.stream().filter(s -> s.matched() == best).sorted(Comparator.comparing(s -> s.task().title().length()))
            .map(Scored::task).toList();
    }

    private record Scored(Named task, int matched) {
    }

    private static boolean describesRecurrence(String word, Named t) {
        int i = FREQUENCY_WORDS.indexOf(word);
        if (i < 0 || t.rule() == null) {
            return false;
        }
        String freq = List.of("DAILY", "WEEKLY", "MONTHLY", "YEARLY").get(i);
        return t.rule().contains("FREQ=" + freq);
    }

    static List<String> words(String text) {
        return Arrays.stream(fold(text).split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty() && !IGNORED.contains(w))
            .collect(Collectors.toList());
    }

    private static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).strip();
    }
}
