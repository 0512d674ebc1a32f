package dev.switchyard.ui.models;

import dev.switchyard.app.models.RemovedModels;
import dev.switchyard.app.models.RemovedProviders;
import dev.switchyard.workspace.model.Model;
import dev.switchyard.cloud.CloudException;
import dev.switchyard.cloud.RemoteModel;
import dev.switchyard.app.models.ProviderKeys;
import dev.switchyard.cloud.catalog.ProviderPreset;
import dev.switchyard.ui.UnsavedChoice;
import dev.switchyard.ui.task.TaskRunner;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.ModelKind;
import dev.switchyard.workspace.model.Provider;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Models and providers: the workspace's providers, adding one (preset or custom URL, key to the keyring,
 * this run's memory after consent, or an environment variable), testing the connection by listing the
 * endpoint's models, adding them, and their prices. No {@code javafx.scene}.
 */
public final class ModelsViewModel {

    public enum Mode { NO_WORKSPACE, EMPTY, VIEWING, ADDING }

    public enum Connection { UNTESTED, TESTING, OK, FAILED }

    /** A model the endpoint lists; {@code added} when the workspace has it already. */
    public record RemoteRow(String id, String displayName, boolean added) {
        @Override
        public String toString() {
            return added ? id + "  (added)" : id;
        }
    }

    private final TaskRunner tasks;
    private final ModelsServices services;
    private final KeyVault vault;
    private final Clock clock;
    private final ProviderForm form;
    private final PriceEditor prices;
    private final TimeLimitsEditor limits;
    private final LocalModelsModel local;
    private final ProviderKeyEditor keys;
    private final ReadOnlyObjectWrapper<Mode> mode = new ReadOnlyObjectWrapper<>(Mode.NO_WORKSPACE);
    private final ObservableList<Provider> providers = FXCollections.observableArrayList();
    private final ObjectProperty<Provider> selected = new SimpleObjectProperty<>();
    private final ObservableList<ModelRow> models = FXCollections.observableArrayList();
    private final ObjectProperty<ModelRow> selectedModel = new SimpleObjectProperty<>();
    private final ObservableList<RemoteRow> remote = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Connection> connection = new ReadOnlyObjectWrapper<>(Connection.UNTESTED);
    private final ReadOnlyStringWrapper connectionText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private Function<String, UnsavedChoice> askToSave = question -> UnsavedChoice.CANCEL; // nobody to ask: keep them
    private Workspace workspace;
    private boolean refreshing;
    /** A provider asked for ({@link #selectProvider}) that the list did not hold yet; selected once it is read. */
    private Long wanted;

    public ModelsViewModel(TaskRunner tasks, ModelsServices services, KeyVault vault, Collection<ProviderPreset> presets,
                           LocalModelService localModels, Clock clock) {
        this.tasks = tasks;
        this.services = services;
        this.vault = vault;
        this.clock = clock;
        this.form = new ProviderForm(presets);
        this.prices = new PriceEditor(tasks, clock);
        this.limits = new TimeLimitsEditor(tasks);
        this.local = new LocalModelsModel(tasks, localModels);
        this.keys = new ProviderKeyEditor(tasks, vault, message::set, (p, then) -> {
            if (p.equals(selected.get())) {
                keys().show(workspace, p); // the same reference (a key kept for this run again): look it up again
                then.run();
            } else {
                reloadProviders(p.id(), then);
            }
        });
        selected.addListener((obs, old, now) -> {
            if (refreshing && old != null && now != null && old.id() == now.id()) {
                keys.refresh(workspace, now); // stored anew by another process: keeps Set key… and the tested list
                reloadModels();
            } else {
                showProvider(now);
            }
        });
        selectedModel.addListener((obs, old, now) -> {
            if (old == null || now == null || old.model().id() != now.model().id()) { // not a reload of the same model
                Workspace ws = workspace;
                prices.show(ws, () -> services.directory(ws), now == null ? null : now.model());
                limits.show(ws, () -> services.directory(ws), now == null ? null : now.model());
            }
        });
        prices.setOnSaved(this::reloadModels);
    }

    // ------------------------------------------------------------------ properties

    public ReadOnlyObjectProperty<Mode> modeProperty() { return mode.getReadOnlyProperty(); }

    public ObservableList<Provider> providers() { return providers; }

    public ObjectProperty<Provider> selectedProviderProperty() { return selected; }

    public ObservableList<ModelRow> models() { return models; }

    public ObjectProperty<ModelRow> selectedModelProperty() { return selectedModel; }

    public ObservableList<RemoteRow> remoteModels() { return remote; }

    public ReadOnlyObjectProperty<Connection> connectionProperty() { return connection.getReadOnlyProperty(); }

    /** "Connected: 12 models listed." or the error sentence. */
    public ReadOnlyStringProperty connectionTextProperty() { return connectionText.getReadOnlyProperty(); }

    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }

    public ProviderForm form() { return form; }

    public PriceEditor prices() { return prices; }

    /** The time limits of the model picked in the table. */
    public TimeLimitsEditor limits() { return limits; }

    public LocalModelsModel local() { return local; }

    /** The selected provider's key: where it is, Set key… / Replace key…, Remove key. */
    public ProviderKeyEditor keys() { return keys; }

    // ------------------------------------------------------------------ commands

    public void setWorkspace(Workspace ws) {
        workspace = ws;
        providers.clear();
        selected.set(null);
        // the model picked belongs to the workspace left: its prices and limits (and what was typed in them, which the
        // window asked about) must not stay, nor be kept by a model of this workspace that has the same id
        selectedModel.set(null);
        local.setWorkspace(ws);
        if (ws == null) {
            mode.set(Mode.NO_WORKSPACE);
            return;
        }
        reloadProviders(null);
    }

    /**
     * File → Refresh (F5) and the window focused again: re-reads the providers, the selected provider's key, models and
     * prices, and the local models (off the FX thread), so what the CLI added from a terminal shows. Keeps the selected
     * provider and model, the add form, a Set key… being typed, price fields being edited and a typed device cost.
     */
    public void refresh() {
        Workspace ws = workspace;
        if (ws == null) {
            return;
        }
        local.refresh();
        prices.refresh();
        limits.refresh();
        tasks.run("Load providers", () -> cloudProviders(ws), list -> {
            if (ws != workspace) {
                return;
            }
            Provider asked = takeWanted(list);
            Provider now = selected.get();
            Provider same = now == null ? null : list.stream().filter(p -> p.id() == now.id()).findFirst().orElse(null);
            if (asked != null && (same == null || same.id() != asked.id())) {
                if (!list.equals(providers)) {
                    providers.setAll(list);
                }
                selected.set(asked);
                if (mode.get() != Mode.ADDING) {
                    mode.set(Mode.VIEWING);
                }
                return;
            }
            if (same != null && !same.equals(now) && connection.get() == Connection.FAILED) {
                connection.set(Connection.UNTESTED); // "no key" may no longer be true
                connectionText.set("");
            }
            refreshing = true; // the provider stored anew (the list selects it as it replaces its items) keeps its page
            try {
                if (!list.equals(providers)) {
                    providers.setAll(list);
                }
                if (same == null) {
                    selected.set(list.isEmpty() ? null : list.get(0));
                } else if (same.equals(selected.get())) {
                    keys.refresh(ws, same); // a keyring entry or variable may have appeared under the same reference
                    reloadModels();
                } else {
                    selected.set(same);
                }
            } finally {
                refreshing = false;
            }
            if (mode.get() != Mode.ADDING) {
                mode.set(list.isEmpty() ? Mode.EMPTY : Mode.VIEWING);
            }
        }, e -> message.set("Could not read providers: " + e.getMessage()));
    }

    /**
     * Shows this provider's page when asked from elsewhere (Get started's "Add a model", Compare's "Fix in Models…"): at
     * once when the list holds it, else once the providers are read again — the screen built just now, or the provider
     * added from a terminal meanwhile. Typed work it would drop is first saved, discarded or kept as {@link #pickProvider}
     * asks (the provider being added too: the add form gives way to the page); Cancel keeps the provider shown, the add
     * form and what was typed.
     */
    public void selectProvider(long id) {
        Provider now = selected.get();
        if (now != null && now.id() == id && mode.get() != Mode.ADDING) {
            return;
        }
        leave(leavingParts(now == null || now.id() != id), () -> {
            if (mode.get() == Mode.ADDING) {
                cancelAdd();
            }
            Provider p = providers.stream().filter(x -> x.id() == id).findFirst().orElse(null);
            if (p != null) {
                selected.set(p);
                mode.set(Mode.VIEWING);
                return;
            }
            wanted = id;
            refresh();
        });
    }

    /** The provider {@link #selectProvider} asked for when {@code list} holds it (and forgets the wish), else null. */
    private Provider takeWanted(List<Provider> list) {
        Long id = wanted;
        Provider p = id == null ? null : list.stream().filter(x -> x.id() == id).findFirst().orElse(null);
        if (p != null) {
            wanted = null;
        }
        return p;
    }

    /**
     * What the screen holds typed and not saved ("time limits of gpt-4o-mini, the device cost per hour"), null when
     * nothing: the provider being added, a key being set, the picked model's prices and time limits, the device cost.
     * A field the user has not changed does not count. The window names it before quitting or opening another workspace.
     */
    public String unsavedWork() {
        List<String> work = new java.util.ArrayList<>();
        if (mode.get() == Mode.ADDING) {
            work.add(form.unsavedWork());
        }
        work.add(keys.unsavedWork());
        work.add(prices.unsavedWork());
        work.add(limits.unsavedWork());
        work.add(local.unsavedWork());
        List<String> said = work.stream().filter(w -> w != null).toList();
        return said.isEmpty() ? null : String.join(", ", said);
    }

    /** Who answers "Save the time limits of gpt-4o-mini?" (the view: a dialog with Save, Discard and Cancel). */
    public void setAskToSave(Function<String, UnsavedChoice> ask) {
        askToSave = ask;
    }

    /**
     * Picks the provider {@code p} (the list), once a key being set and the picked model's prices and time limits typed
     * and not saved — and a provider being added, whose form then gives way to the page — are saved or discarded; Cancel
     * keeps the provider shown (or the add form) and what was typed.
     */
    public void pickProvider(Provider p) {
        Provider now = selected.get();
        if (p == null || (now != null && now.id() == p.id() && mode.get() != Mode.ADDING)) {
            return;
        }
        leave(leavingParts(now == null || now.id() != p.id()), () -> {
            if (mode.get() == Mode.ADDING) {
                cancelAdd();
            }
            selected.set(p);
        });
    }

    /**
     * What leaving the page shown drops: with {@code otherProvider}, the selected provider's key being set and its picked
     * model's time limits and prices (stored first, as the new provider's addition selects it); and the provider being
     * added.
     */
    private List<Part> leavingParts(boolean otherProvider) {
        List<Part> parts = new java.util.ArrayList<>(otherProvider ? providerWork() : List.of());
        parts.add(new Part(mode.get() == Mode.ADDING ? form.unsavedWork() : null, this::addProvider));
        return parts;
    }

    /** The selected provider's page typed and not saved: its picked model's time limits and prices, a key being set. */
    private List<Part> providerWork() {
        return List.of(new Part(limits.unsavedWork(), limits::save), new Part(prices.unsavedWork(), prices::save),
                new Part(keys.unsavedWork(), keys::save));
    }

    /**
     * Picks the model {@code row} (the table), once the prices and time limits typed for the model picked now and not
     * saved are saved or discarded; Cancel keeps the model picked and what was typed.
     */
    public void pickModel(ModelRow row) {
        ModelRow now = selectedModel.get();
        if (row == null || (now != null && now.model().id() == row.model().id())) {
            return;
        }
        leave(List.of(new Part(limits.unsavedWork(), limits::save), new Part(prices.unsavedWork(), prices::save)),
                () -> selectedModel.set(row));
    }

    /** Typed work that {@code save} stores, calling its argument once stored (not when it cannot be); null: none. */
    private record Part(String what, Consumer<Runnable> save) {
    }

    /**
     * Runs {@code then} at once when none of {@code parts} holds typed work; otherwise asks "Save … ?" naming it: Save
     * stores each in turn and runs {@code then} once all are stored (a save that fails says why in its own pane and
     * leaves everything where it was), Discard runs {@code then}, Cancel does nothing.
     */
    private void leave(List<Part> parts, Runnable then) {
        List<Part> typed = parts.stream().filter(p -> p.what() != null).toList();
        if (typed.isEmpty()) {
            then.run();
            return;
        }
        String question = "Save " + typed.stream().map(Part::what).collect(Collectors.joining(" and ")) + "?";
        switch (askToSave.apply(question)) {
            case SAVE -> saveInTurn(typed, 0, then);
            case DISCARD -> then.run();
            case CANCEL -> { }
        }
    }

    private static void saveInTurn(List<Part> parts, int i, Runnable then) {
        if (i == parts.size()) {
            then.run();
        } else {
            parts.get(i).save().accept(() -> saveInTurn(parts, i + 1, then));
        }
    }

    /**
     * Opens the add form and probes the keyring in the background. The provider page it replaces (a key being set, the
     * picked model's time limits and prices — an added provider is selected, which would drop them) and a provider being
     * added with something typed are first saved, discarded or kept (Cancel: the page or the form stays as typed), see
     * {@link #setAskToSave}.
     */
    public void beginAdd() {
        boolean viewing = mode.get() == Mode.VIEWING;
        leave(leavingParts(viewing), () -> {
            if (viewing) {
                discardProviderWork(); // not kept hidden behind the form, to come back after Cancel
            }
            startAdd();
        });
    }

    /** Puts what was typed on the selected provider's page back as stored (Set key… closed, limits and prices re-read). */
    private void discardProviderWork() {
        Workspace ws = workspace;
        if (keys.unsavedWork() != null) {
            keys.cancel();
        }
        if (limits.unsavedWork() != null || prices.unsavedWork() != null) {
            ModelRow row = selectedModel.get();
            prices.show(ws, () -> services.directory(ws), row == null ? null : row.model());
            limits.show(ws, () -> services.directory(ws), row == null ? null : row.model());
        }
    }

    private void startAdd() {
        form.reset();
        mode.set(Mode.ADDING);
        ProviderKeyEditor.probe(tasks, vault, form.keys());
    }

    public void cancelAdd() {
        form.keys().clearSecret();
        mode.set(providers.isEmpty() ? Mode.EMPTY : Mode.VIEWING);
    }

    /** Validates the form, stores the key where the user chose, inserts the provider and selects it. */
    public void addProvider() {
        addProvider(() -> { });
    }

    /** {@link #addProvider()}, then {@code then} once the provider is stored and selected (not when it is not). */
    private void addProvider(Runnable then) {
        Workspace ws = workspace;
        if (ws == null) {
            return;
        }
        ProviderForm.Draft d = form.validate(providers.stream().map(Provider::name).toList());
        if (d == null) {
            return;
        }
        KeyVault.Status ring = form.keys().keyringProperty().get();
        String reason = ring == null ? "The OS keyring was not used." : ring.reason();
        tasks.run("Add provider", () -> {
            Provider draft = Provider.of(d.kind(), d.name(), d.baseUrl(), null, d.presetId());
            String ref = vault.store(ProviderKeys.slugFor(draft, ws.providers().list()), d.key(), reason);
            Optional<Provider> removed = RemovedProviders.removedNamed(ws, d.name());
            return removed.isPresent() // a removed one comes back with its history (decision 35)
                    ? new Added(RemovedProviders.restoreAs(ws, removed.get(), draft.withAuthRef(ref)), true)
                    : new Added(ws.providers().insert(draft.withAuthRef(ref)), false);
        }, a -> {
            form.keys().clearSecret();
            message.set("Added " + a.provider().name() + (a.restored() ? " back; its models removed with it come back,"
                    + " with their history, when added from the endpoint's list. " : ". ") + TEST_TO_LIST);
            reloadProviders(a.provider().id(), then);
        }, e -> form.errorProperty().set("Could not add the provider: " + e.getMessage()));
    }

    private static final String TEST_TO_LIST = "Test the connection to list its models.";

    private record Added(Provider provider, boolean restored) {
    }

    /** Lists the selected provider's models (this is the connection test); the error sentence on failure. */
    public void testConnection() {
        Provider p = selected.get();
        Workspace ws = workspace;
        if (p == null || ws == null) {
            return;
        }
        connection.set(Connection.TESTING);
        connectionText.set("Connecting to " + p.baseUrl() + " …");
        remote.clear();
        tasks.run("Test connection", () -> {
            String missing = missingKey(p);
            if (missing != null) {
                throw new MissingKeyException(missing); // the server is not asked without the key it needs
            }
            return services.client(ws, p).listModels();
        }, list -> {
            if (p != selected.get()) {
                return;
            }
            Set<String> have = models.stream().map(r -> r.model().apiModelId()).collect(Collectors.toSet());
            remote.setAll(list.stream().sorted(java.util.Comparator.comparing(RemoteModel::id))
                    .map(m -> new RemoteRow(m.id(), m.displayName(), have.contains(m.id()))).toList());
            connection.set(Connection.OK);
            connectionText.set("Connected: " + list.size() + (list.size() == 1 ? " model" : " models") + " listed.");
            if (message.get() != null && message.get().endsWith(TEST_TO_LIST)) {
                message.set(""); // done: the advice to test would stay under the list it asked for
            }
        }, e -> {
            if (p == selected.get()) {
                connection.set(Connection.FAILED);
                connectionText.set(e instanceof CloudException c ? c.explanation() // the provider's words, no exception names
                        : e instanceof MissingKeyException ? e.getMessage() : "Could not connect: " + e.getMessage());
            }
        });
    }

    /** What to do when {@code p} needs a key and has none now; null when it has one or needs none. Off the UI thread. */
    private String missingKey(Provider p) {
        boolean needsKey = p.authRef() != null || form.presets().stream()
                .anyMatch(x -> x.id().equals(p.presetId()) && x.requiresKey());
        KeyVault.KeyState state = needsKey ? vault.locate(p) : null;
        return state == null || state.present() ? null : state.missing();
    }

    private static final class MissingKeyException extends RuntimeException {
        MissingKeyException(String sentence) {
            super(sentence);
        }
    }

    /** Adds these listed models to the selected provider (capabilities and shipped prices from the catalog). */
    public void addRemoteModels(List<RemoteRow> chosen) {
        Provider p = selected.get();
        Workspace ws = workspace;
        List<String> ids = chosen.stream().filter(r -> !r.added()).map(RemoteRow::id).toList();
        if (p == null || ws == null || ids.isEmpty()) {
            message.set(chosen.isEmpty() ? "Select models in the list first." : "Those models are added already.");
            return;
        }
        tasks.run("Add models", () -> {
            var dir = services.directory(ws);
            for (String id : ids) {
                if (ws.models().find(p.id(), id).filter(m -> !RemovedModels.isRemoved(m)).isEmpty()) {
                    dir.addCloudModel(p, id); // new, or back after a removal
                }
            }
            return ids.size();
        }, n -> {
            message.set("Added " + n + (n == 1 ? " model" : " models") + " to " + p.name() + ".");
            remote.replaceAll(r -> ids.contains(r.id()) ? new RemoteRow(r.id(), r.displayName(), true) : r);
            reloadModels();
        }, e -> message.set("Could not add the models: " + e.getMessage()));
    }

    /**
     * Removes the selected cloud model: its row goes, or — when runs or prices refer to it, as every catalog model's
     * shipped price does — it stays for History, marked removed and out of every list of models (README decision 34).
     * Adding it again from the endpoint's list brings it back.
     */
    public void removeSelectedModel() {
        ModelRow row = selectedModel.get();
        Workspace ws = workspace;
        if (row == null || ws == null) {
            return;
        }
        Model m = row.model();
        String name = m.displayName();
        tasks.run("Remove model", () -> RemovedModels.remove(ws, m, clock.instant()), deleted -> {
            message.set(deleted ? "Removed " + name + "." : "Removed " + name + " from the lists of models; its runs and"
                    + " prices keep it in History. Adding it again from the endpoint's models brings it back.");
            selectedModel.set(null);
            remote.replaceAll(r -> r.id().equals(m.apiModelId()) ? new RemoteRow(r.id(), r.displayName(), false) : r);
            reloadModels();
        }, e -> message.set("Could not remove " + name + ": " + e.getMessage()));
    }

    /**
     * Removes the selected provider and its models (README decision 35): rows nothing refers to are deleted; models
     * that runs or prices refer to stay for History, marked removed, and so does the provider, out of every list.
     */
    public void removeSelectedProvider() {
        Provider p = selected.get();
        Workspace ws = workspace;
        if (p == null || ws == null) {
            return;
        }
        tasks.run("Remove provider", () -> RemovedProviders.remove(ws, p, clock.instant()), r -> {
            message.set(r.providerDeleted() ? "Removed " + p.name() + "."
                    : "Removed " + p.name() + " from the lists; History keeps " + (r.modelsKept() == 1
                    ? "1 model of it for its runs and prices." : r.modelsKept() + " models of it for their runs and prices.")
                    + " Adding a provider named " + p.name() + " again brings it back.");
            selectedModel.set(null);
            reloadProviders(null);
        }, e -> message.set("Could not remove " + p.name() + ": " + e.getMessage()));
    }

    // ------------------------------------------------------------------ loading

    private void reloadProviders(Long select) {
        reloadProviders(select, () -> { });
    }

    /** Reads the providers and selects {@code select} (else the first), then runs {@code then}. */
    private void reloadProviders(Long select, Runnable then) {
        Workspace ws = workspace;
        tasks.run("Load providers", () -> cloudProviders(ws), list -> {
                    if (ws != workspace) {
                        return;
                    }
                    providers.setAll(list);
                    Provider asked = takeWanted(list);
                    Provider pick = asked != null ? asked : list.stream().filter(p -> select != null && p.id() == select)
                            .findFirst().orElse(list.isEmpty() ? null : list.get(0));
                    selected.set(pick);
                    mode.set(list.isEmpty() ? Mode.EMPTY : Mode.VIEWING);
                    then.run();
                }, e -> message.set("Could not read providers: " + e.getMessage()));
    }

    private static List<Provider> cloudProviders(Workspace ws) {
        return RemovedProviders.inUse(ws).stream()
                .filter(p -> p.kind() != dev.switchyard.workspace.model.ProviderKind.LOCAL).toList();
    }

    private void showProvider(Provider p) {
        keys.show(workspace, p);
        connection.set(Connection.UNTESTED);
        connectionText.set("");
        remote.clear();
        reloadModels();
    }

    private void reloadModels() {
        Provider p = selected.get();
        Workspace ws = workspace;
        if (p == null || ws == null) {
            models.clear();
            return;
        }
        LocalDate today = LocalDate.now(clock);
        tasks.run("Load models", () -> ws.models().byProvider(p.id()).stream()
                .filter(m -> m.kind() == ModelKind.CLOUD && !RemovedModels.isRemoved(m))
                .map(m -> new ModelRow(m, ws.prices().inForce(m.id(), today).orElse(null))).toList(), rows -> {
                    if (p != selected.get()) {
                        return;
                    }
                    // the model picked when the rows arrive (another one may have been picked since they were asked for)
                    Long keep = selectedModel.get() == null ? null : selectedModel.get().model().id();
                    models.setAll(rows);
                    selectedModel.set(rows.stream().filter(r -> keep != null && r.model().id() == keep).findFirst()
                            .orElse(null));
                }, e -> message.set("Could not read models: " + e.getMessage()));
    }
}
