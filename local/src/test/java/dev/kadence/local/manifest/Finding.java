package dev.kadence.local.manifest;

/** One thing wrong with one resource: which check found it, where (a JSON path), and what. */
record Finding(String check, String resource, String path, String message) {

    @Override
    public String toString() {
        return check + ": " + resource + " at " + path + ": " + message;
    }
}
