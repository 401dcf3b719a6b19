package dev.kadence.core.inbox;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The statuses a KafkaSource acts on: 2xx done, 5xx delivered again, 4xx (but 404/408/409/429) given up. */
class OutcomeTest {

    @Test
    void doneAndDuplicateAreSuccesses() {
        assertThat(Outcome.done().status()).isEqualTo(200);
        assertThat(Outcome.duplicate().status()).isEqualTo(200);
    }

    @Test
    void aRejectedEventIsNotRetried() {
        int status = Outcome.rejected("bad").status();
        assertThat(status).isBetween(400, 499).isNotIn(404, 408, 409, 429);
    }

    @Test
    void aTransientFailureIsRetried() {
        assertThat(Outcome.retry("database down").status()).isBetween(500, 599);
    }

    @Test
    void readsWellInALogLine() {
        assertThat(Outcome.duplicate()).hasToString("duplicate");
        assertThat(Outcome.rejected("unknown type x")).hasToString("rejected: unknown type x");
    }
}
