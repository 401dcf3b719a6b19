package dev.kadence.core.user;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The password policy, as a table: what is refused and why, what is accepted. */
class PasswordPolicyTest {
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(nullValues = "ok", value = {
        "aaaaaaaa, ONE_CHARACTER",
        "AaAaAaAa, ONE_CHARACTER",
        "12345678, SEQUENCE",                   // also the third most common password; the shape is found first
        "abcdefghij, SEQUENCE",
        "98765432, SEQUENCE",
        "password, COMMON",
        "Password, COMMON",
        "p a s s w o r d, COMMON",              // white space does not count
        "\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B, TOO_SHORT",
        "abc\u200Bdef\u2060g, TOO_SHORT",       // 7 visible characters
        "\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9, TOO_SHORT",   // 7 characters, 14 bytes
        "sunshine1, COMMON",
        "correct horse battery, ok",
        "correct horse battery staple and then some more words to pass seventy-two bytes, TOO_LONG",
        "12345670, ok",                         // almost a run, not in the list
        "\u65e5\u672c\u8a9e\u306e\u5408\u8a00\u8449\u3067\u3059, ok",   // 9 characters, 27 bytes
    })
    void judges(String password, PasswordPolicy.Weakness expected) {
        assertThat(PasswordPolicy.weakness(password)).isEqualTo(expected);
    }
}
