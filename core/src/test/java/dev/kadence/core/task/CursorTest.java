package dev.kadence.core.task;

import dev.kadence.core.error.ErrorCode;
import dev.kadence.core.error.KadenceException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CursorTest {
    private static final byte[] KEY = "k".getBytes(StandardCharsets.UTF_8);

    @Test
    void roundTripsValuesIncludingNullAndAwkwardText() {
        UUID id = UUID.randomUUID();
        for (String value : new String[] {null, "2026-12-01 09:00:00+00", "a.b|c~d", "ünïcödé"}) {
            Cursor decoded = Cursor.decode(new Cursor(value, id).encode("q", KEY), "q", KEY);
            assertThat(decoded).isEqualTo(new Cursor(value, id));
        }
    }

    @Test
    void refusesTamperingOtherQueriesAndOtherKeys() {
        String cursor = new Cursor("3", UUID.randomUUID()).encode("q", KEY);
        String[] bad = {cursor.replace(".Mw.", ".Mg."), "v1.x.y", "garbage", cursor + "x"};
        for (String text : bad) {
            assertThat(catchThrowableOfType(KadenceException.class, () -> Cursor.decode(text, "q", KEY)).code())
                .as(text).isEqualTo(ErrorCode.INVALID_CURSOR);
        }
        assertThat(catchThrowableOfType(KadenceException.class, () -> Cursor.decode(cursor, "other", KEY))).isNotNull();
        assertThat(catchThrowableOfType(KadenceException.class, () -> Cursor.decode(cursor, "q", "x".getBytes()))).isNotNull();
    }
}
