package dev.kadence.core.api;

import dev.kadence.core.error.KadenceException;
import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a sign-up email and a title may be: an address a mail server takes, and something that shows. */
class InputHygieneTest {
    private static JsonNode signup(String email) {
        return JsonNode.from(Map.of("email", email, "password", "correct horse"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"<script>@example.com", "a<b>@example.com", "\"quoted\"@example.com", "a b@example.com",
        "a@b@example.com", "a@example", "a@-example.com", "a@example-.com", "a@exa_mple.com", "a@example..com",
        ".a@example.com", "a.@example.com", "a..b@example.com", "a@example.com.", "a@[127.0.0.1]", "a@exam ple.com",
        "a(comment)@example.com", "a,b@example.com", "a;b@example.com", "a\\b@example.com", "ü@example.com",
        "a@exämple.com", "@example.com", "a@", "a\u200b@example.com"})
    void notAnAddress(String email) {
        assertThatThrownBy(() -> AccountRequests.signup(signup(email)))
            .isInstanceOfSatisfying(KadenceException.class, e -> assertThat(e.errors())
                .anySatisfy(f -> assertThat(f.code()).isIn("invalid_email", "invalid_character")));
    }

    @Test
    void localPartsOver64AndLabelsOver63AreNotAddresses() {
        assertThatThrownBy(() -> AccountRequests.signup(signup("a".repeat(65) + "@example.com"))).isInstanceOf(KadenceException.class);
        assertThatThrownBy(() -> AccountRequests.signup(signup("a@" + "b".repeat(64) + ".com"))).isInstanceOf(KadenceException.class);
        assertThat(AccountRequests.signup(signup("a".repeat(64) + "@" + "b".repeat(63) + ".com")).email()).startsWith("aaaa");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ada@example.com", "Ada.Lovelace+kadence@Example.COM", "o'brien@mail.example.co.uk",
        "x_y-z@sub-domain.example.io", "1@2.de", "a!#$%&*/=?^`{|}~@example.com", "ada@xn--bcher-kva.example"})
    void addresses(String email) {
        assertThat(AccountRequests.signup(signup(" " + email + " ")).email()).isEqualTo(email.toLowerCase(java.util.Locale.ROOT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", " \u200b\u200b ", "\u00a0", "\u202f\u200e",
        "\u2028", "\u3000\u200b", "\u00ad"})
    void aTitleThatShowsNothingIsEmpty(String title) {
        assertThatThrownBy(() -> TaskRequests.create(JsonNode.from(Map.of("title", title))))
            .isInstanceOfSatisfying(KadenceException.class, e -> assertThat(e.errors())
                .anySatisfy(f -> {
                    assertThat(f.field()).isEqualTo("title");
                    assertThat(f.code()).isEqualTo("empty");
                }));
    }

    @Test
    void aFieldOfANestedObjectOrOfAListItemIsNamedByItsPath() {
        JsonNode body = JsonNode.from(Map.of("title", "t", "due_at", "2026-12-04T14:00:00Z",
            "recurrence", Map.of("rule", "FREQ=DAILY", "mode", "a\u0000"),
            "reminders", java.util.List.of(Map.of("at", "2026-12-04T13:00:00Z"), Map.of("before_due", 15))));

        assertThatThrownBy(() -> TaskRequests.create(body)).isInstanceOfSatisfying(KadenceException.class, e ->
            assertThat(e.errors()).extracting(f -> f.field() + " " + f.code())
                .containsExactlyInAnyOrder("recurrence.mode invalid_character", "reminders[1].before_due not_a_string"));
    }

    @Test
    void everyItemOfAListOfStringsIsCheckedLikeAString() {
        for (String tag : java.util.List.of("a\u0000", "\ud800", "x\udc00y", "\u007f")) {
            assertThatThrownBy(() -> TaskRequests.create(JsonNode.from(Map.of("title", "t", "tags", java.util.List.of("ok", tag)))))
                .isInstanceOfSatisfying(KadenceException.class, e -> assertThat(e.errors()).extracting(f -> f.field() + " " + f.code())
                    .containsExactly("tags invalid_character"));
        }
    }

    @Test
    void invisibleCharactersBesideVisibleOnesStay() {
        assertThat(Body.isBlank("a\u200b")).isFalse();
        assertThat(Body.isBlank("\ud83d\udc69\u200d\ud83d\udcbb")).as("an emoji joined by ZWJ").isFalse();
        assertThat(Body.isBlank("")).isTrue();
    }
}
