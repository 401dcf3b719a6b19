package dev.kadence.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * The chaos suite of #16: a workload of creates (each with a reminder a few seconds ahead) and completions of
 * recurring tasks (daily and hourly series, each completion making the next instance) runs from a few clients through
 * the front door, while parts of the platform are killed with {@code kill -9} in turn — each waited for until it
 * answers again — and then the whole platform (the launcher and every part at once, as a power cut would) is killed,
 * left down for a while and started again. Then it checks what the platform promises:
 * <ul>
 *   <li>every acknowledged (2xx) create is stored, every acknowledged completion too;</li>
 *   <li>every completed instance of a series has exactly one next instance (none missing, none twice);</li>
 *   <li>every reminder that fell due was notified exactly once — one notification, one {@code notification} event
 *       on the user's stream (read by a client that keeps its stream open for the whole run and reconnects with
 *       {@code last_event_id}, as the web app does) — within the grace period, also when it fell due during the
 *       outage; none is missed;</li>
 *   <li>the outbox is empty, nothing was dead-lettered, and the platform is healthy, with no help.</li>
 * </ul>
 * The platform runs as {@code java -jar local/target/kadence-local.jar} does: a launcher JVM of its own
 * ({@link KadenceLocal}), so that it can be killed whole. {@link ChaosTest} runs a short variant in {@code mvn verify};
 * {@link ChaosBenchmark} the full one.
 */
final class Chaos {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(2)).executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    private static final Duration REQUEST = Duration.ofSeconds(10);
    private static final Duration START = Duration.ofSeconds(240);
    private static final Duration BACK = Duration.ofSeconds(180);
    /** reminder-fire's KADENCE_REMINDER_GRACE_PERIOD, left at its default on the platform under test. */
    static final Duration GRACE = Duration.ofMinutes(15);
    static final List<String> FUNCTIONS = List.of("task-crud", "recurrence-handler", "reminder-fire", "notify", "assistant");
    static final String KAFKA = "kafka";
    static final String POSTGRES = "postgres";
    static final String PLATFORM = "whole platform";

    /**
     * @param kills        the parts killed in turn: function names, {@link #KAFKA}, {@link #POSTGRES}
     * @param clients      client threads, each a user of its own
     * @param pace         each client's pause between two requests
     * @param settle       how long the workload runs before the first kill and after each part is back
     * @param outage       how long the whole platform stays down before it is started again
     * @param afterRestart how long the workload runs after the platform is back
     * @param converge     how long the checks wait for the events still under way to arrive
     */
    record Config(List<String> kills, int clients, Duration pace, Duration settle, Duration outage, Duration afterRestart,
                  Duration converge) {
    }

    /**
     * One kill: when, how long until the part answered again, how long until a client's request to it succeeded (null
     * for a part no client calls: recurrence-handler, reminder-fire, the broker), and the clients' requests meanwhile.
     */
    record Kill(String part, Instant at, Duration back, Duration clientOutage, long requests, long errors) {
    }

    /** What the checks found; {@link #problems} empty when the platform kept every promise. */
    record Result(List<Kill> kills, long requests, long errors, int creates, int completions, int successors,
                  int reminders, int remindersInOutage, Duration latestInOutage, Duration latestOtherwise,
                  List<String> problems, String report) {
    }

    /** One client request: which function it was for, when, and its status (0: no answer). */
    private record Call(String function, long startNanos, long endNanos, int status) {
        boolean ok() {
            return status / 100 == 2;
        }
    }

    private final Path work;
    private final Config config;
    private final Settings settings;
    private final Map<String, String> env;
    private final Path repository;
    private final ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
    private final Set<String> acknowledgedCreates = ConcurrentHashMap.newKeySet();
    private final Set<String> acknowledgedCompletions = ConcurrentHashMap.newKeySet();
    private final AtomicReference<Instant> latestReminder = new AtomicReference<>(Instant.EPOCH);
    private final List<Client> clients = new ArrayList<>();
    private final List<Kill> kills = new ArrayList<>();
    private final StringBuilder log = new StringBuilder();
    private final long t0 = System.nanoTime();
    private Process launcher;
    private int starts;
    private volatile boolean running = true;

    Chaos(Path work, Config config) {
        this.work = work;
        this.config = config;
        this.repository = FunctionJars.repositoryRoot(Path.of("").toAbsolutePath(), "the tests");
        this.settings = PlatformTestSupport.settings(work.resolve("data"), repository.resolve("dapr"));
        this.env = Map.of(
            "KADENCE_DATA", settings.data().root().toString(),
            "KADENCE_PG_PORT", Integer.toString(settings.postgresPort()),
            "KADENCE_KAFKA_PORT", Integer.toString(settings.kafkaPort()),
            "KADENCE_KAFKA_CONTROLLER_PORT", Integer.toString(settings.kafkaControllerPort()),
            "KADENCE_SINK_PORT", Integer.toString(settings.sinkPort()),
            "KADENCE_PORT", Integer.toString(settings.apiPort()),
            "KADENCE_FUNCTION_PORT_BASE", Integer.toString(settings.functionPortBase()),
            "KADENCE_DAPR_PORT_BASE", Integer.toString(settings.daprPortBase()),
            "KADENCE_AOT", "off");
    }

    /** Runs the whole scenario, stops the platform, and says what it found. */
    Result run() throws Exception {
        Files.createDirectories(work);
        try {
            startLauncher();
            for (int c = 0; c < config.clients(); c++) {
                clients.add(new Client(c));
            }
            clients.forEach(Client::start);
            note("workload: " + config.clients() + " clients, a request every " + config.pace().toMillis() + " ms each");
            pause(config.settle());
            for (String part : config.kills()) {
                kills.add(killAndAwait(part));
                pause(config.settle());
            }
            kills.add(killWholePlatform());
            pause(config.afterRestart());
            running = false;
            clients.forEach(Client::join);
            // The last reminders come due after the workload stopped; the checks start once all have, so that they
            // see a platform with nothing left to do but the events still under way.
            Instant lastDue = latestReminder.get().plusSeconds(3);
            pause(Duration.ofMillis(Math.max(0, Duration.between(Instant.now(), lastDue).toMillis())));
            note("workload stopped, its last reminder due; waiting up to " + config.converge().toSeconds() + " s for the events under way");
            return check();
        } finally {
            running = false;
            clients.forEach(Client::close);
            stopLauncher();
        }
    }

    // --- the platform ------------------------------------------------------------------------------------------------

    private void startLauncher() throws IOException {
        starts++;
        Path out = work.resolve("launcher-" + starts + ".out");
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-cp", classpath, KadenceLocal.class.getName())
            .directory(repository.toFile()).redirectErrorStream(true).redirectOutput(out.toFile());
        builder.environment().putAll(env);
        long begun = System.nanoTime();
        launcher = builder.start();
        awaitCondition("Kadence is running (" + out + ")", START, () -> {
            String text = read(out);
            if (!launcher.isAlive()) {
                throw new AssertionError("the launcher exited with " + launcher.exitValue() + ":\n" + text);
            }
            return text.contains("Kadence is running");
        });
        note("platform started (start " + starts + ", " + seconds(Duration.ofNanos(System.nanoTime() - begun)) + " s)");
    }

    private void stopLauncher() {
        if (launcher != null && launcher.isAlive()) {
            launcher.destroy();     // SIGTERM, as Ctrl-C: everything stops in order
            try {
                if (!launcher.waitFor(90, TimeUnit.SECONDS)) {
                    launcher.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** kill -9 of one part, then waits until it answers again and until a client's request succeeds. */
    private Kill killAndAwait(String part) {
        ProcessHandle victim = process(part).orElseThrow(() -> new AssertionError(part + " does not run"));
        Instant at = Instant.now();
        long killed = System.nanoTime();
        victim.destroyForcibly();
        victim.onExit().join();
        note("killed " + part + " (pid " + victim.pid() + ")");
        awaitCondition(part + " answers again", BACK, () -> process(part).filter(p -> p.pid() != victim.pid()).isPresent()
            && answers(part));
        Duration back = Duration.ofNanos(System.nanoTime() - killed);
        note(part + " answers again after " + seconds(back) + " s");
        Duration clientOutage = null;
        Optional<String> called = calledThrough(part);
        if (called.isPresent()) {
            awaitCondition("a client's request succeeds after " + part + " was killed", BACK,
                () -> firstOkAfter(killed, called.get()).isPresent());
            clientOutage = Duration.ofNanos(firstOkAfter(killed, called.get()).orElseThrow() - killed);
        }
        return countCalls(part, at, killed, back, clientOutage);
    }

    /** kill -9 of the launcher and of every part at once, down for the configured time, then started again. */
    private Kill killWholePlatform() throws IOException {
        List<ProcessHandle> all = new ArrayList<>();
        all.add(launcher.toHandle());
        all.addAll(parts());
        Instant at = Instant.now();
        long killed = System.nanoTime();
        all.forEach(ProcessHandle::destroyForcibly);
        all.forEach(p -> p.onExit().join());
        note("killed the whole platform: the launcher and " + (all.size() - 1) + " parts " + all.stream().map(p -> Long.toString(p.pid())).toList());
        outageStarted = at;
        pause(config.outage());
        startLauncher();
        Duration back = Duration.ofNanos(System.nanoTime() - killed);
        awaitCondition("a client's request succeeds after the restart", BACK, () -> firstOkAfter(killed, "task-crud").isPresent());
        Duration clientOutage = Duration.ofNanos(firstOkAfter(killed, "task-crud").orElseThrow() - killed);
        outageEnded = Instant.now();
        return countCalls(PLATFORM, at, killed, back, clientOutage);
    }

    private volatile Instant outageStarted;
    private volatile Instant outageEnded;

    /** The part's process, by the data directory's pid files (PostgreSQL's own postmaster.pid). */
    private Optional<ProcessHandle> process(String part) {
        Path pidFile = part.equals(POSTGRES) ? settings.data().postgres().resolve("postmaster.pid") : settings.data().pidFile(part);
        return PidFile.runningProcess(pidFile);
    }

    /** Every part that runs: PostgreSQL's postmaster and whatever the pid files name, bar the launcher's. */
    private List<ProcessHandle> parts() throws IOException {
        List<ProcessHandle> parts = new ArrayList<>();
        process(POSTGRES).ifPresent(parts::add);
        try (Stream<Path> files = Files.list(settings.data().pids())) {
            files.filter(f -> !f.getFileName().toString().equals(Leftovers.LAUNCHER + ".pid"))
                .map(PidFile::runningProcess).flatMap(Optional::stream).forEach(parts::add);
        }
        return parts;
    }

    /** Whether the part serves: a function's readiness, the broker's cluster, a query through PostgreSQL. */
    private boolean answers(String part) {
        return switch (part) {
            case KAFKA -> {
                try (KafkaAdmin admin = new KafkaAdmin(settings.kafkaBootstrap())) {
                    yield admin.clusterAnswers();
                }
            }
            case POSTGRES -> {
                try (Connection c = database()) {
                    yield c.isValid(2);
                } catch (SQLException e) {
                    yield false;
                }
            }
            default -> status(get("http://127.0.0.1:" + port(part) + "/health/readiness", null)) == 200;
        };
    }

    private int port(String function) {
        return settings.functionPortBase() + FUNCTIONS.indexOf(function);
    }

    /** The function whose clients' requests show the part's outage: its own, or task-crud's for PostgreSQL. */
    private static Optional<String> calledThrough(String part) {
        return switch (part) {
            case "task-crud", "notify", "assistant" -> Optional.of(part);
            case POSTGRES -> Optional.of("task-crud");
            default -> Optional.empty();     // no client calls it: its outage delays events, which the checks wait for
        };
    }

    /** When the first request to {@code function} that began at or after {@code nanos} succeeded. */
    private Optional<Long> firstOkAfter(long nanos, String function) {
        return calls.stream().filter(c -> c.startNanos() >= nanos && c.ok() && c.function().equals(function))
            .map(Call::endNanos).min(Long::compare);
    }

    private Kill countCalls(String part, Instant at, long from, Duration back, Duration clientOutage) {
        long until = System.nanoTime();
        List<Call> during = calls.stream().filter(c -> c.startNanos() >= from && c.startNanos() < until).toList();
        long errors = during.stream().filter(c -> !c.ok()).count();
        return new Kill(part, at, back, clientOutage, during.size(), errors);
    }

    // --- the workload ------------------------------------------------------------------------------------------------

    /**
     * One user: every other request creates a task with a reminder 3–6 s ahead (every other of those is first read from a
 * line by quick add, the assistant's); the others complete the open instance
     * of one of its series, look up the next instance of a series it completed, or start a new series (daily or
     * hourly, first due hours ahead, so that no occurrence passes during the run). It also keeps its notification
     * stream open and counts what arrives there.
     */
    private final class Client {
        private final int index;
        private final String token;
        private final String userId;
        private final List<String> open = new ArrayList<>();
        private final Map<String, String> awaiting = new LinkedHashMap<>();      // series → the instance it completed
        private final Set<String> known = new HashSet<>();
        private final Map<String, Integer> streamed = new ConcurrentHashMap<>();   // reminder → notification events
        private final Thread thread;
        private final Thread stream;
        private volatile String lastEventId;
        private volatile InputStream body;
        private int n;

        Client(int index) {
            this.index = index;
            HttpResponse<String> signup = send("POST", "/auth/signup", null,
                "{\"email\":\"chaos" + index + "-" + UUID.randomUUID() + "@example.com\",\"password\":\"correct horse battery\",\"timezone\":\"Europe/Berlin\"}");
            if (signup == null || signup.statusCode() != 201) {
                throw new AssertionError("sign-up failed: " + (signup == null ? "no answer" : signup.statusCode() + " " + signup.body()));
            }
            token = tree(signup.body()).get("token").asText();
            userId = tree(send("GET", "/me", token, null).body()).get("id").asText();
            thread = Thread.ofPlatform().name("chaos-client-" + index).unstarted(this::work);
            stream = Thread.ofVirtual().name("chaos-stream-" + index).unstarted(this::listen);
        }

        void start() {
            stream.start();
            thread.start();
        }

        void join() {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void close() {
            stream.interrupt();
            closeBody();
        }

        private void work() {
            while (running) {
                boolean ok = n++ % 2 == 0 ? createWithReminder() : recurring();
                sleep(ok ? config.pace() : config.pace().multipliedBy(2));
            }
        }

        private boolean createWithReminder() {
            if (n % 4 == 1) {       // every other create is read from a line first, as the web app's quick add does
                HttpResponse<String> read = call("POST", "/quick-add/parse", "{\"text\":\"chaos quick add " + n + " p2 #chaos\"}");
                if (read == null || read.statusCode() != 200) {
                    return false;
                }
            }
            Instant at = Instant.now().plusMillis(ThreadLocalRandom.current().nextLong(3_000, 6_000)).truncatedTo(ChronoUnit.MILLIS);
            latestReminder.accumulateAndGet(at, (a, b) -> a.isAfter(b) ? a : b);
            HttpResponse<String> created = call("POST", "/tasks", "{\"title\":\"chaos " + index + "-" + n
                + "\",\"reminders\":[{\"at\":\"" + at + "\"}]}");
            if (created != null && created.statusCode() == 201) {
                acknowledgedCreates.add(tree(created.body()).get("id").asText());
                return true;
            }
            return false;
        }

        private boolean recurring() {
            if (!open.isEmpty()) {
                String task = open.getFirst();
                HttpResponse<String> done = call("POST", "/tasks/" + task + "/complete", null);
                if (done == null || done.statusCode() != 200) {
                    return false;       // it may or may not have been completed: tried again later; checked at the end
                }
                open.removeFirst();
                acknowledgedCompletions.add(task);
                awaiting.put(tree(done.body()).path("recurrence").path("series_id").asText(), task);
                return true;
            }
            if (!awaiting.isEmpty() && (awaiting.size() >= 3 || n % 3 != 0)) {
                String series = awaiting.keySet().iterator().next();
                HttpResponse<String> history = call("GET", "/series/" + series + "/history?limit=5", null);
                if (history == null || history.statusCode() != 200) {
                    return false;
                }
                awaiting.remove(series);
                Optional<String> next = createdIn(tree(history.body()));
                if (next.isPresent()) {
                    open.add(next.get());
                } else {
                    awaiting.put(series, "");     // not there yet: asked again after the others
                }
                return true;
            }
            boolean daily = n % 4 == 1;
            Instant due = daily ? Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS).plus(9, ChronoUnit.HOURS)
                : Instant.now().plus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.HOURS);
            HttpResponse<String> created = call("POST", "/tasks", "{\"title\":\"chaos series " + index + "-" + n
                + "\",\"due_at\":\"" + due + "\",\"recurrence\":{\"rule\":\"FREQ=" + (daily ? "DAILY" : "HOURLY") + "\"}}");
            if (created == null || created.statusCode() != 201) {
                return false;
            }
            String id = tree(created.body()).get("id").asText();
            acknowledgedCreates.add(id);
            known.add(id);
            open.add(id);
            return true;
        }

        /** The newest instance the series' history shows created that this client has not seen yet. */
        private Optional<String> createdIn(JsonNode history) {
            for (JsonNode entry : history.get("items")) {
                String task = entry.path("task_id").asText();
                if (entry.path("kind").asText().equals("created") && known.add(task)) {
                    return Optional.of(task);
                }
            }
            return Optional.empty();
        }

        private HttpResponse<String> call(String method, String path, String json) {
            long begun = System.nanoTime();
            HttpResponse<String> response = send(method, path, token, json);
            String function = path.startsWith("/quick-add") ? "assistant" : path.startsWith("/notifications") ? "notify" : "task-crud";
            calls.add(new Call(function, begun, System.nanoTime(), response == null ? 0 : response.statusCode()));
            return response;
        }

        /** The user's stream, open for the whole run: reconnected after any end with the last event id it saw. */
        private void listen() {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    HttpResponse<String> ticket = call("POST", "/notifications/stream-tickets", null);
                    if (ticket != null && ticket.statusCode() == 201) {
                        String url = api("/notifications/stream?ticket=" + URLEncoder.encode(tree(ticket.body()).get("ticket").asText(),
                            StandardCharsets.UTF_8) + (lastEventId == null ? "" : "&last_event_id=" + lastEventId));
                        HttpResponse<InputStream> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                            .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
                        body = response.body();
                        if (response.statusCode() == 200) {
                            read(response.body());
                        }
                        closeBody();
                    }
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                } catch (IOException | RuntimeException e) {
                    try {
                        Thread.sleep(500);
                    } catch (InterruptedException stop) {
                        return;
                    }
                }
            }
        }

        private void read(InputStream in) throws IOException {
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String id = null;
            String name = null;
            StringBuilder data = null;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isEmpty()) {
                    if (data != null && "notification".equals(name)) {
                        JsonNode notification = tree(data.toString());
                        if (!notification.path("read").asBoolean()) {
                            streamed.merge(notification.get("reminder_id").asText(), 1, Integer::sum);
                        }
                    }
                    if (id != null) {
                        lastEventId = id;
                    }
                    id = null;
                    name = null;
                    data = null;
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    String part = line.startsWith("data: ") ? line.substring(6) : line.substring(5);
                    data = data == null ? new StringBuilder(part) : data.append('\n').append(part);
                }
            }
        }

        private void closeBody() {
            InputStream in = body;
            if (in != null) {
                try {
                    in.close();
                } catch (IOException ignored) {
                    // the connection is gone already
                }
            }
        }
    }

    // --- the checks --------------------------------------------------------------------------------------------------

    private Result check() throws Exception {
        List<String> users = clients.stream().map(c -> c.userId).toList();
        List<String> problems = new ArrayList<>();
        Instant checkedAt = Instant.now();
        // Everything that fell due before the workload stopped must settle: events still under way are waited for.
        BooleanSupplier settled = () -> {
            try {
                return missingSuccessors(users).isEmpty() && undelivered(users, checkedAt).isEmpty() && outbox() == 0
                    && unstreamed(users, checkedAt).isEmpty();
            } catch (SQLException e) {
                return false;
            }
        };
        long deadline = System.nanoTime() + config.converge().toNanos();
        while (!settled.getAsBoolean() && System.nanoTime() < deadline) {
            sleep(Duration.ofMillis(500));
        }
        note("checks after " + seconds(Duration.between(checkedAt, Instant.now())) + " s of waiting");

        Set<String> stored = ids("select id::text from tasks where id = any(?::uuid[])", acknowledgedCreates);
        Set<String> lost = new HashSet<>(acknowledgedCreates);
        lost.removeAll(stored);
        if (!lost.isEmpty()) {
            problems.add(lost.size() + " acknowledged creates are not stored: " + sample(lost));
        }
        Set<String> done = ids("select id::text from tasks where id = any(?::uuid[]) and status = 'done'", acknowledgedCompletions);
        Set<String> undone = new HashSet<>(acknowledgedCompletions);
        undone.removeAll(done);
        if (!undone.isEmpty()) {
            problems.add(undone.size() + " acknowledged completions are not stored: " + sample(undone));
        }
        Map<String, Long> successors = successors(users);
        List<String> missing = successors.entrySet().stream().filter(e -> e.getValue() == 0).map(Map.Entry::getKey).toList();
        List<String> twice = successors.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
        if (!missing.isEmpty()) {
            problems.add(missing.size() + " completed instances have no next instance: " + sample(missing));
        }
        if (!twice.isEmpty()) {
            problems.add(twice.size() + " completed instances have more than one next instance: " + sample(twice));
        }

        List<Reminder> reminders = reminders(users, checkedAt);
        Map<String, Integer> streamed = new HashMap<>();
        clients.forEach(c -> c.streamed.forEach((reminder, count) -> streamed.merge(reminder, count, Integer::sum)));
        List<String> wrong = new ArrayList<>();
        List<Duration> inOutage = new ArrayList<>();
        List<Duration> otherwise = new ArrayList<>();
        for (Reminder r : reminders) {
            int onStream = streamed.getOrDefault(r.id(), 0);
            if (!r.status().equals("delivered") || r.notifications() != 1 || r.streamEvents() != 1 || onStream != 1) {
                wrong.add(r.id() + " (" + r.status() + ", " + r.notifications() + " notifications, " + r.streamEvents()
                    + " stream events stored, " + onStream + " received)");
                continue;
            }
            Duration late = Duration.between(r.fireAt(), r.notifiedAt());
            if (late.compareTo(GRACE) > 0) {
                wrong.add(r.id() + " (notified " + seconds(late) + " s after its time, beyond the grace period)");
            }
            boolean fellDueInOutage = outageStarted != null && !r.fireAt().isBefore(outageStarted) && r.fireAt().isBefore(outageEnded);
            (fellDueInOutage ? inOutage : otherwise).add(late);
        }
        if (!wrong.isEmpty()) {
            problems.add(wrong.size() + " of " + reminders.size() + " due reminders were not notified exactly once: " + sample(wrong));
        }
        if (inOutage.isEmpty() && config.outage().compareTo(Duration.ZERO) > 0 && wrong.isEmpty()) {
            problems.add("no reminder fell due during the whole platform's outage: the run did not test that");
        }
        long outbox = outbox();
        if (outbox != 0) {
            problems.add(outbox + " rows are left in the outbox");
        }
        long deadLetters = deadLetters();
        if (deadLetters != 0) {
            problems.add(deadLetters + " events were dead-lettered");
        }
        List<String> unhealthy = unhealthy();
        if (!unhealthy.isEmpty()) {
            problems.add("not healthy at the end: " + unhealthy);
        }

        long requests = calls.size();
        long errors = calls.stream().filter(c -> !c.ok()).count();
        Duration latestInOutage = inOutage.stream().max(Duration::compareTo).orElse(Duration.ZERO);
        Duration latestOtherwise = otherwise.stream().max(Duration::compareTo).orElse(Duration.ZERO);
        String report = report(requests, errors, successors.size(), reminders.size(), inOutage, otherwise, problems);
        return new Result(List.copyOf(kills), requests, errors, acknowledgedCreates.size(), acknowledgedCompletions.size(),
            successors.size(), reminders.size(), inOutage.size(), latestInOutage, latestOtherwise, problems, report);
    }

    private record Reminder(String id, Instant fireAt, String status, long notifications, Instant notifiedAt, long streamEvents) {
    }

    /** The chaos users' reminders that fell due a while before {@code by}, with their notifications and stream events. */
    private List<Reminder> reminders(List<String> users, Instant by) throws SQLException {
        List<Reminder> reminders = new ArrayList<>();
        try (Connection c = database(); PreparedStatement ps = c.prepareStatement("""
                select r.id::text, r.fire_at, r.status,
                       (select count(*) from notifications n where n.reminder_id = r.id) as notifications,
                       (select min(n.created_at) from notifications n where n.reminder_id = r.id) as notified_at,
                       (select count(*) from stream_events e where e.user_id = r.user_id and e.kind = 'notification'
                           and e.data like '%"reminder_id":"' || r.id || '"%' and e.data like '%"read":false%') as stream_events
                from reminders r where r.user_id = any(?::uuid[]) and r.fire_at <= ? order by r.fire_at""")) {
            ps.setArray(1, c.createArrayOf("text", users.toArray()));
            ps.setObject(2, java.sql.Timestamp.from(by.minusSeconds(2)));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    java.sql.Timestamp notified = rs.getTimestamp("notified_at");
                    reminders.add(new Reminder(rs.getString(1), rs.getTimestamp("fire_at").toInstant(), rs.getString("status"),
                        rs.getLong("notifications"), notified == null ? null : notified.toInstant(), rs.getLong("stream_events")));
                }
            }
        }
        return reminders;
    }

    private List<String> undelivered(List<String> users, Instant by) throws SQLException {
        return reminders(users, by).stream().filter(r -> !r.status().equals("delivered")).map(Reminder::id).toList();
    }

    private List<String> unstreamed(List<String> users, Instant by) throws SQLException {
        Map<String, Integer> streamed = new HashMap<>();
        clients.forEach(c -> c.streamed.forEach((reminder, count) -> streamed.merge(reminder, count, Integer::sum)));
        return reminders(users, by).stream().filter(r -> !streamed.containsKey(r.id())).map(Reminder::id).toList();
    }

    private List<String> missingSuccessors(List<String> users) throws SQLException {
        return successors(users).entrySet().stream().filter(e -> e.getValue() == 0).map(Map.Entry::getKey).toList();
    }

    /** Each completed series instance of the chaos users, with how many next instances (instance + 1) its series has. */
    private Map<String, Long> successors(List<String> users) throws SQLException {
        Map<String, Long> next = new HashMap<>();
        try (Connection c = database(); PreparedStatement ps = c.prepareStatement("""
                select t.id::text, (select count(*) from tasks s where s.series_id = t.series_id
                                                           and s.series_instance = t.series_instance + 1)
                from tasks t where t.user_id = any(?::uuid[]) and t.series_id is not null and t.status = 'done'""")) {
            ps.setArray(1, c.createArrayOf("text", users.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    next.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return next;
    }

    private Set<String> ids(String sql, Collection<String> ids) throws SQLException {
        Set<String> found = new HashSet<>();
        try (Connection c = database(); PreparedStatement ps = c.prepareStatement(sql)) {
            Array array = c.createArrayOf("text", ids.toArray());
            ps.setArray(1, array);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
        }
        return found;
    }

    private long outbox() throws SQLException {
        try (Connection c = database(); PreparedStatement ps = c.prepareStatement("select count(*) from outbox");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Connection database() throws SQLException {
        return DriverManager.getConnection(settings.jdbcUrl(Settings.DATABASE), Settings.DATABASE_USER, Settings.DATABASE_PASSWORD);
    }

    /** The records on the dead-letter topic. */
    private long deadLetters() {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", settings.kafkaBootstrap()),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor("kadence-dead-letters").stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
            return consumer.endOffsets(partitions).entrySet().stream().mapToLong(e -> e.getValue() - begin.get(e.getKey())).sum();
        }
    }

    /** What does not answer at the end: the launcher, a function's readiness, the front door. */
    private List<String> unhealthy() {
        List<String> down = new ArrayList<>();
        if (launcher == null || !launcher.isAlive()) {
            down.add("the launcher");
        }
        FUNCTIONS.stream().filter(f -> !answers(f)).forEach(down::add);
        if (status(get("http://127.0.0.1:" + settings.apiPort() + "/healthz", null)) != 200) {
            down.add("the front door");
        }
        return down;
    }

    // --- the report --------------------------------------------------------------------------------------------------

    private String report(long requests, long errors, int completed, int reminders, List<Duration> inOutage,
                          List<Duration> otherwise, List<String> problems) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%n%-20s %10s %14s %10s %10s%n", "killed", "back s", "client out s", "requests", "errors"));
        for (Kill k : kills) {
            out.append(String.format(Locale.ROOT, "%-20s %10s %14s %10d %10d%n", k.part(), seconds(k.back()),
                k.clientOutage() == null ? "-" : seconds(k.clientOutage()), k.requests(), k.errors()));
        }
        out.append(String.format(Locale.ROOT, "%ntotal: %d requests, %d errors; %d creates and %d completions acknowledged; "
                + "%d completed instances checked for their next one; %d due reminders checked, %d of them fell due while the "
                + "platform was down (notified at most %s s after their time; the others at most %s s)%n",
            requests, errors, acknowledgedCreates.size(), acknowledgedCompletions.size(), completed, reminders, inOutage.size(),
            seconds(inOutage.stream().max(Duration::compareTo).orElse(Duration.ZERO)),
            seconds(otherwise.stream().max(Duration::compareTo).orElse(Duration.ZERO))));
        out.append(problems.isEmpty() ? "no acknowledged write lost, no successor missing or twice, every reminder notified "
            + "once, outbox empty, nothing dead-lettered, healthy\n" : "PROBLEMS:\n  " + String.join("\n  ", problems) + "\n");
        out.append("\ntimeline:\n").append(log);
        return out.toString();
    }

    private void note(String line) {
        String stamped = String.format(Locale.ROOT, "%7.1f s  %s", (System.nanoTime() - t0) / 1e9, line);
        synchronized (log) {
            log.append(stamped).append('\n');
        }
        System.out.println("chaos " + stamped);
    }

    // --- helpers -----------------------------------------------------------------------------------------------------

    private String api(String path) {
        return "http://127.0.0.1:" + settings.apiPort() + "/api/v1" + path;
    }

    /** A request through the front door; null when no answer came (refused, reset, timed out). */
    private HttpResponse<String> send(String method, String path, String token, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api(path))).timeout(REQUEST)
            .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static HttpResponse<String> get(String url, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static int status(HttpResponse<String> response) {
        return response == null ? 0 : response.statusCode();
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void awaitCondition(String what, Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": not within " + limit.toSeconds() + " s");
            }
            sleep(Duration.ofMillis(100));
        }
    }

    private void pause(Duration length) {
        sleep(length);
    }

    private static void sleep(Duration length) {
        try {
            Thread.sleep(length);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "";
        }
    }

    static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f", d.toMillis() / 1000.0);
    }

    private static String sample(Collection<String> items) {
        List<String> list = new ArrayList<>(items);
        return list.size() <= 10 ? list.toString() : list.subList(0, 10) + " …";
    }
}
