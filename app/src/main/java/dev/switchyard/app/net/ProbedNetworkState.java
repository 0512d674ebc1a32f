package dev.switchyard.app.net;

import dev.switchyard.workspace.Workspace;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The command line's network state: what the desktop app's monitor would say (the same {@link SocketNetworkProbe}
 * rules — no interface up is offline; else online when one of the workspace's remote providers' hosts accepts a TCP
 * connection, or when there is none to try), checked when first asked and again when asked after {@link #FRESH}.
 * A replay asks for every item; a probe of unreachable hosts takes up to 1.5 s each, so it is not repeated per item.
 */
public final class ProbedNetworkState implements dev.switchyard.app.routing.NetworkState {

    /** How long a check stands. */
    public static final Duration FRESH = Duration.ofSeconds(10);

    private final NetworkProbe probe;
    private final Clock clock;
    private NetworkState last;
    private Instant checkedAt;

    public ProbedNetworkState(NetworkProbe probe, Clock clock) {
        this.probe = probe;
        this.clock = clock;
    }

    /** Probes the hosts of the cloud providers {@code ws} holds (read at each check, as the app's monitor does). */
    public static ProbedNetworkState of(Workspace ws, Clock clock) {
        return new ProbedNetworkState(SocketNetworkProbe.system(() -> hosts(ws)), clock);
    }

    /** The base URLs of the providers in use in {@code ws} (a removed provider's host says nothing of what can run). */
    public static List<String> hosts(Workspace ws) {
        return dev.switchyard.app.models.RemovedProviders.inUse(ws).stream().map(p -> p.baseUrl()).toList();
    }

    @Override
    public synchronized boolean online() {
        return state().online();
    }

    /** The state with why ("Reached api.openai.com.", "None of the cloud providers' hosts answered (…)."). */
    public synchronized NetworkState state() {
        Instant now = clock.instant();
        if (last == null || !now.isBefore(checkedAt.plus(FRESH))) {
            last = probe.check();
            checkedAt = now;
        }
        return last;
    }
}
