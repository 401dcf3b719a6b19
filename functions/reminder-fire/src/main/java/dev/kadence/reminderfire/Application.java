package dev.kadence.reminderfire;

import io.micronaut.runtime.Micronaut;

/** reminder-fire: the system's clock — Dapr jobs for reminders and due times, the cron sweep, and the task events that move them. */
public class Application {
    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
