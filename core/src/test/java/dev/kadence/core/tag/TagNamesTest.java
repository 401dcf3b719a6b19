package dev.kadence.core.tag;

import dev.kadence.core.error.KadenceException;
import dev.kadence.core.error.Violations;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TagNamesTest {
    @Test
    void namesAreTrimmedLowerCasedAndDeduplicated() {
        Violations v = new Violations();
        assertThat(TagNames.normalizeAll("tags", List.of(" Work", "WORK", "urgent", "work "), v)).containsExactly("work", "urgent");
        assertThat(v.isEmpty()).isTrue();
    }

    @Test
    void aNameOfOnlyInvisibleCharactersIsEmpty() {
        Violations v = new Violations();
        assertThat(TagNames.normalize("name", "\u200b\u200b", v)).isNull();
        assertThatThrownBy(v::throwIfAny).isInstanceOfSatisfying(KadenceException.class,
            e -> assertThat(e.errors()).singleElement().satisfies(f -> assertThat(f.code()).isEqualTo("empty")));
    }

    @Test
    void emptyLongAndCommaNamesAreRefused() {
        for (String bad : new String[] {"  ", "x".repeat(51), "a,b", "tab\there", "\u200b", "\u200c\u200d", " \u2060\ufeff ", "\u00a0"}) {
            Violations v = new Violations();
            assertThat(TagNames.normalize("name", bad, v)).as(bad).isNull();
            assertThat(v.has("name")).isTrue();
        }
    }
}
