package dev.switchyard.cloud;

import dev.switchyard.cloud.internal.AnthropicProtocol;
import dev.switchyard.cloud.internal.HttpCloudClient;
import dev.switchyard.cloud.internal.OpenAiProtocol;
import dev.switchyard.cloud.internal.Protocol;
import dev.switchyard.cloud.log.RedactingLoggingInterceptor;
import dev.switchyard.cloud.internal.StreamRun;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * Factory and owner of the shared transport: one OkHttpClient (connection pool, dispatcher) and one
 * watchdog timer for every client it builds. Create one per application; {@link #close()} at exit.
 */
public final class CloudClients implements AutoCloseable {

    private final OkHttpClient base;
    private final boolean owned;
    private final ScheduledThreadPoolExecutor timer;
    private final Map<Timeouts, OkHttpClient> perTimeouts = new ConcurrentHashMap<>();
    private final Set<StreamRun> active = ConcurrentHashMap.newKeySet();

    private CloudClients(OkHttpClient base, boolean owned) {
        this.base = base;
        this.owned = owned;
        this.timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "switchyard-cloud-watchdog");
            t.setDaemon(true);
            return t;
        });
        this.timer.setRemoveOnCancelPolicy(true);
    }

    /** With a default transport and no HTTP log. */
    public static CloudClients create() {
        return new CloudClients(defaultHttpClient(null), true);
    }

    /** With a default transport that logs request/response lines (headers redacted, no bodies) to {@code log}. */
    public static CloudClients create(Consumer<String> log) {
        return new CloudClients(defaultHttpClient(log), true);
    }

    /** Shares the given OkHttpClient (its pool and dispatcher); timeouts are derived per run. */
    public static CloudClients using(OkHttpClient base) {
        return new CloudClients(base, false);
    }

    /**
     * The default transport: up to 256 concurrent calls (also per host, so side-by-side runs and
     * benchmarks against one gateway do not queue), no silent connection-failure retries (the run's
     * retry policy is the only retry loop), 32 idle connections kept 5 minutes.
     */
    public static OkHttpClient defaultHttpClient(Consumer<String> log) {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(256);
        dispatcher.setMaxRequestsPerHost(256);
        OkHttpClient.Builder b = new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(32, 5, TimeUnit.MINUTES))
                .retryOnConnectionFailure(false);
        if (log != null) {
            b.addInterceptor(new RedactingLoggingInterceptor(log));
        }
        return b.build();
    }

    /** A client for the endpoint's protocol; cheap, clients share this factory's transport. */
    public CloudClient client(EndpointConfig endpoint) {
        Protocol protocol = endpoint.kind() == ApiKind.ANTHROPIC
                ? new AnthropicProtocol(endpoint) : new OpenAiProtocol(endpoint);
        return new HttpCloudClient(endpoint, protocol, this::httpFor, timer, active);
    }

    /** The shared transport. */
    public OkHttpClient httpClient() {
        return base;
    }

    private OkHttpClient httpFor(Timeouts t) {
        return perTimeouts.computeIfAbsent(t, k -> {
            // The read timeout is only a backstop: first-token, idle-gap and total limits are watchdogs.
            Duration backstop = (k.firstToken().compareTo(k.idleGap()) > 0 ? k.firstToken() : k.idleGap())
                    .multipliedBy(2);
            return base.newBuilder()
                    .connectTimeout(k.connect())
                    .writeTimeout(k.connect().plusSeconds(30))
                    .readTimeout(backstop)
                    .callTimeout(Duration.ZERO)
                    .build();
        });
    }

    /** Runs started by this factory's clients that have not ended yet. */
    public int activeRuns() {
        return active.size();
    }

    /**
     * Cancels every running stream (each gets its one CANCELLED callback), stops the watchdog timer and,
     * when the transport was created here, its dispatcher's remaining calls.
     */
    @Override
    public void close() {
        for (StreamRun run : List.copyOf(active)) {
            run.cancel();
        }
        timer.shutdownNow();
        if (owned) {
            base.dispatcher().cancelAll();
        }
    }
}
