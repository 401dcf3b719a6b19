package dev.kadence.local;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One function to run as its own process: {@code java -jar <jar>} listening on {@code port} (given as PORT),
 * with its Dapr HTTP endpoint on {@code daprPort} (given as DAPR_HTTP_PORT, as a sidecar would).
 */
record FunctionSpec(String name, Path jar, int port, int daprPort, Map<String, String> env) {

    FunctionSpec {
        env = Map.copyOf(env);
    }

    /** Names the variables but never shows their values: one of them is the JWT secret. */
    @Override
    public String toString() {
        return "FunctionSpec[" + name + ", " + jar + ", port " + port + ", dapr " + daprPort + ", env " + env.keySet() + "]";
    }

    URI healthUrl() {
        return URI.create("http://127.0.0.1:" + port + "/health");
    }

    String address() {
        return "http://localhost:" + port;
    }

    /** Starts the function with these JVM options (see {@link FunctionJvm#options}). */
    ChildProcess launch(DataDirectory data, List<String> jvmOptions) {
        Map<String, String> processEnv = new HashMap<>(env);
        processEnv.put("PORT", Integer.toString(port));
        processEnv.put("DAPR_HTTP_PORT", Integer.toString(daprPort));
        processEnv.put("DAPR_HTTP_ENDPOINT", "http://127.0.0.1:" + daprPort);
        return ChildProcess.start(name, JavaCommand.jar(jvmOptions, jar), processEnv, data.log(name),
                data.pidFile(name), data.root());
    }
}
