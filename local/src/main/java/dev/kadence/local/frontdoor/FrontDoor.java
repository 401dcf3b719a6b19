package dev.kadence.local.frontdoor;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;

/**
 * The one address a user opens: {@code /api/v1/notifications…} goes to notify, the rest of {@code /api/v1}
 * to task-crud, everything else is the web app, served from its build ({@code frontend/dist}): a file when the path
 * names one, else {@code index.html}, so the app's own routes (/login, /settings…) load it too. Without a build, a
 * page says how to make one. Responses are streamed through, so Server-Sent Events pass as they are produced.
 */
public final class FrontDoor implements AutoCloseable {
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "transfer-encoding", "te", "trailer",
        "upgrade", "proxy-authorization", "proxy-authenticate", "host", "content-length", "expect");
    private final HttpServer server;
    private final URI taskCrud;
    private final URI notify;
    private final WebApp webApp;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
        .version(HttpClient.Version.HTTP_1_1).build();

    public FrontDoor(int port, URI taskCrud, URI notify, Path webAppBuild) {
        this.taskCrud = taskCrud;
        this.notify = notify;
        this.webApp = new WebApp(webAppBuild);
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + port + " for the front door", e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    /** Where a request path goes, or null for the web app's own pages. */
    URI route(String path) {
        if (path.equals("/api/v1/notifications") || path.startsWith("/api/v1/notifications/")) {
            return notify;
        }
        if (path.equals("/api/v1") || path.startsWith("/api/v1/")) {
            return taskCrud;
        }
        return null;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI target = route(exchange.getRequestURI().getPath());
            if (target == null) {
                webApp.serve(exchange);
            } else {
                proxy(exchange, target.resolve(exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery())));
            }
        }
    }

    private void proxy(HttpExchange exchange, URI target) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
            .method(exchange.getRequestMethod(), bodyOf(exchange));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> request.header(name, v));
            }
        });
        request.header("X-Forwarded-For", exchange.getRemoteAddress().getAddress().getHostAddress());
        request.header("X-Forwarded-Proto", "http");
        HttpResponse<InputStream> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            problem(exchange, 502, "bad_gateway", target.getAuthority() + " is not answering");
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        response.headers().map().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
        long length = response.headers().firstValueAsLong("content-length").orElse(0);
        boolean empty = response.statusCode() == 204 || response.statusCode() == 304 || exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(response.statusCode(), empty ? -1 : length);
        try (InputStream in = response.body(); OutputStream out = exchange.getResponseBody()) {
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
                out.flush();      // event streams must not wait for a full buffer
            }
        }
    }

    private static HttpRequest.BodyPublisher bodyOf(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        return body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body);
    }

    private static void problem(HttpExchange exchange, int status, String code, String detail) throws IOException {
        byte[] body = ("{\"type\":\"urn:kadence:problem:" + code + "\",\"title\":\"Bad gateway\",\"status\":" + status
            + ",\"detail\":\"" + detail + "\",\"code\":\"" + code + "\"}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
