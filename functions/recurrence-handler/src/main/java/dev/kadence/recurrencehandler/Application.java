package dev.kadence.recurrencehandler;

import dev.kadence.core.web.FunctionServer;

/** recurrence-handler: keeps recurring series going as their instances are completed or fall due. */
public class Application {
    public static void main(String[] args) {
        FunctionServer.start(Application.class, args);
    }
}
