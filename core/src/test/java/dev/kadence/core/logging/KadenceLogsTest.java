package dev.kadence.core.logging;

import io.micronaut.logging.LogLevel;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.event.Level;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

class KadenceLogsTest {
    private final Logger log = LoggerFactory.getLogger(KadenceLogsTest.class);

    @Test
    void slf4jWritesThroughKadenceLogs() {
        assertThat(LoggerFactory.getILoggerFactory()).isInstanceOf(KadenceLogs.class);
        assertThat(MDC.getMDCAdapter()).isInstanceOf(ThreadMdc.class);
    }

    @Test
    void anEventHasItsFormattedMessageItsMdcAndTheTrailingThrowable() throws Exception {
        List<LogEvent> seen = new CopyOnWriteArrayList<>();
        PrintStream stdout = System.out;
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        System.setOut(new PrintStream(written, true, StandardCharsets.UTF_8));
        MDC.put("request_id", "req-9");
        try (AutoCloseable listening = KadenceLogs.listen(seen::add)) {
            log.warn("task {} failed after {} tries", "t-1", 3, new IllegalStateException("boom"));
            log.debug("not at INFO");
        } finally {
            MDC.clear();
            System.setOut(stdout);
        }

        assertThat(seen).hasSize(1);
        LogEvent e = seen.getFirst();
        assertThat(e.level()).isEqualTo(Level.WARN);
        assertThat(e.message()).isEqualTo("task t-1 failed after 3 tries");
        assertThat(e.mdc()).containsEntry("request_id", "req-9");
        assertThat(e.error()).hasMessage("boom");
        assertThat(e.thread()).isEqualTo(Thread.currentThread().getName());
        String out = written.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("WARN  [" + e.thread() + "] d.k.core.logging.KadenceLogsTest - task t-1 failed after 3 tries\n")
            .contains("java.lang.IllegalStateException: boom");
    }

    @Test
    void theMdcIsPerThreadAndACopyDoesNotChangeWithIt() throws Exception {
        MDC.put("a", "1");
        try {
            var copy = MDC.getCopyOfContextMap();
            MDC.put("b", "2");
            assertThat(copy).containsOnlyKeys("a");
            try (var pool = Executors.newSingleThreadExecutor()) {
                assertThat(pool.submit(MDC::getCopyOfContextMap).get()).isNull();
            }
            MDC.setContextMap(copy);
            assertThat(MDC.get("b")).isNull();
            MDC.remove("a");
            assertThat(MDC.getCopyOfContextMap()).isNull();
        } finally {
            MDC.clear();
        }
    }

    @Test
    void aScopeAddsFieldsForWhatIsLoggedInsideAndPutsBackWhatWasThere() throws Exception {
        List<LogEvent> seen = new CopyOnWriteArrayList<>();
        MDC.put("request_id", "outer");
        try (AutoCloseable listening = KadenceLogs.listen(seen::add)) {
            try (MdcScope scope = MdcScope.with(Map.of("ce_id", "e-1", "request_id", "inner"))) {
                log.info("inside");
            }
            log.info("after");
        } finally {
            MDC.clear();
        }
        assertThat(seen.get(0).mdc()).containsEntry("ce_id", "e-1").containsEntry("request_id", "inner");
        assertThat(seen.get(1).mdc()).containsOnlyKeys("request_id").containsEntry("request_id", "outer");
        try (MdcScope scope = MdcScope.with(Map.of("a", "1"))) {
            assertThat(MDC.get("a")).isEqualTo("1");
        }
        assertThat(MDC.getCopyOfContextMap()).isNull();
    }

    @Test
    void micronautsLoggerLevelsApplyToExistingLoggersAndTheNamesBelow() {
        KadenceLoggingSystem system = new KadenceLoggingSystem();
        Logger child = LoggerFactory.getLogger("dev.kadence.core.logging.somewhere.Deep");
        assertThat(log.isDebugEnabled()).isFalse();
        try {
            system.setLogLevel("dev.kadence.core.logging", LogLevel.DEBUG);
            assertThat(log.isDebugEnabled()).isTrue();
            assertThat(child.isDebugEnabled()).isTrue();
            assertThat(LoggerFactory.getLogger("dev.kadence.core.logging.Later").isDebugEnabled()).isTrue();
            assertThat(LoggerFactory.getLogger("dev.kadence.core.web.RequestLog").isDebugEnabled()).isFalse();
            system.setLogLevel(child.getName(), LogLevel.OFF);
            assertThat(child.isErrorEnabled()).isFalse();
        } finally {
            system.setLogLevel(child.getName(), LogLevel.NOT_SPECIFIED);
            system.setLogLevel("dev.kadence.core.logging", LogLevel.NOT_SPECIFIED);
        }
        assertThat(log.isDebugEnabled()).isFalse();
        assertThat(child.isInfoEnabled()).isTrue();
    }

    @Test
    void levelsGoByTheLongestNameThatCoversTheLoggerAndSayWhatTheyCouldNotRead() {
        Levels levels = new Levels();
        List<String> complaints = new ArrayList<>();
        levels.apply("dev.kadence=DEBUG, org.apache.kafka=info,nonsense,x=LOUD,root=warn", complaints::add);

        assertThat(levels.thresholdOf("dev.kadence.core.web.RequestLog")).isEqualTo(Level.DEBUG.toInt());
        assertThat(levels.thresholdOf("dev.kadenceX")).isEqualTo(Level.WARN.toInt());
        assertThat(levels.thresholdOf("org.apache.kafka.clients.NetworkClient")).isEqualTo(Level.INFO.toInt());
        assertThat(levels.thresholdOf("com.zaxxer.hikari.HikariDataSource")).isEqualTo(Level.WARN.toInt());
        assertThat(complaints).hasSize(2).allSatisfy(c -> assertThat(c).startsWith("ignored log level"));
        assertThat(new Levels().thresholdOf("org.apache.kafka.clients.NetworkClient")).isEqualTo(Level.WARN.toInt());
        assertThat(new Levels().thresholdOf("io.netty.Anything")).isEqualTo(Level.INFO.toInt());
    }
}
