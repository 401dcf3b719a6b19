package dev.kadence.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code curl} commands of a README's fenced {@code ```bash} blocks, as the requests they send, so that a test can
 * send exactly those and the README cannot drift from what the code does.
 *
 * <p>The shell does the shell's work: a block is run by {@code bash} with {@code curl} defined as a function that
 * prints its arguments, so the variables the block defines ({@code TASK=…}), command substitutions
 * ({@code $(date …)}), quoting and line continuations resolve exactly as they would in a terminal. Here only the
 * resulting arguments are read: {@code -X}, {@code -H}, {@code -d}, the URL; {@code -i -s -N} are output options.
 * A test may bind a variable the block defines to state it created first ({@link Block#with}): the command is the
 * README's, with the example's ids made real.
 */
public final class ReadmeCommands {
    private static final Pattern FENCE = Pattern.compile("(?m)^```bash\\n(.*?)^```$", Pattern.DOTALL);
    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6} (.*)$");
    /** Between two curl invocations in the shim's output: an argument of one byte 0x01. */
    private static final String END = "\u0001";

    private ReadmeCommands() {
    }

    /** One request a {@code curl} command of the README sends. */
    public record Request(String method, String url, Map<String, String> headers, String body) {
        /** The path and query, without scheme and host: what a test sends to its own server. */
        public String path() {
            URI uri = URI.create(url);
            return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        }
    }

    /** A {@code ```bash} block of a Markdown file and the heading it stands under. */
    public record Block(String heading, String text) {

        /**
         * This block with each named variable bound to the given value: its assignment line {@code NAME=…} is
         * replaced by {@code NAME='value'}. Fails if the block does not define the variable.
         */
        public Block with(Map<String, String> variables) {
            String result = text;
            for (Map.Entry<String, String> v : variables.entrySet()) {
                Pattern assignment = Pattern.compile("(?m)^" + Pattern.quote(v.getKey()) + "=.*$");
                if (!assignment.matcher(result).find()) {
                    throw new IllegalArgumentException("the block under \"" + heading + "\" does not define " + v.getKey());
                }
                result = assignment.matcher(result).replaceAll(Matcher.quoteReplacement(v.getKey() + "='" + v.getValue() + "'"));
            }
            return new Block(heading, result);
        }

        /** The requests of its curl commands, in order, with every shell variable and substitution resolved. */
        public List<Request> curls() {
            String shim = "curl() { printf '%s\\0' \"$@\"; printf '\\1\\0'; }\n";
            String out = bash(shim + text, Map.of()).stdout();
            List<Request> requests = new ArrayList<>();
            List<String> args = new ArrayList<>();
            for (String arg : out.split("\0", -1)) {
                if (arg.equals(END)) {
                    requests.add(request(args));
                    args.clear();
                } else if (!arg.isEmpty() || !args.isEmpty()) {
                    args.add(arg);
                }
            }
            return requests;
        }

        /** The one request of its curl command whose path starts with {@code pathPrefix}. */
        public Request curl(String method, String pathPrefix) {
            List<Request> found = curls().stream()
                .filter(r -> r.method().equals(method) && r.path().startsWith(pathPrefix)).toList();
            if (found.size() != 1) {
                throw new IllegalStateException("expected one curl " + method + " " + pathPrefix + "… under \"" + heading
                    + "\", found " + found.size());
            }
            return found.get(0);
        }

        /**
         * Starts the block for real ({@code bash -eo pipefail}, real {@code curl}) with these environment variables
         * added, for a block that does not end by itself (a stream): the caller reads its output and destroys it.
         */
        public Process start(Map<String, String> environment) {
            try {
                ProcessBuilder builder = new ProcessBuilder("bash", "-c", "set -eo pipefail\n" + text);
                builder.environment().putAll(environment);
                builder.redirectError(ProcessBuilder.Redirect.INHERIT);
                Process p = builder.start();
                p.getOutputStream().close();
                return p;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /**
         * The answers the block shows: its comment lines that are JSON ({@code # {…}} or {@code # […]}), in order,
         * without the {@code # }.
         */
        public List<String> shownAnswers() {
            return text.lines().filter(l -> l.startsWith("# {") || l.startsWith("# [")).map(l -> l.substring(2)).toList();
        }

        /** Runs the block for real ({@code bash -eo pipefail}, real {@code curl}) with these environment variables added. */
        public Result run(Map<String, String> environment) {
            return bash("set -eo pipefail\n" + text, environment);
        }
    }

    /** What a block run printed. */
    public record Result(int exitCode, String stdout, String stderr) {
    }

    /**
     * Whether an answer is the one a README shows, where the README may shorten a value with {@code …}
     * ({@code "58e95cc1-…"} stands for any string value).
     */
    public static boolean sameAnswer(String shown, String actual) {
        StringBuilder regex = new StringBuilder();
        for (String part : shown.strip().split("[^\"]*…", -1)) {
            if (!regex.isEmpty()) {
                regex.append("[^\"]*");
            }
            regex.append(Pattern.quote(part));
        }
        return actual.strip().matches(regex.toString());
    }

    /** The {@code ```bash} blocks of a Markdown file, in order. */
    public static List<Block> blocks(Path markdown) {
        String text;
        try {
            text = Files.readString(markdown);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Block> blocks = new ArrayList<>();
        Matcher m = FENCE.matcher(text);
        while (m.find()) {
            String heading = "";
            Matcher h = HEADING.matcher(text.substring(0, m.start()));
            while (h.find()) {
                heading = h.group(1).strip();
            }
            blocks.add(new Block(heading, m.group(1)));
        }
        return Collections.unmodifiableList(blocks);
    }

    /** The one {@code ```bash} block under the heading {@code heading} (the nearest heading above it). */
    public static Block block(Path markdown, String heading) {
        List<Block> found = blocks(markdown).stream().filter(b -> b.heading().equals(heading)).toList();
        if (found.size() != 1) {
            throw new IllegalStateException("expected one bash block under \"" + heading + "\" in " + markdown + ", found " + found.size());
        }
        return found.get(0);
    }

    /** A file of the repository, found from the directory the tests run in (a module's) upwards. */
    public static Path repositoryFile(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("functions")) && Files.isDirectory(dir.resolve("core"))) {
                return dir.resolve(relative);
            }
        }
        throw new IllegalStateException("not inside the repository: " + Path.of("").toAbsolutePath());
    }

    private static Request request(List<String> args) {
        String method = null;
        String url = null;
        String body = null;
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "-X", "--request" -> method = args.get(++i);
                case "-H", "--header" -> {
                    String h = args.get(++i);
                    int colon = h.indexOf(':');
                    headers.put(h.substring(0, colon).strip(), h.substring(colon + 1).strip());
                }
                case "-d", "--data", "--data-raw" -> body = args.get(++i);
                case "-i", "-s", "-N", "-sS", "-si", "--include", "--silent", "--no-buffer" -> {
                    // how curl shows the answer, not what it sends
                }
                default -> {
                    if (a.startsWith("-")) {
                        throw new IllegalArgumentException("a curl option the README parser does not know: " + a + " in " + args);
                    }
                    url = a;
                }
            }
        }
        if (url == null) {
            throw new IllegalArgumentException("a curl command without a URL: " + args);
        }
        if (body != null && headers.keySet().stream().noneMatch(h -> h.equalsIgnoreCase("Content-Type"))) {
            headers.put("Content-Type", "application/x-www-form-urlencoded");   // what curl -d sends by default
        }
        return new Request(method != null ? method : body != null ? "POST" : "GET", url, Collections.unmodifiableMap(headers), body);
    }

    private static Result bash(String script, Map<String, String> environment) {
        try {
            Path file = Files.createTempFile("readme-block", ".sh");
            try {
                Files.writeString(file, script);
                ProcessBuilder builder = new ProcessBuilder("bash", file.toString());
                builder.environment().putAll(environment);
                Path err = Files.createTempFile("readme-block", ".err");
                builder.redirectError(err.toFile());
                Process p = builder.start();
                p.getOutputStream().close();
                byte[] out = p.getInputStream().readAllBytes();
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new IllegalStateException("the README block did not finish within 60 s:\n" + script);
                }
                String stderr = Files.readString(err);
                Files.deleteIfExists(err);
                Result result = new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), stderr);
                if (result.exitCode() != 0) {
                    throw new IllegalStateException("the README block failed (exit " + result.exitCode() + "): " + stderr + "\n" + script);
                }
                return result;
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
