package dev.kadence.local.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The knative/ chart, rendered with each values file, against the shared schemas and every check. */
class ChartManifestsTest {

    static final Set<String> FUNCTIONS = Set.of("task-crud", "recurrence-handler", "reminder-fire", "notify", "assistant");
    static final Set<String> TOPICS = Set.of("task-events", "task-updates", "reminders", "kadence-dead-letters");

    static Stream<Path> valuesFiles() throws IOException {
        try (Stream<Path> files = Files.list(Repository.chart())) {
            List<Path> values = files.filter(file -> file.getFileName().toString().matches("values(-.+)?\\.yaml"))
                    .sorted().toList();
            assertEquals(4, values.size(), "values.yaml and three environments: " + values);
            return values.stream();
        }
    }

    private static final Map<String, List<Manifest>> RENDERED = new ConcurrentHashMap<>();

    /** The chart rendered with one of its values files, hooks included (once per test JVM: the manifests are not changed). */
    static List<Manifest> render(String valuesFile) {
        return RENDERED.computeIfAbsent(valuesFile, file ->
                Manifest.parse(file, ChartWithHooks.render(Repository.chart(), Repository.chart().resolve(file))));
    }

    @ParameterizedTest
    @MethodSource("valuesFiles")
    void everyRenderedResourceKeepsEveryCheck(Path values) {
        List<Manifest> manifests = render(values.getFileName().toString());

        assertFalse(manifests.isEmpty());
        Findings.assertNone("the chart with " + values.getFileName(), ManifestValidator.shared().validate(manifests));
    }

    @ParameterizedTest
    @ValueSource(strings = {"values.yaml", "values-local.yaml", "values-minikube.yaml", "values-cloud.yaml"})
    void everyFunctionIsAKnativeServiceFedByItsKafkaSources(String values) {
        List<Manifest> manifests = render(values);

        Set<String> services = new java.util.HashSet<>(FUNCTIONS);
        services.add("webapp");          // the web app's server, the front door
        assertEquals(services, SinkCheck.names(manifests, "serving.knative.dev/v1", "Service"));
        assertEquals(Set.of("recurrence-handler-task-events", "reminder-fire-task-events", "notify-reminders",
                "notify-task-updates", "notify-task-events"),
                SinkCheck.names(manifests, "sources.knative.dev/v1", "KafkaSource"));
        assertEquals(Set.of("task-events", "task-updates", "reminders", "kadence-dead-letters"),
                SinkCheck.names(manifests, "eventing.knative.dev/v1alpha1", "KafkaSink"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"values.yaml", "values-local.yaml", "values-minikube.yaml", "values-cloud.yaml"})
    void theFunctionsPublishToOneKafkaSinkPerTopicAndNeverTalkToKafka(String values) {
        List<Manifest> manifests = render(values);

        for (String topic : List.of("task-events", "task-updates", "reminders")) {
            JsonNode spec = manifests.stream().filter(m -> m.is("eventing.knative.dev/v1alpha1", "KafkaSink"))
                    .filter(m -> m.name().equals(topic)).findFirst().orElseThrow().document().path("spec");
            assertEquals(topic, spec.path("topic").asText());
            assertEquals("binary", spec.path("contentMode").asText());
        }
        for (String function : FUNCTIONS) {
            Map<String, JsonNode> env = env(service(manifests, function));
            for (String topic : List.of("task-events", "task-updates", "reminders")) {
                String variable = "KADENCE_SINKS_" + topic.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
                assertEquals("http://kafka-sink-ingress.knative-eventing.svc.cluster.local/kadence/" + topic,
                        env.get(variable).path("value").asText(), function + " " + variable);
            }
            assertTrue(env.keySet().stream().noneMatch(name -> name.startsWith("KADENCE_KAFKA")), function + ": " + env.keySet());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"values-minikube.yaml", "values-cloud.yaml"})
    void everyTopicHasAKafkaTopicWithThreePartitions(String values) {
        Map<String, JsonNode> topics = render(values).stream()
                .filter(manifest -> manifest.is("kafka.strimzi.io/v1", "KafkaTopic"))
                .collect(Collectors.toMap(Manifest::name, Manifest::document));

        assertEquals(TOPICS, topics.keySet());
        topics.values().forEach(topic -> assertEquals(3, topic.path("spec").path("partitions").asInt()));
    }

    @Test
    void minikubeRunsKafkaAndPostgresqlInTheClusterAndTheOthersDoNot() {
        Set<String> inCluster = Set.of("Kafka", "KafkaNodePool", "StatefulSet");

        assertEquals(inCluster, kinds(render("values-minikube.yaml")).stream().filter(inCluster::contains)
                .collect(Collectors.toSet()));
        for (String values : List.of("values.yaml", "values-local.yaml", "values-cloud.yaml")) {
            assertTrue(kinds(render(values)).stream().noneMatch(inCluster::contains), values);
        }
    }

    @Test
    void theCloudReachesKafkaOverSaslAndTlsWithCredentialsFromSecrets() {
        List<Manifest> manifests = render("values-cloud.yaml");

        for (Manifest source : manifests.stream().filter(SinkCheck::isKafkaSource).toList()) {
            JsonNode net = source.document().path("spec").path("net");
            assertTrue(net.path("sasl").path("enable").asBoolean(), source.label());
            assertTrue(net.path("tls").path("enable").asBoolean(), source.label());
            assertEquals("kadence-kafka-auth", net.path("sasl").path("password").path("secretKeyRef").path("name").asText());
        }
        for (Manifest sink : manifests.stream().filter(m -> m.is("eventing.knative.dev/v1alpha1", "KafkaSink")).toList()) {
            assertEquals("kadence-kafka-auth", sink.document().path("spec").path("auth").path("secret").path("ref")
                    .path("name").asText(), sink.label());
        }
        Manifest taskCrud = service(manifests, "task-crud");
        assertEquals("kadence-db", env(taskCrud).get("KADENCE_DB_URL").path("valueFrom").path("secretKeyRef")
                .path("name").asText());
    }

    @Test
    void reminderFireStaysUpForDaprAndTheOthersScaleToZero() {
        List<Manifest> manifests = render("values-minikube.yaml");

        for (String function : FUNCTIONS) {
            JsonNode annotations = template(service(manifests, function)).path("metadata").path("annotations");
            boolean dapr = function.equals("reminder-fire");
            assertEquals(dapr ? "1" : "0", annotations.path("autoscaling.knative.dev/min-scale").asText(), function);
            assertEquals(dapr ? "true" : "", annotations.path("dapr.io/enabled").asText(""), function);
        }
        JsonNode reminderFire = template(service(manifests, "reminder-fire")).path("metadata").path("annotations");
        assertEquals("reminder-fire", reminderFire.path("dapr.io/app-id").asText());
        assertEquals("8080", reminderFire.path("dapr.io/app-port").asText());
        assertEquals("9095", reminderFire.path("dapr.io/metrics-port").asText());
    }

    @Test
    void eachFunctionRunsItsImageWithExplicitProbesAndSecretsByReference() {
        for (String function : FUNCTIONS) {
            Manifest service = service(render("values-minikube.yaml"), function);
            JsonNode container = template(service).path("spec").path("containers").get(0);

            assertEquals("dev.local/kadence-" + function + ":latest", container.path("image").asText());
            assertEquals("/health/liveness", container.path("livenessProbe").path("httpGet").path("path").asText());
            assertEquals("/health/readiness", container.path("readinessProbe").path("httpGet").path("path").asText());
            assertFalse(container.path("livenessProbe").path("httpGet").has("port"), "Knative probes its own port");
            assertEquals("kadence-postgres", env(service).get("KADENCE_DB_PASSWORD").path("valueFrom")
                    .path("secretKeyRef").path("name").asText());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"values-minikube.yaml", "values-cloud.yaml"})
    void prometheusFindsEveryFunctionsMetrics(String values) {
        for (String function : FUNCTIONS) {
            JsonNode annotations = template(service(render(values), function)).path("metadata").path("annotations");
            assertEquals("true", annotations.path("prometheus.io/scrape").asText(), function);
            assertEquals("8080", annotations.path("prometheus.io/port").asText(), function);
            assertEquals("/prometheus", annotations.path("prometheus.io/path").asText(), function);
        }
    }

    @Test
    void theFrontDoorReachesEachFunctionThatServesTheApiAndTheCloudKeepsThemInside() {
        Map<String, JsonNode> door = env(service(render("values-cloud.yaml"), "webapp"));
        Map<String, String> urls = Map.of("TASK_CRUD_URL", "task-crud", "NOTIFY_URL", "notify", "ASSISTANT_URL", "assistant");
        urls.forEach((variable, function) -> {
            assertEquals("http://" + function + ".kadence.svc.cluster.local", door.get(variable).path("value").asText(),
                    variable);
            assertEquals("cluster-local", service(render("values-cloud.yaml"), function).document().path("metadata")
                    .path("labels").path("networking.knative.dev/visibility").asText(), function);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"values.yaml", "values-minikube.yaml", "values-cloud.yaml"})
    void onlyThePlatformReachesTheEventFunctions(String values) {
        List<Manifest> manifests = render(values);

        for (String function : List.of("recurrence-handler", "reminder-fire", "notify")) {
            Manifest service = service(manifests, function);
            assertEquals("cluster-local", service.document().path("metadata").path("labels")
                    .path("networking.knative.dev/visibility").asText(), function);
            assertEquals("kadence-delivery-token", secretOf(env(service).get("KADENCE_DELIVERY_TOKEN")), function);
        }
        Manifest reminderFire = service(manifests, "reminder-fire");
        assertEquals("kadence-app-api-token", secretOf(env(reminderFire).get("APP_API_TOKEN")));
        assertEquals("kadence-app-api-token", template(reminderFire).path("metadata").path("annotations")
                .path("dapr.io/app-token-secret").asText(), "Dapr sends the token the function checks");
        String token = generatedToken(manifests, "kadence-delivery-token");
        for (Manifest source : manifests.stream().filter(SinkCheck::isKafkaSource).toList()) {
            assertEquals(token, source.document().path("spec").path("ceOverrides").path("extensions").path("kadencetoken")
                    .asText(), source.label() + " sends the delivery token of the functions' Secret");
        }
        generatedToken(manifests, "kadence-app-api-token");
    }

    /**
     * Rendered without a cluster (Helm's lookup finds no Secret, as at a first install), each token is new: 48 random
     * characters, different on every rendering, in no file of the chart. So no release shares a token with another.
     */
    @ParameterizedTest
    @ValueSource(strings = {"values.yaml", "values-minikube.yaml", "values-cloud.yaml"})
    void theTokensAreRandomPerReleaseNeverAValueOfTheChart(String values) throws IOException {
        Path file = Repository.chart().resolve(values);
        List<Manifest> first = Manifest.parse(values, Chart.render(Repository.chart(), file));
        List<Manifest> second = Manifest.parse(values, Chart.render(Repository.chart(), file));

        String chartText;
        try (Stream<Path> files = Files.walk(Repository.chart())) {
            chartText = files.filter(Files::isRegularFile).map(ChartManifestsTest::read).collect(Collectors.joining("\n"));
        }
        for (String secret : List.of("kadence-delivery-token", "kadence-app-api-token")) {
            String one = generatedToken(first, secret);
            String other = generatedToken(second, secret);
            assertTrue(one.matches("[A-Za-z0-9]{48}"), secret + ": 48 random characters, not " + one);
            assertFalse(one.equals(other), secret + ": a new token for each release, not a default");
            assertFalse(chartText.contains(one), secret + ": the token is in no file of the chart");
        }
        assertFalse(generatedToken(first, "kadence-delivery-token").equals(generatedToken(first, "kadence-app-api-token")),
                "two tokens, not one");
    }

    @ParameterizedTest
    @ValueSource(strings = {"values.yaml", "values-local.yaml", "values-minikube.yaml", "values-cloud.yaml"})
    void onlyTheFrontDoorIsPublicSoNoRouteReachesAFunctionsMetrics(String values) {
        List<Manifest> manifests = render(values);

        for (String function : FUNCTIONS) {
            assertEquals("cluster-local", service(manifests, function).document().path("metadata").path("labels")
                    .path("networking.knative.dev/visibility").asText(), function + " is reached through the front door only");
        }
        assertEquals("", service(manifests, "webapp").document().path("metadata").path("labels")
                .path("networking.knative.dev/visibility").asText(""), "the front door is the public route");
    }

    @ParameterizedTest
    @ValueSource(strings = {"values.yaml", "values-minikube.yaml", "values-cloud.yaml"})
    void taskCrudAndTheFrontDoorTrustLoopbackAndThePodNetworkForTheClientAddress(String values) {
        List<Manifest> manifests = render(values);

        for (String service : List.of("task-crud", "webapp")) {
            String proxies = env(service(manifests, service)).get("KADENCE_TRUSTED_PROXIES").path("value").asText();
            assertEquals("127.0.0.0/8,::1/128,10.244.0.0/16", proxies, service);
            for (String block : proxies.split(",")) {
                assertTrue(block.matches("[0-9a-f.:]+/\\d{1,3}"), service + ": a CIDR block, not " + block);
            }
        }
        for (String function : List.of("recurrence-handler", "reminder-fire", "notify", "assistant")) {
            assertFalse(env(service(manifests, function)).containsKey("KADENCE_TRUSTED_PROXIES"), function + " counts no addresses");
        }
    }

    @Test
    void theAssistantsLanguageModelIsOffByDefaultAndItsKeyComesFromASecret() throws IOException {
        for (String values : List.of("values.yaml", "values-minikube.yaml", "values-cloud.yaml")) {
            assertTrue(env(service(render(values), "assistant")).keySet().stream().noneMatch(name -> name.startsWith("KADENCE_LLM")),
                    values);
        }
        Path llm = Files.createTempFile("kadence-llm", ".yaml");
        try {
            Files.writeString(llm, """
                    llm:
                      url: http://ollama.ollama.svc.cluster.local:11434/v1
                      model: qwen2.5:7b
                      keySecret: {name: kadence-llm, key: api-key}
                    """);
            List<Manifest> manifests = Manifest.parse("llm", Chart.render(Repository.chart(), llm));
            Findings.assertNone("the chart with a language model", ManifestValidator.shared().validate(manifests));
            Map<String, JsonNode> env = env(service(manifests, "assistant"));

            assertEquals("http://ollama.ollama.svc.cluster.local:11434/v1", env.get("KADENCE_LLM_URL").path("value").asText());
            assertEquals("qwen2.5:7b", env.get("KADENCE_LLM_MODEL").path("value").asText());
            assertEquals("30", env.get("KADENCE_LLM_TURNS_PER_HOUR").path("value").asText());
            assertEquals("kadence-llm", secretOf(env.get("KADENCE_LLM_KEY")));
            assertEquals("api-key", env.get("KADENCE_LLM_KEY").path("valueFrom").path("secretKeyRef").path("key").asText());
            assertFalse(env.get("KADENCE_LLM_KEY").has("value"), "the key only by reference");
            for (String function : List.of("task-crud", "recurrence-handler", "reminder-fire", "notify")) {
                assertFalse(env(service(manifests, function)).containsKey("KADENCE_LLM_URL"), function);
            }
        } finally {
            Files.delete(llm);
        }
    }

    /** The token of one of the chart's generated Secrets, decoded. */
    private static String generatedToken(List<Manifest> manifests, String name) {
        Manifest secret = manifests.stream().filter(m -> m.is("v1", "Secret") && m.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("the chart makes the Secret " + name + " when there is none"));
        assertTrue(LiteralSecretCheck.isGeneratedToken(secret), name + " is marked as generated, with the key token only");
        return new String(java.util.Base64.getDecoder().decode(secret.document().path("data").path("token").asText()),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"values.yaml", "values-minikube.yaml", "values-cloud.yaml"})
    void everyFunctionListensInItsPodAndOnlyTheKnativeDataPlaneAndPrometheusMayConnect(String values) {
        List<Manifest> manifests = render(values);
        Map<String, JsonNode> policies = manifests.stream()
                .filter(manifest -> manifest.is("networking.k8s.io/v1", "NetworkPolicy"))
                .collect(Collectors.toMap(Manifest::name, Manifest::document));

        assertEquals(FUNCTIONS, policies.keySet());
        for (String function : FUNCTIONS) {
            assertEquals("0.0.0.0", env(service(manifests, function)).get("KADENCE_BIND_HOST").path("value").asText(), function);
            JsonNode spec = policies.get(function).path("spec");
            assertEquals(function, spec.path("podSelector").path("matchLabels").path("serving.knative.dev/service").asText());
            assertEquals("[\"Ingress\"]", spec.path("policyTypes").toString());
            Set<String> from = new java.util.HashSet<>();
            for (JsonNode rule : spec.path("ingress")) {
                for (JsonNode peer : rule.path("from")) {
                    assertEquals(Set.of("namespaceSelector"), fieldNames(peer), function + ": namespaces only, never all pods");
                    from.add(peer.path("namespaceSelector").path("matchLabels").path("kubernetes.io/metadata.name").asText());
                }
            }
            assertEquals(Set.of("knative-serving", "kourier-system", "monitoring"), from, function);
        }
    }

    /**
     * The migrations run once per deploy, as a hook Job that must succeed before an install or upgrade goes on: the
     * entry point from task-crud's image with the functions' database settings, contained as a function is. A
     * pre-install hook runs before the chart's resources exist, so it reads no Secret the chart makes; where the
     * database is the chart's own (Minikube) the first install can only migrate after it.
     */
    @ParameterizedTest
    @ValueSource(strings = {"values.yaml", "values-minikube.yaml", "values-cloud.yaml"})
    void theMigrationsRunOnceAsAHookJobBeforeTheFunctions(String values) {
        List<Manifest> manifests = render(values);
        List<Manifest> jobs = manifests.stream().filter(m -> m.is("batch/v1", "Job")).toList();
        assertEquals(List.of("kadence-migrate"), jobs.stream().map(Manifest::name).toList());
        JsonNode job = jobs.getFirst().document();
        JsonNode annotations = job.path("metadata").path("annotations");
        boolean ownDatabase = values.equals("values-minikube.yaml");

        assertEquals(ownDatabase ? "post-install,pre-upgrade" : "pre-install,pre-upgrade",
                annotations.path("helm.sh/hook").asText());
        assertEquals("before-hook-creation,hook-succeeded", annotations.path("helm.sh/hook-delete-policy").asText());
        assertTrue(annotations.has("helm.sh/hook-weight"));
        assertTrue(job.path("spec").path("backoffLimit").asInt() > 0);
        JsonNode pod = job.path("spec").path("template").path("spec");
        assertEquals("Never", pod.path("restartPolicy").asText());
        JsonNode container = pod.path("containers").get(0);
        JsonNode function = template(service(manifests, "task-crud")).path("spec").path("containers").get(0);

        assertEquals(function.path("image").asText(), container.path("image").asText());
        List<String> command = Stream.iterate(0, i -> i < container.path("command").size(), i -> i + 1)
                .map(i -> container.path("command").get(i).asText()).toList();
        assertEquals("dev.kadence.core.db.Migrate", command.getLast());
        assertTrue(command.contains("/app/task-crud.jar"), command.toString());
        assertTrue(Files.isRegularFile(Repository.root().resolve("core/src/main/java/dev/kadence/core/db/Migrate.java")));
        Map<String, JsonNode> env = Stream.iterate(0, i -> i < container.path("env").size(), i -> i + 1)
                .map(container.path("env")::get)
                .collect(Collectors.toMap(variable -> variable.path("name").asText(), Function.identity()));
        assertEquals(Set.of("KADENCE_LOG_FORMAT", "KADENCE_DB_URL", "KADENCE_DB_USER", "KADENCE_DB_PASSWORD"), env.keySet());
        env.forEach((name, variable) -> assertEquals(env(service(manifests, "task-crud")).get(name), variable, name));
        Set<String> chartSecrets = manifests.stream().filter(m -> m.is("v1", "Secret")).map(Manifest::name)
                .collect(Collectors.toSet());
        env.values().stream().map(v -> v.path("valueFrom").path("secretKeyRef").path("name").asText())
                .forEach(secret -> assertFalse(chartSecrets.contains(secret), secret + " would not exist yet"));
        assertEquals(function.path("securityContext"), container.path("securityContext"));
        assertFalse(container.path("resources").path("limits").path("memory").isMissingNode());
        assertFalse(container.path("resources").path("limits").path("cpu").isMissingNode());
    }

    private static String secretOf(JsonNode variable) {
        assertTrue(variable != null, "the variable is set");
        return variable.path("valueFrom").path("secretKeyRef").path("name").asText();
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new java.util.HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> kinds(List<Manifest> manifests) {
        return manifests.stream().map(Manifest::kind).collect(Collectors.toSet());
    }

    private static Manifest service(List<Manifest> manifests, String name) {
        return manifests.stream().filter(m -> m.is("serving.knative.dev/v1", "Service") && m.name().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no Knative Service " + name));
    }

    private static JsonNode template(Manifest service) {
        return service.document().path("spec").path("template");
    }

    private static Map<String, JsonNode> env(Manifest service) {
        JsonNode env = template(service).path("spec").path("containers").get(0).path("env");
        return Stream.iterate(0, i -> i < env.size(), i -> i + 1).map(env::get)
                .collect(Collectors.toMap(variable -> variable.path("name").asText(), Function.identity()));
    }
}
