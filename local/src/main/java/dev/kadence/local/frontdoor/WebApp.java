package dev.kadence.local.frontdoor;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The web app's static files, as its server in a cluster serves them: hashed assets are cached for a year, index.html
 * never (so a new build is picked up at once), and any other path that is not a file gets index.html (the app routes).
 */
final class WebApp {
    private static final Map<String, String> TYPES = Map.ofEntries(
        Map.entry("html", "text/html; charset=utf-8"), Map.entry("js", "text/javascript; charset=utf-8"),
        Map.entry("mjs", "text/javascript; charset=utf-8"), Map.entry("css", "text/css; charset=utf-8"),
        Map.entry("json", "application/json"), Map.entry("svg", "image/svg+xml"), Map.entry("png", "image/png"),
        Map.entry("ico", "image/x-icon"), Map.entry("webmanifest", "application/manifest+json"),
        Map.entry("woff2", "font/woff2"), Map.entry("txt", "text/plain; charset=utf-8"), Map.entry("map", "application/json"));

    private final Path root;

    WebApp(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    void serve(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            send(exchange, 405, "text/plain; charset=utf-8", "no-store", "method not allowed\n".getBytes());
            return;
        }
        Path index = root.resolve("index.html");
        if (!Files.isRegularFile(index)) {
            try (InputStream in = WebApp.class.getResourceAsStream("/frontdoor/index.html")) {
                send(exchange, 200, TYPES.get("html"), "no-store", in.readAllBytes());
            }
            return;
        }
        Path file = root.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
        if (!file.startsWith(root) || !Files.isRegularFile(file)) {
            file = index;
        }
        String name = file.getFileName().toString();
        String type = TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT), "application/octet-stream");
        String cache = file.startsWith(root.resolve("assets")) ? "public, max-age=31536000, immutable" : "no-cache";
        send(exchange, 200, type, cache, method.equals("HEAD") ? null : Files.readAllBytes(file));
    }

    private static void send(HttpExchange exchange, int status, String type, String cache, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", cache);
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.sendResponseHeaders(status, body == null ? -1 : body.length);
        if (body != null) {
            exchange.getResponseBody().write(body);
        }
    }
}
