package dev.kadence.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Node.js that runs the front door ({@code frontend/server/server.mjs}): {@code node} on the PATH, at least the
 * version {@code frontend/package.json} requires ({@code engines.node}), the one the build needs too. Checked before
 * anything starts, so a missing or old node is a sentence at once and not a front door that never comes up.
 */
final class NodeCommand {

    static final Path PACKAGE_JSON = Path.of("frontend", "package.json");
    private static final Pattern ENGINES = Pattern.compile("\"engines\"\\s*:\\s*\\{[^}]*\"node\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern AT_LEAST = Pattern.compile(">=\\s*v?(\\d+(?:\\.\\d+){0,2})");
    private static final Pattern VERSION = Pattern.compile("v?(\\d+(?:\\.\\d+){0,2})");

    private NodeCommand() {
    }

    /** {@code node}, once it is known to be there and recent enough. */
    static String require(Path repository) {
        return require("node", repository.resolve(PACKAGE_JSON));
    }

    static String require(String executable, Path packageJson) {
        String required = requiredVersion(packageJson);
        String found = version(executable, required);
        if (compare(found, required) < 0) {
            throw new StartupFailure("the front door needs Node.js " + required + " or newer (engines.node in "
                    + packageJson + "); `" + executable + " --version` says " + found
                    + ". Install a newer Node.js and put it first on the PATH.");
        }
        return executable;
    }

    /** The x.y.z of {@code engines.node}, which must read {@code >=x.y.z}. */
    static String requiredVersion(Path packageJson) {
        String json;
        try {
            json = Files.readString(packageJson, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StartupFailure("cannot read " + packageJson + ": " + e.getMessage(), e);
        }
        Matcher engines = ENGINES.matcher(json);
        Matcher atLeast = engines.find() ? AT_LEAST.matcher(engines.group(1)) : null;
        if (atLeast == null || !atLeast.matches()) {
            throw new StartupFailure("cannot tell which Node.js the front door needs: " + packageJson
                    + " must give engines.node as \">=x.y.z\"");
        }
        return atLeast.group(1);
    }

    private static String version(String executable, String required) {
        Process process;
        try {
            process = new ProcessBuilder(executable, "--version").redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new StartupFailure("the front door needs Node.js " + required + " or newer, and there is no `"
                    + executable + "` on the PATH. Install Node.js (the build needs it too).", e);
        }
        try {
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new StartupFailure("`" + executable + " --version` failed: " + output);
            }
            Matcher version = VERSION.matcher(output);
            if (!version.matches()) {
                throw new StartupFailure("`" + executable + " --version` said '" + output + "', not a Node.js version");
            }
            return version.group(1);
        } catch (IOException e) {
            throw new StartupFailure("cannot run `" + executable + " --version`: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            throw StartupFailure.interrupted();
        } finally {
            process.destroyForcibly();
        }
    }

    /** Compares dotted versions numerically, a missing part counting as 0. */
    static int compare(String a, String b) {
        List<Integer> x = parts(a);
        List<Integer> y = parts(b);
        for (int i = 0; i < Math.max(x.size(), y.size()); i++) {
            int c = Integer.compare(i < x.size() ? x.get(i) : 0, i < y.size() ? y.get(i) : 0);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static List<Integer> parts(String version) {
        List<Integer> parts = new ArrayList<>();
        for (String part : version.split("\\.")) {
            parts.add(Integer.parseInt(part));
        }
        return parts;
    }
}
