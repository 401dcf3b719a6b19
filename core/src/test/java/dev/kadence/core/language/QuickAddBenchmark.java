package dev.kadence.core.language;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code QuickAdd.read} over the phrases in turn (one call per phrase, so the sampled distribution is the mix's),
 * with a pinned now. Not a test: run it as docs/benchmarks.md says. Budget: p99 ≤ 2 ms.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class QuickAddBenchmark {
    private static final List<String> PHRASES = List.of(
        "Pay rent every month on the 1st p1 #home",
        "Standup every weekday at 9:30 @work",
        "Water plants every 3 days at 8am",
        "Review budget every last Friday at 4pm",
        "Call mom tomorrow at 6pm remind me 30 minutes before",
        "Gym every Mon, Wed and Fri at 7am #health",
        "Clean gutters every! 2 weeks",
        "standup every Monday at 9 AM",
        "submit my weekly report every Friday at 2 PM",
        "dentist appointment tomorrow at 9 AM",
        "Team Standup daily at 9 AM with a reminder 15 minutes before",
        "Submit report due at 5 PM with a 1 hour reminder",
        "Paprika shopping",
        "The 9/11 Report");
    private static final ReadingContext CONTEXT = new ReadingContext(ZoneId.of("Europe/Berlin"),
        ReadingContext.DateOrder.DAY_MONTH, Instant.parse("2026-12-09T09:00:00Z"));

    private int next;

    @Benchmark
    public QuickAdd.Reading readTheMix() {
        String text = PHRASES.get(next);
        next = (next + 1) % PHRASES.size();
        return QuickAdd.read(text, CONTEXT);
    }
}
