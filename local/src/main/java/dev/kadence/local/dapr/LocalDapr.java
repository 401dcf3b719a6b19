package dev.kadence.local.dapr;


import dev.kadence.local.knative.Activator;
import dev.kadence.local.manifest.DaprComponents;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The local platform's stand-in for Dapr: a sidecar HTTP endpoint per app (Jobs API), one scheduler that
 * fires jobs back to the app that scheduled them, and the cron bindings of dapr/. Honours Dapr's documented
 * HTTP contracts; it is not the Dapr runtime.
 */
public final class LocalDapr implements AutoCloseable {
    private final JobStore store;
    private final JobScheduler scheduler;
    private final List<DaprSidecar> sidecars = new ArrayList<>();
    private final Activator activator;
    private final Map<String, String> appTokens;
    private CronBindings cron;

    /**
     * @param apps       app id → the app's own base address
     * @param daprPorts  app id → the port of its Dapr HTTP API (what the app gets as DAPR_HTTP_PORT)
     * @param activator  holds job callbacks and cron ticks for an app that is being restarted
     */
    public LocalDapr(String jdbcUrl, String user, String password, Map<String, URI> apps, Map<String, Integer> daprPorts,
                     Activator activator) {
        this(jdbcUrl, user, password, apps, daprPorts, activator, Map.of());
    }

    /**
     * @param appTokens app id → the app token its sidecar sends as {@code dapr-api-token} on every call to the app
     *                  (Dapr's {@code APP_API_TOKEN}; in a cluster from the Secret named by {@code dapr.io/app-token-secret})
     */
    public LocalDapr(String jdbcUrl, String user, String password, Map<String, URI> apps, Map<String, Integer> daprPorts,
                     Activator activator, Map<String, String> appTokens) {
        Clock clock = Clock.systemUTC();
        this.activator = activator;
        this.appTokens = Map.copyOf(appTokens);
        store = new JobStore(jdbcUrl, user, password);
        scheduler = new JobScheduler(store, apps, this.appTokens, clock, activator);
        try {
            daprPorts.forEach((app, port) -> sidecars.add(new DaprSidecar(app, port, store, scheduler, clock)));
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Starts firing jobs (including those kept from an earlier run) and the cron bindings. Call once the apps are up. */
    public List<String> start(List<DaprComponents.CronBinding> bindings, Map<String, URI> apps) {
        scheduler.start();
        cron = new CronBindings(bindings, apps, appTokens, Clock.systemUTC(), activator);
        return cron.running();
    }

    @Override
    public void close() {
        if (cron != null) {
            cron.close();
        }
        scheduler.close();
        sidecars.forEach(DaprSidecar::close);
        store.close();
    }
}
