package dev.kadence.local;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;

import static dev.kadence.local.PlatformTestSupport.freePort;
import static dev.kadence.local.PlatformTestSupport.http;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The front door as the local platform runs it: frontend/server/server.mjs as a child process, against two fake
 * functions. What it serves and how (files, fallbacks, streaming, headers) is server.mjs's and pinned by its own tests
 * (frontend/server/server.test.mjs); here: how it is started, found ready, logged, stopped, and refused.
 */
class FrontDoorProcessTest {
    @TempDir
    Path work;
    private Settings settings;
    private HttpServer functions;
    private Map<String, URI> functionAddresses;

    @BeforeEach
    void fakeFunctions() throws IOException {
        Path repository = FunctionJars.repositoryRoot(Path.of("").toAbsolutePath(), "the tests");
        settings = new Settings(new DataDirectory(work.resolve("data")), freePort(), freePort(), freePort(), freePort(),
            freePort(), freePort(), freePort(), repository, work.resolve("dapr"), "");
        settings.data().create();
        functions = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        functions.createContext("/", exchange -> {
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                byte[] body = (path.startsWith("/api/v1/notifications") ? "notify"
                    : path.startsWith("/api/v1/quick-add") || path.startsWith("/mcp") ? "assistant" : "task-crud")
                    .getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        functions.start();
        // One fake answers for all three: which one the front door chose shows in the path it passed on.
        URI fake = URI.create("http://127.0.0.1:" + functions.getAddress().getPort());
        functionAddresses = Map.of("task-crud", fake, "notify", fake, "assistant", fake);
    }

    @AfterEach
    void stopFakes() {
        functions.stop(0);
    }

    @Test
    void startsReadyOnTheLoopbackWithTheChartsVariablesLogsAndStopsLeavingNothing() throws IOException {
        String node = NodeCommand.require(settings.repositoryRoot());
        ChildProcess door = FrontDoorProcess.start(node, settings, functionAddresses);
        try {
            HealthCheck.await(door, FrontDoorProcess.healthUrl(settings), Duration.ofSeconds(20));
            String base = "http://127.0.0.1:" + settings.apiPort();
            HttpResponse<String> tasks = http("GET", base + "/api/v1/tasks", null, null);
            assertEquals("task-crud", tasks.body());
            assertEquals("notify", http("GET", base + "/api/v1/notifications/stream-tickets", null, null).body());
            assertEquals("assistant", http("POST", base + "/api/v1/quick-add/parse", null, "{\"text\":\"x\"}").body());
            assertTrue(http("GET", base + "/settings", null, null).body().contains("Kadence"), "the web app's page (or the no-build one)");

            Path log = settings.data().logs().resolve("front-door.log");
            assertEquals(log, door.log());
            assertTrue(Files.readString(log).contains("front door on 127.0.0.1:" + settings.apiPort()),
                "bound to the loopback only, and says so in its log: " + Files.readString(log));
            assertTrue(Files.isRegularFile(settings.data().pidFile("front-door")));
            assertEquals(settings.repositoryRoot().resolve("frontend/dist").toString(),
                FrontDoorProcess.environment(settings, functionAddresses).get("KADENCE_WEBAPP_DIR"));
        } finally {
            long begun = System.nanoTime();
            door.stop(Duration.ofSeconds(5));
            assertTrue(Duration.ofNanos(System.nanoTime() - begun).compareTo(Duration.ofSeconds(4)) < 0,
                "SIGTERM stops it, without waiting for the kill");
        }
        assertFalse(door.isAlive());
        assertEquals(0, door.exitCode(), "a SIGTERM is a clean stop");
        assertFalse(Files.exists(settings.data().pidFile("front-door")));
        assertTrue(PortCheck.isFree(settings.apiPort()), "the port is free again");
    }

    @Test
    void aTakenPortFailsStartupWithTheEndOfItsLog() throws IOException {
        try (ServerSocket taken = new ServerSocket(settings.apiPort(), 50, InetAddress.getLoopbackAddress())) {
            ChildProcess door = FrontDoorProcess.start(NodeCommand.require(settings.repositoryRoot()), settings, functionAddresses);
            try {
                StartupFailure failure = assertThrows(StartupFailure.class,
                    () -> HealthCheck.await(door, FrontDoorProcess.healthUrl(settings), Duration.ofSeconds(20)));
                assertTrue(failure.getMessage().startsWith("front door exited with code 1 before it was healthy"), failure.getMessage());
                assertTrue(failure.getMessage().contains("EADDRINUSE"), failure.getMessage());
            } finally {
                door.stop(Duration.ofSeconds(5));
            }
        }
    }

    @Test
    void theNodeVersionIsTheOnePackageJsonRequires() throws IOException {
        Path packageJson = settings.repositoryRoot().resolve(NodeCommand.PACKAGE_JSON);
        assertEquals("20.19", NodeCommand.requiredVersion(packageJson));
        assertTrue(NodeCommand.compare("20.19.0", "20.19") == 0 && NodeCommand.compare("20.9", "20.19") < 0
            && NodeCommand.compare("22.0.0", "20.19") > 0);

        StartupFailure missing = assertThrows(StartupFailure.class,
            () -> NodeCommand.require("kadence-no-such-node", packageJson));
        assertTrue(missing.getMessage().startsWith("the front door needs Node.js 20.19 or newer, and there is no "
            + "`kadence-no-such-node` on the PATH"), missing.getMessage());

        Path old = fakeNode("v18.20.4");
        StartupFailure tooOld = assertThrows(StartupFailure.class, () -> NodeCommand.require(old.toString(), packageJson));
        assertTrue(tooOld.getMessage().startsWith("the front door needs Node.js 20.19 or newer (engines.node in "
            + packageJson + "); `" + old + " --version` says 18.20.4"), tooOld.getMessage());

        assertEquals(fakeNode("v20.19.0").toString(), NodeCommand.require(fakeNode("v20.19.0").toString(), packageJson));

        Path unreadable = Files.writeString(work.resolve("package.json"), "{\"engines\": {\"node\": \"^20\"}}");
        assertTrue(assertThrows(StartupFailure.class, () -> NodeCommand.requiredVersion(unreadable)).getMessage()
            .contains("must give engines.node as \">=x.y.z\""));
    }

    private Path fakeNode(String version) throws IOException {
        Path script = work.resolve("node-" + version);
        Files.writeString(script, "#!/bin/sh\necho " + version + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }
}
