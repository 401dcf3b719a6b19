package dev.kadence.taskcrud;

import dev.kadence.core.error.KadenceException;

import java.util.UUID;

/** Ids from the path. A path id that is not a UUID names nothing: 404. */
final class Ids {
    private Ids() {
    }

    static UUID path(String id, String what) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw KadenceException.notFound(what);
        }
    }
}
