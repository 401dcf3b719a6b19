package dev.kadence.local;

import dev.kadence.local.knative.Activator;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts PostgreSQL (and applies the schema migrations), Kafka, the KafkaSinks and the functions, in that order, and stops them in
 * the reverse order. Whatever was
 * started is stopped, also when startup fails half-way or is interrupted by Ctrl-C. Once running, a function, the
 * broker, PostgreSQL or the front door that dies is started again ({@link Supervisor}); what an earlier run killed
 * hard left running is stopped first ({@link Leftovers}).
 */
final class LocalPlatform {

    static final List<String> TOPICS = List.of("task-events", "task-updates", "reminders");
    private static final Duration KAFKA_READY = Duration.ofSeconds(60);
    private static final Duration FUNCTION_READY = Duration.ofSeconds(60);
    private static final Duration FUNCTION_STOP = Duration.ofSeconds(10);
    /** A function that records its AOT cache writes it as it stops: its JVM starts another that assembles it. */
    private static final Duration RECORDING_STOP = Duration.ofSeconds(90);
    private static final Duration KAFKA_STOP = Duration.ofSeconds(20);

    private final Settings settings;
    private final Progress progress;
    private final FunctionJvm jvm;
    private final Activator activator = new Activator();
    private final Supervisor supervisor;
    private PostgresServer postgres;
    private ClusterServices cluster;
    private KafkaBroker kafka;
    private final List<ChildProcess> functions = new ArrayList<>();
    private final Map<String, FunctionSpec> recording = new HashMap<>();
    private Thread starting;
    private boolean stopping;

    LocalPlatform(Settings settings, Progress progress, FunctionJvm jvm) {
        this.settings = settings;
        this.progress = progress;
        this.jvm = jvm;
        this.supervisor = new Supervisor(progress, activator);
    }

    void start(List<FunctionSpec> specs) {
        synchronized (this) {
            starting = Thread.currentThread();
        }
        try {
            String node = NodeCommand.require(settings.repositoryRoot());
            reclaimLeftovers();
            new PortsInUse(settings, specs).requireAllFree();
            ClusterServices cluster = started(new ClusterServices(settings, progress, node, activator));
            progress.step(PostgresServer.NAME, "ready on 127.0.0.1:" + settings.postgresPort(), () -> {
                PostgresServer server = started(PostgresServer.start(settings.data(), settings.postgresPort()));
                server.createDatabaseIfMissing(Settings.DATABASE);
                server.createDatabaseIfMissing(ClusterServices.DAPR_DATABASE);
            });
            migrate(specs);
            progress.step("kafka", "ready on " + settings.kafkaBootstrap(), () ->
                    started(KafkaBroker.start(settings)).awaitReady(KAFKA_READY));
            createTopics(cluster.topics());
            cluster.startSinks(TOPICS);
            cluster.startDapr(specs);
            startFunctions(specs);
            cluster.startAround(specs);
            supervise(specs);
            trainAotCaches(specs);
        } finally {
            synchronized (this) {
                starting = null;
                notifyAll();
            }
        }
    }

    private void reclaimLeftovers() {
        long begun = System.nanoTime();
        List<String> stopped = Leftovers.reclaim(settings.data());
        if (!stopped.isEmpty()) {
            progress.done("leftovers", "stopped what a killed run left running: " + String.join(", ", stopped), begun);
        }
    }

    /** The schema, once, before any function starts (in a cluster: the chart's hook Job, before an install or upgrade). */
    private void migrate(List<FunctionSpec> specs) {
        long begun = System.nanoTime();
        try {
            progress.done("migrations", Migrations.apply(specs.getFirst(), settings.data()), begun);
        } catch (RuntimeException e) {
            progress.failed("migrations", begun);
            throw e;
        }
    }

    /**
     * From here on, a part that dies is started again. While PostgreSQL restarts, the calls meant for every function
     * are held: none can serve without it (their readiness checks it), and an event refused meanwhile would use up
     * its retries in seconds.
     */
    private void supervise(List<FunctionSpec> specs) {
        synchronized (this) {
            functions.forEach(function -> supervisor.watch(functionPart(spec(specs, function.name())), function));
            supervisor.watch(new Supervisor.Part<>("kafka", List.of(),
                    () -> started(KafkaBroker.start(settings)).process(),
                    broker -> kafka().awaitReady(KAFKA_READY)), kafka.process());
            supervisor.watch(new Supervisor.Part<>(PostgresServer.NAME, specs.stream().map(LocalPlatform::address).toList(),
                    () -> started(postgres().startAgain()), server -> { }), postgres);
        }
        cluster.frontDoor().ifPresent(frontDoor -> supervisor.watch(new Supervisor.Part<>(FrontDoorProcess.NAME,
                List.of(URI.create("http://127.0.0.1:" + settings.apiPort())),
                () -> startedFrontDoor(specs), cluster::awaitFrontDoor), frontDoor));
    }

    private Supervisor.Part<ChildProcess> functionPart(FunctionSpec spec) {
        return new Supervisor.Part<>(spec.name(), List.of(address(spec)),
                () -> relaunch(spec), function -> HealthCheck.await(function, spec.healthUrl(), FUNCTION_READY));
    }

    private static URI address(FunctionSpec spec) {
        return URI.create("http://127.0.0.1:" + spec.port());
    }

    private static FunctionSpec spec(List<FunctionSpec> specs, String name) {
        return specs.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    /** A new process for a function whose process died; stop() then stops the new one. */
    private ChildProcess relaunch(FunctionSpec spec) {
        synchronized (this) {
            functions.removeIf(function -> function.name().equals(spec.name()) && !function.isAlive());
        }
        return started(launch(spec));
    }

    private synchronized ChildProcess startedFrontDoor(List<FunctionSpec> specs) {
        return unlessStopping(cluster.startFrontDoor(specs));
    }

    private synchronized PostgresServer postgres() {
        return postgres;
    }

    private synchronized KafkaBroker kafka() {
        return kafka;
    }

    private void createTopics(List<String> fromManifests) {
        long begun = System.nanoTime();
        List<String> topics = new ArrayList<>(TOPICS);
        fromManifests.stream().filter(t -> !topics.contains(t)).forEach(topics::add);
        try (KafkaAdmin admin = new KafkaAdmin(settings.kafkaBootstrap())) {
            List<String> created = admin.createMissing(topics, 3);
            progress.done("topics", created.isEmpty() ? "present: " + String.join(", ", topics)
                    : "created: " + String.join(", ", created), begun);
        } catch (RuntimeException e) {
            progress.failed("topics", begun);
            throw e;
        }
    }

    private void startFunctions(List<FunctionSpec> specs) {
        long launched = System.nanoTime();
        List<ChildProcess> processes = specs.stream().map(spec -> started(launch(spec))).toList();
        for (int i = 0; i < specs.size(); i++) {
            FunctionSpec spec = specs.get(i);
            try {
                HealthCheck.await(processes.get(i), spec.healthUrl(), FUNCTION_READY);
            } catch (RuntimeException e) {
                progress.failed(spec.name(), launched);
                throw e;
            }
            progress.done(spec.name(), "ready on " + spec.address(), launched);
        }
    }

    private ChildProcess launch(FunctionSpec spec) {
        List<String> options = jvm.options(spec);
        if (options.stream().anyMatch(option -> option.startsWith("-XX:AOTCache="))) {
            progress.line(spec.name(), "starting with its AOT cache " + jvm.cache(spec));
        }
        boolean records = options.stream().anyMatch(option -> option.startsWith("-XX:AOTCacheOutput="));
        if (records) {
            progress.line(spec.name(), "recording its AOT cache: written when it stops, used from its next start");
        }
        ChildProcess process = spec.launch(settings.data(), options);
        synchronized (this) {
            if (records) {
                recording.put(spec.name(), spec);
            } else {
                recording.remove(spec.name());
            }
        }
        return process;
    }

    /**
     * KADENCE_AOT=train: makes each missing or stale AOT cache with functions/aot-cache.sh against the running
     * platform, then restarts that function with it. A training that fails is reported; the function keeps running
     * without a cache.
     */
    private void trainAotCaches(List<FunctionSpec> specs) {
        String taskCrud = specs.stream().filter(s -> s.name().equals("task-crud")).findFirst()
                .map(FunctionSpec::address).orElse("");
        for (FunctionSpec spec : specs) {
            if (!jvm.needsTraining(spec)) {
                continue;
            }
            long begun = System.nanoTime();
            Path log = settings.data().logs().resolve("aot-" + spec.name() + ".log");
            progress.line(spec.name(), "training its AOT cache (functions/aot-cache.sh; log " + log + ")");
            try {
                jvm.train(spec, Map.of("KADENCE_TASK_CRUD_URL", taskCrud), log);
            } catch (StartupFailure e) {
                if (isStopping()) {
                    throw e;        // Ctrl-C: no further training, no restart
                }
                progress.failed(spec.name(), begun);
                progress.line(spec.name(), e.getMessage() + " — it runs without a cache");
                continue;
            }
            progress.done(spec.name(), "AOT cache trained: " + jvm.cache(spec), begun);
            stopFunction(spec.name());
            startFunction(spec);
        }
    }

    /** Keeps what was just started so that stop() finds it; if a stop began meanwhile, startup ends here. */
    private synchronized ClusterServices started(ClusterServices services) {
        cluster = services;
        return unlessStopping(services);
    }

    private synchronized PostgresServer started(PostgresServer server) {
        postgres = server;
        return unlessStopping(server);
    }

    private synchronized KafkaBroker started(KafkaBroker broker) {
        kafka = broker;
        return unlessStopping(broker);
    }

    private synchronized ChildProcess started(ChildProcess function) {
        functions.add(function);
        return unlessStopping(function);
    }

    private <T> T unlessStopping(T component) {
        if (stopping) {
            throw new StartupFailure("startup was interrupted");
        }
        return component;
    }

    /**
     * The front door, deliveries and Dapr first, then the functions, Kafka, PostgreSQL. Safe to call more than
     * once and from a shutdown hook.
     */
    void stop() {
        synchronized (this) {
            if (stopping) {
                return;
            }
            stopping = true;
            notifyAll();
            while (starting != null) {
                starting.interrupt();
                try {
                    wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        supervisor.close();
        if (cluster != null) {
            stopStep("platform", cluster::stop);
        }
        stopFunctions();
        if (kafka != null) {
            stopStep("kafka", () -> kafka.stop(KAFKA_STOP));
        }
        if (postgres != null) {
            stopStep("postgres", postgres::stop);
            progress.message("Kadence stopped.");
        }
        Leftovers.released(settings.data());
    }

    /** A part that fails to stop is reported, and the next part is still stopped. */
    private void stopStep(String name, Runnable stop) {
        try {
            progress.step(name, "stopped", stop);
        } catch (RuntimeException e) {
            progress.line(name, "did not stop cleanly: " + e.getMessage());
        }
    }

    private void stopFunctions() {
        long begun = System.nanoTime();
        functions.forEach(ChildProcess::requestStop);
        for (ChildProcess function : functions) {
            awaitStop(function, begun);
        }
    }

    /** A function asked to stop: stopped within its grace, and the AOT cache it recorded, if it did, kept. */
    private void awaitStop(ChildProcess function, long begun) {
        FunctionSpec recorded;
        synchronized (this) {
            recorded = recording.remove(function.name());
        }
        boolean inTime = function.awaitStop(begun + (recorded == null ? FUNCTION_STOP : RECORDING_STOP).toNanos());
        progress.done(function.name(), "stopped" + (recorded == null ? "" : adopted(recorded, inTime)), begun);
    }

    /** What became of a recording: a cache written by a JVM that was killed while it wrote may be cut short. */
    private String adopted(FunctionSpec recorded, boolean inTime) {
        if (!inTime) {
            jvm.discardRecording(recorded);
            return "; killed while it wrote its AOT cache, none kept";
        }
        try {
            return jvm.adoptRecording(recorded).map(path -> "; its AOT cache recorded: " + path)
                    .orElse("; no AOT cache was recorded");
        } catch (StartupFailure e) {
            return "; " + e.getMessage();       // a stop goes on: the broker and PostgreSQL are still to stop
        }
    }

    /**
     * Stops one function while everything else keeps running, as a crash or a rollout would: its KafkaSources, cron
     * bindings and Dapr jobs go on calling it and fail meanwhile. {@link #startFunction} brings it back.
     */
    void stopFunction(String name) {
        ChildProcess function;
        synchronized (this) {
            function = functions.stream().filter(f -> f.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no running function " + name));
            functions.remove(function);
            supervisor.release(name);
        }
        long begun = System.nanoTime();
        function.requestStop();
        awaitStop(function, begun);
    }

    void startFunction(FunctionSpec spec) {
        long launched = System.nanoTime();
        ChildProcess function = started(launch(spec));
        HealthCheck.await(function, spec.healthUrl(), FUNCTION_READY);
        progress.done(spec.name(), "ready on " + spec.address(), launched);
        supervisor.watch(functionPart(spec), function);
    }

    synchronized boolean isStopping() {
        return stopping;
    }

    /** Blocks until the platform is stopped (Ctrl-C, SIGTERM): a part that dies meanwhile is restarted, not fatal. */
    synchronized void awaitStop() throws InterruptedException {
        while (!stopping) {
            wait();
        }
    }
}
