package boxoffice.warmup;

import boxoffice.config.WarmupConfiguration;
import boxoffice.store.Retention;
import boxoffice.store.ledger.Stores;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.lifecycle.ServerLifecycleListener;
import jakarta.servlet.DispatcherType;
import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.server.Server;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warm before ready (WARMUP): routes the stores so that the warm-up's own requests use a scratch store, and once
 * Jetty listens, drives the hot paths through it on a thread of its own; the {@code warmup} health check keeps the
 * instance not ready until that is over. Off, it changes nothing and the check is healthy at once.
 */
public final class Warmup {
    private static final Logger LOG = LoggerFactory.getLogger(Warmup.class);

    private final WarmupConfiguration config;
    private final ScratchScope scope = new ScratchScope();
    private final WarmupGate gate = new WarmupGate(scope);
    private final Optional<ScratchStores> scratch;
    private volatile boolean over;
    private volatile String state;

    public Warmup(WarmupConfiguration config, Duration storeTimeout, Retention retention) {
        this.config = config;
        this.scratch = config.isEnabled()
                ? Optional.of(new ScratchStores(scope, storeTimeout, retention))
                : Optional.empty();
        this.over = !config.isEnabled();
        this.state = config.isEnabled() ? "warming up" : "warm-up off";
        if (!config.isEnabled()) {
            gate.close();
        }
    }

    /** The shared stores, with the warm-up's requests sent to the scratch store while it runs. */
    public Stores route(Stores shared) {
        return scratch.map(stores -> stores.around(shared)).orElse(shared);
    }

    /** The gate on the API, the ready check, and the warm-up itself once the server has started. */
    public void register(Environment environment, List<String> organizerKeys) {
        environment.healthChecks().register("warmup", new WarmupHealthCheck(this));
        if (scratch.isEmpty()) {
            return;
        }
        // ASYNC too: a request whose body is waited for without a thread (BodyPrefetchFilter) reaches Jersey on an
        // async dispatch, on another thread, where the scope must be entered again.
        environment.servlets().addFilter("warmup-gate", gate)
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC), true, "/api/*");
        Optional<String> organizerKey = organizerKeys.stream().findFirst();
        environment.lifecycle().addServerLifecycleListener(new ServerLifecycleListener() {
            @Override
            public void serverStarted(Server server) {
                start(getLocalPort(server), organizerKey); // the application connector's port
            }
        });
    }

    boolean isOver() {
        return over;
    }

    String describe() {
        return state;
    }

    private void start(int port, Optional<String> organizerKey) {
        URI base = URI.create("http://127.0.0.1:" + port);
        WarmupDriver driver = new WarmupDriver(base, gate.secret(), organizerKey, config.getConnections(),
                config.minDuration(), config.maxDuration());
        Thread thread = new Thread(() -> runAndFinish(driver), "warmup");
        thread.setDaemon(true);
        thread.start();
    }

    private void runAndFinish(WarmupDriver driver) {
        try {
            WarmupDriver.Summary summary = driver.run();
            state = "warmed up in " + summary.took().toMillis() + " ms, " + summary.requests() + " requests ("
                    + summary.failures() + " failed), JIT " + (summary.settled() ? "settled" : "still compiling");
            LOG.info("Warm-up over: {}", state);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            state = "warm-up interrupted";
        } catch (RuntimeException failed) {
            state = "warm-up failed: " + failed;
            LOG.warn("Warm-up failed; the instance reports ready without it", failed);
        } finally {
            gate.close();
            scratch.ifPresent(ScratchStores::close);
            over = true;
        }
    }
}
