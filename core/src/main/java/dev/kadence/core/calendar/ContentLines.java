package dev.kadence.core.calendar;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The text of an iCalendar object (RFC 5545 §3.1): CRLF-terminated content lines folded at 75 octets, never inside
 * a UTF-8 character, and TEXT values escaped (§3.3.11).
 */
final class ContentLines {
    static final int MAX_OCTETS = 75;

    private final StringBuilder out;

    ContentLines(int capacity) {
        out = new StringBuilder(capacity);
    }

    /** {@code name:value} with {@code value} written as it is (already a valid value of its type). */
    ContentLines raw(String nameAndParameters, String value) {
        fold(nameAndParameters + ':' + value);
        return this;
    }

    ContentLines text(String name, String value) {
        return raw(name, escape(value));
    }

    /** A list of TEXT values, such as CATEGORIES: each escaped, then comma-separated. */
    ContentLines texts(String name, List<String> values) {
        return raw(name, values.stream().map(ContentLines::escape).collect(Collectors.joining(",")));
    }

    static String escape(String value) {
        StringBuilder s = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> s.append("\\\\");
                case ';' -> s.append("\\;");
                case ',' -> s.append("\\,");
                case '\n' -> s.append("\\n");
                case '\r' -> {
                    s.append("\\n");
                    if (i + 1 < value.length() && value.charAt(i + 1) == '\n') {
                        i++;
                    }
                }
                default -> s.append(c < 0x20 && c != '\t' ? ' ' : c);
            }
        }
        return s.toString();
    }

    private void fold(String line) {
        int octets = 0;
        for (int i = 0; i < line.length(); ) {
            int cp = line.codePointAt(i);
            int width = utf8Length(cp);
            if (octets + width > MAX_OCTETS) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(cp);
            octets += width;
            i += Character.charCount(cp);
        }
        out.append("\r\n");
    }

    private static int utf8Length(int cp) {
        return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    }

    byte[] bytes() {
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
