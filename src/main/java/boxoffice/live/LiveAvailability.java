package boxoffice.live;

import boxoffice.config.LiveConfiguration;
import boxoffice.lifecycle.PeriodicJob;
import boxoffice.resources.ClientAddresses;
import boxoffice.service.EventService;
import boxoffice.store.FeedReads;
import io.dropwizard.core.setup.Environment;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import org.eclipse.jetty.util.component.LifeCycle;

/** Wires the live availability streams and the live seat page: the hub, its watcher and heartbeat, the resources. */
public final class LiveAvailability {
    /** How long a browser waits before reconnecting a dropped stream (the SSE {@code retry:} field). */
    private static final Duration RECONNECT_DELAY = Duration.ofSeconds(1);

    private LiveAvailability() {}

    public static void register(LiveConfiguration config, Environment environment, FeedReads feed,
            EventService events, ClientAddresses clients) {
        int threads = config.getSenderThreads();
        ExecutorService senders = environment.lifecycle().executorService("live-sender-%d")
                .minThreads(threads).maxThreads(threads).build();
        AvailabilitySource source = new AvailabilitySource(feed, events, environment.getObjectMapper(),
                RECONNECT_DELAY);
        AvailabilityHub hub = new AvailabilityHub(source, senders,
                new StreamCounts(config.getMaxClients(), config.getMaxPerClient()), environment.metrics());
        AvailabilityWatcher watcher = new AvailabilityWatcher(hub, source);
        ScheduledExecutorService timer = environment.lifecycle().scheduledExecutorService("live-watcher")
                .threads(1).build();
        environment.lifecycle().manage(new PeriodicJob("live availability poll", timer,
                config.getPollInterval().toJavaDuration(), watcher::poll));
        environment.lifecycle().manage(new PeriodicJob("live availability heartbeat", timer,
                config.getHeartbeat().toJavaDuration(), hub::heartbeat));
        // Open streams would otherwise hold the graceful stop for its whole period: end them as the server stops.
        environment.lifecycle().addEventListener(new LifeCycle.Listener() {
            @Override
            public void lifeCycleStopping(LifeCycle server) {
                hub.closeAll();
            }
        });
        environment.jersey().register(new AvailabilityResource(hub, clients));
        environment.jersey().register(new LivePageResource(events));
    }
}
