package dev.kadence.core.language;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What stays a title: the false matches users of other apps complain about ("Paprika shopping", "Read 5th Wave", "The
 * 9/11 Report"), a month without a day, bare numbers, "daily"/"weekly" before a noun, "at 5" before a noun; and quoted
 * text, which is never read (its quotes go). A full weekday name is a day ("Sunday roast prep"): quote it to keep it.
 * Each row: text | title | due (local) | rule | what was read as what.
 */
class TitlesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Paprika shopping | Paprika shopping |  |  | ",
        "Read 5th Wave | Read 5th Wave |  |  | ",
        "The 9/11 Report | The 9/11 Report |  |  | ",
        "March of the Penguins | March of the Penguins |  |  | ",
        "Call Jan about the budget | Call Jan about the budget |  |  | ",
        "May the force be with you | May the force be with you |  |  | ",
        "Sunday roast prep | roast prep | 2026-12-13T23:59 |  | due:Sunday",
        "Read \"Saturday\" by Ian McEwan | Read Saturday by Ian McEwan |  |  | ",
        "Buy 2 eggs | Buy 2 eggs |  |  | ",
        "Read chapter 5 | Read chapter 5 |  |  | ",
        "Watch Mon Oncle | Watch Mon Oncle |  |  | ",
        "Fix issue #42 | Fix issue #42 |  |  | ",
        "Pay 100 euros | Pay 100 euros |  |  | ",
        "Email bob@example.com | Email bob@example.com |  |  | ",
        "Learn C# | Learn C# |  |  | ",
        "Check in | Check in |  |  | ",
        "Plan the weekly meeting agenda | Plan the weekly meeting agenda |  |  | ",
        "Daily standup notes | Daily standup notes |  |  | ",
        "Money transfer | Money transfer |  |  | ",
        "Thursday Murder Club | Murder Club | 2026-12-10T23:59 |  | due:Thursday",
        "Read \"Thursday Murder Club\" tomorrow | Read Thursday Murder Club | 2026-12-10T23:59 |  | due:tomorrow",
        "\"Pay rent every month\" is a song | Pay rent every month is a song |  |  | ",
        "Call \"Dr. Dec 24\" at 5pm | Call Dr. Dec 24 | 2026-12-09T17:00 |  | due:at 5pm",
        "Buy \"p1 #home\" stickers p2 | Buy p1 #home stickers |  |  | priority:p2",
        "“Friday” deck due Friday | Friday deck | 2026-12-11T23:59 |  | due:due Friday",
        "Schedule 1/3 of the work | Schedule 1/3 of the work |  |  | ",
        "Watch 24 Dec special | Watch special | 2026-12-24T23:59 |  | due:24 Dec",
        "Meeting at the office | Meeting at the office |  |  | ",
        "Sat exam prep | Sat exam prep |  |  | ",
        "Pay at 5 dollars | Pay at 5 dollars |  |  | ",
        "Read 10 pages every day | Read 10 pages | 2026-12-09T23:59 | FREQ=DAILY | recurrence:every day",
        "Back up photos every 2nd day | Back up photos | 2026-12-09T23:59 | FREQ=DAILY;INTERVAL=2 | recurrence:every 2nd day",
        "Discuss 3 times table | Discuss 3 times table |  |  | ",
        "Tonight show tickets tonight | show tickets tonight | 2026-12-09T23:59 |  | due:Tonight",
        "every day |  | 2026-12-09T23:59 | FREQ=DAILY | recurrence:every day",
        "\"unterminated quote tomorrow | \"unterminated quote | 2026-12-10T23:59 |  | due:tomorrow",
    })
    void keepsTitles(String text, String title, String due, String rule, String spans) {
        var context = Readings.context();
        var r = Readings.read(text, context);
        assertThat(r.title()).isEqualTo(title == null ? "" : title);    // all read: an empty title, which the client asks for
        assertThat(Readings.local(r.dueAt(), context)).isEqualTo(due);
        assertThat(r.recurrence() == null ? null : r.recurrence().rule()).isEqualTo(rule);
        assertThat(Readings.spans(r)).isEqualTo(spans == null ? null : spans.replace(" ; ", " | "));
    }
}
