package dev.switchyard.app.net;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Knows whether the network is up: runs a {@link NetworkProbe} every few seconds on an executor owned by the
 * composition root and tells listeners when the state changes (on the checking thread; UI code hops to its
 * own thread). A probe that throws counts as offline — the monitor itself never fails.
 */
public final class NetworkMonitor implements AutoCloseable {

    /** How often the desktop app checks. */
    public static final Duration DEFAULT_PERIOD = Duration.ofSeconds(5);

    private static final Logger LOG = Logger.getLogger(NetworkMonitor.class.getName());

    private final NetworkProbe probe;
    private final Clock clock;
    private final List<Consumer<NetworkState>> listeners = new CopyOnWriteArrayList<>();
    private volatile NetworkState state = NetworkState.UNKNOWN;
    private ScheduledFuture<?> scheduled;

    public NetworkMonitor(NetworkProbe probe, Clock clock) {
        this.probe = probe;
        this.clock = clock;
    }

    /** The last state seen ({@link NetworkState#UNKNOWN} before the first check). */
    public NetworkState state() {
        return state;
    }

    public boolean isOnline() {
        return state.online();
    }

    /** Called with every change of {@code online} (and the first check), on the checking thread. */
    public void addListener(Consumer<NetworkState> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<NetworkState> listener) {
        listeners.remove(listener);
    }

    /** Checks now on the calling thread; returns the new state. */
    public NetworkState checkNow() {
        NetworkState found;
        try {
            NetworkState raw = probe.check();
            found = new NetworkState(raw.online(), raw.detail(), clock.instant());
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "network probe failed", e);
            found = NetworkState.offline("The network check failed: " + e.getMessage(), clock.instant());
        }
        NetworkState before = state;
        state = found;
        if (before.checkedAt() == null || before.online() != found.online() || !before.detail().equals(found.detail())) {
            for (Consumer<NetworkState> l : listeners) {
                try {
                    l.accept(found);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "network listener failed", e);
                }
            }
        }
        return found;
    }

    /** Checks at once and then every {@code period} on {@code executor} (the caller owns and shuts it down). */
    public synchronized void start(ScheduledExecutorService executor, Duration period) {
        stop();
        scheduled = executor.scheduleWithFixedDelay(this::checkSafely, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void checkSafely() {
        try {
            checkNow();
        } catch (Throwable t) {
            LOG.log(Level.WARNING, "network check failed", t);
        }
    }

    public synchronized void stop() {
        if (scheduled != null) {
            scheduled.cancel(false);
            scheduled = null;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
