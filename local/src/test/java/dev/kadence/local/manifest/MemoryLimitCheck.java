package dev.kadence.local.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every function (a Knative Service's container) states a memory limit, and it is at most 128Mi: DESIGN §8's budget,
 * the limit deploy/image-test.sh runs every function image under (docs/startup-and-memory.md).
 */
final class MemoryLimitCheck implements Check {

    static final long LIMIT_BYTES = 128L * 1024 * 1024;

    private static final Pattern QUANTITY = Pattern.compile(
            "([0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+|Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E|m)?");

    @Override
    public String name() {
        return "memory";
    }

    @Override
    public List<Finding> check(List<Manifest> manifests) {
        List<Finding> findings = new ArrayList<>();
        for (Manifest service : manifests.stream().filter(m -> m.is("serving.knative.dev/v1", "Service")).toList()) {
            JsonNode containers = service.document().path("spec").path("template").path("spec").path("containers");
            for (int i = 0; i < containers.size(); i++) {
                String path = "$.spec.template.spec.containers[" + i + "].resources.limits.memory";
                JsonNode limit = containers.get(i).path("resources").path("limits").path("memory");
                if (limit.isMissingNode() || limit.isNull()) {
                    findings.add(finding(service, path, "no memory limit (at most 128Mi)"));
                } else if (bytes(limit.asText()).compareTo(BigDecimal.valueOf(LIMIT_BYTES)) > 0) {
                    findings.add(finding(service, path, "memory limit " + limit.asText() + " is over 128Mi"));
                }
            }
        }
        return findings;
    }

    /** A Kubernetes quantity in bytes: 128Mi, 134217728, 128M, 0.5Gi, 1e3. */
    static BigDecimal bytes(String quantity) {
        Matcher matcher = QUANTITY.matcher(quantity.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Not a Kubernetes quantity: " + quantity);
        }
        BigDecimal number = new BigDecimal(matcher.group(1));
        String suffix = matcher.group(2) == null ? "" : matcher.group(2);
        if (suffix.length() > 1 && (suffix.charAt(0) == 'e' || suffix.charAt(0) == 'E') && suffix.charAt(1) != 'i') {
            return number.movePointRight(Integer.parseInt(suffix.substring(1)));
        }
        return switch (suffix) {
            case "" -> number;
            case "m" -> number.movePointLeft(3);
            case "k" -> number.movePointRight(3);
            case "M" -> number.movePointRight(6);
            case "G" -> number.movePointRight(9);
            case "T" -> number.movePointRight(12);
            case "P" -> number.movePointRight(15);
            case "E" -> number.movePointRight(18);
            default -> number.multiply(BigDecimal.valueOf(2).pow(10 * (1 + "KMGTPE".indexOf(suffix.charAt(0)))));
        };
    }
}
