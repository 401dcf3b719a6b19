package dev.kadence.core.language;

import java.time.Instant;
import java.time.ZoneId;

/**
 * What a sentence is read against: the user's zone (dates and times are local wall time there, and a recurrence is
 * in that zone), how the user writes numeric dates ({@link DateOrder}: is "04/12" April 12th or December 4th), and now.
 */
public record ReadingContext(ZoneId zone, DateOrder dateOrder, Instant now) {

    /** The order of day and month in a numeric date such as {@code 04/12}. */
    public enum DateOrder {
        /** 04/12 is 4 December (most of the world). */
        DAY_MONTH,
        /** 04/12 is April 12 (the United States). */
        MONTH_DAY
    }
}
