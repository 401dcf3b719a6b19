package dev.kadence.core.user;

import dev.kadence.core.error.Violations;
import dev.kadence.core.language.ReadingContext.DateOrder;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LocalesTest {
    @Test
    void wellFormedTagsWithAnIsoLanguageAreReadAndNormalised() {
        Map<String, String> normalised = Map.of("en-GB", "en-GB", "en-us", "en-US", "de-DE", "de-DE", "de", "de",
            " fr-CA ", "fr-CA", "zh-Hant-TW", "zh-Hant-TW", "sr-Latn-RS", "sr-Latn-RS");
        normalised.forEach((tag, expected) -> {
            Violations v = new Violations();
            assertThat(Locales.parse("locale", tag, v).toLanguageTag()).as(tag).isEqualTo(expected);
            assertThat(v.isEmpty()).as(tag).isTrue();
        });
    }

    @Test
    void tagsWithoutAKnownLanguageOrCountryAreRefused() {
        for (String bad : List.of("", "  ", "xx", "xx-US", "en_US", "en-ZZ", "English", "en-US-!!", "e", "x".repeat(36), "und")) {
            Violations v = new Violations();
            assertThat(Locales.parse("locale", bad, v)).as(bad).isNull();
            assertThat(v.has("locale")).as(bad).isTrue();
        }
        assertThat(Locales.parse("locale", null, new Violations())).isNull();
    }

    @Test
    void theUnitedStatesAndTheRegionsThatWriteLikeItPutTheMonthFirst() {
        Map<String, DateOrder> orders = Map.of("en-US", DateOrder.MONTH_DAY, "es-US", DateOrder.MONTH_DAY,
            "en-PH", DateOrder.MONTH_DAY, "ja-JP", DateOrder.MONTH_DAY, "en-GB", DateOrder.DAY_MONTH,
            "de-DE", DateOrder.DAY_MONTH, "en-CA", DateOrder.DAY_MONTH, "fr-FR", DateOrder.DAY_MONTH,
            "en", DateOrder.DAY_MONTH, "pt-BR", DateOrder.DAY_MONTH);
        orders.forEach((tag, order) -> assertThat(Locales.dateOrder(Locale.forLanguageTag(tag))).as(tag).isEqualTo(order));
    }
}
