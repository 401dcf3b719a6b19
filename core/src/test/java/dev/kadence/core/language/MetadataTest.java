package dev.kadence.core.language;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Priority and tags. p1 is high; the first priority said wins and a second stays in the title. Tags are normalised as
 * the API does (lower case) and need a letter ("#123" is an issue number). Each row: text | title | priority | tags |
 * what was read as what.
 */
class MetadataTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Plan p1 | Plan | HIGH |  | priority:p1",
        "Plan P2 | Plan | MEDIUM |  | priority:P2",
        "Plan p3 | Plan | LOW |  | priority:p3",
        "Plan !high | Plan | HIGH |  | priority:!high",
        "Plan !medium | Plan | MEDIUM |  | priority:!medium",
        "Plan !low | Plan | LOW |  | priority:!low",
        "Plan high priority | Plan | HIGH |  | priority:high priority",
        "Plan high-priority | Plan | HIGH |  | priority:high-priority",
        "Plan low priority | Plan | LOW |  | priority:low priority",
        "Plan priority: medium | Plan | MEDIUM |  | priority:priority: medium",
        "Plan p1 p3 | Plan p3 | HIGH |  | priority:p1",
        "Plan #home | Plan |  | home | tag:#home",
        "Plan #Home #work @errands | Plan |  | home work errands | tag:#Home ; tag:#work ; tag:@errands",
        "Plan #home #HOME | Plan |  | home | tag:#home ; tag:#HOME",
        "Plan #side-project | Plan |  | side-project | tag:#side-project",
        "Plan #123 | Plan #123 |  |  | ",
        "Plan C# | Plan C# |  |  | ",
        "Mail bob@example.com | Mail bob@example.com |  |  | ",
        "Plan #home, #work. | Plan |  | home work | tag:#home ; tag:#work",
        "Plan p4 | Plan p4 |  |  | ",
        "Plan ap1 | Plan ap1 |  |  | ",
    })
    void readsPriorityAndTags(String text, String title, String priority, String tags, String spans) {
        var r = Readings.read(text);
        assertThat(r.title()).isEqualTo(title);
        assertThat(r.priority() == null ? null : r.priority().name()).isEqualTo(priority);
        assertThat(r.tags()).isEqualTo(tags == null ? List.of() : List.of(tags.split(" ")));
        assertThat(Readings.spans(r)).isEqualTo(spans == null ? null : spans.replace(" ; ", " | "));
    }
}
