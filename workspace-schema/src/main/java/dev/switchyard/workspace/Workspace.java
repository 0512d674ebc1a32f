package dev.switchyard.workspace;

import dev.switchyard.workspace.db.Database;
import dev.switchyard.workspace.db.Migrator;
import dev.switchyard.workspace.db.Opener;
import dev.switchyard.workspace.exchange.Exporter;
import dev.switchyard.workspace.exchange.Importer;
import dev.switchyard.workspace.repo.ComparisonRepository;
import dev.switchyard.workspace.repo.DatasetRepository;
import dev.switchyard.workspace.repo.IntentSetRepository;
import dev.switchyard.workspace.repo.ModelRepository;
import dev.switchyard.workspace.repo.PolicyRepository;
import dev.switchyard.workspace.repo.PriceRepository;
import dev.switchyard.workspace.repo.PromptRepository;
import dev.switchyard.workspace.repo.ProviderRepository;
import dev.switchyard.workspace.repo.ReplayRepository;
import dev.switchyard.workspace.repo.RunRepository;
import dev.switchyard.workspace.repo.SettingsRepository;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One workspace = one SQLite file. Open it, use the repositories (thread-safe: writes are serialised, reads
 * run on their own connection), close it. Every failure is a {@link WorkspaceException}.
 */
public final class Workspace implements AutoCloseable {

    private static final Migrator MIGRATOR = new Migrator();
    /** Aggregate name → table, in the order {@link #counts()} reports them. */
    private static final Map<String, String> AGGREGATES = aggregates();

    private final Database db;
    private final ProviderRepository providers;
    private final ModelRepository models;
    private final PriceRepository prices;
    private final PromptRepository prompts;
    private final RunRepository runs;
    private final ComparisonRepository comparisons;
    private final PolicyRepository policies;
    private final DatasetRepository datasets;
    private final ReplayRepository replays;
    private final IntentSetRepository intentSets;
    private final SettingsRepository settings;
    private int interruptedAtOpen;

    private Workspace(Database db) {
        this.db = db;
        this.providers = new ProviderRepository(db);
        this.models = new ModelRepository(db);
        this.prices = new PriceRepository(db);
        this.prompts = new PromptRepository(db);
        this.runs = new RunRepository(db);
        this.comparisons = new ComparisonRepository(db);
        this.policies = new PolicyRepository(db);
        this.datasets = new DatasetRepository(db);
        this.replays = new ReplayRepository(db);
        this.intentSets = new IntentSetRepository(db);
        this.settings = new SettingsRepository(db);
    }

    /** Opens (creating the file and its folders if absent) and migrates the workspace at {@code file}. */
    public static Workspace open(Path file) {
        return open(file, WorkspaceOptions.DEFAULT);
    }

    /**
     * Opens and migrates the workspace; runs that a process left streaming when it ended (a crash, a killed app) are
     * marked interrupted ({@link RunRepository#markInterrupted}), keeping their text.
     */
    public static Workspace open(Path file, WorkspaceOptions options) {
        Path f = file.toAbsolutePath().normalize();
        Workspace ws = new Workspace(Opener.open(f, options, MIGRATOR));
        try {
            ws.interruptedAtOpen = ws.runs.markInterrupted();
        } catch (WorkspaceException e) {
            // a read-only file, say: the runs stay as they are, and the workspace still opens for reading
        }
        return ws;
    }

    /** How many runs {@link #open} marked interrupted (left streaming by a process that had ended). */
    public int interruptedAtOpen() {
        return interruptedAtOpen;
    }

    /** {@code default.switchyard} in {@link SwitchyardHome#directory()}. */
    public static Path defaultFile() {
        return SwitchyardHome.directory().resolve("default.switchyard");
    }

    public static int latestSchemaVersion() {
        return MIGRATOR.latestVersion();
    }

    public Path file() {
        return db.file();
    }

    /** The file name without its extension. */
    public String name() {
        String n = db.file().getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    public int schemaVersion() {
        return db.read(Migrator::userVersion);
    }

    /** Row count per aggregate, in a fixed order (providers, models, prices, prompts, runs, …). */
    public Map<String, Long> counts() {
        return db.read(c -> {
            Map<String, Long> out = new LinkedHashMap<>();
            for (Map.Entry<String, String> e : AGGREGATES.entrySet()) {
                String sql = e.getKey().equals("runs") ? "SELECT coalesce(sum(n), 0) FROM run_counts"
                        : "SELECT count(*) FROM " + e.getValue();
                out.put(e.getKey(), Database.list(c, sql, rs -> rs.getLong(1)).get(0));
            }
            return out;
        });
    }

    /**
     * Runs SQLite's integrity and foreign-key checks, compares migration checksums and checks the text-search
     * index against the runs. Slow on big files (seconds per GB); never run by {@link #open}.
     */
    public CheckReport check() {
        List<String> problems = new ArrayList<>(db.read(c -> {
            List<String> found = new ArrayList<>();
            try {
                for (String row : Database.list(c, "PRAGMA integrity_check", rs -> rs.getString(1))) {
                    if (!"ok".equals(row)) {
                        found.add("Integrity check: " + row + ".");
                    }
                }
                for (String row : Database.list(c, "PRAGMA foreign_key_check",
                        rs -> rs.getString(1) + " row " + rs.getLong(2) + " refers to a missing " + rs.getString(3) + " row")) {
                    found.add("Foreign key check: " + row + ".");
                }
                found.addAll(MIGRATOR.verify(c));
            } catch (SQLException e) {
                found.add("Integrity check could not finish: " + e.getMessage() + ".");
            }
            return found;
        }));
        if (!problems.isEmpty()) {
            return CheckReport.of(problems);
        }
        problems.addAll(runs.verifyIndexes());
        return CheckReport.of(problems);
    }

    /** Writes the whole workspace as one JSON document (no secrets: providers carry only auth references). */
    public void exportTo(OutputStream out) {
        new Exporter(this).write(out);
    }

    /**
     * Writes the whole workspace to {@code file} through a hidden temporary sibling moved into place at the end, so a
     * failed export leaves neither a half file nor the temporary one; returns the file's size in bytes.
     */
    public long exportTo(Path file) throws java.io.IOException {
        Path target = file.toAbsolutePath();
        Path tmp = java.nio.file.Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
        try {
            try (OutputStream out = java.nio.file.Files.newOutputStream(tmp)) {
                exportTo(out);
            }
            java.nio.file.Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return java.nio.file.Files.size(target);
        } finally {
            java.nio.file.Files.deleteIfExists(tmp);
        }
    }

    /** Merges a JSON export by uid in one transaction; refusals are listed in the report. */
    public ImportReport importFrom(InputStream in) {
        return new Importer(this, db).read(in);
    }

    public ProviderRepository providers() {
        return providers;
    }

    public ModelRepository models() {
        return models;
    }

    public PriceRepository prices() {
        return prices;
    }

    public PromptRepository prompts() {
        return prompts;
    }

    public RunRepository runs() {
        return runs;
    }

    public ComparisonRepository comparisons() {
        return comparisons;
    }

    public PolicyRepository policies() {
        return policies;
    }

    public DatasetRepository datasets() {
        return datasets;
    }

    public ReplayRepository replays() {
        return replays;
    }

    public IntentSetRepository intentSets() {
        return intentSets;
    }

    public SettingsRepository settings() {
        return settings;
    }

    /** The underlying database, for tests in this package. */
    Database database() {
        return db;
    }

    public boolean isClosed() {
        return db.isClosed();
    }

    @Override
    public void close() {
        db.close();
    }

    private static Map<String, String> aggregates() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("providers", "providers");
        m.put("models", "models");
        m.put("prices", "prices");
        m.put("prompts", "prompts");
        m.put("runs", "runs");
        m.put("comparisons", "comparisons");
        m.put("votes", "votes");
        m.put("policies", "policies");
        m.put("datasets", "datasets");
        m.put("replays", "replays");
        m.put("intentSets", "intent_sets");
        return m;
    }
}
