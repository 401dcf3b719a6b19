package dev.kadence.local.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * No secret value is written in a manifest: a container variable whose name says it is a secret comes from a
 * Secret ({@code valueFrom.secretKeyRef}); a Dapr component's sensitive metadata comes from a secret store
 * ({@code secretKeyRef}); and no Secret with data is part of the manifests (they name existing Secrets) — except the
 * platform's tokens, which the chart makes random at install ({@code kadence.dev/token: generated}, one key
 * {@code token}; ChartManifestsTest checks that they differ on every rendering, so none is a value of the chart).
 */
final class LiteralSecretCheck implements Check {

    private static final Set<String> SECRET_WORDS = Set.of("SECRET", "PASSWORD", "PASSWD", "TOKEN", "KEY", "CREDENTIALS");
    /** A name ending in one of these is about a secret, not a secret (KADENCE_TOKEN_TTL_SECONDS, KEY_FILE). */
    private static final Set<String> NOT_SECRET_ENDINGS = Set.of("TTL", "SECONDS", "FILE", "PATH", "NAME");

    private final DaprMetadataCatalog dapr;

    LiteralSecretCheck(DaprMetadataCatalog dapr) {
        this.dapr = dapr;
    }

    @Override
    public String name() {
        return "secrets";
    }

    @Override
    public List<Finding> check(List<Manifest> manifests) {
        List<Finding> findings = new ArrayList<>();
        for (Manifest manifest : manifests) {
            if (manifest.is("v1", "Secret") && !isGeneratedToken(manifest)) {
                for (String field : List.of("data", "stringData")) {
                    if (manifest.document().has(field)) {
                        findings.add(finding(manifest, "$." + field, "a Secret with literal " + field
                                + ": reference an existing Secret instead"));
                    }
                }
            }
            Tree.walk(manifest.document(), "$", (path, node) -> {
                if (path.endsWith(".env") && node.isArray()) {
                    checkEnv(manifest, path, node, findings);
                }
            });
            if (DaprMetadataCheck.isComponent(manifest)) {
                checkDaprMetadata(manifest, findings);
            }
        }
        return findings;
    }

    /** A platform token the chart generates at install: annotated so, and nothing but the key {@code token}. */
    static boolean isGeneratedToken(Manifest secret) {
        JsonNode document = secret.document();
        return "generated".equals(document.path("metadata").path("annotations").path("kadence.dev/token").asText())
            && !document.has("stringData") && document.path("data").size() == 1 && document.path("data").has("token");
    }

    static boolean soundsSecret(String name) {
        String[] words = name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT).split("[^A-Z0-9]+");
        if (words.length == 0 || NOT_SECRET_ENDINGS.contains(words[words.length - 1])) {
            return false;
        }
        for (String word : words) {
            if (SECRET_WORDS.stream().anyMatch(word::endsWith)) {
                return true;
            }
        }
        return false;
    }

    private void checkEnv(Manifest manifest, String path, JsonNode env, List<Finding> findings) {
        for (int i = 0; i < env.size(); i++) {
            String name = env.get(i).path("name").asText();
            if (soundsSecret(name) && !env.get(i).path("valueFrom").has("secretKeyRef")) {
                findings.add(finding(manifest, path + "[" + i + "]", "variable " + name
                        + " must come from a Secret (valueFrom.secretKeyRef), not a literal value"));
            }
        }
    }

    private void checkDaprMetadata(Manifest component, List<Finding> findings) {
        JsonNode spec = component.document().path("spec");
        Set<String> sensitive = dapr.of(spec.path("type").asText(), spec.path("version").asText())
                .map(DaprMetadataCatalog.ComponentMetadata::sensitive).orElse(Set.of());
        JsonNode metadata = spec.path("metadata");
        for (int i = 0; i < metadata.size(); i++) {
            String name = metadata.get(i).path("name").asText();
            if ((sensitive.contains(name) || soundsSecret(name)) && metadata.get(i).has("value")) {
                findings.add(finding(component, "$.spec.metadata[" + i + "]", "metadata " + name
                        + " must come from a secret store (secretKeyRef), not a literal value"));
            }
        }
    }
}
