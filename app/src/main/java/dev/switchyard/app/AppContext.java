package dev.switchyard.app;

import dev.switchyard.app.engine.EngineFactory;
import dev.switchyard.app.models.Assets;
import dev.switchyard.app.models.ModelDirectory;
import dev.switchyard.cloud.CloudClients;
import dev.switchyard.cloud.catalog.CloudCatalog;
import dev.switchyard.cloud.catalog.PriceTable;
import dev.switchyard.workspace.Workspace;
import java.time.Clock;
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

    public AppContext(UnaryOperator<String> env, Clock clock) {
        this.env = env;
        this.clock = clock;
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

    public ModelDirectory directory(Workspace workspace) {
        return new ModelDirectory(workspace, catalog(), priceTable(), clock);
    }

    public EngineFactory engines(Workspace workspace) {
        return new EngineFactory(this, workspace);
    }

    @Override
    public synchronized void close() {
        if (cloudClients != null) {
            cloudClients.close();
            cloudClients = null;
        }
    }
}
