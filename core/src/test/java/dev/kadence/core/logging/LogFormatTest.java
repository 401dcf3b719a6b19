package dev.kadence.core.logging;

import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LogFormatTest {
    private static final Instant AT = Instant.parse("2026-11-22T10:15:30.123Z");

    @Test
    void jsonIsOneObjectPerLineWithTheMdcAsFields() {
        Map<String, String> mdc = new LinkedHashMap<>();
        mdc.put("request_id", "req-1");
        mdc.put("user_id", "u-7");
        LogEvent event = new LogEvent(AT, Level.INFO, "main", "dev.kadence.core.web.RequestLog",
            "GET /api/v1/tasks 200 5 ms", mdc, null);

        assertThat(LogFormat.JSON.line(event)).isEqualTo("{\"time\":\"2026-11-22T10:15:30.123Z\",\"level\":\"INFO\","
            + "\"thread\":\"main\",\"logger\":\"dev.kadence.core.web.RequestLog\",\"message\":\"GET /api/v1/tasks 200 5 ms\","
            + "\"request_id\":\"req-1\",\"user_id\":\"u-7\"}\n");
    }

    @Test
    void jsonEscapesQuotesLineBreaksAndAnythingNotAscii() {
        LogEvent event = new LogEvent(AT, Level.WARN, "t", "x", "said \"hi\"\\ \n\tnext é \u0001", Map.of(), null);

        assertThat(LogFormat.JSON.line(event))
            .contains("\"message\":\"said \\\"hi\\\"\\\\ \\n\\tnext \\u00e9 \\u0001\"")
            .endsWith("}\n")
            .doesNotContain("\n\t");
    }

    @Test
    void jsonCarriesTheStackTraceAsOneFieldAndKeepsItsOwnFieldsFromTheMdc() {
        LogEvent event = new LogEvent(AT, Level.ERROR, "t", "x", "failed", Map.of("message", "spoofed"),
            new IllegalStateException("boom"));

        String line = LogFormat.JSON.line(event);
        assertThat(line).contains("\"message\":\"failed\"").doesNotContain("spoofed")
            .contains("\"error\":\"java.lang.IllegalStateException: boom\\n\\tat ");
        assertThat(line.indexOf('\n')).isEqualTo(line.length() - 1);
    }

    @Test
    void textIsTheReadableLineThenTheStackTrace() {
        LogEvent event = new LogEvent(AT, Level.INFO, "main", "io.micronaut.context.env.DefaultEnvironment",
            "started", Map.of("request_id", "r"), new RuntimeException("bad"));
        String time = LocalTime.ofInstant(AT, ZoneId.systemDefault()).toString().substring(0, 12);

        assertThat(LogFormat.TEXT.line(event))
            .startsWith(time + " INFO  [main] i.m.context.env.DefaultEnvironment - started\njava.lang.RuntimeException: bad\n");
    }

    @Test
    void longLoggerNamesAreShortenedFromTheLeftAsLogbackDid() {
        assertThat(LogFormat.abbreviated("dev.kadence.core.web.RequestLog", 36)).isEqualTo("dev.kadence.core.web.RequestLog");
        assertThat(LogFormat.abbreviated("io.micronaut.context.env.DefaultEnvironment", 36))
            .isEqualTo("i.m.context.env.DefaultEnvironment");
        assertThat(LogFormat.abbreviated("org.apache.kafka.clients.producer.internals.TransactionManager", 36))
            .isEqualTo("o.a.k.c.p.i.TransactionManager");
    }

    @Test
    void theFormatIsJsonOnlyWhenAskedFor() {
        assertThat(LogFormat.named("json")).isEqualTo(LogFormat.JSON);
        assertThat(LogFormat.named(" JSON ")).isEqualTo(LogFormat.JSON);
        assertThat(LogFormat.named(null)).isEqualTo(LogFormat.TEXT);
        assertThat(LogFormat.named("text")).isEqualTo(LogFormat.TEXT);
    }
}
