package dev.kadence.local;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The front door on {@code http://localhost:<KADENCE_PORT>}: {@code frontend/server/server.mjs}, the web app's server
 * and front door in a cluster, run by node as a child process and configured as the chart configures it
 * ({@code knative/templates/webapp.service.yaml}: PORT, TASK_CRUD_URL, NOTIFY_URL, ASSISTANT_URL) — here with the functions'
 * local addresses, the build in {@code frontend/dist}, and the loopback address only (HOST). One set of serving
 * rules for the cluster and the laptop: what it serves and how is in server.mjs and its tests.
 */
final class FrontDoorProcess {

    /** As the progress lines and messages name it; its log and pid file are front-door.log and front-door.pid. */
    static final String NAME = "front door";
    static final String FILE_NAME = "front-door";
    static final Path SERVER = Path.of("frontend", "server", "server.mjs");
    static final Path WEB_APP = Path.of("frontend", "dist");

    /** The functions the front door passes requests to, by the variable that gives it each one's address. */
    static final Map<String, String> UPSTREAMS = Map.of(
            "TASK_CRUD_URL", "task-crud", "NOTIFY_URL", "notify", "ASSISTANT_URL", "assistant");

    private FrontDoorProcess() {
    }

    /** @param functions the functions' addresses by name; those of {@link #UPSTREAMS} are needed */
    static ChildProcess start(String node, Settings settings, Map<String, URI> functions) {
        Path repository = settings.repositoryRoot();
        return ChildProcess.start(NAME, List.of(node, repository.resolve(SERVER).toString()),
                environment(settings, functions), settings.data().log(FILE_NAME),
                settings.data().pidFile(FILE_NAME), settings.data().root());
    }

    static Map<String, String> environment(Settings settings, Map<String, URI> functions) {
        Map<String, String> env = new HashMap<>(Map.of(
                "PORT", Integer.toString(settings.apiPort()),
                "HOST", "127.0.0.1",
                "KADENCE_WEBAPP_DIR", settings.repositoryRoot().resolve(WEB_APP).toString(),
                "NODE_ENV", "production"));
        UPSTREAMS.forEach((variable, function) -> {
            URI address = functions.get(function);
            if (address == null) {
                throw new StartupFailure("the front door passes requests to " + function + ", which is not running");
            }
            env.put(variable, address.toString());
        });
        return env;
    }

    /** What the chart's probes ask. */
    static URI healthUrl(Settings settings) {
        return URI.create("http://127.0.0.1:" + settings.apiPort() + "/healthz");
    }
}
