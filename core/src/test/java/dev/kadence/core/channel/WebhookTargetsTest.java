package dev.kadence.core.channel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Which webhook URLs the server may call, as the operator's two switches allow; and the retry schedule. */
class WebhookTargetsTest {

    @ParameterizedTest(name = "{0}: {1} / loopback allowed {2} / private too {3}")
    @CsvSource({
        "https://203.0.113.9/hook,        ,                 , ",
        "http://127.0.0.1:8080/hook,      forbidden_target, ,  ",
        "http://[::1]/hook,               forbidden_target, ,  ",
        "http://0.0.0.0/hook,             forbidden_target, ,  ",
        "http://10.1.2.3/hook,            forbidden_target, forbidden_target, ",
        "http://172.16.0.1/hook,          forbidden_target, forbidden_target, ",
        "http://192.168.1.1/hook,         forbidden_target, forbidden_target, ",
        "http://100.64.0.1/hook,          forbidden_target, forbidden_target, ",
        "http://169.254.169.254/latest,   forbidden_target, forbidden_target, ",
        "http://[fe80::1]/hook,           forbidden_target, forbidden_target, ",
        "http://[fd12:3456::1]/hook,      forbidden_target, forbidden_target, ",
        "http://[::ffff:10.0.0.1]/hook,   forbidden_target, forbidden_target, ",
        "http://224.0.0.1/hook,           forbidden_target, forbidden_target, forbidden_target",
        "ftp://203.0.113.9/hook,          invalid_url,      invalid_url,      invalid_url",
        "http://user:pw@203.0.113.9/hook, invalid_url,      invalid_url,      invalid_url",
        "http://no-such-host.invalid/,    unresolvable_host, unresolvable_host, unresolvable_host",
    })
    void refusesWhatTheOperatorDoesNotAllow(String url, String byDefault, String loopbackAllowed, String privateAllowed) {
        assertThat(refusal(url, false, false)).isEqualTo(byDefault);
        assertThat(refusal(url, true, false)).isEqualTo(loopbackAllowed);
        assertThat(refusal(url, false, true)).isEqualTo(privateAllowed);
    }

    @Test
    void retriesAfterOneFiveThirtyMinutesTwoAndSixHoursThenGivesUpAndPausesAfterFiveInARow() {
        Instant now = Instant.parse("2027-01-08T12:00:00Z");
        assertThat(RetrySchedule.next(1, now)).contains(now.plus(Duration.ofMinutes(1)));
        assertThat(RetrySchedule.next(2, now)).contains(now.plus(Duration.ofMinutes(5)));
        assertThat(RetrySchedule.next(3, now)).contains(now.plus(Duration.ofMinutes(30)));
        assertThat(RetrySchedule.next(4, now)).contains(now.plus(Duration.ofHours(2)));
        assertThat(RetrySchedule.next(5, now)).contains(now.plus(Duration.ofHours(6)));
        assertThat(RetrySchedule.next(6, now)).isEmpty();
        assertThat(RetrySchedule.pauses(4)).isFalse();
        assertThat(RetrySchedule.pauses(5)).isTrue();
    }

    private static String refusal(String url, boolean loopback, boolean privateNetworks) {
        return new WebhookTargets(new ChannelSettings(loopback, privateNetworks)).refusal(URI.create(url))
            .map(WebhookTargets.Refusal::code).orElse(null);
    }
}
