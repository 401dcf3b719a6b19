package dev.kadence.local;

import java.time.Duration;
import java.util.List;

/**
 * The schema migrations, applied once before the functions start, as the chart's hook Job applies them before an
 * install or upgrade: the one entry point, {@code dev.kadence.core.db.Migrate}, run from a function's jar with the
 * functions' database variables. No function runs them itself. Its output is in {@code logs/migrate.log}.
 */
final class Migrations {

    static final String ENTRY_POINT = "dev.kadence.core.db.Migrate";
    private static final String NAME = "migrate";
    private static final String SAYS = NAME + ": ";
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    /** A JVM that runs for a second: no C2, no parallel GC threads. */
    private static final List<String> JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private Migrations() {
    }

    /** Runs them with that function's jar and environment; what they did, as the entry point says it. */
    static String apply(FunctionSpec function, DataDirectory data) {
        ChildProcess process = ChildProcess.start(NAME,
                JavaCommand.mainClass(function.jar().toString(), JVM_OPTIONS, ENTRY_POINT), function.env(),
                data.log(NAME), data.pidFile(NAME), data.root());
        try {
            if (!process.waitFor(TIMEOUT)) {
                throw new StartupFailure("the migrations took over " + TIMEOUT.toMinutes() + " minutes; see " + process.log());
            }
        } catch (InterruptedException e) {
            throw StartupFailure.interrupted();
        } finally {
            process.stop(Duration.ofSeconds(5));
        }
        String output = process.tail(40);
        if (process.exitCode() != 0) {
            throw new StartupFailure("the migrations failed (" + process.exit() + "); the end of " + process.log()
                    + ":" + System.lineSeparator() + output);
        }
        // its closing line, as logged: "12:00:00.000 INFO  [main] dev.kadence.core.db.Migrate - migrate: <url>: <what>"
        List<String> said = output.lines().filter(line -> line.contains(SAYS)).toList();
        return said.isEmpty() ? "applied" : said.getLast().substring(said.getLast().indexOf(SAYS) + SAYS.length());
    }
}
