package dev.kadence.core.language;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text being read, and its bookkeeping: which words are quoted (literal title, never read), which a phrase has
 * claimed, and the title that is left.
 */
final class Sentence {
    /** A phrase's claim on the words from {@code start} (inclusive) to {@code end} (exclusive). */
    record Claim(int start, int end, Recognised.Kind kind, Part part) {
    }

    private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"|“[^”]*”");
    /** Words that only joined a phrase to the title, left over at either end of it ("Pay rent on", "with"). */
    private static final Set<String> CONNECTORS = Set.of("at", "on", "due", "with", "by", "and", "every",
        "starting", "until");
    /** A word that is only punctuation, left between two things read ("#home, #work"). */
    private static final Pattern SEPARATOR = Pattern.compile("[,;:.!?–-]+");
    private static final char MASK = '\u0001';

    private final String text;
    private final String masked;
    private final boolean[] quoted;

    Sentence(String text) {
        this.text = text;
        this.quoted = new boolean[text.length()];
        StringBuilder m = new StringBuilder(text);
        Matcher q = QUOTED.matcher(text);
        while (q.find()) {
            for (int i = q.start(); i < q.end(); i++) {
                quoted[i] = true;
                m.setCharAt(i, MASK);
            }
        }
        this.masked = m.toString();
    }

    /** Every phrase of {@code phrases}, in order, claims the words it reads that no earlier phrase claimed. */
    List<Claim> claims(List<Phrase> phrases, ReadingContext context) {
        boolean[] taken = quoted.clone();
        List<Claim> claims = new ArrayList<>();
        for (Phrase phrase : phrases) {
            Matcher m = phrase.pattern().matcher(masked);
            int from = 0;
            while (from < masked.length() && m.find(from)) {
                Part part = free(taken, m.start(), m.end()) ? phrase.reader().read(m, context) : null;
                if (part == null) {
                    from = m.start() + 1;
                    continue;
                }
                claims.add(new Claim(m.start(), m.end(), phrase.kind(), part));
                for (int i = m.start(); i < m.end(); i++) {
                    taken[i] = true;
                }
                from = m.end();
            }
        }
        claims.sort(Comparator.comparingInt(Claim::start));
        return claims;
    }

    List<Recognised> recognised(List<Claim> kept) {
        return kept.stream().map(c -> new Recognised(c.start(), c.end(), c.kind(), text.substring(c.start(), c.end()))).toList();
    }

    /** A word of the title: where it was, and whether it was quoted. */
    private record Word(String text, int start, int end, boolean literal) {
    }

    /**
     * What no kept claim covers: quoted text as it is (without its quotes), the rest with its spaces collapsed, and
     * connectors ("at", "on", "with", …) and punctuation left dangling at either end next to a claim taken off.
     */
    String title(List<Claim> kept) {
        boolean[] gone = new boolean[text.length()];
        kept.forEach(c -> Arrays.fill(gone, c.start(), c.end(), true));
        List<Word> words = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int start = i;
            if (quoted[i]) {
                while (i < text.length() && quoted[i]) {
                    i++;
                }
                words.add(new Word(text.substring(start + 1, i - 1), start, i, true));
            } else if (gone[i] || Character.isWhitespace(text.charAt(i))) {
                i++;
            } else {
                while (i < text.length() && !quoted[i] && !gone[i] && !Character.isWhitespace(text.charAt(i))) {
                    i++;
                }
                words.add(new Word(text.substring(start, i), start, i, false));
            }
        }
        words.removeIf(w -> !w.literal() && SEPARATOR.matcher(w.text()).matches());
        while (!words.isEmpty() && dangling(words.getFirst(), gone)) {
            words.removeFirst();
        }
        while (!words.isEmpty() && dangling(words.getLast(), gone)) {
            words.removeLast();
        }
        List<String> texts = new ArrayList<>(words.stream().map(Word::text).toList());
        if (!texts.isEmpty() && !words.getFirst().literal()) {
            texts.set(0, texts.getFirst().replaceAll("^[,;:–-]+", ""));
        }
        if (!texts.isEmpty() && !words.getLast().literal()) {
            texts.set(texts.size() - 1, texts.getLast().replaceAll("[,;:–-]+$", ""));
        }
        return String.join(" ", texts).strip();
    }

    /** A connector or a lone punctuation mark next to something read. */
    private boolean dangling(Word w, boolean[] gone) {
        if (w.literal()) {
            return false;
        }
        String bare = tidy(w.text());
        return bare.isEmpty() || CONNECTORS.contains(bare.toLowerCase(Locale.ROOT)) && (nextTo(w.start() - 1, -1, gone) || nextTo(w.end(), 1, gone));
    }

    /** Whether the first non-space character from {@code i} in direction {@code step} was read. */
    private boolean nextTo(int i, int step, boolean[] gone) {
        while (i >= 0 && i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i += step;
        }
        return i >= 0 && i < text.length() && gone[i];
    }

    /** A word without separators hanging off it ("rent," → "rent"). */
    private static String tidy(String word) {
        return word.replaceAll("^[,;:–-]+|[,;:–-]+$", "");
    }

    private static boolean free(boolean[] taken, int start, int end) {
        for (int i = start; i < end; i++) {
            if (taken[i]) {
                return false;
            }
        }
        return start < end;
    }
}
