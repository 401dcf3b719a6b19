package dev.kadence.local.dapr;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Go duration strings as Dapr takes them: "500ms", "10s", "1h30m", "2h45m". */
final class GoDuration {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h)");

    private GoDuration() {
    }

    /** The duration, or null when {@code text} is not a Go duration. */
    static Duration parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Matcher m = PART.matcher(text.strip());
        long nanos = 0;
        int end = 0;
        while (m.find()) {
            if (m.start() != end) {
                return null;
            }
            double value = Double.parseDouble(m.group(1));
            long unit = switch (m.group(2)) {
                case "ns" -> 1L;
                case "us", "µs" -> 1_000L;
                case "ms" -> 1_000_000L;
                case "s" -> 1_000_000_000L;
                case "m" -> 60_000_000_000L;
                default -> 3_600_000_000_000L;
            };
            nanos += (long) (value * unit);
            end = m.end();
        }
        return end == text.strip().length() && end > 0 ? Duration.ofNanos(nanos) : null;
    }
}
