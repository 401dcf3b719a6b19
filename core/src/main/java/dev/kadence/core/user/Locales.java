package dev.kadence.core.user;

import dev.kadence.core.error.Violations;
import dev.kadence.core.language.ReadingContext.DateOrder;

import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Set;

/**
 * Users' locales: well-formed BCP 47 tags ({@code en-US}, {@code de-DE}) whose language is an ISO 639-1 language and
 * whose region, if any, an ISO 3166 country; stored as {@link Locale#toLanguageTag()} writes them ({@code en-us} is
 * {@code en-US}). A locale says how the user writes a numeric date: {@link #dateOrder(Locale)}.
 */
public final class Locales {
    /** What an account has when its sign-up did not say. */
    public static final String DEFAULT = "en-GB";
    static final int MAX_LENGTH = 35;

    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());
    private static final Set<String> REGIONS = Set.of(Locale.getISOCountries());
    /**
     * Regions whose people write the month before the day in a numeric date ("4/12" is April 12): the United States
     * and the places that write as it does (its territories; the Philippines, Micronesia, the Marshall Islands,
     * Palau), and China, Japan, Korea and Taiwan, which write dates year-month-day. Canada is not among them (its
     * usage is split); a Canadian who writes month first says en-US.
     */
    private static final Set<String> MONTH_FIRST = Set.of(
        "US", "AS", "GU", "MP", "PR", "UM", "VI", "PH", "FM", "MH", "PW", "CN", "JP", "KR", "TW");

    private Locales() {
    }

    /** The locale {@code value} names, or null (with a violation of {@code field} when it names none). */
    public static Locale parse(String field, String value, Violations violations) {
        if (value == null) {
            return null;
        }
        Locale locale = wellFormed(value.strip());
        if (locale == null || !LANGUAGES.contains(locale.getLanguage())
            || (!locale.getCountry().isEmpty() && !REGIONS.contains(locale.getCountry()))) {
            violations.add(field, "invalid_locale", "must be a BCP 47 language tag with an ISO language, such as en-GB, en-US or de-DE");
            return null;
        }
        return locale;
    }

    /** How a user of {@code locale} writes a numeric day and month; day first unless the region writes month first. */
    public static DateOrder dateOrder(Locale locale) {
        return MONTH_FIRST.contains(locale.getCountry()) ? DateOrder.MONTH_DAY : DateOrder.DAY_MONTH;
    }

    private static Locale wellFormed(String tag) {
        if (tag.isEmpty() || tag.length() > MAX_LENGTH) {
            return null;
        }
        try {
            return new Locale.Builder().setLanguageTag(tag).build();
        } catch (IllformedLocaleException e) {
            return null;
        }
    }
}
