package dev.kadence.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Waits until a child process's health endpoint (a function's, the front door's) answers 200, or says why it never will. */
final class HealthCheck {

    private static final Duration POLL = Duration.ofMillis(100);

    private HealthCheck() {
    }

    static void await(ChildProcess process, URI health, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest request = HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).GET().build();
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build()) {
            while (true) {
                if (!process.isAlive()) {
                    throw new StartupFailure(process.name() + " " + process.exit()
                            + " before it was healthy; the end of " + process.log() + ":\n" + process.tail(30));
                }
                if (answersOk(client, request)) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new StartupFailure(process.name() + " did not answer 200 on " + health + " within "
                            + timeout.toSeconds() + " s; the end of " + process.log() + ":\n" + process.tail(30));
                }
                Thread.sleep(POLL);
            }
        } catch (InterruptedException e) {
            throw StartupFailure.interrupted();
        }
    }

    private static boolean answersOk(HttpClient client, HttpRequest request) throws InterruptedException {
        try {
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        }
    }
}
