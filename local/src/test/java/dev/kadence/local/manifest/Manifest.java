package dev.kadence.local.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One Kubernetes resource as written (a YAML document as a JSON tree), with the file it came from. */
record Manifest(String origin, JsonNode document) {

    private static final ObjectMapper YAML = new YAMLMapper();
    private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---\\s*$");
    private static final Pattern HELM_SOURCE = Pattern.compile("(?m)^# Source: (\\S+)");

    String apiVersion() {
        return document.path("apiVersion").asText("");
    }

    String kind() {
        return document.path("kind").asText("");
    }

    String name() {
        return document.path("metadata").path("name").asText("");
    }

    /** How findings name it, e.g. {@code KafkaSource/notify-reminders (kadence/templates/notify-reminders.kafkasource.yaml)}. */
    String label() {
        return kind() + "/" + name() + " (" + origin + ")";
    }

    boolean is(String apiVersion, String kind) {
        return apiVersion().equals(apiVersion) && kind().equals(kind);
    }

    /** The documents of a YAML stream; each is named by Helm's "# Source:" comment if it has one, else by origin. */
    static List<Manifest> parse(String origin, String yaml) {
        List<Manifest> manifests = new ArrayList<>();
        for (String chunk : DOCUMENT_SEPARATOR.split(yaml)) {
            JsonNode document = readTree(origin, chunk);
            if (document != null && !document.isNull() && !document.isMissingNode()) {
                Matcher source = HELM_SOURCE.matcher(chunk);
                manifests.add(new Manifest(source.find() ? source.group(1) : origin, document));
            }
        }
        return manifests;
    }

    static List<Manifest> parse(Path file) {
        try {
            return parse(file.getFileName().toString(), Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Manifest> parseAll(List<Path> files) {
        return files.stream().flatMap(file -> parse(file).stream()).toList();
    }

    private static JsonNode readTree(String origin, String chunk) {
        try {
            return YAML.readTree(chunk);
        } catch (IOException e) {
            throw new IllegalArgumentException("Not YAML in " + origin + ": " + e.getMessage(), e);
        }
    }
}
