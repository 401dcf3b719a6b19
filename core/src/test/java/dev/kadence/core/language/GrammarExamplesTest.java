package dev.kadence.core.language;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every example in the grammar's table is a test: "Task " + the example is read as the title "Task" and one span of
 * the family's kind that is exactly the example. A reminder before the due time is said with a due day ("tomorrow"),
 * and how a series starts or ends with a rule ("every day").
 */
class GrammarExamplesTest {
    private static final Set<String> ENDS = Set.of("after completion", "starting a day", "until a day", "N times");

    static Stream<Arguments> examples() {
        return Grammar.PHRASES.stream().flatMap(p -> p.examples().stream().map(e -> Arguments.of(p.name(), e, p)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("examples")
    void eachExampleIsReadByItsFamily(String family, String example, Phrase phrase) {
        assertThat(phrase.pattern().matcher(example).matches()).as("the family's pattern matches its example").isTrue();
        String text = "Task " + example
            + (phrase.kind() == Recognised.Kind.REMINDER ? " tomorrow" : "")
            + (ENDS.contains(family) ? " every day" : "");
        var r = Readings.read(text);
        assertThat(r.title()).isEqualTo("Task");
        assertThat(r.recognised()).contains(new Recognised(5, 5 + example.length(), phrase.kind(), example));
    }
}
