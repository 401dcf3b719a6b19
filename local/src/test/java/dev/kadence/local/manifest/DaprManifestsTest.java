package dev.kadence.local.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** dapr/ against the shared schemas and every check, and against the apps the chart runs with Dapr. */
class DaprManifestsTest {

    private static List<Manifest> dapr() {
        return Manifest.parseAll(DaprComponents.manifests(Repository.dapr()));
    }

    @Test
    void everyFileKeepsEveryCheck() {
        List<Manifest> manifests = dapr();

        assertEquals(Set.of("Component", "Resiliency"), manifests.stream().map(Manifest::kind).collect(Collectors.toSet()));
        Findings.assertNone("dapr/", ManifestValidator.shared().validate(manifests));
    }

    @Test
    void everyScopeIsADaprAppOfTheChart() {
        Set<String> daprApps = ChartManifestsTest.render("values-minikube.yaml").stream()
                .filter(manifest -> manifest.is("serving.knative.dev/v1", "Service"))
                .map(service -> service.document().path("spec").path("template").path("metadata").path("annotations"))
                .filter(annotations -> annotations.path("dapr.io/enabled").asText().equals("true"))
                .map(annotations -> annotations.path("dapr.io/app-id").asText())
                .collect(Collectors.toSet());

        for (Manifest manifest : dapr()) {
            JsonNode scopes = manifest.document().path("scopes");
            assertTrue(scopes.size() > 0, manifest.label() + " is scoped");
            scopes.forEach(scope -> assertTrue(daprApps.contains(scope.asText()),
                    manifest.label() + ": scope " + scope + " is not a Dapr app of the chart " + daprApps));
        }
    }

    @Test
    void theResiliencyPolicyCoversOnlyComponentsThatExist() {
        List<Manifest> manifests = dapr();
        Set<String> components = manifests.stream().filter(DaprMetadataCheck::isComponent).map(Manifest::name)
                .collect(Collectors.toSet());
        Manifest resiliency = manifests.stream().filter(manifest -> manifest.kind().equals("Resiliency")).findFirst()
                .orElseThrow();
        JsonNode targets = resiliency.document().path("spec").path("targets");

        Set<String> targeted = new TreeSet<>();
        targets.path("components").fieldNames().forEachRemaining(targeted::add);
        assertEquals(Set.of("reminder-sweep"), targeted);
        assertTrue(components.containsAll(targeted), "targets " + targeted + " of components " + components);
        assertEquals(Set.of("components"), fieldNames(targets), "no app or actor targets: nothing invokes them");
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
