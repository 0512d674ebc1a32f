package dev.switchyard.app;

import dev.switchyard.app.engine.EngineFactory;
import dev.switchyard.app.engine.intent.IntentModels;
import dev.switchyard.app.engine.local.LocalModels;
import dev.switchyard.app.models.IntentSetStore;
import dev.switchyard.app.models.Assets;
import dev.switchyard.app.models.ModelDirectory;
import dev.switchyard.cloud.CloudClients;
import dev.switchyard.cloud.WarmUp;
import dev.switchyard.cloud.catalog.CloudCatalog;
import dev.switchyard.cloud.secrets.EnvironmentSecrets;
import dev.switchyard.cloud.secrets.KeyringSecretStore;
import dev.switchyard.cloud.secrets.SecretResolver;
import dev.switchyard.cloud.secrets.SecretStore;
import dev.switchyard.cloud.secrets.SessionSecretStore;
import dev.switchyard.cloud.catalog.PriceTable;
import dev.switchyard.workspace.Workspace;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The composition root shared by the CLI and the desktop app: the process environment, the clock,
 * the shipped catalogs and the engines' long-lived resources (HTTP client pool). Built once per
 * process (tests build their own with a fake environment), closed on exit.
 */
public final class AppContext implements AutoCloseable {

    private final UnaryOperator<String> env;
    private final Clock clock;
    private CloudCatalog catalog;
    private PriceTable priceTable;
    private CloudClients cloudClients;
    private SessionSecretStore sessionKeys;
    private final LocalModels.EngineStarter localStarter;
    private final Supplier<SecretStore> keyring;
    private LocalModels localModels;
    private IntentModels intentModels;
    private final AtomicReference<CompletableFuture<Optional<WarmUp.Result>>> cloudWarmUp = new AtomicReference<>();
    private boolean closed;

    public AppContext(UnaryOperator<String> env, Clock clock) {
        this(env, clock, dev.switchyard.local.LocalEngine::inWorker);
    }

    /** With a chosen way to start the local engine (tests may run it in-process). */
    public AppContext(UnaryOperator<String> env, Clock clock, LocalModels.EngineStarter localStarter) {
        this(env, clock, localStarter, KeyringSecretStore::system);
    }

    /** With a chosen OS keyring (tests use one in memory, never the user's). */
    public AppContext(UnaryOperator<String> env, Clock clock, LocalModels.EngineStarter localStarter,
                      Supplier<SecretStore> keyring) {
        this.env = env;
        this.clock = clock;
        this.localStarter = localStarter;
        this.keyring = keyring;
    }

    public static AppContext system() {
        return new AppContext(System::getenv, Clock.systemDefaultZone());
    }

    /** Environment variable lookup (null when unset). */
    public String env(String name) {
        return env.apply(name);
    }

    public Clock clock() {
        return clock;
    }

    public synchronized CloudCatalog catalog() {
        if (catalog == null) {
            catalog = Assets.cloudCatalog();
        }
        return catalog;
    }

    public synchronized PriceTable priceTable() {
        if (priceTable == null) {
            priceTable = Assets.priceTable();
        }
        return priceTable;
    }

    public synchronized CloudClients cloudClients() {
        if (cloudClients == null) {
            cloudClients = CloudClients.create();
        }
        return cloudClients;
    }

    /**
     * Runs the cloud client's code once over loopback ({@link WarmUp}), so that the first cloud run of this process
     * does not count the JVM loading and compiling it in its time to first token (README decision 26). Once per
     * context: a second call waits for the first one's result. Empty when it is turned off
     * ({@code -Dswitchyard.warmUp=false}) or could not run (said on standard error); a warm-up never stops a run. Never
     * call it on the FX thread: it takes 0.1–0.5 s.
     */
    public Optional<WarmUp.Result> warmUpCloud() {
        if ("false".equals(System.getProperty("switchyard.warmUp"))) {
            return Optional.empty();
        }
        CompletableFuture<Optional<WarmUp.Result>> mine = new CompletableFuture<>();
        CompletableFuture<Optional<WarmUp.Result>> running = cloudWarmUp.compareAndExchange(null, mine);
        if (running != null) {
            return running.join();
        }
        Optional<WarmUp.Result> result = Optional.empty();
        try {
            CloudClients clients;
            synchronized (this) {
                if (closed) {
                    return result; // the app ended before its warm-up began
                }
                clients = cloudClients();
            }
            result = Optional.of(WarmUp.run(clients, 2));
            StartupLog.mark("cloud client warmed up over loopback: " + result.get());
        } catch (IOException | RuntimeException e) {
            System.err.println("Switchyard: the cloud client's warm-up over loopback failed (" + e.getMessage()
                    + "); the first cloud run's time to first token may include loading it.");
        } finally {
            mine.complete(result);
        }
        return result;
    }

    /** The local engine (a worker process, started on first use) and the models loaded in it. */
    public synchronized LocalModels localModels() {
        if (localModels == null) {
            localModels = new LocalModels(localStarter);
        }
        return localModels;
    }

    /** The embedded sentence-embedding model and the intent model on it (loaded on first use). */
    public synchronized IntentModels intentModels() {
        if (intentModels == null) {
            intentModels = new IntentModels();
        }
        return intentModels;
    }

    /**
     * Makes a workspace ready for use by this build: the shipped demo intent sets and their model rows
     * (once per workspace), the shipped prices of its cloud models, and a default routing policy (from the
     * tiered template) when it has none. Cheap when there is nothing to do.
     */
    public void prepare(Workspace workspace) {
        ModelDirectory directory = directory(workspace);
        new IntentSetStore(workspace, directory).seedDemoSets();
        directory.syncShippedPrices();
        dev.switchyard.app.routing.PolicyTemplates.ensureDefault(workspace);
    }

    /**
     * Resolves key references: environment variables, the OS keyring (each call time-limited, so a
     * missing Secret Service fails fast with a sentence instead of hanging), and — only after the user
     * accepted it — keys kept for this app run.
     */
    public synchronized SecretResolver secrets() {
        return new SecretResolver(new EnvironmentSecrets(env), keyring(), sessionKeys);
    }

    /** The OS keyring (each call time-limited; on Linux without a session bus every call fails at once with why). */
    public SecretStore keyring() {
        return keyring.get();
    }

    /** Called when the user accepted "keep keys for this app run only" after being told why the keyring failed. */
    public synchronized SessionSecretStore acceptSessionKeys(String reasonShown) {
        if (sessionKeys == null) {
            sessionKeys = SessionSecretStore.afterUserConsent(reasonShown);
        }
        return sessionKeys;
    }

    public ModelDirectory directory(Workspace workspace) {
        return new ModelDirectory(workspace, catalog(), priceTable(), clock);
    }

    public EngineFactory engines(Workspace workspace) {
        return new EngineFactory(this, workspace);
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (intentModels != null) {
            intentModels.close();
            intentModels = null;
        }
        if (localModels != null) {
            localModels.close();
            localModels = null;
        }
        if (cloudClients != null) {
            cloudClients.close();
            cloudClients = null;
        }
    }
}
