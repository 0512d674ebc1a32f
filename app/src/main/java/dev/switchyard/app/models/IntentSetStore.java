package dev.switchyard.app.models;

import dev.switchyard.local.intent.IntentSets;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Intent;
import dev.switchyard.workspace.model.IntentSet;
import dev.switchyard.workspace.model.Model;
import dev.switchyard.workspace.model.ModelKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * Intent sets live in the workspace (so users edit them); the intent model reads them from there.
 * On first use a workspace gets the two shipped demo sets and one "intent model" row per set.
 */
public final class IntentSetStore {

    /** The shipped demo sets, under assets/intents/. */
    public static final List<String> SHIPPED = List.of("smart-home.json", "customer-support.json");
    /** Set once the demo sets were offered, so a user who deletes them does not get them back. */
    public static final String SEEDED_KEY = "intents.demoSetsSeeded";
    /** API model id prefix of intent model rows: {@code intent:<set name>}. */
    public static final String MODEL_PREFIX = "intent:";

    private final Workspace workspace;
    private final ModelDirectory directory;

    public IntentSetStore(Workspace workspace, ModelDirectory directory) {
        this.workspace = workspace;
        this.directory = directory;
    }

    /** Seeds the demo sets and their model rows once per workspace. Returns the number of sets added. */
    public int seedDemoSets() {
        if (workspace.settings().get(SEEDED_KEY).isPresent()) {
            return 0;
        }
        int added = 0;
        for (String file : SHIPPED) {
            dev.switchyard.local.intent.IntentSet shipped;
            try (InputStream in = Assets.open("intents/" + file)) {
                shipped = IntentSets.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read the shipped intent set " + file, e);
            }
            if (workspace.intentSets().findByName(shipped.name()).isEmpty()) {
                save(shipped);
                added++;
            }
            ensureModel(shipped.name());
        }
        workspace.settings().put(SEEDED_KEY, "true");
        return added;
    }

    /** Stores an engine intent set as a new workspace set. */
    public IntentSet save(dev.switchyard.local.intent.IntentSet set) {
        IntentSet row = workspace.intentSets().create(set.name(), set.description());
        for (dev.switchyard.local.intent.Intent i : set.intents()) {
            workspace.intentSets().addIntent(row.id(), Intent.of(i.name(), i.examples(), i.responseTemplate()));
        }
        return row;
    }

    /** The model row that answers with this set, created if missing. */
    public Model ensureModel(String setName) {
        return directory.registerLocalIntent(MODEL_PREFIX + setName, "Intent model (" + setName + ")");
    }

    /** The set as the intent model reads it, freshly from the workspace (so edits apply to the next run). */
    public Optional<dev.switchyard.local.intent.IntentSet> load(String setName) {
        return workspace.intentSets().findByName(setName).map(s -> new dev.switchyard.local.intent.IntentSet(s.name(),
                s.description() == null ? "" : s.description(),
                workspace.intentSets().intents(s.id()).stream()
                        .map(i -> new dev.switchyard.local.intent.Intent(i.name(), i.examples(),
                                i.responseTemplate() == null ? "" : i.responseTemplate()))
                        .toList()));
    }

    /** The set name an intent model row answers with. */
    public static String setName(Model intentModel) {
        if (intentModel.kind() != ModelKind.LOCAL_INTENT || !intentModel.apiModelId().startsWith(MODEL_PREFIX)) {
            throw new IllegalArgumentException(intentModel.apiModelId() + " is not an intent model");
        }
        return intentModel.apiModelId().substring(MODEL_PREFIX.length());
    }
}
