package dev.kadence.local;

import dev.kadence.local.dapr.LocalDapr;
import dev.kadence.local.knative.Activator;
import dev.kadence.local.knative.KafkaSourceDelivery;
import dev.kadence.local.manifest.DaprComponents;
import dev.kadence.local.manifest.KafkaSinks;
import dev.kadence.local.manifest.KafkaSources;
import dev.kadence.testkit.KafkaSinkIngress;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the cluster gives the functions, stood in for on a laptop from the real manifests: the KafkaSources and
 * KafkaSinks of the knative/ chart (rendered with values-local.yaml), Dapr (a Jobs API per app, the cron bindings of
 * dapr/), and the front door (frontend/server/server.mjs, the cluster's own, run by node). Started around the
 * functions and stopped before them.
 */
final class ClusterServices {
    static final String NAMESPACE = "kadence";
    static final String DAPR_DATABASE = "dapr";
    private static final Duration FRONT_DOOR_READY = Duration.ofSeconds(20);
    private static final Duration FRONT_DOOR_STOP = Duration.ofSeconds(5);
    /** How long the KafkaSink stand-in waits for the broker's acknowledgement: within the relay's 10 s request timeout. */
    private static final Duration SINK_ACK = Duration.ofSeconds(5);

    private final Settings settings;
    private final Progress progress;
    private final String node;
    private final Activator activator;
    private final List<KafkaSources.Subscription> subscriptions;
    private final List<KafkaSinks.Sink> sinks;
    private final List<DaprComponents.CronBinding> cronBindings;
    private final List<KafkaSourceDelivery> deliveries = new ArrayList<>();
    private LocalDapr dapr;
    private KafkaSinkIngress sinkIngress;
    private ChildProcess frontDoor;

    /** @param node the Node.js that runs the front door ({@link NodeCommand#require}) */
    ClusterServices(Settings settings, Progress progress, String node, Activator activator) {
        this.settings = settings;
        this.activator = activator;
        this.progress = progress;
        this.node = node;
        String chart = progress.step("manifests", "read knative/ (values-local.yaml) and dapr/",
            () -> RenderedChart.render(settings));
        this.subscriptions = KafkaSources.fromRendered(chart);
        this.sinks = KafkaSinks.fromRendered(chart);
        this.cronBindings = DaprComponents.fromDirectory(settings.daprDirectory());
    }

    /** The topics the sources read and their dead-letter topics, for the broker to have before anything runs. */
    List<String> topics() {
        List<String> topics = new ArrayList<>();
        for (KafkaSources.Subscription s : subscriptions) {
            s.topics().stream().filter(t -> !topics.contains(t)).forEach(topics::add);
            if (s.deadLetterTopic() != null && !topics.contains(s.deadLetterTopic())) {
                topics.add(s.deadLetterTopic());
            }
        }
        return topics;
    }

    /**
     * Before the functions start, once the broker runs: the KafkaSinks they publish to, each at
     * {@code /<namespace>/<name>} on KADENCE_SINK_PORT as at Knative's ingress. Each of the topics the functions
     * publish to must have a sink of its name (that is where {@link Settings#sinkUrl} points them).
     */
    void startSinks(List<String> published) {
        List<String> missing = published.stream()
            .filter(topic -> sinks.stream().noneMatch(s -> s.name().equals(topic) && s.topic().equals(topic))).toList();
        if (!missing.isEmpty()) {
            throw new StartupFailure("knative/ has no KafkaSink named after the topic for " + missing + ": the functions publish there");
        }
        progress.step("sinks", "KafkaSinks " + sinks.stream().map(KafkaSinks.Sink::name).toList() + " on "
            + settings.sinkUrl(""), () -> {
            sinkIngress = KafkaSinkIngress.start(new InetSocketAddress("127.0.0.1", settings.sinkPort()),
                settings.kafkaBootstrap(),
                sinks.stream().collect(Collectors.toMap(s -> "/" + NAMESPACE + "/" + s.name(), KafkaSinks.Sink::topic)),
                SINK_ACK);
        });
    }

    /** Before the functions start: their Dapr endpoints must answer from their first second. */
    void startDapr(List<FunctionSpec> functions) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        functions.forEach(f -> ports.put(f.name(), f.daprPort()));
        progress.step("dapr", "Jobs API for each app on ports " + ports.values(), () -> {
            Map<String, String> appTokens = new LinkedHashMap<>();
            functions.forEach(f -> appTokens.put(f.name(), f.env().getOrDefault(KadenceFunctions.APP_API_TOKEN, "")));
            dapr = new LocalDapr(settings.jdbcUrl(DAPR_DATABASE), Settings.DATABASE_USER, Settings.DATABASE_PASSWORD,
                addresses(functions), ports, activator, appTokens);
        });
    }

    /** Once the functions are up: deliver events, fire jobs and cron ticks, open the front door. */
    void startAround(List<FunctionSpec> functions) {
        Map<String, URI> apps = addresses(functions);
        for (KafkaSources.Subscription s : subscriptions) {
            URI sink = apps.get(s.sinkService());
            if (sink == null) {
                throw new StartupFailure("KafkaSource " + s.name() + " delivers to " + s.sinkService() + ", which is not a function");
            }
            // The chart's KafkaSources add the delivery token of their sink as the extension kadencetoken (ceOverrides).
            KafkaSourceDelivery delivery = new KafkaSourceDelivery(s, settings.kafkaBootstrap(), sink, NAMESPACE, activator,
                Map.of("kadencetoken", env(functions, s.sinkService(), KadenceFunctions.DELIVERY_TOKEN)));
            deliveries.add(delivery.start());
        }
        for (int i = 0; i < subscriptions.size(); i++) {
            KafkaSources.Subscription s = subscriptions.get(i);
            awaitAssignment(deliveries.get(i), s);
            progress.line("source", s.name() + ": " + String.join(",", s.topics()) + " → " + deliveries.get(i).sink()
                + " (retry " + s.retry() + ", dead letters to " + s.deadLetterTopic() + ")");
        }
        for (String cron : dapr.start(cronBindings, apps)) {
            progress.line("cron", cron);
        }
        long begun = System.nanoTime();
        try {
            awaitFrontDoor(startFrontDoor(functions));
        } catch (RuntimeException e) {
            progress.failed(FrontDoorProcess.NAME, begun);
            throw e;
        }
        progress.line(FrontDoorProcess.NAME, "http://localhost:" + settings.apiPort()
            + " (/api/v1 → task-crud, /api/v1/notifications, /api/v1/channels → notify, /api/v1/quick-add, /api/v1/assistant, /mcp → assistant)");
    }

    /** A variable of one function's environment: what its platform must send it. */
    private static String env(List<FunctionSpec> functions, String function, String variable) {
        return functions.stream().filter(f -> f.name().equals(function)).findFirst()
            .map(f -> f.env().getOrDefault(variable, "")).orElse("");
    }

    /** The front door's process, once started. */
    synchronized Optional<ChildProcess> frontDoor() {
        return Optional.ofNullable(frontDoor);
    }

    /** Starts the front door (again, after it died): stop() then stops this one. */
    synchronized ChildProcess startFrontDoor(List<FunctionSpec> functions) {
        frontDoor = FrontDoorProcess.start(node, settings, addresses(functions));
        return frontDoor;
    }

    void awaitFrontDoor(ChildProcess process) {
        HealthCheck.await(process, FrontDoorProcess.healthUrl(settings), FRONT_DOOR_READY);
    }

    private static void awaitAssignment(KafkaSourceDelivery delivery, KafkaSources.Subscription s) {
        try {
            if (!delivery.awaitAssignment(Duration.ofSeconds(30))) {
                throw new StartupFailure("KafkaSource " + s.name() + " got no partitions of " + s.topics() + " within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupFailure("startup was interrupted");
        }
    }

    void stop() {
        ChildProcess frontDoor;
        synchronized (this) {
            frontDoor = this.frontDoor;
        }
        if (frontDoor != null) {
            frontDoor.stop(FRONT_DOOR_STOP);
        }
        deliveries.forEach(KafkaSourceDelivery::close);
        if (sinkIngress != null) {
            sinkIngress.close();
        }
        if (dapr != null) {
            dapr.close();
        }
    }

    private static Map<String, URI> addresses(List<FunctionSpec> functions) {
        Map<String, URI> apps = new LinkedHashMap<>();
        functions.forEach(f -> apps.put(f.name(), URI.create("http://127.0.0.1:" + f.port())));
        return apps;
    }

    static Path daprDirectory(Path repositoryRoot) {
        return repositoryRoot.resolve("dapr");
    }
}
