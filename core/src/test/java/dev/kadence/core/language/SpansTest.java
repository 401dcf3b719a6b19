package dev.kadence.core.language;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.kadence.core.language.Recognised.Kind.DUE;
import static dev.kadence.core.language.Recognised.Kind.PRIORITY;
import static dev.kadence.core.language.Recognised.Kind.RECURRENCE;
import static dev.kadence.core.language.Recognised.Kind.REMINDER;
import static dev.kadence.core.language.Recognised.Kind.TAG;
import static org.assertj.core.api.Assertions.assertThat;

/** What was read as what, at exact offsets (UTF-16 units of the text as given), so a client can highlight it. */
class SpansTest {

    @Test
    void spansAreOffsetsIntoTheTextAsGiven() {
        assertThat(Readings.read("Call mom tomorrow at 6pm remind me 30 minutes before").recognised()).containsExactly(
            new Recognised(9, 17, DUE, "tomorrow"),
            new Recognised(18, 24, DUE, "at 6pm"),
            new Recognised(25, 52, REMINDER, "remind me 30 minutes before"));
    }

    @Test
    void quotedTextCountsInTheOffsetsButIsNeverRead() {
        var r = Readings.read("\"Read 5th Wave on Friday\" tomorrow p1");
        assertThat(r.title()).isEqualTo("Read 5th Wave on Friday");
        assertThat(r.recognised()).containsExactly(new Recognised(26, 34, DUE, "tomorrow"), new Recognised(35, 37, PRIORITY, "p1"));
    }

    @Test
    void offsetsCountUtf16Units() {
        var r = Readings.read("🎉 Party tomorrow #fun");
        assertThat(r.title()).isEqualTo("🎉 Party");
        assertThat(r.recognised()).containsExactly(new Recognised(9, 17, DUE, "tomorrow"), new Recognised(18, 22, TAG, "#fun"));
    }

    @Test
    void caseDoesNotMatterAndTheTitleKeepsTheUsers() {
        var shouting = Readings.read("PAY RENT EVERY MONTH ON THE 1ST P1 #HOME");
        var quiet = Readings.read("pay rent every month on the 1st p1 #home");
        assertThat(shouting.title()).isEqualTo("PAY RENT");
        assertThat(quiet.title()).isEqualTo("pay rent");
        assertThat(shouting.recurrence()).isEqualTo(quiet.recurrence());
        assertThat(shouting.tags()).isEqualTo(List.of("home"));
        assertThat(shouting.recognised()).extracting(Recognised::kind).containsExactly(RECURRENCE, PRIORITY, TAG);
    }

    @Test
    void theSecondOfTwoDaysStaysInTheTitle() {
        var r = Readings.read("Meet Friday tomorrow");
        assertThat(r.title()).isEqualTo("Meet tomorrow");
        assertThat(r.recognised()).containsExactly(new Recognised(5, 11, DUE, "Friday"));
    }
}
