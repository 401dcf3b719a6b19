package dev.kadence.local;

import dev.kadence.testkit.Http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Helpers for tests that run the whole local platform: free ports, HTTP, SQL, logs (waiting for a condition: dev.kadence.testkit.Waits). */
final class PlatformTestSupport {
    static final HttpClient HTTP = HttpClient.newHttpClient();

    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    private PlatformTestSupport() {
    }

    /** Settings on free ports (the functions and their Dapr endpoints on runs of four consecutive free ports). */
    static Settings settings(Path data, Path daprDirectory) {
        Path repository = FunctionJars.repositoryRoot(Path.of("").toAbsolutePath(), "the tests");
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        DataDirectory directory = new DataDirectory(data);
        Path shared = repository.resolve("local").resolve("target");
        share(directory.postgresBinaries(), shared.resolve("postgres-bin"));
        share(directory.root().resolve("aot"), shared.resolve("aot"));
        return new Settings(directory, freePort(), freePort(), freePort(), freePort(), freePort(), freeRun(4), freeRun(4),
            repository, daprDirectory, classpath);
    }

    /**
     * What every platform of a test run shares instead of making it again in its fresh data directory: PostgreSQL
     * unpacked (xz, ~1.5 s of CPU a platform) and the functions' AOT caches, recorded by the first platform that
     * stops them ({@link RunningPlatform} runs KADENCE_AOT=record; a platform started as a process uses them, auto).
     */
    private static void share(Path link, Path target) {
        try {
            Files.createDirectories(target);
            Files.createDirectories(link.getParent());
            if (Files.notExists(link, LinkOption.NOFOLLOW_LINKS)) {
                Files.createSymbolicLink(link, target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() {
        return freeRun(1);
    }

    /**
     * Below Linux's ephemeral range (32768 and up by default): a port found free there cannot be taken in the meantime
     * by the source port of some outgoing connection, as one from the ephemeral range can. A port is handed out once
     * per test JVM: each is only checked free, not held, so two picks of one platform's settings (or of two platforms)
     * could otherwise land on the same port — Kafka then held the front door's, one CI run in a few.
     */
    private static synchronized int freeRun(int length) {
        for (int attempt = 0; attempt < 100; attempt++) {
            int base = 20_000 + (int) (Math.random() * 12_000);
            boolean free = true;
            for (int p = base; p < base + length && free; p++) {
                if (HANDED_OUT.contains(p)) {
                    free = false;
                    continue;
                }
                try (ServerSocket s = new ServerSocket(p)) {
                    s.setReuseAddress(true);
                } catch (IOException e) {
                    free = false;
                }
            }
            if (free) {
                for (int p = base; p < base + length; p++) {
                    HANDED_OUT.add(p);
                }
                return base;
            }
        }
        throw new IllegalStateException("no run of free ports");
    }

    static HttpResponse<String> http(String method, String url, String token, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
            .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return Http.send(request.build());
    }

    /** A value of a JSON field in a flat-enough body: "token", "id". */
    static String field(String json, String name) {
        var m = java.util.regex.Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new AssertionError("no " + name + " in " + json);
        }
        return m.group(1);
    }

    static long count(Settings settings, String database, String sql, Object... params) {
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl(database), Settings.DATABASE_USER, Settings.DATABASE_PASSWORD);
             PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> logLines(Settings settings, String function, String... containing) {
        Path log = settings.data().logs().resolve(function + ".log");
        try {
            return Files.readAllLines(log).stream().filter(l -> java.util.Arrays.stream(containing).allMatch(l::contains)).toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
