package dev.kadence.reminderfire;

import dev.kadence.core.web.FunctionServer;

/** reminder-fire: the system's clock — Dapr jobs for reminders and due times, the cron sweep, and the task events that move them. */
public class Application {
    public static void main(String[] args) {
        FunctionServer.start(Application.class, args);
    }
}
