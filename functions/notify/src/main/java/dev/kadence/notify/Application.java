package dev.kadence.notify;

import io.micronaut.runtime.Micronaut;

/** notify: turns reminder.due events into the user's notifications. */
public class Application {
    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
