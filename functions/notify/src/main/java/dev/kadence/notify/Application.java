package dev.kadence.notify;

import dev.kadence.core.web.FunctionServer;

/** notify: turns reminder.due events into the user's notifications. */
public class Application {
    public static void main(String[] args) {
        FunctionServer.start(Application.class, args);
    }
}
