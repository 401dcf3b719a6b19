package dev.kadence.local;

/** Kadence could not start; the message says why and what to do, in words for the person at the terminal. */
final class StartupFailure extends RuntimeException {

    StartupFailure(String message) {
        super(message);
    }

    StartupFailure(String message, Throwable cause) {
        super(message, cause);
    }

    static StartupFailure interrupted() {
        Thread.currentThread().interrupt();
        return new StartupFailure("startup was interrupted");
    }
}
