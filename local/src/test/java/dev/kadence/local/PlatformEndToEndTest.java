package dev.kadence.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kadence.local.knative.Activator;
import dev.kadence.local.knative.KafkaSourceDelivery;
import dev.kadence.local.manifest.KafkaSources;
import dev.kadence.testkit.RecordingServer;
import dev.kadence.testkit.RecordingServer.Answer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.kadence.local.PlatformTestSupport.count;
import static dev.kadence.local.PlatformTestSupport.field;
import static dev.kadence.local.PlatformTestSupport.http;
import static dev.kadence.local.PlatformTestSupport.logLines;
import static dev.kadence.testkit.Waits.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole local platform — embedded PostgreSQL, a real Kafka broker, the five functions as processes, the
 * KafkaSources of the knative/ chart, the Dapr stand-in and the front door — exercised as a user and as the
 * cluster would. The cron binding runs every 2 s here (a copy of dapr/ with a faster schedule).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformEndToEndTest extends PlatformPerClass {
    private static final ObjectMapper JSON = new ObjectMapper();
    private Settings settings;
    private String token;

    @BeforeAll
    void signUp() {
        settings = platform.settings;
        token = platform.signup("e2e@example.com", "UTC");
    }

    private String frontDoor(String path) {
        return platform.frontDoor(path);
    }

    private FunctionSpec function(String name) {
        return platform.function(name);
    }

    @Test
    @Order(1)
    void aTaskCreatedAtTheFrontDoorReachesRecurrenceHandlerAndReminderFire() {
        HttpResponse<String> created = http("POST", frontDoor("/api/v1/tasks"), token, "{\"title\":\"Water the plants\"}");
        assertEquals(201, created.statusCode(), created.body());
        String taskId = field(created.body(), "id");
        long answered = System.nanoTime();
        for (String consumer : List.of("recurrence-handler", "reminder-fire")) {
            await(consumer + " receives task.created for " + taskId, Duration.ofSeconds(5),
                () -> !logLines(settings, consumer, "dev.kadence.task.created", taskId).isEmpty());
            Duration took = Duration.ofNanos(System.nanoTime() - answered);
            // How fast is the delivery latency benchmark's to say (docs/benchmarks.md), not a test's on a shared machine.
            System.out.println("first task event reached " + consumer + " in " + took.toMillis() + " ms after the 201");
        }
        assertTrue(http("GET", frontDoor("/"), null, null).body().contains("Kadence"), "the front door serves the web app's page");
        assertEquals(401, http("GET", frontDoor("/api/v1/tasks"), null, null).statusCode(), "and routes the API");
    }

    @Test
    @Order(2)
    void theSameRecordDeliveredTwiceIsProcessedOnce() {
        String eventId = UUID.randomUUID().toString();
        String taskId = UUID.randomUUID().toString();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", settings.kafkaBootstrap()),
            new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < 2; i++) {
                ProducerRecord<String, String> record = new ProducerRecord<>("task-events", taskId,
                    "{\"task_id\":\"" + taskId + "\",\"user_id\":\"" + UUID.randomUUID() + "\",\"task\":{\"id\":\"" + taskId
                        + "\",\"title\":\"Water the plants\"}}");
                record.headers().add("ce_specversion", "1.0".getBytes()).add("ce_id", eventId.getBytes())
                    .add("ce_source", "/tests".getBytes()).add("ce_type", "dev.kadence.task.updated".getBytes())
                    .add("ce_subject", taskId.getBytes()).add("content-type", "application/json".getBytes());
                producer.send(record);
            }
        }
        for (String consumer : List.of("recurrence-handler", "reminder-fire", "notify")) {
            await(consumer + " gets both deliveries", Duration.ofSeconds(10), () -> logLines(settings, consumer, eventId).size() >= 2);
            assertEquals(1, count(settings, Settings.DATABASE,
                "select count(*) from processed_events where consumer = ? and event_id = ?", consumer, eventId));
        }
    }

    @Test
    @Order(2)
    void aPatchAtTheFrontDoorShowsInTheTasksActivity() {
        HttpResponse<String> created = http("POST", frontDoor("/api/v1/tasks"), token, "{\"title\":\"Pay rent\",\"priority\":\"high\"}");
        assertEquals(201, created.statusCode(), created.body());
        String activity = frontDoor("/api/v1/tasks/" + field(created.body(), "id") + "/activity");
        assertEquals(200, http("PATCH", frontDoor("/api/v1/tasks/" + field(created.body(), "id")), token, "{\"priority\":\"low\"}").statusCode());

        await("notify records the update from task-events", Duration.ofSeconds(10),
            () -> http("GET", activity, token, null).body().contains("\"type\":\"updated\""));
        JsonNode newest = parse(http("GET", activity, token, null).body()).path("items").path(0);
        assertEquals("[{\"field\":\"priority\",\"from\":\"high\",\"to\":\"low\"}]", newest.path("changes").toString());
        assertEquals(404, http("GET", activity, platform.signup("e2e-other@example.com", "UTC"), null).statusCode(),
            "another user's task");
    }

    @Test
    @Order(3)
    void aSinkAnswering500IsRetriedPerTheManifestThenDeadLetteredAnd400GoesStraightThere() throws Exception {
        KafkaSources.Subscription real = KafkaSources.fromChart(settings.repositoryRoot()).stream()
            .filter(s -> s.sinkService().equals("recurrence-handler")).findFirst().orElseThrow();
        AtomicInteger attempts500 = new AtomicInteger();
        AtomicInteger attempts400 = new AtomicInteger();
        RecordingServer sink = RecordingServer.start(request -> {
            boolean refuse = "test.refuse".equals(request.header("ce-type"));
            (refuse ? attempts400 : attempts500).incrementAndGet();
            return Answer.of(refuse ? 400 : 500);
        });
        String topic = "dispatch-test-" + UUID.randomUUID();
        try (var admin = org.apache.kafka.clients.admin.Admin.create(Map.of("bootstrap.servers", settings.kafkaBootstrap()))) {
            admin.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic(topic, 1, (short) 1))).all().get();
        }
        KafkaSources.Subscription source = new KafkaSources.Subscription("dispatch-test", List.of(topic), "dispatch-test-" + UUID.randomUUID(),
            real.sinkService(), real.sinkPath(), real.retry(), real.backoffPolicy(), real.backoffDelay(), real.deadLetterTopic());
        try (KafkaConsumer<String, byte[]> deadLetters = new KafkaConsumer<>(Map.of("bootstrap.servers", settings.kafkaBootstrap(),
                "group.id", "dlq-probe-" + UUID.randomUUID(), "auto.offset.reset", "latest"), new StringDeserializer(), new ByteArrayDeserializer());
             KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", settings.kafkaBootstrap()),
                 new StringSerializer(), new StringSerializer())) {
            deadLetters.subscribe(List.of(real.deadLetterTopic()));
            await("the probe joins", Duration.ofSeconds(10), () -> {
                deadLetters.poll(Duration.ofMillis(100));
                return !deadLetters.assignment().isEmpty();
            });
            try (KafkaSourceDelivery delivery = new KafkaSourceDelivery(source, settings.kafkaBootstrap(),
                    URI.create(sink.url()), ClusterServices.NAMESPACE, new Activator()).start()) {
                for (String type : List.of("test.fail", "test.refuse")) {
                    ProducerRecord<String, String> record = new ProducerRecord<>(topic, "k", "{}");
                    record.headers().add("ce_specversion", "1.0".getBytes()).add("ce_id", type.getBytes())
                        .add("ce_source", "/tests".getBytes()).add("ce_type", type.getBytes());
                    producer.send(record).get();
                }
                List<ConsumerRecord<String, byte[]>> dead = new ArrayList<>();
                await("both events are dead-lettered", Duration.ofSeconds(30), () -> {
                    deadLetters.poll(Duration.ofMillis(100)).forEach(dead::add);
                    return dead.size() >= 2;
                });
                assertEquals(1 + real.retry(), attempts500.get(), "a 500 is tried once and retried " + real.retry() + " times");
                assertEquals(1, attempts400.get(), "a 400 is not retried");
                ConsumerRecord<String, byte[]> failed = dead.stream().filter(r -> header(r, "ce_type").equals("test.fail")).findFirst().orElseThrow();
                assertEquals("500", header(failed, "ce_knativeerrorcode"));
                assertEquals("test.fail", header(failed, "ce_id"));
                ConsumerRecord<String, byte[]> refused = dead.stream().filter(r -> header(r, "ce_type").equals("test.refuse")).findFirst().orElseThrow();
                assertEquals("400", header(refused, "ce_knativeerrorcode"));
            }
        } finally {
            sink.close();
        }
    }

    @Test
    @Order(4)
    void theCronBindingReachesReminderFireOnSchedule() {
        await("three sweeps", Duration.ofSeconds(10), () -> logLines(settings, "reminder-fire", "reminder sweep").size() >= 3);
    }

    @Test
    @Order(5)
    void aDaprJobCallsBackItsOwnAppOnceAtItsDueTimeAndSurvivesARestart() {
        String dapr = "http://127.0.0.1:" + function("reminder-fire").daprPort();
        String soon = "e2e-soon-" + UUID.randomUUID();
        Instant due = Instant.now().plusSeconds(2);
        assertEquals(204, http("POST", dapr + "/v1.0/jobs/" + soon, null,
            "{\"dueTime\":\"" + due + "\",\"data\":{\"probe\":\"" + soon + "\"},\"overwrite\":true}").statusCode());
        assertEquals(200, http("GET", dapr + "/v1.0/jobs/" + soon, null, null).statusCode(), "pending before its due time");
        assertTrue(logLines(settings, "reminder-fire", soon).isEmpty(), "not called back early");
        await("the job calls back", Duration.ofSeconds(6), () -> !logLines(settings, "reminder-fire", "/job/" + soon).isEmpty()
            || !logLines(settings, "reminder-fire", "job " + soon).isEmpty());
        assertTrue(Instant.now().isAfter(due));
        await("the one-shot job is gone", Duration.ofSeconds(3), () -> http("GET", dapr + "/v1.0/jobs/" + soon, null, null).statusCode() == 404);

        String later = "e2e-later-" + UUID.randomUUID();
        assertEquals(204, http("POST", dapr + "/v1.0/jobs/" + later, null,
            "{\"dueTime\":\"" + Instant.now().plusSeconds(4) + "\",\"data\":{\"probe\":\"" + later + "\"}}").statusCode());
        int deliveredBefore = logLines(settings, "recurrence-handler", "dev.kadence.task.created").size();
        platform.restart();
        String restarted = "http://127.0.0.1:" + function("reminder-fire").daprPort();
        await("the kept job calls back after the restart", Duration.ofSeconds(10),
            () -> logLines(settings, "reminder-fire", "job " + later + " is due").size() >= 1);
        await("and is gone once the app answered", Duration.ofSeconds(3),
            () -> http("GET", restarted + "/v1.0/jobs/" + later, null, null).statusCode() == 404);
        // The handler's line, not the request log's "POST /job/<name> 200 …", which names the job too.
        assertEquals(1, logLines(settings, "reminder-fire", "job " + later + " is due").size(), "called back once");
        assertEquals(deliveredBefore, logLines(settings, "recurrence-handler", "dev.kadence.task.created").size(),
            "offsets were kept: nothing delivered before the restart is delivered again (the log is kept across starts)");

        HttpResponse<String> login = http("POST", frontDoor("/api/v1/auth/login"), null,
            "{\"email\":\"e2e@example.com\",\"password\":\"correct horse battery\"}");
        assertEquals(200, login.statusCode(), "the account was kept across the restart");
        assertTrue(http("GET", frontDoor("/api/v1/tasks?search=plants"), field(login.body(), "token"), null).body()
            .contains("Water the plants"), "and so was the task");
    }

    /**
     * The chart runs the functions with {@code KADENCE_LOG_FORMAT=json}: then everything a function writes (standard
     * output and error, as the container's log collects them) must be one JSON object per line, and a request's line
     * carries its id and user.
     */
    @Test
    @Order(6)
    void inJsonFormatEveryLineAFunctionWritesIsOneJsonObject() {
        FunctionSpec taskCrud = function("task-crud");
        Map<String, String> env = new HashMap<>(taskCrud.env());
        env.put("KADENCE_LOG_FORMAT", "json");
        platform.replaced(new FunctionSpec(taskCrud.name(), taskCrud.jar(), taskCrud.port(), taskCrud.daprPort(), env), () -> {
            HttpRequest me = HttpRequest.newBuilder(URI.create(taskCrud.address() + "/api/v1/me"))
                .header("Authorization", "Bearer " + token).header("X-Request-Id", "json-log-e2e").build();
            try {
                assertEquals(200, HttpClient.newHttpClient().send(me, HttpResponse.BodyHandlers.discarding()).statusCode());
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
            await("the request's log line", Duration.ofSeconds(10), () -> !logLines(settings, "task-crud", "json-log-e2e").isEmpty());

            List<String> all = logLines(settings, "task-crud");     // kept across starts: this start's lines are after its mark
            int started = all.size() - 1;
            while (started > 0 && !all.get(started).contains("\"message\":\"starting task-crud\"")) {
                started--;
            }
            List<String> lines = all.subList(started, all.size()).stream().filter(l -> !l.isBlank()).toList();
            assertTrue(lines.size() >= 3, "startup and request lines: " + lines);
            for (String line : lines) {
                JsonNode entry = parse(line);
                assertTrue(entry.isObject() && entry.has("time") && entry.has("level") && entry.has("logger")
                    && entry.has("message"), line);
            }
            JsonNode request = parse(logLines(settings, "task-crud", "json-log-e2e").getFirst());
            assertEquals("json-log-e2e", request.get("request_id").asText());
            assertEquals("200", request.get("http_status").asText());
            assertTrue(request.hasNonNull("user_id"), request.toString());
        });
    }

    @Test
    @Order(7)
    void quickAddAtTheFrontDoorIsAnsweredByAssistantAndItsTaskIsAcceptedByTaskCrud() {
        String parse = frontDoor("/api/v1/quick-add/parse");
        HttpResponse<String> read = http("POST", parse, token, "{\"text\":\"Pay rent every month on the 1st p1 #home\"}");
        assertEquals(200, read.statusCode(), read.body());
        JsonNode task = parse(read.body()).path("task");
        assertEquals("Pay rent", task.path("title").asText(), read.body());
        assertEquals("FREQ=MONTHLY;BYMONTHDAY=1", task.path("recurrence").path("rule").asText(), read.body());
        HttpResponse<String> created = http("POST", frontDoor("/api/v1/tasks"), token, task.toString());
        assertEquals(201, created.statusCode(), created.body());
        assertEquals("high", field(created.body(), "priority"));

        HttpResponse<String> anonymous = http("POST", parse, null, "{\"text\":\"Call mom\"}");
        assertEquals(401, anonymous.statusCode(), anonymous.body());
        assertEquals("unauthenticated", field(anonymous.body(), "code"));
        assertTrue(anonymous.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));

        HttpResponse<String> blank = http("POST", parse, token, "{\"text\":\"  \"}");
        assertEquals(400, blank.statusCode(), blank.body());
        JsonNode error = parse(blank.body()).path("errors").get(0);
        assertEquals("text", error.path("field").asText(), blank.body());
        assertEquals("empty", error.path("code").asText(), blank.body());
        await("assistant logged the request", Duration.ofSeconds(10),
            () -> !logLines(settings, "assistant", "/api/v1/quick-add/parse").isEmpty());
    }

    /**
     * functions/aot-cache.sh signs its own token for notify's and assistant's training runs (the image build's, and
     * KADENCE_AOT=train's): one the functions refuse trains their caches on 401s, and the script stops the build.
     */
    @Test
    @Order(8)
    void theTrainingScriptsTokenIsOneTheFunctionsAccept() throws Exception {
        String userId = parse(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8))
            .path("sub").asText();
        Path script = FunctionJars.repositoryRoot(Path.of("").toAbsolutePath(), "the tests").resolve(FunctionJvm.TRAINING_SCRIPT);
        ProcessBuilder sign = new ProcessBuilder("bash", "-c", "source \"$1\" && hs256_token \"$2\"", "sign", script.toString(), userId);
        sign.environment().put("KADENCE_JWT_SECRET", RunningPlatform.JWT_SECRET);
        Process signing = sign.redirectErrorStream(true).start();
        String signed = new String(signing.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, signing.waitFor(), signed);

        HttpResponse<String> read = http("POST", frontDoor("/api/v1/quick-add/parse"), signed, "{\"text\":\"Call mom tomorrow\"}");
        assertEquals(200, read.statusCode(), read.body());

        // The assistant's training round (quick adds, turns, MCP calls) is answered as a user's would be: a cache
        // trained on errors would not hold the classes of a real request. The empty line is the one meant as a 400
        // (the script marks it "400-meant", so that the image test can hold every other answer to a 2xx).
        ProcessBuilder round = new ProcessBuilder("bash", "-c", "source \"$1\" && workload_round assistant \"$2\" \"$3\"",
            "round", script.toString(), "http://127.0.0.1:" + function("assistant").port(), signed);
        Process training = round.redirectErrorStream(true).start();
        String codes = new String(training.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, training.waitFor(), codes);
        assertEquals(List.of("200", "200", "200", "400-meant", "200", "200", "200", "200", "200", "200", "200"),
            List.of(codes.split("\\s+")), codes);
    }

    /**
     * Behind the front door task-crud sees every login from 127.0.0.1; the client's address comes from
     * X-Forwarded-For, which the front door extends. This test's client is on loopback, a trusted proxy to the front
     * door (as queue-proxy is in a pod), so it speaks for the clients as an ingress would: 20 failed logins from one
     * address throttle that address for every account, and the other addresses and the local user are not held up.
     */
    @Test
    @Order(9)
    void behindTheFrontDoorLoginsAreThrottledPerClientAddress() {
        String address = "198.51.100." + (1 + new java.util.Random().nextInt(254));
        String login = frontDoor("/api/v1/auth/login");
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> failed = login(login, "guess" + i + "-" + UUID.randomUUID() + "@example.com", address);
            assertEquals(401, failed.statusCode(), failed.body());
        }
        platform.signup("throttled-" + address + "@example.com", "UTC");
        HttpResponse<String> throttled = login(login, "throttled-" + address + "@example.com", address);
        assertEquals(429, throttled.statusCode(), "the address's 21st attempt, with the right password: " + throttled.body());
        assertEquals("too_many_attempts", field(throttled.body(), "code"));
        assertTrue(throttled.headers().firstValue("Retry-After").isPresent());

        assertEquals(200, login(login, "throttled-" + address + "@example.com", "203.0.113.77").statusCode(),
            "the same account from another address");
        assertEquals(200, login(login, "throttled-" + address + "@example.com", null).statusCode(),
            "the local user, who has no proxy in front: no address is counted");
    }

    private static HttpResponse<String> login(String url, String email, String forwardedFor) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\",\"password\":\""
                + (email.startsWith("throttled-") ? RunningPlatform.PASSWORD : "wrong password") + "\"}"));
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return dev.kadence.testkit.Http.send(request.build());
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError("not one JSON object: " + line, e);
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        var h = record.headers().lastHeader(name);
        return h == null ? "" : new String(h.value(), StandardCharsets.UTF_8);
    }

    /**
     * The schema is applied once per start of the platform, before any function, by the migrations' entry point (the
     * first start applies every migration; the restart above finds nothing to do), and no function runs Flyway.
     */
    @Test
    @Order(10)
    void theMigrationsRunOnceBeforeTheFunctionsAndNoFunctionRunsThem() {
        assertEquals(1, logLines(settings, "migrate", "migrate: ", ": applied ", " migrations (from an empty schema").size());
        assertEquals(1, logLines(settings, "migrate", "migrate: ", ": schema up to date at version").size(),
            "the restart migrated again and found nothing to do");
        for (String function : KadenceFunctions.NAMES) {
            assertTrue(logLines(settings, function, "flyway").isEmpty(), function + " ran Flyway");
            assertTrue(logLines(settings, function, "starting " + function).size() >= 2, function + " started twice");
        }
    }
}
