package dev.kadence.recurrencehandler;

import io.micronaut.runtime.Micronaut;

/** recurrence-handler: keeps recurring series going as their instances are completed or fall due. */
public class Application {
    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
