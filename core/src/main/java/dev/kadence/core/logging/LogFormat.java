package dev.kadence.core.logging;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** How an event is written: one line of text, or one JSON object per line (plus a stack trace, if any). */
enum LogFormat {
    /** {@code HH:mm:ss.SSS LEVEL [thread] logger - message}, then the stack trace: for people (the local platform). */
    TEXT {
        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
        private static final ZoneId ZONE = ZoneId.systemDefault();

        @Override
        String line(LogEvent e) {
            StringBuilder s = new StringBuilder(128);
            TIME.formatTo(e.time().atZone(ZONE), s);
            String level = e.level().toString();
            s.append(' ').append(level).append(" ".repeat(Math.max(0, 5 - level.length()))).append(" [").append(e.thread()).append("] ")
                .append(abbreviated(e.logger(), 36)).append(" - ").append(e.message()).append('\n');
            if (e.error() != null) {
                s.append(stackTrace(e.error()));
            }
            return s.toString();
        }
    },
    /**
     * One JSON object per line, for a log pipeline: {@code time} (ISO-8601 UTC), {@code level}, {@code thread},
     * {@code logger}, {@code message}, the MDC's entries as fields of their own ({@code request_id}, {@code user_id},
     * {@code ce_id}, …) and {@code error} (the stack trace) when there is one. ASCII only: anything else is escaped.
     */
    JSON {
        private static final Set<String> OWN = Set.of("time", "level", "thread", "logger", "message", "error");

        @Override
        String line(LogEvent e) {
            StringBuilder s = new StringBuilder(256);
            s.append("{\"time\":\"").append(e.time()).append('"');
            field(s, "level", e.level().toString());
            field(s, "thread", e.thread());
            field(s, "logger", e.logger());
            field(s, "message", e.message());
            for (Map.Entry<String, String> m : e.mdc().entrySet()) {
                if (!OWN.contains(m.getKey()) && m.getValue() != null) {
                    field(s, m.getKey(), m.getValue());
                }
            }
            if (e.error() != null) {
                field(s, "error", stackTrace(e.error()));
            }
            return s.append("}\n").toString();
        }

        private static void field(StringBuilder s, String name, String value) {
            s.append(",\"");
            escape(s, name);
            s.append("\":\"");
            escape(s, value);
            s.append('"');
        }

        private static void escape(StringBuilder s, String value) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '"' -> s.append("\\\"");
                    case '\\' -> s.append("\\\\");
                    case '\n' -> s.append("\\n");
                    case '\r' -> s.append("\\r");
                    case '\t' -> s.append("\\t");
                    default -> {
                        if (c < 0x20 || c > 0x7e) {
                            s.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                        } else {
                            s.append(c);
                        }
                    }
                }
            }
        }
    };

    /** The event as it is written, ending with a line break. */
    abstract String line(LogEvent e);

    /** {@code json} → JSON; anything else (unset, {@code text}) → TEXT. */
    static LogFormat named(String name) {
        return name != null && name.trim().equalsIgnoreCase("json") ? JSON : TEXT;
    }

    /**
     * Shortens the package names to their first letters, leftmost first, until the name fits in {@code width}
     * (as logback's {@code %logger{36}} did); the class's own name is never shortened.
     */
    static String abbreviated(String name, int width) {
        if (name.length() <= width) {
            return name;
        }
        String[] parts = name.split("\\.");
        int length = name.length();
        for (int i = 0; i < parts.length - 1 && length > width; i++) {
            length -= parts[i].length() - 1;
            parts[i] = parts[i].isEmpty() ? parts[i] : parts[i].substring(0, 1);
        }
        return String.join(".", parts);
    }

    static String stackTrace(Throwable error) {
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }
}
