package dev.kadence.core.tag;

import dev.kadence.core.error.Violations;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TagNamesTest {
    @Test
    void namesAreTrimmedLowerCasedAndDeduplicated() {
        Violations v = new Violations();
        assertThat(TagNames.normalizeAll("tags", List.of(" Work", "WORK", "urgent", "work "), v)).containsExactly("work", "urgent");
        assertThat(v.isEmpty()).isTrue();
    }

    @Test
    void emptyLongAndCommaNamesAreRefused() {
        for (String bad : new String[] {"  ", "x".repeat(51), "a,b", "tab\there"}) {
            Violations v = new Violations();
            assertThat(TagNames.normalize("name", bad, v)).as(bad).isNull();
            assertThat(v.has("name")).isTrue();
        }
    }
}
