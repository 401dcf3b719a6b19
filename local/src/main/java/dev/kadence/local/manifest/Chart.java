package dev.kadence.local.manifest;

import com.marcnuri.helm.Helm;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.file.Path;
import java.util.List;

/** The knative/ Helm chart, rendered in-process (helm-java, offline) and read with the fabric8 model. */
final class Chart {

    static final String RELEASE = "kadence";
    static final String NAMESPACE = "kadence";

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private Chart() {
    }

    /**
     * {@code helm template kadence <chartDir> -n kadence -f <valuesFile>}: the manifests as one YAML stream. Offline:
     * helm-java would answer the chart's {@code lookup} from a cluster at the default kubeconfig address (localhost:8080,
     * where the local platform's front door may be), so the chart is told not to look ({@code platform.lookup=false}),
     * as {@code helm template} does not.
     */
    static String render(Path chartDir, Path valuesFile) {
        return new Helm(chartDir).template()
                .withName(RELEASE)
                .withNamespace(NAMESPACE)
                .withValuesFile(valuesFile)
                .set("platform.lookup", false)
                .call();
    }

    /**
     * Every resource of a multi-document YAML stream, typed where fabric8 knows the kind (a KafkaSource is an
     * {@link io.fabric8.knative.sources.v1.KafkaSource}), else a generic resource. Empty documents are skipped.
     */
    static List<HasMetadata> read(String yaml) {
        Object parsed = SERIALIZATION.unmarshal(yaml);
        if (parsed == null) {
            return List.of();
        }
        if (parsed instanceof List<?> documents) {
            return documents.stream().filter(HasMetadata.class::isInstance).map(HasMetadata.class::cast).toList();
        }
        if (parsed instanceof HasMetadata resource) {
            return List.of(resource);
        }
        throw new IllegalArgumentException("Not a Kubernetes resource: " + parsed.getClass().getName());
    }
}
