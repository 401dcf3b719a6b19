package dev.kadence.notify;

/** Why a channel did not take a message, in words the user sees on the channel. */
class DeliveryFailed extends Exception {
    DeliveryFailed(String message) {
        super(message);
    }

    DeliveryFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
