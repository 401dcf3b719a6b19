package dev.kadence.local.manifest;

import java.util.List;

/** A rule every set of manifests (one rendering of the chart, or dapr/) must keep. */
interface Check {

    /** The name findings carry, e.g. {@code schema}. */
    String name();

    List<Finding> check(List<Manifest> manifests);

    default Finding finding(Manifest manifest, String path, String message) {
        return new Finding(name(), manifest.label(), path, message);
    }
}
